"""Write bot/support/data/nlu_questions.yml from the question training set.

    .venv/bin/python scripts/support_question_nlu.py [--data data/support/questions/train.csv data/support/questions/train_ml.csv]

The training messages (data/support/questions/train.csv and, in de/fr/es/it/nl/pt, train_ml.csv,
each written for training by a separate helper from the brief alone; the dev and test files
beside them are never used here) become the
examples of the support bot's question intents. Venting questions and plain statements are
examples of ``share_feelings`` (the bot listens to them); "are you a bot" of ``bot_challenge``.
A line with the words of a line the bot is measured on (``HELD_OUT``) is left out.

Tried and not adopted: the statements of the risk-free conversations written to train the
crisis detector as more ``share_feelings`` examples (964 in all) cost question recall on the
dev set (121 -> 112 of 150 answered as asked at the NLU); actions/question_form.py keeps
statements from being answered as questions instead.
"""
from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INTENT_OF = {"bot_identity": "bot_challenge", "bot_capability": "ask_capability", "advice": "ask_advice",
             "normality": "ask_normality", "judgement": "ask_judgement", "privacy": "ask_privacy",
             "human_help": "ask_human_help", "medical": "ask_medical", "rhetorical": "share_feelings",
             "statement": "share_feelings"}
"""The question set's category -> the support bot's intent."""
OUT = REPO / "bot" / "support" / "data" / "nlu_questions.yml"
HELD_OUT = [REPO / "data" / "support" / name for name in ("questions/dev.csv", "questions/test.csv",
                                                          "conversations_dev.jsonl", "conversations_test.jsonl")]
"""What the bot is measured on: no training line has the words of one of their lines."""


def held_out_words() -> set[str]:
    """The lowercased, space-normalised lines of ``HELD_OUT``."""
    texts: list[str] = []
    for path in HELD_OUT:
        if path.suffix == ".csv":
            texts += [row["text"] for row in csv.DictReader(open(path, newline="", encoding="utf-8"))]
        else:
            texts += [t for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
                      for t in json.loads(line)["turns"]]
    return {" ".join(t.lower().split()) for t in texts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=[REPO / "data" / "support" / "questions" / name
                                                                 for name in ("train.csv", "train_ml.csv")])
    args = parser.parse_args()
    examples: dict[str, list[str]] = defaultdict(list)
    for path in args.data:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                text = " ".join(row["text"].split())
                examples[INTENT_OF[row["category"]]].append(text)
    held_out = held_out_words()
    examples = {intent: [t for t in texts if t.lower() not in held_out] for intent, texts in examples.items()}
    lines = ['version: "3.1"', "", "# Written by scripts/support_question_nlu.py from data/support/questions/train.csv and",
             "# train_ml.csv; edit those files (or the script's INTENT_OF), not this one.", "nlu:"]
    for intent in sorted(examples):
        lines += [f"  - intent: {intent}", "    examples: |"]
        lines += [f"      - {text}" for text in examples[intent]]
        lines.append("")
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{OUT.relative_to(REPO)}: " + ", ".join(f"{i} {len(v)}" for i, v in sorted(examples.items())))


if __name__ == "__main__":
    main()
