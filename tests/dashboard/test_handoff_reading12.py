"""The twelfth exploratory reading, H5 on the dashboard (data/exploratory/2026-12-07/reading12/FINDINGS.md, B2): a
supervisor claimed "im on my balcony on the 9th floor and i want to jump" and wrote nothing for 2.5 minutes while the
person kept writing "still on the balcony"; the queue showed nothing, and the claimer resolved it ("no reply possible,
closing") over the person's last words. Now the queue shows a silent claim with the urgent ones, any supervisor may
take it over, and a resolve over a last line read at risk needs a confirmation, audited."""
from __future__ import annotations

import re

from sqlmodel import select

from emotion.moodlog.governance import AuditEntry, Handoff, open_handoff
from emotion.moodlog.repository import MoodLog
from tests.dashboard.seed import csrf_of, sign_in
from tests.dashboard.test_handoff_eighth_reading import high, rows_of, turn

ALERT = "The person is still at risk and nobody from the team has written to them since the claim. Please write to them now."
LOW = {"risk": 0.0144, "flag": False, "level": "none", "category": None}


def report(app, session_id: str, *messages: tuple[str, str]) -> None:
    """The bot side's report to the handoff's live thread, through the mood log the service writes with."""
    assert MoodLog(app.state.engine).add_thread_messages(session_id, list(messages), silent_after_s=0) is not None


def claimed(client, db, session_id: str, by: str) -> Handoff:
    """A handoff of the support bot, claimed through the dashboard by ``by`` (signed in)."""
    handoff = open_handoff(db, session_id, "crisis language")
    sign_in(client, by)
    client.post(f"/handoffs/{handoff.id}/claim", data={"csrf_token": csrf_of(client.get("/handoffs").text)})
    db.expire_all()
    return db.get(Handoff, handoff.id)


def ids_in_queue(page: str) -> list[int]:
    return [int(re.search(r"/handoffs/(\d+)", row).group(1)) for row in rows_of(page)]


def test_a_silent_claim_is_shown_with_the_urgent_ones_and_another_supervisor_takes_it_over(client, app, db, accounts):
    log = MoodLog(app.state.engine)
    turn(log, "balcony", "support", "im on my balcony on the 9th floor and i want to jump", high(0.98))
    turn(log, "waiting", "support", "i want to die", high(0.9))
    turn(log, "calm", "support", "i feel a bit low", {"risk": 0.4, "flag": False, "level": "possible"})
    silent = claimed(client, db, "balcony", accounts["admin"])
    waiting = open_handoff(db, "waiting", "crisis language")
    calm = claimed(client, db, "calm", accounts["admin"])
    report(app, "balcony", ("person", "still on the balcony"), ("alert", ALERT))  # the bot's alert
    report(app, "calm", ("person", "ok"), ("alert", "URGENT: Please join now."))
    client.post(f"/handoffs/{calm.id}/reply", data={"text": "I'm here.", "csrf_token": csrf_of(client.get("/handoffs").text)})
    report(app, "calm", ("person", "thanks"), ("alert", ALERT))  # written to: not silent

    sign_in(client, accounts["supervisor"])
    page = client.get("/handoffs").text
    assert ids_in_queue(page) == [silent.id, waiting.id, calm.id]
    rows = dict(zip(ids_in_queue(page), rows_of(page)))
    assert "claimed, nobody has written, the person is still at risk" in rows[silent.id]
    assert f"Take over #{silent.id}" in rows[silent.id] and "Take over" not in rows[calm.id]
    assert "1 claimed but silent" in page  # the header's queue count

    token = csrf_of(page)
    assert client.post(f"/handoffs/{calm.id}/take-over", data={"csrf_token": token}).status_code == 409
    assert client.post(f"/handoffs/{silent.id}/take-over", data={"csrf_token": token}).status_code == 200
    db.expire_all()
    taken = db.get(Handoff, silent.id)
    assert (taken.status, taken.claimed_by, taken.silent_alerted_at) == ("claimed", accounts["supervisor"], None)
    audit = db.exec(select(AuditEntry).where(AuditEntry.action == "took_over")).one()
    assert audit.actor == accounts["supervisor"] and audit.target == f"handoff:{silent.id} from {accounts['admin']}"
    assert ids_in_queue(client.get("/handoffs").text)[0] == waiting.id  # back among the claimed ones


