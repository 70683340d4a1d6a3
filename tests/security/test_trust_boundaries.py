"""Trust boundaries against real processes: each attack is refused, and the legitimate path still works.

One stack as deployed: the emotion service with a service token, ``rasa run`` of bot/support
behind its API token (given in its environment) with its action server (both sending the service token), the
emobot_web channel with its signed sessions.
"""
from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session, col, select

from emotion.moodlog.db import make_engine
from emotion.moodlog.governance import AuditEntry, ConsentRecord

from tests.e2e.processes import emotion_service
from tests.e2e.rasa_server import rasa_server

pytestmark = pytest.mark.slow

SERVICE_TOKEN = "s" * 40
RASA_TOKEN = "r" * 40
SESSION_SECRET = "k" * 40
TOOLS_TOKEN = "t" * 40  # a second named client of the service
RISKY = "i have all my pills saved up and im going to take them tonight"
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(40)  # a clip's header: enough to pass the voice channel's format check


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    database = f"sqlite:///{tmp_path_factory.mktemp('security') / 'moodlog.sqlite3'}"
    env = {"EMOBOT_SERVICE_TOKEN": SERVICE_TOKEN, "EMOBOT_WEB_SESSION_SECRET": SESSION_SECRET}
    clients = json.dumps({"tools": TOOLS_TOKEN})
    with emotion_service(database, service_token=SERVICE_TOKEN, service_clients=clients) as service, \
            rasa_server("support", emotion_service_url=service, env=env, token=RASA_TOKEN) as rasa:
        yield service, rasa, database


def session(rasa: str) -> httpx.Client:
    """A browser-like client holding its own server-issued session cookie."""
    client = httpx.Client(base_url=f"{rasa}/webhooks/emobot_web", timeout=120)
    assert client.post("/session").status_code == 200
    return client


def test_the_service_refuses_requests_without_its_token(stack) -> None:
    service, _, _ = stack
    for method, path, body in [("GET", "/v1/sessions/anyone/state", None),
                               ("PUT", "/v1/users/anyone/consent", {"text": False, "audio": False, "face": False}),
                               ("GET", "/v1/sessions/anyone/handoffs", None),
                               ("POST", "/v1/sessions/anyone/turns", None)]:
        answer = httpx.request(method, service + path, json=body, timeout=30)
        assert answer.status_code == 401 and answer.json()["error"]["code"] == "unauthorized", (path, answer.text)
        forged = httpx.request(method, service + path, json=body, timeout=30, headers={"Authorization": "Bearer x"})
        assert forged.status_code == 401
    assert httpx.get(f"{service}/healthz", timeout=30).status_code == 200
    ok = httpx.get(f"{service}/v1/users/anyone/consent", timeout=30, headers={"Authorization": f"Bearer {SERVICE_TOKEN}"})
    assert ok.status_code == 200


def test_rasa_api_needs_its_token_while_the_chat_stays_public(stack) -> None:
    _, rasa, _ = stack
    person = session(rasa)
    reply = person.post("/webhook", json={"message": "hello"})
    assert reply.status_code == 200 and reply.json()
    me = person.post("/session").json()["session_id"]
    for method, path, body in [("GET", f"/conversations/{me}/tracker", None),
                               ("POST", f"/conversations/{me}/tracker/events",
                                [{"event": "slot", "name": "handoff_active", "value": False}]),
                               ("POST", f"/conversations/{me}/trigger_intent", {"name": "handoff_resolved"}),
                               ("PUT", "/model", {"model_file": "/etc/passwd"})]:
        answer = httpx.request(method, rasa + path, json=body, timeout=30)
        assert answer.status_code == 401, (path, answer.status_code)
    tracker = httpx.get(f"{rasa}/conversations/{me}/tracker", params={"token": RASA_TOKEN}, timeout=30)
    assert tracker.status_code == 200 and tracker.json()["sender_id"] == me


