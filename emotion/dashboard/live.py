"""What the dashboard's live pages wait on: one read of the database per interval for the whole
process, however many pages are open.

The server-sent event streams (the queue counter on every page, a handoff's live thread) used to
read the database themselves every 0.5-1 s each. Now :class:`LiveChanges` reads one *signature*
of everything they show (handoffs, thread messages, sign-outs, disabled accounts, consent and
bot assignments) and bumps ``version`` when it differs; a stream reads its own data only when the
version moved, and at the latest every ``recheck_s`` (a session that expires by time changes no
row). Every replica runs its own watcher, so each sees what the others wrote.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any, AsyncIterator, Optional

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from emotion.moodlog.governance import (BotAssignment, ConsentRecord, DashboardSession, Handoff, HandoffMessage,
                                        Supervisor)

log = logging.getLogger(__name__)


def read_signature(engine: Engine) -> tuple[Any, ...]:
    """One round trip: counts and newest ids or times of every table a live page reads."""
    # a scalar subquery per column keeps it one portable SELECT (SQLite and PostgreSQL)
    columns = [
        select(func.count()).select_from(Handoff).where(Handoff.status == "open").scalar_subquery(),
        select(func.max(Handoff.id)).scalar_subquery(),
        select(func.max(Handoff.claimed_at)).scalar_subquery(),
        select(func.max(Handoff.resolved_at)).scalar_subquery(),
        select(func.max(Handoff.realerted_at)).scalar_subquery(),
        select(func.max(HandoffMessage.id)).scalar_subquery(),
        select(func.max(DashboardSession.revoked_at)).scalar_subquery(),
        select(func.max(Supervisor.disabled_at)).scalar_subquery(),
        select(func.max(ConsentRecord.id)).scalar_subquery(),
        select(func.count()).select_from(BotAssignment).scalar_subquery(),
        select(func.max(BotAssignment.id)).scalar_subquery(),
    ]
    with engine.connect() as conn:
        return tuple(conn.execute(select(*columns)).one())


class LiveChanges:
    """A process-wide watcher: ``version`` grows whenever the signature changes.

    Started by the first stream that waits (in the event loop that serves it); it stops by itself
    when no stream is waiting or has waited for ``idle_s`` seconds (no page open: no reads of the
    database) and starts again with the next one; ``close`` stops it.
    """

    def __init__(self, engine: Engine, interval_s: float = 0.5, recheck_s: float = 30.0, idle_s: float = 10.0) -> None:
        self.engine, self.interval_s, self.recheck_s, self.idle_s = engine, interval_s, recheck_s, idle_s
        self.version = 0
        self._waited_at, self._waiting = time.monotonic(), 0
        self._signature: Optional[tuple[Any, ...]] = None
        self._changed: Optional[asyncio.Event] = None
        self._task: Optional[asyncio.Task] = None

    async def wait(self, seen: int, timeout: float) -> int:
        """Wait until ``version`` differs from ``seen`` or ``timeout`` seconds pass; the version."""
        self._start()
        self._waiting += 1
        try:
            if self.version == seen:
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), timeout)
        finally:
            self._waiting -= 1
            self._waited_at = time.monotonic()
        return self.version

    async def reads(self, request: Request, max_s: float = 300.0) -> AsyncIterator[None]:
        """Yield whenever a stream should read its data again: at once, after each change, and at
        least every ``recheck_s``; ends after ``max_s`` (the browser's EventSource reconnects) or
        when the client has gone (checked every second)."""
        seen, read_at, deadline = -1, 0.0, time.monotonic() + max_s
        while time.monotonic() < deadline and not await request.is_disconnected():
            if seen != self.version or time.monotonic() - read_at >= self.recheck_s:
                seen, read_at = self.version, time.monotonic()  # before the read: a change during it is seen next
                yield
            await self.wait(seen, timeout=1.0)

    def _start(self) -> None:
        if self._task is None or self._task.done():
            self._changed = asyncio.Event()
            self._task = asyncio.get_running_loop().create_task(self._watch())

    @property
    def watching(self) -> bool:
        return self._task is not None and not self._task.done()

    async def _watch(self) -> None:
        while self._waiting or time.monotonic() - self._waited_at <= max(self.idle_s, self.interval_s):
            try:
                signature = await run_in_threadpool(read_signature, self.engine)
            except Exception:  # a database restart: the streams keep their last data and we try again
                log.exception("reading the live signature failed")
                signature = None
            if signature is not None and signature != self._signature:
                self._signature = signature
                self.version += 1
                self._changed.set()
                self._changed = asyncio.Event()
            await asyncio.sleep(self.interval_s)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
