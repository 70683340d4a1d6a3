"""Sessions list (filters, paging), session view (charts, consent), tenant isolation, handoffs."""
from __future__ import annotations

import csv
import io
import json
import re

from sqlmodel import select

from emotion.moodlog.models import Turn
from emotion.moodlog.governance import (AuditEntry, BotAssignment, ConsentRecord, HandoffMessage, Supervisor,
                                        open_handoff)
from tests.dashboard.seed import HAPPY, SAD, csrf_of, seed_session, sign_in


def listed(html: str) -> list[str]:
    return re.findall(r'<td><a href="/sessions/([^"]+)">', html)


def test_supervisor_sees_only_assigned_bots(client, accounts, conversations):
    sign_in(client, accounts["supervisor"])
    assert sorted(listed(client.get("/sessions").text)) == ["s-happy", "s-sad"]
    assert client.get("/sessions/s-sad").status_code == 200
    for path in ("/sessions/s-sales", "/sessions/s-sales/export.json", "/sessions/nope"):
        assert client.get(path).status_code == 404, path
    # u1 also talked to "sales": the supervisor's export holds only the "support" session
    export = client.get("/users/u1/export.json").json()
    assert [s["session_id"] for s in export["sessions"]] == ["s-sad"]


def test_admin_sees_every_bot(client, accounts, conversations):
    sign_in(client, accounts["admin"])
    assert sorted(listed(client.get("/sessions").text)) == ["s-happy", "s-sad", "s-sales"]


def test_filters(client, app, db, accounts, conversations):
    # three negative states, but not in a row: not sustained
    seed_session(app.state.engine, "s-mixed", bot="support", user_id="u3", moods=[SAD, SAD, HAPPY, SAD])
    sign_in(client, accounts["admin"])
    assert listed(client.get("/sessions?sustained_negative=true").text) == ["s-sad"]
    assert "sustained negative</span>" not in client.get("/sessions?user_id=u3").text
    assert sorted(listed(client.get("/sessions?min_distress=0.8").text)) == ["s-mixed", "s-sad"]  # peak 0.83
    assert listed(client.get("/sessions?min_distress=0.85").text) == []
    assert sorted(listed(client.get("/sessions?user_id=u1").text)) == ["s-sad", "s-sales"]
    assert listed(client.get("/sessions?bot=sales").text) == ["s-sales"]
    assert listed(client.get("/sessions?date_from=2999-01-01").text) == []
    assert listed(client.get("/sessions?crisis=true").text) == []
    open_handoff(db, "s-happy", "asked for a human")
    assert listed(client.get("/sessions?crisis=true").text) == ["s-happy"]
    assert client.get("/sessions?min_distress=3").status_code == 422
    assert listed(client.get("/sessions?sustained_negative=true&min_distress=0.8&bot=support").text) == ["s-sad"]
    assert listed(client.get("/sessions?sustained_negative=true&bot=sales").text) == []


def test_keyset_paging_visits_every_session_once(client, app, accounts, conversations):
    app.state.settings.page_size = 2
    sign_in(client, accounts["admin"])
    first = client.get("/sessions").text
    following = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(following).text
    assert len(listed(first)) == 2 and len(listed(second)) == 1
    assert sorted(listed(first) + listed(second)) == sorted(conversations)
    assert 'rel="next"' not in second


