"""The fractions tutor measured with scripted students, through the real bot.

    .venv/bin/python benchmarks/tutor.py [--data data/tutor/students/students.yaml] [--verbose]

Each student's turns go one by one through a real ``rasa run`` of bot/tutor (its action server,
the emobot_web channel) and a real emotion service (SQLite in a temporary folder). A turn is
free text (``say``) or an answer (``answer: correct|wrong``, optional ``text`` template with
``{answer}``): the script does not know the exercises, so the benchmark reads the current item
from the tracker (slot ``learner``) and writes its right answer, or a wrong one, into the turn.
The tutor's move is read from the actions it ran (``action_<move>``, ``utter_greet`` -> greet,
``utter_crisis_resources`` (``action_tutor_crisis``) or ``action_safety_check`` -> crisis: both stop the lesson for help). Printed:

- rubric match: the share of turns whose move is the script's ``expect`` (target >= 0.90),
  overall, per kind of student and per expected move (with what was done instead);
- struggling students: of those who got 3 wrong answers in a row on one item, how many had a
  worked example by the third (target all);
- silent question changes: turns where the item changed but the reply did not say why and show
  the new question (target 0).

The service's per-session rate limit is off: a script sends turns faster than a person types.
Not simulated: ``response_time_s`` (the channel measures the real time between the bot's
message and the next turn, and a script answers at once).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from fractions import Fraction
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
import yaml  # noqa: E402

from bot.tutor.actions.answers import fraction_text  # noqa: E402
from bot.tutor.actions.curriculum import load_curriculum  # noqa: E402
from policies.language import LANGUAGES  # noqa: E402

STRUGGLING = ("confused", "frustrated", "struggling_silently", "guessing", "mood_change")


def move_of(actions: list[str]) -> str:
    """The tutor's move from the actions run after one user message."""
    for name in actions:
        if name in ("utter_crisis_resources", "action_tutor_crisis", "utter_safety_check", "action_safety_check"):
            return "crisis"
        if name in ("utter_greet", "utter_goodbye"):
            return name.removeprefix("utter_")
        if name.startswith("action_") and name != "action_default_fallback":
            return name.removeprefix("action_")
    return ",".join(actions) or "nothing"


def wrong_answer(right: Fraction) -> str:
    """A plausible wrong answer: one more on top (never equal to ``right``)."""
    return fraction_text(Fraction(right.numerator + 1, right.denominator)) if right.denominator > 1 \
        else str(right.numerator + 1)


def turn_text(turn: dict, item_id: str) -> str:
    if "say" in turn:
        return str(turn["say"])
    item = load_curriculum().item(item_id)
    if item is None:  # an answer before any exercise: the script's own text, or a number
        return str(turn.get("text", "{answer}")).replace("{answer}", "1/2")
    answer = fraction_text(item.answer) if turn["answer"] == "correct" else wrong_answer(item.answer)
    return str(turn.get("text") or "{answer}").replace("{answer}", answer)


class Student:
    """One scripted student's run: sends the turns and reads the tutor's state after each."""

    def __init__(self, rasa: str, script: dict) -> None:
        from policies.testing_bot import ChatSession

        self.rasa, self.script = rasa, script
        self.chat = ChatSession(rasa)  # as the chat page: a session and its token (the answers carry derived)
        self.sender = self.chat.sender

    def tracker(self) -> dict:
        return httpx.get(f"{self.rasa}/conversations/{self.sender}/tracker", timeout=30).json()

    def run(self) -> list[dict]:
        from policies.testing_bot import per_turn_actions

        rows, item = [], ""
        for turn in self.script["turns"]:
            text = turn_text(turn, item)
            reply = self.chat.send(text)
            tracker = self.tracker()
            learner = tracker["slots"].get("learner") or {}
            new_item = str(learner.get("item") or "")
            lines = [m.get("text") or "" for m in reply["messages"]]
            tutoring = ((reply.get("emotion") or {}).get("derived") or {}).get("tutoring") or {}
            rows.append({"text": text, "expect": turn["expect"], "move": move_of(per_turn_actions(tracker)[-1]),
                         "answer": turn.get("answer"), "item_before": item, "item": new_item, "lines": lines,
                         "wrong_in_a_row": int(learner.get("wrong_in_a_row") or 0),
                         "tutoring": {k: round(float(v), 2) for k, v in tutoring.items() if k != "cues"}})
            item = new_item
        return rows


