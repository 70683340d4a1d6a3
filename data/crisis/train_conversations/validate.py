"""Validate conversations.csv (stdlib csv only). Exit code 1 on any error."""
import csv, collections, sys, os

P = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conversations.csv")
HEADER = ["conversation_id", "turn", "text", "risky", "unmistakable_turn", "category"]
RISK = {"passive_death_wish", "active_ideation", "method", "intent", "plan", "preparatory_acts",
        "burdensomeness", "hopelessness_entrapment", "self_harm_urge", "command_hallucination",
        "risk_to_others", "obfuscated"}
SAFE = {"ordinary_sadness", "grief", "stress", "past_recovered", "negation", "idiom_hyperbole",
        "fiction_news_discussion", "joke", "everyday", "non_english_negative"}

with open(P, newline="", encoding="utf-8") as f:
    r = csv.reader(f)
    hdr = next(r)
    rows = list(r)
errs = []
if hdr != HEADER:
    errs.append(f"bad header {hdr}")
conv = collections.OrderedDict()
order = []
for row in rows:
    if len(row) != 6:
        errs.append(f"bad row width {row}")
        continue
    if not order or order[-1] != row[0]:
        order.append(row[0])
    conv.setdefault(row[0], []).append(row)
if len(order) != len(set(order)):
    errs.append("conversation ids not unique / rows not contiguous")
for cid, rs in conv.items():
    if [int(x[1]) for x in rs] != list(range(1, len(rs) + 1)):
        errs.append(f"{cid}: turns not contiguous from 1")
    if not 4 <= len(rs) <= 12:
        errs.append(f"{cid}: {len(rs)} turns")
    for k in (3, 4, 5):
        if len({x[k] for x in rs}) != 1:
            errs.append(f"{cid}: {HEADER[k]} differs between rows")
    if any(not x[2].strip() for x in rs):
        errs.append(f"{cid}: empty text")
    risky, ut, cat = rs[0][3], rs[0][4], rs[0][5]
    if risky == "1":
        if cat not in RISK:
            errs.append(f"{cid}: bad risky category {cat}")
        if not ut.isdigit() or not 1 <= int(ut) <= len(rs):
            errs.append(f"{cid}: unmistakable_turn {ut!r} out of range")
    elif risky == "0":
        if cat not in SAFE:
            errs.append(f"{cid}: bad risk-free category {cat}")
        if ut != "":
            errs.append(f"{cid}: unmistakable_turn must be empty")
    else:
        errs.append(f"{cid}: risky={risky!r}")
cnt = collections.Counter((v[0][3], v[0][5]) for v in conv.values())
print(f"{len(conv)} conversations, {sum(len(v) for v in conv.values())} user turns")
for k in sorted(cnt):
    print(f"  risky={k[0]} {k[1]}: {cnt[k]}")
if errs:
    print("ERRORS:")
    print("\n".join(errs))
    sys.exit(1)
print("OK")
