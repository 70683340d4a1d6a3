"""How long a person handed to a human may expect to wait, told honestly (eighth exploratory
reading, M8: "it usually takes about 2 minutes" was said while 40 handoffs waited, every one of
them overdue): the usual wait (the median time to a claim) and the queue in front of a handoff
right now, which says when that usual wait is no promise to make."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Optional

from sqlmodel import Session, col, func, select

from emotion.moodlog.governance import Handoff, as_utc
from emotion.moodlog.models import utcnow

LONG_QUEUE = 3
"""This many open handoffs of the bot, nobody claimed, opened before a handoff: a long queue."""
SHORTEST_PROMISE_S = 120.0
"""The shortest wait the bots ever say (about 2 minutes): an open handoff nobody claimed in that
time, or in the usual wait when longer, or one the dashboard re-alerted, is overdue."""


@dataclass(frozen=True)
class QueueLoad:
    """The queue in front of a handoff: ``ahead`` open handoffs of its bot opened before it,
    ``overdue`` open handoffs of its bot nobody claimed in time (re-alerted by the dashboard, or
    waiting longer than the usual wait, and never less than ``SHORTEST_PROMISE_S``); ``busy``:
    the handoff is open and the queue is long (``LONG_QUEUE``) or overdue, so no time may be
    promised: a person joins as soon as one is free."""

    ahead: int = 0
    overdue: int = 0
    busy: bool = False


def expected_wait_s(db: Session, bot: Optional[str], sample: int = 20) -> Optional[float]:
    """The median time from opening to claiming over the bot's last ``sample`` claimed
    handoffs, in seconds; None when there is no history to tell."""
    rows = db.exec(select(Handoff.created_at, Handoff.claimed_at).where(Handoff.bot == bot,
                                                                        col(Handoff.claimed_at).is_not(None))
                   .order_by(col(Handoff.claimed_at).desc()).limit(sample)).all()
    waits = sorted((as_utc(claimed) - as_utc(created)).total_seconds() for created, claimed in rows)
    if not waits:
        return None
    return waits[len(waits) // 2]


def queue_load(db: Session, handoff: Handoff, expected_s: Optional[float]) -> QueueLoad:
    """The queue in front of ``handoff`` now (two counts over the bot's open handoffs); an empty
    one for a handoff no longer open (claimed or resolved: nobody is waiting for a person)."""
    if handoff.status != "open":
        return QueueLoad()
    open_ones = (Handoff.status == "open", Handoff.bot == handoff.bot)
    ahead = db.exec(select(func.count()).where(*open_ones, col(Handoff.id) < handoff.id)).one()
    since = utcnow() - timedelta(seconds=max(expected_s or 0.0, SHORTEST_PROMISE_S))
    overdue = db.exec(select(func.count()).where(*open_ones, col(Handoff.realerted_at).is_not(None)
                                                 | (col(Handoff.created_at) < since))).one()
    ahead, overdue = int(ahead or 0), int(overdue or 0)
    return QueueLoad(ahead, overdue, busy=overdue > 0 or ahead >= LONG_QUEUE)
