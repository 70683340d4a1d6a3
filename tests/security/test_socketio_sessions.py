"""socket.io session binding against a real ``rasa run`` of bot/support (JWT on, as in compose).

Attacks from the trust-boundaries issue: a client that knows another conversation's id asks to
join it (or names it in its messages), and a valid JWT of one user asks for another's session.
Each is refused; a widget that reconnects with its own confirmed token rejoins its conversation.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import queue

import pytest
import socketio

from tests.e2e.processes import emotion_service
from tests.e2e.rasa_server import rasa_server
from tests.e2e.widget import Widget, conversation_of

pytestmark = pytest.mark.slow

JWT_KEY = "j" * 40


def jwt(claims: dict, key: str = JWT_KEY) -> str:
    """An HS256 JSON web token (RFC 7519) of ``claims``."""
    b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=")  # noqa: E731
    head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + b"." + b64(json.dumps(claims).encode())
    return (head + b"." + b64(hmac.new(key.encode(), head, hashlib.sha256).digest())).decode()


@pytest.fixture(scope="module")
def rasa(tmp_path_factory):
    database = f"sqlite:///{tmp_path_factory.mktemp('socketio-security') / 'moodlog.sqlite3'}"
    with emotion_service(database) as service, \
            rasa_server("support", emotion_service_url=service, env={"EMOBOT_SOCKETIO_JWT_KEY": JWT_KEY}) as url:
        yield url


def quiet(widget: Widget, seconds: float = 4.0) -> list:
    """Events the widget received within ``seconds`` (none expected)."""
    got = []
    try:
        while True:
            got.append(widget.events.get(timeout=seconds))
    except queue.Empty:
        return got


def test_knowing_a_conversation_id_does_not_join_it(rasa) -> None:
    victim = Widget(rasa, auth={"token": jwt({})})
    attacker = Widget(rasa, auth={"token": jwt({})})
    try:
        token = victim.session()
        victim_id = conversation_of(token)
        assert victim.say(token, "hello")  # the victim's own conversation works
        for requested in (victim_id, f"{victim_id}.forgedmac", f"{victim_id}.{token.rsplit('.', 1)[1][:-2]}xx"):
            assert conversation_of(attacker.session(requested)) != victim_id, requested
        # a message naming the victim's conversation goes to the attacker's own
        assert attacker.say(victim_id, "hello from someone else")
        attacker.sio.emit("user_uttered", {"message": "again", "session_id": token.replace(".", "x")})
        assert quiet(victim) == []
    finally:
        victim.sio.disconnect()
        attacker.sio.disconnect()
    # the victim's widget, reloaded, rejoins with the token it was confirmed
    again = Widget(rasa, auth={"token": jwt({})})
    try:
        assert conversation_of(again.session(token)) == victim_id
    finally:
        again.sio.disconnect()


def test_a_widget_cannot_log_its_turns_as_another_persons(rasa) -> None:
    """Seventh exploratory reading, H6: an issued id named as customData's user_id or speaker_id."""
    victim = Widget(rasa, auth={"token": jwt({})})
    attacker = Widget(rasa, auth={"token": jwt({})})
    try:
        victim_id = conversation_of(victim.session())
        token = attacker.session()
        for field in ("user_id", "speaker_id"):
            events = attacker.say(token, "hello", {field: victim_id})
            assert [e for e, _ in events] == ["emobot_error"], events
            assert events[0][1]["code"] == "session_required" and events[0][1]["field"] == field
        assert any(e == "bot_uttered" for e, _ in attacker.say(token, "hello"))  # its own turns go on
    finally:
        victim.sio.disconnect()
        attacker.sio.disconnect()


def test_a_jwt_for_one_user_does_not_join_anothers_session(rasa) -> None:
    bob = Widget(rasa, auth={"token": jwt({"sub": "bob"})})
    alice = Widget(rasa, auth={"token": jwt({"sub": "alice"})})
    try:
        bob_token = bob.session()
        assert conversation_of(bob_token) == "bob"
        assert conversation_of(alice.session("bob")) == "alice"
        assert conversation_of(alice.session(bob_token)) == "alice"
        assert alice.say(bob_token, "hi")
        assert quiet(bob) == []
    finally:
        bob.sio.disconnect()
        alice.sio.disconnect()


def test_without_a_valid_jwt_nobody_connects(rasa) -> None:
    for auth in (None, {"token": "not a jwt"}, {"token": jwt({"sub": "bob"}, key="k" * 40)}):
        with pytest.raises(socketio.exceptions.ConnectionError):
            Widget(rasa, auth=auth)
