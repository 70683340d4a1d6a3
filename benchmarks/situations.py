"""Situations in support chat, read from the text alone: how often each is recognised, and how
often a hard negative is taken for one.

    .venv-rasa/bin/python benchmarks/situations.py [--data data/support/situations/dev.csv] [--verbose]

The set (CSV: text, situation, kind, lang, context; data/support/situations/README.md) is read by
the functions the support bot uses: ``policies.situations.situation_of`` (someone else's
emergency, abuse, someone else at risk, panic, a request for a helpline or a person) and ``actions.screener.clarifies`` (a reply to a screening question
that says it was not meant that way). Printed: recall per situation and language,
and per kind of hard negative the share tagged with any situation.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bot" / "support"))

from policies.situations import ORDER, situation_of  # noqa: E402


def read(text: str, context: str) -> str:
    """The situation the bot reads in one message ("none" when none)."""
    from actions.screener import clarifies, read_answer

    if context:  # a reply to a screening question: a clarification ends the screen; so does a dismissal
        return "clarifies" if clarifies(text) else "dismissed" if read_answer(text) == "dismiss" else read_answer(text)
    return situation_of(text) or "none"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / "data/support/situations/dev.csv")
    parser.add_argument("--verbose", action="store_true", help="print each message read wrongly")
    args = parser.parse_args()
    rows = list(csv.DictReader(open(args.data, newline="", encoding="utf-8")))
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    confused: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        got = read(row["text"], row.get("context") or "")
        want = row["situation"]
        ok = got == want
        keys = [want, f"{want} {row['lang']}"] if want != "none" else [f"none {row['kind']}", "none"]
        for key in keys:
            hits[key][0] += ok
            hits[key][1] += 1
        if not ok:
            confused[want][got] += 1
            if args.verbose:
                print(f"  {want:<16} read {got:<16} {row['lang']} {row['text'][:110]}")
    print(f"situations {args.data}: {len(rows)} messages")
    print(f"  {'situation':<22}{'n':>5}{'recall':>8}   read instead")
    for name in (*ORDER, "clarifies"):
        ok, n = hits[name]
        if n:
            instead = ", ".join(f"{k} {v}" for k, v in sorted(confused[name].items(), key=lambda kv: -kv[1]))
            langs = " ".join(f"{key.split()[1]} {hits[key][0]}/{hits[key][1]}" for key in sorted(hits)
                             if key.startswith(f"{name} ") and key.split()[1] != "en")
            print(f"  {name:<22}{n:>5}{ok / n:>8.3f}   {instead}")
            print(f"  {'':<22}{'':>5}{'':>8}   not English: {langs}")
    print(f"  {'hard negatives':<22}{'n':>5}{'tagged':>8}")
    for key in sorted(k for k in hits if k.startswith("none ")):
        ok, n = hits[key]
        print(f"  {key[5:]:<22}{n:>5}{(n - ok) / n:>8.3f}")
    ok, n = hits["none"]
    if n:
        instead = ", ".join(f"{k} {v}" for k, v in sorted(confused["none"].items(), key=lambda kv: -kv[1]))
        print(f"  {'all':<22}{n:>5}{(n - ok) / n:>8.3f}   {instead}")


if __name__ == "__main__":
    main()
