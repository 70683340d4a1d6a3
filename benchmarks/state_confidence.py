"""What ``min_confidence`` lets through: the tracked state's confidence by how many messages a
speaker has sent, measured on real dialogues.

Each utterance of a MELD-format CSV (default: MELD test) is read by the committed text encoder
(the service's text reading, fused alone: confidence = the top probability), and each speaker's
turns in each dialogue are tracked with the service's own ``track`` and settings (smoothing,
window). For the 1st, 2nd, 3rd, 4th and 5th-or-later message of a speaker it prints the state
confidence's 10th/50th/90th percentiles, the share of turns at or above each ``min_confidence``
threshold, and how often the state's label then equals the annotated label of that turn.

Run: ``python benchmarks/state_confidence.py [--data ../shared/data/meld/test_sent_emo.csv]``.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from emotion.data.meld import data_dir, load_meld  # noqa: E402
from emotion.encoders.text import TextEncoder  # noqa: E402
from emotion.settings import get_settings  # noqa: E402
from emotion.tracking import EmotionReading, track  # noqa: E402

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
BUCKETS = ("1st", "2nd", "3rd", "4th", "5th+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=data_dir() / "meld" / "test_sent_emo.csv")
    args = parser.parse_args()
    settings = get_settings()
    table = load_meld(args.data)
    rows = sorted(table.rows, key=lambda u: (u.dialogue_id, u.utterance_id))
    encoder = TextEncoder.load()
    outputs = encoder.encode([u.text for u in rows])
    states: dict[tuple[int, str], tuple] = {}
    seen: dict[str, list[tuple[float, bool]]] = defaultdict(list)  # bucket -> (state confidence, label right)
    for u, out in zip(rows, outputs):
        key = (u.dialogue_id, u.speaker)
        previous, history = states.get(key, (None, []))
        reading = EmotionReading(tuple(out.probs), confidence=max(out.probs))
        state = track(previous, history, reading, smoothing=settings.smoothing, window=settings.tracking_window)
        states[key] = (state, [*history, reading][-(settings.tracking_window - 1):])
        bucket = BUCKETS[min(state.turns_observed, len(BUCKETS)) - 1]
        seen[bucket].append((state.confidence, state.label == u.label))
    print(f"{args.data.name}: {len(rows)} utterances; smoothing {settings.smoothing}, window {settings.tracking_window}")
    header = " ".join(f">={t:.1f}" for t in THRESHOLDS)
    print(f"{'message':8s} {'turns':>6s} {'p10':>5s} {'p50':>5s} {'p90':>5s}   share of turns at {header}"
          f"   | label right when >= 0.3 / 0.5")
    for bucket in BUCKETS:
        conf = np.array([c for c, _ in seen[bucket]])
        right = np.array([r for _, r in seen[bucket]])
        if not len(conf):
            continue
        shares = " ".join(f"{(conf >= t).mean():6.2f}" for t in THRESHOLDS)
        acc = [f"{right[conf >= t].mean():.2f}" if (conf >= t).any() else "  - " for t in (0.3, 0.5)]
        p10, p50, p90 = np.percentile(conf, [10, 50, 90])
        print(f"{bucket:8s} {len(conf):6d} {p10:5.2f} {p50:5.2f} {p90:5.2f}   {'':18s}{shares}   | {acc[0]} / {acc[1]}")


if __name__ == "__main__":
    main()
