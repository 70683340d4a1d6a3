"""EmotionServiceClient against httpx.MockTransport: parsing, retry, error mapping."""
from __future__ import annotations

from urllib.parse import quote

import asyncio
from typing import Callable

import httpx
import pytest

from connectors.client import EmotionServiceClient, service_session_id
from connectors.service_errors import EmotionServiceRejected, EmotionServiceUnavailable
from tests.e2e.processes import free_port

SAD = {"label": "sadness", "valence": -0.62, "arousal": -0.3, "confidence": 0.8,
       "probabilities": {"neutral": 0.1, "joy": 0.02, "sadness": 0.7, "anger": 0.05,
                         "fear": 0.08, "disgust": 0.03, "surprise": 0.02}}
TURN_JSON = {
    "session_id": "conv/1", "turn_index": 2, "speaker_id": "ana", "available": True,
    "turn": SAD,
    "state": {**SAD, "trend": {"valence": -0.1, "arousal": 0.05, "labels": {"sadness": 0.1}},
              "turns_observed": 3},
    "modalities": {"text": {"status": "used", "code": None, "message": None, "notes": []},
                   "audio": {"status": "error", "code": "audio_too_short",
                             "message": "clip is 0.1 s", "notes": []},
                   "face": {"status": "absent", "code": None, "message": None, "notes": []}},
    "modalities_used": ["text"],
}


def client_with(handler: Callable[[httpx.Request], httpx.Response]) -> EmotionServiceClient:
    return EmotionServiceClient("http://emotion.test", timeout=2.0,
                                transport=httpx.MockTransport(handler))


def test_analyse_turn_sends_the_form_and_parses_the_answer() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=TURN_JSON)

    async def run():
        async with client_with(handler) as client:
            return await client.analyse_turn(
                "conv/1", "I lost my job", speaker_id="ana", bot="support",
                audio=("turn.wav", b"RIFF0000", "audio/wav"),
                images=[("a.jpg", b"\xff\xd8a", "image/jpeg"), ("b.jpg", b"\xff\xd8b", "image/jpeg")],
                user_id="ana@example.org",
            )

    analysis = asyncio.run(run())
    request = seen[0]
    assert request.method == "POST"
    # the sender id is one path segment even when it contains a slash
    # "conv/1" is no session id the service accepts: it goes as a derived id (connectors.client.service_session_id)
    assert request.url.raw_path == f"/v1/sessions/{quote(service_session_id('conv/1'), safe='')}/turns".encode()
    assert service_session_id("conv/1").startswith("sid:") and service_session_id("conv-1") == "conv-1"
    body = request.read()
    assert request.headers["content-type"].startswith("multipart/form-data")
    for part in (b'name="text"', b"I lost my job", b'name="speaker_id"', b'name="bot"',
                 b'name="user_id"', b"ana@example.org",
                 b'name="audio"; filename="turn.wav"', b"RIFF0000"):
        assert part in body
    assert body.count(b'name="images"') == 2

    assert analysis.available and analysis.turn_index == 2
    assert analysis.state is not None and analysis.state.label == "sadness"
    assert analysis.state.probabilities["sadness"] == pytest.approx(0.7)
    assert analysis.state.trend_valence == pytest.approx(-0.1)
    assert analysis.state.trend_labels == {"sadness": pytest.approx(0.1)}
    assert analysis.state.turns_observed == 3
    assert analysis.modalities["audio"].code == "audio_too_short"
    assert analysis.modalities_used == ["text"]
    assert analysis.raw == TURN_JSON


def test_text_only_turn_is_urlencoded() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["content-type"] == "application/x-www-form-urlencoded"
        assert request.read() == b"text=&speaker_id=ana"
        return httpx.Response(200, json={**TURN_JSON, "available": False, "turn": None,
                                         "state": None, "modalities_used": []})

    analysis = asyncio.run(client_with(handler).analyse_turn("c", "", speaker_id="ana"))
    assert not analysis.available and analysis.turn is None and analysis.state is None


def test_one_retry_after_a_connect_error() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200, json=TURN_JSON)

    analysis = asyncio.run(client_with(handler).analyse_turn("c", "hi", speaker_id="ana"))
    assert len(calls) == 2 and analysis.available


def test_5xx_twice_is_unavailable() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503, text="overloaded")

    with pytest.raises(EmotionServiceUnavailable, match="503"):
        asyncio.run(client_with(handler).analyse_turn("c", "hi", speaker_id="ana"))
    assert len(calls) == 2


def test_read_timeout_is_not_retried() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(EmotionServiceUnavailable, match="timed out"):
        asyncio.run(client_with(handler).analyse_turn("c", "hi", speaker_id="ana"))
    assert len(calls) == 1


def test_4xx_is_rejected_with_the_service_error() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(413, json={"error": {"code": "text_too_long",
                                                   "message": "text exceeds 2000 characters"},
                                         "turn_logged": True, "turn_index": 4})

    with pytest.raises(EmotionServiceRejected) as info:
        asyncio.run(client_with(handler).analyse_turn("c", "x" * 5000, speaker_id="ana"))
    error = info.value
    assert (error.status_code, error.code, error.turn_logged, error.turn_index) == (
        413, "text_too_long", True, 4)
    assert len(calls) == 1


def test_get_state_and_unknown_session() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/sessions/known/state":
            assert request.url.params["speaker_id"] == "ana"
            return httpx.Response(200, json={"session_id": "known", "speaker_id": "ana",
                                             "turn_index": 2, "turns_received": 4,
                                             "state": TURN_JSON["state"],
                                             "modalities_used": ["text"]})
        assert "speaker_id" not in request.url.params
        return httpx.Response(404, json={"error": {"code": "unknown_session", "message": "no"}})

    async def run():
        async with client_with(handler) as client:
            state = await client.get_state("known", "ana")
            with pytest.raises(EmotionServiceRejected) as info:
                await client.get_state("other")
            return state, info.value

    state, error = asyncio.run(run())
    assert (state.turn_index, state.turns_received) == (2, 4)
    assert state.state is not None and state.state.label == "sadness"
    assert (error.status_code, error.code) == (404, "unknown_session")


def test_dead_service_is_unavailable() -> None:
    """A real refused connection: nothing listens on the port."""
    client = EmotionServiceClient(f"http://127.0.0.1:{free_port()}", timeout=1.0)
    with pytest.raises(EmotionServiceUnavailable, match="cannot connect"):
        asyncio.run(client.analyse_turn("c", "hi", speaker_id="ana"))
