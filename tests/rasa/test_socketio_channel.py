"""emobot_web's socket.io side, served by a real Sanic server on loopback as ``rasa run`` registers it,
with a real python-socketio client speaking like rasa-webchat.

The bot is a stub ``on_new_message`` that records the UserMessage and echoes; the emotion
service is an httpx.MockTransport or a port where nothing listens. The client uses the
long-polling transport: python-engineio's websocket client needs a newer aiohttp than Rasa
3.6 pins; tests/e2e/test_socketio_chat.py covers the websocket transport against ``rasa run``.
"""
from __future__ import annotations

import asyncio
import base64
import json
from typing import Any, Awaitable, Callable, Optional

import httpx
import jwt
import pytest
import socketio
from rasa.core.channels.channel import UserMessage, register
from rasa.core.channels.socketio import SocketIOInput
from sanic import Sanic

from connectors.client import EmotionServiceClient
from connectors.web.channel import EmobotWebInput
from connectors.web.socketio import SocketIOSettings
from tests.e2e.processes import free_port
from tests.rasa.test_channel import serve_and_post

WEBHOOK = "/webhooks/emobot_web/webhook"
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(40))
JPEG = b"\xff\xd8\xff\xe0" + bytes(range(100))
STATE = {"label": "sadness", "probabilities": {"sadness": 0.7, "neutral": 0.3}, "valence": -0.5,
         "arousal": -0.2, "confidence": 0.8, "trend": {"valence": 0.0, "arousal": 0.0}, "turns_observed": 1}
ON = SocketIOSettings(enabled=True)
DEAD_SERVICE = {"emotion_service_url": f"http://127.0.0.1:{free_port()}", "timeout": 1}  # nothing listens
KEY = "a-32-byte-or-longer-signing-key!"


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    monkeypatch.setattr(Sanic, "test_mode", True)  # see tests/rasa/test_channel.py


class Widget:
    """A socket.io client that talks like a Rasa chat widget and queues every event it receives."""

    def __init__(self, url: str, path: str = "socket.io", auth: Optional[dict] = None) -> None:
        self.url, self.path, self.auth = url, path, auth
        self.sio = socketio.AsyncClient(reconnection=False)
        self.events: asyncio.Queue = asyncio.Queue()
        self.disconnected = asyncio.Event()

        @self.sio.on("*")
        async def any_event(event: str, data: Any) -> None:
            await self.events.put((event, data))

        @self.sio.on("disconnect")
        async def gone(*args: Any) -> None:
            self.disconnected.set()

    async def __aenter__(self) -> "Widget":
        await self.sio.connect(self.url, socketio_path=self.path, transports=["polling"], auth=self.auth,
                               wait_timeout=5)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        # abort: a graceful long-polling disconnect waits for the pending poll (about 30 s)
        await self.sio.eio.disconnect(abort=True)

    async def emit(self, event: str, data: Any) -> None:
        await self.sio.emit(event, data)

    async def next(self, timeout: float = 10) -> tuple[str, Any]:
        return await asyncio.wait_for(self.events.get(), timeout)


def serve(channel: EmobotWebInput, talk: Callable[[str], Awaitable[Any]]) -> tuple[Any, list[UserMessage]]:
    """Serve ``channel`` the way ``rasa run`` does (an echo bot), run ``talk(base_url)`` against it, stop."""
    return serve_and_post(channel, lambda http, webhook: talk(webhook.removesuffix(WEBHOOK)))


