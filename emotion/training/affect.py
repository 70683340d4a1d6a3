"""Recipe for the affect heads (config: ``emotion/config/affect.yaml``).

1. Texts are read from the shared data (``emotion/affect/data.py``) and embedded once with the
   frozen all-MiniLM-L6-v2 (128-token windows); embeddings are cached under ``var/cache/affect/``.
2. Crisis: logistic regression on Reddit C-SSRS posts of the training users (a post carries its
   user's level: Ideation/Behavior/Attempt = 1, Supportive/Indicator = 0) plus ordinary-sadness
   negatives (GoEmotions train, ESConv train). The threshold τ_c is the highest one whose
   out-of-fold user-level recall (max over the user's posts, OR the risk patterns) reaches
   ``target_recall`` on the training users.
3. Distress: logistic regression on Dreaddit train. Confusion / annoyance: on GoEmotions train.
4. Tutoring: multinomial logistic regression on MathBuddy's training conversations, each
   labelled with its main emotion (``TutoringConversation.main``: MathBuddy's rows of one
   conversation give every emotion shown with an intensity); C by 5-fold CV over conversations,
   scored as ``emobot evaluate tutoring`` scores.
5. Heads are written to ``emotion/checkpoints/affect.pt``; the held-out evaluation sets
   (``var/affect/crisis_test.csv``, ``var/affect/tutoring_test.json``) and a report are written.

Run: ``emobot train affect [--config PATH]``.
"""
from __future__ import annotations

import csv
import hashlib
import json
import random
import time
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold

from emotion.affect import data as D
from emotion.affect.embed import SentenceEmbedder
from emotion.affect.model import CHECKPOINT_NAME, EMBEDDING_DIM, TUTORING_CLASSES, AffectHeads, tutor_scalars
from emotion.affect.patterns import match_risk
from emotion.data.meld import data_dir
from emotion.files import REPO_ROOT
from emotion.settings import checkpoint_root

DEFAULT_CONFIG = REPO_ROOT / "emotion" / "config" / "affect.yaml"
CACHE = REPO_ROOT / "var" / "cache" / "affect"


def cached_embed(embedder: SentenceEmbedder, texts: list[str], name: str) -> np.ndarray:
    """(N, 384) embeddings of ``texts``, cached by a hash of the texts."""
    key = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:16]
    path = CACHE / f"{name}-{key}.npy"
    if path.is_file():
        return np.load(path)
    t0 = time.time()
    e = embedder.embed(texts)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, e)
    print(f"  embedded {len(texts)} {name} texts in {time.time() - t0:.0f} s", flush=True)
    return e


def fit_lr(x: np.ndarray, y: np.ndarray, C: float, balanced: bool = True) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=2000, class_weight="balanced" if balanced else None).fit(x, y)


