"""How a person feels, from one chat message: softmax heads on its sentence embedding.

    p = softmax(W · standardise([e ; f]) + b) ∈ Δ^K over a head's classes

e ∈ R^384: the all-MiniLM-L6-v2 sentence embedding (||e|| = 1, the affect heads' embedder);
f ∈ R^4: ``tutor_scalars`` (words, '?', a number, earlier turns = 0). Two heads, each trained by
``emotion/training/message_affect.py`` on chat-style messages written for training and scored on
a separately written frozen test set:

- STUDENT: a student in a tutoring chat (``derived.tutoring``);
- SERVICE: a customer of a service or help-desk bot (``derived.service``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn


@dataclass(frozen=True)
class HeadSpec:
    """A message head: its ``classes`` (the order of its outputs), checkpoint file and the
    command that trains it."""

    name: str
    classes: tuple[str, ...]
    checkpoint: str
    train_with: str


STUDENT = HeadSpec("student affect", ("confusion", "frustration", "boredom", "engagement", "neutral"),
                   "student_affect.pt", "emobot train student-affect")
SERVICE = HeadSpec("service affect", ("frustration", "satisfaction", "neither"),
                   "service_affect.pt", "emobot train service-affect")
HEADS = {"student": STUDENT, "service": SERVICE}
STUDENT_CLASSES = STUDENT.classes
SERVICE_CLASSES = SERVICE.classes


class MessageHead(nn.Module):
    """x (B, D) = [e ; f] -> (B, K) probabilities over the head's classes."""

    def __init__(self, dim: int = 388, n_classes: int = len(STUDENT_CLASSES)) -> None:
        super().__init__()
        self.linear = nn.Linear(dim, n_classes)
        self.register_buffer("mean", torch.zeros(dim))
        self.register_buffer("scale", torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.linear((x - self.mean) / self.scale), dim=-1)

    @classmethod
    def load(cls, spec: HeadSpec, checkpoint_dir: Path | None = None) -> "MessageHead":
        """The head of ``spec`` from its checkpoint (FileNotFoundError naming how to train it)."""
        from emotion.settings import checkpoint_file

        ckpt = torch.load(checkpoint_file(spec.checkpoint, checkpoint_dir, spec.train_with),
                          map_location="cpu", weights_only=True)
        weight = ckpt["state_dict"]["linear.weight"]
        head = cls(weight.shape[1], weight.shape[0])
        head.load_state_dict(ckpt["state_dict"])
        return head.eval()