def test_session_view_has_both_charts_and_respects_text_consent(client, db, accounts, conversations):
    sign_in(client, accounts["supervisor"])
    page = client.get("/sessions/s-sad").text
    figures = dict(re.findall(r'<script type="application/json" id="figure-(\w+)">(.*?)</script>', page, re.S))
    labels, valence = json.loads(figures["labels"]), json.loads(figures["valence"])
    assert len(labels["data"]) == 7 and all(trace["stackgroup"] == "state" for trace in labels["data"])
    sadness = next(t for t in labels["data"] if t["name"] == "sadness")
    assert sadness["x"] == [0, 2, 4] and min(sadness["y"]) > 0.5
    assert valence["data"][0]["y"][-1] < -0.3
    assert "u1 says message 0" in page and page.count("<tr>") >= 6
    turn = db.exec(select(Turn).where(Turn.session_id == "s-sad", Turn.turn_index == 0)).one()
    turn.bot_replies = ["I hear how heavy today feels.", "=HYPERLINK(\"x\")"]
    db.add(turn)
    db.commit()
    page = client.get("/sessions/s-sad").text
    assert "<p>I hear how heavy today feels.</p>" in page                    # the bot's replies, turn by turn
    exported = client.get("/sessions/s-sad/export.json").json()["sessions"][0]["turns"][0]
    assert exported["bot_replies"] == ["I hear how heavy today feels.", '=HYPERLINK("x")']
    row = next(csv.DictReader(io.StringIO(client.get("/sessions/s-sad/export.csv").text)))
    assert row["bot_replies"] == "I hear how heavy today feels.\n=HYPERLINK(\"x\")"
    db.add(ConsentRecord(user_id="u1", modality="text", granted=False, source="test"))
    db.commit()
    page = client.get("/sessions/s-sad").text
    assert "u1 says message 0" not in page and "withheld" in page
    assert "heavy today" not in page and "heavy today" not in client.get("/sessions/s-sad/export.csv").text
    assert db.exec(select(AuditEntry).where(AuditEntry.action == "viewed",
                                            AuditEntry.target == "session:s-sad")).first() is not None


def test_handoff_claim_reply_resolve(client, db, accounts, conversations):
    handoff = open_handoff(db, "s-sad", "sustained sadness")
    assert handoff.snapshot["turns"][0]["text"] == "u1 says message 0"
    sign_in(client, accounts["supervisor"])
    queue = client.get("/handoffs").text
    assert "sustained sadness" in queue
    token = csrf_of(queue)
    assert client.post(f"/handoffs/{handoff.id}/reply", data={"text": "hi", "csrf_token": token}).status_code == 409
    assert client.post(f"/handoffs/{handoff.id}/claim", data={"csrf_token": token}).status_code == 200
    assert client.post(f"/handoffs/{handoff.id}/claim", data={"csrf_token": token}).status_code == 409
    client.post(f"/handoffs/{handoff.id}/reply", data={"text": "I am here to help.", "csrf_token": token})
    message = db.exec(select(HandoffMessage)).one()
    assert message.text == "I am here to help." and message.kind == "supervisor"
    assert message.delivered is False  # no Rasa URL configured: it waits for the person's page to poll it
    page = client.post(f"/handoffs/{handoff.id}/resolve", data={"csrf_token": token}).text
    assert "resolved" in page and "waiting for the person&#39;s page" in page


def test_a_handoff_nobody_wrote_in_is_resolved_only_with_a_note(client, db, accounts, conversations):
    """Sixth exploratory reading, H13: a crisis handoff was claimed and resolved without a word to
    the person, who was then told a team member "finished their part"."""
    from emotion.moodlog.governance import Handoff

    handoff = open_handoff(db, "s-sad", "crisis language")
    sign_in(client, accounts["supervisor"])
    token = csrf_of(client.get("/handoffs").text)
    client.post(f"/handoffs/{handoff.id}/claim", data={"csrf_token": token})
    silent = client.post(f"/handoffs/{handoff.id}/resolve", data={"csrf_token": token})
    assert silent.status_code == 422 and "reply first" in silent.text
    db.expire_all()
    assert db.get(Handoff, handoff.id).status == "claimed"
    page = client.post(f"/handoffs/{handoff.id}/resolve",
                       data={"csrf_token": token, "note": "called emergency services for them"}).text
    assert "Note (not sent)" in page and "called emergency services for them" in page
    db.expire_all()
    assert db.get(Handoff, handoff.id).status == "resolved"
    note = db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff.id)).one()
    assert note.kind == "note"                                  # never pushed to the person
    audit = db.exec(select(AuditEntry).where(AuditEntry.action == "resolved")).one()
    assert audit.target == f"handoff:{handoff.id} (with a note)"


