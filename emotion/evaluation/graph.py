"""Evaluate the conversation-graph model on a MELD- or EmoryNLP-format CSV.

Prints weighted-F1, macro-F1, per-class F1, the confusion matrix and ECE. Speakers whose first
name is a Friends main character get their trait vector from the checkpoint (as in training).

By default the graph reads text only (clean MELD). ``--pseudo-multimodal`` also gives each turn,
with the config's per-modality probability (``--presence`` to override), the embedding of a
same-label held-out RAVDESS clip (actors 19-24) and FER-2013 test face (``emotion.graph.pseudo``:
it measures the fusion's use of those inputs, not multimodal ERC), and adds ``late_fusion``: the
graph's text-only reading fused afterwards with the speech and face encoders' own readings of the
same clips (``emotion.fusion``, the service's rule for a text-only graph; with ``--hide text``
the encoders' readings alone). ``--hide text`` scores the turns from their other modalities only. Modalities the checkpoint was not trained on are
always hidden, as in the service.

Run: ``emobot evaluate graph --data CSV [--mode causal|offline] [--pseudo-multimodal
[--presence P] [--hide text]] [--checkpoint PATH] [--json F]``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
import torch
import yaml

from emotion.data.meld import data_dir
from emotion.encoders.base import ModalityOutput
from emotion.evaluation.metrics import accuracy, classification_report, macro_f1, weighted_f1, write_report
from emotion.fusion import fuse
from emotion.graph.dataset import erc_csv, load_erc_csv, table_graphs
from emotion.graph.features import text_features
from emotion.graph.io import load_checkpoint
from emotion.graph.pseudo import hide, pair, pool_summary, split_pools
from emotion.labels import LABELS, NUM_LABELS
from emotion.graph.build import GRAPH_CONFIG as DEFAULT_CONFIG, predict

PAIRED = ("audio", "face")


def _late_fusion(ckpt, graphs: list, weights: dict[str, float], hidden: Sequence[str]) -> dict:
    """What a text-only graph gives: its text reading (unless text is hidden) fused per node with
    the encoders' own readings of the paired clips/faces (a node with nothing counts as neutral)."""
    text_only = graphs
    for m in PAIRED:
        text_only = hide(text_only, m)
    logits, y = predict(ckpt.model, text_only)
    graph_probs = torch.softmax(logits / ckpt.temperature, -1)
    paired = [m for m in PAIRED if m not in hidden]
    nodes = {m: torch.cat([g[f"present_{m}"] for g in graphs]) for m in paired}
    probs = {m: torch.cat([g[f"probs_{m}"] for g in graphs]) for m in paired}
    pred = []
    for k in range(len(y)):
        outputs = [] if "text" in hidden else [ModalityOutput("text", [], graph_probs[k].tolist())]
        outputs += [ModalityOutput(m, [], probs[m][k].tolist()) for m in paired if nodes[m][k]]
        pred.append(int(np.argmax(fuse(outputs, weights).probs)) if outputs else 0)
    y = y.numpy()
    return {"weighted_f1": weighted_f1(y, pred, NUM_LABELS), "macro_f1": macro_f1(y, pred, NUM_LABELS),
            "accuracy": accuracy(y, pred)}


def evaluate(data: Path, json_out: Path | None = None, mode: str = "causal", checkpoint: Path | None = None,
             threads: int = 1, pseudo_multimodal: bool = False, presence: float | None = None,
             hidden: Sequence[str] = (), config: Path | None = None) -> dict:
    """Score ``data``; ``mode`` is ``causal`` (past edges only) or ``offline`` (past and future).

    pseudo_multimodal: pair turns with the config's test pools (``pseudo_multimodal`` section of
    ``config``, default emotion/config/graph.yaml) at its per-modality presence, or at
    ``presence`` (0..1) for both audio and face. hidden: modalities kept from the graph.
    Returns the report of ``classification_report`` (keys include accuracy, weighted_f1,
    macro_f1, n, ece) plus ``mode``, ``modalities`` (what the graph was given: modality ->
    share of turns) and, when paired, ``late_fusion``; writes it as JSON to ``json_out``.
    """
    if mode not in ("causal", "offline"):
        raise ValueError(f"mode must be causal or offline, not {mode!r}")
    torch.set_num_threads(threads)
    ckpt = load_checkpoint(checkpoint)
    table = load_erc_csv(data)
    feats = text_features(table.texts, threads=threads)
    if feats.source != ckpt.feature_source:
        print(f"warning: text features {feats.source} differ from the checkpoint's {ckpt.feature_source}")
    graphs = table_graphs(table.rows, feats, ckpt.model.cfg, ckpt.character_traits, causal=mode == "causal")
    late = None
    if pseudo_multimodal:
        pc = yaml.safe_load(Path(config or DEFAULT_CONFIG).read_text())["pseudo_multimodal"]
        pools = split_pools(pc, "test", data_dir())
        print(f"pseudo-multimodal test pools: {pool_summary(pools)}")
        for m, pool in pools.items():
            if m in ckpt.modality_sources and ckpt.modality_sources[m] != pool.source:
                print(f"warning: {m} embeddings {pool.source} differ from the checkpoint's {ckpt.modality_sources[m]}")
        p = {m: float(presence if presence is not None else pc["presence"][m]) for m in PAIRED}
        pair(graphs, pools, p, torch.Generator().manual_seed(int(pc["pair_seed"])))
        late = _late_fusion(ckpt, graphs, {"text": 1.0, "audio": 1.0, "face": 1.0}, hidden)
    for m in ckpt.model.cfg.modality_dims:
        if m in hidden or m not in ckpt.model.cfg.trained_modalities:
            graphs = hide(graphs, m)
    given = {m: round(float(torch.cat([g[f"present_{m}"] for g in graphs]).float().mean()), 4)
             for m in ckpt.model.cfg.modality_dims}
    logits, y = predict(ckpt.model, graphs)
    probs = torch.softmax(logits / ckpt.temperature, -1).numpy()
    title = f"{erc_csv(data).name} ({mode}; graph given " + ", ".join(f"{m} {v:.0%}" for m, v in given.items() if v) + ")"
    report = classification_report(y.numpy(), probs, LABELS, table.skipped, title=title)
    report.update(mode=mode, modalities=given)
    if late is not None:
        report["late_fusion"] = late
        print(f"late fusion (the graph's text reading x the encoders' readings): weighted-F1 {late['weighted_f1']:.4f}  "
              f"macro-F1 {late['macro_f1']:.4f}  accuracy {late['accuracy']:.4f}")
    write_report(report, json_out)
    return report
