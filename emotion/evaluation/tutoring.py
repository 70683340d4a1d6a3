"""Score tutoring affect on MathBuddy-format JSON (engagement / neutral / boredom): the MathBuddy
head (q, with history) and the student-affect head restricted to those three classes (what the
service's derived tutoring states use; emotion/affect/message.py).

MathBuddy gives a conversation one row per emotion its last student turn shows, each with an
intensity (``TutoringConversation``): 117 of its 203 conversations have two or three rows with the
same words and different emotions. The score is therefore per conversation, against its main
emotion (the highest intensity; when intensities tie, a prediction of any tied emotion is right).
The old per-row score is printed too, under ``"rows"``: it asks one reading to match several
different labels, so no prediction can pass about 0.59 macro-F1 on the held-out rows
(``benchmarks/mathbuddy_ceiling.py`` prints the exact bound).

Run: ``emobot evaluate tutoring --data JSON [--held-out] [--json FILE]``. The held-out
conversations are MathBuddy's ids with ``crc32(id) % 5 == 0`` (``--held-out`` keeps only those of
any MathBuddy-format file; ``emobot train affect`` also writes them to
``var/affect/tutoring_test.json``).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from emotion.affect.data import TutoringConversation, is_test, load_mathbuddy, tutoring_conversations
from emotion.affect.message import STUDENT_CLASSES
from emotion.affect.model import TUTORING_CLASSES, AffectModel
from emotion.evaluation.metrics import classification_report, write_report


def score_head(conversations: list[TutoringConversation], probs: np.ndarray, title: str) -> dict:
    """The conversation-level report of one head, with the per-row report under ``"rows"``.

    probs: (N, 3) over TUTORING_CLASSES, one row per conversation.
    """
    targets = [TUTORING_CLASSES.index(c.target(TUTORING_CLASSES[int(np.argmax(p))]))
               for c, p in zip(conversations, probs)]
    report = classification_report(targets, probs, TUTORING_CLASSES, None, None,
                                   title=f"{title}: main emotion of each conversation")
    rows = [(TUTORING_CLASSES.index(e), p) for conv, p in zip(conversations, probs) for e in conv.intensity]
    report["rows"] = classification_report([y for y, _ in rows], np.array([p for _, p in rows]).reshape(-1, 3),
                                           TUTORING_CLASSES, None, None,
                                           title=f"{title}: every row (one per emotion shown; not the score)")
    return report


def evaluate(data: Path, json_out: Path | None = None, checkpoint_dir: Path | None = None,
             model: AffectModel | None = None, held_out: bool = False) -> dict:
    """Accuracy, macro-F1 and per-class scores of both heads per conversation
    (``classification_report``); the student head's report is under ``"student_head"``, each
    head's per-row report under ``"rows"``."""
    every = [it for it in load_mathbuddy(data) if not held_out or is_test(it.id)]
    items = [it for it in every if it.emotion in TUTORING_CLASSES]
    conversations = tutoring_conversations(items)
    model = model or AffectModel.load(checkpoint_dir)
    texts = [c.utterance for c in conversations]
    probs = model.tutoring_probs(texts, [c.history for c in conversations]) if conversations else np.zeros((0, 3))
    report = score_head(conversations, probs, f"MathBuddy head on {data}")
    student = model.student_probs(texts) if conversations else np.zeros((0, len(STUDENT_CLASSES)))
    three = student[:, [STUDENT_CLASSES.index(c) for c in TUTORING_CLASSES]]
    report["student_head"] = score_head(conversations, three, f"student-affect head (3 of its 5 classes) on {data}")
    report["skipped"] = {"unknown_label": len(every) - len(items)}
    report["data"] = str(data)
    write_report(report, json_out)
    return report
