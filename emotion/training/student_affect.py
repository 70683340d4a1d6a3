"""Train the student-affect head (emotion/affect/student.py) -> emotion/checkpoints/student_affect.pt.

Data: the chat-style student messages of ``train`` (CSV: id, text, label, has_numbers, language)
and, when ``mathbuddy_train`` is set, MathBuddy's training conversations (engagement / neutral /
boredom of the last student turn; held-out ids ``crc32(id) % 5 == 0`` left out). A logistic
regression on standardised [e ; f] (see the head) with balanced class weights; C is chosen by
macro-F1 on ``dev``. The checkpoint goes to the settings' checkpoint folder
(``EMOBOT_CHECKPOINT_DIR`` or emotion/checkpoints).

Run: ``python -m emotion.training.student_affect [--config PATH]`` (``emobot train student-affect``).
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from emotion.affect import data as D
from emotion.affect.embed import SentenceEmbedder
from emotion.affect.model import tutor_scalars
from emotion.affect.student import CHECKPOINT_NAME, STUDENT_CLASSES, StudentAffectHead
from emotion.data.meld import data_dir
from emotion.files import REPO_ROOT
from emotion.settings import checkpoint_root
from emotion.training.affect import cached_embed

DEFAULT_CONFIG = REPO_ROOT / "emotion" / "config" / "student_affect.yaml"


def read_statements(path: Path) -> tuple[list[str], np.ndarray]:
    """(texts, labels as indices of STUDENT_CLASSES) of a CSV with ``text`` and ``label``."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["label"] in STUDENT_CLASSES]
    return [r["text"] for r in rows], np.array([STUDENT_CLASSES.index(r["label"]) for r in rows])


def features(embedder: SentenceEmbedder, texts: list[str], name: str) -> np.ndarray:
    """(N, 388) = [e ; tutor_scalars(text, no history)] (the service sends no history)."""
    e = cached_embed(embedder, texts, name)
    return np.concatenate([e, np.stack([tutor_scalars(t, []) for t in texts])], axis=1).astype(np.float32)


def train(config_path: Path = DEFAULT_CONFIG) -> dict:
    cfg = yaml.safe_load(Path(config_path).read_text())
    torch.manual_seed(cfg["seed"])
    embedder = SentenceEmbedder(cfg["max_tokens"], cfg["threads"])
    texts, labels, weights = [], [], []
    for path in cfg["train"]:
        t, y = read_statements(REPO_ROOT / path)
        texts += t
        labels.append(y)
        weights.append(np.ones(len(t)))
    if cfg.get("mathbuddy_train"):
        items = [it for it in D.load_mathbuddy(D.mathbuddy_path(data_dir()))
                 if not D.is_test(it.id) and it.emotion in STUDENT_CLASSES]
        texts += [it.utterance for it in items]
        labels.append(np.array([STUDENT_CLASSES.index(it.emotion) for it in items]))
        weights.append(np.full(len(items), float(cfg["mathbuddy_weight"])))
    x, y, w = features(embedder, texts, "student-train"), np.concatenate(labels), np.concatenate(weights)
    mean, scale = x.mean(0), x.std(0) + 1e-6
    dev_texts, y_dev = read_statements(REPO_ROOT / cfg["dev"])
    z, z_dev = (x - mean) / scale, (features(embedder, dev_texts, "student-dev") - mean) / scale
    scores = {}
    for C in cfg["Cs"]:
        lr = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(z, y, sample_weight=w)
        scores[C] = float(f1_score(y_dev, lr.predict(z_dev), average="macro"))
    best = max(scores, key=scores.get)
    lr = LogisticRegression(C=best, max_iter=3000, class_weight="balanced").fit(z, y, sample_weight=w)
    head = StudentAffectHead(x.shape[1])
    with torch.no_grad():
        head.linear.weight.copy_(torch.from_numpy(lr.coef_.astype(np.float32)))
        head.linear.bias.copy_(torch.from_numpy(lr.intercept_.astype(np.float32)))
        head.mean.copy_(torch.from_numpy(mean))
        head.scale.copy_(torch.from_numpy(scale.astype(np.float32)))
    report = {"dev_macro_f1_by_C": scores, "C": best, "n_train": int(len(y)),
              "n_train_by_class": {c: int((y == i).sum()) for i, c in enumerate(STUDENT_CLASSES)}}
    print("student affect:", report, flush=True)
    path = checkpoint_root() / cfg.get("checkpoint", CHECKPOINT_NAME)
    torch.save({"state_dict": head.state_dict(), "classes": list(STUDENT_CLASSES),
                "info": json.dumps({"config": cfg, "report": report})}, path)
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description="Train the student-affect head.")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    train(parser.parse_args().config)


if __name__ == "__main__":
    main()
