"""The thirteenth exploratory reading on the dashboard (/work/helper_explore13/FINDINGS.md):

- H6 (D2): a supervisor claimed "Ich will nicht mehr leben. Ich stehe auf dem Dach", never wrote, and resolved it with
  a tick after "Ich spring gleich" (read 0.17, the bot's URGENT alert after it). Now a person at risk to whom nobody
  has written is not resolved by a supervisor (409: write first, or hand it over); an admin may, with a note, audited.
- M5 (D4, D1): "ok i will. bye" (own risk 0.0086, the conversation's level still "possible") asked for "Resolve
  anyway". Now the check reads the line's own screening; an alert after it still counts.
- M7 (D4): after Sam resolved, "actually i'm back. i took the knife out again" opened a new handoff that went to the
  general queue, unclaimed. Now it is offered first to Sam (the queue's "returned: previously handled by", the live
  queue event's ``returned_id``), and anyone else may still claim it."""
from __future__ import annotations

from sqlmodel import select

from emotion.dashboard.queue import queue_summary
from emotion.moodlog.governance import AuditEntry, Handoff, open_handoff
from emotion.moodlog.repository import MoodLog
from tests.dashboard.seed import csrf_of, sign_in
from tests.dashboard.test_handoff_eighth_reading import high, rows_of, turn
from tests.dashboard.test_handoff_reading12 import claimed, ids_in_queue, report, resolve, wrote

ROOF = "Ich will nicht mehr leben. Ich stehe auf dem Dach von meinem Wohnhaus."
JUMP = "Ich spring gleich."
URGENT = "URGENT: the person says an attempt is about to happen (a jump, a train, a time after a means). Please join now."
# D2's reading of "Ich spring gleich": own risk 0.17, the conversation's level possible
JUMP_READ = {"risk": 0.1683, "flag": False, "turn_flag": False, "level": "possible", "category": "passive_death_wish"}
# D4's reading of "ok i will. bye": own risk 0.0086, the conversation's level still possible
BYE_READ = {"risk": 0.0086, "flag": False, "turn_flag": False, "level": "possible", "category": None}


def on_the_roof(client, app, db, by: str) -> Handoff:
    """D2: the roof, a claim by ``by`` who never writes, "Ich spring gleich" and the bot's URGENT alert."""
    log = MoodLog(app.state.engine)
    turn(log, "roof", "support", ROOF, high(0.9968))
    handoff = claimed(client, db, "roof", by)
    turn(log, "roof", "support", JUMP, JUMP_READ)
    report(app, "roof", ("person", JUMP), ("alert", URGENT))
    return handoff


def test_a_silent_claimer_cannot_resolve_a_person_who_announced_an_attempt(client, app, db, accounts):
    handoff = on_the_roof(client, app, db, accounts["supervisor"])
    page = client.get(f"/handoffs/{handoff.id}").text
    assert "write to them first, or hand it over to a colleague" in page and "Mark resolved" not in page
    refused = resolve(client, handoff, note="war wohl ein Test", confirm_over_risk="yes")
    assert refused.status_code == 409 and "Write to them first, or hand it over" in refused.json()["detail"]
    db.expire_all()
    assert db.get(Handoff, handoff.id).status == "claimed"
    assert not db.exec(select(AuditEntry).where(AuditEntry.action.like("resolved%"))).all()


def test_a_blank_reply_is_refused_and_does_not_count_as_written(client, app, db, accounts):
    """The review of stop 44: a reply of " " was stored as written, and the silent claimer could then resolve."""
    handoff = on_the_roof(client, app, db, accounts["supervisor"])
    token = csrf_of(client.get(f"/handoffs/{handoff.id}").text)
    assert client.post(f"/handoffs/{handoff.id}/reply", data={"text": "   ", "csrf_token": token}).status_code == 422
    refused = resolve(client, handoff, note="war wohl ein Test", confirm_over_risk="yes")
    assert refused.status_code == 409


def test_once_the_claimer_has_written_resolve_anyway_is_theirs_again(client, app, db, accounts):
    handoff = on_the_roof(client, app, db, accounts["supervisor"])
    wrote(client, handoff, "Ich bin Sam aus dem Team. Bitte geh einen Schritt zurück.")
    report(app, "roof", ("person", JUMP), ("alert", URGENT))
    assert resolve(client, handoff, note="").status_code == 409  # the alert after the line: confirm it
    assert resolve(client, handoff, confirm_over_risk="yes").status_code == 200
    audit = db.exec(select(AuditEntry).where(AuditEntry.action.like("resolved%"))).one()
    assert audit.action == "resolved_over_risk"