def silent_change(row: dict) -> bool:
    """The item changed, and the reply did not show the new question (in any of the tutor's
    languages: a student who writes German reads it in German) beside a reason."""
    if not row["item_before"] or row["item"] == row["item_before"]:
        return False
    questions = {load_curriculum(lang=lang).item(row["item"]).question for lang in LANGUAGES.values()}
    return not any(q in line for q in questions for line in row["lines"]) or len(row["lines"]) < 2


def worked_example_in_time(rows: list[dict]) -> bool | None:
    """None when the student never got 3 wrong answers in a row on one item; else whether a
    worked example came at or before that third wrong answer."""
    shown_on: set[str] = set()
    for row in rows:
        if row["move"] == "worked_example":
            shown_on.add(row["item"])
        if row["answer"] == "wrong" and row["wrong_in_a_row"] >= 3 or row["move"] == "show_answer":
            return row["item_before"] in shown_on
    return None


def report(runs: list[tuple[dict, list[dict]]], verbose: bool) -> dict:
    by_kind: dict[str, list[bool]] = defaultdict(list)
    by_move: dict[str, list[bool]] = defaultdict(list)
    instead: dict[str, Counter] = defaultdict(Counter)
    silent, struggling = 0, []
    for script, rows in runs:
        for row in rows:
            ok = row["move"] == row["expect"]
            by_kind[script["kind"]].append(ok)
            by_move[row["expect"]].append(ok)
            if not ok:
                instead[row["expect"]][row["move"]] += 1
            silent += silent_change(row)
        if script["kind"] in STRUGGLING:
            in_time = worked_example_in_time(rows)
            if in_time is not None:
                struggling.append(in_time)
        if verbose:
            print(f"{script['id']} {script['kind']}")
            for row in rows:
                mark = "  " if row["move"] == row["expect"] else "XX"
                print(f"  {mark} {row['expect']:<16} {row['move']:<16} {row['text'][:60]!r} {row['tutoring']}")
    every = [ok for oks in by_kind.values() for ok in oks]
    share = lambda oks: sum(oks) / len(oks) if oks else 0.0  # noqa: E731
    print(f"\nrubric match: {share(every):.3f} of {len(every)} turns ({len(runs)} students)  [target >= 0.90]")
    print(f"\n{'kind':<22}{'turns':>6}{'match':>8}")
    for kind, oks in sorted(by_kind.items()):
        print(f"{kind:<22}{len(oks):>6}{share(oks):>8.3f}")
    print(f"\n{'expected move':<18}{'turns':>6}{'match':>8}  done instead")
    for move, oks in sorted(by_move.items()):
        print(f"{move:<18}{len(oks):>6}{share(oks):>8.3f}  {dict(instead[move].most_common(4))}")
    print(f"\nstruggling students with a worked example by the 3rd wrong answer in a row: "
          f"{sum(struggling)}/{len(struggling)}  [target all]")
    print(f"silent question changes: {silent}  [target 0]")
    return {"match": share(every), "turns": len(every), "by_kind": {k: share(v) for k, v in by_kind.items()},
            "by_move": {k: share(v) for k, v in by_move.items()}, "silent_changes": silent,
            "worked_example_in_time": [sum(struggling), len(struggling)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO / "data/tutor/students/students.yaml")
    parser.add_argument("--limit", type=int, default=None, help="only the first N students")
    parser.add_argument("--verbose", action="store_true", help="print every turn")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    from tests.e2e.processes import emotion_service
    from tests.e2e.rasa_server import rasa_server

    scripts = yaml.safe_load(args.data.read_text(encoding="utf-8"))["students"][:args.limit]
    with tempfile.TemporaryDirectory() as tmp, \
            emotion_service(f"sqlite:///{tmp}/moodlog.sqlite3", rate_limit_turns_per_minute="0") as service_url, \
            rasa_server("tutor", emotion_service_url=service_url) as rasa:
        runs = [(script, Student(rasa, script).run()) for script in scripts]
    figures = report(runs, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
