"""Serialise the hand-written conversations (convs_*.txt) to conversations.csv and validate.
The script only parses, orders, numbers and checks; all text was written by hand."""
import csv, random, collections, sys

RISKY = ["passive_death_wish","active_ideation","method","intent","plan","preparatory_acts",
         "burdensomeness","hopelessness_entrapment","self_harm_urge","command_hallucination",
         "risk_to_others","obfuscated","non_english"]
NEG = ["everyday","ordinary_sadness","grief","stress","past_recovered","negation",
       "idiom_hyperbole","fiction_news_discussion","joke","non_english_negative"]

def parse(path):
    convs, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("## "):
            lang, risky, unm, cat = [x.strip() for x in line[3:].split("|")]
            cur = dict(lang=lang, risky=int(risky), unm=unm, cat=cat, turns=[])
            convs.append(cur)
        elif line.strip():
            cur["turns"].append(line.strip())
    return convs

convs = parse("convs_risky.txt") + parse("convs_neg.txt")
random.Random(9).shuffle(convs)
rows = []
for i, c in enumerate(convs, 1):
    cid = f"fa{i:03d}"
    c["id"] = cid
    for t, text in enumerate(c["turns"], 1):
        rows.append(dict(conversation_id=cid, turn=t, text=text, risky=c["risky"],
                         unmistakable_turn=c["unm"] if c["risky"] else "", category=c["cat"]))
FIELDS = ["conversation_id","turn","text","risky","unmistakable_turn","category"]
with open("conversations.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=FIELDS); w.writeheader(); w.writerows(rows)

# ---- validation (re-read from disk) ----
errs = []
with open("conversations.csv", encoding="utf-8", newline="") as f:
    r = csv.DictReader(f)
    if r.fieldnames != FIELDS: errs.append(f"bad header {r.fieldnames}")
    data = list(r)
by = collections.OrderedDict()
for row in data: by.setdefault(row["conversation_id"], []).append(row)
texts = collections.Counter(row["text"] for row in data)
for t, n in texts.items():
    if n > 1: errs.append(f"duplicate text x{n}: {t!r}")
for cid, rs in by.items():
    turns = [int(x["turn"]) for x in rs]
    if turns != list(range(1, len(rs)+1)): errs.append(f"{cid} turns {turns}")
    if not 4 <= len(rs) <= 9: errs.append(f"{cid} has {len(rs)} turns")
    for k in ("risky","unmistakable_turn","category"):
        if len({x[k] for x in rs}) != 1: errs.append(f"{cid} inconsistent {k}")
    risky, unm, cat = rs[0]["risky"], rs[0]["unmistakable_turn"], rs[0]["category"]
    if any(not x["text"].strip() for x in rs): errs.append(f"{cid} empty text")
    if risky == "1":
        if cat not in RISKY: errs.append(f"{cid} risky with cat {cat}")
        if not unm.isdigit() or not 1 <= int(unm) <= len(rs): errs.append(f"{cid} bad unm {unm}")
    elif risky == "0":
        if cat not in NEG: errs.append(f"{cid} neg with cat {cat}")
        if unm != "": errs.append(f"{cid} neg with unm {unm}")
    else: errs.append(f"{cid} risky={risky}")
lang = {c["id"]: c["lang"] for c in convs}
for cid, rs in by.items():
    cat = rs[0]["category"]
    if lang[cid] != "en" and cat not in ("non_english","non_english_negative"): errs.append(f"{cid} lang/cat")
    if lang[cid] == "en" and cat in ("non_english","non_english_negative"): errs.append(f"{cid} en but non_english")

nr = sum(1 for rs in by.values() if rs[0]["risky"] == "1")
nn = len(by) - nr
cats = collections.Counter(rs[0]["category"] for rs in by.values())
langs = collections.Counter(lang.values())
if nr != 30 or nn != 60: errs.append(f"counts risky={nr} neg={nn}")
for c in RISKY + NEG:
    if cats[c] == 0: errs.append(f"category {c} unused")
if errs:
    print("ERRORS:"); print("\n".join(errs)); sys.exit(1)
print(f"OK: {len(by)} conversations ({nr} risky, {nn} risk-free), {len(data)} user turns")
print("risky categories:");  [print(f"  {c}: {cats[c]}") for c in RISKY]
print("risk-free categories:"); [print(f"  {c}: {cats[c]}") for c in NEG]
print("languages:", dict(sorted(langs.items())))
tl = collections.Counter(len(rs) for rs in by.values()); print("turns/conv:", dict(sorted(tl.items())))
