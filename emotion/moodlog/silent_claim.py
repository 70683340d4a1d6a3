"""A silent claim: a handoff claimed by a person from the team who has not written to the person since, while the bot
tells the team the person is still at risk (twelfth exploratory reading, H5: 2.5 minutes of "still on the balcony"
after a claim, and no re-alert reached anyone). The handoff's record (``Handoff.silent_alerted_at``) is the one source
the service's webhook re-alert and the dashboard's queue read: set when an ``alert`` reaches such a claim's thread,
cleared by the dashboard when someone writes or takes the handoff over."""
from __future__ import annotations

from typing import Sequence

from sqlmodel import Session, select

from emotion.moodlog.governance import Handoff, HandoffMessage, as_utc, reached_the_person
from emotion.moodlog.models import utcnow


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
    first, ``emotion.settings.Settings.silent_claim_after_s`` (its one default)."""
    if handoff.status != "claimed" or "alert" not in kinds or team_wrote_since_claim(db, handoff):
        return False
    if handoff.claimed_at is None or (utcnow() - as_utc(handoff.claimed_at)).total_seconds() < after_s:
        return False  # the claimer's first minutes to write (the review of stop 44: an URGENT alert 5 s after a claim)
    handoff.silent_alerted_at = utcnow()
    db.add(handoff)
    db.commit()
    db.refresh(handoff)
    return True
