"""The eighth exploratory reading, handoff findings on the dashboard: a child's safeguarding alert
ranked with the high-risk handoffs and saying why (M11), and a refused message's words on the session
page once the channel sent them again readable (M9)."""
from __future__ import annotations

import re
from datetime import timedelta

from emotion.moodlog.governance import open_handoff
from emotion.moodlog.models import utcnow
from emotion.moodlog.repository import MoodLog, TurnToLog
from tests.dashboard.seed import sign_in


def turn(log: MoodLog, session_id: str, bot: str, text: str, crisis: dict | None, status: str = "unanalysed",
         error_code: str | None = None, client_turn_id: str | None = None) -> None:
    log.append_turn(TurnToLog(session_id=session_id, speaker_id=session_id, bot=bot, user_id=session_id, text=text,
                              text_chars=len(text or ""), status=status, error_code=error_code, modalities={},
                              crisis=crisis, client_turn_id=client_turn_id))


def high(risk: float) -> dict:
    return {"risk": risk, "flag": True, "level": "high", "category": "plan"}


def rows_of(page: str) -> list[str]:
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S).group(1)
    return re.findall(r"<tr>(.*?)</tr>", body, re.S)


def test_a_childs_safeguarding_alert_sorts_among_the_high_risk_handoffs_and_says_why(client, app, db, accounts) -> None:
    """d_supervisor_log: "# 24 | tutor | a student wrote about being hurt or unsafe at home | none 0.30", below
    every adult handoff."""
    log = MoodLog(app.state.engine)
    turn(log, "adult-1", "support", "i have the pills", high(0.99))
    turn(log, "adult-2", "support", "i want to die", high(0.83))
    turn(log, "adult-3", "support", "i feel low", {"risk": 0.4, "flag": False, "level": "possible", "category": None})
    turn(log, "child", "tutor", "my dad hits me and i'm scared to go home", {"risk": 0.30, "flag": False, "level": "none"})
    turn(log, "child-maths", "tutor", "i asked for a teacher", {"risk": 0.02, "flag": False, "level": "none"})
    handoffs = {s: open_handoff(db, s, "crisis") for s in ("adult-1", "adult-2", "adult-3")}
    handoffs["child"] = open_handoff(db, "child", "a student wrote about being hurt or unsafe at home", "safeguarding")
    handoffs["child-maths"] = open_handoff(db, "child-maths", "a student asked for a person")
    sign_in(client, accounts["admin"])
    rows = rows_of(client.get("/handoffs").text)
    order = [re.search(r"/handoffs/(\d+)", row).group(1) for row in rows]
    ids = {s: str(h.id) for s, h in handoffs.items()}
    # the child's concern among the high ones: below a plan read at 0.99 (ninth reading, M12: five bullying
    # reports sorted above adults with pills tonight), above the high one read at 0.83 and every "possible"
    assert order == [ids["adult-1"], ids["child"], ids["adult-2"], ids["adult-3"], ids["child-maths"]], order
    child = rows[order.index(ids["child"])]
    assert "safeguarding: a child's safety" in child.replace("&#39;", "'") and "none 0.30" in child
    assert "safeguarding" not in rows[order.index(ids["child-maths"])]
    page = client.get(f"/handoffs/{handoffs['child'].id}").text.replace("&#39;", "'")
    assert "safeguarding: a child's safety" in page


def test_an_attempt_under_way_and_overdue_handoffs_still_come_first(client, app, db, accounts) -> None:
    log = MoodLog(app.state.engine)
    turn(log, "attempt", "support", "i took 30 paracetamol an hour ago", {**high(0.9), "attempt": True})
    turn(log, "overdue", "support", "i want to die", high(0.83))
    turn(log, "child", "tutor", "i cut myself yesterday", {"risk": 0.3, "flag": False, "level": "none"})
    attempt, overdue = open_handoff(db, "attempt", "crisis"), open_handoff(db, "overdue", "crisis")
    child = open_handoff(db, "child", "a student said they hurt themselves recently", "safeguarding")
    overdue.realerted_at = utcnow() - timedelta(seconds=10)
    db.add(overdue)
    db.commit()
    sign_in(client, accounts["admin"])
    order = [re.search(r"/handoffs/(\d+)", row).group(1) for row in rows_of(client.get("/handoffs").text)]
    assert order == [str(attempt.id), str(overdue.id), str(child.id)], order


def test_a_refused_message_sent_again_readable_shows_its_words_on_the_session_page(client, app, db, accounts) -> None:
    """e10: "rejected (text_too_long) | 0.99 high (plan) | #33 | withheld" with text consent in force."""
    log = MoodLog(app.state.engine)
    turn(log, "e10", "support", None, high(0.99), status="rejected", error_code="text_too_long", client_turn_id="t1")
    readable = "Today I cleaned the kitchen.\n[... 21,000 characters left out here: the message had 25,056 characters ...]\n" \
               "I have the pills ready and I will take them all tonight."
    turn(log, "e10", "support", readable, high(0.99), client_turn_id="t1")  # the channel's readable copy
    open_handoff(db, "e10", "crisis")
    sign_in(client, accounts["admin"])
    page = client.get("/sessions/e10").text
    assert "I have the pills ready and I will take them all tonight." in page and "characters left out here" in page
    assert "rejected" not in page


def test_a_resolve_the_bot_could_not_be_told_of_says_so_in_the_thread(app, db) -> None:
    """Ninth exploratory reading, M15: with the support bot down, a resolve returned the resolved page with no
    word that the person had not been told."""
    from sqlmodel import select

    from emotion.dashboard import handoffs as ops
    from emotion.moodlog.governance import HandoffMessage

    log = MoodLog(app.state.engine)
    for session in ("down-1", "down-2"):
        turn(log, session, "support", "i have the pills", high(0.99))
    handoff = open_handoff(db, "down-1", "crisis")
    ops.claim(db, handoff, "sam@example.org")
    # the last line was read at risk: the resolve is confirmed (twelfth reading, H5), and nobody wrote to a person at
    # risk: an admin's, with a note (thirteenth reading, H6)
    assert ops.resolve(db, handoff, "sam@example.org", "http://127.0.0.1:9", note="reached by phone", over_risk=True,
                       admin=True) is False
    notes = [m.text for m in db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff.id)).all()]
    assert notes == ["reached by phone", ops.NOT_TOLD]
    told = open_handoff(db, "down-2", "crisis")  # no Rasa URL configured: nothing to say
    ops.claim(db, told, "sam@example.org")
    ops.resolve(db, told, "sam@example.org", None, note="reached by phone", over_risk=True, admin=True)
    assert [m.text for m in db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == told.id)).all()] == [
        "reached by phone"]
