"""The service with the committed models (no fakes): real text analysis and bad input per modality."""
from __future__ import annotations

import io
import math
import struct
import wave

import pytest
from fastapi.testclient import TestClient

from emotion.service.analysis import Analyzer
from emotion.service.app import create_app
from emotion.settings import Settings


@pytest.fixture(scope="module")
def analyzer():
    analyzer = Analyzer.load(Settings())
    yield analyzer
    analyzer.close()


@pytest.fixture
def client(analyzer, sqlite_url):
    with TestClient(create_app(Settings(database_url=sqlite_url), analyzer)) as c:
        yield c


def tone_wav(seconds: float = 1.0, rate: int = 16000) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 220 * i / rate)))
                               for i in range(int(seconds * rate))))
    return buf.getvalue()


def test_text_encoder_is_loaded(analyzer):
    assert analyzer.status["text"] == "loaded"


def test_sad_text_reads_negative(client):
    body = client.post("/v1/sessions/real-1/turns",
                       data={"text": "I feel so sad and lonely, I cried all night", "speaker_id": "u"}).json()
    assert body["available"] and body["modalities_used"] == ["text"]
    assert body["turn"]["label"] in {"sadness", "fear"}
    assert body["state"]["valence"] < 0


def test_corrupt_audio_is_a_modality_error_and_text_still_used(client):
    r = client.post("/v1/sessions/real-2/turns", data={"text": "I am so happy today!", "speaker_id": "u"},
                    files={"audio": ("clip.wav", b"RIFF\x00\x00garbage-not-audio" * 10, "audio/wav")})
    assert r.status_code == 200
    body = r.json()
    assert body["modalities"]["audio"]["status"] == "error"
    assert body["modalities"]["audio"]["code"] == "corrupt_audio"
    assert body["modalities_used"] == ["text"] and body["turn"]["label"] == "joy"


def test_non_image_snapshot_is_a_modality_error(client):
    r = client.post("/v1/sessions/real-3/turns", data={"text": "hello", "speaker_id": "u"},
                    files=[("images", ("face.jpg", b"%PDF-1.4 definitely not a jpeg", "image/jpeg"))])
    assert r.status_code == 200
    body = r.json()
    assert body["modalities"]["face"]["status"] == "error"
    assert body["modalities"]["face"]["code"] == "not_an_image"


def test_only_unusable_modalities_leave_the_turn_unanalysed_but_logged(client):
    r = client.post("/v1/sessions/real-4/turns", data={"speaker_id": "u"},
                    files={"audio": ("clip.wav", b"not audio at all", "audio/wav")})
    assert r.status_code == 200
    body = r.json()
    assert body["available"] is False and body["turn"] is None and body["turn_index"] == 0
    state = client.get("/v1/sessions/real-4/state").json()
    assert state["turns_received"] == 1 and state["state"] is None


def test_clean_audio_is_accepted(client):
    body = client.post("/v1/sessions/real-5/turns", data={"text": "ok", "speaker_id": "u"},
                       files={"audio": ("tone.wav", tone_wav(), "audio/wav")}).json()
    # a pure tone has no speech: either analysed, or an explicit no_speech error, never dropped
    assert body["modalities"]["audio"]["status"] in {"used", "error", "not_used"}
    if body["modalities"]["audio"]["status"] == "error":
        assert body["modalities"]["audio"]["code"] in {"no_speech", "too_short"}


CONVERSATION = ["hi there", "my exam went badly", "I studied for weeks", "and still failed",
                "I don't know what to do", "maybe I should just give up"]


def talk(client, session: str, texts) -> list[dict]:
    return [client.post(f"/v1/sessions/{session}/turns", data={"text": t, "speaker_id": "u"}).json() for t in texts]


def test_turns_are_read_in_context_by_the_graph(analyzer, client):
    assert analyzer.status["context"] == "loaded", analyzer.status
    bodies = talk(client, "ctx-1", CONVERSATION)
    notes = bodies[-1]["modalities"]["text"]["notes"]
    assert any("conversation graph over 6 turns" in n for n in notes)
    nodes = client.app.state.moodlog.graph_window("ctx-1", 100)
    assert [n.turn_index for n in nodes] == list(range(6))
    assert nodes[-1].evidence_turns == 6 and 0 < nodes[-1].trait_conf < 1
    assert [n.turn_index for n in client.app.state.moodlog.graph_window("ctx-1", 3)] == [3, 4, 5]


def clip_and_face_after_two_turns(client, session: str) -> tuple[bytes, bytes]:
    """A RAVDESS clip and a (happy) face, after the conversation's first two turns in ``session``."""
    from .conftest import DATA

    talk(client, session, CONVERSATION[:2])
    return ((DATA / "ravdess_speech_16k" / "Actor_01" / "03-01-05-02-01-01-01.wav").read_bytes(),
            (DATA / "facial_expressions_muxspace" / "images" / "Adam_Sandler_0004.jpg").read_bytes())


def test_by_default_the_graph_reads_the_words_and_voice_and_face_are_fused_after_it(analyzer, client):
    assert analyzer.context.modalities == ("text",)
    clip, face = clip_and_face_after_two_turns(client, "ctx-late")
    audio = client.post("/v1/sessions/ctx-late/turns", data={"speaker_id": "u"},
                        files={"audio": ("clip.wav", clip, "audio/wav")}).json()
    assert audio["modalities_used"] == ["audio"] and audio["turn"] is not None
    assert not any("conversation graph" in n for n in audio["modalities"]["audio"]["notes"])
    both = client.post("/v1/sessions/ctx-late/turns", data={"speaker_id": "u", "text": "I am fine"},
                       files=[("images", ("face.jpg", face, "image/jpeg"))]).json()
    assert any("with this turn's text" in n for n in both["modalities"]["text"]["notes"])
    assert not any("conversation graph" in n for n in both["modalities"]["face"]["notes"])
    again = client.post("/v1/sessions/ctx-late/turns", data={"speaker_id": "u", "text": "I am fine"},
                        files=[("images", ("face.jpg", face, "image/jpeg"))]).json()
    assert any("read against this person's usual face (1 earlier turns)" in n
               for n in again["modalities"]["face"]["notes"])


