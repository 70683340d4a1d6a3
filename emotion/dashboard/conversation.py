"""A session's whole conversation for its page: the person's turns and the bot's replies (the mood
log's turns), with the human part of its handoffs between them in time order, and its case notes,
those written when resolving a handoff included.

The human part is read where it is stored, the handoffs and their threads
(``emotion.moodlog.governance``): the opening, who claimed it and when, each supervisor reply
with its delivery, the bot's notices (re-alert, check-in after resolving), and the resolution
with its note, or the person's withdrawal. The thread's ``person`` and ``bot`` lines are the
channel's copies of turns the table already shows; they are added only where the turns' words are
withheld (no text consent) and the handoff page shows them (a live handoff: the same rule,
``handoffs.words_withheld``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Sequence

from sqlmodel import Session, col, select

from emotion.dashboard.handoffs import words_withheld
from emotion.dashboard.queries import TurnView
from emotion.moodlog.governance import Handoff, HandoffMessage, SessionNote, as_utc

STEP_ORDER = {"opened": 0, "claimed": 1, "message": 2, "resolved": 3, "withdrawn": 3}


@dataclass(frozen=True)
class HumanStep:
    """One step of a handoff. ``kind``: opened | claimed | supervisor | notice | person | bot |
    resolved | withdrawn; ``author``: the supervisor for claimed, supervisor and resolved;
    ``text``: the reason (opened), the message, or the resolution's note (None: none)."""

    at: datetime
    handoff_id: int
    kind: str
    author: str | None = None
    text: str | None = None
    delivered: bool = False  # a supervisor reply that Rasa pushed to the person's live channel
    seen: bool = False  # a supervisor reply the person's page fetched
    order: tuple[int, int] = (0, 0)  # ties at the same moment: handoff order, then message id


@dataclass(frozen=True)
class CaseNote:
    """A note on the session (with tags), or the note a supervisor wrote resolving ``handoff_id``."""

    author: str
    at: datetime
    text: str
    tags: list[str] = field(default_factory=list)
    handoff_id: int | None = None


def human_part(db: Session, handoffs: Sequence[Handoff], text_consent: bool) -> list[HumanStep]:
    """Every handoff's steps, oldest first (case notes are in the resolution's step)."""
    steps = []
    for handoff in handoffs:
        messages = db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff.id)
                           .order_by(col(HandoffMessage.id))).all()
        steps.append(HumanStep(at=handoff.created_at, handoff_id=handoff.id, kind="opened", text=handoff.reason or None))
        if handoff.claimed_at is not None:
            steps.append(HumanStep(at=handoff.claimed_at, handoff_id=handoff.id, kind="claimed",
                                   author=handoff.claimed_by, order=(STEP_ORDER["claimed"], 0)))
        copies_shown = not text_consent and not words_withheld(handoff, text_consent)
        for m in messages:
            if m.kind in ("supervisor", "notice") or (m.kind in ("person", "bot") and copies_shown):
                steps.append(HumanStep(at=m.created_at, handoff_id=handoff.id, kind=m.kind,
                                       author=m.author if m.kind == "supervisor" else None, text=m.text,
                                       delivered=m.delivered, seen=m.seen_at is not None,
                                       order=(STEP_ORDER["message"], m.id)))
        if handoff.status == "resolved" and handoff.resolved_at is not None:
            note = "\n".join(m.text for m in messages if m.kind == "note") or None
            withdrawn = handoff.claimed_by is None  # only the person's withdrawal resolves an unclaimed handoff
            steps.append(HumanStep(at=handoff.resolved_at, handoff_id=handoff.id,
                                   kind="withdrawn" if withdrawn else "resolved",
                                   author=None if withdrawn else handoff.claimed_by, text=note,
                                   order=(STEP_ORDER["resolved"], 0)))
    return sorted(steps, key=lambda s: (as_utc(s.at), s.handoff_id, s.order))


def in_time_order(turns: list[TurnView], steps: list[HumanStep]) -> list[TurnView | HumanStep]:
    """The turns in their order, each step placed before the first turn sent after it."""
    rows: list[TurnView | HumanStep] = []
    pending = list(steps)
    for view in turns:
        sent = as_utc(view.turn.sent_at or view.turn.received_at)
        while pending and as_utc(pending[0].at) < sent:
            rows.append(pending.pop(0))
        rows.append(view)
    return rows + pending


def case_notes(db: Session, session_id: str, handoffs: Sequence[Handoff]) -> list[CaseNote]:
    """The session's notes and the notes written resolving its handoffs, oldest first."""
    notes = [CaseNote(author=n.author, at=n.created_at, text=n.text, tags=list(n.tags))
             for n in db.exec(select(SessionNote).where(SessionNote.session_id == session_id)).all()]
    ids = [h.id for h in handoffs]
    if ids:
        notes += [CaseNote(author=m.author, at=m.created_at, text=m.text, handoff_id=m.handoff_id)
                  for m in db.exec(select(HandoffMessage).where(col(HandoffMessage.handoff_id).in_(ids),
                                                                HandoffMessage.kind == "note")).all()]
    return sorted(notes, key=lambda n: as_utc(n.at))
