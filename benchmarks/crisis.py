"""Cost of crisis screening per text turn, in process, as the service runs it.

Two analyzers are loaded as ``emobot serve`` loads them (text encoder and affect heads on ONNX
Runtime, one thread; text only): one with the crisis detector, one with the lexicon alone
(``EMOBOT_CRISIS_DETECTOR=false``). Each statement of ``--data`` is read by both, in alternating
order: the turn's screening then its text analysis (text encoder + affect heads), as
``emotion/service/turns.py`` runs them. Every text is new to both (the bottom-state and
embedding memos hold 64 texts; a text comes back only after 100 others). Prints p50 / p95 of
each, what the detector adds (p50 and p95 of the turn with it minus without), the screening stage
alone, and the in-Rasa fallback (the lexicon alone, ``emotion.crisis.fallback``).

The HTTP figure of the same comparison is ``benchmarks/turn.py --compare crisis_detector=false``;
this one leaves out HTTP and the mood log, whose jitter on a shared 2-core machine is larger than
the difference measured.

Run: .venv/bin/python benchmarks/crisis.py [--data data/crisis/dev5/statements.csv] [--repeat 2]
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BLOCK = 100  # texts read by both analyzers before the next block: longer than the memos (64)


def percentiles(ms: list[float] | np.ndarray) -> str:
    return f"p50 {np.percentile(ms, 50):6.2f} ms  p95 {np.percentile(ms, 95):6.2f} ms  (n {len(ms)})"


def text_turn(analyzer, text: str) -> tuple[float, float]:
    """(screening ms, whole turn ms) of one text turn: screening, then the text's analysis."""
    start = time.perf_counter()
    analyzer.crisis.screen(text, [])
    screened = time.perf_counter()
    analyzer.analyse(text, None, [])
    return (screened - start) * 1000, (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO / "data/crisis/dev5/statements.csv")
    parser.add_argument("--repeat", type=int, default=2, help="passes over the statements")
    args = parser.parse_args()
    from emotion.crisis.fallback import FallbackScreen
    from emotion.service.analysis import Analyzer
    from emotion.settings import Settings

    texts = [r["text"] for r in csv.DictReader(open(args.data, encoding="utf-8")) if r["text"].strip()]
    analyzers = {on: Analyzer.load(Settings(modalities=["text"], crisis_detector=on)) for on in (True, False)}
    print(f"crisis screening cost, {os.cpu_count()} CPUs, {len(texts)} statements x {args.repeat} "
          f"(load average {'%.2f %.2f %.2f' % os.getloadavg()})")
    screen: dict[bool, list[float]] = {True: [], False: []}
    turn: dict[bool, list[float]] = {True: [], False: []}
    for r in range(args.repeat):
        for first in range(0, len(texts), BLOCK):
            block = texts[first:first + BLOCK]
            for i, text in enumerate(block):
                for on in ((True, False) if (i + r) % 2 == 0 else (False, True)):
                    s, t = text_turn(analyzers[on], text)
                    screen[on].append(s)
                    turn[on].append(t)
    print(f"text turn, detector:      {percentiles(turn[True])}")
    print(f"text turn, lexicon only:  {percentiles(turn[False])}")
    added = [np.percentile(turn[True], q) - np.percentile(turn[False], q) for q in (50, 95)]
    print(f"added by the detector:    p50 {added[0]:+6.2f} ms  p95 {added[1]:+6.2f} ms  (target <= 10 ms p95)")
    print(f"screening stage, detector (the text analysis then reuses its bottom states): {percentiles(screen[True])}")
    fallback = FallbackScreen()
    ms = []
    for _ in range(args.repeat):
        for text in texts:
            start = time.perf_counter()
            fallback.screen(text)
            ms.append((time.perf_counter() - start) * 1000)
    print(f"in-Rasa fallback (lexicon): {percentiles(ms)}  (target <= 5 ms)")
    print(f"(load average {'%.2f %.2f %.2f' % os.getloadavg()})")


if __name__ == "__main__":
    main()