def test_a_replayed_turn_shows_when_the_user_sent_it(client, app, accounts):
    """A turn replayed from a channel's outbox an hour late is shown and exported at its sent_at."""
    import csv
    import io
    from datetime import timedelta

    from emotion.moodlog.models import utcnow
    from emotion.moodlog.repository import MoodLog, TurnToLog

    sent = (utcnow() - timedelta(hours=1)).replace(microsecond=0)
    MoodLog(app.state.engine).append_turn(TurnToLog(
        session_id="s-replay", speaker_id="u3", bot="support", user_id="u3", text="sent during an outage",
        text_chars=21, status="unanalysed", error_code=None, modalities={}, client_turn_id="t-1", sent_at=sent))
    sign_in(client, accounts["admin"])
    page = client.get("/sessions/s-replay").text
    # to the second, in a <time> that the page shows in the viewer's time zone
    assert f'<time datetime="{sent.isoformat()}">{sent.strftime("%Y-%m-%d %H:%M:%S")} UTC</time>' in page
    assert "replayed" in page
    row = next(csv.DictReader(io.StringIO(client.get("/sessions/s-replay/export.csv").text)))
    assert row["sent_at"].startswith(sent.strftime("%Y-%m-%dT%H:%M:%S")) and row["received_at"] > row["sent_at"]


def test_a_claimed_handoff_is_reassigned_to_a_colleague_who_may_see_the_bot(client, db, accounts, conversations,
                                                                            password_hash):
    other = Supervisor(email="night@example.org", password_hash=password_hash, role="supervisor")
    outsider = Supervisor(email="sales@example.org", password_hash=password_hash, role="supervisor")
    db.add_all([other, outsider])
    db.commit()
    db.add(BotAssignment(supervisor_id=other.id, bot="support"))
    db.add(BotAssignment(supervisor_id=outsider.id, bot="sales"))
    db.commit()
    handoff = open_handoff(db, "s-sad", "sustained sadness")
    sign_in(client, accounts["supervisor"])
    token = csrf_of(client.get("/handoffs").text)
    reassign = lambda who: client.post(f"/handoffs/{handoff.id}/reassign",  # noqa: E731
                                       data={"colleague": who, "csrf_token": token}, follow_redirects=False)
    assert reassign("night@example.org").status_code == 403            # nobody has claimed it yet
    client.post(f"/handoffs/{handoff.id}/claim", data={"csrf_token": token})
    page = client.get(f"/handoffs/{handoff.id}").text
    assert "<option>night@example.org</option>" in page and "sales@example.org" not in page
    assert reassign("sales@example.org").status_code == 422            # cannot see the bot
    assert reassign("night@example.org").status_code == 303
    db.refresh(handoff)
    assert handoff.claimed_by == "night@example.org"
    assert reassign("sup@example.org").status_code == 403             # no longer theirs to hand on
    assert ("reassigned", f"handoff:{handoff.id} to night@example.org") in {
        (e.action, e.target) for e in db.exec(select(AuditEntry)).all()}


def test_audit_log_filters_and_export(client, db, accounts, conversations):
    sign_in(client, accounts["supervisor"])
    client.get("/sessions/s-sad")
    sign_in(client, accounts["admin"])
    client.get("/sessions/s-happy")
    page = client.get("/audit", params={"actor": "sup@", "action": "viewed"}).text
    assert "session:s-sad" in page and "session:s-happy" not in page
    assert "session:s-happy" in client.get("/audit", params={"action": "viewed"}).text
    assert client.get("/audit", params={"day_from": "yesterday"}).status_code == 422
    future = client.get("/audit", params={"day_from": "2999-01-01"}).text
    assert "session:s-sad" not in future
    exported = client.get("/audit/export.csv", params={"actor": "sup@", "action": "viewed"})
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [r["target"] for r in rows] == ["session:s-sad"] and rows[0]["actor"] == "sup@example.org"
    sign_in(client, accounts["supervisor"])
    assert client.get("/audit/export.csv").status_code == 403