def test_every_modality_subset_is_read_in_context(analyzer, client, monkeypatch):
    """The committed graph is pseudo-multimodal: with ``graph_modalities`` naming all three, an
    audio-only or face-only turn is read by the graph with the session's earlier turns, and its
    node keeps that modality's embedding."""
    from emotion.service.context import ConversationContext
    from emotion.settings import checkpoint_root

    monkeypatch.setattr(analyzer, "context", ConversationContext.load(checkpoint_root(), ["text", "audio", "face"]))
    assert set(analyzer.context.modalities) == {"text", "audio", "face"}
    clip, face = clip_and_face_after_two_turns(client, "ctx-mm")
    audio = client.post("/v1/sessions/ctx-mm/turns", data={"speaker_id": "u"},
                        files={"audio": ("clip.wav", clip, "audio/wav")}).json()
    assert audio["modalities_used"] == ["audio"] and audio["turn"] is not None
    assert any("conversation graph over 3 turns, with this turn's audio" in n for n in audio["modalities"]["audio"]["notes"])
    both = client.post("/v1/sessions/ctx-mm/turns", data={"speaker_id": "u", "text": "I am fine"},
                       files=[("images", ("face.jpg", face, "image/jpeg"))]).json()
    assert set(both["modalities_used"]) == {"text", "face"}
    assert any("with this turn's text, face" in n for n in both["modalities"]["face"]["notes"])
    nodes = client.app.state.moodlog.graph_window("ctx-mm", 10)
    assert [n.turn_index for n in nodes] == [0, 1, 2, 3]
    assert nodes[2].features is None and nodes[2].audio_features and nodes[2].face_features is None
    assert nodes[3].features and nodes[3].face_features and nodes[3].audio_features is None


def test_a_second_instance_continues_the_same_session(analyzer, tmp_path):
    """Two service instances on one database give the same reading as one instance."""
    shared, alone = f"sqlite:///{tmp_path / 'shared.sqlite3'}", f"sqlite:///{tmp_path / 'alone.sqlite3'}"
    with TestClient(create_app(Settings(database_url=shared), analyzer)) as first:
        talk(first, "rep", CONVERSATION[:-1])
    with TestClient(create_app(Settings(database_url=shared), analyzer)) as second:
        continued = talk(second, "rep", CONVERSATION[-1:])[-1]
    with TestClient(create_app(Settings(database_url=alone), analyzer)) as single:
        reference = talk(single, "rep", CONVERSATION)[-1]
    assert continued["turn_index"] == reference["turn_index"] == 5
    for label, p in reference["turn"]["probabilities"].items():
        assert continued["turn"]["probabilities"][label] == pytest.approx(p, abs=1e-4)
    assert continued["state"]["turns_observed"] == reference["state"]["turns_observed"] == 6


def test_crisis_language_is_flagged_and_stored(analyzer, client):
    assert analyzer.status["affect"] == "loaded", analyzer.status
    calm = client.post("/v1/sessions/risk/turns", data={"text": "I had a nice walk today", "speaker_id": "u"}).json()
    assert calm["derived"]["crisis"]["flag"] is False
    body = client.post("/v1/sessions/risk/turns",
                       data={"text": "I can't go on, I want to kill myself tonight", "speaker_id": "u",
                             "cues": '{"wrong_in_a_row": 0}'}).json()
    assert body["derived"]["crisis"]["flag"] is True and body["derived"]["distress"] > 0.5
    record = client.app.state.moodlog.latest_record("risk")
    assert record.derived["crisis"]["flag"] is True


def test_bad_cues_are_422_and_still_logged(client):
    r = client.post("/v1/sessions/cues/turns", data={"text": "hi", "speaker_id": "u", "cues": "[1, 2"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_cues" and r.json()["turn_logged"]


def test_a_sad_turn_after_a_greeting_makes_the_state_sad(client):
    talk(client, "greet-sad", ["hello"])
    body = talk(client, "greet-sad", ["I feel so sad today"])[-1]
    assert body["state"]["label"] == "sadness", body["state"]["probabilities"]


@pytest.mark.parametrize("text, lang", [
    ("ich bin so traurig heute, mein opa ist gestern gestorben", "de"),
    ("je suis tellement triste depuis qu'elle est partie", "fr"),
    ("estoy muy triste, mi perro murió esta mañana", "es"),
])
def test_sad_text_in_another_language_is_read_by_the_multilingual_head(client, text, lang):
    body = client.post("/v1/sessions/real-ml/turns", data={"text": text, "speaker_id": "u"}).json()
    assert any(f"text in {lang!r} read by the multilingual head" in n for n in body["modalities"]["text"]["notes"])
    assert body["turn"]["label"] == "sadness" and body["state"]["valence"] < 0


def test_english_text_is_read_by_the_english_encoder(client):
    body = client.post("/v1/sessions/real-en/turns", data={"text": "I am so happy today, I got the job!",
                                                            "speaker_id": "u"}).json()
    assert not any("multilingual" in n for n in body["modalities"]["text"]["notes"])
    assert body["turn"]["label"] == "joy"
