"""Train the crisis detector (emotion/crisis/detector.py) -> emotion/checkpoints/crisis.pt.

Run: ``emobot train crisis [--config emotion/config/crisis.yaml] [--retune]``.

Data (ours or shared/, never the frozen test set ``data/crisis/test``; gathered in crisis_data.py):
- ``train_statements``: chat statements per warning-sign category and hard negatives in seven
  languages, written for training by separate authors;
- ``train_conversations``: multi-turn conversations written for training: every turn of a
  risk-free conversation is a negative, the turn where a risky one becomes unmistakable a positive;
- everyday and emotional-support turns from shared/data train splits (ESConv, GoEmotions, DailyDialog)
  without risk language, as extra negatives, and (``hard_negatives``) those of the rest of these pools
  that a head on the frozen embeddings reads as risk (crisis_mining.py);
- the Reddit C-SSRS head of ``affect.pt`` is copied as is (its data: emotion/training/affect.py);
- ``dev``: tuning only: the flag and "possible" thresholds, the context weight and the conversation
  policy are chosen on these folders' statements and conversations.

Steps: embed the training texts (frozen MiniLM), fit the chat head, the char n-gram head and the
category head; stack lexicon + heads on 5-fold out-of-fold predictions; refit the heads on all
rows; tune on dev.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import yaml

from emotion.crisis.detector import CHECKPOINT_NAME, CrisisDetector
from emotion.crisis.features import char_vectorizer, sigmoid, stack_features
from emotion.crisis.lexicon import POSITIVE_CATEGORIES, Lexicon
from emotion.training.crisis_encoder import bottom_states, encoder_probs, finetune_encoder
from emotion.training.crisis_data import read_statements, training_rows
from emotion.training.crisis_mining import mine_hard_negatives

from emotion.files import REPO_ROOT as REPO  # noqa: E402
DEFAULT_CONFIG = REPO / "emotion" / "config" / "crisis.yaml"


def _lr(C: float, balanced: bool = True):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=3000, class_weight="balanced" if balanced else None)


def _folds(n: int, k: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).permutation(np.arange(n) % k)


def language_balanced(w: np.ndarray, y: np.ndarray, languages: list[str], reference: str = "en") -> np.ndarray:
    """Sample weights (N,) with each language's negatives reweighted so that its weighted
    negatives per positive equal the ``reference`` language's: the language a message is written
    in then tells the models nothing about risk. (The extra everyday negatives are all English, so
    without it a message in another language looked risky for being in it: "ik zit net thuis na
    het sporten" 0.51, "vivo da solo da quando mi sono separato" 0.80.)"""
    w, langs = w.copy(), np.array(languages)

    def ratio(mask: np.ndarray) -> float:
        return float(w[mask & (y == 0)].sum() / max(1e-9, w[mask & (y == 1)].sum()))

    target = ratio(langs == reference)
    for lang in set(languages) - {reference}:
        mine = langs == lang
        if (mine & (y == 0)).any() and (mine & (y == 1)).any():
            w[mine & (y == 0)] *= target / ratio(mine)
    return w


def train(config_path: Path = DEFAULT_CONFIG) -> dict:
    import torch

    from emotion.affect.embed import SentenceEmbedder
    from emotion.settings import checkpoint_root

    cfg = yaml.safe_load(Path(config_path).read_text())
    lexicon = Lexicon.load()
    pool: list[str] = []
    rows, extra = training_rows(cfg, lexicon, pool)
    texts = [r["text"] for r in rows] + extra
    y = np.array([int(r["risk"]) for r in rows] + [0] * len(extra))
    w = np.array([1.0] * len(rows) + [float(cfg["extra_weight"])] * len(extra))
    if cfg.get("language_balance"):
        w = language_balanced(w, y, [r.get("language") or "en" for r in rows] + ["en"] * len(extra))
    embedder = SentenceEmbedder.split(cfg["finetune"]["top_layers"], 128, cfg.get("threads", 2))
    e = embedder.embed(texts).astype(np.float64)
    if cfg.get("hard_negatives"):  # everyday texts the frozen-embedding head reads as risk join the negatives
        mined = mine_hard_negatives(e, y, w, pool, embedder, lexicon, cfg, _lr(cfg["chat_C"]))
        texts, extra = texts + mined.texts, extra + mined.texts
        e = np.concatenate([e, mined.embeddings])
        y = np.concatenate([y, np.zeros(len(mined.texts), dtype=y.dtype)])
        w = np.concatenate([w, np.full(len(mined.texts), float(cfg["hard_negatives"]["weight"]))])
    states = bottom_states(embedder, texts)
    x_char = char_vectorizer().transform(texts)
    lex = [lexicon.read(t) for t in texts]
    affect = torch.load(checkpoint_root() / "affect.pt", map_location="cpu", weights_only=True)
    reddit_w = affect["state_dict"]["crisis.weight"].numpy().reshape(-1).astype(np.float64)
    reddit_b = float(affect["state_dict"]["crisis.bias"].reshape(-1)[0])
    p_reddit = sigmoid(e @ reddit_w + reddit_b)

    # out-of-fold head probabilities (``folds``-fold) -> the stack
    folds = int(cfg.get("folds", 5))
    fold = _folds(len(texts), folds, cfg["seed"])
    oof_chat, oof_char = np.zeros(len(texts)), np.zeros(len(texts))
    for k in range(folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        encoder = finetune_encoder(cfg, embedder, [states[i] for i in tr], y[tr], w[tr], cfg["seed"] + k)
        oof_chat[te] = encoder_probs(encoder, [states[i] for i in te])
        oof_char[te] = _lr(cfg["char_C"]).fit(x_char[tr], y[tr], sample_weight=w[tr]).predict_proba(x_char[te])[:, 1]
        print(f"fold {k}: out-of-fold chat AUC-free check, mean p on positives "
              f"{oof_chat[te][y[te] == 1].mean():.3f}, negatives {oof_chat[te][y[te] == 0].mean():.3f}", flush=True)
    stack = _lr(cfg["stack_C"]).fit(stack_features(lex, oof_chat, p_reddit, oof_char), y, sample_weight=w)
    encoder = finetune_encoder(cfg, embedder, states, y, w, cfg["seed"])
    chat = _lr(cfg["chat_C"]).fit(e, y, sample_weight=w)  # the linear fallback head (no encoder loaded)
    char = _lr(cfg["char_C"]).fit(x_char, y, sample_weight=w)
    n = len(rows)
    cat_names = tuple(c for c in POSITIVE_CATEGORIES if c in {r["category"] for r in rows})
    cat_y = np.array([cat_names.index(r["category"]) if r["category"] in cat_names else -1 for r in rows])
    keep = (y[:n] == 1) & (cat_y >= 0)
    cat = _lr(cfg["category_C"]).fit(e[:n][keep], cat_y[keep])

    config_file = Path(config_path).resolve()  # a config outside the repository (an experiment) is kept absolute
    info = {"config": str(config_file.relative_to(REPO) if config_file.is_relative_to(REPO) else config_file),
            "categories": list(cat_names),
            "train_rows": n, "train_positives": int(y[:n].sum()), "extra_negatives": len(extra),
            "stack_features": ["lexicon_score", "lexicon_prior", "negated", "past", "idiom", "fiction", "joke",
                               "logit_chat", "logit_reddit", "logit_char"],
            "stack_coef": [round(float(v), 4) for v in stack.coef_[0]],
            "thresholds": {"flag": 0.5, "possible": 0.3, "reddit": float(cfg["reddit_threshold"]),
                           "long_text_chars": float(cfg["long_text_chars"]), "context_turns": 0,
                           "context_weight": 1.0},
            "conversation": dict(cfg["conversation"]), "top_layers": cfg["finetune"]["top_layers"]}
    state = {
        "chat_w": torch.tensor(chat.coef_[0], dtype=torch.float32), "chat_b": torch.tensor(float(chat.intercept_[0])),
        "reddit_w": torch.tensor(reddit_w, dtype=torch.float32), "reddit_b": torch.tensor(reddit_b),
        "char_w": torch.tensor(char.coef_[0], dtype=torch.float16), "char_b": torch.tensor(float(char.intercept_[0])),
        "stack_w": torch.tensor(stack.coef_[0], dtype=torch.float32), "stack_b": torch.tensor(float(stack.intercept_[0])),
        "cat_w": torch.tensor(cat.coef_, dtype=torch.float32), "cat_b": torch.tensor(cat.intercept_, dtype=torch.float32),
        "encoder": {k: v.to(torch.float16) for k, v in encoder.state_dict().items()},
    }
    out = checkpoint_root() / CHECKPOINT_NAME
    torch.save({**state, "info": json.dumps(info)}, out)

    detector = CrisisDetector.load(out.parent, embedder=embedder)
    tuned = tune_on_dev(detector, [REPO / d for d in cfg["dev"]], cfg)
    info["thresholds"].update(tuned["thresholds"])
    info["conversation"].update(tuned["conversation"])
    info["dev"] = tuned["dev"]
    torch.save({**state, "info": json.dumps(info)}, out)
    print(json.dumps({k: info[k] for k in ("thresholds", "conversation", "dev", "stack_coef")}, indent=1))
    print(f"wrote {out} ({out.stat().st_size} bytes)")
    return info


def retune(config_path: Path = DEFAULT_CONFIG) -> dict:
    """Tune the thresholds, context and conversation policy of the committed ``crisis.pt`` on dev
    again (after a change to the lexicon or the tuning grid), without retraining the models."""
    import torch

    from emotion.affect.embed import SentenceEmbedder
    from emotion.settings import checkpoint_root

    cfg = yaml.safe_load(Path(config_path).read_text())
    path = checkpoint_root() / CHECKPOINT_NAME
    ck = torch.load(path, map_location="cpu", weights_only=True)
    info = json.loads(ck["info"])
    detector = CrisisDetector.load(path.parent, embedder=SentenceEmbedder.split(cfg["finetune"]["top_layers"]))
    tuned = tune_on_dev(detector, [REPO / d for d in cfg["dev"]], cfg)
    info["thresholds"].update(tuned["thresholds"])
    info["conversation"] = {**cfg["conversation"], **tuned["conversation"]}
    info["dev"] = tuned["dev"]
    torch.save({**{k: v for k, v in ck.items() if k != "info"}, "info": json.dumps(info)}, path)
    print(json.dumps({k: info[k] for k in ("thresholds", "conversation", "dev")}, indent=1))
    return info


def tune_on_dev(detector: CrisisDetector, folders: list[Path], cfg: dict) -> dict:
    """On the dev folders' statements: τ_flag, the highest threshold whose recall reaches
    ``target_recall``, and τ_possible likewise for ``possible_recall`` (or ``fixed_thresholds``). On their conversations:
    the context turns/weight and conversation policy (the values of ``fixed_conversation``, when
    given, are kept) with the most risky conversations escalated
    by their unmistakable turn among those whose false escalations are <= ``max_false_escalation``
    (else the fewest false escalations among those with recall >= ``min_conversation_recall``)."""
    from emotion.evaluation.crisis import conversation_outcomes, read_conversations

    rows = [r for d in folders if (d / "statements.csv").is_file() for r in read_statements(d / "statements.csv")]
    y = np.array([int(r["risk"]) for r in rows])
    detector.thresholds["lexicon_high"] = float(cfg["lexicon_high"])
    detector.thresholds["flag"] = 2.0  # no lexicon floor while the model's own risks are read
    risk = np.array([r.risk for r in detector.screen_many([r["text"] for r in rows])])
    high = np.array([detector.lexicon.read(r["text"]).score >= cfg["lexicon_high"] for r in rows])

    def highest(target: float) -> float:
        """The highest τ whose recall (risk >= τ, or an unguarded strong lexicon match) reaches ``target``."""
        for tau in np.arange(0.97, 0.02, -0.01):
            if ((risk >= tau) | high)[y == 1].mean() >= target:
                return round(float(tau), 2)
        return 0.02

    flag, possible = highest(cfg["target_recall"]), highest(cfg["possible_recall"])
    fixed = cfg.get("fixed_thresholds") or {}  # kept, not tuned (dev statements no longer unbiased for them)
    flag, possible = float(fixed.get("flag", flag)), float(fixed.get("possible", possible))
    possible = min(possible, flag)
    detector.thresholds.update({"flag": flag, "possible": possible})
    risk = np.maximum(risk, flag * high)
    conversations = {f"{d.name}/{c}": rows_ for d in folders if (d / "conversations.csv").is_file()
                     for c, rows_ in read_conversations(d / "conversations.csv").items()}
    grid = {**cfg["conversation_grid"], **{k: [v] for k, v in (cfg.get("fixed_conversation") or {}).items()}}
    candidates = []
    for turns in grid["context_turns"]:
        for weight in grid["context_weight"] if turns else [1.0]:
            detector.thresholds.update({"context_turns": turns, "context_weight": weight})
            screened = {c: [r.as_turn() for r in detector.screen_turns([t["text"] for t in rows_])]
                        for c, rows_ in conversations.items()}
            for decay in grid["decay"]:
                for floor in grid["floor"]:
                    for flag_at in grid["flag_at"]:
                        policy = {**cfg["conversation"], "decay": decay, "floor": floor, "flag_at": flag_at}
                        o = conversation_outcomes(conversations, screened, policy, flag)
                        candidates.append((o, policy, turns, weight))
    within = [c for c in candidates if c[0]["false_escalation_rate"] <= cfg["max_false_escalation"]]
    if within:
        best = max(within, key=lambda c: (c[0]["recall_by_unmistakable"], -c[0]["false_escalation_rate"]))
    else:
        enough = [c for c in candidates if c[0]["recall_by_unmistakable"] >= cfg["min_conversation_recall"]] or candidates
        best = min(enough, key=lambda c: (c[0]["false_escalation_rate"], -c[0]["recall_by_unmistakable"]))
    outcome, policy, turns, weight = best
    return {"thresholds": {"flag": flag, "possible": possible, "context_turns": turns, "context_weight": weight,
                           "lexicon_high": float(cfg["lexicon_high"])},
            "conversation": {k: policy[k] for k in ("decay", "floor", "flag_at")},
            "dev": {"statement_recall": float((risk[y == 1] >= flag).mean()),
                    "statement_false_alarm": float((risk[y == 0] >= flag).mean()),
                    "conversation_recall": outcome["recall_by_unmistakable"],
                    "conversation_false_escalation": outcome["false_escalation_rate"]}}
