"""Score what the service reads from a chat message's text, in any of the seven languages (CSV:
id, text, label, category, lang; labels: the common set, ``emotion/config/labels.yaml``).

Two readings of each message, as the first turn of a conversation in the service
(``emotion.service.message_reading.MessageReader``): the text modality's (the English text
encoder, or the multilingual head for a message in another language:
``emotion/encoders/text_multilingual.py``), and the turn's reading the page shows (the
conversation graph's for English text, fused). ``--english-only`` scores the service without the
multilingual head, for comparison. Printed per label, then per label/category, language and
category.

Run: ``emobot evaluate text-messages --data data/text_emotion/test`` (a CSV or a folder with
``messages.csv``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from emotion.evaluation.message_affect import read_rows, score
from emotion.labels import LABELS

Reader = Callable[[str], tuple[Sequence[float], str]]
"""text -> (the text modality's probabilities (7,), the turn's label)."""


def evaluate(data: Path, read: Reader, name: str = "text modality", json_out: Path | None = None) -> dict:
    path = data / "messages.csv" if data.is_dir() else data
    rows = read_rows(path, LABELS)
    readings = [read(row["text"]) for row in rows]
    return score(path, rows, LABELS, np.array([p for p, _ in readings]), [label for _, label in readings],
                 lambda r: (f"{r['label']}/{r.get('category') or '?'}", f"lang={r.get('lang') or '?'}",
                            f"category={r.get('category') or '?'}"),
                 name, "the turn's reading (graph, fused)", json_out)