def recording_service(requests: list[httpx.Request]) -> EmotionServiceClient:
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        heard = ({"transcript": {"text": "kids are talking by the door", "confidence": 0.9, "speech_s": 1.8}}
                 if b'name="transcribe"\r\n\r\ntrue' in request.read() else {})
        return httpx.Response(200, json={
            "session_id": "s", "turn_index": 0, "speaker_id": "s", "available": True, "turn": None,
            "state": STATE, "modalities": {}, "modalities_used": ["text", "audio", "face"], **heard})
    return EmotionServiceClient("http://emotion.test", transport=httpx.MockTransport(handle))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_session_then_a_turn_with_voice_and_face_in_custom_data() -> None:
    requests: list[httpx.Request] = []
    channel = EmobotWebInput(bot="support", client=recording_service(requests), socketio=ON)

    async def talk(url: str) -> list:
        async with Widget(url) as widget:
            await widget.emit("session_request", {"session_id": None})
            confirm = await widget.next()
            await widget.emit("user_uttered", {"message": "I feel sad", "session_id": confirm[1], "customData": {
                "audio": {"data": b64(WAV), "mime": "audio/wav"},
                "images": [f"data:image/jpeg;base64,{b64(JPEG)}"],
                "user_id": "ana", "page": "demo"}})
            return [confirm, await widget.next(), widget.sio.get_sid()]

    (confirm, answer, sid), received = serve(channel, talk)

    assert confirm[0] == "session_confirm" and len(confirm[1]) == 32
    # the clip's words are heard beside the typed ones (seventh exploratory reading, H5)
    assert answer == ("bot_uttered", {"text": "echo: I feel sad\nkids are talking by the door"})
    message = received[0]
    # without session persistence the socket is the conversation, as in Rasa's socketio channel
    assert (message.text, message.sender_id, message.input_channel) == (
        "I feel sad\nkids are talking by the door", sid, "emobot_web")
    assert message.metadata["emotion"]["state"]["label"] == "sadness"
    assert {k: v for k, v in message.metadata.items() if k != "emotion"} == {"user_id": "ana", "page": "demo",
                                                                             "session_proven": True}  # the socket's own (H8)
    body = requests[0].read()
    assert requests[0].url.path == f"/v1/sessions/{sid}/turns"
    assert WAV in body and JPEG in body and b'filename="turn.wav"' in body and b'filename="image0.jpg"' in body
    assert b'name="bot"\r\n\r\nsupport' in body and b'name="user_id"\r\n\r\nana' in body


def test_a_voice_message_without_text_is_heard_in_the_same_request() -> None:
    requests: list[httpx.Request] = []
    channel = EmobotWebInput(client=recording_service(requests), socketio=ON)

    async def talk(url: str) -> Any:
        async with Widget(url) as widget:
            # customData as some widgets send it: a JSON string
            custom_data = json.dumps({"audio": f"data:audio/wav;base64,{b64(WAV)}", "speaker_id": "ana-voice"})
            await widget.emit("user_uttered", {"message": "", "customData": custom_data})
            return await widget.next()

    answer, received = serve(channel, talk)
    assert answer == ("bot_uttered", {"text": "echo: kids are talking by the door"})
    assert [r.url.path for r in requests][0].endswith("/turns") and b"transcribe" in requests[0].read()
    assert received[0].metadata["speaker_id"] == "ana-voice"
    assert received[0].metadata["emotion"]["transcript"]["text"] == "kids are talking by the door"


def test_bad_media_is_reported_and_the_text_still_answered() -> None:
    requests: list[httpx.Request] = []
    channel = EmobotWebInput(client=recording_service(requests), socketio=ON)

    async def talk(url: str) -> list:
        async with Widget(url) as widget:
            await widget.emit("user_uttered", {"message": "hello", "customData": {
                "audio": {"data": "%%% not base64", "mime": "audio/wav"}, "images": [b64(JPEG)]}})
            events = [await widget.next(), await widget.next()]
            # nothing usable and no text: an error, and the bot is not asked
            await widget.emit("user_uttered", {"message": " ", "customData": {"images": ["data:image/png;base64,!"]}})
            events.append(await widget.next())
            await widget.emit("user_uttered", ["not", "an", "object"])
            events.append(await widget.next())
            await widget.emit("user_uttered", {"message": "still here?"})
            events.append(await widget.next())
            return events

    events, received = serve(channel, talk)
    assert events[0][0] == "emobot_error" and events[0][1]["code"] == "invalid_media"
    assert events[0][1]["field"] == "audio"
    assert events[1] == ("bot_uttered", {"text": "echo: hello"})
    assert events[2][0] == "emobot_error" and events[2][1]["field"] == "images[0]"
    assert events[3][0] == "emobot_error" and events[3][1]["code"] == "invalid_message"
    assert events[4] == ("bot_uttered", {"text": "echo: still here?"})
    assert [m.text for m in received] == ["hello", "still here?"]
    body = requests[0].read()
    assert JPEG in body and b'name="audio"' not in body  # the valid image went on without the bad clip


