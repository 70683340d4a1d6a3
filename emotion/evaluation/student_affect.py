"""Score the student-affect head on chat-style student messages (CSV: id, text, label,
has_numbers, language; labels confusion / frustration / boredom / engagement / neutral).

Two readings are scored: the head alone (argmax of its 5 probabilities), and what a tutor sees,
the derived tutoring states (``AffectModel.derive`` with no cues; the highest state at or above
``threshold``, else neutral). Printed per class, per language and with / without numbers.

Run: ``emobot evaluate student-affect --data data/tutor/affect_test/statements.csv``.
"""
from __future__ import annotations

from pathlib import Path

from emotion.affect.message import STUDENT_CLASSES
from emotion.affect.model import AffectModel
from emotion.evaluation.message_affect import read_rows, score, strongest

STATES = ("confusion", "frustration", "boredom", "engagement")


def evaluate(data: Path, json_out: Path | None = None, threshold: float = 0.5,
             model: AffectModel | None = None) -> dict:
    rows = read_rows(data, STUDENT_CLASSES)
    model = model or AffectModel.load()
    texts = [r["text"] for r in rows]
    derived = [strongest({k: model.derive(t)["tutoring"][k] for k in STATES}, threshold, "neutral") for t in texts]
    return score(data, rows, STUDENT_CLASSES, model.student_probs(texts), derived,
                 lambda r: (f"language={r.get('language') or '?'}", f"has_numbers={r.get('has_numbers') or '?'}"),
                 "student-affect", f"derived tutoring states (>= {threshold}, else neutral)", json_out)
