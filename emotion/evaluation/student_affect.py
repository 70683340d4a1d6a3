"""Score the student-affect head on chat-style student messages (CSV: id, text, label,
has_numbers, language; labels confusion / frustration / boredom / engagement / neutral).

Two readings are scored: the head alone (argmax of its 5 probabilities), and what a tutor sees,
the derived tutoring states (``AffectModel.derive`` with no cues; the highest state at or above
``threshold``, else neutral). Printed per class, per language and with / without numbers.

Run: ``emobot evaluate student-affect --data data/tutor/affect_test/statements.csv``.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import numpy as np

from emotion.affect.model import AffectModel
from emotion.affect.message import STUDENT_CLASSES
from emotion.evaluation.metrics import classification_report, macro_f1, write_report

STATES = ("confusion", "frustration", "boredom", "engagement")


def tutor_reading(derived: dict, threshold: float) -> str:
    """The label a tutor acts on: the highest tutoring state at or above ``threshold``, else neutral."""
    scores = {k: float(derived["tutoring"][k]) for k in STATES}
    top = max(scores, key=scores.get)
    return top if scores[top] >= threshold else "neutral"


def evaluate(data: Path, json_out: Path | None = None, threshold: float = 0.5,
             model: AffectModel | None = None) -> dict:
    with open(data, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["label"] in STUDENT_CLASSES]
    model = model or AffectModel.load()
    texts = [r["text"] for r in rows]
    y = [STUDENT_CLASSES.index(r["label"]) for r in rows]
    head = model.student_probs(texts)
    report = {"head": classification_report(y, head, STUDENT_CLASSES, title=f"student-affect head on {data}")}
    seen = [STUDENT_CLASSES.index(tutor_reading(model.derive(t), threshold)) for t in texts]
    onehot = np.eye(len(STUDENT_CLASSES))[seen]
    report["tutor_reading"] = classification_report(
        y, onehot, STUDENT_CLASSES, title=f"derived tutoring states (>= {threshold}, else neutral) on {data}")
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[f"language={r.get('language') or '?'}"].append(i)
        groups[f"has_numbers={r.get('has_numbers') or '?'}"].append(i)
    print(f"\n{'group':<18}{'n':>5}{'head macro-F1':>15}{'tutor macro-F1':>16}")
    report["groups"] = {}
    for name, idx in sorted(groups.items()):
        yt = np.array([y[i] for i in idx])
        f_head = macro_f1(yt, head[idx].argmax(1), len(STUDENT_CLASSES))
        f_tutor = macro_f1(yt, np.array([seen[i] for i in idx]), len(STUDENT_CLASSES))
        report["groups"][name] = {"n": len(idx), "head_macro_f1": f_head, "tutor_macro_f1": f_tutor}
        print(f"{name:<18}{len(idx):>5}{f_head:>15.3f}{f_tutor:>16.3f}")
    report["data"] = str(data)
    write_report(report, json_out)
    return report
