"""Conversation-level crisis policy variants over the dev conversation sets: conversations escalated in time and
falsely escalated per set, for the committed policy and each variant (the crisis detector reads every turn once).

    .venv/bin/python benchmarks/crisis_policy.py [--data data/crisis/dev9 ...]

Prints, per variant, "in time R/N, falsely escalated F/M" overall and per set. Dev sets only: the frozen test sets are
read by ``emobot evaluate crisis`` once after a change, never here.
"""
from __future__ import annotations

import argparse
from pathlib import Path

DEV = ["data/crisis/dev", "data/crisis/dev2", "data/crisis/dev3", "data/crisis/dev4", "data/crisis/dev8", "data/crisis/dev9"]
VARIANTS = {
    "committed": {},
    "words do not corroborate": {"words_corroborate": False},
    "corroborate below 0.98": {"corroborate_below": 0.98},
    "corroborate below 0.99": {"corroborate_below": 0.99},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="+", default=DEV, help="folders with a conversations.csv (dev sets)")
    args = parser.parse_args()

    from emotion.affect.embed import SentenceEmbedder
    from emotion.crisis.conversation import ConversationPolicy
    from emotion.crisis.detector import CrisisDetector
    from emotion.evaluation.crisis import conversation_outcomes, read_conversations

    detector = CrisisDetector.load(embedder=SentenceEmbedder.split(2))
    committed = {**ConversationPolicy.from_mapping(detector.conversation).__dict__}
    sets = {}
    for folder in args.data:
        conversations = read_conversations(Path(folder) / "conversations.csv")
        sets[folder] = (conversations, {c: [r.as_turn() for r in detector.screen_turns([row["text"] for row in rows])]
                                        for c, rows in conversations.items()})
    for name, change in VARIANTS.items():
        policy, cells, on, n, false, m = {**committed, **change}, [], 0, 0, 0, 0
        for folder, (conversations, turns) in sets.items():
            o = conversation_outcomes(conversations, turns, policy, detector.thresholds["flag"])
            r, f = round(o["recall_by_unmistakable"] * o["risky"]), round(o["false_escalation_rate"] * o["risk_free"])
            cells.append(f"{Path(folder).name} {r}/{o['risky']}, {f}/{o['risk_free']}")
            on, n, false, m = on + r, n + o["risky"], false + f, m + o["risk_free"]
        print(f"{name:26} in time {on}/{n}, falsely escalated {false}/{m} | " + "; ".join(cells))


if __name__ == "__main__":
    main()
