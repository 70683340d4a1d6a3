"""Recipe for the conversation-graph model (config: ``emotion/config/graph.yaml``).

1. MELD train (reserved Friends episodes removed), dev and test; text node features from the
   text encoder (``emotion.graph.features``, cached under ``var/cache/graph/``).
2. Personality: logistic regressions from FriendsPersona scenes (reserved episodes removed),
   5-fold cross-validated accuracy printed against the majority class; MELD main characters
   get their mean annotated traits.
3. Ablation (``ablation.epochs`` each, same seed): utterance-only (no edges) vs graph, with vs
   without personality; dev/test weighted-F1 in causal and offline mode.
4. The full model: each batch is a causal or an offline graph (``causal_fraction``), so one
   checkpoint serves both modes; the epoch with the best dev causal weighted-F1 is kept, a
   temperature is fitted on dev (causal), and ``emotion/checkpoints/graph.pt`` is written (fp16).
5. Pseudo-multimodal (``pseudo_multimodal`` in the config, or ``--pseudo-multimodal``): every
   MELD turn also gets, with probability ``presence[m]``, the embedding of a same-label RAVDESS
   clip and FER-2013 face (``emotion.graph.pseudo``; re-drawn every epoch for train, fixed for
   dev/test, splits kept apart), so the audio and face inputs are trained; the kept epoch is
   the best mean of clean-dev and paired-dev causal weighted-F1, and test is reported both on
   clean MELD (text only) and on paired MELD.

Run: ``emobot train graph [--config PATH] [--no-ablation] [--pseudo-multimodal | --text-only] [--checkpoint NAME]``.
"""
from __future__ import annotations

import copy
import dataclasses
import time
from pathlib import Path
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from torch_geometric.data import Batch

from emotion.data.meld import data_dir, load_meld
from emotion.evaluation.metrics import classification_report, weighted_f1
from emotion.graph.build import GRAPH_CONFIG, predict, run_graph
from emotion.graph.dataset import table_graphs
from emotion.graph.features import text_features
from emotion.graph.io import save_checkpoint
from emotion.graph.model import ConversationGraphModel, GraphModelConfig
from emotion.graph.personality import TRAITS, PersonalityEstimator, character_traits, load_persona
from emotion.graph.pseudo import pair, pool_summary, split_pools
from emotion.labels import LABELS, NUM_LABELS
from emotion.settings import checkpoint_root
from emotion.training.text import class_weights, fit_temperature, seed_everything

DEFAULT_CONFIG = GRAPH_CONFIG


def score(model: ConversationGraphModel, graphs: list) -> float:
    logits, y = predict(model, graphs)
    return weighted_f1(y.numpy(), logits.argmax(1).numpy(), NUM_LABELS)


