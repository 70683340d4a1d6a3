"""Recipe for the text emotion encoder (config: ``emotion/config/text.yaml``).

1. MELD train (reserved Friends episodes removed), dev and test are read and cleaned.
2. The frozen bottom ``6 - k`` layers of all-MiniLM-L6-v2 run once over every utterance;
   their token states are cached under ``var/cache/text/`` (they depend only on the texts).
3. The top ``k`` layers and the head are trained with class-weighted cross-entropy; the epoch
   with the best dev weighted-F1 is kept.
4. A temperature τ is fitted on dev (minimum NLL of softmax(z / τ)), and the trained part is
   written in fp16 to ``emotion/checkpoints/text_emotion.pt``.

Run: ``emobot train text [--config PATH]``.
"""
from __future__ import annotations

import copy
import hashlib
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import yaml

from emotion.data.meld import data_dir, drop_reserved, load_meld
from emotion.files import REPO_ROOT
from emotion.encoders.text import CHECKPOINT_NAME, TextEmotionModel, TextHeadConfig, save_checkpoint
from emotion.encoders.text_base import base_max_length, base_model_path, load_base
from emotion.evaluation.metrics import classification_report, weighted_f1
from emotion.labels import LABEL_INDEX, LABELS, NUM_LABELS
from emotion.settings import checkpoint_root
from emotion.training.calibration import fit_temperature

DEFAULT_CONFIG = Path(__file__).resolve().parents[1] / "config" / "text.yaml"
CACHE_DIR = REPO_ROOT / "var" / "cache" / "text"


@torch.inference_mode()
def token_states(tokenizer, base, texts: list[str], max_length: int, batch_size: int = 64) -> list[torch.Tensor]:
    """Token states of the frozen layers, one fp16 tensor (T_i, 384) per text (padding removed).

    Cached on disk by a hash of the texts, the number of frozen layers and ``max_length``.
    """
    key = hashlib.sha1(json.dumps([len(base.encoder.layer), max_length, texts]).encode()).hexdigest()[:16]
    cache = CACHE_DIR / f"states-{key}.pt"
    if cache.exists():
        return torch.load(cache, weights_only=True)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    states: list[torch.Tensor | None] = [None] * len(texts)
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        batch = tokenizer([texts[i] for i in idx], padding=True, truncation=True, max_length=max_length, return_tensors="pt")
        h = base(**batch).last_hidden_state  # (B, T, D)
        for j, i in enumerate(idx):
            states[i] = h[j, : int(batch["attention_mask"][j].sum())].to(torch.float16).clone()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    torch.save(states, cache)
    return states  # type: ignore[return-value]


