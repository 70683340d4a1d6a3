"""The input limits hold at their edges: at the limit a turn is taken, one over it is a logged 413;
and bad strings are clear 4xx (PostgreSQL cannot store NUL: they were 500s)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from emotion.moodlog.models import Turn
from emotion.service.analysis import Analyzer
from emotion.service.app import create_app
from emotion.settings import Settings

from .fakes import KeywordTextEncoder

LIMITS = {"max_text_chars": 50, "max_audio_bytes": 2_000, "max_image_bytes": 1_000, "max_images_per_turn": 2}


def _client(database_url: str) -> TestClient:
    analyzer = Analyzer({"text": KeywordTextEncoder(), "audio": None, "face": None},
                        {"text": "loaded", "audio": "not available: test", "face": "not available: test"})
    return TestClient(create_app(Settings(database_url=database_url, rate_limit_turns_per_minute=0, **LIMITS),
                                 analyzer))


@pytest.fixture
def client(sqlite_url):
    with _client(sqlite_url) as c:
        yield c


def logged(client, session_id):
    with Session(client.app.state.moodlog.engine) as db:
        return [(t.status, t.error_code) for t in db.exec(select(Turn).where(Turn.session_id == session_id)
                                                          .order_by(Turn.turn_index)).all()]


def post(client, session_id, text="hello", files=None):
    return client.post(f"/v1/sessions/{session_id}/turns", data={"text": text}, files=files)


def test_text_at_the_limit_is_taken_one_more_is_413(client):
    assert post(client, "t", "a" * 50).status_code == 200
    r = post(client, "t", "a" * 51)
    assert r.status_code == 413 and r.json()["error"]["code"] == "text_too_long" and r.json()["turn_logged"]
    assert logged(client, "t") == [("analysed", None), ("rejected", "text_too_long")]


def test_audio_at_the_limit_is_taken_one_more_byte_is_413(client):
    assert post(client, "a", files={"audio": ("a.wav", b"\0" * 2_000, "audio/wav")}).status_code == 200
    r = post(client, "a", files={"audio": ("a.wav", b"\0" * 2_001, "audio/wav")})
    assert r.status_code == 413 and r.json()["error"]["code"] == "upload_too_large"
    assert logged(client, "a")[-1] == ("rejected", "upload_too_large")


def test_images_over_the_size_or_the_count_are_413(client):
    assert post(client, "i", files=[("images", ("f.png", b"\0" * 1_000, "image/png"))] * 2).status_code == 200
    big = post(client, "i", files=[("images", ("f.png", b"\0" * 1_001, "image/png"))])
    many = post(client, "i", files=[("images", ("f.png", b"\0" * 10, "image/png"))] * 3)
    assert (big.status_code, big.json()["error"]["code"]) == (413, "upload_too_large")
    assert (many.status_code, many.json()["error"]["code"]) == (413, "too_many_images")
    assert logged(client, "i")[1:] == [("rejected", "upload_too_large"), ("rejected", "too_many_images")]


def test_speech_recognition_refuses_an_upload_over_the_limit(client):
    r = client.post("/v1/asr", files={"audio": ("a.wav", b"\0" * 2_001, "audio/wav")})
    assert r.status_code == 413 and r.json()["error"]["code"] == "upload_too_large"


@pytest.mark.postgres
def test_nul_characters_are_4xx_not_500_on_postgresql(postgres_url):
    with _client(postgres_url) as client:
        text = post(client, "n", "hello\x00there")
        speaker = client.post("/v1/sessions/n/turns", data={"text": "hi", "speaker_id": "a\x00b"})
        state = client.get("/v1/sessions/n/state", params={"speaker_id": "a\x00b"})
        handoff = client.post("/v1/sessions/n/handoffs", json={"reason": "a\x00b"})
        consent = client.put("/v1/users/u/consent", json={"text": True, "source": "a\x00b"})
        assert logged(client, "n") == [("rejected", "invalid_text")]
    assert (text.status_code, text.json()["error"]["code"], text.json()["turn_logged"]) == (422, "invalid_text", True)
    for r in (speaker, state, handoff, consent):
        assert (r.status_code, r.json()["error"]["code"]) == (422, "invalid_request"), r.text


def test_malformed_cues_are_a_logged_422(client):
    # {"wrong_in_a_row": false}: found by the API fuzz (a boolean was coerced to 0)
    for cues in ('{"history": 5}', '{"wrong_in_a_row": "x"}', '{"history": [{"text": 1}]}', '{"typo": 1}', "[1]",
                 '{"wrong_in_a_row": false}', '{"hint_requests": "3"}'):
        r = client.post("/v1/sessions/c/turns", data={"text": "hi", "cues": cues})
        assert (r.status_code, r.json()["error"]["code"]) == (422, "invalid_cues"), (cues, r.text)
    ok = client.post("/v1/sessions/c/turns", data={"text": "hi", "cues": '{"wrong_in_a_row": 2, "history": '
                                                                          '[{"text": "3/4?", "user": "Student"}]}'})
    assert ok.status_code == 200
    assert logged(client, "c") == [("rejected", "invalid_cues")] * 7 + [("analysed", None)]


def test_consent_takes_only_json_booleans(client):
    r = client.put("/v1/users/u/consent", json={"face": 0})
    assert (r.status_code, r.json()["error"]["code"]) == (422, "invalid_request")


def test_a_405_names_every_method_of_the_path(client):
    r = client.request("DELETE", "/v1/sessions/s/handoffs")
    assert r.status_code == 405 and r.headers["allow"] == "GET, POST"
    assert r.json()["error"]["code"] == "http_405"


def test_a_person_corrects_a_reading_of_their_turn(client):
    first = post(client, "s-fb", "I am so happy today").json()
    r = client.post(f"/v1/sessions/s-fb/turns/{first['turn_index']}/feedback", json={"label": "sadness"})
    assert r.status_code == 201
    assert r.json() == {"id": 1, "session_id": "s-fb", "turn_index": 0, "read_label": first["turn"]["label"],
                        "label": "sadness"}
    assert client.post("/v1/sessions/s-fb/turns/7/feedback", json={"label": "joy"}).json()["error"]["code"] == \
        "unknown_turn"
    for bad in ({"label": "happy"}, {"label": "joy", "extra": 1}, {}):
        assert client.post("/v1/sessions/s-fb/turns/0/feedback", json=bad).status_code == 422
    assert client.post("/v1/sessions/s-fb/turns/-1/feedback", json={"label": "joy"}).status_code == 422