def test_no_process_shows_a_token_on_its_command_line(stack) -> None:
    """Rasa's API token reaches ``rasa run`` through its environment (connectors/rasa_run.py):
    a command line is readable by every local user (reading 12, M8: ``ps`` showed it)."""
    command_lines = []
    for path in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command_lines.append(path.read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:  # a process that ended meanwhile
            continue
    assert any("connectors.rasa_run" in line for line in command_lines)  # the stack's Rasa is running
    assert [line for line in command_lines if RASA_TOKEN in line or SERVICE_TOKEN in line] == []


def test_consent_is_only_the_callers_own(stack) -> None:
    service, rasa, _ = stack
    headers = {"Authorization": f"Bearer {SERVICE_TOKEN}"}
    victim = session(rasa)
    victim_id = victim.post("/session").json()["session_id"]
    assert victim.post("/consent", json={"text": True, "audio": False, "face": False}).status_code == 200
    # an outsider without a session cannot set anyone's consent through the channel
    outsider = httpx.post(f"{rasa}/webhooks/emobot_web/consent", timeout=30,
                          json={"user_id": victim_id, "text": False, "audio": False, "face": False})
    assert outsider.status_code == 401
    # one with a session of its own sets only its own, whatever user id it names
    attacker = session(rasa)
    attacker_id = attacker.post("/session").json()["session_id"]
    assert attacker.post("/consent", json={"user_id": victim_id, "text": False, "audio": True,
                                           "face": False}).status_code == 200
    consent = lambda user: httpx.get(f"{service}/v1/users/{user}/consent", headers=headers,  # noqa: E731
                                     timeout=30).json()["consent"]
    assert consent(victim_id) == {"text": True, "audio": False, "face": False}
    assert consent(attacker_id) == {"text": False, "audio": True, "face": False}


def test_consent_changes_are_audited_under_the_authenticated_client(stack) -> None:
    service, rasa, database = stack
    person = session(rasa)
    person_id = person.post("/session").json()["session_id"]
    assert person.post("/consent", json={"text": False, "audio": False, "face": False}).status_code == 200
    # a tool with its own token claims to be the web chat: the audit names the tool all the same
    claimed = httpx.put(f"{service}/v1/users/{person_id}/consent", timeout=30,
                        headers={"Authorization": f"Bearer {TOOLS_TOKEN}"}, json={"text": True, "source": "web"})
    assert claimed.status_code == 200
    engine = make_engine(database)
    with Session(engine) as db:
        entries = db.exec(select(AuditEntry).where(AuditEntry.action == "consent_changed",
                                                   col(AuditEntry.target).contains(person_id))
                          .order_by(col(AuditEntry.id))).all()
        sources = db.exec(select(ConsentRecord.source).where(ConsentRecord.user_id == person_id)
                          .order_by(col(ConsentRecord.id))).all()
    engine.dispose()
    assert [e.actor for e in entries] == ["service-client:service", "service-client:tools"]
    # reads of personal data through the API are audited too, under the client that read
    read = httpx.get(f"{service}/v1/sessions/{person_id}/state", headers={"Authorization": f"Bearer {TOOLS_TOKEN}"},
                     timeout=30)
    assert read.status_code in (200, 404)
    engine = make_engine(database)
    with Session(engine) as db:
        reads = db.exec(select(AuditEntry).where(AuditEntry.action == "api_read_state",
                                                 col(AuditEntry.target).contains(person_id))).all()
    engine.dispose()
    assert [r.actor for r in reads] == ["service-client:tools"]
    assert "text=no" in entries[0].target and "declared source: web" in entries[1].target
    assert sources[-1] == "tools/web"


def test_a_session_cannot_read_or_write_another_conversation(stack) -> None:
    service, rasa, _ = stack
    victim = session(rasa)
    victim_id = victim.post("/session").json()["session_id"]
    assert victim.post("/webhook", json={"message": "my secret is the blue door"}).status_code == 200
    attacker = session(rasa)
    # naming the victim as sender writes into the attacker's own conversation
    assert attacker.post("/webhook", json={"sender": victim_id, "message": "injected"}).status_code == 200
    history = victim.get("/history").json()["messages"]
    assert [m["text"] for m in history if m["who"] == "user"] == ["my secret is the blue door"]
    assert "blue door" not in str(attacker.get("/history").json())
    # a forged or tampered token reads nothing
    for token in (victim_id, f"{victim_id}.AAAA", "web-0.x"):
        for path in ("/history", "/pushed"):
            answer = httpx.get(f"{rasa}/webhooks/emobot_web{path}", headers={"Authorization": f"Bearer {token}"},
                               timeout=30)
            assert answer.status_code == 401, (token, path)


def test_knowing_a_session_id_is_not_enough_to_write_into_it_or_read_it(stack) -> None:
    """Seventh exploratory reading, H6: with only the person's session id (dashboard URLs show it)
    an outsider wrote into their conversation and the answer showed their crisis history."""
    service, rasa, _ = stack
    victim = session(rasa)
    victim_id = victim.post("/session").json()["session_id"]
    own = victim.post("/webhook", params={"emotion": "true"}, json={"message": RISKY})
    assert own.status_code == 200 and own.json()["emotion"]["derived"]["crisis"]["flag"] is True  # theirs to see
    for body in ({"sender": victim_id, "message": "hello"}, {"sender": victim_id, "message": "/restart"},
                 {"sender": victim_id.upper(), "message": "hello"},
                 {"sender": "outsider-1", "user_id": victim_id, "message": "hello"}):
        answer = httpx.post(f"{rasa}/webhooks/emobot_web/webhook", params={"emotion": "true"}, json=body, timeout=60)
        assert answer.status_code == 401 and answer.json()["error"]["code"] == "session_required", (body, answer.text)
        assert "crisis" not in answer.text and "team" not in answer.text
    spoken = httpx.post(f"{rasa}/webhooks/emobot_voice/webhook", data={"sender": victim_id}, timeout=60,
                        files={"audio": ("turn.wav", WAV, "audio/wav")})
    assert spoken.status_code == 401 and "crisis" not in spoken.text
    # nothing was written: the conversation and the mood log hold the person's one turn
    assert [m["text"] for m in victim.get("/history").json()["messages"] if m["who"] == "user"] == [RISKY]
    state = httpx.get(f"{service}/v1/sessions/{victim_id}/state", timeout=30,
                      headers={"Authorization": f"Bearer {SERVICE_TOKEN}"}).json()
    assert state["turns_received"] == 1
    # the person, with the token, goes on
    again = victim.post("/webhook", params={"emotion": "true"}, json={"sender": "anyone", "message": "still here"})
    assert again.status_code == 200 and again.json()["emotion"]["state"] is not None


def test_a_rest_client_keeps_its_own_sender_and_is_told_this_turns_reading_only(stack) -> None:
    _, rasa, _ = stack
    webhook = f"{rasa}/webhooks/emobot_web/webhook"
    sender = "rest-client-7"
    for text in ("hello", RISKY):
        answer = httpx.post(webhook, params={"emotion": "true"}, json={"sender": sender, "message": text}, timeout=120)
        assert answer.status_code == 200 and answer.json()["messages"], answer.text
        emotion = answer.json()["emotion"]
        assert emotion["turn"] is not None and emotion["state"] is None and emotion["derived"] is None
        assert emotion["withheld"] == ["state", "derived"]
        # no token for a conversation with earlier turns: whoever knows the sender could have sent it (tenth reading, H7)
        assert "X-Emobot-Session" not in answer.headers
    tracker = httpx.get(f"{rasa}/conversations/{sender}/tracker", params={"token": RASA_TOKEN}, timeout=30).json()
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == ["hello", RISKY]
    assert tracker["slots"]["handoff_active"] is True  # the bot read the whole conversation all the same
    # once it had a handoff, a turn without a session naming it goes to a new conversation of its own (ninth, H5)
    moved = httpx.post(webhook, json={"sender": sender, "message": "are you still there?"}, timeout=120)
    assert moved.status_code == 200 and moved.headers["X-Emobot-Session"]
    again = httpx.get(f"{rasa}/conversations/{sender}/tracker", params={"token": RASA_TOKEN}, timeout=30).json()
    assert [e["text"] for e in again["events"] if e["event"] == "user"] == ["hello", RISKY]


def test_typing_the_resolve_intent_ends_no_handoff(stack) -> None:
    _, rasa, _ = stack
    person = session(rasa)
    me = person.post("/session").json()["session_id"]
    assert any("team" in m["text"] for m in person.post("/webhook", json={"message": RISKY}).json())
    for attempt in ("/handoff_resolved", "/ handoff_resolved", "//handoff_resolved{}"):
        replies = person.post("/webhook", json={"message": attempt}).json()
        # answered while the handoff goes on (one acknowledgement since the seventh reading, M3: no
        # longer the same three lines each time), never told the person from the team has finished
        assert replies and not any("finished" in m["text"] for m in replies), (attempt, replies)
    tracker = httpx.get(f"{rasa}/conversations/{me}/tracker", params={"token": RASA_TOKEN}, timeout=30).json()
    assert tracker["slots"]["handoff_active"] is True


def test_a_huge_upload_is_refused_before_parsing_and_others_go_on(stack) -> None:
    import threading
    import time

    _, rasa, _ = stack
    huge = b"x" * (30 * 1024 * 1024)
    answers: dict[str, httpx.Response] = {}

    def upload() -> None:
        answers["huge"] = httpx.post(f"{rasa}/webhooks/emobot_web/webhook", timeout=120, content=huge,
                                     headers={"Content-Type": "application/json"})

    thread = threading.Thread(target=upload)
    thread.start()
    person = session(rasa)
    started = time.monotonic()
    reply = person.post("/webhook", json={"message": "hello"})
    waited = time.monotonic() - started
    thread.join(timeout=120)
    assert answers["huge"].status_code == 413
    assert reply.status_code == 200 and reply.json() and waited < 10.0, waited


def test_the_chat_page_has_a_content_security_policy(stack) -> None:
    _, rasa, _ = stack
    page = httpx.get(f"{rasa}/webhooks/emobot_web/chat", timeout=30)
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"


def test_rest_clients_without_a_sender_do_not_share_a_conversation(stack) -> None:
    _, rasa, _ = stack
    webhook = f"{rasa}/webhooks/emobot_web/webhook"
    first = httpx.post(webhook, json={"message": "my name is ana and my secret is the red kite"}, timeout=120)
    second = httpx.post(webhook, json={"message": "hello"}, timeout=120)
    assert first.status_code == second.status_code == 200 and first.json() and second.json()
    tokens = first.headers["x-emobot-session"], second.headers["x-emobot-session"]
    assert tokens[0] != tokens[1]  # not Rasa's one shared "default" conversation
    histories = [httpx.get(f"{rasa}/webhooks/emobot_web/history", headers={"Authorization": f"Bearer {t}"},
                           timeout=30).json()["messages"] for t in tokens]
    assert [m["text"] for m in histories[1] if m["who"] == "user"] == ["hello"]
    assert "red kite" in str(histories[0])


def test_a_bot_cannot_write_into_another_bots_session(stack) -> None:
    service, rasa, _ = stack
    headers = {"Authorization": f"Bearer {SERVICE_TOKEN}"}
    person = session(rasa)
    person_id = person.post("/session").json()["session_id"]
    assert person.post("/webhook", json={"message": "hello"}).status_code == 200
    forged = httpx.post(f"{service}/v1/sessions/{person_id}/turns", headers=headers, timeout=60,
                        data={"text": "i am fine, ignore what i said", "bot": "tutor"})
    assert forged.status_code == 409 and forged.json()["error"]["code"] == "session_of_another_bot"
    assert forged.json()["turn_logged"] is False
    state = httpx.get(f"{service}/v1/sessions/{person_id}/state", headers=headers, timeout=30).json()
    assert state["turns_received"] == 1
    # the session's own bot goes on writing into it
    own = httpx.post(f"{service}/v1/sessions/{person_id}/turns", headers=headers, timeout=60,
                     data={"text": "still here", "bot": "support"})
    assert own.status_code == 200


def test_rotating_session_ids_does_not_escape_the_rate_limit(stack) -> None:
    service, _, _ = stack
    headers = {"Authorization": f"Bearer {SERVICE_TOKEN}"}
    codes = [httpx.post(f"{service}/v1/sessions/rotate-{i}/turns", headers=headers, timeout=60,
                        data={"text": "hi", "user_id": "rotator", "bot": "support"}) for i in range(14)]
    refused = [c for c in codes if c.status_code == 429]
    assert refused and "this user" in refused[0].json()["error"]["message"]
    assert codes[0].status_code == 200
