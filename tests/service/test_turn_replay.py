"""Replayed turns: a turn sent again with its ``client_turn_id`` is logged once; ``sent_at`` is kept;
a database outage answers 503 and writes nothing (the channel's outbox replays the turn later)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from emotion.moodlog.models import EmotionRecord, Turn
from emotion.service.analysis import Analyzer
from emotion.service.app import create_app
from emotion.settings import Settings

from .fakes import KeywordTextEncoder


def service(database_url: str) -> TestClient:
    analyzer = Analyzer({"text": KeywordTextEncoder(), "audio": None, "face": None},
                        {"text": "loaded", "audio": "not available: test", "face": "not available: test"})
    return TestClient(create_app(Settings(database_url=database_url, max_text_chars=100), analyzer))


@pytest.fixture
def client(sqlite_url):
    with service(sqlite_url) as c:
        yield c


def logged(client, session_id) -> list[Turn]:
    with Session(client.app.state.moodlog.engine) as db:
        return db.exec(select(Turn).where(Turn.session_id == session_id).order_by(Turn.turn_index)).all()


def records(client, session_id) -> list[EmotionRecord]:
    with Session(client.app.state.moodlog.engine) as db:
        return db.exec(select(EmotionRecord).where(EmotionRecord.session_id == session_id)).all()


def test_a_replayed_turn_is_logged_once_and_answered_from_the_log(client):
    turn = {"text": "I am so sad", "speaker_id": "u", "client_turn_id": "t-1", "sent_at": "2026-11-26T10:00:00+01:00"}
    first = client.post("/v1/sessions/r1/turns", data=turn)
    client.post("/v1/sessions/r1/turns", data={"text": "I am happy", "speaker_id": "u", "client_turn_id": "t-2"})
    again = client.post("/v1/sessions/r1/turns", data=turn)

    assert first.status_code == again.status_code == 200
    a, b = first.json(), again.json()
    assert a["duplicate"] is False and b["duplicate"] is True
    assert a["client_turn_id"] == b["client_turn_id"] == "t-1"
    for key in ("turn_index", "turn", "state", "modalities", "modalities_used", "derived"):
        assert a[key] == b[key], key
    rows = logged(client, "r1")
    assert [(r.turn_index, r.client_turn_id) for r in rows] == [(0, "t-1"), (1, "t-2")]
    assert rows[0].sent_at.isoformat().startswith("2026-11-26T09:00:00")  # stored in UTC
    assert rows[1].sent_at is None
    assert len(records(client, "r1")) == 2


def test_the_same_turn_id_in_another_session_is_another_turn(client):
    for session in ("r2", "r3"):
        assert client.post(f"/v1/sessions/{session}/turns", data={"text": "hi", "client_turn_id": "same"}).json()["duplicate"] is False
    assert len(logged(client, "r2")) == len(logged(client, "r3")) == 1


def test_a_replayed_rejected_turn_is_rejected_again_with_its_index(client):
    turn = {"text": "x" * 101, "client_turn_id": "long-1"}
    first, again = (client.post("/v1/sessions/r4/turns", data=turn) for _ in range(2))
    assert first.status_code == again.status_code == 413
    assert first.json()["turn_index"] == again.json()["turn_index"] == 0
    assert [r.status for r in logged(client, "r4")] == ["rejected"]


def test_malformed_turn_id_and_sent_at_are_422(client):
    assert client.post("/v1/sessions/r5/turns", data={"text": "hi", "client_turn_id": "a b"}).status_code == 422
    assert client.post("/v1/sessions/r5/turns", data={"text": "hi", "sent_at": "yesterday"}).status_code == 422
    assert client.post("/v1/sessions/r5/turns", data={"text": "hi", "sent_at": "0"}).status_code == 422
    assert logged(client, "r5") == []


def test_sent_at_out_of_range_is_422_and_the_turn_is_logged(client):
    """A well-formed but impossible time (the fuzz found 1970 and year 9999) is refused, logged as rejected."""
    for n, when in enumerate(["1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30T10:00:00"]):
        r = client.post("/v1/sessions/r6/turns", data={"text": "hi", "sent_at": when, "client_turn_id": f"t{n}"})
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_sent_at"
        assert r.json()["turn_logged"] is True


@pytest.mark.postgres
def test_database_down_answers_503_and_writes_nothing_then_the_replay_lands():
    from tests.postgres import PrivateCluster, throwaway_database

    cluster = PrivateCluster()
    cluster.start()
    try:
        with throwaway_database(cluster.url) as url, service(url) as client:
            assert client.post("/v1/sessions/pg/turns", data={"text": "hello", "client_turn_id": "a"}).status_code == 200
            cluster.stop()
            down = client.post("/v1/sessions/pg/turns", data={"text": "I am sad", "client_turn_id": "b"})
            assert down.status_code == 503 and down.json()["error"]["code"] == "database_unavailable"
            assert down.json()["turn_logged"] is False
            assert client.get("/healthz").status_code == 503
            cluster.start()
            replay = client.post("/v1/sessions/pg/turns", data={"text": "I am sad", "client_turn_id": "b"})
            assert replay.status_code == 200 and replay.json()["turn_index"] == 1
            assert [(r.turn_index, r.client_turn_id, r.status) for r in logged(client, "pg")] == [
                (0, "a", "analysed"), (1, "b", "analysed")]
            assert len(records(client, "pg")) == 2
    finally:
        cluster.remove()
