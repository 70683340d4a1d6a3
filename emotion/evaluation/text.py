"""Score the committed text emotion encoder on any MELD-format CSV.

Run: ``python -m emotion.evaluation.text --data CSV [--json FILE]`` (``emobot evaluate text``).
Accuracy is also reported per ``gender`` group when the CSV has that column.
"""
from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="MELD-format CSV")
    parser.add_argument("--json", type=Path, default=None, help="also write the report here")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    evaluate(args.data, args.json, args.batch_size)


if __name__ == "__main__":
    main()
