import csv, random, collections, hashlib, sys
RISKY = {"passive_death_wish","active_ideation","method","intent","plan","preparatory_acts","burdensomeness",
         "hopelessness_entrapment","self_harm_urge","command_hallucination","risk_to_others","obfuscated","non_english"}
SAFE = {"everyday","ordinary_sadness","grief","stress","past_recovered","negation","idiom_hyperbole",
        "fiction_news_discussion","joke","non_english_negative"}
convs, cur = [], None
for line in open("source_conversations.txt", encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("@@ "):
        r, ut, cat = line[3:].split()
        cur = {"risky": int(r), "ut": "" if ut == "-" else int(ut), "cat": cat, "turns": []}
        convs.append(cur)
    elif line.strip():
        cur["turns"].append(line.strip())
random.Random(20240603).shuffle(convs)  # ids do not reveal labels
with open("conversations.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["conversation_id","turn","text","risky","unmistakable_turn","category"])
    for i, c in enumerate(convs, 1):
        for t, text in enumerate(c["turns"], 1):
            w.writerow([f"ea{i:03d}", t, text, c["risky"], c["ut"], c["cat"]])
# ---- validate from the written file ----
rows = list(csv.DictReader(open("conversations.csv", encoding="utf-8", newline="")))
assert list(rows[0].keys()) == ["conversation_id","turn","text","risky","unmistakable_turn","category"]
by = collections.OrderedDict()
for r in rows: by.setdefault(r["conversation_id"], []).append(r)
texts = collections.Counter(r["text"] for r in rows)
dups = [t for t, n in texts.items() if n > 1]
assert not dups, dups
for cid, rs in by.items():
    assert [int(r["turn"]) for r in rs] == list(range(1, len(rs)+1)), cid
    assert 4 <= len(rs) <= 9, (cid, len(rs))
    for k in ("risky","unmistakable_turn","category"):
        assert len({r[k] for r in rs}) == 1, (cid, k)
    risky, ut, cat = rs[0]["risky"], rs[0]["unmistakable_turn"], rs[0]["category"]
    assert all(r["text"].strip() for r in rs)
    if risky == "1":
        assert cat in RISKY, (cid, cat); assert 1 <= int(ut) <= len(rs), cid
    else:
        assert risky == "0" and ut == "" and cat in SAFE, (cid, cat)
ids = list(by)
assert ids == [f"ea{i:03d}" for i in range(1, len(ids)+1)]
nr = sum(rs[0]["risky"] == "1" for rs in by.values())
print("conversations:", len(by), "risky:", nr, "risk-free:", len(by)-nr, "rows:", len(rows))
cnt = collections.Counter((rs[0]["risky"], rs[0]["category"]) for rs in by.values())
for (r, c), n in sorted(cnt.items(), key=lambda x: (-int(x[0][0]), x[0][1])):
    print(f"  risky={r} {c}: {n}")
missing = (RISKY | SAFE) - {c for _, c in cnt}
assert not missing, missing
print("ut distribution:", sorted(collections.Counter(int(rs[0]['unmistakable_turn']) for rs in by.values() if rs[0]['risky']=='1').items()))
print("sha256:", hashlib.sha256(open("conversations.csv","rb").read()).hexdigest())
