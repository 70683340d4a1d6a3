"""Classification metrics shared by every modality's evaluation (text, speech, face, graph).

All functions take class indices ``y_true``/``y_pred`` of shape (N,) into a label list of
length C, and where needed predicted probabilities ``probs`` of shape (N, C).
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np


def confusion_matrix(y_true: Sequence[int], y_pred: Sequence[int], num_classes: int) -> np.ndarray:
    """(C, C) counts; row = true class, column = predicted class."""
    cm = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(cm, (np.asarray(y_true, dtype=np.int64), np.asarray(y_pred, dtype=np.int64)), 1)
    return cm


def accuracy(y_true: Sequence[int], y_pred: Sequence[int]) -> float:
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return float((y_true == y_pred).mean()) if len(y_true) else 0.0


def per_class_f1(y_true: Sequence[int], y_pred: Sequence[int], num_classes: int) -> np.ndarray:
    """(C,) F1 = 2·TP / (2·TP + FP + FN) per class; 0 for a class never true nor predicted."""
    cm = confusion_matrix(y_true, y_pred, num_classes)
    tp = np.diag(cm).astype(float)
    denom = cm.sum(0) + cm.sum(1)  # (TP + FP) + (TP + FN)
    return np.divide(2 * tp, denom, out=np.zeros(num_classes), where=denom > 0)


def weighted_f1(y_true: Sequence[int], y_pred: Sequence[int], num_classes: int) -> float:
    """Mean per-class F1 weighted by true-class support."""
    support = np.bincount(np.asarray(y_true, dtype=np.int64), minlength=num_classes)
    if support.sum() == 0:
        return 0.0
    return float((per_class_f1(y_true, y_pred, num_classes) * support).sum() / support.sum())


def macro_f1(y_true: Sequence[int], y_pred: Sequence[int], num_classes: int) -> float:
    """Unweighted mean F1 over the classes that occur in ``y_true`` or ``y_pred``."""
    present = np.zeros(num_classes, dtype=bool)
    present[np.asarray(y_true, dtype=np.int64)] = True
    present[np.asarray(y_pred, dtype=np.int64)] = True
    f1 = per_class_f1(y_true, y_pred, num_classes)
    return float(f1[present].mean()) if present.any() else 0.0


def expected_calibration_error(y_true: Sequence[int], probs: np.ndarray, n_bins: int = 15) -> float:
    """ECE = Σ_b |B_b|/N · |acc(B_b) − conf(B_b)|, over equal-width confidence bins in (0, 1].

    The confidence of a prediction is its top probability; bin b holds confidences in
    (b/n_bins, (b+1)/n_bins].
    """
    probs = np.asarray(probs, dtype=float)
    if len(probs) == 0:
        return 0.0
    conf = probs.max(1)
    correct = probs.argmax(1) == np.asarray(y_true)
    bins = np.clip(np.ceil(conf * n_bins).astype(int) - 1, 0, n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        in_bin = bins == b
        if in_bin.any():
            ece += in_bin.mean() * abs(correct[in_bin].mean() - conf[in_bin].mean())
    return float(ece)


def group_accuracy(y_true: Sequence[int], y_pred: Sequence[int], groups: Sequence[str]) -> dict[str, dict]:
    """Accuracy and size per group (e.g. gender): ``{group: {"n": int, "accuracy": float}}``."""
    hits: dict[str, list[bool]] = defaultdict(list)
    for t, p, g in zip(y_true, y_pred, groups):
        hits[g].append(t == p)
    return {g: {"n": len(h), "accuracy": float(np.mean(h))} for g, h in sorted(hits.items())}


def classification_report(
    y_true: Sequence[int],
    probs: np.ndarray,
    labels: Sequence[str],
    skipped: Mapping[str, int] | None = None,
    groups: Sequence[str] | None = None,
    title: str = "",
    verbose: bool = True,
) -> dict:
    """Score predictions ``argmax(probs)`` against ``y_true``; print a readable report.

    Returns a JSON-able dict with keys ``n, accuracy, weighted_f1, macro_f1, ece,
    per_class_f1, support, confusion_matrix, labels, skipped`` and ``group_accuracy``
    when ``groups`` (N,) is given.
    """
    probs = np.asarray(probs, dtype=float).reshape(len(y_true), len(labels))
    y_true = np.asarray(y_true, dtype=np.int64)
    y_pred = probs.argmax(1)
    c = len(labels)
    cm = confusion_matrix(y_true, y_pred, c)
    f1 = per_class_f1(y_true, y_pred, c)
    report = {
        "n": int(len(y_true)),
        "accuracy": accuracy(y_true, y_pred),
        "weighted_f1": weighted_f1(y_true, y_pred, c),
        "macro_f1": macro_f1(y_true, y_pred, c),
        "ece": expected_calibration_error(y_true, probs),
        "labels": list(labels),
        "per_class_f1": {lab: float(v) for lab, v in zip(labels, f1)},
        "support": {lab: int(v) for lab, v in zip(labels, cm.sum(1))},
        "confusion_matrix": cm.tolist(),
        "skipped": dict(skipped or {}),
    }
    if groups is not None:
        report["group_accuracy"] = group_accuracy(y_true, y_pred, groups)
    if verbose:
        print(format_report(report, title))
    return report


def format_report(report: dict, title: str = "") -> str:
    """The report of ``classification_report`` as a few lines of text."""
    labels = report["labels"]
    width = max(len(lab) for lab in labels) + 2
    lines = [title] if title else []
    lines.append(
        f"n={report['n']}  accuracy={report['accuracy']:.4f}  weighted-F1={report['weighted_f1']:.4f}  "
        f"macro-F1={report['macro_f1']:.4f}  ECE={report['ece']:.4f}  skipped={report['skipped']}"
    )
    corner = "true/pred"
    lines.append(f"{corner:<{width}}" + "".join(f"{lab[:7]:>8}" for lab in labels) + f"{'F1':>8}{'n':>7}")
    for lab, row in zip(labels, report["confusion_matrix"]):
        lines.append(
            f"{lab:<{width}}" + "".join(f"{v:>8d}" for v in row)
            + f"{report['per_class_f1'][lab]:>8.3f}{report['support'][lab]:>7d}"
        )
    for g, v in report.get("group_accuracy", {}).items():
        lines.append(f"group {g}: n={v['n']} accuracy={v['accuracy']:.4f}")
    return "\n".join(lines)


def write_report(report: dict, json_out: Path | str | None) -> None:
    """Write an evaluation report as JSON to ``json_out`` (creating its folder); no-op when None."""
    if json_out is None:
        return
    path = Path(json_out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n")
