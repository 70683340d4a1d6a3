"""Build statements.csv from the hand-written message lists in texts_en.py / texts_other.py."""
import csv, random, re, string, sys, unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import texts_en
from texts_other import OTHER

LABELS = ["confusion", "frustration", "boredom", "engagement", "neutral"]
FRACTION_CHARS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅐⅑⅒"

def lines(block):
    return [l.strip() for l in block.strip("\n").split("\n") if l.strip()]

def has_numbers(t):
    return int(bool(re.search(r"\d", t)) or any(c in FRACTION_CHARS for c in t))

def norm(t):
    t = t.lower()
    t = "".join(c for c in t if not unicodedata.category(c).startswith("P") and c not in string.punctuation)
    return " ".join(t.split())

rows = []
for lab in LABELS:
    for t in lines(getattr(texts_en, lab.upper())):
        rows.append((t, lab, "en"))
for lang, d in OTHER.items():
    for lab in LABELS:
        for t in lines(d[lab]):
            rows.append((t, lab, lang))

seen = {}
dups = []
for t, lab, lang in rows:
    k = norm(t)
    if k in seen:
        dups.append((t, lab, lang, seen[k]))
    else:
        seen[k] = (t, lab, lang)
if dups:
    for d in dups:
        print("DUP:", d)
    sys.exit(1)

random.seed(20240601)
random.shuffle(rows)
out = HERE / "statements.csv"
with out.open("w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "text", "label", "has_numbers", "language"])
    for i, (t, lab, lang) in enumerate(rows, 1):
        w.writerow([f"aff{i:05d}", t, lab, has_numbers(t), lang])

c_lab = Counter(r[1] for r in rows)
c_lang = Counter(r[2] for r in rows)
c_num = Counter(r[1] for r in rows if has_numbers(r[0]))
c_ll = defaultdict(Counter)
for t, lab, lang in rows:
    c_ll[lab][lang] += 1
print("total", len(rows))
print("labels", dict(c_lab))
print("with numbers", dict(c_num))
print("langs", dict(c_lang), "en share %.3f" % (c_lang["en"] / len(rows)))
for lab in LABELS:
    print(lab, dict(c_ll[lab]))
