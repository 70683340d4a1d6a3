"""EmobotWebInput served by a real Sanic server on loopback, as Rasa registers it.

The bot is a stub ``on_new_message`` that records the UserMessage and answers; the emotion
service is an httpx.MockTransport (contract tests) or a port where nothing listens.
"""
from __future__ import annotations

import asyncio
import itertools
import json
from typing import Awaitable, Callable

import httpx
import pytest
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from connectors.client import EmotionServiceClient
from connectors.web.channel import EmobotWebInput
from tests.e2e.processes import free_port

SAD_STATE = {"label": "sadness", "probabilities": {"sadness": 0.7, "neutral": 0.3},
             "valence": -0.5, "arousal": -0.2, "confidence": 0.8,
             "trend": {"valence": 0.0, "arousal": 0.0}, "turns_observed": 1}
_app_ids = itertools.count()


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    # Sanic 21.12 rewrites its request handler when a server starts ("touchup"); a second
    # app in the same process fails to rewrite it again unless test mode keeps the original.
    monkeypatch.setattr(Sanic, "test_mode", True)


def serve_and_post(channel: EmobotWebInput,
                   send: Callable[[httpx.AsyncClient, str], Awaitable[httpx.Response]],
                   ) -> tuple[httpx.Response, list[UserMessage]]:
    """Serve ``channel`` the way ``rasa run`` does, run ``send`` against it, stop."""
    received: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)
        await message.output_channel.send_text_message(message.sender_id, f"echo: {message.text}")

    async def run() -> httpx.Response:
        app = Sanic(f"emobot_web_test_{next(_app_ids)}")
        app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/emobot_web")
        port = free_port()
        server = await app.create_server(host="127.0.0.1", port=port, access_log=False,
                                         return_asyncio_server=True)
        await server.startup()
        try:
            async with httpx.AsyncClient(timeout=10) as http:
                health = await http.get(f"http://127.0.0.1:{port}/webhooks/emobot_web/")
                assert health.json()["status"] == "ok"
                answer = await send(http, f"http://127.0.0.1:{port}/webhooks/emobot_web/webhook")
                await asyncio.gather(*channel.reporting)  # the replies on their way to the mood log
                return answer
        finally:
            await server.close()

    return asyncio.run(run()), received


def service(handler: Callable[[httpx.Request], httpx.Response]) -> EmotionServiceClient:
    return EmotionServiceClient("http://emotion.test", transport=httpx.MockTransport(handler))


