"""Score the service-affect head on chat-style customer messages (CSV: id, text, label,
category, lang; labels frustration / satisfaction / neither).

Two readings are scored: the head alone (argmax of its 3 probabilities), and what a service bot
acts on, the derived service states (``AffectModel.derive`` of the message alone: frustration or
satisfaction when it is at or above ``threshold`` (the higher of the two), else neither).
Printed per class, then per category and language (share of messages read as their label).

Run: ``emobot evaluate service-affect --data data/service_affect/test/messages.csv``.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import numpy as np

from emotion.affect.message import SERVICE_CLASSES
from emotion.affect.model import AffectModel
from emotion.evaluation.metrics import classification_report, write_report

STATES = ("frustration", "satisfaction")


def service_reading(derived: dict, threshold: float) -> str:
    """The label a service bot acts on: the higher service state at or above ``threshold``, else neither."""
    scores = {k: float(derived["service"][k]) for k in STATES}
    top = max(scores, key=scores.get)
    return top if scores[top] >= threshold else "neither"


def evaluate(data: Path, json_out: Path | None = None, threshold: float = 0.4,
             model: AffectModel | None = None) -> dict:
    with open(data, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["label"] in SERVICE_CLASSES]
    model = model or AffectModel.load()
    texts = [r["text"] for r in rows]
    y = np.array([SERVICE_CLASSES.index(r["label"]) for r in rows])
    head = model.service_probs(texts)
    report = {"head": classification_report(y, head, SERVICE_CLASSES, title=f"service-affect head on {data}")}
    seen = np.array([SERVICE_CLASSES.index(service_reading(d, threshold))
                     for d in (model.derive(t, reading=r) for t, r in zip(texts, model.read_many(texts, [None] * len(texts))))])
    report["service_reading"] = classification_report(
        y, np.eye(len(SERVICE_CLASSES))[seen], SERVICE_CLASSES,
        title=f"derived service states (>= {threshold}, else neither) on {data}")
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[f"{r['label']}/{r.get('category') or '?'}"].append(i)
        groups[f"lang={r.get('lang') or '?'}"].append(i)
    print(f"\n{'group':<44}{'n':>5}{'head right':>12}{'derived right':>15}")
    report["groups"] = {}
    for name, idx in sorted(groups.items()):
        right_head = float((head[idx].argmax(1) == y[idx]).mean())
        right_derived = float((seen[idx] == y[idx]).mean())
        report["groups"][name] = {"n": len(idx), "head_right": right_head, "derived_right": right_derived}
        print(f"{name:<44}{len(idx):>5}{right_head:>12.3f}{right_derived:>15.3f}")
    report["data"] = str(data)
    write_report(report, json_out)
    return report
