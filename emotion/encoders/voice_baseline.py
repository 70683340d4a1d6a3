"""A person's own voice baseline: running statistics of their clips' features, so that each new
clip is read against how that person usually sounds rather than against everyone.

    mu_u, var_u  = running mean and variance of the person's n earlier clips (Welford)
    mu  = (n mu_u  + k mu_0)  / (n + k)          # shrunk towards the population prior (mu_0, var_0)
    var = (n var_u + k var_0) / (n + k)          # k = ``strength``: clips the prior is worth
    z   = (x - mu) / sqrt(var + eps)             # what the speech emotion head reads

With no history (n = 0) this is the population standardisation; the person's baseline takes
over as their clips accumulate. The statistics hold no audio and no words, only (2, F) floats,
and are erased with the rest of the person's data.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EPS = 1e-4


@dataclass
class VoiceBaseline:
    """Running statistics of one person's clip features.

    n: clips seen; mean: (F,) their mean; m2: (F,) sum of squared deviations (Welford).
    """

    n: int
    mean: np.ndarray
    m2: np.ndarray

    @classmethod
    def empty(cls, dim: int) -> "VoiceBaseline":
        return cls(0, np.zeros(dim, np.float64), np.zeros(dim, np.float64))

    @classmethod
    def of(cls, features: np.ndarray) -> "VoiceBaseline":
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
    def from_json(cls, data: dict) -> "VoiceBaseline":
        return cls(int(data["n"]), np.asarray(data["mean"], np.float64), np.asarray(data["m2"], np.float64))
