"""The person's newest line in a handoff and whether it was read at risk: resolving over it needs a confirmation
(twelfth exploratory reading, H5: a claimer closed "no reply possible, closing" while the person's last words were
"still on the balcony").

A line is at risk when the crisis screening of the session's newest screened turn flagged it or read its level as
possible or high (``Turn.crisis``), or when the bot told the team after it (an ``alert`` in the thread after the
person's newest line: a place of danger told again, "still on the balcony", read 0.01 by the models)."""
from __future__ import annotations

from sqlmodel import Session, col, select

from emotion.moodlog.governance import Handoff, HandoffMessage
from emotion.moodlog.models import Turn

QUOTED_CHARS = 200
"""The most characters of the person's line quoted in the warning."""


def read_at_risk(crisis: dict | None) -> bool:
    """Whether a turn's stored crisis screening reads it at risk: its flag, or a level of possible or high."""
    return bool(crisis) and (bool(crisis.get("flag")) or crisis.get("level") in ("possible", "high"))


def quoted(text: str) -> str:
    """``text`` on one line, at most ``QUOTED_CHARS`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= QUOTED_CHARS else text[:QUOTED_CHARS - 1] + "…"


def last_line_at_risk(db: Session, handoff: Handoff) -> str | None:
    """The person's newest line (quoted, ``quoted``) when it was read at risk (see the module); None when it was not,
    or the person wrote nothing the mood log screened."""
    turn = db.exec(select(Turn).where(Turn.session_id == handoff.session_id, col(Turn.crisis).is_not(None))
                   .order_by(col(Turn.turn_index).desc()).limit(1)).first()
    said = db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff.id, HandoffMessage.kind == "person")
                   .order_by(col(HandoffMessage.id).desc()).limit(1)).first()
    alerted = said is not None and db.exec(select(HandoffMessage.id).where(
        HandoffMessage.handoff_id == handoff.id, HandoffMessage.kind == "alert",
        col(HandoffMessage.id) > said.id).limit(1)).first() is not None
    if not alerted and not (turn is not None and read_at_risk(turn.crisis)):
        return None
    text = said.text if said is not None else (turn.text if turn is not None else None)
    return quoted(text) if text else "(its words are not kept)"
