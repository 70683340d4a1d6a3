"""The graph checkpoint: model weights (fp16), temperature, personality estimator, trait table."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch

from emotion.graph.model import ConversationGraphModel, GraphModelConfig
from emotion.graph.personality import PersonalityEstimator
from emotion.labels import LABELS

CHECKPOINT_NAME = "graph.pt"


@dataclass
class GraphCheckpoint:
    """What ``graph.pt`` holds. ``feature_source`` names the text features it was trained on
    (``text_emotion:<sha256[:16]>`` or ``minilm-frozen``); ``modality_sources`` the audio and
    face encoders whose embeddings trained those inputs (``speech:<sha256[:16]>``,
    ``face:<sha256[:16]>``; empty for a text-only model); ``character_traits``: first name -> (5,)."""

    model: ConversationGraphModel
    temperature: float
    estimator: PersonalityEstimator
    character_traits: dict[str, list[float]]
    feature_source: str
    info: dict
    modality_sources: dict[str, str]


def save_checkpoint(path: Path, model: ConversationGraphModel, temperature: float, estimator: PersonalityEstimator,
                    character_traits: dict[str, list[float]], feature_source: str, info: dict,
                    modality_sources: dict[str, str] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({
        "config": model.cfg.to_dict(),
        "labels": list(LABELS),
        "temperature": float(temperature),
        "state_dict": {k: v.detach().to(torch.float16).clone() for k, v in model.state_dict().items()},
        "personality": estimator.state_dict(),
        "character_traits": character_traits,
        "feature_source": feature_source,
        "modality_sources": dict(modality_sources or {}),
        "info": info,
    }, path)


def load_checkpoint(path: Path | None = None) -> GraphCheckpoint:
    """Load ``graph.pt`` (default: ``<settings.checkpoint_dir>/graph.pt``); model in eval mode.

    Raises FileNotFoundError when it is missing, ValueError on a different label order.
    """
    if path is None:
        from emotion.settings import checkpoint_root

        path = checkpoint_root() / CHECKPOINT_NAME
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"graph checkpoint not found: {path} (train it with `emobot train graph`)")
    ckpt = torch.load(path, map_location="cpu", weights_only=True)
    if tuple(ckpt["labels"]) != LABELS:
        raise ValueError(f"{path}: label order {ckpt['labels']} differs from {LABELS}")
    model = ConversationGraphModel(GraphModelConfig(**ckpt["config"]))
    model.load_state_dict({k: v.float() for k, v in ckpt["state_dict"].items()})
    return GraphCheckpoint(
        model.eval(), float(ckpt["temperature"]), PersonalityEstimator.from_state_dict(ckpt["personality"]),
        ckpt["character_traits"], ckpt["feature_source"], ckpt["info"], dict(ckpt.get("modality_sources", {})),
    )
