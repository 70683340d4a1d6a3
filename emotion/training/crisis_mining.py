"""Hard negatives for the crisis detector: everyday texts that look like risk to a first model.

The fine-tuned crisis encoder reads ordinary plans and logistics ("going to take the weekend to
just rest before starting monday") as risk: its everyday negatives are a random sample, and few of
them sit near the risk language. Mining picks the ones that do. From the texts of the everyday
pools not already sampled (ESConv seeker turns, GoEmotions, DailyDialog; train splits, no held-out
line), ``pool`` of them are drawn (seeded), those the lexicon reads as risk (score >= 0.3) are
left out, and a logistic head on the frozen sentence embeddings e (N, 384), fitted on the training
rows, scores the rest:

    p = σ(v · e + b);   mined = the ``take`` highest p with p >= ``min_risk``

They join the training set as negatives of weight ``weight`` before the folds, so the encoder, the
character head and the stack all see them like any other row. Config (crisis.yaml)::

    hard_negatives: {pool: 20000, take: 1500, min_risk: 0.5, weight: 1.0}
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import numpy as np

from emotion.crisis.lexicon import Lexicon


@dataclass(frozen=True)
class Mined:
    texts: list[str]
    embeddings: np.ndarray  # (len(texts), 384), float64
    risks: np.ndarray       # (len(texts),) the head's p


def mine_hard_negatives(e: np.ndarray, y: np.ndarray, w: np.ndarray, pool: list[str], embedder: Any,
                        lexicon: Lexicon, cfg: dict, head: Any) -> Mined:
    """The mined negatives (see the module docstring): ``e`` (N, 384), ``y``/``w`` (N,) are the
    training rows' embeddings, labels and weights; ``pool`` the candidate texts; ``head`` an
    unfitted scikit-learn classifier (the training's own logistic regression)."""
    hn = cfg["hard_negatives"]
    drawn = list(dict.fromkeys(t for t in pool if t.strip()))
    random.Random(cfg["seed"]).shuffle(drawn)
    drawn = [t for t in drawn[: int(hn["pool"])] if lexicon.read(t).score < 0.3]
    head.fit(e, y, sample_weight=w)
    pe = embedder.embed(drawn).astype(np.float64)
    p = head.predict_proba(pe)[:, 1]
    order = [i for i in np.argsort(-p, kind="stable")[: int(hn["take"])] if p[i] >= float(hn["min_risk"])]
    print(f"hard negatives: {len(order)} of {len(drawn)} pool texts (p from {p[order[-1]]:.2f} to {p[order[0]]:.2f})"
          if order else f"hard negatives: none of {len(drawn)} pool texts", flush=True)
    return Mined([drawn[i] for i in order], pe[order], p[order])
