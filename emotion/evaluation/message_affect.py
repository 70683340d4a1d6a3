"""Scoring a message-affect head (emotion/affect/message.py) on a CSV of chat messages: the head
alone (argmax of its probabilities), and what a bot acts on, the derived states (the strongest
at or above a threshold, else the head's "nothing in particular" class). Printed per class and
per group of rows (macro-F1 and the share read right), written as JSON when asked."""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Callable, Mapping, Sequence

import numpy as np

from emotion.evaluation.metrics import classification_report, macro_f1, write_report


def strongest(scores: Mapping[str, float], threshold: float, otherwise: str) -> str:
    """The name of the highest of ``scores`` when it is at least ``threshold``, else ``otherwise``."""
    top = max(scores, key=scores.get)
    return top if scores[top] >= threshold else otherwise


def read_rows(data: Path, classes: Sequence[str]) -> list[dict]:
    """The CSV's rows whose ``label`` is one of ``classes``."""
    with open(data, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["label"] in classes]


def score(data: Path, rows: list[dict], classes: Sequence[str], head: np.ndarray, derived: Sequence[str],
          groups_of: Callable[[dict], Sequence[str]], name: str, reading: str, json_out: Path | None = None) -> dict:
    """Reports of ``head`` ((N, K) probabilities over ``classes``) and of the ``derived`` labels
    (N,) against the rows' labels, overall and per group (``groups_of(row)``: the row's groups)."""
    y = np.array([classes.index(r["label"]) for r in rows])
    seen = np.array([classes.index(label) for label in derived])
    report = {"head": classification_report(y, head, classes, title=f"{name} head on {data}"),
              "derived": classification_report(y, np.eye(len(classes))[seen], classes, title=f"{reading} on {data}")}
    groups: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for group in groups_of(row):
            groups[group].append(i)
    print(f"\n{'group':<44}{'n':>5}{'head F1':>9}{'derived F1':>12}{'head right':>12}{'derived right':>15}")
    report["groups"] = {}
    for group, idx in sorted(groups.items()):
        yt, head_says, derived_says = y[idx], head[idx].argmax(1), seen[idx]
        figures = {"n": len(idx), "head_macro_f1": macro_f1(yt, head_says, len(classes)),
                   "derived_macro_f1": macro_f1(yt, derived_says, len(classes)),
                   "head_right": float((head_says == yt).mean()), "derived_right": float((derived_says == yt).mean())}
        report["groups"][group] = figures
        print(f"{group:<44}{len(idx):>5}{figures['head_macro_f1']:>9.3f}{figures['derived_macro_f1']:>12.3f}"
              f"{figures['head_right']:>12.3f}{figures['derived_right']:>15.3f}")
    report["data"] = str(data)
    write_report(report, json_out)
    return report
