"""VoiceInput served by a real Sanic server on loopback, as Rasa registers it.

The bot is a stub ``on_new_message`` that echoes the transcript; the emotion service is an
httpx.MockTransport that follows the service's contract (``/v1/asr``, ``/v1/sessions/.../turns``).
Speech synthesis is the real espeak-ng.
"""
from __future__ import annotations

import asyncio
import base64
import itertools
import json

import httpx
import pytest
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from connectors.client import EmotionServiceClient
from connectors.voice.channel import VoiceInput
from connectors.voice.speech import synthesize
from tests.e2e.processes import free_port

_app_ids = itertools.count()
STATE = {"label": "sadness", "probabilities": {"sadness": 0.7, "neutral": 0.3}, "valence": -0.5, "arousal": -0.2,
         "confidence": 0.8, "trend": {"valence": 0.0, "arousal": 0.0}, "turns_observed": 1}
WAV = asyncio.run(synthesize("I feel sad"))


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    monkeypatch.setattr(Sanic, "test_mode", True)  # see tests/rasa/test_channel.py


def service(requests: list[httpx.Request], heard: str = "i feel sad", audio: dict | None = None,
            status: int = 200) -> EmotionServiceClient:
    """The service as the voice channel sees it: one turn request that recognises the words
    (``heard``; "" = none) and reads the clip (``audio``: its modality report)."""
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.method == "PUT":
            return httpx.Response(200, json={"session_id": "s", "turn_index": 0})
        transcript = {"text": heard, "confidence": 0.4, "speech_s": 0.9} if heard else None
        if status != 200:  # refused (a limit): the words come back all the same, heard before it
            return httpx.Response(status, json={"error": {"code": "rate_limited", "message": "slow down"},
                                                "turn_logged": True, "turn_index": 0,
                                                **({"transcript": transcript} if transcript else {})})
        return httpx.Response(200, json={
            "session_id": "s", "turn_index": 0, "speaker_id": "s", "available": True, "turn": STATE, "state": STATE,
            "modalities": {"text": {"status": "used"}, "audio": audio or {"status": "used"}},
            "modalities_used": ["text", "audio"], "transcript": transcript})

    return EmotionServiceClient("http://emotion.test", transport=httpx.MockTransport(handle))


def exchange(channel: VoiceInput, in_session: bool, bot_answers: bool = True,
             **request) -> tuple[dict | None, httpx.Response, list[UserMessage]]:
    """Serve ``channel`` as Rasa does and post one spoken turn (``request``); ``in_session``: POST
    /session first and send its token. Returns (the issued session or None, the answer, what the bot got)."""
    received: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)
        if bot_answers:
            await message.output_channel.send_text_message(message.sender_id, f"you said {message.text}")

    async def run() -> tuple[dict | None, httpx.Response]:
        app = Sanic(f"emobot_voice_test_{next(_app_ids)}")
        app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/emobot_voice")
        port = free_port()
        server = await app.create_server(host="127.0.0.1", port=port, access_log=False, return_asyncio_server=True)
        await server.startup()
        try:
            async with httpx.AsyncClient(timeout=20) as http:
                base = f"http://127.0.0.1:{port}/webhooks/emobot_voice"
                issued = (await http.post(f"{base}/session")).json() if in_session else None
                token = {"Authorization": f"Bearer {issued['token']}"} if issued else {}
                headers = {**(request.pop("headers", None) or {}), **token}
                answer = await http.post(f"{base}/webhook", headers=headers or None, **request)
                await asyncio.gather(*channel.reporting)
                return issued, answer
        finally:
            await server.close()

    issued, answer = asyncio.run(run())
    return issued, answer, received


def post(channel: VoiceInput, bot_answers: bool = True, **request) -> tuple[httpx.Response, list[UserMessage]]:
    _, answer, received = exchange(channel, False, bot_answers, **request)
    return answer, received


def test_synthesize_gives_a_wav_with_real_sizes() -> None:
    assert WAV[:4] == b"RIFF" and WAV[8:12] == b"WAVE"
    assert int.from_bytes(WAV[4:8], "little") == len(WAV) - 8
    assert int.from_bytes(WAV[40:44], "little") == len(WAV) - 44 > 22_050 * 2 * 0.3  # > 0.3 s of 16-bit audio


def test_a_spoken_turn_is_heard_and_read_in_one_request_then_the_bot_answers() -> None:
    requests: list[httpx.Request] = []
    answer, received = post(VoiceInput(bot="support", client=service(requests)),
                            data={"sender": "caller-1", "user_id": "u1"}, files={"audio": ("x", WAV, "audio/wav")})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [r.url.path for r in requests] == ["/v1/sessions/caller-1/turns",
                                              "/v1/sessions/caller-1/turns/0/replies"]  # the bot's words, logged
    turn = requests[0].content
    assert b'name="transcribe"\r\n\r\ntrue' in turn and WAV[:200] in turn and b'name="user_id"\r\n\r\nu1' in turn
    assert received[0].text == "i feel sad" and received[0].metadata["emotion"]["state"]["label"] == "sadness"
    assert received[0].input_channel == "emobot_voice"
    assert body["transcript"] == "i feel sad" and body["reply_text"] == "you said i feel sad"
    assert base64.b64decode(body["audio"]["base64"])[:4] == b"RIFF"
    assert json.loads(requests[1].content) == {"replies": ["you said i feel sad"]}
    assert body["asr_confidence"] == 0.4 and received[0].metadata["asr"]["text"] == "i feel sad"


