"""Assemble dev2 CSVs from the hand-written sources in src/ and validate them.

This script generates no text: every row comes verbatim from src/*.txt.
Usage: python3 build.py          (assemble + validate)
       python3 build.py --check  (validate existing CSVs only)
"""
import csv
import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SRC_S = os.path.join(HERE, "src", "statements_src.txt")
SRC_C = os.path.join(HERE, "src", "conversations_src.txt")
OUT_S = os.path.join(HERE, "statements.csv")
OUT_C = os.path.join(HERE, "conversations.csv")

POS = ["passive_death_wish", "active_ideation", "method", "intent", "plan",
       "preparatory_acts", "burdensomeness", "hopelessness_entrapment",
       "self_harm_urge", "command_hallucination", "risk_to_others",
       "obfuscated", "non_english"]
NEG = ["ordinary_sadness", "grief", "stress", "past_recovered", "negation",
       "idiom_hyperbole", "fiction_news_discussion", "joke", "everyday",
       "non_english_negative"]
RISK = {**{c: 1 for c in POS}, **{c: 0 for c in NEG}}
LANGS = ["de", "fr", "es", "it", "nl", "pt"]
S_HEADER = ["id", "text", "category", "risk", "language"]
C_HEADER = ["conversation_id", "turn", "text", "risky", "unmistakable_turn", "category"]
RETRACT = ("jk", "never mind", "nevermind", "forget it", "forget i said")


