"""Per-turn latency of the online causal graph step, at turn 10, 100 and 1,000 of one session.

One synthetic two-speaker session with random text features (the graph cost does not depend on
the feature values); each measured turn is the ``OnlineGraph.step`` call for that turn, repeated
``--repeats`` times on a copy of the state just before it. 1 torch thread. Peak memory is the
process's max resident set size (includes Python, torch and the model).

Run: ``python benchmarks/graph.py [--checkpoint emotion/checkpoints/graph.pt]``.
"""
from __future__ import annotations

import argparse
import copy
import resource
import statistics
import time
from pathlib import Path

import torch

from emotion.graph.io import load_checkpoint
from emotion.graph.model import ConversationGraphModel, GraphModelConfig
from emotion.graph.build import OnlineGraph

TURNS = (10, 100, 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", type=Path, default=None)
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    try:
        ckpt = load_checkpoint(args.checkpoint)
        online = OnlineGraph(ckpt.model, ckpt.temperature, ckpt.estimator)
    except FileNotFoundError:
        online = OnlineGraph(ConversationGraphModel(GraphModelConfig()).eval())
    dim = online.model.cfg.modality_dims["text"]
    rows = []
    for turn in range(1, max(TURNS) + 1):
        speaker = "user" if turn % 2 else "bot"
        features = {"text": torch.randn(dim)}
        if turn in TURNS:
            times = []
            for _ in range(args.repeats):
                trial = copy.deepcopy(online.window), copy.deepcopy(online.evidence)
                t0 = time.perf_counter()
                online.step(speaker, features, "how are you doing today?")
                times.append(time.perf_counter() - t0)
                online.window, online.evidence = trial
            times.sort()
            rows.append((turn, statistics.median(times) * 1e3, times[int(0.95 * (len(times) - 1))] * 1e3, online.last_num_nodes))
        online.step(speaker, features, "how are you doing today?")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'turn':>6} {'median ms':>10} {'p95 ms':>8} {'nodes':>6}")
    for turn, med, p95, nodes in rows:
        print(f"{turn:>6} {med:>10.2f} {p95:>8.2f} {nodes:>6}")
    print(f"peak RSS {peak_mb:.0f} MB (1 torch thread, {args.repeats} repeats per turn)")


if __name__ == "__main__":
    main()