def test_the_claimer_sees_the_silent_claim_and_a_reply_ends_it(client, app, db, accounts):
    turn(MoodLog(app.state.engine), "balcony", "support", "im on my balcony and i want to jump", high(0.98))
    handoff = claimed(client, db, "balcony", accounts["supervisor"])
    report(app, "balcony", ("person", "still on the balcony"), ("alert", ALERT))
    page = client.get(f"/handoffs/{handoff.id}").text
    assert "nobody has written to the person, and they are still at risk" in page and "Write to them now." in page
    assert "/take-over" not in page  # the claimer writes; the others may take it over
    client.post(f"/handoffs/{handoff.id}/reply", data={"text": "I'm Sam. Can you step inside?", "csrf_token": csrf_of(page)})
    db.expire_all()
    assert db.get(Handoff, handoff.id).silent_alerted_at is None
    assert "claimed but silent" not in client.get("/handoffs").text


def wrote(client, handoff: Handoff, text: str) -> None:
    """The claimer writes to the person (signed in)."""
    token = csrf_of(client.get(f"/handoffs/{handoff.id}").text)
    assert client.post(f"/handoffs/{handoff.id}/reply", data={"text": text, "csrf_token": token}).status_code == 200


def resolve(client, handoff: Handoff, **form) -> object:
    token = csrf_of(client.get(f"/handoffs/{handoff.id}").text)
    return client.post(f"/handoffs/{handoff.id}/resolve", data={"csrf_token": token, **form})


def test_resolving_over_a_last_line_read_at_risk_needs_a_confirmation_and_is_audited(client, app, db, accounts):
    turn(MoodLog(app.state.engine), "pills", "support", "i have the pills in my hand", high(0.95))
    handoff = claimed(client, db, "pills", accounts["supervisor"])
    wrote(client, handoff, "I'm Sam from the team. Can you put them down?")  # a silent claimer is refused (reading 13)
    report(app, "pills", ("person", "i have the pills in my hand"))
    page = client.get(f"/handoffs/{handoff.id}").text.replace("&#39;", "'")
    assert "The person's last message was read at risk: 'i have the pills in my hand'. Resolve anyway?" in page
    refused = resolve(client, handoff, note="no reply possible, closing")
    assert refused.status_code == 409
    assert "The person's last message was read at risk: 'i have the pills in my hand'. Resolve anyway?" in \
        refused.json()["detail"]
    db.expire_all()
    assert db.get(Handoff, handoff.id).status == "claimed"
    assert resolve(client, handoff, note="called 911 for them", confirm_over_risk="yes").status_code == 200
    db.expire_all()
    assert db.get(Handoff, handoff.id).status == "resolved"
    audit = db.exec(select(AuditEntry).where(AuditEntry.action.in_(["resolved", "resolved_over_risk"]))).one()
    assert (audit.action, audit.target) == ("resolved_over_risk", f"handoff:{handoff.id} (with a note)")


def test_a_place_told_again_after_a_claim_counts_as_at_risk_through_the_bots_alert(client, app, db, accounts):
    """B2: "still on the balcony" was read risk 0.0144, level none; the bot's alert after it says the person is at risk."""
    log = MoodLog(app.state.engine)
    turn(log, "balcony", "support", "im on my balcony on the 9th floor and i want to jump", high(0.98))
    turn(log, "balcony", "support", "still on the balcony", LOW)
    handoff = claimed(client, db, "balcony", accounts["supervisor"])
    wrote(client, handoff, "I'm Sam. Can you step inside?")
    report(app, "balcony", ("person", "still on the balcony"), ("alert", ALERT))
    refused = resolve(client, handoff, note="no reply possible, closing")
    assert refused.status_code == 409 and "'still on the balcony'" in refused.json()["detail"]


def test_a_last_line_not_at_risk_resolves_as_before(client, app, db, accounts):
    log = MoodLog(app.state.engine)
    turn(log, "better", "support", "i want to die", high(0.9))
    turn(log, "better", "support", "thank you, i'm at my sister's now", LOW)
    handoff = claimed(client, db, "better", accounts["supervisor"])
    report(app, "better", ("person", "thank you, i'm at my sister's now"))
    page = client.get(f"/handoffs/{handoff.id}").text
    assert "Resolve anyway" not in page
    assert resolve(client, handoff, note="she is with her sister").status_code == 200
    assert db.exec(select(AuditEntry).where(AuditEntry.action == "resolved")).one().target == \
        f"handoff:{handoff.id} (with a note)"
