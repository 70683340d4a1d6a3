"""Train a message-affect head (emotion/affect/message.py): the student head (student_affect.pt)
or the service head (service_affect.pt), as the config's ``head`` says.

Data: the chat-style messages of ``train`` (CSV with ``text`` and ``label``; rows whose label is
not one of the head's classes are left out) and, for the student head when ``mathbuddy_train``
is set, MathBuddy's training conversations (engagement / neutral / boredom of the last student
turn; held-out ids ``crc32(id) % 5 == 0`` left out). A logistic regression on standardised
[e ; f] (see the head) with balanced class weights; C is chosen by macro-F1 on ``dev``. The
checkpoint goes to the settings' checkpoint folder (``EMOBOT_CHECKPOINT_DIR`` or emotion/checkpoints).

Run: ``emobot train student-affect`` / ``emobot train service-affect``
(``emobot train student-affect`` / ``emobot train service-affect``).
"""
from __future__ import annotations

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
from emotion.affect.message import HEADS, HeadSpec, MessageHead
from emotion.affect.model import tutor_scalars
from emotion.data.meld import data_dir
from emotion.files import REPO_ROOT
from emotion.settings import checkpoint_root
from emotion.training.affect import cached_embed

CONFIGS = REPO_ROOT / "emotion" / "config"
DEFAULT_CONFIG = CONFIGS / "student_affect.yaml"


def read_messages(path: Path, classes: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
    """(texts, labels as indices of ``classes``) of a CSV with ``text`` and ``label``."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["label"] in classes]
    return [r["text"] for r in rows], np.array([classes.index(r["label"]) for r in rows])


def features(embedder: SentenceEmbedder, texts: list[str], name: str) -> np.ndarray:
    """(N, 388) = [e ; tutor_scalars(text, no history)] (the service sends no history)."""
    e = cached_embed(embedder, texts, name)
    return np.concatenate([e, np.stack([tutor_scalars(t, []) for t in texts])], axis=1).astype(np.float32)


def train(config_path: Path = DEFAULT_CONFIG) -> dict:
    cfg = yaml.safe_load(Path(config_path).read_text())
    key = cfg.get("head", "student")
    spec: HeadSpec = HEADS[key]
    torch.manual_seed(cfg["seed"])
    embedder = SentenceEmbedder(cfg["max_tokens"], cfg["threads"])
    texts, labels, weights = [], [], []
    for path in cfg["train"]:
        t, y = read_messages(REPO_ROOT / path, spec.classes)
        texts += t
        labels.append(y)
        weights.append(np.ones(len(t)))
    if cfg.get("mathbuddy_train"):
        items = [it for it in D.load_mathbuddy(D.mathbuddy_path(data_dir()))
                 if not D.is_test(it.id) and it.emotion in spec.classes]
        texts += [it.utterance for it in items]
        labels.append(np.array([spec.classes.index(it.emotion) for it in items]))
        weights.append(np.full(len(items), float(cfg["mathbuddy_weight"])))
    x, y, w = features(embedder, texts, f"{key}-train"), np.concatenate(labels), np.concatenate(weights)
    mean, scale = x.mean(0), x.std(0) + 1e-6
    dev_texts, y_dev = read_messages(REPO_ROOT / cfg["dev"], spec.classes)
    z, z_dev = (x - mean) / scale, (features(embedder, dev_texts, f"{key}-dev") - mean) / scale
    scores = {}
    for C in cfg["Cs"]:
        lr = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(z, y, sample_weight=w)
        scores[C] = float(f1_score(y_dev, lr.predict(z_dev), average="macro"))
    best = max(scores, key=scores.get)
    lr = LogisticRegression(C=best, max_iter=3000, class_weight="balanced").fit(z, y, sample_weight=w)
    head = MessageHead(x.shape[1], len(spec.classes))
    with torch.no_grad():
        head.linear.weight.copy_(torch.from_numpy(lr.coef_.astype(np.float32)))
        head.linear.bias.copy_(torch.from_numpy(lr.intercept_.astype(np.float32)))
        head.mean.copy_(torch.from_numpy(mean))
        head.scale.copy_(torch.from_numpy(scale.astype(np.float32)))
    report = {"dev_macro_f1_by_C": scores, "C": best, "n_train": int(len(y)),
              "n_train_by_class": {c: int((y == i).sum()) for i, c in enumerate(spec.classes)}}
    print(f"{spec.name}:", report, flush=True)
    path = checkpoint_root() / cfg.get("checkpoint", spec.checkpoint)
    torch.save({"state_dict": head.state_dict(), "classes": list(spec.classes),
                "info": json.dumps({"config": cfg, "report": report})}, path)
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return report
