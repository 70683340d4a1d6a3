"""The eighth exploratory reading, handoff findings on the service side: the queue in front of a
handoff, so the bot promises no wait it cannot keep (M8); a refused turn's words, sent again readable,
logged as for any other turn (M9); and a handoff's kind, "safeguarding" for a child (M11)."""
from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from emotion.moodlog.governance import Handoff
from emotion.moodlog.models import Turn, utcnow
from tests.service.test_consent_handoffs import make_client


def open_for(client, session_id: str, bot: str = "support", **extra) -> dict:
    r = client.post(f"/v1/sessions/{session_id}/handoffs", json={"reason": "crisis", "bot": bot, "user_id": session_id,
                                                                 **extra})
    assert r.status_code == 200, r.text
    return r.json()


def latest(client, session_id: str) -> dict:
    return client.get(f"/v1/sessions/{session_id}/handoffs/latest").json()


def engine_of(client):
    return client.app.state.moodlog.engine


def test_a_long_queue_makes_the_handoff_busy_and_a_short_one_does_not(sqlite_url) -> None:
    client, _ = make_client(sqlite_url)
    with client:
        for n in range(4):
            open_for(client, f"s{n}")
        open_for(client, "t0", bot="tutor")  # another bot's queue is not this one's
        first, fourth = latest(client, "s0"), latest(client, "s3")
        assert (first["queue_ahead"], first["queue_overdue"], first["busy"]) == (0, 0, False)
        assert (fourth["queue_ahead"], fourth["queue_overdue"], fourth["busy"]) == (3, 0, True)
        assert latest(client, "t0")["busy"] is False


def test_an_overdue_handoff_in_the_queue_makes_every_open_one_busy(sqlite_url) -> None:
    """b69/d08: "about 2 minutes" while every open handoff was "overdue: nobody claimed it in time"."""
    client, _ = make_client(sqlite_url)
    with client:
        open_for(client, "old")
        open_for(client, "new")
        assert latest(client, "new")["busy"] is False
        with Session(engine_of(client)) as db:  # the dashboard re-alerted the old one
            old = db.exec(select(Handoff).where(Handoff.session_id == "old")).one()
            old.realerted_at = utcnow()
            db.add(old)
            db.commit()
        new = latest(client, "new")
        assert (new["queue_ahead"], new["queue_overdue"], new["busy"]) == (1, 1, True)
        with Session(engine_of(client)) as db:  # not re-alerted, but waiting past any wait the bot promises
            old = db.exec(select(Handoff).where(Handoff.session_id == "old")).one()
            old.realerted_at, old.created_at = None, utcnow() - timedelta(minutes=5)
            db.add(old)
            db.commit()
        assert latest(client, "new")["busy"] is True


def test_a_claimed_handoff_is_not_busy(sqlite_url) -> None:
    client, _ = make_client(sqlite_url)
    with client:
        for n in range(4):
            open_for(client, f"s{n}")
        with Session(engine_of(client)) as db:
            mine = db.exec(select(Handoff).where(Handoff.session_id == "s3")).one()
            mine.status, mine.claimed_at, mine.claimed_by = "claimed", utcnow(), "sup@example.org"
            db.add(mine)
            db.commit()
        status = latest(client, "s3")
        assert status["status"] == "claimed" and status["busy"] is False and status["queue_ahead"] == 0
        assert client.get("/v1/sessions/s3/pushed").json()["handoff"]["busy"] is False


def test_a_safeguarding_handoff_keeps_its_kind(sqlite_url) -> None:
    client, _ = make_client(sqlite_url)
    with client:
        opened = open_for(client, "child", bot="tutor", kind="safeguarding")
        assert opened["kind"] == "safeguarding" and opened["created"] is True
        assert client.get("/v1/sessions/child/handoffs").json()[0]["kind"] == "safeguarding"
        # a request for a person first, the concern after: the open handoff becomes a safeguarding one
        assert open_for(client, "child2", bot="tutor")["kind"] is None
        again = open_for(client, "child2", bot="tutor", kind="safeguarding")
        assert again["created"] is False and again["kind"] == "safeguarding"
        assert open_for(client, "child2", bot="tutor")["kind"] == "safeguarding"  # and stays so
        with Session(engine_of(client)) as db:
            assert db.exec(select(Handoff.kind).where(Handoff.session_id == "child2")).one() == "safeguarding"
        refused = client.post("/v1/sessions/x/handoffs", json={"reason": "r", "kind": "whatever"})
        assert refused.status_code == 422


def test_a_refused_turn_sent_again_readable_is_logged_with_its_words(sqlite_url) -> None:
    """e10/e11: the channel sends a refused text again readable under the same turn id; the rejected
    row is completed in place, with the words (text consent in force), and without them when refused."""
    client, _ = make_client(sqlite_url)
    with client:
        for user, consent in (("yes", True), ("no", False)):
            client.put(f"/v1/users/{user}/consent", json={"text": consent})
            form = {"speaker_id": user, "user_id": user, "client_turn_id": f"t-{user}"}
            refused = client.post(f"/v1/sessions/{user}/turns", data={**form, "text": "i want to k\x00ill myself tonight"})
            assert refused.status_code == 422 and refused.json()["error"]["code"] == "invalid_text"
            again = client.post(f"/v1/sessions/{user}/turns", data={**form, "text": "i want to kill myself tonight"})
            assert again.status_code == 200 and again.json()["turn_index"] == 0
        with Session(engine_of(client)) as db:
            rows = {t.session_id: t for t in db.exec(select(Turn)).all()}
        assert len(rows) == 2 and rows["yes"].status != "rejected"
        assert rows["yes"].text == "i want to kill myself tonight" and rows["no"].text is None


def test_the_status_says_whether_and_since_when_a_person_claimed_it(sqlite_url) -> None:
    """Eleventh exploratory reading, H3: a claimed and resolved handoff was told to the person as "nobody from our
    team could join"; the bot could only guess the claim from the wait. The status says it, and since when."""
    client, _ = make_client(sqlite_url)
    with client:
        open_for(client, "never")
        open_for(client, "taken")
        assert (latest(client, "never")["claimed"], latest(client, "never")["since_claim_s"]) == (False, None)
        with Session(engine_of(client)) as db:
            taken = db.exec(select(Handoff).where(Handoff.session_id == "taken")).one()
            taken.status, taken.claimed_at, taken.claimed_by = "resolved", utcnow() - timedelta(minutes=3), "sup@example.org"
            taken.resolved_at = utcnow()
            db.add(taken)
            db.commit()
        status = latest(client, "taken")
        assert status["claimed"] is True and 170 <= status["since_claim_s"] <= 400
        assert "sup@example.org" not in str(status)  # no supervisor identity on the person's side


def test_the_bots_word_to_the_team_is_kept_in_the_thread_and_never_pushed_to_the_person(sqlite_url) -> None:
    """Twelfth exploratory reading, M2: "URGENT: the person says an attempt is about to happen ... Please join now." was
    a notice, so the person on the bridge read it in their chat, in English."""
    client, _ = make_client(sqlite_url)
    with client:
        open_for(client, "bridge")
        r = client.post("/v1/sessions/bridge/handoffs/latest/messages",
                        json={"messages": [{"kind": "alert", "text": "URGENT: please join now."},
                                           {"kind": "notice", "text": "I'm still here with you."}]})
        assert r.status_code == 201, r.text
        assert [m["kind"] for m in r.json()] == ["alert", "notice"]
        pushed = client.get("/v1/sessions/bridge/pushed").json()["messages"]
        assert [m["text"] for m in pushed] == ["I'm still here with you."]