@pytest.mark.parametrize("locale, language", [("de-DE", b"de"), ("pt_BR", b"pt"), ("en-GB", b"en"), (None, None),
                                              ("not a locale", None)])
def test_the_callers_locale_tells_the_service_the_clips_language(locale, language) -> None:
    """Sixth exploratory reading, H6: a German clip was recognised as English."""
    requests: list[httpx.Request] = []
    data = {"sender": "caller-de", **({"locale": locale} if locale else {})}
    answer, _ = post(VoiceInput(bot="support", client=service(requests)), data=data,
                     files={"audio": ("x", WAV, "audio/wav")})
    assert answer.status_code == 200, answer.text
    sent = requests[0].content
    if language is None:
        assert b'name="language"' not in sent
    else:
        assert b'name="language"\r\n\r\n' + language in sent


def test_a_caller_at_risk_is_never_met_with_silence() -> None:
    """The bot said nothing (a failed action): the channel's safety net speaks, as on the web."""
    requests: list[httpx.Request] = []
    channel = VoiceInput(bot="support", client=service(requests, heard="i am going to kill myself tonight"))
    answer, _ = post(channel, bot_answers=False, data={"sender": "caller-2"}, files={"audio": ("x", WAV, "audio/wav")})
    body = answer.json()
    assert answer.status_code == 200 and body["reply_text"] == channel.safety_net_text
    assert base64.b64decode(body["audio"]["base64"])[:4] == b"RIFF"


@pytest.mark.parametrize("request_args, status, code", [
    ({"data": {"sender": "a"}, "files": {"audio": ("x.mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(64), "video/mp4")}},
     415, "unsupported_format"),
    ({"data": {"sender": "a"}, "files": {"audio": ("x.wav", b"RIFF\x00\x00\x00\x00AVI " + bytes(64), "audio/wav")}},
     415, "unsupported_format"),
    ({"files": {"audio": ("x.wav", WAV, "audio/wav")}}, 400, "invalid_request"),
    ({"content": json.dumps({"sender": "a"}), "headers": {"Content-Type": "application/json"}}, 400, "invalid_request"),
])
def test_unusable_requests_never_reach_the_service(request_args, status, code) -> None:
    requests: list[httpx.Request] = []
    answer, received = post(VoiceInput(client=service(requests)), **request_args)
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code)
    assert requests == [] and received == []


@pytest.mark.parametrize("answer_kwargs, status, code", [
    ({"heard": ""}, 422, "no_speech"),
    ({"heard": "", "audio": {"status": "error", "code": "corrupt_audio", "message": "cannot be decoded"}},
     422, "corrupt_audio"),
    ({"heard": "", "audio": {"status": "used", "notes": ["clip cut to 15.0 s"]}}, 413, "audio_too_long"),
    ({"status": 429, "heard": ""}, 503, "service_unavailable"),  # refused and nothing heard: queued, heard later
])
def test_a_turn_without_words_is_answered_with_why_and_the_bot_not_called(answer_kwargs, status, code) -> None:
    requests: list[httpx.Request] = []
    answer, received = post(VoiceInput(client=service(requests, **answer_kwargs)),
                            content=WAV, headers={"Content-Type": "audio/wav"}, params={"sender": "a"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code)
    assert received == [] and requests[0].url.path == "/v1/sessions/a/turns"  # logged by the service all the same


def test_a_rate_limited_spoken_turn_is_still_heard_and_answered() -> None:
    """The session's limit refuses the analysis (queued for later), not the person: the words
    heard before the limit reach the bot."""
    requests: list[httpx.Request] = []
    answer, received = post(VoiceInput(client=service(requests, status=429, heard="please help me")),
                            data={"sender": "caller-3"}, files={"audio": ("x", WAV, "audio/wav")})
    assert answer.status_code == 200 and answer.json()["transcript"] == "please help me"
    assert received[0].text == "please help me" and received[0].metadata["emotion"]["queued"] is True


def test_a_spoken_turn_with_an_issued_session_acts_on_it_and_is_told_its_state() -> None:
    """A voice client proves its conversation as a web page does; what its request names is ignored."""
    requests: list[httpx.Request] = []
    issued, answer, received = exchange(VoiceInput(bot="support", client=service(requests), session_secret="s" * 32), True,
                                        data={"sender": "someone-else"}, files={"audio": ("x", WAV, "audio/wav")})
    assert answer.status_code == 200, answer.text
    assert issued["session_id"].startswith("web-") and issued["token"]
    assert requests[0].url.path == f"/v1/sessions/{issued['session_id']}/turns"
    assert received[0].sender_id == issued["session_id"]
    assert answer.json()["emotion"]["state"]["label"] == "sadness"  # its own conversation: the state is its to see


def test_without_a_session_the_answer_tells_this_turns_reading_only() -> None:
    requests: list[httpx.Request] = []
    answer, _ = post(VoiceInput(bot="support", client=service(requests)), data={"sender": "caller-9"},
                     files={"audio": ("x", WAV, "audio/wav")})
    assert answer.status_code == 200 and answer.json()["emotion"]["state"] is None


def test_a_channel_that_requires_sessions_refuses_a_named_sender() -> None:
    requests: list[httpx.Request] = []
    answer, received = post(VoiceInput(bot="support", client=service(requests), require_session=True),
                            data={"sender": "caller-1"}, files={"audio": ("x", WAV, "audio/wav")})
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "no_session"
    assert requests == [] and received == []
