"""The handoff queue a supervisor sees: how many wait (the header's count) and in which order
(an attempt under way first, then overdue or silently claimed, then the highest crisis risk, a child's
safeguarding concern among the high ones, then the longest waiting), with each handoff's strongest screening.
A silent claim (claimed, nobody has written, the person still at risk: ``emotion.moodlog.silent_claim``) waits
for a person as an unclaimed one does. A person who comes back after a resolved handoff is offered first to the
supervisor who handled it (:func:`previous_handlers`; thirteenth exploratory reading, M7: "means at hand again after a
resolved crisis handoff" went to the general queue, unclaimed, while the person asked "is sam still there?")."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Sequence

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, func, select

from emotion.dashboard.queries import in_tenants
from emotion.moodlog.governance import Handoff
from emotion.moodlog.silent_claim import silent_claim
from emotion.moodlog.models import Turn


@dataclass(frozen=True)
class QueueSummary:
    """The handoff queue at a glance: ``waiting`` open (unclaimed) handoffs, ``newest_id`` the
    latest handoff (any status; a new one means a new crisis came in), ``oldest_at`` when the
    longest-waiting open one was opened, ``newest_reason`` the latest one's reason; ``silent`` claimed
    handoffs nobody has written in while the person is still at risk, ``silent_at`` the newest such alert
    (a later one re-alerts the team)."""

    waiting: int
    newest_id: int
    oldest_at: datetime | None
    newest_reason: str
    silent: int = 0
    silent_at: datetime | None = None
    returned_id: int = 0
    """The newest open handoff of a person who came back to the viewer, who handled their resolved one (0: none)."""


_CURRENT = aliased(Handoff, name="current")
"""The handoff asked about."""
_EARLIER = aliased(Handoff, name="earlier")
"""The same session's earlier handoffs."""
_HANDLER = aliased(Handoff, name="handler")
"""The newest of them that a person from the team handled."""


def _with_previous_handler(*columns):
    """``SELECT columns FROM current JOIN handler`` where ``handler`` is the newest resolved handoff of ``current``'s
    session before it that a person from the team claimed (a correlated subquery: one row per ``current`` at most)."""
    newest_handled = (select(func.max(_EARLIER.id))
                      .where(_EARLIER.session_id == _CURRENT.session_id, _EARLIER.status == "resolved",
                             col(_EARLIER.claimed_by).is_not(None), col(_EARLIER.id) < _CURRENT.id)
                      .correlate(_CURRENT).scalar_subquery())
    return select(*columns).select_from(_CURRENT).join(_HANDLER, col(_HANDLER.id) == newest_handled)


def previous_handlers(db: Session, handoffs: Sequence[Handoff]) -> dict[int, str]:
    """handoff id -> who handled (claimed, then resolved) the same session's handoff before it, for each of
    ``handoffs`` whose person came back after a resolved handoff with a person from the team (one query, at most one
    row per handoff given: the review of the dashboard, D1)."""
    ids = [h.id for h in handoffs if h.id is not None]
    if not ids:
        return {}
    rows = db.exec(_with_previous_handler(_CURRENT.id, _HANDLER.claimed_by).where(col(_CURRENT.id).in_(ids))).all()
    return {int(handoff_id): str(by) for handoff_id, by in rows}


def returned_to(db: Session, bots: list[str] | None, email: str) -> int:
    """The newest open handoff ``bots`` may see whose person ``email`` handled before (0: none). One aggregate query,
    one row: every page's header asks it (the review of the dashboard, D1: it loaded every open handoff per page)."""
    newest = db.exec(_with_previous_handler(func.max(_CURRENT.id))
                     .where(_CURRENT.status == "open", in_tenants(_CURRENT.bot, bots),
                            _HANDLER.claimed_by == email)).one()
    return int(newest or 0)


