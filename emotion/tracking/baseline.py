"""A person's own baseline: running statistics of their clips' or faces' features, so that each
new one is read against how that person usually sounds or looks rather than against everyone.

    mu_u, var_u  = running mean and variance of the person's n earlier clips (Welford)
    mu  = (n mu_u  + k mu_0)  / (n + k)          # shrunk towards the population prior (mu_0, var_0)
    var = (n var_u + k var_0) / (n + k)          # k = ``strength``: clips the prior is worth
    z   = (x - mu) / sqrt(var + eps)             # what the speech emotion head reads

With no history (n = 0) this is the population standardisation; the person's baseline takes
over as their clips accumulate. The statistics hold no audio, no images and no words, only
(2, F) floats, and are erased with the rest of the person's data (``person_baselines``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

EPS = 1e-4


@dataclass
class PersonBaseline:
    """Running statistics of one person's clip features.

    n: clips seen; mean: (F,) their mean; m2: (F,) sum of squared deviations (Welford).
    """

    n: int
    mean: np.ndarray
    m2: np.ndarray

    @classmethod
    def stored(cls, row: Any, space: str | None) -> "PersonBaseline | None":
        """A stored baseline (anything with ``space``, ``count`` and ``stats`` = {mean, m2}), or None
        when there is none, it is empty, or it was measured in another feature space than ``space``."""
        if row is None or space is None or row.space != space or not row.count:
            return None
        return cls.from_json({"n": row.count, **row.stats})

    @classmethod
    def empty(cls, dim: int) -> "PersonBaseline":
        return cls(0, np.zeros(dim, np.float64), np.zeros(dim, np.float64))

    @classmethod
    def of(cls, features: np.ndarray) -> "PersonBaseline":
        """The baseline of (n, F) features."""
        baseline = cls.empty(features.shape[1])
        for x in features:
            baseline.add(x)
        return baseline

    def add(self, x: np.ndarray) -> None:
        """Count one more clip's (F,) features."""
        self.n += 1
        delta = x - self.mean
        self.mean = self.mean + delta / self.n
        self.m2 = self.m2 + delta * (x - self.mean)

    def normalise(self, x: np.ndarray, prior_mean: np.ndarray, prior_var: np.ndarray,
                  strength: float) -> np.ndarray:
        """(..., F) features -> standardised against this baseline shrunk towards the prior."""
        var_u = self.m2 / self.n if self.n else prior_var
        mean = (self.n * self.mean + strength * prior_mean) / (self.n + strength)
        var = (self.n * var_u + strength * prior_var) / (self.n + strength)
        return (x - mean) / np.sqrt(var + EPS)

    def to_json(self) -> dict:
        return {"n": self.n, "mean": [float(v) for v in self.mean], "m2": [float(v) for v in self.m2]}

    @classmethod
    def from_json(cls, data: dict) -> "PersonBaseline":
        return cls(int(data["n"]), np.asarray(data["mean"], np.float64), np.asarray(data["m2"], np.float64))
