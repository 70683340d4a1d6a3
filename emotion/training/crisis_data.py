"""The crisis detector's training data (emotion/training/crisis.py reads it here).

- ``read_statements`` / ``conversation_rows``: the statements and conversations written for
  training (a risk-free conversation's every turn is a negative, a risky one's unmistakable turn a
  positive);
- ``extra_negatives``: everyday and emotional-support turns from shared/data train splits;
- ``held_out_texts`` / ``same_words``: the lines of the dev, test and support evaluation sets,
  which no training row may repeat;
- ``training_rows``: all of it together.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from emotion.crisis.lexicon import Lexicon
from emotion.files import REPO_ROOT as REPO


def read_statements(path: Path) -> list[dict]:
    """Rows of a statements CSV (id, text, category, risk, language)."""
    with open(path, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if (r.get("text") or "").strip()]


def conversation_rows(path: Path) -> list[dict]:
    """Training rows from a conversations CSV: each turn of a risk-free conversation (risk 0) and
    the unmistakable turn of a risky one (risk 1, with the conversation's category)."""
    from emotion.evaluation.crisis import read_conversations

    out = []
    for rows in read_conversations(path).values():
        if int(rows[0]["risky"]):
            r = rows[int(rows[0]["unmistakable_turn"]) - 1]
            out.append({"text": r["text"], "risk": "1", "category": rows[0]["category"]})
        else:
            out += [{"text": r["text"], "risk": "0", "category": rows[0]["category"]} for r in rows]
    return out


def extra_negatives(cfg: dict, lexicon: Lexicon, rest: list[str] | None = None) -> list[str]:
    """Everyday and emotional-support chat without risk language, from shared/data (train splits):
    ESConv seeker turns (any emotion, any length), GoEmotions comments and DailyDialog utterances. Texts the lexicon
    scores >= 0.3 are left out (they may carry risk). ``rest``, when given, receives the texts not picked (the
    pool hard negatives are mined from, unread by the lexicon yet)."""
    import random

    import emotion.affect.data as D
    from emotion.training.affect import data_dir

    root, rng = data_dir(), random.Random(cfg["seed"])
    esconv = [t for t, _ in D.esconv_seeker_turns(root, "train", None, min_chars=2)]
    go = [t for t, _ in D.goemotions(root, "train")]
    daily = [u.strip().replace(" ,", ",").replace(" .", ".").replace(" ?", "?").replace(" '", "'")
             for line in (root / "dailydialog" / "train" / "dialogues_train.txt").read_text(encoding="utf-8").splitlines()
             for u in line.split("__eou__") if u.strip()]
    for texts in (esconv, go, daily):
        rng.shuffle(texts)
    n = cfg["extra_negatives"]
    picked = esconv[: n["esconv"]] + go[: n["goemotions"]] + daily[: n.get("dailydialog", 0)]
    if rest is not None:
        rest += esconv[n["esconv"]:] + go[n["goemotions"]:] + daily[n.get("dailydialog", 0):]
    return [t for t in dict.fromkeys(picked) if lexicon.read(t).score < 0.3]


def same_words(text: str) -> str:
    """A text reduced to its lowercase words: how two authors' identical lines are recognised."""
    return " ".join(re.findall(r"\w+", text.lower()))


def held_out_texts(cfg: dict) -> set[str]:
    """``same_words`` of every statement and turn of the dev folders, the ``held_out`` (test)
    folders and the ``held_out_files`` (the support bot's conversation and question sets):
    training rows that say the same (common lines such as "im so tired" are written by several
    authors) are left out, so no evaluation line is ever trained on."""
    out: set[str] = set()
    for folder in [*cfg["dev"], *cfg.get("held_out", [])]:
        for name in ("statements.csv", "conversations.csv"):
            if (REPO / folder / name).is_file():
                with open(REPO / folder / name, newline="", encoding="utf-8") as f:
                    out |= {same_words(r["text"]) for r in csv.DictReader(f)}
    for name in cfg.get("held_out_files", []):  # the support bot's evaluation sets
        path = REPO / name
        if path.suffix == ".jsonl":
            out |= {same_words(t) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
                    for t in json.loads(line)["turns"]}
        else:
            with open(path, newline="", encoding="utf-8") as f:
                out |= {same_words(r["text"]) for r in csv.DictReader(f)}
    return out


def training_rows(cfg: dict, lexicon: Lexicon, rest: list[str] | None = None) -> tuple[list[dict], list[str]]:
    """(written rows with text/risk/category, extra negatives), none of them a held-out line;
    ``rest`` receives the everyday texts not picked, none of them held out either."""
    rows = [r for path in cfg["train_statements"] for r in read_statements(REPO / path)]
    rows += [r for path in cfg.get("train_conversations", []) for r in conversation_rows(REPO / path)]
    held = held_out_texts(cfg)
    pool: list[str] = []
    extra = [t for t in extra_negatives(cfg, lexicon, pool) if same_words(t) not in held]
    if rest is not None:
        rest += [t for t in pool if same_words(t) not in held]
    return [r for r in rows if same_words(r["text"]) not in held], extra