def test_json_turn_reaches_the_bot_with_the_emotion_metadata() -> None:
    requests: list[httpx.Request] = []

    def analyse(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.method == "PUT":
            return httpx.Response(200, json={"session_id": "ana-1", "turn_index": 3})
        return httpx.Response(200, json={
            "session_id": "ana-1", "turn_index": 3, "speaker_id": "ana-1", "available": True,
            "turn": None, "state": SAD_STATE, "modalities": {}, "modalities_used": ["text"]})

    channel = EmobotWebInput(bot="support", client=service(analyse))
    response, received = serve_and_post(channel, lambda http, url: http.post(
        url, json={"sender": "ana-1", "message": "I feel sad", "metadata": {"page": "demo"},
                   "user_id": "ana"}))

    assert response.status_code == 200
    assert response.json() == [{"recipient_id": "ana-1", "text": "echo: I feel sad"}]
    assert requests[0].url.path == "/v1/sessions/ana-1/turns"
    assert b"bot=support" in requests[0].read() and b"user_id=ana" in requests[0].read()
    message = received[0]
    assert (message.text, message.sender_id, message.input_channel) == (
        "I feel sad", "ana-1", "emobot_web")
    assert message.metadata["page"] == "demo"
    assert message.metadata["emotion"]["available"] is True
    assert message.metadata["emotion"]["state"]["label"] == "sadness"
    # what the bot answered goes to the mood log beside the turn, after the person has it
    assert requests[1].method == "PUT" and requests[1].url.path == "/v1/sessions/ana-1/turns/3/replies"
    assert json.loads(requests[1].read()) == {"replies": ["echo: I feel sad"]}


def test_multipart_turn_forwards_audio_and_images() -> None:
    bodies: list[bytes] = []

    def analyse(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        return httpx.Response(200, json={
            "session_id": "bo", "turn_index": 0, "speaker_id": "bo-voice", "available": False,
            "turn": None, "state": None, "modalities": {}, "modalities_used": []})

    channel = EmobotWebInput(client=service(analyse))
    response, received = serve_and_post(channel, lambda http, url: http.post(
        url + "?emotion=true",
        data={"sender": "bo", "message": "hello", "speaker_id": "bo-voice"},
        files=[("audio", ("turn.webm", b"\x1aE\xdf\xa3audio", "audio/webm")),
               ("images", ("f1.jpg", b"\xff\xd8one", "image/jpeg")),
               ("images", ("f2.jpg", b"\xff\xd8two", "image/jpeg"))]))

    assert response.status_code == 200
    assert response.json()["messages"][0]["text"] == "echo: hello"
    assert response.json()["emotion"]["available"] is False
    body = bodies[0]
    assert b'filename="turn.webm"' in body and b"\x1aE\xdf\xa3audio" in body
    assert b"\xff\xd8one" in body and b"\xff\xd8two" in body
    assert b"bo-voice" in body
    assert received[0].sender_id == "bo" and received[0].text == "hello"


@pytest.mark.parametrize("locale, start", [("en-GB", "I couldn't hear any words"), ("de-AT", "Ich konnte"),
                                           (None, "I couldn't hear any words")])
def test_a_voice_message_with_no_words_heard_is_answered_by_the_channel(locale, start) -> None:
    """Seventh reading, L3: a silent clip got the bot's opening greeting."""
    requests: list[httpx.Request] = []

    def analyse(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.method == "PUT":
            return httpx.Response(200, json={"session_id": "vo", "turn_index": 0})
        return httpx.Response(200, json={
            "session_id": "vo", "turn_index": 0, "speaker_id": "vo", "available": True, "turn": None,
            "state": SAD_STATE, "modalities": {"audio": {"status": "used"}}, "modalities_used": ["audio"],
            "transcript": None})

    channel = EmobotWebInput(client=service(analyse))
    response, received = serve_and_post(channel, lambda http, url: http.post(
        url, data={"sender": "vo", "message": "", **({"locale": locale} if locale else {})},
        files=[("audio", ("turn.webm", b"\x1aE\xdf\xa3silence", "audio/webm"))]))
    assert response.status_code == 200 and received == []  # the bot is not asked to answer nothing
    (said,) = response.json()
    assert said["text"].startswith(start)
    assert requests[-1].method == "PUT" and json.loads(requests[-1].read()) == {"replies": [said["text"]]}


def test_rejected_turn_still_gets_an_answer() -> None:
    def analyse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(413, json={"error": {"code": "text_too_long", "message": "too long"},
                                         "turn_logged": False, "turn_index": None})

    channel = EmobotWebInput(client=service(analyse))
    response, received = serve_and_post(channel, lambda http, url: http.post(
        url, json={"sender": "c", "message": "x" * 10_000}))

    assert response.status_code == 200 and len(response.json()) == 1
    emotion = dict(received[0].metadata["emotion"])
    crisis = emotion.pop("derived")["crisis"]  # the service sent no screening: the in-Rasa lexicon ran
    assert emotion == {"available": False, "error": "text_too_long", "message": "too long"}
    assert crisis["source"] == "rasa_fallback" and crisis["flag"] is False


def test_dead_service_still_gets_an_answer(caplog) -> None:
    channel = EmobotWebInput(emotion_service_url=f"http://127.0.0.1:{free_port()}", timeout=1.0)
    response, received = serve_and_post(channel, lambda http, url: http.post(
        url, json={"sender": "d", "message": "anyone there?",
                   "metadata": {"emotion": {"available": True, "state": SAD_STATE}}}))

    assert response.json() == [{"recipient_id": "d", "text": "echo: anyone there?"}]
    emotion = received[0].metadata["emotion"]
    # the client's own "emotion" never reaches the policies
    assert emotion["available"] is False and emotion["error"] == "service_unavailable"
    assert "state" not in emotion
    assert any("Emotion service unavailable" in r.message for r in caplog.records)


def test_malformed_request_is_refused() -> None:
    channel = EmobotWebInput(client=service(lambda r: httpx.Response(500)))
    response, received = serve_and_post(channel, lambda http, url: http.post(
        url, content=b"[1, 2", headers={"content-type": "application/json"}))
    assert response.status_code == 400 and received == []


def test_credentials_and_environment(monkeypatch) -> None:
    monkeypatch.setenv("EMOBOT_SERVICE_URL", "http://10.0.0.5:9000/")
    assert EmobotWebInput.from_credentials(None).client.base_url == "http://10.0.0.5:9000"
    channel = EmobotWebInput.from_credentials(
        {"emotion_service_url": "http://svc:8500", "timeout": 3, "bot": "support"})
    assert (channel.client.base_url, channel.client.timeout, channel.bot) == (
        "http://svc:8500", 3.0, "support")
    monkeypatch.delenv("EMOBOT_SERVICE_URL")
    assert EmobotWebInput.from_credentials({}).client.base_url == "http://127.0.0.1:8500"
    assert EmobotWebInput.name() == "emobot_web"


def test_dead_service_still_screens_for_crisis_in_the_rasa_process() -> None:
    channel = EmobotWebInput(emotion_service_url=f"http://127.0.0.1:{free_port()}", timeout=1.0)
    response, received = serve_and_post(channel, lambda http, url: http.post(
        url, json={"sender": "e", "message": "i cant do this anymore, tonight im going to end my life"}))

    assert response.status_code == 200
    emotion = received[0].metadata["emotion"]
    assert emotion["available"] is False and emotion["error"] == "service_unavailable"
    crisis = emotion["derived"]["crisis"]
    assert crisis["flag"] is True and crisis["source"] == "rasa_fallback" and crisis["category"] == "plan"


def test_the_page_greetings_are_read_per_locale_and_a_wrong_shape_is_refused() -> None:
    import pytest

    from connectors.web.page import ChatPage

    page = ChatPage.from_mapping({"greeting": "Hi", "greetings": {"DE": "Hallo", "fr-CA": "Bonjour"}})
    assert page.to_json() == {"title": "emobot", "greeting": "Hi", "greetings": {"de": "Hallo", "fr-ca": "Bonjour"}}
    with pytest.raises(ValueError, match="greetings must map"):
        ChatPage.from_mapping({"greetings": ["Hallo"]})


def test_the_history_leaves_out_intents_a_system_sent() -> None:
    # fourth exploratory reading, M11: after a reload "EXTERNAL: handoff_waiting" showed as the person's words
    from types import SimpleNamespace

    from connectors.web.channel import _transcript

    events = [SimpleNamespace(type_name="user", text="hello", timestamp=1.0),
              SimpleNamespace(type_name="user", text="EXTERNAL: handoff_waiting", timestamp=2.0),
              SimpleNamespace(type_name="user", text="/session_start", timestamp=3.0),
              SimpleNamespace(type_name="bot", text="I'm sorry: nobody from our team has been able to join yet.", timestamp=4.0)]
    assert [(m["who"], m["text"]) for m in _transcript(SimpleNamespace(events=events))] == [
        ("user", "hello"), ("bot", "I'm sorry: nobody from our team has been able to join yet.")]


def test_a_control_character_in_a_sender_id_is_left_out_so_the_turn_is_logged() -> None:
    # eighth reading, L8: "ana-1\u0000" was refused by the service (a NUL) while the bot answered: a turn never logged
    requests: list[httpx.Request] = []

    def analyse(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json={"session_id": "ana-1", "turn_index": 0, "speaker_id": "ana-1",
                                         "available": True, "turn": None, "state": None, "modalities": {}})

    channel = EmobotWebInput(bot="support", client=service(analyse))
    response, received = serve_and_post(channel, lambda http, url: http.post(
        url, json={"sender": "ana-1\u0000", "message": "hi", "user_id": "ana\u0000\n"}))

    assert response.status_code == 200
    assert requests[0].url.path == "/v1/sessions/ana-1/turns"
    body = requests[0].read()
    assert b"user_id=ana" in body and b"\x00" not in body and b"ana%00" not in body
    assert received[0].sender_id == "ana-1"
