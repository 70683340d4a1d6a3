"""Evaluate the conversation-graph model on a MELD- or EmoryNLP-format CSV.

Prints weighted-F1, macro-F1, per-class F1, the confusion matrix and ECE. Speakers whose first
name is a Friends main character get their trait vector from the checkpoint (as in training).

Run: ``python -m emotion.evaluation.graph --data CSV [--mode causal|offline] [--json F]``.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import torch

from emotion.evaluation.metrics import classification_report, write_report
from emotion.graph.dataset import load_erc_csv, table_graphs
from emotion.graph.features import text_features
from emotion.graph.io import load_checkpoint
from emotion.labels import LABELS
from emotion.training.graph import predict


def evaluate(data: Path, json_out: Path | None = None, mode: str = "causal", checkpoint: Path | None = None,
             threads: int = 1) -> dict:
    """Score ``data``; ``mode`` is ``causal`` (past edges only) or ``offline`` (past and future).

    Returns the report of ``classification_report`` (keys include accuracy, weighted_f1,
    macro_f1, n, ece) plus ``mode``; writes it as JSON to ``json_out`` when given.
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
    logits, y = predict(ckpt.model, graphs)
    probs = torch.softmax(logits / ckpt.temperature, -1).numpy()
    report = classification_report(y.numpy(), probs, LABELS, table.skipped, title=f"{Path(data).name} ({mode})")
    report["mode"] = mode
    write_report(report, json_out)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="MELD- or EmoryNLP-format CSV")
    parser.add_argument("--mode", choices=("causal", "offline"), default="causal")
    parser.add_argument("--json", type=Path, default=None, help="write the report as JSON here")
    parser.add_argument("--checkpoint", type=Path, default=None, help="graph.pt (default: emotion/checkpoints/graph.pt)")
    args = parser.parse_args()
    evaluate(args.data, args.json, args.mode, args.checkpoint)


if __name__ == "__main__":
    main()
