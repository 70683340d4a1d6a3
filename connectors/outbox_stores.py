"""The outbox's two stores (connectors/outbox.py has the protocol they implement and chooses one):
SQLite for one Rasa process, Redis shared by every replica."""
from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import AsyncIterator, Optional, Sequence

from connectors.queued_turn import QueuedTurn
from emotion.files import private_file


class _KeyedLocks:
    """One asyncio lock per key, dropped when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, key: str, wait: float) -> AsyncIterator[bool]:
        lock, users = self._locks.get(key) or (asyncio.Lock(), 0)
        self._locks[key] = (lock, users + 1)
        acquired = False
        try:
            acquired = await _acquire_within(lock, wait)
            yield acquired
        finally:
            if acquired:
                lock.release()
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)


async def _acquire_within(lock: asyncio.Lock, wait: float) -> bool:
    """Acquire ``lock`` within ``wait`` seconds (0: only if free). Unlike ``asyncio.wait_for`` on
    Python 3.10, a lock taken just as the wait ends or the caller is cancelled is released."""
    if wait <= 0:
        return not lock.locked() and await lock.acquire()  # acquiring a free lock does not yield
    attempt = asyncio.ensure_future(lock.acquire())

    def give_back_if_taken(task: asyncio.Future) -> None:
        if not task.cancelled() and task.exception() is None:
            lock.release()

    try:
        done, _ = await asyncio.wait({attempt}, timeout=wait)
    except asyncio.CancelledError:
        attempt.cancel()
        attempt.add_done_callback(give_back_if_taken)
        raise
    if not done:
        attempt.cancel()
        attempt.add_done_callback(give_back_if_taken)
        return False
    return True


class SQLiteOutbox:
    """The outbox in one SQLite file (WAL). For one Rasa process: its locks are in-process.

    A commit is in the file before ``append`` returns (``synchronous=NORMAL`` in WAL mode): the
    turn survives a crash of Rasa, not necessarily a power cut. Statements run on the event
    loop: each takes well under a millisecond without an fsync, and running them in call order
    keeps a session's turns in the order the channel received them.
    """

    SCHEMA = """
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            turn_id TEXT NOT NULL UNIQUE,
            session_id TEXT NOT NULL,
            payload TEXT NOT NULL,
            queued_at REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            dead_reason TEXT
        );
        CREATE INDEX IF NOT EXISTS outbox_session ON outbox (session_id, seq) WHERE dead_reason IS NULL;
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        private_file(self.path)  # queued turns hold people's words: the owner's only
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA secure_delete=ON")  # a removed turn's words are overwritten, not left in free pages
        self._db.executescript(self.SCHEMA)
        self._locks = _KeyedLocks()

    async def _run(self, sql: str, args: tuple = ()) -> list[tuple]:
        return self._db.execute(sql, args).fetchall()

    async def append(self, turn: QueuedTurn) -> int:
        await self._run("INSERT OR IGNORE INTO outbox (turn_id, session_id, payload, queued_at) VALUES (?, ?, ?, ?)",
                        (turn.turn_id, turn.session_id, turn.to_json(), time.time()))
        return await self.pending(turn.session_id)

    async def head(self, session_id: str) -> Optional[QueuedTurn]:
        rows = await self._run("SELECT payload, attempts FROM outbox WHERE session_id = ? AND dead_reason IS NULL "
                               "ORDER BY seq LIMIT 1", (session_id,))
        return QueuedTurn.from_json(rows[0][0], rows[0][1]) if rows else None

    async def contains(self, turn: QueuedTurn) -> bool:
        return bool(await self._run("SELECT 1 FROM outbox WHERE turn_id = ? AND dead_reason IS NULL", (turn.turn_id,)))

    async def remove(self, turn: QueuedTurn) -> None:
        await self._run("DELETE FROM outbox WHERE turn_id = ?", (turn.turn_id,))

    async def set_replies(self, turn_id: str, replies: Sequence[str]) -> bool:
        # one statement after the other on the event loop: nothing runs between the read and the write
        rows = await self._run("SELECT payload FROM outbox WHERE turn_id = ? AND dead_reason IS NULL", (turn_id,))
        if not rows:
            return False
        payload = {**json.loads(rows[0][0]), "replies": list(replies)}
        await self._run("UPDATE outbox SET payload = ? WHERE turn_id = ?", (json.dumps(payload), turn_id))
        return True

    async def record_failure(self, turn: QueuedTurn) -> int:
        await self._run("UPDATE outbox SET attempts = attempts + 1 WHERE turn_id = ?", (turn.turn_id,))
        rows = await self._run("SELECT attempts FROM outbox WHERE turn_id = ?", (turn.turn_id,))
        return rows[0][0] if rows else turn.attempts + 1

    async def set_aside(self, turn: QueuedTurn, reason: str) -> None:
        await self._run("UPDATE outbox SET dead_reason = ? WHERE turn_id = ?", (reason or "failed", turn.turn_id))

    async def pending(self, session_id: Optional[str] = None) -> int:
        if session_id is None:
            rows = await self._run("SELECT COUNT(*) FROM outbox WHERE dead_reason IS NULL")
        else:
            rows = await self._run("SELECT COUNT(*) FROM outbox WHERE session_id = ? AND dead_reason IS NULL",
                                   (session_id,))
        return int(rows[0][0])

    async def sessions(self) -> list[str]:
        rows = await self._run("SELECT session_id FROM outbox WHERE dead_reason IS NULL "
                               "GROUP BY session_id ORDER BY MIN(seq)")
        return [r[0] for r in rows]

    async def dead(self) -> list[tuple[QueuedTurn, str]]:
        rows = await self._run("SELECT payload, attempts, dead_reason FROM outbox WHERE dead_reason IS NOT NULL "
                               "ORDER BY seq")
        return [(QueuedTurn.from_json(p, a), r) for p, a, r in rows]

    async def erase(self, session_ids: Sequence[str]) -> int:
        erased = 0
        for session_id in session_ids:
            erased += self._db.execute("DELETE FROM outbox WHERE session_id = ?", (session_id,)).rowcount
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # and out of the write-ahead log
        return erased

    def lock(self, session_id: str, wait: float) -> AbstractAsyncContextManager[bool]:
        return self._locks.hold(session_id, wait)

    async def close(self) -> None:
        self._db.close()


