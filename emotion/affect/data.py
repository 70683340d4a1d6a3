"""Readers of the shared data used by the affect heads (crisis, distress, tutoring).

All readers take the data root (``emotion.data.meld.data_dir()``: ``$EMOBOT_DATA_DIR`` or
``../shared/data``) and never copy raw data into the repository.

Splits are deterministic: a Reddit C-SSRS user and a MathBuddy conversation id (ids repeat:
the same conversation at several points) go to the held-out test set when ``crc32(id) % 5 == 0`` (about 20 %).
"""
from __future__ import annotations

import ast
import csv
import json
import random
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from emotion.affect.patterns import match_risk

CRISIS_LEVELS = ("Ideation", "Behavior", "Attempt")  # C-SSRS levels that mean "escalate"
NOT_CRISIS_LEVELS = ("Supportive", "Indicator")
SADNESS_GOEMOTIONS = ("sadness", "grief", "disappointment")
TUTORING_CLASSES = ("engagement", "neutral", "boredom")

csv.field_size_limit(sys.maxsize)


def is_test(key: str) -> bool:
    """Deterministic held-out split: True for about 20 % of keys."""
    return zlib.crc32(str(key).encode()) % 5 == 0


@dataclass(frozen=True)
class RiskUser:
    user: str
    posts: list[str]
    level: str  # Supportive < Indicator < Ideation < Behavior < Attempt

    @property
    def crisis(self) -> int:
        return int(self.level in CRISIS_LEVELS)


def _posts(cell: str) -> list[str]:
    """The ``Post`` cell (a Python list literal, sometimes cut short) as a list of posts."""
    try:
        value = ast.literal_eval(cell)
        if isinstance(value, list):
            return [str(p) for p in value if str(p).strip()]
    except (ValueError, SyntaxError):
        pass
    body = cell.strip().lstrip("[").rstrip("]")
    return [p.strip(" '\"") for p in re.split(r"['\"],\s*['\"]", body) if p.strip(" '\"")]


def load_cssrs(root: Path) -> list[RiskUser]:
    path = root / "reddit_cssrs_suicide" / "500_Reddit_users_posts_labels.csv"
    with open(path, newline="", encoding="utf-8") as f:
        return [RiskUser(r["User"], _posts(r["Post"]), r["Label"]) for r in csv.DictReader(f)]


def _goemotions(root: Path, split: str) -> list[tuple[str, set[str], str]]:
    names = (root / "goemotions" / "emotions.txt").read_text().split()
    rows = []
    with open(root / "goemotions" / f"{split}.tsv", encoding="utf-8") as f:
        for line in f:
            text, ids, cid = line.rstrip("\n").split("\t")
            rows.append((text, {names[int(i)] for i in ids.split(",")}, cid))
    return rows


def goemotions(root: Path, split: str) -> list[tuple[str, set[str]]]:
    """GoEmotions ``split`` (train/dev/test): (text, set of label names)."""
    return [(t, labels) for t, labels, _ in _goemotions(root, split)]


def esconv_seeker_turns(root: Path, split: str, emotions: tuple[str, ...] | None = None,
                        min_chars: int = 25) -> list[tuple[str, int]]:
    """ESConv seeker ("usr") turns of ``split``: (text, initial emotion intensity 1..5)."""
    out = []
    with open(root / "esconv" / f"{split}.json", encoding="utf-8") as f:
        for line in f:
            conv = json.loads(line)
            if emotions and conv["emotion_type"] not in emotions:
                continue
            intensity = int(conv["survey_score"]["seeker"]["initial_emotion_intensity"])
            out += [(t["text"], intensity) for t in conv["dialog"]
                    if t["speaker"] == "usr" and len(t["text"]) >= min_chars]
    return out


def ordinary_sadness(root: Path, limit_esconv: int = 600, seed: int = 0) -> list[str]:
    """Held-out "ordinary sadness" texts with no explicit risk language (negatives for crisis).

    GoEmotions test comments labelled sadness/grief/disappointment, plus ESConv test seeker
    turns of sadness/depression conversations (a seeded sample of ``limit_esconv``). Texts
    matching a risk pattern are left out: this set measures false alarms on sadness that is
    *not* a crisis.
    """
    go = [t for t, labels in goemotions(root, "test") if labels & set(SADNESS_GOEMOTIONS)]
    es = [t for t, _ in esconv_seeker_turns(root, "test", ("sadness", "depression"))]
    random.Random(seed).shuffle(es)
    return [t for t in go + es[:limit_esconv] if not match_risk(t)]


def dreaddit(root: Path, split: str) -> list[tuple[str, int]]:
    """Dreaddit ``split`` (train/test): (text, 1 = stressed)."""
    with open(root / "dreaddit" / f"dreaddit-{split}.csv", newline="", encoding="utf-8") as f:
        return [(r["text"], int(r["label"])) for r in csv.DictReader(f)]


@dataclass(frozen=True)
class TutoringItem:
    """One MathBuddy row: one emotion a conversation's last student turn shows, and how strongly."""

    id: str
    emotion: str  # engagement | neutral | boredom
    utterance: str  # the last student turn
    history: list[dict]  # [{text, user: Teacher|Student, dialog_act}]
    polarity: int = 0  # intensity 1 (low) .. 3 (high); 0 when a file does not give one


@dataclass(frozen=True)
class TutoringConversation:
    """One annotated MathBuddy conversation with all its rows.

    MathBuddy gives a conversation one row per emotion its last student turn shows (never the
    same emotion twice), each with an intensity; 117 of its 203 conversations have two or three
    rows with the same words and different emotions. Its *main* emotion is the one with the
    highest intensity (several when they tie).
    """

    id: str
    utterance: str
    history: list[dict]
    intensity: dict[str, int]  # emotion -> 1..3, in the order of the rows

    @property
    def main(self) -> tuple[str, ...]:
        """The emotions with the highest intensity, in row order (one unless intensities tie)."""
        top = max(self.intensity.values())
        return tuple(e for e, v in self.intensity.items() if v == top)

    def target(self, predicted: str) -> str:
        """The emotion a prediction is scored against: ``predicted`` when it is a main emotion,
        else the first main emotion."""
        return predicted if predicted in self.main else self.main[0]


def load_mathbuddy(path: Path) -> list[TutoringItem]:
    """A MathBuddy-format JSON array of {id, emotion, polarity, utterance, history}."""
    items = []
    for row in json.loads(Path(path).read_text()):
        history = row.get("history") or []
        if isinstance(history, str):
            history = json.loads(history)
        items.append(TutoringItem(str(row["id"]), str(row["emotion"]), str(row["utterance"]), history,
                                  int(row.get("polarity") or 0)))
    return items


def tutoring_conversations(items: list[TutoringItem]) -> list[TutoringConversation]:
    """The rows grouped into conversations (same id and same words), in first-seen order. A row
    without an intensity counts as intensity 1; an emotion given twice keeps its higher one."""
    groups: dict[tuple[str, str, str], dict[str, int]] = {}
    first: dict[tuple[str, str, str], TutoringItem] = {}
    for it in items:
        key = (it.id, it.utterance, json.dumps(it.history, sort_keys=True))
        first.setdefault(key, it)
        seen = groups.setdefault(key, {})
        seen[it.emotion] = max(seen.get(it.emotion, 0), max(1, it.polarity))
    return [TutoringConversation(it.id, it.utterance, it.history, groups[key]) for key, it in first.items()]


def mathbuddy_path(root: Path) -> Path:
    return root / "mathbuddy_tutoring_affect" / "emotion_annotations_mathdial_bridge.json"
