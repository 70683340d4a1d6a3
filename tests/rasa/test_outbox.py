"""The outbox (SQLite file and Redis) and turn delivery through it.

The outbox tests use a real SQLite file and the real Redis on 127.0.0.1:6379 (db 14, a key
prefix per test). The delivery tests put a small in-process stand-in of the service's turn
route behind httpx.MockTransport: it logs turns, dedupes ``client_turn_id`` like the service,
and can be switched down (connection refused), to 503 or to 500.
"""
from __future__ import annotations

import asyncio
import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs

import httpx
import pytest

from connectors.client import EmotionServiceClient
from connectors.delivery import TurnDelivery
from connectors.outbox import Outbox, OutboxSettings, QueuedTurn, RedisOutbox, SQLiteOutbox, open_outbox

REDIS_URL = "redis://127.0.0.1:6379/14"
T0 = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)


def turn(session: str, n: int, **kw) -> QueuedTurn:
    return QueuedTurn(turn_id=f"{session}-{n}", session_id=session, speaker_id="user", text=f"message {n}",
                      sent_at=T0 + timedelta(seconds=n), **kw)


async def open_backend(kind: str, tmp_path: Path) -> Outbox:
    if kind == "sqlite":
        return SQLiteOutbox(tmp_path / "outbox.sqlite3")
    return RedisOutbox(REDIS_URL, key_prefix=f"emobot-test:{uuid.uuid4().hex}", lock_timeout=5)


async def drop(outbox: Outbox) -> None:
    if isinstance(outbox, RedisOutbox):
        keys = [k async for k in outbox._redis.scan_iter(match=f"{outbox.prefix}:*")]
        if keys:
            await outbox._redis.delete(*keys)
    await outbox.close()


def with_outbox(test: Callable) -> Callable:
    """Run an async test body against each backend."""
    @pytest.mark.parametrize("backend", ["sqlite", "redis"])
    def run(backend: str, tmp_path: Path) -> None:
        async def main() -> None:
            outbox = await open_backend(backend, tmp_path)
            try:
                await test(outbox)
            finally:
                await drop(outbox)
        asyncio.run(main())
    run.__name__ = test.__name__
    return run


# --- the outbox ------------------------------------------------------------------------------

@with_outbox
async def test_each_session_is_a_fifo_queue(outbox: Outbox) -> None:
    assert await outbox.head("a") is None and await outbox.sessions() == []
    for n in range(3):
        assert await outbox.append(turn("a", n)) == n + 1
    await outbox.append(turn("b", 0))
    assert await outbox.append(turn("a", 0)) == 3  # the same turn twice is queued once
    assert await outbox.sessions() == ["a", "b"]
    assert (await outbox.pending("a"), await outbox.pending("b"), await outbox.pending()) == (3, 1, 4)
    assert await outbox.head("a") == turn("a", 0)
    await outbox.remove(turn("a", 0))
    await outbox.remove(turn("a", 0))  # a second sender removing it: no-op
    assert (await outbox.head("a")).turn_id == "a-1"
    assert await outbox.contains(turn("a", 1)) and not await outbox.contains(turn("a", 0))
    for n in (1, 2):
        await outbox.remove(turn("a", n))
    assert await outbox.sessions() == ["b"] and await outbox.head("a") is None


@with_outbox
async def test_turns_keep_their_media_time_and_attempts(outbox: Outbox) -> None:
    sent = turn("m", 0, bot="support", user_id="ana", audio=("t.wav", b"RIFF\x00\xff", "audio/wav"),
                images=(("f.jpg", b"\xff\xd8\x00", "image/jpeg"),))
    await outbox.append(sent)
    assert await outbox.head("m") == sent
    assert await outbox.record_failure(sent) == 1 and await outbox.record_failure(sent) == 2
    assert (await outbox.head("m")).attempts == 2


@with_outbox
async def test_what_the_bot_answered_waits_with_its_queued_turn(outbox: Outbox) -> None:
    await outbox.append(turn("a", 0))
    assert await outbox.set_replies("a-0", ["I'm here.", "How are you feeling?"])
    assert (await outbox.head("a")).replies == ("I'm here.", "How are you feeling?")
    assert await outbox.head("a") == turn("a", 0, replies=("I'm here.", "How are you feeling?"))
    await outbox.remove(turn("a", 0))
    assert not await outbox.set_replies("a-0", ["late"])  # delivered meanwhile: not brought back
    assert await outbox.head("a") is None and await outbox.pending() == 0


@with_outbox
async def test_a_turn_set_aside_leaves_its_queue_but_is_kept(outbox: Outbox) -> None:
    await outbox.append(turn("d", 0))
    await outbox.append(turn("d", 1))
    await outbox.set_aside(turn("d", 0), "500 internal_error")
    assert (await outbox.head("d")).turn_id == "d-1" and await outbox.pending() == 1
    [(dead, reason)] = await outbox.dead()
    assert dead.turn_id == "d-0" and reason == "500 internal_error"