def fit(model_cfg: GraphModelConfig, data: dict, tc: dict, epochs: int, seed: int, log: bool = True,
        dev_sets: tuple[str, ...] = ("dev",), before_epoch: Callable[[int], None] | None = None) -> tuple[ConversationGraphModel, dict]:
    """Train one model on data[(split, causal)] graph lists; keep the epoch with the best mean
    causal weighted-F1 over ``dev_sets``. ``before_epoch(epoch)`` may re-draw the training inputs."""
    seed_everything(seed)
    model = ConversationGraphModel(model_cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=float(tc["lr"]), weight_decay=float(tc["weight_decay"]))
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    train_c, train_o = data[("train", True)], data[("train", False)]
    y_all = torch.cat([g.y for g in train_c])
    weight = class_weights(y_all, float(tc["class_weight_power"]))
    protos = model.prototypes
    gen = torch.Generator().manual_seed(seed)
    bs = int(tc["batch_dialogues"])
    best = {"f1": -1.0, "epoch": 0, "state": None}
    t0 = time.perf_counter()
    for epoch in range(1, epochs + 1):
        if before_epoch is not None:
            before_epoch(epoch)
        model.train()
        perm = torch.randperm(len(train_c), generator=gen).tolist()
        modes = torch.rand(len(perm) // bs + 1, generator=gen) < float(tc["causal_fraction"])
        total, n = 0.0, 0
        for b, start in enumerate(range(0, len(perm), bs)):
            source = train_c if bool(modes[b]) else train_o
            batch = Batch.from_data_list([source[i] for i in perm[start:start + bs]])
            logits, va = run_graph(model, batch)
            ce = F.cross_entropy(logits, batch.y, weight=weight, label_smoothing=float(tc.get("label_smoothing", 0.0)))
            loss = ce + float(tc["va_weight"]) * F.mse_loss(va, protos[batch.y])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            total += float(loss.detach()) * len(batch.y)
            n += len(batch.y)
        sched.step()
        f1 = {(d, c): score(model, data[(d, c)]) for d in dev_sets for c in (True, False)}
        f1_c = sum(f1[(d, True)] for d in dev_sets) / len(dev_sets)
        if log:
            print(f"epoch {epoch:3d}  loss {total / n:.4f}  dev wF1 " + "  ".join(
                f"{d} causal {f1[(d, True)]:.4f} offline {f1[(d, False)]:.4f}" for d in dev_sets)
                + f"  ({time.perf_counter() - t0:.0f} s)", flush=True)
        if f1_c > best["f1"]:
            best = {"f1": f1_c, "epoch": epoch, "state": copy.deepcopy(model.state_dict())}
        elif epoch - best["epoch"] >= int(tc["patience"]):
            break
    model.load_state_dict(best["state"])
    return model, {"best_epoch": best["epoch"], "seconds": round(time.perf_counter() - t0, 1)}


def fit_personality(persona_path: Path, pc: dict, seed: int) -> tuple[PersonalityEstimator, dict[str, list[float]], dict]:
    """Trait estimator and main-character trait table from non-reserved FriendsPersona scenes."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score, KFold

    scenes = [s for s in load_persona(persona_path) if not s.reserved]
    lines = [line for s in scenes for line in s.lines]
    emb = text_features(lines).embedding
    means, start = [], 0
    for s in scenes:
        means.append(emb[start:start + len(s.lines)].mean(0))
        start += len(s.lines)
    x, y = torch.stack(means).numpy(), np.array([s.traits for s in scenes])
    cv = {}
    for k, trait in enumerate(TRAITS):
        acc = cross_val_score(LogisticRegression(C=float(pc["C"]), max_iter=2000), x, y[:, k],
                              cv=KFold(5, shuffle=True, random_state=seed)).mean()
        cv[trait] = {"cv_accuracy": round(float(acc), 4), "majority": round(float(max(y[:, k].mean(), 1 - y[:, k].mean())), 4)}
    print(f"personality: {len(scenes)} scenes; 5-fold accuracy vs majority: "
          + ", ".join(f"{t} {v['cv_accuracy']:.3f}/{v['majority']:.3f}" for t, v in cv.items()))
    estimator = PersonalityEstimator.fit(x, y, c=float(pc["C"]), chars_scale=float(pc["chars_scale"]))
    return estimator, character_traits(scenes), {"n_scenes": len(scenes), "traits": cv}


def train(config_path: Path | None = None, ablation: bool = True, pseudo_multimodal: bool | None = None,
          checkpoint: str | None = None, seed: int | None = None) -> dict:
    """Train the graph model from a config; write the checkpoint; return figures.

    pseudo_multimodal: pair MELD turns with same-label RAVDESS/FER embeddings (``emotion.graph.pseudo``)
    and train the audio and face inputs too; None = the config's ``pseudo_multimodal.enabled``.
    checkpoint: file name in emotion/checkpoints/ or a path (default: the config's ``checkpoint``).
    seed: overrides the config's (to measure the spread over seeds).
    """
    config_path = Path(config_path or DEFAULT_CONFIG)
    cfg = yaml.safe_load(config_path.read_text())
    seed, tc, pc = int(cfg["seed"] if seed is None else seed), cfg["train"], cfg["pseudo_multimodal"]
    use_pm = bool(pc["enabled"]) if pseudo_multimodal is None else pseudo_multimodal
    torch.set_num_threads(int(cfg.get("threads", 1)))
    t0 = time.perf_counter()
    root = data_dir()

    estimator, char_traits, persona_info = fit_personality(root / cfg["data"]["persona"], cfg["personality"], seed)
    tables, feats = {}, {}
    for split in ("train", "dev", "test"):
        table = load_meld(root / cfg["data"][split])
        f = text_features(table.texts)  # features of every row, then drop the reserved ones
        keep = [k for k, r in enumerate(table.rows) if split != "train" or not r.reserved]
        table.rows = [table.rows[k] for k in keep]
        if split == "train":
            table.skipped["reserved_episode"] = len(f.embedding) - len(keep)
        f.embedding = f.embedding[keep]
        f.probs = None if f.probs is None else f.probs[keep]
        tables[split], feats[split] = table, f
        print(f"{split}: {len(table.rows)} utterances, skipped {table.skipped}, features {f.source}")

    def graphs(model_cfg: GraphModelConfig) -> dict:
        return {(s, c): table_graphs(tables[s].rows, feats[s], model_cfg, char_traits, causal=c)
                for s in ("train", "dev", "test") for c in (True, False)}

    base_cfg = GraphModelConfig(**cfg["model"])
    rows = []
    if ablation:
        for name, overrides in cfg["ablation"]["variants"].items():
            vcfg = dataclasses.replace(base_cfg, **overrides)
            data = graphs(vcfg)
            model, info = fit(vcfg, data, tc, int(cfg["ablation"]["epochs"]), seed, log=False)
            row = {"variant": name, **info}
            for s in ("dev", "test"):
                for c, mode in ((True, "causal"), (False, "offline")):
                    row[f"{s}_{mode}"] = round(score(model, data[(s, c)]), 4)
            rows.append(row)
            print(f"ablation {name:28s} dev causal {row['dev_causal']:.4f} offline {row['dev_offline']:.4f}  "
                  f"test causal {row['test_causal']:.4f} offline {row['test_offline']:.4f}  "
                  f"(epoch {info['best_epoch']}, {info['seconds']:.0f} s)", flush=True)

    model_cfg, eval_sets, before_epoch, sources = base_cfg, ("dev", "test"), None, {}
    if use_pm:
        model_cfg = dataclasses.replace(base_cfg, trained_modalities=("text", "audio", "face"), **pc.get("model", {}))
    data = graphs(model_cfg)
    if use_pm:
        pools = {s: split_pools(pc, s, root) for s in ("train", "dev", "test")}
        for s, p in pools.items():
            print(f"pseudo-multimodal {s} pools: {pool_summary(p)}")
        presence = {m: float(v) for m, v in pc["presence"].items()}
        sources = {m: p.source for m, p in pools["train"].items()}
        for s in ("dev", "test"):
            for c in (True, False):  # one generator seed per split: causal and offline get the same pairs
                data[(f"{s}+pm", c)] = [g.clone() for g in data[(s, c)]]
                pair(data[(f"{s}+pm", c)], pools[s], presence, torch.Generator().manual_seed(int(pc["pair_seed"])))

        # how often a train partner shares the turn's label: the encoder's accuracy on the dev pool
        same_label = {m: pools["dev"][m].accuracy() for m in pools["dev"]} if pc.get("train_at_dev_accuracy") else None
        print(f"train partners share the label with probability {same_label or 1.0}")

        def before_epoch(epoch: int) -> None:  # fresh partners every epoch
            for c in (True, False):
                pair(data[("train", c)], pools["train"], presence, torch.Generator().manual_seed(int(pc["pair_seed"]) + epoch),
                     same_label)

        eval_sets = ("dev", "dev+pm", "test", "test+pm")
    dev_sets = tuple(s for s in eval_sets if s.startswith("dev"))
    model, info = fit(model_cfg, data, tc, int(tc["epochs"]), seed, dev_sets=dev_sets, before_epoch=before_epoch)
    dev_logits, dev_y = zip(*(predict(model, data[(d, True)]) for d in dev_sets))
    temperature = fit_temperature(torch.cat(dev_logits), torch.cat(dev_y))
    reports = {}
    for s in eval_sets:
        for c, mode in ((True, "causal"), (False, "offline")):
            logits, y = predict(model, data[(s, c)])
            split = s.split("+")[0]
            what = f"MELD {split}" + (" paired with RAVDESS/FER (pseudo-multimodal)" if s.endswith("+pm") else "")
            reports[f"{s}_{mode}"] = classification_report(
                y.numpy(), torch.softmax(logits / temperature, -1).numpy(), LABELS, tables[split].skipped,
                title=f"{what}, {mode} (best epoch {info['best_epoch']}, τ={temperature:.3f})",
            )
    summary = {
        "config": str(config_path),
        "pseudo_multimodal": use_pm,
        "seed": seed,
        **info,
        "temperature": temperature,
        "feature_source": feats["train"].source,
        "modality_sources": sources,
        "n_train": len(tables["train"].rows),
        "personality": persona_info,
        "ablation": rows,
        **{k: {m: v[m] for m in ("weighted_f1", "macro_f1", "accuracy", "ece")} for k, v in reports.items()},
    }
    path = checkpoint_root() / (checkpoint or cfg.get("checkpoint", "graph.pt"))
    save_checkpoint(path, model, temperature, estimator, char_traits, feats["train"].source, summary, sources)
    summary["train_seconds"] = round(time.perf_counter() - t0, 1)
    for s in eval_sets:
        if s.startswith("test"):
            print(f"{s:8s} weighted-F1 causal {summary[s + '_causal']['weighted_f1']:.4f}  offline {summary[s + '_offline']['weighted_f1']:.4f}")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB) in {summary['train_seconds']:.0f} s")
    return {**summary, "checkpoint": str(path), "reports": reports}