class RedisOutbox:
    """The outbox in Redis, shared by every Rasa replica (same URL and ``key_prefix``).

    Keys: ``<prefix>:q:<session>`` a list of turn ids (the queue), ``<prefix>:turns`` a hash
    turn id -> turn JSON, ``<prefix>:attempts`` a hash turn id -> failures, ``<prefix>:sessions``
    a sorted set of sessions with pending turns (score: when the first one was queued),
    ``<prefix>:dead`` a hash turn id -> {turn, reason}, ``<prefix>:lock:<session>`` the
    session's sending lock (expires after ``lock_timeout`` seconds if its holder dies). Queue
    changes are Lua scripts, so the queue and the session set never disagree.
    """

    _APPEND = """
        if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[3], 'NX', ARGV[4], ARGV[3])
        end
        return redis.call('LLEN', KEYS[1])
    """
    _REMOVE = """
        redis.call('LREM', KEYS[1], 1, ARGV[1])
        local turn = redis.call('HGET', KEYS[2], ARGV[1])
        redis.call('HDEL', KEYS[2], ARGV[1])
        redis.call('HDEL', KEYS[4], ARGV[1])
        if ARGV[3] ~= '' and turn then redis.call('HSET', KEYS[5], ARGV[1], cjson.encode({turn=turn, reason=ARGV[3]})) end
        if redis.call('LLEN', KEYS[1]) == 0 then redis.call('ZREM', KEYS[3], ARGV[2]) end
        return 1
    """

    _REPLACE = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return 1
    """

    def __init__(self, url: str, key_prefix: str = "emobot:outbox", lock_timeout: float = 60.0) -> None:
        import redis.asyncio as aioredis  # Rasa's own dependency (its Redis lock and tracker stores)

        self.url, self.prefix, self.lock_timeout = url, key_prefix, lock_timeout
        self._redis = aioredis.Redis.from_url(url)
        self._append_script = self._redis.register_script(self._APPEND)
        self._remove_script = self._redis.register_script(self._REMOVE)
        self._replace_script = self._redis.register_script(self._REPLACE)

    def _key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    def _keys(self, session_id: str) -> list[str]:
        return [self._key("q", session_id), self._key("turns"), self._key("sessions"), self._key("attempts"),
                self._key("dead")]

    async def append(self, turn: QueuedTurn) -> int:
        return int(await self._append_script(keys=self._keys(turn.session_id)[:3],
                                             args=[turn.turn_id, turn.to_json(), turn.session_id, time.time()]))

    async def head(self, session_id: str) -> Optional[QueuedTurn]:
        # a turn removed between the two reads: read the new head
        for _ in range(5):
            turn_id = await self._redis.lindex(self._key("q", session_id), 0)
            if turn_id is None:
                return None
            payload = await self._redis.hget(self._key("turns"), turn_id)
            if payload is not None:
                attempts = await self._redis.hget(self._key("attempts"), turn_id)
                return QueuedTurn.from_json(payload, int(attempts or 0))
        return None

    async def contains(self, turn: QueuedTurn) -> bool:
        return bool(await self._redis.hexists(self._key("turns"), turn.turn_id))

    async def remove(self, turn: QueuedTurn) -> None:
        await self._remove_script(keys=self._keys(turn.session_id), args=[turn.turn_id, turn.session_id, ""])

    async def set_replies(self, turn_id: str, replies: Sequence[str]) -> bool:
        payload = await self._redis.hget(self._key("turns"), turn_id)
        if payload is None:
            return False
        updated = json.dumps({**json.loads(payload), "replies": list(replies)})
        # written only while the turn is still queued: a delivered turn is not brought back
        return bool(await self._replace_script(keys=[self._key("turns")], args=[turn_id, updated]))

    async def record_failure(self, turn: QueuedTurn) -> int:
        return int(await self._redis.hincrby(self._key("attempts"), turn.turn_id, 1))

    async def set_aside(self, turn: QueuedTurn, reason: str) -> None:
        await self._remove_script(keys=self._keys(turn.session_id),
                                  args=[turn.turn_id, turn.session_id, reason or "failed"])

    async def pending(self, session_id: Optional[str] = None) -> int:
        if session_id is None:
            return int(await self._redis.hlen(self._key("turns")))
        return int(await self._redis.llen(self._key("q", session_id)))

    async def sessions(self) -> list[str]:
        return [s.decode() for s in await self._redis.zrange(self._key("sessions"), 0, -1)]

    async def dead(self) -> list[tuple[QueuedTurn, str]]:
        entries = [json.loads(v) for v in (await self._redis.hgetall(self._key("dead"))).values()]
        turns = [(QueuedTurn.from_json(e["turn"]), e["reason"]) for e in entries]
        return sorted(turns, key=lambda t: t[0].sent_at)

    async def erase(self, session_ids: Sequence[str]) -> int:
        erased = 0
        for session_id in session_ids:
            for turn_id in await self._redis.lrange(self._key("q", session_id), 0, -1):
                await self._remove_script(keys=self._keys(session_id), args=[turn_id, session_id, ""])
                erased += 1
        wanted = set(session_ids)
        for turn_id, entry in (await self._redis.hgetall(self._key("dead"))).items():
            if QueuedTurn.from_json(json.loads(entry)["turn"]).session_id in wanted:
                erased += await self._redis.hdel(self._key("dead"), turn_id)
        return erased

    @asynccontextmanager
    async def lock(self, session_id: str, wait: float) -> AsyncIterator[bool]:
        lock = self._redis.lock(self._key("lock", session_id), timeout=self.lock_timeout)
        acquired = await lock.acquire(blocking=wait > 0, blocking_timeout=wait if wait > 0 else None)
        try:
            yield bool(acquired)
        finally:
            if acquired:
                try:
                    await lock.release()
                except Exception:  # expired meanwhile (a holder slower than lock_timeout): nothing to free
                    pass

    async def close(self) -> None:
        await self._redis.close()
