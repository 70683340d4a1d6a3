"""Train the crisis detector (emotion/crisis/detector.py) -> emotion/checkpoints/crisis.pt.

Run: ``emobot train crisis`` (``python -m emotion.training.crisis [--config emotion/config/crisis.yaml]``).

Data (all of it ours or shared/, never the frozen test set ``data/crisis/test``):
- ``data/crisis/train/statements.csv``: chat statements per warning-sign category and hard
  negatives in seven languages, written for training by a separate author;
- the Reddit C-SSRS head of ``affect.pt`` is copied as is (its data: emotion/training/affect.py);
- ``data/crisis/dev``: tuning only: the flag and "possible" thresholds and the conversation
  policy are chosen on it (statements and conversations).

Steps: embed the training statements (frozen MiniLM windows), fit the chat head, the char
n-gram head and the category head; stack lexicon + heads on 5-fold out-of-fold predictions;
refit the heads on all training rows; pick thresholds on dev.
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import numpy as np
import yaml

from emotion.crisis.detector import (CHECKPOINT_NAME, CrisisDetector, char_vectorizer, sigmoid, stack_features)
from emotion.crisis.lexicon import POSITIVE_CATEGORIES, Lexicon

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG = REPO / "emotion" / "config" / "crisis.yaml"


def read_statements(path: Path) -> list[dict]:
    """Rows of a statements CSV (id, text, category, risk, language)."""
    with open(path, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if (r.get("text") or "").strip()]


def _lr(C: float, balanced: bool = True, multi: bool = False):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=3000, class_weight="balanced" if balanced else None)


def _folds(n: int, k: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.permutation(np.arange(n) % k)


def fit_heads(cfg: dict, e: np.ndarray, x_char, y: np.ndarray, w: np.ndarray):
    chat = _lr(cfg["chat_C"]).fit(e, y, sample_weight=w)
    char = _lr(cfg["char_C"]).fit(x_char, y, sample_weight=w)
    return chat, char


def extra_negatives(cfg: dict, lexicon: Lexicon) -> list[str]:
    """Everyday and emotional-support chat without risk language, from shared/data (train splits):
    ESConv seeker turns (any emotion, any length) and GoEmotions comments. Texts the lexicon
    scores >= 0.3 are left out (they may carry risk)."""
    import random

    import emotion.affect.data as D
    from emotion.training.affect import data_dir

    root, rng = data_dir(), random.Random(cfg["seed"])
    esconv = [t for t, _ in D.esconv_seeker_turns(root, "train", None, min_chars=2)]
    go = [t for t, _ in D.goemotions(root, "train")]
    rng.shuffle(esconv)
    rng.shuffle(go)
    n = cfg["extra_negatives"]
    picked = esconv[: n["esconv"]] + go[: n["goemotions"]]
    return [t for t in dict.fromkeys(picked) if lexicon.read(t).score < 0.3]


def train(config_path: Path = DEFAULT_CONFIG) -> dict:
    import torch

    from emotion.affect.embed import SentenceEmbedder
    from emotion.settings import get_settings

    cfg = yaml.safe_load(Path(config_path).read_text())
    lexicon = Lexicon.load()
    rows = read_statements(REPO / cfg["train"])
    extra = extra_negatives(cfg, lexicon)
    texts = [r["text"] for r in rows] + extra
    y = np.array([int(r["risk"]) for r in rows] + [0] * len(extra))
    w = np.array([1.0] * len(rows) + [float(cfg["extra_weight"])] * len(extra))
    embedder = SentenceEmbedder(128, cfg.get("threads", 2))
    e = embedder.embed(texts).astype(np.float64)
    vec = char_vectorizer()
    x_char = vec.transform(texts)
    lex = [lexicon.read(t) for t in texts]
    affect = torch.load(get_settings().checkpoint_dir / "affect.pt", map_location="cpu", weights_only=True)
    reddit_w = affect["state_dict"]["crisis.weight"].numpy().reshape(-1).astype(np.float64)
    reddit_b = float(affect["state_dict"]["crisis.bias"].reshape(-1)[0])
    p_reddit = sigmoid(e @ reddit_w + reddit_b)

    # out-of-fold head probabilities -> the stack
    fold = _folds(len(texts), 5, cfg["seed"])
    oof_chat, oof_char = np.zeros(len(texts)), np.zeros(len(texts))
    for k in range(5):
        tr, te = fold != k, fold == k
        chat, char = fit_heads(cfg, e[tr], x_char[tr], y[tr], w[tr])
        oof_chat[te] = chat.predict_proba(e[te])[:, 1]
        oof_char[te] = char.predict_proba(x_char[te])[:, 1]
    f = stack_features(lex, oof_chat, p_reddit, oof_char)
    stack = _lr(cfg["stack_C"], balanced=True).fit(f, y, sample_weight=w)
    chat, char = fit_heads(cfg, e, x_char, y, w)
    pos = (y == 1)[: len(rows)]
    cat_names = tuple(c for c in POSITIVE_CATEGORIES if c in {r["category"] for r in rows})
    cat_y = np.array([cat_names.index(r["category"]) if r["category"] in cat_names else -1 for r in rows])
    keep = pos & (cat_y >= 0)
    cat = _lr(cfg["category_C"], balanced=True).fit(e[: len(rows)][keep], cat_y[keep])

    info = {"config": str(Path(config_path).relative_to(REPO)) if Path(config_path).is_absolute() else str(config_path),
            "categories": list(cat_names), "train_rows": len(rows), "train_positives": int(pos.sum()),
            "extra_negatives": len(extra),
            "stack_features": ["lexicon_score", "lexicon_prior", "negated", "past", "idiom", "fiction", "joke",
                               "logit_chat", "logit_reddit", "logit_char"],
            "stack_coef": [round(float(v), 4) for v in stack.coef_[0]],
            "thresholds": {"flag": 0.5, "possible": 0.3, "reddit": float(cfg["reddit_threshold"]),
                           "long_text_chars": float(cfg["long_text_chars"])},
            "conversation": dict(cfg["conversation"])}
    state = {
        "chat_w": torch.tensor(chat.coef_[0], dtype=torch.float32), "chat_b": torch.tensor(float(chat.intercept_[0])),
        "reddit_w": torch.tensor(reddit_w, dtype=torch.float32), "reddit_b": torch.tensor(reddit_b),
        "char_w": torch.tensor(char.coef_[0], dtype=torch.float16), "char_b": torch.tensor(float(char.intercept_[0])),
        "stack_w": torch.tensor(stack.coef_[0], dtype=torch.float32), "stack_b": torch.tensor(float(stack.intercept_[0])),
        "cat_w": torch.tensor(cat.coef_, dtype=torch.float32), "cat_b": torch.tensor(cat.intercept_, dtype=torch.float32),
    }
    out = get_settings().checkpoint_dir / CHECKPOINT_NAME
    torch.save({**state, "info": json.dumps(info)}, out)

    # thresholds and conversation policy on dev
    detector = CrisisDetector.load(out.parent, embed=embedder.embed, windows=lambda t: embedder.windows(t, 64))
    tuned = tune_on_dev(detector, REPO / cfg["dev"], cfg)
    info["thresholds"].update(tuned["thresholds"])
    info["conversation"].update(tuned["conversation"])
    info["dev"] = tuned["dev"]
    torch.save({**state, "info": json.dumps(info)}, out)
    print(json.dumps({k: info[k] for k in ("thresholds", "conversation", "dev", "stack_coef")}, indent=1))
    print(f"wrote {out} ({out.stat().st_size} bytes)")
    return info


def tune_on_dev(detector: CrisisDetector, dev: Path, cfg: dict) -> dict:
    """τ_flag: the highest threshold whose dev statement recall reaches ``target_recall``;
    τ_possible: likewise for ``possible_recall``; the conversation policy: the grid point with
    the most risky dev conversations escalated by their unmistakable turn, among those with
    false escalations <= ``max_false_escalation`` (ties: fewer false escalations)."""
    from emotion.evaluation.crisis import conversation_outcomes, read_conversations

    rows = read_statements(dev / "statements.csv")
    y = np.array([int(r["risk"]) for r in rows])
    risk = np.array([r.risk for r in detector.screen_many([r["text"] for r in rows])])

    def highest(target: float) -> float:
        for tau in np.arange(0.95, 0.02, -0.01):
            if (risk[y == 1] >= tau).mean() >= target:
                return round(float(tau), 2)
        return 0.02

    flag, possible = highest(cfg["target_recall"]), highest(cfg["possible_recall"])
    flag = max(flag, possible)
    detector.thresholds.update({"flag": flag, "possible": min(possible, flag)})
    conversations = read_conversations(dev / "conversations.csv")
    screened = {cid: [r.risk for r in detector.screen_many([t["text"] for t in turns])]
                for cid, turns in conversations.items()}
    best = None
    grid = cfg["conversation_grid"]
    for decay in grid["decay"]:
        for floor in grid["floor"]:
            for flag_at in grid["flag_at"]:
                policy = {**cfg["conversation"], "decay": decay, "floor": floor, "flag_at": flag_at}
                o = conversation_outcomes(conversations, screened, policy, flag)
                key = (o["false_escalation_rate"] <= cfg["max_false_escalation"], o["recall_by_unmistakable"],
                       -o["false_escalation_rate"], flag_at)
                if best is None or key > best[0]:
                    best = (key, policy, o)
    _, policy, outcome = best
    return {"thresholds": {"flag": flag, "possible": min(possible, flag)},
            "conversation": {k: policy[k] for k in ("decay", "floor", "flag_at")},
            "dev": {"statement_recall": float((risk[y == 1] >= flag).mean()),
                    "statement_false_alarm": float((risk[y == 0] >= flag).mean()),
                    "conversation_recall": outcome["recall_by_unmistakable"],
                    "conversation_false_escalation": outcome["false_escalation_rate"]}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the crisis detector (crisis.pt).")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    args = parser.parse_args(argv)
    train(args.config)


if __name__ == "__main__":
    main()
