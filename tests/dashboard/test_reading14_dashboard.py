"""The fourteenth exploratory reading on the dashboard (data/exploratory/2026-12-07/reading14/transcripts/):

- M7 (D03_en_silent_claim, D05_nl_silent_claim_takeover): sup3 claimed and wrote nothing; after "actually tonight" and
  the bot's URGENT alert (an attempt about to happen) sup2's take-over got 409 for the claimer's grace of 2 minutes, and
  the queue row showed only "claimed by sup3". Now an URGENT alert on a claim nobody wrote in makes it a silent claim at
  once: its row says so, with the alert, and any supervisor of its bot takes it over.
- M8 (D01_de_claim_reply_unassigned): sup2, created with no bot, saw "The queue is empty." and 404 on every claim with
  nothing saying why. Now the create form asks for the bots (checkboxes of the known ones), an account created without
  one is flagged in the list, and an unassigned supervisor's queue says "You are not assigned to any bot yet: ask an
  admin"."""
from __future__ import annotations

from sqlmodel import select

from emotion.moodlog.governance import AuditEntry, BotAssignment, Handoff, Supervisor, open_handoff
from emotion.moodlog.repository import MoodLog
from tests.dashboard.seed import csrf_of, sign_in
from tests.dashboard.test_handoff_eighth_reading import high, rows_of, turn
from tests.dashboard.test_handoff_reading12 import claimed, ids_in_queue

URGENT = "URGENT: the person says an attempt is about to happen (a jump, a train, a time after a means). Please join now."
STEP = "While waiting, the person named a time for it (their last message in the thread). Please join as soon as you can."
GRACE_S = 120.0
"""``Settings.silent_claim_after_s``'s default: the service's grace, which the bot's report passes."""
UNASSIGNED = "You are not assigned to any bot yet: ask an admin."


def bot_reports(app, session_id: str, *messages: tuple[str, str]) -> None:
    """The bot side's report to the live thread, through the mood log, with the service's default grace."""
    assert MoodLog(app.state.engine).add_thread_messages(session_id, list(messages), silent_after_s=GRACE_S) is not None


def colleague(db, password_hash: str, email: str, bots: list[str]) -> str:
    """Another supervisor account, of ``bots``."""
    person = Supervisor(email=email, password_hash=password_hash, role="supervisor")
    db.add(person)
    db.commit()
    db.add_all(BotAssignment(supervisor_id=person.id, bot=bot) for bot in bots)
    db.commit()
    return email


def test_an_urgent_alert_on_a_silent_claim_shows_in_its_row_and_a_colleague_takes_it_over_at_once(
        client, app, db, accounts, password_hash):
    log = MoodLog(app.state.engine)
    turn(log, "tonight", "support", "I've decided I'm going to end my life", high(0.99))
    handoff = claimed(client, db, "tonight", accounts["supervisor"])  # sup3: claims, writes nothing
    bot_reports(app, "tonight", ("person", "maybe this weekend"), ("alert", STEP))
    sup2 = colleague(db, password_hash, "sup2@example.org", ["support"])
    sign_in(client, sup2)
    row = dict(zip(ids_in_queue(page := client.get("/handoffs").text), rows_of(page)))[handoff.id]
    assert "nobody has written" not in row and "Take over" not in row  # the claimer's first minutes to write

    bot_reports(app, "tonight", ("person", "actually tonight"), ("alert", URGENT))
    page = client.get("/handoffs").text
    assert ids_in_queue(page)[0] == handoff.id
    row = rows_of(page)[0]
    assert "claimed, nobody has written, the person is still at risk" in row and URGENT in row
    assert f"Take over #{handoff.id}" in row
    assert client.post(f"/handoffs/{handoff.id}/take-over", data={"csrf_token": csrf_of(page)}).status_code == 200
    db.expire_all()
    assert (db.get(Handoff, handoff.id).claimed_by, db.get(Handoff, handoff.id).silent_alerted_at) == (sup2, None)
    assert db.exec(select(AuditEntry).where(AuditEntry.action == "took_over")).one().actor == sup2


def test_the_create_form_offers_the_known_bots_and_assigns_the_ticked_ones(client, app, db, accounts, conversations):
    app.state.settings.bots = ["tutor"]  # EMOBOT_DASHBOARD_BOTS: none by default (a deployment names its own)
    sign_in(client, accounts["admin"])
    page = client.get("/supervisors").text
    for bot in ("support", "tutor", "sales"):  # the deployment's (tutor), and the mood log's
        assert f'type="checkbox" name="bots" value="{bot}"' in page
    assert client.post("/supervisors", data={"email": "sup2@example.org", "password": "long enough pass",
                                             "role": "supervisor", "bots": ["support", "tutor"],
                                             "csrf_token": csrf_of(page)}).status_code == 200
    sup2 = db.exec(select(Supervisor).where(Supervisor.email == "sup2@example.org")).one()
    assert sorted(db.exec(select(BotAssignment.bot).where(BotAssignment.supervisor_id == sup2.id)).all()) == [
        "support", "tutor"]
    assert "support,tutor" in db.exec(select(AuditEntry.target).where(AuditEntry.action == "supervisor_created")).one()


def test_a_forged_bot_is_refused_and_no_account_is_made(client, db, accounts):
    sign_in(client, accounts["admin"])
    r = client.post("/supervisors", data={"email": "x@example.org", "password": "long enough pass", "role": "supervisor",
                                          "bots": ["nobody-runs-this"], "csrf_token": csrf_of(client.get("/supervisors").text)})
    assert r.status_code == 422 and "unknown bot(s): nobody-runs-this" in r.text
    assert db.exec(select(Supervisor).where(Supervisor.email == "x@example.org")).first() is None


def test_a_supervisor_created_without_a_bot_is_flagged_and_told_so_in_their_queue(client, app, db, accounts):
    sign_in(client, accounts["admin"])
    turn(MoodLog(app.state.engine), "waiting", "support", "Ich will nicht mehr leben.", high(0.99))
    handoff = open_handoff(db, "waiting", "crisis language")
    assert client.post("/supervisors", data={"email": "sup2@example.org", "password": "long enough pass",
                                             "role": "supervisor", "csrf_token": csrf_of(client.get("/supervisors").text)}
                       ).status_code == 200
    page = client.get("/supervisors").text
    row = next(r for r in rows_of(page) if "sup2@example.org" in r)
    assert "no bot assigned: their queue stays empty until you assign one" in row
    assert "no bot assigned" not in next(r for r in rows_of(page) if accounts["supervisor"] in r)

    sign_in(client, "sup2@example.org", "long enough pass")
    queue = client.get("/handoffs").text
    assert UNASSIGNED in queue and "The queue is empty." not in queue
    r = client.post(f"/handoffs/{handoff.id}/claim", data={"csrf_token": csrf_of(queue)})
    assert r.status_code == 404 and UNASSIGNED in r.json()["detail"]


def test_an_assigned_supervisors_empty_queue_is_just_empty(client, accounts):
    sign_in(client, accounts["supervisor"])
    queue = client.get("/handoffs").text
    assert "The queue is empty." in queue and UNASSIGNED not in queue