def test_session_persistence_uses_the_confirmed_session_and_answers_every_socket_of_it() -> None:
    channel = EmobotWebInput.from_credentials({"socketio": True, "session_persistence": True, **DEAD_SERVICE})

    async def talk(url: str) -> list:
        async with Widget(url) as tab1, Widget(url) as tab2:
            await tab1.emit("user_uttered", {"message": "hi", "session_id": "conv-7"})
            no_session = await tab1.next()  # before session_request: no conversation
            await tab1.emit("session_request", {"session_id": "conv-7"})
            event, token = await tab1.next()
            assert event == "session_confirm" and token.rsplit(".", 1)[0] != "conv-7"  # a bare id is not honoured
            await tab2.emit("session_request", {"session_id": token})  # the confirmed token rejoins
            assert await tab2.next() == ("session_confirm", token)
            await tab1.emit("user_uttered", {"message": "hi", "session_id": "conv-7"})
            return [no_session, token, await tab1.next(), await tab2.next()]

    (no_session, token, answer1, answer2), received = serve(channel, talk)
    assert no_session[0] == "emobot_error" and no_session[1]["code"] == "no_session"
    assert answer1 == answer2 == ("bot_uttered", {"text": "echo: hi"})
    assert [m.sender_id for m in received] == [token.rsplit(".", 1)[0]]  # the confirmed session, not the named one
    # the service is down: the bot still answered, and says so in the metadata
    assert received[0].metadata["emotion"]["error"] == "service_unavailable"


def test_event_names_path_and_metadata_key_come_from_the_credentials() -> None:
    channel = EmobotWebInput.from_credentials({
        "socketio": True, "socketio_path": "/chat.io", "user_message_evt": "say", "bot_message_evt": "said",
        "metadata_key": "metadata", **DEAD_SERVICE})

    async def talk(url: str) -> Any:
        async with Widget(url, path="chat.io") as widget:
            await widget.emit("say", {"message": "hey", "metadata": {"page": "x"}})
            return await widget.next()

    answer, received = serve(channel, talk)
    assert answer == ("said", {"text": "echo: hey"})
    assert received[0].metadata["page"] == "x"


async def namespace_connect(url: str, auth: dict) -> str:
    """The server's answer to a socket.io CONNECT with ``auth``, spoken over raw engine.io polling.

    (python-socketio's client takes a long-poll timeout, 30 s, to give up on a refused connect.)
    """
    async with httpx.AsyncClient(base_url=f"{url}/socket.io/", timeout=10) as http:
        handshake = await http.get("", params={"EIO": "4", "transport": "polling"})
        sid = json.loads(handshake.text[1:])["sid"]
        params = {"EIO": "4", "transport": "polling", "sid": sid}
        await http.post("", params=params, content="40" + json.dumps(auth))
        return (await http.get("", params=params)).text


