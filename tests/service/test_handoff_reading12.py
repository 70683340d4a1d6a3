"""The twelfth exploratory reading, the service's side of a handoff (data/exploratory/2026-12-07/reading12/FINDINGS.md):

- H5: a claim left silent while the person kept writing "still on the balcony": the bot's alert to the team on a claimed
  handoff nobody has written in since the claim makes it a silent claim on the handoff's record (the dashboard's queue
  reads it) and re-alerts the deployment's handoff webhook; not once someone from the team wrote, nor before a claim.
- L6: the status said ``expected_wait_s`` 0.44 s with ``busy`` true, 71 ahead and 69 overdue: null while busy.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from emotion.moodlog.governance import Handoff, HandoffMessage
from emotion.moodlog.models import utcnow
from emotion.moodlog.silent_claim import silent_claim
from tests.service.test_handoff_eighth_reading import engine_of, latest, open_for
from tests.service.test_consent_handoffs import make_client

WEBHOOK = "http://team.example.org/handoffs"
ALERT = "The person is still at risk and nobody from the team has written to them since the claim. Please write to them now."


@pytest.fixture
def webhook(monkeypatch) -> list:
    """What the handoff webhook receives (the service posts it after answering)."""
    import emotion.service.routes.handoffs as route

    posted: list = []

    class Answer:
        def raise_for_status(self) -> None:
            return None

    def post(url, json=None, timeout=None):
        posted.append((url, json))
        return Answer()

    monkeypatch.setattr(route.httpx, "post", post)
    return posted


def claim(client, session_id: str, ago_s: float = 150.0, by: str = "sup@example.org") -> None:
    """The dashboard's claim, ``ago_s`` seconds ago."""
    with Session(engine_of(client)) as db:
        handoff = db.exec(select(Handoff).where(Handoff.session_id == session_id)).one()
        handoff.status, handoff.claimed_by, handoff.claimed_at = "claimed", by, utcnow() - timedelta(seconds=ago_s)
        db.add(handoff)
        db.commit()


def report(client, session_id: str, *messages: tuple[str, str]) -> None:
    r = client.post(f"/v1/sessions/{session_id}/handoffs/latest/messages",
                    json={"messages": [{"kind": kind, "text": text} for kind, text in messages]})
    assert r.status_code == 201, r.text


def handoff_of(client, session_id: str) -> Handoff:
    with Session(engine_of(client)) as db:
        return db.exec(select(Handoff).where(Handoff.session_id == session_id)).one()


def silent_events(posted: list) -> list[dict]:
    return [body for _, body in posted if body.get("event") == "handoff_silent_claim"]


def test_an_alert_on_a_silent_claim_marks_the_record_and_re_alerts_the_webhook(sqlite_url, webhook) -> None:
    """B2: claimed, nobody wrote, the person wrote "still on the balcony" for 2.5 minutes: no re-alert reached anyone."""
    client, _ = make_client(sqlite_url, handoff_webhook_url=WEBHOOK)
    with client:
        opened = open_for(client, "balcony")
        claim(client, "balcony")
        report(client, "balcony", ("person", "still on the balcony"), ("bot", "Please move away from the balcony."))
        assert not silent_claim(handoff_of(client, "balcony")) and silent_events(webhook) == []  # no alert yet
        report(client, "balcony", ("person", "still on the balcony"), ("alert", ALERT))
        assert silent_claim(handoff_of(client, "balcony"))
        [event] = silent_events(webhook)
        assert (event["id"], event["session_id"], event["claimed_by"], event["alert"]) == (
            opened["id"], "balcony", "sup@example.org", ALERT)
        assert event["since_claim_s"] >= 150
        report(client, "balcony", ("alert", ALERT))  # the bot's next alert, two minutes on: re-alerted again
        assert len(silent_events(webhook)) == 2


def test_no_silent_claim_once_the_team_wrote_or_before_a_claim(sqlite_url, webhook) -> None:
    client, _ = make_client(sqlite_url, handoff_webhook_url=WEBHOOK)
    with client:
        open_for(client, "waiting")
        report(client, "waiting", ("person", "im on the bridge"), ("alert", "URGENT: Please join now."))  # not claimed
        assert not silent_claim(handoff_of(client, "waiting"))
        open_for(client, "talking")
        claim(client, "talking")
        with Session(engine_of(client)) as db:  # the claimer's reply, stored by the dashboard
            db.add(HandoffMessage(handoff_id=handoff_of(client, "talking").id, author="sup@example.org",
                                  kind="supervisor", text="I'm here. Can you step away from the edge?"))
            db.commit()
        report(client, "talking", ("person", "still on the bridge"), ("alert", ALERT))
        assert not silent_claim(handoff_of(client, "talking"))
        assert silent_events(webhook) == []


def test_a_busy_queue_reports_no_expected_wait(sqlite_url) -> None:
    """Every pushed status of A01..A23: "expected_wait_s": 0.439313 with "busy": true, 71 ahead, 69 overdue."""
    client, _ = make_client(sqlite_url)
    with client:
        open_for(client, "claimed-before")
        with Session(engine_of(client)) as db:  # a history of claims: the usual wait is 30 s
            handoff = db.exec(select(Handoff).where(Handoff.session_id == "claimed-before")).one()
            handoff.status, handoff.claimed_at = "resolved", handoff.created_at + timedelta(seconds=30)
            db.add(handoff)
            db.commit()
        for n in range(4):
            open_for(client, f"s{n}")
        first, fourth = latest(client, "s0"), latest(client, "s3")
        assert first["busy"] is False and first["expected_wait_s"] == pytest.approx(30.0)
        assert fourth["busy"] is True and fourth["expected_wait_s"] is None
        assert client.get("/v1/sessions/s3/pushed").json()["handoff"]["expected_wait_s"] is None


def test_the_status_documents_expected_wait_null_when_busy() -> None:
    from emotion.service.schemas import HandoffStatus

    described = HandoffStatus.model_fields["expected_wait_s"].description
    assert "null" in described and "busy" in described


def test_an_alert_in_the_claimers_first_minutes_is_no_silent_claim(sqlite_url, webhook) -> None:
    """The review of stop 44: an alert 5 s after a claim marked it silent, every supervisor was told, and a take-over could
    cut the claimer off mid-reply. The claimer has ``silent_claim_after_s`` (120 s) to write first; not after an URGENT
    alert (an attempt about to happen: the fourteenth reading, M7)."""
    client, _ = make_client(sqlite_url, handoff_webhook_url=WEBHOOK)
    with client:
        open_for(client, "just-claimed")
        claim(client, "just-claimed", ago_s=5)
        report(client, "just-claimed", ("person", "still on the bridge"), ("alert", ALERT))  # an URGENT one marks at once
                                                                                            # (tests/service/test_silent_claim_urgent.py)
        assert not silent_claim(handoff_of(client, "just-claimed")) and silent_events(webhook) == []
