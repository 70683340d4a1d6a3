"""The service's HTTP contract and mood-log bookkeeping, with a keyword text encoder."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from emotion.moodlog.models import EmotionRecord, Turn
from emotion.service.analysis import Analyzer
from emotion.service.app import create_app
from emotion.settings import Settings

from .fakes import KeywordTextEncoder


@pytest.fixture
def client(sqlite_url):
    analyzer = Analyzer({"text": KeywordTextEncoder(), "audio": None, "face": None},
                        {"text": "loaded", "audio": "not available: test", "face": "not available: test"})
    settings = Settings(database_url=sqlite_url, max_text_chars=1000)
    with TestClient(create_app(settings, analyzer)) as c:
        yield c


def turns_of(client, session_id):
    with Session(client.app.state.moodlog.engine) as db:
        return db.exec(select(Turn).where(Turn.session_id == session_id).order_by(Turn.turn_index)).all()


def test_text_turn_returns_state_and_is_logged(client):
    r = client.post("/v1/sessions/s1/turns", data={"text": "I am so sad today", "speaker_id": "u1", "bot": "support"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["turn_index"] == 0 and body["available"] is True
    assert body["turn"]["label"] == "sadness" and body["state"]["label"] == "sadness"
    assert abs(sum(body["state"]["probabilities"].values()) - 1) < 1e-6
    assert body["state"]["valence"] < 0
    assert body["modalities_used"] == ["text"]
    assert body["modalities"]["audio"]["status"] == "absent"
    [turn] = turns_of(client, "s1")
    assert turn.status == "analysed" and turn.text == "I am so sad today"
    with Session(client.app.state.moodlog.engine) as db:
        record = db.exec(select(EmotionRecord).where(EmotionRecord.turn_id == turn.id)).one()
    assert record.state_label == "sadness" and record.modalities_used == ["text"]


def test_state_is_smoothed_and_trend_follows_mood(client):
    for text in ["I am sad", "I am sad", "hello there", "I am happy", "so happy now"]:
        last = client.post("/v1/sessions/s2/turns", data={"text": text, "speaker_id": "u"}).json()
    assert last["turn_index"] == 4
    assert last["state"]["turns_observed"] == 5
    assert last["state"]["trend"]["valence"] > 0  # sad -> happy
    state = client.get("/v1/sessions/s2/state", params={"speaker_id": "u"}).json()
    assert state["state"] == last["state"] and state["turn_index"] == 4 and state["turns_received"] == 5


def test_unknown_session_state_is_404(client):
    r = client.get("/v1/sessions/nobody/state")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "unknown_session"


def test_huge_text_is_413_and_still_logged(client):
    r = client.post("/v1/sessions/s3/turns", data={"text": "x" * 100_000, "speaker_id": "u"})
    assert r.status_code == 413
    body = r.json()
    assert body["error"]["code"] == "text_too_long" and body["turn_logged"] is True
    [turn] = turns_of(client, "s3")
    assert turn.status == "rejected" and turn.error_code == "text_too_long" and turn.text_chars == 100_000


def test_empty_turn_is_422_and_still_logged(client):
    r = client.post("/v1/sessions/s4/turns", data={"text": "   ", "speaker_id": "u"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "empty_turn"
    assert [t.status for t in turns_of(client, "s4")] == ["rejected"]


def test_modalities_without_encoder_are_reported_not_dropped(client):
    r = client.post("/v1/sessions/s5/turns", data={"text": "happy", "speaker_id": "u"},
                    files={"audio": ("clip.wav", b"RIFF....", "audio/wav")})
    body = r.json()
    assert body["modalities"]["audio"]["status"] in {"not_used", "error"}
    assert body["modalities_used"] == ["text"]
    [turn] = turns_of(client, "s5")
    assert turn.modalities["audio"]["status"] == body["modalities"]["audio"]["status"]


def test_invalid_session_id_is_422(client):
    r = client.post("/v1/sessions/bad%20id!/turns", data={"text": "hi"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_healthz_and_openapi(client):
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["database"] == "sqlite" and health["encoders"]["text"] == "loaded"
    spec = client.get("/openapi.json").json()
    assert "/v1/sessions/{session_id}/turns" in spec["paths"]


def test_the_bots_replies_are_kept_beside_the_persons_words(client):
    client.post("/v1/sessions/r1/turns", data={"text": "I am so sad today", "speaker_id": "u1", "user_id": "u1"})
    r = client.put("/v1/sessions/r1/turns/0/replies", json={"replies": ["That sounds hard.", "What happened?"]})
    assert r.status_code == 200 and r.json() == {"session_id": "r1", "turn_index": 0, "kept": True}
    assert turns_of(client, "r1")[0].bot_replies == ["That sounds hard.", "What happened?"]
    client.put("/v1/sessions/r1/turns/0/replies", json={"replies": ["That sounds really hard."]})  # replaces
    assert turns_of(client, "r1")[0].bot_replies == ["That sounds really hard."]


def test_replies_to_an_unknown_turn_or_out_of_bounds_are_refused(client):
    client.post("/v1/sessions/r3/turns", data={"text": "hello", "speaker_id": "u"})
    assert client.put("/v1/sessions/r3/turns/1/replies", json={"replies": ["hi"]}).json()["error"]["code"] == "unknown_turn"
    for body in ({"replies": ["x"] * 21}, {"replies": ["x" * 4001]}, {"replies": ["a\x00b"]}, {"replies": "hi"},
                 {"replies": ["hi"], "extra": 1}):
        assert client.put("/v1/sessions/r3/turns/0/replies", json=body).status_code == 422, body
    assert turns_of(client, "r3")[0].bot_replies is None
