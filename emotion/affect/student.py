"""How a student in a tutoring chat feels, from one message: a softmax head on sentence embeddings.

    s = softmax(W · standardise([e ; f]) + b) ∈ Δ^5 over STUDENT_CLASSES

e ∈ R^384: the all-MiniLM-L6-v2 sentence embedding (||e|| = 1, the affect heads' embedder);
f ∈ R^4: ``tutor_scalars`` (words, '?', a number, earlier turns). Trained by
``emotion/training/student_affect.py`` on chat-style student messages written for training and
MathBuddy's training conversations; scored on a separately written frozen test set.
"""
from __future__ import annotations

import torch
from torch import nn

STUDENT_CLASSES = ("confusion", "frustration", "boredom", "engagement", "neutral")
CHECKPOINT_NAME = "student_affect.pt"


class StudentAffectHead(nn.Module):
    """x (B, 388) = [e ; f] -> (B, 5) probabilities over STUDENT_CLASSES."""

    def __init__(self, dim: int = 388) -> None:
        super().__init__()
        self.linear = nn.Linear(dim, len(STUDENT_CLASSES))
        self.register_buffer("mean", torch.zeros(dim))
        self.register_buffer("scale", torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.linear((x - self.mean) / self.scale), dim=-1)