def test_corrections_page_counts_read_against_said_per_tenant(client, db, accounts, conversations):
    from emotion.moodlog.models import ReadingFeedback

    db.add_all([ReadingFeedback(session_id="s-sad", turn_index=0, read_label="sadness", label="anger"),
                ReadingFeedback(session_id="s-sad", turn_index=2, read_label="sadness", label="anger"),
                ReadingFeedback(session_id="s-sales", turn_index=0, read_label="joy", label="neutral")])
    db.commit()
    sign_in(client, accounts["supervisor"])  # sees "support", not "sales"
    page = client.get("/feedback").text
    assert "2 correction(s)" in page
    row = re.search(r'<th scope="row">sadness</th>(.*?)</tr>', page, re.S).group(1)
    assert re.findall(r"<td>([^<]*)</td>", row) == ["", "", "", "2", "", "", ""]  # neutral joy sadness ANGER ...
    sign_in(client, accounts["admin"])
    assert "3 correction(s)" in client.get("/feedback").text


def test_the_queue_puts_the_highest_risk_first_then_the_longest_waiting(client, db, accounts, conversations):
    def screened(session_id: str, level: str, risk: float, category: str | None = None) -> None:
        turn = db.exec(select(Turn).where(Turn.session_id == session_id, Turn.turn_index == 0)).one()
        turn.crisis = {"risk": risk, "flag": level == "high", "level": level, "category": category}
        db.add(turn)
        db.commit()

    calm = open_handoff(db, "s-happy", "asked for a human")             # waiting longest, no risk
    possible = open_handoff(db, "s-sales", "possible risk")
    high = open_handoff(db, "s-sad", "crisis")
    screened("s-sales", "possible", 0.45)
    screened("s-sad", "high", 0.93, "plan")
    sign_in(client, accounts["admin"])
    queue = client.get("/handoffs").text
    order = [int(i) for i in re.findall(r'<td><a href="/handoffs/(\d+)">', queue)]
    assert order == [high.id, possible.id, calm.id]
    assert "high 0.93 (plan)" in queue and "none 0.00" in queue
    calm.realerted_at = calm.created_at                                 # nobody claimed it in time: on top
    db.add(calm)
    db.commit()
    order = [int(i) for i in re.findall(r'<td><a href="/handoffs/(\d+)">', client.get("/handoffs").text)]
    assert order == [calm.id, high.id, possible.id]


def test_an_attempt_under_way_goes_first_whatever_its_score(client, db, accounts, conversations):
    """Seventh exploratory reading, H7: "i took 30 paracetamol an hour ago" (high 0.91) sorted below
    "i want to kill myself" (high 1.00); an attempt under way is first, labelled, even before an
    overdue handoff, and a later calmer turn of its conversation does not hide it."""
    def screened(session_id: str, turn_index: int, crisis: dict) -> None:
        turn = db.exec(select(Turn).where(Turn.session_id == session_id, Turn.turn_index == turn_index)).one()
        turn.crisis = crisis
        db.add(turn)
        db.commit()

    ideation = open_handoff(db, "s-sad", "crisis")
    overdose = open_handoff(db, "s-sales", "crisis")
    overdue = open_handoff(db, "s-happy", "asked for a human")
    overdue.realerted_at = overdue.created_at
    db.add(overdue)
    db.commit()
    screened("s-sad", 0, {"risk": 1.0, "flag": True, "level": "high", "category": "active_ideation"})
    screened("s-sales", 0, {"risk": 0.91, "flag": True, "level": "high", "category": "method", "attempt": True})
    sign_in(client, accounts["admin"])
    queue = client.get("/handoffs").text
    order = [int(i) for i in re.findall(r'<td><a href="/handoffs/(\d+)">', queue)]
    assert order == [overdose.id, overdue.id, ideation.id]
    assert queue.count("attempt under way") == 1