def queue_summary(db: Session, bots: list[str] | None, viewer: str | None = None) -> QueueSummary:
    """Two indexed queries: counts and ages of the open handoffs ``bots`` may see, and the newest one; with a
    ``viewer`` (an email), the newest open handoff returned to them (:func:`returned_to`)."""
    waiting, oldest = db.exec(select(func.count(), func.min(Handoff.created_at))
                              .where(Handoff.status == "open", in_tenants(Handoff.bot, bots))).one()
    newest = db.exec(select(Handoff.id, Handoff.reason).where(in_tenants(Handoff.bot, bots))
                     .order_by(col(Handoff.id).desc()).limit(1)).first()
    silent, silent_at = db.exec(select(func.count(), func.max(Handoff.silent_alerted_at))
                                .where(Handoff.status == "claimed", col(Handoff.silent_alerted_at).is_not(None),
                                       in_tenants(Handoff.bot, bots))).one()
    oldest, silent_at = (moment.replace(tzinfo=timezone.utc) if moment is not None and moment.tzinfo is None else moment
                         for moment in (oldest, silent_at))
    return QueueSummary(int(waiting or 0), int(newest[0]) if newest else 0, oldest, newest[1] if newest else "",
                        int(silent or 0), silent_at, returned_to(db, bots, viewer) if viewer and waiting else 0)


LEVEL_RANK = {"high": 2, "possible": 1}
SAFEGUARDING = "safeguarding"
"""``Handoff.kind`` of a child's abuse, harm at home or self-harm (the tutor sends it with the request)."""
SAFEGUARDING_RISK = 0.85
"""The risk a safeguarding concern ranks with among the high ones (its own screening when higher): above
"possible" and the high handoffs the screening is least sure of, below a plan or an attempt read at 0.85 or
more (ninth exploratory reading, M12: at 1.0 five bullying reports sorted above adults with pills tonight)."""


@dataclass(frozen=True)
class QueueRisk:
    """The strongest crisis screening among a handoff's conversation turns: ``level`` (none |
    possible | high), ``risk`` in [0, 1] and its ``category`` (None when not named); ``attempt``:
    a turn of the conversation tells of an attempt under way or just made (a dose taken, an
    injury bleeding, the edge reached now); ``safeguarding``: the handoff is a child's abuse, harm
    at home or self-harm (``Handoff.kind``), which no suicide-risk score measures."""

    level: str = "none"
    risk: float = 0.0
    category: str | None = None
    attempt: bool = False
    safeguarding: bool = False

    @property
    def rank(self) -> tuple[int, float]:
        return LEVEL_RANK.get(self.level, 0), self.risk

    @property
    def urgency(self) -> tuple[int, float]:
        """The place in the queue: the screening's rank; a safeguarding concern ranks as high risk at
        ``SAFEGUARDING_RISK`` (eighth exploratory reading, M11: "hurt or unsafe at home", screened "none
        0.30", sorted below every adult handoff)."""
        return (LEVEL_RANK["high"], max(self.risk, SAFEGUARDING_RISK)) if self.safeguarding else self.rank


def queue_risks(db: Session, handoffs: Sequence[Handoff]) -> dict[int, QueueRisk]:
    """handoff id -> the strongest screening of its session's turns (one query for all of them)."""
    sessions = {h.session_id for h in handoffs}
    peak: dict[str, QueueRisk] = {}
    if sessions:
        for session_id, crisis in db.exec(select(Turn.session_id, Turn.crisis).where(col(Turn.session_id).in_(sessions))):
            if not crisis:  # never screened (SQL NULL, or JSON null)
                continue
            seen = QueueRisk(str(crisis.get("level") or "none"), float(crisis.get("risk") or 0.0), crisis.get("category"),
                             bool(crisis.get("attempt")))
            before = peak.get(session_id, QueueRisk())
            if seen.rank > before.rank:
                peak[session_id] = replace(seen, attempt=seen.attempt or before.attempt)
            elif seen.attempt and not before.attempt:
                peak[session_id] = replace(before, attempt=True)
    return {h.id: replace(peak.get(h.session_id, QueueRisk()), safeguarding=h.kind == SAFEGUARDING) for h in handoffs}


def queue_order(handoffs: Sequence[Handoff], risks: dict[int, QueueRisk]) -> list[Handoff]:
    """Unclaimed and silently claimed (twelfth exploratory reading, H5) before claimed; among them an attempt under
    way first (seventh exploratory reading, H7: "i took 30 paracetamol an hour ago" sorted below an ideation sentence
    scored higher), then overdue (re-alerted) and silent claims, then the highest crisis level and risk, a child's
    safeguarding concern among the high ones (``QueueRisk.urgency``), then the longest waiting."""
    def key(h: Handoff):
        level, risk = risks[h.id].urgency
        silent = silent_claim(h)
        overdue = silent or (h.status == "open" and h.realerted_at is not None)
        return h.status != "open" and not silent, not risks[h.id].attempt, not overdue, -level, -risk, h.created_at
    return sorted(handoffs, key=key)
