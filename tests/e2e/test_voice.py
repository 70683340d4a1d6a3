"""The emobot_voice channel end to end: a spoken turn (espeak-ng) -> Rasa -> service ASR and
emotion analysis -> the reply as text and speech; clear errors for unusable audio."""
from __future__ import annotations

import base64
import io
import re
import subprocess
from contextlib import contextmanager
from typing import Iterator

import httpx
import numpy as np
import pytest
import soundfile as sf

from tests.e2e.processes import emotion_service, free_port
from tests.e2e.rasa_server import rasa_server

pytestmark = pytest.mark.slow
SAD = "I feel so sad and lonely today"


@contextmanager
def voice_servers(database_url: str, **settings: str) -> Iterator[tuple[str, str]]:
    """(service URL, Rasa URL): the emotion service (``EMOBOT_`` ``settings``) and the support bot, on loopback."""
    with emotion_service(database_url, **settings) as service_url, \
            rasa_server("support", emotion_service_url=service_url) as rasa_url:
        yield service_url, rasa_url


def spoken(text: str) -> bytes:
    """``text`` said by espeak-ng, as WAV bytes."""
    return subprocess.run(["espeak-ng", "-v", "en-us", "-s", "140", "--stdout", text],
                          check=True, capture_output=True).stdout


def wav(wave: np.ndarray, rate: int = 16_000) -> bytes:
    out = io.BytesIO()
    sf.write(out, wave, rate, format="WAV", subtype="PCM_16")
    return out.getvalue()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with voice_servers(f"sqlite:///{tmp_path_factory.mktemp('voice') / 'moodlog.sqlite3'}") as urls:
        yield urls


def say(rasa_url: str, clip: bytes, sender: str, content_type: str = "audio/wav") -> httpx.Response:
    return httpx.post(f"{rasa_url}/webhooks/emobot_voice/webhook", data={"sender": sender, "user_id": sender},
                      files={"audio": ("turn", clip, content_type)}, timeout=60)


def test_spoken_turn_gets_transcript_emotion_and_spoken_reply(servers):
    service_url, rasa_url = servers
    sender = f"voice-{free_port()}"
    answer = say(rasa_url, spoken(SAD), sender)
    assert answer.status_code == 200, answer.text
    body = answer.json()

    heard = set(re.findall(r"[a-z']+", body["transcript"].lower()))
    assert heard & {"i", "feel", "so", "sad", "and", "lonely", "today"}, body["transcript"]
    assert body["emotion"]["available"] is True
    assert "audio" in body["emotion"]["modalities_used"]
    assert body["emotion"]["turn"]["label"] in body["emotion"]["turn"]["probabilities"]
    # a voice sender proves nothing: the answer holds this turn's reading, not the conversation's
    # (seventh exploratory reading, H6; the bot and the mood log have all of it)
    assert body["emotion"]["state"] is None and body["emotion"]["derived"] is None
    assert body["emotion"]["withheld"] == ["state", "derived"]

    assert body["reply_text"] and body["reply_text"] == " ".join(m["text"] for m in body["messages"] if "text" in m)
    reply, rate = sf.read(io.BytesIO(base64.b64decode(body["audio"]["base64"])))
    assert body["audio"]["content_type"] == "audio/wav" and rate == 22_050
    assert len(reply) / rate > 0.5 and np.abs(reply).max() > 0.05  # real speech, not silence

    # the mood log holds the turn with the transcript as its text
    state = httpx.get(f"{service_url}/v1/sessions/{sender}/state").json()
    assert state["turns_received"] == 1 and "audio" in state["modalities_used"]


def test_raw_audio_body_is_accepted(servers):
    _, rasa_url = servers
    answer = httpx.post(f"{rasa_url}/webhooks/emobot_voice/webhook?sender=voice-raw-{free_port()}",
                        content=spoken("hello, how are you"), headers={"Content-Type": "audio/wav"}, timeout=60)
    assert answer.status_code == 200, answer.text
    assert answer.json()["audio"]["base64"]


@pytest.mark.parametrize("clip, status, code", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), 415, "unsupported_format"),
    (wav(np.zeros(32_000, dtype=np.float32)), 422, "no_speech"),
    (b"", 422, "empty_audio"),
])
def test_unusable_audio_is_refused_with_a_code(servers, clip, status, code):
    _, rasa_url = servers
    answer = say(rasa_url, clip, f"voice-bad-{free_port()}")
    assert answer.status_code == status, answer.text
    assert answer.json()["error"]["code"] == code


def test_over_long_turn_is_refused(servers):
    _, rasa_url = servers
    speech, rate = sf.read(io.BytesIO(spoken(SAD)), dtype="float32")
    long = np.tile(speech, int(35 * rate / len(speech)) + 1)  # > 30 s, the channel's limit
    answer = say(rasa_url, wav(long, rate), f"voice-long-{free_port()}")
    assert answer.status_code == 413, answer.text
    assert answer.json()["error"]["code"] == "audio_too_long"
