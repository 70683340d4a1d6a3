"""Per-session turn rate limit: token buckets in the mood-log database, shared by replicas."""
from __future__ import annotations

import time

from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.models import Turn
from emotion.moodlog.ratelimit import RateBucket, TokenBuckets
from emotion.service.analysis import Analyzer
from emotion.service.app import create_app
from emotion.settings import Settings

from .fakes import KeywordTextEncoder


class Clock:
    """Seconds that move only when the test says so."""

    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def engine(sqlite_url):
    engine = make_engine(sqlite_url)
    migrate(engine)
    yield engine
    engine.dispose()


def test_bucket_allows_a_burst_then_the_rate(engine):
    clock = Clock()
    buckets = TokenBuckets(engine, rate_per_s=0.5, burst=3, clock=clock)
    assert [buckets.take("turns:a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("turns:a") == pytest.approx(2.0)  # one token per 2 s
    assert buckets.take("turns:b") == 0.0  # buckets are per key
    clock.now += 1.5
    assert buckets.take("turns:a") == pytest.approx(0.5)
    clock.now += 0.5
    assert buckets.take("turns:a") == 0.0
    assert buckets.take("turns:a") == pytest.approx(2.0)
    clock.now += 3600  # a long pause refills to the burst, not beyond
    assert [buckets.take("turns:a") for _ in range(4)][-1] > 0


def test_a_clock_behind_the_last_count_takes_no_tokens_away(engine):
    ahead, behind = Clock(1_000_010.0), Clock(1_000_000.0)
    TokenBuckets(engine, rate_per_s=1, burst=2, clock=ahead).take("k")
    late = TokenBuckets(engine, rate_per_s=1, burst=2, clock=behind)
    assert late.take("k") == 0.0 and late.take("k") == pytest.approx(1.0)


def test_buckets_that_filled_up_again_are_pruned(engine):
    clock = Clock()
    buckets = TokenBuckets(engine, rate_per_s=1, burst=2, clock=clock)
    buckets.take("old")
    clock.now += 120  # "old" is full again; the next take prunes (at most once a minute)
    buckets.take("new")
    with Session(engine) as db:
        assert [b.key for b in db.exec(select(RateBucket)).all()] == ["new"]


@pytest.mark.postgres
def test_replicas_share_one_bucket_under_concurrency(postgres_url):
    """Four replicas (own engine and limiter each), 40 concurrent requests: exactly burst pass."""
    engines = [make_engine(postgres_url) for _ in range(4)]
    migrate(engines[0])
    clock = Clock()
    replicas = [TokenBuckets(e, rate_per_s=1e-6, burst=7, clock=clock) for e in engines]
    try:
        with ThreadPoolExecutor(8) as pool:
            waits = list(pool.map(lambda i: replicas[i % 4].take("turns:shared"), range(40)))
    finally:
        for e in engines:
            e.dispose()
    assert sum(w == 0.0 for w in waits) == 7
    assert all(w > 0 for w in waits if w != 0.0)


def _app(database_url: str, **settings) -> TestClient:
    analyzer = Analyzer({"text": KeywordTextEncoder(), "audio": None, "face": None},
                        {"text": "loaded", "audio": "not available: test", "face": "not available: test"})
    return TestClient(create_app(Settings(database_url=database_url, **settings), analyzer))


def test_turn_over_the_limit_is_429_with_retry_after_and_logged(sqlite_url):
    with _app(sqlite_url, rate_limit_turns_per_minute=6, rate_limit_burst=2) as client:
        codes = [client.post("/v1/sessions/fast/turns", data={"text": "hello", "client_turn_id": f"t{i}"}).status_code
                 for i in range(2)]
        r = client.post("/v1/sessions/fast/turns", data={"text": "I am sad", "client_turn_id": "t2"})
        other = client.post("/v1/sessions/calm/turns", data={"text": "hello"})
        retries = [client.post("/v1/sessions/fast/turns", data={"text": "I am sad", "client_turn_id": "t2"}).status_code
                   for _ in range(3)]
        with Session(client.app.state.moodlog.engine) as db:
            turns = db.exec(select(Turn).where(Turn.session_id == "fast").order_by(Turn.turn_index)).all()
        limiter = client.app.state.turn_limiter
        limiter.clock = lambda: time.time() + 60  # a minute later: the session may send again
        admitted = client.post("/v1/sessions/fast/turns", data={"text": "I am sad", "client_turn_id": "t2"})
        with Session(client.app.state.moodlog.engine) as db:
            after = db.exec(select(Turn).where(Turn.session_id == "fast").order_by(Turn.turn_index)).all()
    assert codes == [200, 200] and other.status_code == 200
    assert r.status_code == 429
    assert 1 <= int(r.headers["Retry-After"]) <= 10  # one turn per 10 s
    body = r.json()
    assert body.pop("crisis")["flag"] is False  # screened before the limit (tests/service/test_crisis_screening.py)
    assert body == {"error": {"code": "rate_limited", "message": body["error"]["message"]},
                    "turn_logged": True, "turn_index": 2}
    assert [(t.status, t.error_code) for t in turns] == [("analysed", None)] * 2 + [("rejected", "rate_limited")]
    # retries of the refused turn add no rows; once admitted it is analysed in its own row
    assert retries == [429] * 3 and turns[2].client_turn_id == "t2" and turns[2].text is None
    assert admitted.status_code == 200 and admitted.json()["turn_index"] == 2
    assert [(t.status, t.client_turn_id, t.text) for t in after][2:] == [("analysed", "t2", "I am sad")]


@pytest.mark.postgres
def test_replicas_of_the_service_share_the_limit(postgres_url):
    settings = {"rate_limit_turns_per_minute": 1, "rate_limit_burst": 3}
    with _app(postgres_url, **settings) as first, _app(postgres_url, **settings) as second:
        codes = [(first, second)[i % 2].post("/v1/sessions/both/turns", data={"text": "hi"}).status_code
                 for i in range(6)]
    assert codes == [200, 200, 200, 429, 429, 429]


def test_zero_turns_per_minute_switches_the_limit_off(sqlite_url):
    with _app(sqlite_url, rate_limit_turns_per_minute=0, rate_limit_burst=1) as client:
        codes = {client.post("/v1/sessions/free/turns", data={"text": "hi"}).status_code for _ in range(5)}
    assert codes == {200}