@with_outbox
async def test_the_session_lock_is_exclusive(outbox: Outbox) -> None:
    async with outbox.lock("s", wait=1) as held:
        assert held
        async with outbox.lock("s", wait=0) as again:
            assert again is False
        async with outbox.lock("other", wait=0) as other:
            assert other
    async with outbox.lock("s", wait=0) as free:
        assert free


def test_sqlite_outbox_survives_a_restart(tmp_path: Path) -> None:
    async def first() -> None:
        outbox = SQLiteOutbox(tmp_path / "o.sqlite3")
        await outbox.append(turn("r", 0))
        await outbox.append(turn("r", 1))
        # no close: the process dies

    async def second() -> None:
        outbox = SQLiteOutbox(tmp_path / "o.sqlite3")
        assert await outbox.sessions() == ["r"] and await outbox.head("r") == turn("r", 0)
        await outbox.close()

    asyncio.run(first())
    asyncio.run(second())


def test_settings_from_credentials_then_environment(tmp_path: Path) -> None:
    env = {"EMOBOT_OUTBOX_PATH": "/data/o.sqlite3", "EMOBOT_OUTBOX_REDIS_URL": "redis://r:6379/3"}
    assert OutboxSettings.from_mapping(None, {}).path == "var/emobot-outbox.sqlite3"
    settings = OutboxSettings.from_mapping({"backend": "redis", "replay_interval": 0.5}, env)
    assert (settings.backend, settings.path, settings.redis_url, settings.replay_interval) == (
        "redis", "/data/o.sqlite3", "redis://r:6379/3", 0.5)
    assert OutboxSettings.from_mapping({"path": str(tmp_path / "x.sqlite3")}, env).path == str(tmp_path / "x.sqlite3")
    with pytest.raises(ValueError):
        OutboxSettings.from_mapping({"backend": "kafka"}, {})
    with pytest.raises(ValueError):
        OutboxSettings.from_mapping({"replay_intervall": 1}, {})
    assert open_outbox(OutboxSettings(backend="off")) is None
    same = OutboxSettings(path=str(tmp_path / "shared.sqlite3"))
    assert open_outbox(same) is open_outbox(same)  # web and voice channels share one


# --- delivery through the outbox -------------------------------------------------------------

class StandInService:
    """The service's turn route as far as the outbox cares: logs turns, dedupes client_turn_id."""

    def __init__(self) -> None:
        self.mode = "up"  # up | down | 503 | 500 | 429
        self.log: list[dict] = []  # one per logged turn, in order
        self.requests = 0
        self.delay = 0.0
        self.replies: dict[tuple[str, int], list[str]] = {}  # (session, turn index) -> the bot's lines

    def client(self) -> EmotionServiceClient:
        return EmotionServiceClient("http://emotion.test", timeout=2, transport=httpx.MockTransport(self.handle))

    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.mode == "down":
            raise httpx.ConnectError("connection refused", request=request)
        if self.mode in ("503", "500", "429"):
            return httpx.Response(int(self.mode), json={"error": {"code": "x", "message": self.mode}})
        if request.url.path == "/healthz":
            return httpx.Response(200, json={"status": "ok"})
        session = request.url.path.split("/")[3]
        if request.method == "PUT" and request.url.path.endswith("/replies"):
            index = int(request.url.path.split("/")[5])
            self.replies[(session, index)] = json.loads(request.content)["replies"]
            return httpx.Response(200, json={"session_id": session, "turn_index": index, "recorded": True})
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        if form["text"] == "too long":
            return httpx.Response(413, json={"error": {"code": "text_too_long", "message": "too long"},
                                             "turn_logged": True, "turn_index": 0})
        logged = [t for t in self.log if t["session"] == session]
        same = [t for t in logged if t["id"] == form.get("client_turn_id")]
        entry = same[0] if same else {"session": session, "id": form.get("client_turn_id"), "text": form["text"],
                                      "sent_at": form.get("sent_at"), "turn_index": len(logged)}
        if not same:
            self.log.append(entry)
        return httpx.Response(200, json={
            "session_id": session, "turn_index": entry["turn_index"], "speaker_id": "user", "available": True,
            "turn": None, "state": None, "modalities": {}, "modalities_used": ["text"], "duplicate": bool(same),
            "derived": {"crisis": {"flag": "kill myself" in form["text"], "risk": 0.9 * ("kill myself" in form["text"])}}})

    def texts(self, session: str) -> list[str]:
        return [t["text"] for t in self.log if t["session"] == session]


