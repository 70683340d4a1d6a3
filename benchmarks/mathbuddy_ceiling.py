"""The best score any reader can reach on MathBuddy when each row is scored on its own.

MathBuddy gives a conversation one row per emotion its last student turn shows (same words,
different emotion, each with an intensity; ``emotion.affect.data.TutoringConversation``). A reader
sees the same input for all rows of a conversation, so it gives them one answer, and at most one
of them can be right. This script finds the best macro-F1 and accuracy over *every* choice of one
answer per conversation (an oracle that knows the labels), exactly:

    F1_c = 2·TP_c / (P_c + N_c),   macro-F1 = mean_c F1_c

where N_c is the number of rows labelled c, P_c the rows answered c and TP_c the right ones.
Conversations are added one at a time; for each reachable (P_e, P_n, P_b) only the TP vectors
that no other dominates are kept (exact, since every F1_c grows with TP_c at fixed P_c).

The per-row score is what ``emobot evaluate tutoring`` printed before it scored conversations by
their main emotion; it still prints it under "every row".

Run: .venv/bin/python benchmarks/mathbuddy_ceiling.py [--data JSON] [--split held-out|train|all]
(held-out: under a second; train or all: about three minutes.)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from emotion.affect.data import is_test, load_mathbuddy, mathbuddy_path, tutoring_conversations  # noqa: E402
from emotion.affect.model import TUTORING_CLASSES  # noqa: E402
from emotion.data.meld import data_dir  # noqa: E402

Counts = tuple[int, int, int]


def best_row_scores(conversations: list[list[int]]) -> tuple[float, float]:
    """(best macro-F1, best accuracy) of one answer per conversation; ``conversations``: each
    conversation's row labels as class indices."""
    n = [sum(labels.count(c) for labels in conversations) for c in range(3)]
    states: dict[Counts, list[Counts]] = {(0, 0, 0): [(0, 0, 0)]}  # P -> undominated TP vectors
    for labels in conversations:
        grown: dict[Counts, set[Counts]] = {}
        for p, tps in states.items():
            for c in range(3):
                q = tuple(v + len(labels) * (k == c) for k, v in enumerate(p))
                grown.setdefault(q, set()).update(tuple(v + labels.count(c) * (k == c) for k, v in enumerate(tp))
                                                  for tp in tps)
        states = {q: undominated(tps) for q, tps in grown.items()}
    macro = max(sum(2 * tp[c] / (p[c] + n[c]) for c in range(3) if p[c] + n[c]) / 3
                for p, tps in states.items() for tp in tps)
    return macro, len(conversations) / sum(n)


def undominated(vectors: set[Counts]) -> list[Counts]:
    """The vectors no other vector is >= in every component."""
    front: list[Counts] = []
    for v in sorted(vectors, reverse=True):
        if not any(all(f[k] >= v[k] for k in range(3)) for f in front):
            front.append(v)
    return front


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None, help="MathBuddy-format JSON (default: the shared copy)")
    ap.add_argument("--split", choices=["held-out", "train", "all"], default="held-out")
    args = ap.parse_args()
    items = load_mathbuddy(args.data or mathbuddy_path(data_dir()))
    keep = {"held-out": lambda i: is_test(i), "train": lambda i: not is_test(i), "all": lambda i: True}[args.split]
    convs = [c for c in tutoring_conversations([it for it in items if it.emotion in TUTORING_CLASSES]) if keep(c.id)]
    labels = [[TUTORING_CLASSES.index(e) for e in c.intensity] for c in convs]
    macro, acc = best_row_scores(labels)
    several = sum(len(x) > 1 for x in labels)
    print(f"{args.split}: {sum(map(len, labels))} rows, {len(convs)} conversations ({several} with several rows)")
    print(f"best any reader can score per row: macro-F1 {macro:.4f}, accuracy {acc:.4f}")


if __name__ == "__main__":
    main()
