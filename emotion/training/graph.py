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

Run: ``python -m emotion.training.graph [--config PATH] [--no-ablation]``.
"""
from __future__ import annotations

import argparse
import copy
import dataclasses
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from torch_geometric.data import Batch

from emotion.data.meld import data_dir, load_meld
from emotion.evaluation.metrics import classification_report, weighted_f1
from emotion.graph.build import run_graph
from emotion.graph.dataset import table_graphs
from emotion.graph.features import text_features
from emotion.graph.io import save_checkpoint
from emotion.graph.model import ConversationGraphModel, GraphModelConfig
from emotion.graph.personality import TRAITS, PersonalityEstimator, character_traits, load_persona
from emotion.labels import LABELS, NUM_LABELS
from emotion.settings import CHECKPOINT_DIR
from emotion.training.text import class_weights, fit_temperature, seed_everything

DEFAULT_CONFIG = Path(__file__).resolve().parents[1] / "config" / "graph.yaml"


@torch.no_grad()
def predict(model: ConversationGraphModel, graphs: list, batch_dialogues: int = 64) -> tuple[torch.Tensor, torch.Tensor]:
    """Logits (N, 7) and labels (N,) over all nodes of ``graphs``, in order."""
    model.eval()
    logits, ys = [], []
    for start in range(0, len(graphs), batch_dialogues):
        batch = Batch.from_data_list(graphs[start:start + batch_dialogues])
        logits.append(run_graph(model, batch)[0])
        ys.append(batch.y)
    return torch.cat(logits), torch.cat(ys)


def score(model: ConversationGraphModel, graphs: list) -> float:
    logits, y = predict(model, graphs)
    return weighted_f1(y.numpy(), logits.argmax(1).numpy(), NUM_LABELS)


def fit(model_cfg: GraphModelConfig, data: dict, tc: dict, epochs: int, seed: int, log: bool = True) -> tuple[ConversationGraphModel, dict]:
    """Train one model on data[(split, causal)] graph lists; keep the best dev-causal epoch."""
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
        model.train()
        perm = torch.randperm(len(train_c), generator=gen).tolist()
        modes = torch.rand(len(perm) // bs + 1, generator=gen) < float(tc["causal_fraction"])
        total, n = 0.0, 0
        for b, start in enumerate(range(0, len(perm), bs)):
            source = train_c if bool(modes[b]) else train_o
            batch = Batch.from_data_list([source[i] for i in perm[start:start + bs]])
            logits, va = run_graph(model, batch)
            loss = F.cross_entropy(logits, batch.y, weight=weight) + float(tc["va_weight"]) * F.mse_loss(va, protos[batch.y])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            total += float(loss.detach()) * len(batch.y)
            n += len(batch.y)
        sched.step()
        f1_c, f1_o = score(model, data[("dev", True)]), score(model, data[("dev", False)])
        if log:
            print(f"epoch {epoch:3d}  loss {total / n:.4f}  dev wF1 causal {f1_c:.4f} offline {f1_o:.4f}  ({time.perf_counter() - t0:.0f} s)", flush=True)
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


def train(config_path: Path | None = None, ablation: bool = True) -> dict:
    """Train the graph model from a config; write the checkpoint; return figures."""
    config_path = Path(config_path or DEFAULT_CONFIG)
    cfg = yaml.safe_load(config_path.read_text())
    seed, tc = int(cfg["seed"]), cfg["train"]
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

    data = graphs(base_cfg)
    model, info = fit(base_cfg, data, tc, int(tc["epochs"]), seed)
    dev_logits, dev_y = predict(model, data[("dev", True)])
    temperature = fit_temperature(dev_logits, dev_y)
    reports = {}
    for s in ("dev", "test"):
        for c, mode in ((True, "causal"), (False, "offline")):
            logits, y = predict(model, data[(s, c)])
            reports[f"{s}_{mode}"] = classification_report(
                y.numpy(), torch.softmax(logits / temperature, -1).numpy(), LABELS, tables[s].skipped,
                title=f"MELD {s}, {mode} (best epoch {info['best_epoch']}, τ={temperature:.3f})",
            )
    summary = {
        "config": str(config_path),
        **info,
        "temperature": temperature,
        "feature_source": feats["train"].source,
        "n_train": len(tables["train"].rows),
        "personality": persona_info,
        "ablation": rows,
        **{k: {m: v[m] for m in ("weighted_f1", "macro_f1", "accuracy", "ece")} for k, v in reports.items()},
    }
    path = CHECKPOINT_DIR / cfg.get("checkpoint", "graph.pt")
    save_checkpoint(path, model, temperature, estimator, char_traits, feats["train"].source, summary)
    summary["train_seconds"] = round(time.perf_counter() - t0, 1)
    print(f"test weighted-F1 causal {summary['test_causal']['weighted_f1']:.4f}  offline {summary['test_offline']['weighted_f1']:.4f}")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB) in {summary['train_seconds']:.0f} s")
    return {**summary, "checkpoint": str(path), "reports": reports}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=None, help=f"YAML config (default {DEFAULT_CONFIG})")
    parser.add_argument("--no-ablation", action="store_true", help="train only the full model")
    args = parser.parse_args()
    train(args.config, ablation=not args.no_ablation)


if __name__ == "__main__":
    main()
