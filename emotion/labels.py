"""The common emotion label set and its circumplex (valence/arousal) prototypes.

Every probability vector in emobot is ordered as ``LABELS``. Valence and arousal are in
[-1, 1]; the expected (valence, arousal) of a distribution p is ``p @ PROTOTYPES`` where
``PROTOTYPES`` is the (7, 2) table in ``emotion/config/labels.yaml``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

import yaml

_CONFIG = Path(__file__).parent / "config" / "labels.yaml"


@lru_cache(maxsize=1)
def _config() -> dict:
    return yaml.safe_load(_CONFIG.read_text())


LABELS: tuple[str, ...] = tuple(_config()["labels"])
NUM_LABELS = len(LABELS)
LABEL_INDEX: dict[str, int] = {name: i for i, name in enumerate(LABELS)}
PROTOTYPES: tuple[tuple[float, float], ...] = tuple(
    (float(v["valence"]), float(v["arousal"])) for v in _config()["labels"].values()
)


def normalise_label(raw: str) -> str | None:
    """Map a dataset label (any case, or an alias from label_map.json) to a common label.

    Returns None for labels with no counterpart (e.g. ``contempt``) or unknown labels.
    """
    key = raw.strip().lower()
    if key in LABEL_INDEX:
        return key
    return _config()["aliases"].get(key)


def valence_arousal(probs: Sequence[float]) -> tuple[float, float]:
    """Expected (valence, arousal) in [-1, 1] of a distribution over ``LABELS``."""
    if len(probs) != NUM_LABELS:
        raise ValueError(f"expected {NUM_LABELS} probabilities, got {len(probs)}")
    valence = sum(p * va[0] for p, va in zip(probs, PROTOTYPES))
    arousal = sum(p * va[1] for p, va in zip(probs, PROTOTYPES))
    return float(valence), float(arousal)
