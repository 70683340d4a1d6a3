"""Issued session ids are capabilities (seventh exploratory reading, H6), on a real Sanic server.

An outsider who knows a person's session id (``web-<32 hex>``, seen in a dashboard URL) but not
its token names it as ``sender`` (or ``speaker_id``, ``user_id``; over REST, socket.io or
emobot_voice): the turn is refused before it reaches the service or the bot. The person with the
token still writes into it; a REST client with a sender of its own still works, and the answer
to its turn carries this turn's reading, not the conversation's.
"""
from __future__ import annotations

from dataclasses import replace

import httpx
import pytest
from sanic import Sanic

from connectors.client import EmotionServiceClient
from connectors.voice.channel import VoiceInput
from connectors.web.channel import EmobotWebInput
from connectors.web.sessions import SessionSigner, is_issued
from tests.rasa.test_channel import SAD_STATE, serve_and_post
from tests.rasa.test_socketio_channel import ON, Widget, serve
from tests.rasa.test_voice_channel import WAV, post as post_voice, service as voice_service

SECRET = "k" * 40
VICTIM = "web-7844bed09f954f90a8056edf31711f13"
CRISIS = {"risk": 0.0058, "flag": False, "level": "possible", "category": "active_ideation",
          "conversation": {"risk": 0.489, "level": "possible", "turns": 3,
                           "categories": [{"turn_index": 0, "category": "active_ideation", "risk": 0.998}]}}


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    monkeypatch.setattr(Sanic, "test_mode", True)  # see tests/rasa/test_channel.py


def recording(requests: list[httpx.Request]) -> EmotionServiceClient:
    """The service: every turn is read as sad, with a conversation that had a crisis disclosure."""
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        session = request.url.path.split("/")[3]
        if request.method == "PUT":
            return httpx.Response(200, json={"session_id": session, "turn_index": 2})
        return httpx.Response(200, json={
            "session_id": session, "turn_index": 2, "speaker_id": session, "available": True, "turn": SAD_STATE,
            "state": SAD_STATE, "modalities": {}, "modalities_used": ["text"], "derived": {"crisis": CRISIS}})
    return EmotionServiceClient("http://emotion.test", transport=httpx.MockTransport(handle))


def test_issued_ids_and_their_look_alikes_are_recognised() -> None:
    issued, _ = SessionSigner(SECRET).issue()
    assert is_issued(issued) and is_issued(VICTIM)
    for look_alike in (VICTIM.upper(), f" {VICTIM}\t", VICTIM.replace("w", "\uff57"),  # "ｗ": NFKC folds it
                       f"{VICTIM}\x00", VICTIM[:6] + "\u200b" + VICTIM[6:], "\u202e" + VICTIM):  # eighth reading, L8
        assert is_issued(look_alike), look_alike
    for other in ("ana-1", "web-user-1", f"{VICTIM}.mac", "web-" + "0" * 31, "x" + VICTIM):
        assert not is_issued(other), other


@pytest.mark.parametrize("body", [
    {"sender": VICTIM, "message": "hello"},
    {"sender": VICTIM, "message": "/restart"},
    {"sender": VICTIM.upper(), "message": "hello"},
    {"sender": "outsider", "user_id": VICTIM, "message": "hello"},
    {"sender": "outsider", "speaker_id": VICTIM, "message": "hello"},
])
def test_naming_an_issued_session_without_its_token_is_refused(body) -> None:
    requests: list[httpx.Request] = []
    channel = EmobotWebInput(client=recording(requests), session_secret=SECRET)
    answer, received = serve_and_post(channel, lambda http, url: http.post(url + "?emotion=true", json=body))
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "session_required", answer.text
    assert "POST /session" in answer.json()["error"]["message"]
    assert requests == [] and received == []  # nothing written, nothing of the conversation read


def test_a_multipart_turn_naming_an_issued_session_is_refused_too() -> None:
    requests: list[httpx.Request] = []
    channel = EmobotWebInput(client=recording(requests), session_secret=SECRET)
    answer, received = serve_and_post(channel, lambda http, url: http.post(
        url, data={"sender": VICTIM, "message": "hello"}, files={"audio": ("turn.webm", b"\x1aE\xdf\xa3", "audio/webm")}))
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "session_required"
    assert requests == [] and received == []


def test_the_person_with_the_token_writes_into_their_conversation_and_reads_its_state() -> None:
    requests: list[httpx.Request] = []
    channel = EmobotWebInput(client=recording(requests), session_secret=SECRET)
    session_id, token = channel.sessions.issue()
    answer, received = serve_and_post(channel, lambda http, url: http.post(
        url + "?emotion=true", json={"sender": session_id, "message": "i am still here"},
        headers={"Authorization": f"Bearer {token}"}))
    assert answer.status_code == 200 and received[0].sender_id == session_id
    emotion = answer.json()["emotion"]
    assert emotion["state"]["label"] == "sadness" and emotion["derived"]["crisis"]["conversation"]["turns"] == 3
    assert "withheld" not in emotion


def test_a_rest_client_keeps_its_own_sender_and_is_told_this_turns_reading_only() -> None:
    requests: list[httpx.Request] = []
    channel = EmobotWebInput(client=recording(requests), session_secret=SECRET)
    answer, received = serve_and_post(channel, lambda http, url: http.post(
        url + "?emotion=true", json={"sender": "ana-1", "message": "hello", "user_id": "ana"}))
    assert answer.status_code == 200 and answer.json()["messages"] == [{"recipient_id": "ana-1", "text": "echo: hello"}]
    assert requests[0].url.path == "/v1/sessions/ana-1/turns"
    emotion = answer.json()["emotion"]
    assert emotion["turn"]["label"] == "sadness" and emotion["turn_index"] == 2
    assert emotion["state"] is None and emotion["derived"] is None and emotion["withheld"] == ["state", "derived"]
    assert "active_ideation" not in answer.text
    # the bot's policies read all of it
    assert received[0].metadata["emotion"]["derived"]["crisis"]["conversation"]["turns"] == 3


def test_a_spoken_turn_naming_an_issued_session_is_refused() -> None:
    """emobot_voice (the same Rasa server, the same trackers) inherits the check."""
    requests: list[httpx.Request] = []
    for data in ({"sender": VICTIM}, {"sender": "caller-9", "user_id": VICTIM}):
        answer, received = post_voice(VoiceInput(client=voice_service(requests)), data=data,
                                      files={"audio": ("x", WAV, "audio/wav")})
        assert answer.status_code == 401, answer.text
        assert requests == [] and received == []


def test_a_widget_cannot_log_its_turns_as_another_persons() -> None:
    requests: list[httpx.Request] = []
    channel = EmobotWebInput(client=recording(requests), socketio=replace(ON, session_persistence=True),
                             session_secret=SECRET)

    async def talk(url: str) -> list:
        async with Widget(url) as widget:
            await widget.emit("session_request", {"session_id": None})
            _, token = await widget.next()
            own = token.rsplit(".", 1)[0]
            await widget.emit("user_uttered", {"message": "hi", "session_id": token, "customData": {"user_id": VICTIM}})
            refused = await widget.next()
            await widget.emit("user_uttered", {"message": "hi", "session_id": token, "customData": {"user_id": own}})
            return [own, refused, await widget.next()]

    (own, refused, answered), received = serve(channel, talk)
    assert refused[0] == "emobot_error" and refused[1]["code"] == "session_required"
    assert refused[1]["field"] == "user_id"
    assert answered == ("bot_uttered", {"text": "echo: hi"})
    assert [m.sender_id for m in received] == [own] and [r.method for r in requests] == ["POST", "PUT"]
