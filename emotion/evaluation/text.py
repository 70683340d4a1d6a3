"""Score the committed text emotion encoder on any MELD-format CSV.

Run: ``emobot evaluate text --data CSV [--json FILE]``.
Accuracy is also reported per ``gender`` group when the CSV has that column.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from emotion.data.meld import load_meld
from emotion.encoders.text import TextEncoder
from emotion.evaluation.metrics import classification_report, write_report
from emotion.labels import LABEL_INDEX, LABELS


def evaluate(data: Path, json_out: Path | None = None, batch_size: int = 64, checkpoint_dir: Path | None = None) -> dict:
    """Report (see ``classification_report``) of the text encoder on the CSV ``data``.

    Rows with a label outside the common set or an empty text are counted under ``skipped``.
    The report is also written to ``json_out`` when given.
    """
    table = load_meld(data)
    encoder = TextEncoder.load(checkpoint_dir, threads=2)
    outputs = encoder.encode(table.texts, batch_size=batch_size) if table.rows else []
    probs = np.array([o.probs for o in outputs]).reshape(len(outputs), len(LABELS))
    y_true = [LABEL_INDEX[r.label] for r in table.rows]
    has_gender = any(r.gender for r in table.rows)
    groups = [r.gender or "unknown" for r in table.rows] if has_gender else None
    report = classification_report(y_true, probs, LABELS, table.skipped, groups, title=f"text encoder on {data}")
    report["data"] = str(data)
    report["truncated"] = sum(bool(o.notes) for o in outputs)
    write_report(report, json_out)
    return report