def test_a_jwt_key_requires_a_signed_token_to_connect() -> None:
    channel = EmobotWebInput.from_credentials({"socketio": True, "jwt_key": KEY, **DEAD_SERVICE})

    async def talk(url: str) -> list:
        assert (await namespace_connect(url, {}))[:2] == "44"  # CONNECT_ERROR
        forged = jwt.encode({"user": "ana"}, "a-different-key" * 3, algorithm="HS256")
        assert (await namespace_connect(url, {"token": forged}))[:2] == "44"
        async with Widget(url, auth={"token": jwt.encode({"user": "ana"}, KEY, algorithm="HS256")}) as w:
            await w.emit("user_uttered", {"message": "hi"})
            return [await w.next()]

    answers, _ = serve(channel, talk)
    assert answers == [("bot_uttered", {"text": "echo: hi"})]


def test_a_message_over_the_size_limit_closes_only_that_connection() -> None:
    channel = EmobotWebInput.from_credentials({"socketio": True, "max_audio_bytes": 1000, "max_image_bytes": 1000,
                                               "max_images": 1, **DEAD_SERVICE})
    limit = channel.socketio.limits.max_message_bytes

    async def talk(url: str) -> Any:
        async with Widget(url) as widget:
            await widget.emit("user_uttered", {"message": "x", "customData": {"audio": "A" * (limit + 10)}})
            await asyncio.wait_for(widget.disconnected.wait(), 10)
        async with Widget(url) as widget:
            await widget.emit("user_uttered", {"message": "after"})
            return await widget.next()

    answer, received = serve(channel, talk)
    assert answer == ("bot_uttered", {"text": "echo: after"}) and [m.text for m in received] == ["after"]


@pytest.mark.parametrize("credentials", [{}, {"socketio": False}])
def test_socketio_is_off_unless_asked_for_and_rest_goes_on(credentials: dict) -> None:
    # off by default: a bot that serves Rasa's own socketio channel at /socket.io keeps starting
    channel = EmobotWebInput.from_credentials({**credentials, **DEAD_SERVICE})

    async def talk(url: str) -> list:
        async with httpx.AsyncClient(timeout=10) as http:
            polling = await http.get(f"{url}/socket.io/?EIO=4&transport=polling")
            rest = await http.post(f"{url}{WEBHOOK}", json={"sender": "r", "message": "hi"})
            return [polling.status_code, rest.json()]

    (status, rest), _ = serve(channel, talk)
    assert status == 404 and rest == [{"recipient_id": "r", "text": "echo: hi"}]


def test_off_by_default_it_can_share_the_app_with_rasas_own_socketio_channel() -> None:
    app = Sanic("emobot_socketio_beside_rasa_socketio")
    register([SocketIOInput(), EmobotWebInput.from_credentials({})], app, "/webhooks/")
    app.router.finalize()  # raises RouteExists when two servers claim /socket.io
    assert {"socket.io", "webhooks/emobot_web/webhook"} <= {route.path for route in app.router.routes}


def test_a_reply_from_the_team_is_marked_for_the_widget() -> None:
    """A supervisor's reply reaches a socket.io widget as the team's (``metadata.who: human``), every other bot line as
    Rasa sends it (thirteenth reading, L6: both had arrived as the same bot_uttered)."""
    import asyncio

    from rasa.shared.core.events import BotUttered

    from connectors.contract import FROM_THE_TEAM
    from connectors.web.socketio import _Output

    class Room:
        def __init__(self) -> None:
            self.sent: list[tuple[str, Any]] = []

        async def emit(self, event: str, data: Any, room: str, namespace: Any = None) -> None:
            self.sent.append((event, data))

    async def send(message: dict) -> list:
        room = Room()
        await _Output(room, "bot_uttered", None).send_response("sid-1", message)  # type: ignore[arg-type]
        return room.sent

    team = BotUttered("I'm Jo from the team.\n\nAre you safe?", metadata={FROM_THE_TEAM: True}).message()
    assert asyncio.run(send(team)) == [("bot_uttered", {"text": "I'm Jo from the team.", "metadata": {"who": "human"}}),
                                       ("bot_uttered", {"text": "Are you safe?", "metadata": {"who": "human"}})]
    assert asyncio.run(send(BotUttered("I hear you.").message())) == [("bot_uttered", {"text": "I hear you."})]
