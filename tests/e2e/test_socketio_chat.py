"""A Rasa chat widget's socket.io conversation with the support bot, through the real servers.

A python-socketio client speaks the events of Rasa's socket.io channel over the websocket
transport (as rasa-webchat and Chatwidget do) to a real ``rasa run`` of bot/support, whose
emobot_web channel sends each turn to the real emotion service; the voice clip (RAVDESS) and
face photo (muxspace) travel base64-encoded in customData.
"""
from __future__ import annotations

import base64
import io
import uuid
import wave
from contextlib import ExitStack

import httpx
import pytest

from tests.e2e.processes import REPO, emotion_service
from tests.e2e.rasa_server import rasa_server
from tests.e2e.widget import Widget, conversation_of

pytestmark = pytest.mark.slow

DATA = REPO.parent / "shared" / "data"
VOICE = DATA / "ravdess_speech_16k" / "Actor_01" / "03-01-04-02-01-01-01.wav"  # "Kids are talking by the door"
FACE = DATA / "facial_expressions_muxspace" / "images" / "Adam_Sandler_0004.jpg"


def state(service_url: str, session_token: str) -> dict:
    """The service's state of the conversation a widget's confirmed session token names."""
    return httpx.get(f"{service_url}/v1/sessions/{conversation_of(session_token)}/state", timeout=10).json()


def looped(clip: bytes, seconds: float) -> bytes:
    """A WAV clip repeated to ``seconds`` (16 kHz 16-bit mono: 32 kB/s)."""
    with wave.open(io.BytesIO(clip)) as source:
        params, frames = source.getparams(), source.readframes(source.getnframes())
    out = io.BytesIO()
    with wave.open(out, "wb") as target:
        target.setparams(params)
        target.writeframes(frames * int(seconds * params.framerate / params.nframes + 1))
    return out.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """(service URL, Rasa URL, stop the service); the service may be stopped before Rasa."""
    database_url = f"sqlite:///{tmp_path_factory.mktemp('socketio') / 'moodlog.sqlite3'}"
    with ExitStack() as service:
        service_url = service.enter_context(emotion_service(database_url))
        with rasa_server("support", emotion_service_url=service_url) as rasa_url:
            yield service_url, rasa_url, service.close


def test_text_then_voice_and_face_turns_reach_the_bot_and_the_mood_log(servers):
    service_url, rasa_url, _ = servers
    widget = Widget(rasa_url)
    try:
        session_id = widget.session()
        assert conversation_of(session_id).startswith("web-")  # a new conversation: the channel picks the id
        user_id = f"ana-{uuid.uuid4().hex[:8]}"

        answer = widget.say(session_id, "I feel so sad and lonely, I cried all night", {"user_id": user_id})
        assert answer and all(event == "bot_uttered" and "text" in data for event, data in answer), answer
        after_text = state(service_url, session_id)
        assert after_text["modalities_used"] == ["text"] and after_text["turns_received"] == 1

        # 40 s of voice: a 1.7 MB message, over Sanic's default 1 MiB websocket frame, which the
        # channel raises to fit its media limits (4 MiB of audio by default)
        voice = looped(VOICE.read_bytes(), seconds=40)
        assert len(b64(voice)) > 2**20
        answer = widget.say(session_id, "I don't know what to do", {
            "user_id": user_id,
            "audio": f"data:audio/wav;base64,{b64(voice)}",
            "images": [{"data": b64(FACE.read_bytes()), "mime": "image/jpeg"}]})
        assert answer and {event for event, _ in answer} == {"bot_uttered"}, answer
        after_media = state(service_url, session_id)
        assert after_media["modalities_used"] == ["text", "audio", "face"], after_media
        assert after_media["turns_received"] == 2 and after_media["state"]["turns_observed"] == 2

        # a clip that is not base64: the widget hears why, the text still reaches the bot
        answer = widget.say(session_id, "are you there?", {"audio": {"data": "%%%", "mime": "audio/wav"}})
        assert answer[0] == ("emobot_error", {"code": "invalid_media", "field": "audio",
                                              "message": "data is not valid base64"})
        assert [event for event, _ in answer[1:]] and {event for event, _ in answer[1:]} == {"bot_uttered"}
        assert state(service_url, session_id)["modalities_used"] == ["text"]

        # session persistence: a second tab (or a reload) joins the conversation and hears the bot
        tab = Widget(rasa_url)
        try:
            assert tab.session(session_id) == session_id
            widget.say(session_id, "thank you")
            assert tab.events.get(timeout=10)[0] == "bot_uttered"
        finally:
            tab.sio.disconnect()
        assert state(service_url, session_id)["turns_received"] == 4
    finally:
        widget.sio.disconnect()


def test_the_bot_answers_over_socketio_when_the_service_is_down(servers):
    _, rasa_url, stop_service = servers
    stop_service()
    widget = Widget(rasa_url)
    try:
        session_id = widget.session()
        answer = widget.say(session_id, "hello, is anyone there?", {"images": [b64(FACE.read_bytes())]})
        assert answer and {event for event, _ in answer} == {"bot_uttered"}, answer
    finally:
        widget.sio.disconnect()