def delivering(test: Callable) -> Callable:
    """Run an async test body with a stand-in service and a delivery over each backend."""
    @pytest.mark.parametrize("backend", ["sqlite", "redis"])
    def run(backend: str, tmp_path: Path) -> None:
        async def main() -> None:
            service = StandInService()
            outbox = await open_backend(backend, tmp_path)
            # the tests call replay() themselves; the background replay is tested on its own
            delivery = TurnDelivery(service.client(), outbox, replay_interval=60, max_attempts=3, lock_wait=2)
            try:
                await test(service, delivery, outbox)
            finally:
                await delivery.stop()
                await drop(outbox)
        asyncio.run(main())
    run.__name__ = test.__name__
    return run


@delivering
async def test_turns_reach_the_service_and_leave_the_outbox(service, delivery, outbox) -> None:
    emotion = await delivery.deliver(turn("s", 0))
    assert emotion["available"] is True and emotion["turn_index"] == 0
    assert service.log[0]["id"] == "s-0" and service.log[0]["sent_at"] == T0.isoformat()
    assert await outbox.pending() == 0


@delivering
async def test_an_outage_queues_turns_and_the_replay_keeps_their_order_and_time(service, delivery, outbox) -> None:
    service.mode = "down"
    first = await delivery.deliver(turn("s", 0))
    assert first["available"] is False and first["error"] == "service_unavailable"
    assert first["queued"] is True and first["turn_id"] == "s-0" and first["pending_turns"] == 1
    requests = service.requests
    second = await delivery.deliver(turn("s", 1))
    await delivery.deliver(turn("t", 0))
    assert second["queued"] is True and second["pending_turns"] == 2
    assert service.requests == requests  # known to be down: queued without a request
    assert await delivery.replay() == 0  # /healthz still refused
    service.mode = "up"
    assert await delivery.replay() == 3
    assert service.texts("s") == ["message 0", "message 1"] and service.texts("t") == ["message 0"]
    assert [t["sent_at"] for t in service.log if t["session"] == "s"] == [
        T0.isoformat(), (T0 + timedelta(seconds=1)).isoformat()]
    assert await outbox.pending() == 0


@delivering
async def test_a_new_turn_queues_behind_its_sessions_pending_turns(service, delivery, outbox) -> None:
    service.mode = "503"  # e.g. the service's database is down
    for n in range(3):
        assert (await delivery.deliver(turn("s", n)))["queued"] is True
    service.mode = "up"
    delivery._service_down = None  # as the background replay would after /healthz answers
    emotion = await delivery.deliver(turn("s", 3))
    assert emotion["available"] is True and emotion["turn_index"] == 3  # its own analysis, after the backlog
    assert service.texts("s") == [f"message {n}" for n in range(4)]


@delivering
async def test_the_background_replay_drains_the_outbox(service, delivery, outbox) -> None:
    fast = TurnDelivery(service.client(), outbox, replay_interval=0.05)
    try:
        service.mode = "down"
        for n in range(4):
            await fast.deliver(turn("s", n))
        service.mode = "up"
        for _ in range(400):  # up to 20 s on a loaded machine
            if await outbox.pending() == 0:
                break
            await asyncio.sleep(0.05)
    finally:
        await fast.stop()  # never left replaying over an outbox that is being closed (a hang, not a failure)
    assert service.texts("s") == [f"message {n}" for n in range(4)]


@delivering
async def test_concurrent_turns_of_a_session_keep_their_order(service, delivery, outbox) -> None:
    service.delay = 0.02
    results = await asyncio.gather(*(delivery.deliver(turn("c", n)) for n in range(6)))
    # each turn logged once, in the outbox's order, and answered with its own analysis
    texts = service.texts("c")
    assert sorted(texts) == [f"message {n}" for n in range(6)]
    assert [texts.index(f"message {n}") for n in range(6)] == [r["turn_index"] for r in results]
    if isinstance(outbox, SQLiteOutbox):  # one process: the order of the calls
        assert texts == [f"message {n}" for n in range(6)]


@delivering
async def test_a_turn_that_keeps_failing_is_set_aside_and_the_session_goes_on(service, delivery, outbox) -> None:
    service.mode = "500"  # a bug on the service, not an outage
    emotion = await delivery.deliver(turn("p", 0))
    assert emotion["queued"] is True
    for _ in range(2):
        await delivery.replay()
    [(dead, reason)] = await outbox.dead()
    assert dead.turn_id == "p-0" and "500" in reason
    service.mode = "up"
    assert (await delivery.deliver(turn("p", 1)))["available"] is True
    assert service.texts("p") == ["message 1"]


