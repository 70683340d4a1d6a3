"""Score crisis screening (emotion/crisis) on statements and conversations.

Run: ``emobot evaluate crisis --data PATH [--json FILE]`` where PATH is

- a folder holding ``statements.csv`` and/or ``conversations.csv`` (e.g. ``data/crisis/test``);
- a statements CSV: ``text, category, risk`` (1 = current risk; more columns are ignored);
- a conversations CSV: ``conversation_id, turn, text, risky, unmistakable_turn, category``;
- the older ``text, crisis[, source]`` CSV (Reddit C-SSRS users and ordinary sadness, written by
  ``emobot train affect`` to ``var/affect/crisis_test.csv``).

Prints recall per positive category, false alarms per negative category, and for
conversations: recall by the unmistakable turn (escalated at or before it), recall at any turn,
false escalations, and the median turns of delay. ``--lexicon-only`` scores the in-Rasa
fallback (the lexicon alone, no models).
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from emotion.crisis.conversation import ConversationPolicy, TurnRisk, conversation_risk, corroborated
from emotion.evaluation.metrics import write_report

Screen = Callable[[list[str]], list[float]]  # independent statements -> risks
ScreenTurns = Callable[[list[str]], list[TurnRisk]]  # one person's turns in order -> their readings (in context)


def read_conversations(path: Path) -> dict[str, list[dict]]:
    """conversation_id -> its rows in turn order."""
    out: dict[str, list[dict]] = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out[r["conversation_id"]].append(r)
    return {cid: sorted(rows, key=lambda r: int(r["turn"])) for cid, rows in out.items()}


def first_turns(turns: Sequence[TurnRisk], policy: Mapping[str, Any],
                flag_at: float) -> tuple[int | None, int | None]:
    """(the first turn at which the turn's own risk as it counts (>= ``flag_at``, after
    ``corroborated``) or the conversation's risk (policy) escalates; the first turn escalated or
    asked about: one the models alone read as high risk on a calm conversation, counted as
    "possible", which a bot asks about directly instead of handing off), 1-based, None when none."""
    p = ConversationPolicy.from_mapping(policy)
    history: list[TurnRisk] = []
    asked = None
    for i, turn in enumerate(turns):
        current = corroborated(history, turn, p, flag_at)
        if current.risk >= flag_at or conversation_risk(history, current, p)["flag"]:
            return i + 1, asked or i + 1
        if asked is None and current.risk < turn.risk:
            asked = i + 1
        history.append(current)
    return None, asked


def conversation_outcomes(conversations: Mapping[str, list[dict]], risks: Mapping[str, list[TurnRisk]],
                          policy: Mapping[str, Any], flag_at: float) -> dict:
    """Recall by the unmistakable turn, at any turn, false escalations, per category too."""
    risky = [c for c, rows in conversations.items() if int(rows[0]["risky"])]
    safe = [c for c, rows in conversations.items() if not int(rows[0]["risky"])]
    firsts = {c: first_turns(risks[c], policy, flag_at) for c in conversations}
    turn, asked = {c: f[0] for c, f in firsts.items()}, {c: f[1] for c, f in firsts.items()}
    on_time = [c for c in risky if turn[c] is not None and turn[c] <= int(conversations[c][0]["unmistakable_turn"])]
    asked_on_time = [c for c in risky if asked[c] is not None and asked[c] <= int(conversations[c][0]["unmistakable_turn"])]
    delays = sorted(turn[c] - int(conversations[c][0]["unmistakable_turn"]) for c in risky if turn[c] is not None)
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in risky + safe:
        cat = conversations[c][0].get("category") or "?"
        by_cat[cat][0] += 1
        by_cat[cat][1] += (c in on_time) if c in risky else (turn[c] is not None)
    return {
        "risky": len(risky), "risk_free": len(safe),
        "recall_by_unmistakable": len(on_time) / len(risky) if risky else None,
        "recall_any_turn": sum(turn[c] is not None for c in risky) / len(risky) if risky else None,
        "false_escalation_rate": sum(turn[c] is not None for c in safe) / len(safe) if safe else None,
        "asked_or_escalated_by_unmistakable": len(asked_on_time) / len(risky) if risky else None,
        "risk_free_asked_or_escalated": sum(asked[c] is not None for c in safe) / len(safe) if safe else None,
        "median_turns_before_unmistakable": -delays[len(delays) // 2] if delays else None,
        "missed": [c for c in risky if c not in on_time],
        "falsely_escalated": [c for c in safe if turn[c] is not None],
        "by_category": {k: {"n": n, "escalated": e} for k, (n, e) in sorted(by_cat.items())},
    }


def score_statements(rows: list[dict], risks: list[float], flag_at: float) -> dict:
    """Recall per positive category, false-alarm rate per negative category, overall figures."""
    flags = [r >= flag_at for r in risks]
    cats: dict[tuple[int, str], list[bool]] = defaultdict(list)
    for row, f in zip(rows, flags):
        cats[(int(row["risk"]), row.get("category") or "all")].append(f)
    pos = [f for row, f in zip(rows, flags) if int(row["risk"])]
    neg = [f for row, f in zip(rows, flags) if not int(row["risk"])]
    y = [int(row["risk"]) for row in rows]
    return {
        "n": len(rows), "positives": len(pos), "negatives": len(neg),
        "brier": sum((r - t) ** 2 for r, t in zip(risks, y)) / len(y) if y else None,
        "ece": expected_calibration_error(risks, y),
        "recall": sum(pos) / len(pos) if pos else None,
        "false_alarm_rate": sum(neg) / len(neg) if neg else None,
        "recall_by_category": {c: {"n": len(v), "recall": sum(v) / len(v)} for (y, c), v in sorted(cats.items()) if y},
        "false_alarms_by_category": {c: {"n": len(v), "rate": sum(v) / len(v)} for (y, c), v in sorted(cats.items()) if not y},
    }


def expected_calibration_error(risks: Sequence[float], y: Sequence[int], bins: int = 10) -> float | None:
    """Σ_b (n_b / n) · |mean risk_b - positive rate_b| over equal-width risk bins."""
    if not y:
        return None
    total = 0.0
    for b in range(bins):
        idx = [i for i, r in enumerate(risks) if b / bins <= r < (b + 1) / bins or (b == bins - 1 and r == 1.0)]
        if idx:
            total += len(idx) / len(y) * abs(sum(risks[i] for i in idx) / len(idx) - sum(y[i] for i in idx) / len(idx))
    return total


def _fmt(v: Any) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def print_statements(name: str, s: dict) -> None:
    print(f"statements {name}: recall {_fmt(s['recall'])} ({s['positives']} positives)  "
          f"false alarms {_fmt(s['false_alarm_rate'])} ({s['negatives']} negatives)  "
          f"Brier {_fmt(s['brier'])}  ECE {_fmt(s['ece'])}")
    print(f"  {'positive category':<26}{'n':>5}{'recall':>9}")
    for c, v in s["recall_by_category"].items():
        print(f"  {c:<26}{v['n']:>5}{v['recall']:>9.3f}")
    print(f"  {'negative category':<26}{'n':>5}{'false alarms':>14}")
    for c, v in s["false_alarms_by_category"].items():
        print(f"  {c:<26}{v['n']:>5}{v['rate']:>14.3f}")


def print_conversations(name: str, o: dict) -> None:
    print(f"conversations {name}: {o['risky']} risky, {o['risk_free']} risk-free")
    print(f"  escalated by the unmistakable turn {_fmt(o['recall_by_unmistakable'])}  at any turn "
          f"{_fmt(o['recall_any_turn'])}  false escalations {_fmt(o['false_escalation_rate'])}  "
          f"median turns early {o['median_turns_before_unmistakable']}")
    print(f"  escalated or asked directly (a model-only flag on a calm conversation) by the unmistakable turn "
          f"{_fmt(o['asked_or_escalated_by_unmistakable'])}  risk-free asked or escalated "
          f"{_fmt(o['risk_free_asked_or_escalated'])}")
    for c, v in o["by_category"].items():
        print(f"  {c:<26}{v['n']:>4} conversations, escalated {v['escalated']}")


def evaluate(data: Path, json_out: Path | None = None, lexicon_only: bool = False,
             detector: Any = None) -> dict:
    """Score ``data`` (see the module docstring); returns the report."""
    csv.field_size_limit(sys.maxsize)
    screen, screen_turns, flag_at, policy = _screen(detector, lexicon_only)
    files = [data / "statements.csv", data / "conversations.csv"] if data.is_dir() else [data]
    report: dict = {"data": str(data), "screen": "lexicon" if lexicon_only else "detector", "flag_at": flag_at,
                    "conversation_policy": policy}
    for path in (p for p in files if p.is_file()):
        with open(path, newline="", encoding="utf-8") as f:
            header = next(csv.reader(f))
        if "conversation_id" in header:
            conversations = read_conversations(path)
            risks = {c: screen_turns([r["text"] for r in rows]) for c, rows in conversations.items()}
            report["conversations"] = conversation_outcomes(conversations, risks, policy, flag_at)
            print_conversations(str(path), report["conversations"])
        else:
            with open(path, newline="", encoding="utf-8") as f:
                rows = [r for r in csv.DictReader(f) if (r.get("text") or "").strip()]
            if "risk" not in header:  # the older text, crisis[, source] format
                rows = [{**r, "risk": r["crisis"], "category": r.get("source") or "all"} for r in rows]
            report["statements"] = score_statements(rows, screen([r["text"] for r in rows]), flag_at)
            print_statements(str(path), report["statements"])
    write_report(report, json_out)
    return report


def _screen(detector: Any, lexicon_only: bool) -> tuple[Screen, ScreenTurns, float, dict]:
    if lexicon_only:
        from emotion.crisis.fallback import FALLBACK

        lexicon = lambda texts: [FALLBACK.screen(t)["risk"] for t in texts]  # noqa: E731
        return (lexicon, lambda texts: [TurnRisk(r) for r in lexicon(texts)], FALLBACK.flag_at,
                dict(FALLBACK.policy.__dict__))
    if detector is None:
        from emotion.affect.embed import SentenceEmbedder
        from emotion.crisis.detector import CrisisDetector

        embedder = SentenceEmbedder.split(2)
        detector = CrisisDetector.load(embedder=embedder)
    return (lambda texts: [r.risk for r in detector.screen_many(texts)],
            lambda texts: [r.as_turn() for r in detector.screen_turns(texts)],
            detector.thresholds["flag"], dict(detector.conversation))