def collate(states: list[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    """Pad (T_i, D) tensors to h (B, T_max, D) float32 and mask (B, T_max)."""
    t_max = max(s.shape[0] for s in states)
    h = torch.zeros(len(states), t_max, states[0].shape[1])
    mask = torch.zeros(len(states), t_max)
    for i, s in enumerate(states):
        h[i, : s.shape[0]] = s.float()
        mask[i, : s.shape[0]] = 1.0
    return h, mask


@torch.no_grad()
def predict_logits(model: TextEmotionModel, states: list[torch.Tensor], batch_size: int = 256) -> torch.Tensor:
    """(N, 7) logits of the model in eval mode."""
    model.eval()
    order = sorted(range(len(states)), key=lambda i: states[i].shape[0])
    logits = torch.empty(len(states), NUM_LABELS)
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        logits[idx] = model(*collate([states[i] for i in idx]))[1]
    return logits


def class_weights(y: torch.Tensor, power: float) -> torch.Tensor:
    """w_c ∝ n_c^-power, scaled so that the mean weight over training examples is 1. (7,)"""
    counts = torch.bincount(y, minlength=NUM_LABELS).float().clamp(min=1.0)
    w = counts.pow(-power)
    return w * counts.sum() / (w * counts).sum()


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def train(config_path: Path | None = None) -> dict:
    """Train the text encoder from a config; write the checkpoint; return dev/test reports."""
    config_path = Path(config_path or DEFAULT_CONFIG)
    cfg = yaml.safe_load(config_path.read_text())
    tc = cfg["train"]
    seed_everything(int(cfg["seed"]))
    torch.set_num_threads(int(cfg.get("threads", 2)))
    t0 = time.perf_counter()

    root = data_dir()
    tables = {split: load_meld(root / cfg["data"][split]) for split in ("train", "dev", "test")}
    if cfg["data"].get("drop_reserved", True):
        n_before = len(tables["train"].rows)
        tables["train"].rows = drop_reserved(tables["train"].rows)
        tables["train"].skipped["reserved_episode"] = n_before - len(tables["train"].rows)
    for split, table in tables.items():
        print(f"{split}: {len(table.rows)} utterances, skipped {table.skipped}")

    head_cfg = TextHeadConfig(**cfg["model"])
    tokenizer, base, top = load_base(head_cfg.finetune_layers)
    max_length = base_max_length(base_model_path())
    states = {s: token_states(tokenizer, base, t.texts, max_length) for s, t in tables.items()}
    if head_cfg.finetune_layers == 0:
        # With no layer to train, each text's states enter only through their mean: replacing
        # them by that one (1, D) token gives the same pooled embedding at a fraction of the cost.
        states = {s: [x.float().mean(0, keepdim=True) for x in xs] for s, xs in states.items()}
    y = {s: torch.tensor([LABEL_INDEX[lab] for lab in t.labels]) for s, t in tables.items()}
    print(f"token states ready in {time.perf_counter() - t0:.0f} s")

    model = TextEmotionModel(head_cfg, top)
    groups = [{"params": model.head.parameters(), "lr": float(tc["lr_head"])}]
    if head_cfg.finetune_layers:
        groups.append({"params": model.top.parameters(), "lr": float(tc["lr_layers"])})
    opt = torch.optim.AdamW(groups, weight_decay=float(tc["weight_decay"]))
    n_train, bs, epochs = len(states["train"]), int(tc["batch_size"]), int(tc["epochs"])
    steps = epochs * math.ceil(n_train / bs)
    warmup = max(1, steps // 20)
    # Linear warm-up over 5 % of the steps, then cosine decay to 0.
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, 0.5 * (1 + math.cos(math.pi * min(s, steps) / steps)))
    )
    weight = class_weights(y["train"], float(tc["class_weight_power"]))
    gen = torch.Generator().manual_seed(int(cfg["seed"]))

    best = {"f1": -1.0, "epoch": -1, "state": None}
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(n_train, generator=gen).tolist()
        total = 0.0
        for start in range(0, n_train, bs):
            idx = perm[start:start + bs]
            h, mask = collate([states["train"][i] for i in idx])
            _, logits = model(h, mask)
            loss = F.cross_entropy(logits, y["train"][idx], weight=weight, label_smoothing=float(tc["label_smoothing"]))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        dev_pred = predict_logits(model, states["dev"]).argmax(1)
        dev_f1 = weighted_f1(y["dev"], dev_pred, NUM_LABELS)
        print(f"epoch {epoch + 1:3d}  loss {total / n_train:.4f}  dev weighted-F1 {dev_f1:.4f}  ({time.perf_counter() - t0:.0f} s)")
        if dev_f1 > best["f1"]:
            best = {"f1": dev_f1, "epoch": epoch + 1, "state": copy.deepcopy(model.state_dict())}
        elif epoch + 1 - best["epoch"] >= int(tc["patience"]):
            break

    model.load_state_dict(best["state"])
    temperature = fit_temperature(predict_logits(model, states["dev"]), y["dev"])
    reports = {}
    for split in ("dev", "test"):
        probs = torch.softmax(predict_logits(model, states[split]) / temperature, -1).numpy()
        reports[split] = classification_report(
            y[split].numpy(), probs, LABELS, tables[split].skipped, title=f"MELD {split} (best epoch {best['epoch']}, τ={temperature:.3f})"
        )
    train_seconds = time.perf_counter() - t0
    path = checkpoint_root() / cfg.get("checkpoint", CHECKPOINT_NAME)
    summary = {
        "config": str(config_path),
        "best_epoch": best["epoch"],
        "temperature": temperature,
        "train_seconds": round(train_seconds, 1),
        "n_train": n_train,
        "dev": {k: reports["dev"][k] for k in ("weighted_f1", "macro_f1", "accuracy", "ece")},
        "test": {k: reports["test"][k] for k in ("weighted_f1", "macro_f1", "accuracy", "ece")},
    }
    save_checkpoint(model, temperature, path, summary)
    print(f"dev weighted-F1 {summary['dev']['weighted_f1']:.4f}  test weighted-F1 {summary['test']['weighted_f1']:.4f}")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB) in {train_seconds:.0f} s")
    return {**summary, "checkpoint": str(path), "reports": reports}