@delivering
async def test_a_refused_turn_leaves_the_queue_and_says_why(service, delivery, outbox) -> None:
    service.mode = "down"
    await delivery.deliver(QueuedTurn("r-0", "r", "user", "too long", T0))
    await delivery.deliver(turn("r", 1))
    service.mode = "up"
    assert await delivery.replay() == 1
    assert service.texts("r") == ["message 1"] and await outbox.pending() == 0
    refused = await delivery.deliver(QueuedTurn("r-2", "r", "user", "too long", T0))
    assert refused == {"available": False, "error": "text_too_long", "message": "too long"}


@delivering
async def test_a_rate_limited_turn_stays_queued(service, delivery, outbox) -> None:
    service.mode = "429"
    emotion = await delivery.deliver(turn("l", 0))
    assert emotion["queued"] is True and await outbox.pending("l") == 1
    assert await delivery.replay() == 0 and await outbox.pending("l") == 1
    service.mode = "up"
    assert await delivery.replay() == 1 and service.texts("l") == ["message 0"]


def test_two_replicas_share_one_redis_queue_per_session() -> None:
    """A session alternating between Rasa replicas: replica B's turn waits for A's backlog."""
    async def main() -> None:
        service = StandInService()
        prefix = f"emobot-test:{uuid.uuid4().hex}"
        a, b = (TurnDelivery(service.client(), RedisOutbox(REDIS_URL, prefix), replay_interval=60) for _ in range(2))
        try:
            service.mode = "down"
            await a.deliver(turn("x", 0))
            await a.deliver(turn("x", 1))
            service.mode = "up"
            emotion = await b.deliver(turn("x", 2))
            assert emotion["turn_index"] == 2
            assert service.texts("x") == ["message 0", "message 1", "message 2"]
            assert await a.replay() == 0
        finally:
            for d in (a, b):
                await d.stop()
            await drop(a.outbox)
            await b.outbox.close()
    asyncio.run(main())


def test_without_an_outbox_a_turn_is_sent_once() -> None:
    async def main() -> None:
        service = StandInService()
        service.mode = "down"
        delivery = TurnDelivery(service.client(), None)
        emotion = await delivery.deliver(turn("o", 0))
        assert emotion["error"] == "service_unavailable" and emotion["queued"] is False
    asyncio.run(main())


@delivering
async def test_a_replayed_turn_that_carries_risk_is_escalated(service, delivery, outbox) -> None:
    escalated: list[tuple[str, bool]] = []

    async def on_crisis_replayed(queued: QueuedTurn, emotion: dict) -> None:
        escalated.append((queued.turn_id, emotion["derived"]["crisis"]["flag"]))

    delivery.on_crisis_replayed = on_crisis_replayed
    service.mode = "down"
    await delivery.deliver(turn("s", 0))
    await delivery.deliver(QueuedTurn(turn_id="s-1", session_id="s", speaker_id="user",
                                      text="i am going to kill myself", sent_at=T0 + timedelta(seconds=1)))
    assert escalated == []
    service.mode = "up"
    assert await delivery.replay() == 2
    assert escalated == [("s-1", True)]  # only the risky turn, once
    assert (await delivery.deliver(turn("s", 2)))["available"] is True and len(escalated) == 1


@delivering
async def test_the_replies_to_a_queued_turn_reach_the_mood_log_once_it_is_delivered(service, delivery, outbox) -> None:
    service.mode = "down"
    queued = await delivery.deliver(turn("s", 0))
    assert queued["queued"] is True
    await outbox.set_replies(queued["turn_id"], ["Hi, I'm here to listen."])  # what the channel does
    await delivery.deliver(turn("s", 1))  # answered with nothing to keep
    service.mode = "up"
    assert await delivery.replay() == 2
    assert service.replies == {("s", 0): ["Hi, I'm here to listen."]}


def test_the_sqlite_outbox_is_the_owners_only(tmp_path) -> None:
    import os

    path = tmp_path / "outbox.sqlite3"
    SQLiteOutbox(path)
    assert os.stat(path).st_mode & 0o777 == 0o600


@delivering
async def test_in_a_shared_outbox_each_bot_replays_only_its_own_turns(service, delivery, outbox) -> None:
    # fourth exploratory reading: the tutor's channel replayed a support turn and escalated it in the tutor
    tutor = TurnDelivery(service.client(), outbox, replay_interval=60, bot="tutor")
    support = TurnDelivery(service.client(), outbox, replay_interval=60, bot="support")
    try:
        service.mode = "down"
        await support.deliver(turn("s", 0, bot="support"))
        service.mode = "up"
        support._service_down = tutor._service_down = None
        assert await tutor.replay() == 0 and await outbox.pending() == 1   # not the tutor's to send
        assert await support.replay() == 1 and service.texts("s") == ["message 0"]
    finally:
        await tutor.stop()
        await support.stop()
