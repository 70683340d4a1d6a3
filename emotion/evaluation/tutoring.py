"""Score tutoring affect on MathBuddy-format JSON (engagement / neutral / boredom): the MathBuddy
head (q, with history) and the student-affect head restricted to those three classes (what the
service's derived tutoring states use; emotion/affect/message.py).

Run: ``emobot evaluate tutoring --data JSON [--held-out] [--json FILE]``. The held-out
conversations are MathBuddy's ids with ``crc32(id) % 5 == 0`` (``--held-out`` keeps only those of
any MathBuddy-format file; ``emobot train affect`` also writes them to
``var/affect/tutoring_test.json``).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from emotion.affect.data import is_test, load_mathbuddy
from emotion.affect.model import TUTORING_CLASSES, AffectModel
from emotion.affect.message import STUDENT_CLASSES
from emotion.evaluation.metrics import classification_report, write_report


def evaluate(data: Path, json_out: Path | None = None, checkpoint_dir: Path | None = None,
             model: AffectModel | None = None, held_out: bool = False) -> dict:
    """Accuracy, macro-F1 and per-class scores of both heads (``classification_report``); the
    student head's report is under ``"student_head"``."""
    every = [it for it in load_mathbuddy(data) if not held_out or is_test(it.id)]
    items = [it for it in every if it.emotion in TUTORING_CLASSES]
    skipped = {"unknown_label": len(every) - len(items)}
    model = model or AffectModel.load(checkpoint_dir)
    probs = model.tutoring_probs([it.utterance for it in items], [it.history for it in items]) if items else np.zeros((0, 3))
    y = [TUTORING_CLASSES.index(it.emotion) for it in items]
    report = classification_report(y, probs, TUTORING_CLASSES, skipped, None, title=f"MathBuddy head on {data}")
    student = model.student_probs([it.utterance for it in items]) if items else np.zeros((0, len(STUDENT_CLASSES)))
    three = student[:, [STUDENT_CLASSES.index(c) for c in TUTORING_CLASSES]]
    report["student_head"] = classification_report(y, three, TUTORING_CLASSES, skipped, None,
                                                   title=f"student-affect head (3 of its 5 classes) on {data}")
    report["data"] = str(data)
    write_report(report, json_out)
    return report
