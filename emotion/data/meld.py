"""MELD-format utterance tables: loading, text clean-up and the reserved Friends episodes.

A MELD-format CSV has the columns ``Utterance, Speaker, Emotion, Dialogue_ID, Utterance_ID``;
``Season``/``Episode`` (Friends episode of the row) and ``gender`` are optional. Labels are
mapped onto ``emotion.labels.LABELS`` with ``normalise_label``; rows whose label has no
counterpart, or whose text is empty, are counted in ``MeldTable.skipped`` and left out.
"""
from __future__ import annotations

import csv
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from emotion.labels import normalise_label
from emotion.types import normalise_text

from emotion.files import REPO_ROOT  # noqa: E402
REQUIRED_COLUMNS: tuple[str, ...] = ("Utterance", "Speaker", "Emotion", "Dialogue_ID", "Utterance_ID")

# The public EmoryNLP test episodes, as (season, episode). A held-out Friends evaluation is
# scored on them, so no model that will be scored there may train on them.
RESERVED_EPISODES: frozenset[tuple[int, int]] = frozenset(
    {(1, 1), (1, 10), (2, 8), (2, 23), (3, 8), (3, 20), (4, 2), (4, 17), (4, 20)}
)

# Typographic characters that users type as ASCII; the MiniLM vocabulary splits the curly
# forms into separate tokens ("don ’ t"), so we map them back.


@dataclass(frozen=True)
class MeldUtterance:
    """One labelled utterance. ``label`` is a common label (an element of ``LABELS``)."""

    text: str
    speaker: str
    label: str
    dialogue_id: int
    utterance_id: int
    season: int | None = None
    episode: int | None = None
    gender: str | None = None

    @property
    def reserved(self) -> bool:
        """True when the utterance comes from a reserved (held-out) Friends episode."""
        return (self.season, self.episode) in RESERVED_EPISODES


@dataclass
class MeldTable:
    """The usable rows of a MELD-format CSV and why the other rows were left out."""

    rows: list[MeldUtterance]
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def texts(self) -> list[str]:
        return [r.text for r in self.rows]

    @property
    def labels(self) -> list[str]:
        return [r.label for r in self.rows]


def _optional_int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.lstrip("-").isdigit() else None


def labelled_text(raw: Mapping[str, str], skipped: Counter[str]) -> tuple[str, str] | None:
    """(common label, normalised text) of a CSV row with ``Emotion`` and ``Utterance``, or None
    after counting why it is skipped (``unknown_label``, ``empty_text``)."""
    label = normalise_label(raw["Emotion"] or "")
    text = normalise_text(raw["Utterance"] or "")
    if label is None:
        skipped["unknown_label"] += 1
        return None
    if not text:
        skipped["empty_text"] += 1
        return None
    return label, text


def load_meld(path: Path | str) -> MeldTable:
    """Read a MELD-format CSV (UTF-8, with or without BOM).

    Raises ValueError if a required column is missing. ``skipped`` counts rows by reason:
    ``unknown_label`` (label with no common counterpart) and ``empty_text``.
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing MELD columns {missing}")
        rows: list[MeldUtterance] = []
        skipped: Counter[str] = Counter()
        for raw in reader:
            checked = labelled_text(raw, skipped)
            if checked is None:
                continue
            label, text = checked
            rows.append(MeldUtterance(
                text=text,
                speaker=(raw["Speaker"] or "").strip(),
                label=label,
                dialogue_id=int(raw["Dialogue_ID"]),
                utterance_id=int(raw["Utterance_ID"]),
                season=_optional_int(raw.get("Season")),
                episode=_optional_int(raw.get("Episode")),
                gender=(raw.get("gender") or "").strip() or None,
            ))
    return MeldTable(rows=rows, skipped=dict(skipped))


def drop_reserved(rows: Iterable[MeldUtterance]) -> list[MeldUtterance]:
    """The rows that are not from a reserved Friends episode (use this for training data)."""
    return [r for r in rows if not r.reserved]


def data_dir() -> Path:
    """Root of the shared data: ``$EMOBOT_DATA_DIR`` or ``<repo>/../shared/data``."""
    return Path(os.environ.get("EMOBOT_DATA_DIR") or REPO_ROOT.parent / "shared" / "data")


def meld_csv(split: str, root: Path | None = None) -> Path:
    """Path of an official MELD split: ``split`` is ``train``, ``dev`` or ``test``."""
    if split not in ("train", "dev", "test"):
        raise ValueError(f"unknown MELD split {split!r}")
    return (root or data_dir()) / "meld" / f"{split}_sent_emo.csv"
