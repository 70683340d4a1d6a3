"""Parse hand-written drafts (category|text per line), assign ids, validate, write statements.csv.
Generates no text; only reads the drafts."""
import csv, collections, pathlib, sys
base = pathlib.Path(__file__).parent
RISK0 = {"everyday", "stress", "ordinary_sadness", "grief", "idiom_hyperbole"}
RISK1 = {"passive_death_wish", "active_ideation", "method", "intent", "plan", "preparatory_acts",
         "burdensomeness", "hopelessness_entrapment", "self_harm_urge", "command_hallucination",
         "risk_to_others", "obfuscated", "non_english"}
order = ["everyday", "stress", "ordinary_sadness", "grief", "idiom_hyperbole", "risk1"]
rows, seen, errs = [], {}, []
for name in order:
    for ln, line in enumerate((base / "drafts" / f"{name}.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        cat, sep, text = line.partition("|")
        cat, text = cat.strip(), text.strip()
        if not sep or not text:
            errs.append(f"{name}:{ln} malformed"); continue
        if cat in RISK0: risk = 0
        elif cat in RISK1: risk = 1
        else:
            errs.append(f"{name}:{ln} bad category {cat}"); continue
        key = " ".join(text.lower().split())
        if key in seen:
            errs.append(f"{name}:{ln} duplicate of {seen[key]}"); continue
        seen[key] = f"{name}:{ln}"
        rows.append((text, cat, risk))
if errs:
    print("\n".join(errs)); sys.exit(1)
out = base / "statements.csv"
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, quoting=csv.QUOTE_ALL)
    w.writerow(["id", "text", "category", "risk", "language"])
    for i, (t, c, r) in enumerate(rows, 1):
        w.writerow([f"e{i}", t, c, r, "en"])
# re-read and validate
with open(out, encoding="utf-8", newline="") as f:
    back = list(csv.DictReader(f))
assert len(back) == len(rows)
assert len({r["id"] for r in back}) == len(back)
assert len({r["text"] for r in back}) == len(back)
cnt = collections.Counter(r["category"] for r in back)
rk = collections.Counter(r["risk"] for r in back)
for c in sorted(cnt, key=lambda c: (c not in RISK0, c)):
    print(f"{c}\t{cnt[c]}")
print("risk", dict(rk), "total", len(back))
for c in ["everyday", "stress", "ordinary_sadness"]: assert cnt[c] >= 60, c
for c in ["grief", "idiom_hyperbole"]: assert cnt[c] >= 40, c
for c in RISK1 - {"non_english"}: assert cnt[c] >= 7, c
assert rk["0"] == 420 and rk["1"] == 100
print("OK")