def test_an_admin_resolves_a_person_at_risk_nobody_wrote_to_only_with_a_reason_audited(client, app, db, accounts):
    handoff = on_the_roof(client, app, db, accounts["admin"])
    page = client.get(f"/handoffs/{handoff.id}").text
    assert "As an admin you may resolve it without writing" in page and "Mark resolved" in page
    assert resolve(client, handoff, confirm_over_risk="yes").status_code == 422  # no reason
    assert resolve(client, handoff, note="Polizei und Rettungsdienst sind bei ihr", confirm_over_risk="yes").status_code == 200
    db.expire_all()
    assert db.get(Handoff, handoff.id).status == "resolved"
    audit = db.exec(select(AuditEntry).where(AuditEntry.action.like("resolved%"))).one()
    assert (audit.action, audit.actor, audit.target) == (
        "resolved_unwritten_at_risk", accounts["admin"], f"handoff:{handoff.id} (with a note)")


def test_a_silent_claim_re_alerted_counts_as_at_risk_whatever_the_last_line(client, app, db, accounts):
    """The bot's alert on a silent claim (the person still at risk) came before a calm last line."""
    log = MoodLog(app.state.engine)
    turn(log, "pills", "support", "i have the pills in my hand", high(0.95))
    handoff = claimed(client, db, "pills", accounts["supervisor"])
    report(app, "pills", ("person", "hello?"), ("alert", URGENT))
    turn(log, "pills", "support", "ok", BYE_READ)
    report(app, "pills", ("person", "ok"))
    assert resolve(client, handoff, note="no answer", confirm_over_risk="yes").status_code == 409


def test_a_calm_goodbye_after_a_crisis_resolves_without_resolve_anyway(client, app, db, accounts):
    """D4: the conversation's level stays possible; the goodbye's own reading is 0.0086."""
    log = MoodLog(app.state.engine)
    turn(log, "knife", "support", "i have a knife and i want to use it", high(0.97))
    handoff = claimed(client, db, "knife", accounts["supervisor"])
    wrote(client, handoff, "Hi, I'm Sam. Can you put the knife in another room and call 999 or Samaritans on 116 123?")
    turn(log, "knife", "support", "ok i will. bye", BYE_READ)
    report(app, "knife", ("person", "ok i will. bye"))
    page = client.get(f"/handoffs/{handoff.id}").text
    assert "Resolve anyway" not in page
    assert resolve(client, handoff).status_code == 200
    assert db.exec(select(AuditEntry).where(AuditEntry.action.like("resolved%"))).one().action == "resolved"


def test_a_line_whose_own_risk_reads_possible_still_needs_resolve_anyway(client, app, db, accounts):
    log = MoodLog(app.state.engine)
    turn(log, "edge", "support", "i want to die", high(0.9))
    handoff = claimed(client, db, "edge", accounts["supervisor"])
    wrote(client, handoff, "I'm Sam. Are you safe right now?")
    turn(log, "edge", "support", "i dont know anymore", {"risk": 0.6, "flag": False, "turn_flag": False,
                                                        "level": "possible", "category": "intent"})
    report(app, "edge", ("person", "i dont know anymore"))
    refused = resolve(client, handoff)
    assert refused.status_code == 409 and "'i dont know anymore'" in refused.json()["detail"]


def test_a_person_who_comes_back_after_a_resolve_is_offered_first_to_who_handled_it(client, app, db, accounts):
    log = MoodLog(app.state.engine)
    sam, admin = accounts["supervisor"], accounts["admin"]
    turn(log, "knife", "support", "i have a knife and i want to use it", high(0.97))
    first = claimed(client, db, "knife", sam)
    wrote(client, first, "Hi, I'm Sam. Can you put the knife in another room?")
    turn(log, "knife", "support", "ok i will. bye", BYE_READ)
    report(app, "knife", ("person", "ok i will. bye"))
    assert resolve(client, first).status_code == 200
    turn(log, "stranger", "support", "i want to die", high(0.9))
    other = open_handoff(db, "stranger", "crisis language")
    turn(log, "knife", "support", "actually i'm back. i took the knife out again", high(0.95))
    back = open_handoff(db, "knife", "means at hand again after a resolved crisis handoff")

    assert queue_summary(db, ["support"], sam).returned_id == back.id  # the live queue event tells Sam
    assert queue_summary(db, None, admin).returned_id == 0
    page = client.get("/handoffs").text
    rows = dict(zip(ids_in_queue(page), rows_of(page)))
    assert f"returned: previously handled by {sam} (you)" in rows[back.id] and "returned" not in rows[other.id]
    assert f'data-returned="{back.id}"' in page
    assert f"previously handled by {sam} (you)" in client.get(f"/handoffs/{back.id}").text

    sign_in(client, admin)  # not blocked: anyone may claim it
    page = client.get("/handoffs").text
    assert f"returned: previously handled by {sam}</strong>" in page and 'data-returned="0"' in page
    client.post(f"/handoffs/{back.id}/claim", data={"csrf_token": csrf_of(page)})
    db.expire_all()
    assert (db.get(Handoff, back.id).status, db.get(Handoff, back.id).claimed_by) == ("claimed", admin)
