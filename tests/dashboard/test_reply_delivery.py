"""The review of the dashboard, D1 (2): a supervisor's reply that the bot's Rasa server did not accept (unreachable, or
a non-2xx answer) was counted as written: a silent claim ended and the "never wrote" resolve rule let the claimer
resolve a person at risk who had heard nothing. Now such a reply is kept for the person's chat page to fetch (dropping
it, the first mend, lost it: the review of stop 45) and counts as written once it reached them, pushed by Rasa or
fetched by their page; the supervisor is told it was not pushed."""
from __future__ import annotations

import html
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlmodel import select

from emotion.moodlog.governance import AuditEntry, Handoff, HandoffMessage
from tests.dashboard.seed import csrf_of
from tests.dashboard.test_handoff_reading13 import on_the_roof
from tests.dashboard.test_handoff_reading12 import resolve

WORDS = "I'm Sam from the team. Can you step back inside for me?"


class FakeRasa(HTTPServer):
    """Answers every POST with ``status``; ``received`` counts them."""

    def __init__(self) -> None:
        self.status, self.received = 500, 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                server.received += 1
                self.send_response(server.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"


@pytest.fixture
def rasa():
    server = FakeRasa()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"  # closed once the socket is: nobody answers there


def _reply(client, handoff: Handoff, text: str = WORDS):
    token = csrf_of(client.get(f"/handoffs/{handoff.id}").text)
    return client.post(f"/handoffs/{handoff.id}/reply", data={"text": text, "csrf_token": token},
                       follow_redirects=False)


def _assert_not_written(db, handoff: Handoff, answer) -> None:
    assert answer.status_code == 502
    page = html.unescape(answer.text)
    assert "Your reply was NOT pushed" in page and "Until it is seen it does not count as written" in page
    db.expire_all()
    kept = db.exec(select(HandoffMessage).where(HandoffMessage.kind == "supervisor")).all()
    assert [(m.text, m.delivered, m.refused, m.seen_at) for m in kept] == [(WORDS, False, True, None)]  # kept for the page to fetch
    assert db.get(Handoff, handoff.id).silent_alerted_at is not None  # still a silent claim: others may take it over
    assert db.exec(select(AuditEntry).where(AuditEntry.action == "reply_not_delivered")).all()
    assert not db.exec(select(AuditEntry).where(AuditEntry.action == "replied")).all()


@pytest.mark.parametrize("refusal", [500, 404, "unreachable"])
def test_a_reply_rasa_did_not_accept_does_not_count_as_written(client, app, db, accounts, rasa, refusal):
    handoff = on_the_roof(client, app, db, accounts["supervisor"])
    db.expire_all()
    assert db.get(Handoff, handoff.id).silent_alerted_at is not None
    if refusal == "unreachable":
        app.state.settings.rasa_url = _closed_port_url()
    else:
        app.state.settings.rasa_url, rasa.status = rasa.url, refusal
    _assert_not_written(db, handoff, _reply(client, handoff))
    refused = resolve(client, handoff, note="I wrote to them", confirm_over_risk="yes")
    assert refused.status_code == 409 and "Write to them first" in refused.json()["detail"]  # still "never wrote"


def test_a_refused_reply_counts_as_written_once_the_persons_page_has_fetched_it(client, app, db, accounts, rasa):
    from emotion.moodlog.governance import pushed_messages

    handoff = on_the_roof(client, app, db, accounts["supervisor"])
    app.state.settings.rasa_url = rasa.url
    _assert_not_written(db, handoff, _reply(client, handoff))
    fetched = pushed_messages(db, handoff.session_id, after=0)  # the person's chat page polls /pushed
    assert [m.text for m in fetched if m.kind == "supervisor"] == [WORDS]
    db.expire_all()
    assert db.get(Handoff, handoff.id).silent_alerted_at is None  # it reached them: no longer a silent claim
    assert resolve(client, handoff, confirm_over_risk="yes").status_code == 200


def test_a_reply_rasa_accepts_counts_as_written_at_once(client, app, db, accounts, rasa):
    handoff = on_the_roof(client, app, db, accounts["supervisor"])
    app.state.settings.rasa_url, rasa.status = rasa.url, 200
    assert _reply(client, handoff).status_code == 303
    db.expire_all()
    sent = db.exec(select(HandoffMessage).where(HandoffMessage.kind == "supervisor")).all()
    assert [(m.text, m.delivered) for m in sent] == [(WORDS, True)] and rasa.received == 1
    assert db.get(Handoff, handoff.id).silent_alerted_at is None
    assert resolve(client, handoff, confirm_over_risk="yes").status_code == 200


def test_without_a_rasa_server_the_reply_is_stored_for_the_persons_page_to_poll(client, app, db, accounts):
    handoff = on_the_roof(client, app, db, accounts["supervisor"])
    assert app.state.settings.rasa_for("support") == (None, None)
    assert _reply(client, handoff).status_code == 303
    db.expire_all()
    sent = db.exec(select(HandoffMessage).where(HandoffMessage.kind == "supervisor")).one()
    assert (sent.text, sent.delivered, sent.refused) == (WORDS, False, False)
    assert db.get(Handoff, handoff.id).silent_alerted_at is None  # the page's polling is this dashboard's delivery


def test_a_previous_claimers_refused_reply_seen_ends_no_silent_claim(client, app, db, accounts, rasa):
    """The second review of stop 45: A's refused reply, then B took the claim over and wrote nothing, and the bot's new
    alert marked it silent again; the person's page then fetching A's old reply cleared B's silent claim."""
    from datetime import timedelta

    from emotion.moodlog.governance import pushed_messages
    from emotion.moodlog.models import utcnow

    handoff = on_the_roof(client, app, db, accounts["supervisor"])
    app.state.settings.rasa_url = rasa.url
    _assert_not_written(db, handoff, _reply(client, handoff))
    taken = db.get(Handoff, handoff.id)  # B takes it over after A's reply, and stays silent
    taken.claimed_by, taken.claimed_at = "b@example.org", utcnow() + timedelta(seconds=1)
    taken.silent_alerted_at = utcnow() + timedelta(seconds=2)
    db.add(taken)
    db.commit()
    pushed_messages(db, handoff.session_id, after=0)
    db.expire_all()
    assert db.get(Handoff, handoff.id).silent_alerted_at is not None