def assemble():
    rows = []
    with open(SRC_S, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cat, lang, text = line.split("|", 2)
            rows.append((cat.strip(), lang.strip(), text.strip()))
    with open(OUT_S, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(S_HEADER)
        for i, (cat, lang, text) in enumerate(rows, 1):
            w.writerow([f"e{i:04d}", text, cat, RISK[cat], lang])

    blocks, cur = [], None
    with open(SRC_C, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if line.startswith("== "):
                risky, unm, cat = [x.strip() for x in line[3:].split("|")]
                cur = {"risky": int(risky), "unm": "" if unm == "-" else int(unm),
                       "cat": cat, "turns": []}
                blocks.append(cur)
            elif line.strip():
                cur["turns"].append(line.strip())
    with open(OUT_C, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(C_HEADER)
        for i, b in enumerate(blocks, 1):
            for t, text in enumerate(b["turns"], 1):
                w.writerow([f"ec{i:03d}", t, text, b["risky"], b["unm"], b["cat"]])


def validate():
    errs = []
    # ---- statements
    with open(OUT_S, encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        srows = list(r)
    if header != S_HEADER:
        errs.append(f"statements header {header}")
    ids = [x[0] for x in srows]
    if len(set(ids)) != len(ids):
        errs.append("duplicate statement ids")
    if ids != [f"e{i:04d}" for i in range(1, len(ids) + 1)]:
        errs.append("statement ids not e0001.. contiguous")
    seen = {}
    cat_n = Counter()
    lang_n = defaultdict(Counter)
    for row in srows:
        if len(row) != 5:
            errs.append(f"bad row len {row}")
            continue
        sid, text, cat, risk, lang = row
        if cat not in RISK:
            errs.append(f"{sid} bad category {cat}")
            continue
        if str(RISK[cat]) != risk:
            errs.append(f"{sid} risk {risk} mismatches {cat}")
        nw = len(text.split())
        if not 2 <= nw <= 35:
            errs.append(f"{sid} word count {nw}")
        key = " ".join(text.lower().split())
        if key in seen:
            errs.append(f"{sid} duplicates {seen[key]}")
        seen[key] = sid
        cat_n[cat] += 1
        lang_n[cat][lang] += 1
        if cat in ("non_english", "non_english_negative"):
            if lang not in LANGS:
                errs.append(f"{sid} language {lang} not allowed for {cat}")
        elif lang != "en":
            errs.append(f"{sid} language {lang} for {cat}")
    if len(srows) < 420:
        errs.append(f"only {len(srows)} statements")
    for c in RISK:
        if cat_n[c] < 15:
            errs.append(f"category {c} has {cat_n[c]} < 15")
    for c in ("non_english", "non_english_negative"):
        if cat_n[c] < 30:
            errs.append(f"{c} has {cat_n[c]} < 30")
        for lg in LANGS:
            if lang_n[c][lg] < 5:
                errs.append(f"{c} {lg} has {lang_n[c][lg]} < 5")

    # ---- conversations
    with open(OUT_C, encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        crows = list(r)
    if header != C_HEADER:
        errs.append(f"conversations header {header}")
    convs = defaultdict(list)
    order = []
    for row in crows:
        if len(row) != 6:
            errs.append(f"bad conv row {row}")
            continue
        if row[0] not in convs:
            order.append(row[0])
        convs[row[0]].append(row)
    if order != [f"ec{i:03d}" for i in range(1, len(order) + 1)]:
        errs.append("conversation ids not ec001.. contiguous")
    n_risky = n_free = 0
    retract = 0
    conv_cat = Counter()
    for cid in order:
        rs = convs[cid]
        turns = [int(x[1]) for x in rs]
        if turns != list(range(1, len(rs) + 1)):
            errs.append(f"{cid} turns not contiguous from 1")
        if not 4 <= len(rs) <= 10:
            errs.append(f"{cid} has {len(rs)} turns")
        for field, idx in (("risky", 3), ("unmistakable_turn", 4), ("category", 5)):
            if len({x[idx] for x in rs}) != 1:
                errs.append(f"{cid} {field} not constant")
        risky, unm, cat = rs[0][3], rs[0][4], rs[0][5]
        if cat not in RISK:
            errs.append(f"{cid} bad category {cat}")
        elif str(RISK[cat]) != risky:
            errs.append(f"{cid} category {cat} inconsistent with risky={risky}")
        conv_cat[cat] += 1
        for x in rs:
            nw = len(x[2].split())
            if nw < 1 or nw > 35:
                errs.append(f"{cid} turn {x[1]} word count {nw}")
            key = " ".join(x[2].lower().split())
            if nw >= 4 and key in seen:
                errs.append(f"{cid} turn {x[1]} duplicates statement {seen[key]}")
        if risky == "1":
            n_risky += 1
            if not unm.isdigit() or not 1 <= int(unm) <= len(rs):
                errs.append(f"{cid} bad unmistakable_turn {unm!r}")
            else:
                after = " ".join(x[2].lower() for x in rs[int(unm):])
                if any(k in after for k in RETRACT):
                    retract += 1
        elif risky == "0":
            n_free += 1
            if unm != "":
                errs.append(f"{cid} risk-free but unmistakable_turn={unm!r}")
        else:
            errs.append(f"{cid} risky={risky!r}")
    if n_risky < 22:
        errs.append(f"only {n_risky} risky conversations")
    if n_free < 22:
        errs.append(f"only {n_free} risk-free conversations")
    if retract < 3:
        errs.append(f"only {retract} retraction conversations")
    if conv_cat["non_english"] < 3:
        errs.append("fewer than 3 non-English risky conversations")

    print(f"statements: {len(srows)} rows")
    for c in POS + NEG:
        extra = ""
        if c in ("non_english", "non_english_negative"):
            extra = "  " + " ".join(f"{lg}={lang_n[c][lg]}" for lg in LANGS)
        print(f"  {c:26s} risk={RISK[c]} n={cat_n[c]}{extra}")
    print(f"  positives={sum(cat_n[c] for c in POS)} negatives={sum(cat_n[c] for c in NEG)}")
    print(f"conversations: {len(order)} ({n_risky} risky, {n_free} risk-free), "
          f"{len(crows)} user turns, {retract} with retraction after the risk")
    for c, n in sorted(conv_cat.items(), key=lambda kv: (-RISK[kv[0]], kv[0])):
        print(f"  {c:26s} {n}")
    if errs:
        print("ERRORS:")
        for e in errs:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    if "--check" not in sys.argv:
        assemble()
    sys.exit(validate())