def train(config_path: Path = DEFAULT_CONFIG) -> dict:
    cfg = yaml.safe_load(Path(config_path).read_text())
    root = data_dir()
    rng = random.Random(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    embedder = SentenceEmbedder(cfg["max_tokens"], cfg["threads"])
    heads = AffectHeads()
    report: dict = {"config": str(config_path)}

    # --- crisis ---------------------------------------------------------------------
    users = D.load_cssrs(root)
    train_users = [u for u in users if not D.is_test(u.user)]
    test_users = [u for u in users if D.is_test(u.user)]
    # at most `posts_per_user` posts of each user (seeded sample): embedding is the slow part
    k = cfg["crisis"]["posts_per_user"]
    sampled = [rng.sample(u.posts, min(k, len(u.posts))) for u in train_users]
    post_text = [p for ps in sampled for p in ps]
    post_user = np.array([i for i, ps in enumerate(sampled) for _ in ps])
    post_y = np.array([u.crisis for u, ps in zip(train_users, sampled) for _ in ps])
    sad_go = [t for t, labels in D.goemotions(root, "train") if labels & set(D.SADNESS_GOEMOTIONS)]
    sad_es = [t for t, _ in D.esconv_seeker_turns(root, "train", ("sadness", "depression"))]
    rng.shuffle(sad_es)
    extra = [t for t in sad_go[:1000] + sad_es[:500] if not match_risk(t)][: cfg["crisis"]["extra_negatives"]]
    e_posts = cached_embed(embedder, post_text, "cssrs-train-posts")
    e_extra = cached_embed(embedder, extra, "sadness-train")
    x = np.concatenate([e_posts, e_extra])
    y = np.concatenate([post_y, np.zeros(len(extra), int)])
    groups = np.concatenate([post_user, -1 - np.arange(len(extra))])
    # out-of-fold probabilities with users kept inside one fold
    fold_of_user = np.array([int(hashlib.md5(u.user.encode()).hexdigest(), 16) % 5 for u in train_users])
    fold = np.where(groups >= 0, fold_of_user[np.clip(groups, 0, None)], np.arange(len(groups)) % 5)
    oof = np.zeros(len(y))
    for k in range(5):
        lr = fit_lr(x[fold != k], y[fold != k], cfg["crisis"]["C"])
        oof[fold == k] = lr.predict_proba(x[fold == k])[:, 1]
    user_max = np.array([oof[: len(post_y)][post_user == i].max() if (post_user == i).any() else 0.0
                         for i in range(len(train_users))])
    user_regex = np.array([any(match_risk(p) for p in ps) for ps in sampled])
    user_y = np.array([u.crisis for u in train_users])
    extra_oof = oof[len(post_y):]
    best = 0.0
    for tau in np.linspace(0.99, 0.05, 95):
        recall = ((user_max >= tau) | user_regex)[user_y == 1].mean()
        if recall >= cfg["crisis"]["target_recall"]:
            best = float(tau)
            break
    report["crisis_train"] = {
        "threshold": best,
        "oof_user_recall": float(((user_max >= best) | user_regex)[user_y == 1].mean()),
        "oof_sadness_false_alarm": float((extra_oof >= best).mean()),
        "n_train_users": len(train_users), "n_posts": len(post_text), "n_extra_negatives": len(extra),
    }
    print("crisis (train, out-of-fold):", report["crisis_train"], flush=True)
    lr = fit_lr(x, y, cfg["crisis"]["C"])
    heads.set_linear("crisis", lr.coef_, lr.intercept_)

    # --- distress (Dreaddit) --------------------------------------------------------
    dr_train, dr_test = D.dreaddit(root, "train"), D.dreaddit(root, "test")
    rng.shuffle(dr_train)
    dr_train = dr_train[: cfg["distress"]["max_train"]]
    e_tr = cached_embed(embedder, [t for t, _ in dr_train], "dreaddit-train")
    e_te = cached_embed(embedder, [t for t, _ in dr_test], "dreaddit-test")
    lr = fit_lr(e_tr, np.array([l for _, l in dr_train]), cfg["distress"]["C"])
    heads.set_linear("distress", lr.coef_, lr.intercept_)
    y_te = np.array([l for _, l in dr_test])
    p = lr.predict_proba(e_te)[:, 1]
    report["distress_dreaddit_test"] = {"accuracy": float(((p >= 0.5) == y_te).mean()),
                                       "f1": float(f1_score(y_te, p >= 0.5)), "auc": float(roc_auc_score(y_te, p)),
                                       "n": len(y_te)}
    print("distress (Dreaddit test):", report["distress_dreaddit_test"], flush=True)

    # --- confusion / annoyance (GoEmotions) ----------------------------------------
    go_train, go_test = D.goemotions(root, "train"), D.goemotions(root, "test")
    heads_labels = {"confusion": {"confusion"}, "annoyance": {"annoyance", "anger"}}
    wanted = set().union(*heads_labels.values())
    pos = [(t, l) for t, l in go_train if l & wanted]
    neg = [(t, l) for t, l in go_train if not l & wanted]
    rng.shuffle(neg)
    rows = pos + neg[: cfg["confusion"]["negatives"]]
    e = cached_embed(embedder, [t for t, _ in rows], "goemotions-train")
    rng.shuffle(go_test)
    go_test = go_test[: cfg["confusion"]["max_test"]]
    e_test = cached_embed(embedder, [t for t, _ in go_test], "goemotions-test")
    for head, labels in heads_labels.items():
        # unweighted: keeps the probabilities near the (sub-sampled) base rate; balanced weights
        # put most ordinary comments above 0.5
        lr = fit_lr(e, np.array([bool(l & labels) for _, l in rows]), cfg["confusion"]["C"], balanced=False)
        heads.set_linear(head, lr.coef_, lr.intercept_)
        yt = np.array([bool(l & labels) for _, l in go_test])
        pt = lr.predict_proba(e_test)[:, 1]
        report[f"{head}_goemotions_test"] = {"auc": float(roc_auc_score(yt, pt)), "f1": float(f1_score(yt, pt >= 0.5)),
                                            "n": len(yt), "positives": int(yt.sum())}
        print(f"{head} (GoEmotions test sample):", report[f"{head}_goemotions_test"], flush=True)

    # --- tutoring (MathBuddy) --------------------------------------------------------
    items = D.load_mathbuddy(D.mathbuddy_path(root))
    te = [it for it in items if D.is_test(it.id)]
    tr = [c for c in D.tutoring_conversations(items) if not D.is_test(c.id)]
    x_conv = tutor_features(embedder, tr, "mathbuddy-train-conversations")
    # one row per main emotion of a conversation (intensities that tie share its weight)
    rows = [(k, TUTORING_CLASSES.index(e), 1.0 / len(c.main)) for k, c in enumerate(tr) for e in c.main]
    conv_of = np.array([k for k, _, _ in rows])
    y_tr, w_tr = np.array([y for _, y, _ in rows]), np.array([w for _, _, w in rows])
    mean, scale = x_conv.mean(0), x_conv.std(0) + 1e-6
    z = (x_conv[conv_of] - mean) / scale
    scores = {}
    for C in cfg["tutoring"]["Cs"]:
        predicted = np.zeros(len(tr), int)
        for fit_rows, held_rows in GroupKFold(5).split(z, y_tr, groups=conv_of):
            lr = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
            lr.fit(z[fit_rows], y_tr[fit_rows], sample_weight=w_tr[fit_rows])
            held = np.unique(conv_of[held_rows])
            predicted[held] = lr.predict((x_conv[held] - mean) / scale)
        truth = [TUTORING_CLASSES.index(c.target(TUTORING_CLASSES[p])) for c, p in zip(tr, predicted)]
        scores[C] = float(f1_score(truth, predicted, average="macro"))
    best_C = max(scores, key=scores.get)
    lr = LogisticRegression(C=best_C, max_iter=3000, class_weight="balanced").fit(z, y_tr, sample_weight=w_tr)
    heads.set_linear("tutoring", lr.coef_, lr.intercept_)
    with torch.no_grad():
        heads.tutor_mean.copy_(torch.from_numpy(mean))
        heads.tutor_scale.copy_(torch.from_numpy(scale))
    report["tutoring_cv"] = {"main_emotion_macro_f1_by_C": scores, "C": best_C, "n_train_conversations": len(tr),
                             "n_test_rows": len(te)}
    print("tutoring (5-fold CV on the training conversations, main emotion):", report["tutoring_cv"], flush=True)

    # --- write checkpoint and held-out sets -------------------------------------------
    info = {"max_tokens": cfg["max_tokens"], "config": cfg, "report": report}
    path = checkpoint_root() / cfg.get("checkpoint", CHECKPOINT_NAME)
    torch.save({"state_dict": heads.state_dict(), "crisis_threshold": best, "info": json.dumps(info)}, path)
    out = REPO_ROOT / "var" / "affect"
    write_crisis_test(root, test_users, out / "crisis_test.csv", cfg["crisis"]["test_posts_per_user"])
    (out / "tutoring_test.json").write_text(json.dumps(
        [{"id": it.id, "emotion": it.emotion, "polarity": it.polarity, "utterance": it.utterance,
          "history": json.dumps(it.history)} for it in te]))
    report_path = REPO_ROOT / cfg["report"]
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(json.dumps(report, indent=2))
    print(f"wrote {path} ({path.stat().st_size} bytes), {out}/crisis_test.csv, {out}/tutoring_test.json")
    return report


def tutor_features(embedder: SentenceEmbedder, items: list[D.TutoringConversation], name: str) -> np.ndarray:
    """(N, 772) = [e(utterance) ; mean e(earlier student turns) ; 4 scalars] (see AffectModel.tutoring_probs)."""
    e = cached_embed(embedder, [it.utterance for it in items], f"{name}-utt")
    student = [[t["text"] for t in it.history if t.get("user") == "Student" and t.get("text")] for it in items]
    flat = [s for ss in student for s in ss]
    e_flat = cached_embed(embedder, flat, f"{name}-hist") if flat else np.zeros((0, EMBEDDING_DIM), np.float32)
    hist, i = [], 0
    for ss in student:
        hist.append(e_flat[i:i + len(ss)].mean(0) if ss else np.zeros(EMBEDDING_DIM, np.float32))
        i += len(ss)
    f = np.stack([tutor_scalars(it.utterance, it.history) for it in items])
    return np.concatenate([e, np.stack(hist), f], axis=1)


def write_crisis_test(root: Path, test_users: list[D.RiskUser], path: Path, posts: int = 8) -> None:
    """Held-out crisis CSV (text, crisis, source): one row per test user (their first ``posts``
    posts, blank-line separated) and the ordinary-sadness texts (crisis = 0)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "crisis", "source"])
        for u in test_users:
            w.writerow(["\n\n".join(u.posts[:posts]), u.crisis, f"cssrs:{u.level}"])
        for t in D.ordinary_sadness(root):
            w.writerow([t, 0, "ordinary_sadness"])
