import csv, sys, os
RISK = {"passive_death_wish","active_ideation","method","intent","plan","preparatory_acts","burdensomeness","hopelessness_entrapment","self_harm_urge","command_hallucination","risk_to_others","obfuscated"}
NEG = {"ordinary_sadness","grief","stress","past_recovered","negation","idiom_hyperbole","fiction_news_discussion","joke","everyday"}
out = "/work/main/data/crisis/train_more/statements.csv"
batch = sys.argv[1]
rows = []
for ln, line in enumerate(open(batch, encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if not line.strip(): continue
    lang, cat, text = line.split("|", 2)
    lang, cat, text = lang.strip(), cat.strip(), text.strip()
    assert cat in RISK or cat in NEG, (ln, cat)
    assert lang in {"en","de","fr","es","it","nl","pt"}, (ln, lang)
    n = len(text.split())
    assert 2 <= n <= 35, (ln, n, text)
    rows.append((text, cat, 1 if cat in RISK else 0, lang))
exists = os.path.exists(out)
existing = []
if exists:
    with open(out, newline="", encoding="utf-8") as f:
        existing = list(csv.DictReader(f))
seen = {r["text"].strip().lower() for r in existing}
for r in rows:
    assert r[0].lower() not in seen, ("dup", r[0])
    seen.add(r[0].lower())
start = len(existing) + 1
with open(out, "a", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    if not exists:
        w.writerow(["id","text","category","risk","language"])
    for i, r in enumerate(rows):
        w.writerow([f"m{start+i:04d}", r[0], r[1], r[2], r[3]])
print("appended", len(rows), "total", start - 1 + len(rows))
