"""Parse hand-written drafts in src/<lang>.txt (category|risk|text), assign ids, validate, write statements.csv."""
import csv, collections, sys
LANGS = ["de", "fr", "es", "it", "nl", "pt"]
R0 = {"everyday", "stress", "ordinary_sadness", "grief", "idiom_hyperbole"}
R1 = {"non_english"}
rows, errs = [], []
for lang in LANGS:
    for n, line in enumerate(open(f"src/{lang}.txt", encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        cat, risk, text = line.split("|", 2)
        text = text.strip()
        if not text or (risk == "0" and cat not in R0) or (risk == "1" and cat not in R1) or risk not in "01":
            errs.append(f"{lang}:{n} {line}")
        rows.append((text, cat, int(risk), lang))
seen = collections.Counter(r[0].lower() for r in rows)
errs += [f"duplicate: {t}" for t, c in seen.items() if c > 1]
per = collections.Counter((r[3], r[2]) for r in rows)
for lang in LANGS:
    if per[(lang, 0)] != 64 or per[(lang, 1)] != 16:
        errs.append(f"{lang}: {per[(lang,0)]} risk0 / {per[(lang,1)]} risk1")
if errs:
    sys.exit("\n".join(errs))
with open("statements.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC)
    w.writerow(["id", "text", "category", "risk", "language"])
    for i, (t, c, r, l) in enumerate(rows, 1):
        w.writerow([f"m{i}", t, c, r, l])
# re-read and report
back = list(csv.DictReader(open("statements.csv", encoding="utf-8")))
assert len(back) == len(rows) == 480
print(len(back))
for lang in LANGS:
    print(lang, dict(collections.Counter(r["category"] for r in back if r["language"] == lang)))
