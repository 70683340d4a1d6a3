"""Late fusion of per-modality readings into one turn reading.

Weighted log-linear pooling of the modalities m that were used this turn:

    p(y) ∝ Π_m p_m(y) ^ (w_m / Σ_k w_k)

(a weighted geometric mean: with one modality it returns that modality's distribution; with
several, labels that every modality finds likely win). Confidence is the top fused probability.
The conversation graph's reading takes the place of the modalities it reads
(``emotion.service.context.fuse_in_context``); this pools it with the rest, or is the
context-free reading when no graph is loaded.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

from emotion.encoders.base import ModalityOutput
from emotion.labels import NUM_LABELS
from emotion.tracking import EmotionReading
from emotion.tracking.baseline import PersonBaseline

_FLOOR = 1e-6


def against_baseline(probs: Sequence[float], baseline: PersonBaseline | None, strength: float) -> list[float]:
    """A reading relative to how this person usually reads: (7,) probabilities divided by the
    person's mean reading shrunk towards uniform, renormalised:

        b = (n m + k u) / (n + k),   p'(y) ∝ p(y) / b(y)        # n readings seen, k = ``strength``

    With no history p' = p; a face that reads the same every turn (a resting face read as sad)
    tends to uniform, so it no longer outweighs what the person says; a change from it stands out.
    """
    p = [max(v, _FLOOR) for v in probs]
    if baseline is None or baseline.n == 0:
        return list(probs)
    u = 1.0 / len(p)
    b = [(baseline.n * m + strength * u) / (baseline.n + strength) for m in baseline.mean]
    ratio = [v / max(w, _FLOOR) for v, w in zip(p, b)]
    total = sum(ratio)
    return [r / total for r in ratio]


def fuse(outputs: Sequence[ModalityOutput], weights: Mapping[str, float]) -> EmotionReading:
    if not outputs:
        raise ValueError("nothing to fuse")
    total = sum(weights.get(o.modality, 1.0) for o in outputs)
    logits = [0.0] * NUM_LABELS
    for o in outputs:
        w = weights.get(o.modality, 1.0) / total
        for i, p in enumerate(o.probs):
            logits[i] += w * math.log(max(p, _FLOOR))
    peak = max(logits)
    unnorm = [math.exp(z - peak) for z in logits]
    z = sum(unnorm)
    probs = tuple(u / z for u in unnorm)
    return EmotionReading(probs=probs, confidence=max(probs))
