"""The crisis encoder's training (emotion/crisis/detector.py ``CrisisEncoder``): our own copy of
MiniLM's top layers and a head, fine-tuned on the frozen bottom's token states of the training
statements (computed once, kept as float16)."""
from __future__ import annotations

import numpy as np


def bottom_states(embedder, texts: list[str], batch: int = 64) -> list:
    """Frozen bottom token states of each text: list of (T_i, 384) float16 tensors."""
    import torch

    from emotion.encoders.text_base import length_batches

    out: list = [None] * len(texts)
    for idx in length_batches([len(t) for t in texts], batch):
        h, mask = embedder.bottom_states([texts[i] for i in idx])
        for j, i in enumerate(idx):
            out[i] = h[j, : int(mask[j].sum())].to(torch.float16)
    return out


def finetune_encoder(cfg: dict, embedder, states: list, y: np.ndarray, w: np.ndarray, seed: int):
    """The crisis encoder (fine-tuned copy of the pretrained top layers + head) trained with
    class-balanced, sample-weighted binary cross-entropy on the frozen bottom states."""
    import copy

    import torch
    from torch.nn.utils.rnn import pad_sequence

    from emotion.crisis.detector import CrisisEncoder

    ft = cfg["finetune"]
    torch.manual_seed(seed)
    model = CrisisEncoder(copy.deepcopy(embedder.pooled.layers)).train().requires_grad_(True)
    pos_weight = float((w * (y == 0)).sum() / max(1e-9, (w * (y == 1)).sum()))
    weights = torch.tensor(w * np.where(y == 1, pos_weight, 1.0), dtype=torch.float32)
    target = torch.tensor(y, dtype=torch.float32)
    opt = torch.optim.AdamW([{"params": model.pooled.parameters(), "lr": ft["lr_layers"]},
                             {"params": model.head.parameters(), "lr": ft["lr_head"]}], weight_decay=0.01)
    rng = np.random.default_rng(seed)
    for _ in range(ft["epochs"]):
        order = rng.permutation(len(states))
        for start in range(0, len(order), ft["batch"]):
            idx = order[start:start + ft["batch"]]
            h = pad_sequence([states[i].float() for i in idx], batch_first=True)
            mask = pad_sequence([torch.ones(len(states[i])) for i in idx], batch_first=True)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model(h, mask), target[idx], weight=weights[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    return model.eval().requires_grad_(False)


def encoder_probs(model, states: list, batch: int = 128) -> np.ndarray:
    import torch
    from torch.nn.utils.rnn import pad_sequence

    out = []
    with torch.inference_mode():
        for start in range(0, len(states), batch):
            chunk = states[start:start + batch]
            h = pad_sequence([s.float() for s in chunk], batch_first=True)
            mask = pad_sequence([torch.ones(len(s)) for s in chunk], batch_first=True)
            out.append(torch.sigmoid(model(h, mask)).numpy())
    return np.concatenate(out).astype(np.float64)
