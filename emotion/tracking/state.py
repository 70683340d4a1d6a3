"""The tracked emotion state of one speaker, updated after every analysed turn.

Given the speaker's previous state s_{t-1} (a distribution over LABELS) and this turn's reading
r_t, the state is an exponential moving average

    s_t = a * r_t + (1 - a) * s_{t-1},        s_0 = r_0,      a = ``smoothing`` in (0, 1]

Valence/arousal of the state are the expectation of the label prototypes under s_t
(``emotion.labels.valence_arousal``). The trend is the least-squares slope, per turn, of this
speaker's last ``window`` readings (valence, arousal and each label's probability): positive
valence trend = the user is getting happier. Confidence grows with evidence:

    confidence_t = max(s_t) * (1 - exp(-n_t / 2)),   n_t = turns observed (capped at ``window``)

Everything here is pure (no I/O): the mood log persists the states, so a restarted or second
service instance continues a session from the database.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from emotion.labels import LABELS, NUM_LABELS, valence_arousal


@dataclass(frozen=True)
class EmotionReading:
    """One turn's fused emotion reading. probs: (7,) over LABELS; confidence in [0, 1]."""

    probs: tuple[float, ...]
    confidence: float

    def __post_init__(self) -> None:
        if len(self.probs) != NUM_LABELS:
            raise ValueError(f"expected {NUM_LABELS} probabilities, got {len(self.probs)}")

    @property
    def label(self) -> str:
        return LABELS[max(range(NUM_LABELS), key=self.probs.__getitem__)]

    @property
    def valence_arousal(self) -> tuple[float, float]:
        return valence_arousal(self.probs)


@dataclass(frozen=True)
class TrackedState:
    """A speaker's state after a turn. Trends are slopes per turn (units of [-1, 1] per turn)."""

    probs: tuple[float, ...]
    valence: float
    arousal: float
    confidence: float
    trend_valence: float
    trend_arousal: float
    trend_labels: dict[str, float]
    turns_observed: int

    @property
    def label(self) -> str:
        return LABELS[max(range(NUM_LABELS), key=self.probs.__getitem__)]


def slope(values: Sequence[float]) -> float:
    """Least-squares slope of ``values`` against 0, 1, 2, ...; 0.0 for fewer than two points."""
    n = len(values)
    if n < 2:
        return 0.0
    mean_x = (n - 1) / 2
    mean_y = sum(values) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values))
    var = sum((x - mean_x) ** 2 for x in range(n))
    return cov / var


def track(
    previous: TrackedState | None,
    history: Sequence[EmotionReading],
    reading: EmotionReading,
    *,
    smoothing: float,
    window: int,
) -> TrackedState:
    """The state after ``reading``.

    previous: the speaker's state before this turn (None on their first analysed turn).
    history: the speaker's earlier readings, oldest first (only the last ``window - 1`` are used).
    """
    if previous is None:
        probs = reading.probs
        observed = 1
    else:
        probs = tuple(smoothing * r + (1 - smoothing) * p for r, p in zip(reading.probs, previous.probs))
        observed = previous.turns_observed + 1
    recent = [*history[-(window - 1):], reading] if window > 1 else [reading]
    valence, arousal = valence_arousal(probs)
    evidence = 1 - math.exp(-min(observed, window) / 2)
    return TrackedState(
        probs=probs,
        valence=valence,
        arousal=arousal,
        confidence=max(probs) * evidence,
        trend_valence=slope([r.valence_arousal[0] for r in recent]),
        trend_arousal=slope([r.valence_arousal[1] for r in recent]),
        trend_labels={label: slope([r.probs[i] for r in recent]) for i, label in enumerate(LABELS)},
        turns_observed=observed,
    )
