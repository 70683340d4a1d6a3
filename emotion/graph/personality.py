"""Big-Five traits of speakers: a small estimator learned from FriendsPersona, and per-speaker evidence.

Estimator. For a speaker with utterance embeddings e_1..e_n (text node embeddings, (384,) each)
the traits are five independent logistic regressions on their mean:

    ē = (1/n) Σ_k e_k,   t = σ(W ē + b) ∈ [0, 1]^5   (W: (5, 384))

trained on FriendsPersona scenes (the lines of the scene's annotated character; binary labels
per trait), reserved Friends episodes left out. Confidence grows with evidence, measured in
characters typed: c = 1 − exp(−n_chars / chars_scale).

Training the graph on MELD uses each Friends main character's mean annotated traits (over the
non-reserved FriendsPersona scenes, confidence 1), joined by normalised first name; other MELD
speakers get no traits (confidence 0).
"""
from __future__ import annotations

import csv
import html
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from emotion.data.meld import RESERVED_EPISODES

TRAITS: tuple[str, ...] = ("agreeableness", "conscientiousness", "extraversion", "openness", "neuroticism")
PERSONA_COLUMNS: tuple[str, ...] = ("cAGR", "cCON", "cEXT", "cOPN", "cNEU")
MAIN_CHARACTERS: frozenset[str] = frozenset({"chandler", "joey", "monica", "phoebe", "rachel", "ross"})
_LINE = re.compile(r"<b>(.+?)</b>:\s*(.*)", re.S)


def first_name(name: str) -> str:
    """'Monica Geller' -> 'monica'; "['Ross Geller']" -> 'ross'; 'The Interviewer' -> 'the'."""
    words = re.findall(r"[a-z]+", name.lower())
    return words[0] if words else ""


@dataclass(frozen=True)
class PersonaScene:
    """One FriendsPersona scene: the annotated character's lines and its 5 binary traits."""

    scene_id: str  # e.g. "01_e01_c05"
    character: str  # first name
    lines: list[str]
    traits: tuple[float, ...]

    @property
    def reserved(self) -> bool:
        season, episode = self.scene_id.split("_")[:2]
        return (int(season), int(episode.lstrip("e"))) in RESERVED_EPISODES


def load_persona(path: Path | str) -> list[PersonaScene]:
    """Scenes of ``friends-personality.csv`` that have at least one line of their character."""
    scenes = []
    with Path(path).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            who = first_name(row["character"])
            lines = []
            for chunk in row["text"].split("<br><br>"):
                m = _LINE.match(chunk.strip())
                if m and first_name(m.group(1)) == who:
                    line = html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip()
                    if line:
                        lines.append(line)
            if lines:
                scenes.append(PersonaScene(row["scene_id"], who, lines, tuple(float(row[c]) for c in PERSONA_COLUMNS)))
    return scenes


def character_traits(scenes: list[PersonaScene]) -> dict[str, list[float]]:
    """Mean annotated traits (5,) of each Friends main character over ``scenes``."""
    table: dict[str, list[tuple[float, ...]]] = {}
    for s in scenes:
        if s.character in MAIN_CHARACTERS:
            table.setdefault(s.character, []).append(s.traits)
    return {name: np.mean(v, axis=0).round(4).tolist() for name, v in sorted(table.items())}


@dataclass
class PersonalityEstimator:
    """t = σ(W ē + b); W (5, D), b (5,). ``chars_scale``: characters for confidence 1 − 1/e."""

    weight: torch.Tensor
    bias: torch.Tensor
    chars_scale: float = 600.0

    @classmethod
    def fit(cls, mean_embeddings: np.ndarray, labels: np.ndarray, c: float = 1.0, chars_scale: float = 600.0) -> "PersonalityEstimator":
        """mean_embeddings (S, D), labels (S, 5) in {0, 1}: one L2 logistic regression per trait."""
        from sklearn.linear_model import LogisticRegression

        w, b = [], []
        for k in range(labels.shape[1]):
            lr = LogisticRegression(C=c, max_iter=2000).fit(mean_embeddings, labels[:, k])
            w.append(lr.coef_[0])
            b.append(lr.intercept_[0])
        return cls(torch.tensor(np.array(w), dtype=torch.float32), torch.tensor(b, dtype=torch.float32), chars_scale)

    def traits(self, mean_embedding: torch.Tensor) -> torch.Tensor:
        """(D,) or (S, D) mean embedding -> (5,) or (S, 5) traits in [0, 1]."""
        return torch.sigmoid(mean_embedding @ self.weight.T + self.bias)

    def confidence(self, n_chars: int) -> float:
        return 1.0 - math.exp(-n_chars / self.chars_scale)

    def state_dict(self) -> dict:
        return {"weight": self.weight, "bias": self.bias, "chars_scale": self.chars_scale}

    @classmethod
    def from_state_dict(cls, d: dict) -> "PersonalityEstimator":
        return cls(d["weight"].float(), d["bias"].float(), float(d["chars_scale"]))


@dataclass
class SpeakerEvidence:
    """Running evidence about one speaker (bounded state: a sum, two counters)."""

    embedding_sum: torch.Tensor | None = None
    n_turns: int = 0
    n_chars: int = 0

    def add(self, embedding: torch.Tensor, text: str) -> None:
        e = torch.as_tensor(embedding, dtype=torch.float32)
        self.embedding_sum = e.clone() if self.embedding_sum is None else self.embedding_sum + e
        self.n_turns += 1
        self.n_chars += len(text)

    def estimate(self, estimator: PersonalityEstimator) -> tuple[torch.Tensor, float]:
        """(traits (5,), confidence in [0, 1]); 0.5 and 0 without evidence."""
        if self.embedding_sum is None:
            return torch.full((len(TRAITS),), 0.5), 0.0
        return estimator.traits(self.embedding_sum / self.n_turns), estimator.confidence(self.n_chars)
