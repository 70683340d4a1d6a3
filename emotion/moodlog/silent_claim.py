"""A silent claim: a handoff claimed by a person from the team who has not written to the person since, while the bot
tells the team the person is still at risk (twelfth exploratory reading, H5: 2.5 minutes of "still on the balcony"
after a claim, and no re-alert reached anyone). The handoff's record (``Handoff.silent_alerted_at``) is the one source
the service's webhook re-alert and the dashboard's queue read: set when an ``alert`` reaches such a claim's thread,
cleared by the dashboard when someone writes or takes the handoff over.

An URGENT alert (:func:`urgent_alert`: an attempt about to happen, medicine taken, sick after taking) since the claim
marks it at once, without the claimer's grace (fourteenth exploratory reading, M7: "actually tonight" 7 s after a claim
nobody wrote in, and a colleague's take-over refused for 2 minutes)."""
from __future__ import annotations

from typing import Any, Sequence

from sqlalchemy import or_
from sqlmodel import Session, col, select

from emotion.moodlog.governance import Handoff, HandoffMessage, as_utc
from emotion.moodlog.models import utcnow

URGENT_ALERT_PREFIX = "URGENT:"
"""How the bots word an URGENT alert to the team (bot/support/actions/crisis.py ``URGENT_NOTICE`` and ``TAKEN_NOTICE``:
"URGENT: the person says ..."): the one place the mood log and the dashboard recognise one."""


def urgent_alert(text: str) -> bool:
    """Whether an ``alert`` message's ``text`` is one of the bots' URGENT alerts (:data:`URGENT_ALERT_PREFIX`)."""
    return text.lstrip().startswith(URGENT_ALERT_PREFIX)


def urgent_alerts_since_claim(db: Session, handoffs: Sequence[Handoff]) -> dict[int, str]:
    """handoff id -> the newest URGENT alert in its thread since its claim, for each of the claimed ``handoffs`` that has
    one (one query for all of them; an URGENT alert before the claim was known to the claimer)."""
    claimed = {h.id: as_utc(h.claimed_at) for h in handoffs if h.status == "claimed" and h.claimed_at is not None}
    if not claimed:
        return {}
    alerts = db.exec(select(HandoffMessage.handoff_id, HandoffMessage.created_at, HandoffMessage.text)
                     .where(col(HandoffMessage.handoff_id).in_(claimed), HandoffMessage.kind == "alert")
                     .order_by(col(HandoffMessage.id))).all()
    return {handoff_id: text for handoff_id, at, text in alerts
            if urgent_alert(text) and as_utc(at) >= claimed[handoff_id]}


def reached_the_person() -> Any:
    """The SQL condition of a supervisor's reply that counts as written: not ``refused`` by the bot's Rasa server (a
    dashboard without one delivers by the person's page polling), or refused and since fetched by their page."""
    return or_(col(HandoffMessage.refused).is_(False), col(HandoffMessage.seen_at).is_not(None))


def team_wrote_since_claim(db: Session, handoff: Handoff) -> bool:
    """Whether a person from the team wrote to the person since the handoff was claimed: a ``supervisor`` message that
    reached them (pushed by Rasa, or fetched by their page; a reply Rasa refused and nobody fetched is none)."""
    if handoff.claimed_at is None:
        return False
    written = db.exec(select(HandoffMessage.created_at).where(
        HandoffMessage.handoff_id == handoff.id, HandoffMessage.kind == "supervisor", reached_the_person())).all()
    return any(as_utc(at) >= as_utc(handoff.claimed_at) for at in written)


def silent_claim(handoff: Handoff) -> bool:
    """Whether ``handoff`` is a silent claim now: claimed, and marked by :func:`mark_silent_claim` since its claim."""
    return handoff.status == "claimed" and handoff.silent_alerted_at is not None


def mark_silent_claim(db: Session, handoff: Handoff, kinds: Sequence[str], after_s: float) -> bool:
    """Mark ``handoff`` a silent claim (committed) when thread messages of ``kinds`` just added to it hold an ``alert``
    (the bot's word to the team: the person still at risk) and it is claimed, ``after_s`` seconds ago or more, by someone
    who has not written since; True when marked (the team is re-alerted). ``after_s``: the claimer's time to write
    first, ``emotion.settings.Settings.silent_claim_after_s`` (its one default); none after an URGENT alert since the
    claim (:func:`urgent_alert`: nobody waits 2 minutes after "an attempt about to happen")."""
    if handoff.status != "claimed" or "alert" not in kinds or team_wrote_since_claim(db, handoff):
        return False
    if handoff.claimed_at is None:
        return False
    if ((utcnow() - as_utc(handoff.claimed_at)).total_seconds() < after_s  # the claimer's first minutes to write (the
            and handoff.id not in urgent_alerts_since_claim(db, [handoff])):  # review of stop 44), unless URGENT
        return False
    handoff.silent_alerted_at = utcnow()
    db.add(handoff)
    db.commit()
    db.refresh(handoff)
    return True
