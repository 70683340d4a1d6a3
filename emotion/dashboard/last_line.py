"""The person's newest line in a handoff and whether it was read at risk: resolving over it needs a confirmation
(twelfth exploratory reading, H5: a claimer closed "no reply possible, closing" while the person's last words were
"still on the balcony"); and whether the person is at risk while nobody from the team has written to them, which only
an admin with a reason may resolve (thirteenth reading, H6: a silent claimer resolved "Ich spring gleich" with a tick).

A line is at risk by its OWN screening (``Turn.crisis``): its own flag (``turn_flag``; ``flag`` where only that is kept),
an attempt told, or its own ``risk`` at or above the possible threshold. The stored ``level`` is the conversation's and
stays "possible" for every line after a crisis (thirteenth reading, M5: "ok i will. bye", risk 0.0086, asked for
"Resolve anyway"), so it is not read here. A line is at risk too when the bot told the team after it (an ``alert`` in
the thread after the person's newest line: a place of danger told again, "still on the balcony", read 0.01 by the
models; an attempt announced, "Ich spring gleich", read 0.17)."""
from __future__ import annotations

from sqlmodel import Session, col, select

from emotion.moodlog.governance import Handoff, HandoffMessage
from emotion.moodlog.silent_claim import reached_the_person
from emotion.moodlog.models import Turn

QUOTED_CHARS = 200
"""The most characters of the person's line quoted in the warning."""
AT_RISK_FROM = 0.37
"""A line's own risk (0..1) from which it reads at risk: the crisis detector's "possible" threshold (its checkpoint's
``thresholds.possible``); the dashboard's setting ``handoff_at_risk_from`` overrides it."""


def read_at_risk(crisis: dict | None, at_risk_from: float = AT_RISK_FROM) -> bool:
    """Whether a turn's stored crisis screening reads the line itself at risk (see the module)."""
    if not crisis:
        return False
    own_flag = crisis.get("turn_flag", crisis.get("flag"))
    return bool(own_flag) or bool(crisis.get("attempt")) or float(crisis.get("risk") or 0.0) >= at_risk_from


def quoted(text: str) -> str:
    """``text`` on one line, at most ``QUOTED_CHARS`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= QUOTED_CHARS else text[:QUOTED_CHARS - 1] + "…"


def last_line_at_risk(db: Session, handoff: Handoff, at_risk_from: float = AT_RISK_FROM) -> str | None:
    """The person's newest line (quoted, ``quoted``) when it was read at risk (see the module); None when it was not,
    or the person wrote nothing the mood log screened."""
    turn = db.exec(select(Turn).where(Turn.session_id == handoff.session_id, col(Turn.crisis).is_not(None))
                   .order_by(col(Turn.turn_index).desc()).limit(1)).first()
    said = db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff.id, HandoffMessage.kind == "person")
                   .order_by(col(HandoffMessage.id).desc()).limit(1)).first()
    alerted = said is not None and db.exec(select(HandoffMessage.id).where(
        HandoffMessage.handoff_id == handoff.id, HandoffMessage.kind == "alert",
        col(HandoffMessage.id) > said.id).limit(1)).first() is not None
    if not alerted and not (turn is not None and read_at_risk(turn.crisis, at_risk_from)):
        return None
    text = said.text if said is not None else (turn.text if turn is not None else None)
    return quoted(text) if text else "(its words are not kept)"


def team_wrote(db: Session, handoff: Handoff) -> bool:
    """Whether anyone from the team wrote to the person in this handoff: a ``supervisor`` message that reached them
    (pushed by Rasa, or fetched by their page: a reply Rasa refused and nobody fetched is no writing)."""
    return db.exec(select(HandoffMessage.id).where(
        HandoffMessage.handoff_id == handoff.id, HandoffMessage.kind == "supervisor", reached_the_person()).limit(1)).first() \
        is not None


def unwritten_at_risk(db: Session, handoff: Handoff, at_risk_from: float = AT_RISK_FROM) -> bool:
    """Whether nobody from the team has written to the person while they are at risk: their newest line read at risk
    (:func:`last_line_at_risk`), or the bot told the team in this handoff's thread that they are (an ``alert``: an
    attempt announced, a silent claim re-alerted), or an attempt under way or just made was read in the conversation
    ("i took 30 paracetamol", then silence)."""
    if team_wrote(db, handoff):
        return False
    alerted = db.exec(select(HandoffMessage.id).where(HandoffMessage.handoff_id == handoff.id,
                                                      HandoffMessage.kind == "alert").limit(1)).first() is not None
    if alerted or handoff.silent_alerted_at is not None or last_line_at_risk(db, handoff, at_risk_from) is not None:
        return True
    readings = db.exec(select(Turn.crisis).where(Turn.session_id == handoff.session_id)).all()
    return any(bool(crisis.get("attempt")) for crisis in readings if crisis)
