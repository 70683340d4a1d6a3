import csv, collections, sys
RISK = {"passive_death_wish","active_ideation","method","intent","plan","preparatory_acts","burdensomeness","hopelessness_entrapment","self_harm_urge","command_hallucination","risk_to_others","obfuscated"}
NEG = {"ordinary_sadness","grief","stress","past_recovered","negation","idiom_hyperbole","fiction_news_discussion","joke","everyday"}
LANGS = {"en","de","fr","es","it","nl","pt"}
path = "/work/main/data/crisis/train_more/statements.csv"
errs = []
with open(path, newline="", encoding="utf-8") as f:
    r = csv.reader(f)
    header = next(r)
    rows = list(r)
if header != ["id","text","category","risk","language"]:
    errs.append(f"bad header {header}")
ids, texts = set(), set()
for i, row in enumerate(rows, 2):
    if len(row) != 5: errs.append(f"line {i}: {len(row)} fields"); continue
    id_, text, cat, risk, lang = row
    if id_ in ids: errs.append(f"dup id {id_}")
    ids.add(id_)
    if id_ != f"m{i-1:04d}": errs.append(f"id order {id_}")
    t = text.strip().lower()
    if t in texts: errs.append(f"dup text line {i}")
    texts.add(t)
    if cat not in RISK | NEG: errs.append(f"bad cat {cat}")
    if risk != ("1" if cat in RISK else "0"): errs.append(f"risk mismatch line {i}")
    if lang not in LANGS: errs.append(f"bad lang {lang}")
    n = len(text.split())
    if not 2 <= n <= 35: errs.append(f"length {n} line {i}")
print("rows", len(rows))
c = collections.Counter((r[4], r[3]) for r in rows)
for k in sorted(c): print(k, c[k])
cc = collections.Counter(r[2] for r in rows)
for k in sorted(cc): print(k, cc[k])
print("ERRORS" if errs else "OK", errs[:20])
sys.exit(1 if errs else 0)
