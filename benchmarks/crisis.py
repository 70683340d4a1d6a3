"""Cost of crisis screening per message: the service's detector (lexicon + MiniLM heads, one
thread) and the in-Rasa fallback (lexicon alone). Prints p50/p95 in ms over the dev statements.

Run: .venv/bin/python benchmarks/crisis.py [--data data/crisis/dev/statements.csv] [--repeat 2]
"""
from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import numpy as np
import torch


def percentiles(ms: list[float]) -> str:
    return f"p50 {np.percentile(ms, 50):.2f} ms  p95 {np.percentile(ms, 95):.2f} ms  (n {len(ms)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("data/crisis/dev/statements.csv"))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(1)
    from emotion.affect.embed import SentenceEmbedder
    from emotion.crisis.detector import CrisisDetector
    from emotion.crisis.fallback import FallbackScreen

    texts = [r["text"] for r in csv.DictReader(open(args.data, encoding="utf-8"))]
    embedder = SentenceEmbedder.split(2)
    detector = CrisisDetector.load(embedder=embedder)
    fallback = FallbackScreen()
    detector.screen_many(texts[:8])
    for name, screen in (("detector (service)", detector.screen), ("lexicon (in-Rasa fallback)", fallback.screen)):
        ms = []
        for _ in range(args.repeat):
            for t in texts:
                start = time.perf_counter()
                screen(t)
                ms.append((time.perf_counter() - start) * 1000)
        print(f"{name}: {percentiles(ms)}")


if __name__ == "__main__":
    main()
