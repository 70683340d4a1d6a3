"""Score crisis detection (risk model OR risk patterns) on any CSV with columns ``text``, ``crisis``.

Run: ``python -m emotion.evaluation.crisis --data CSV [--json FILE]`` (``emobot evaluate crisis``).
The held-out set written by ``python -m emotion.training.affect`` is ``var/affect/crisis_test.csv``:
Reddit C-SSRS test users (crisis = Ideation/Behavior/Attempt) and "ordinary sadness" texts
(GoEmotions test sadness/grief/disappointment, ESConv test sad seeker turns; crisis = 0).
When the CSV has a ``source`` column, the false-alarm rate is also given per source.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

from emotion.evaluation.metrics import write_report
from emotion.affect.model import AffectModel


def _rates(y: list[int], flag: list[bool]) -> dict:
    tp = sum(1 for t, f in zip(y, flag) if t and f)
    fp = sum(1 for t, f in zip(y, flag) if not t and f)
    pos, neg = sum(y), len(y) - sum(y)
    return {
        "recall": tp / pos if pos else None,
        "precision": tp / (tp + fp) if tp + fp else None,
        "false_alarm_rate": fp / neg if neg else None,
        "n": len(y), "positives": pos, "negatives": neg,
    }


def evaluate(data: Path, json_out: Path | None = None, checkpoint_dir: Path | None = None,
             model: AffectModel | None = None) -> dict:
    """Recall, precision, false-alarm rate (false positives / negatives) and n of crisis flags.

    Also reports the model alone and the patterns alone, and per ``source`` when present.
    """
    csv.field_size_limit(sys.maxsize)
    with open(data, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if (r.get("text") or "").strip()]
    model = model or AffectModel.load(checkpoint_dir)
    scored = model.crisis_risk([r["text"] for r in rows])
    y = [int(r["crisis"]) for r in rows]
    flags = [risk >= model.crisis_threshold or bool(matched) for risk, matched in scored]
    report = {**_rates(y, flags), "threshold": model.crisis_threshold, "data": str(data),
              "model_only": _rates(y, [risk >= model.crisis_threshold for risk, _ in scored]),
              "patterns_only": _rates(y, [bool(m) for _, m in scored])}
    if rows and "source" in rows[0]:
        by_source: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(rows):
            by_source[r["source"]].append(i)
        report["by_source"] = {s: {"n": len(ix), "flagged": sum(flags[i] for i in ix),
                                   "flag_rate": sum(flags[i] for i in ix) / len(ix)} for s, ix in sorted(by_source.items())}
    fmt = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
    print(f"crisis on {data}: recall {fmt(report['recall'])}  precision {fmt(report['precision'])}  "
          f"false_alarm_rate {fmt(report['false_alarm_rate'])}  n {report['n']} "
          f"(positives {report['positives']}, threshold {model.crisis_threshold:.2f})")
    for name in ("model_only", "patterns_only"):
        r = report[name]
        print(f"  {name}: recall {fmt(r['recall'])}  precision {fmt(r['precision'])}  false_alarm_rate {fmt(r['false_alarm_rate'])}")
    for source, r in (report.get("by_source") or {}).items():
        print(f"  {source}: flagged {r['flagged']}/{r['n']} ({r['flag_rate']:.3f})")
    write_report(report, json_out)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description="Evaluate crisis detection on a CSV (text, crisis).")
    parser.add_argument("--data", type=Path, default=Path("var/affect/crisis_test.csv"))
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    evaluate(args.data, args.json)


if __name__ == "__main__":
    main()
