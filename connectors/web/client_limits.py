"""A bound on each client's long turns being read at once (eleventh exploratory reading: 24
parallel 60 KB messages from one client were screened all at once, each in full, and the bot was
gone for everyone else for minutes).

A client is a turn's sender and, for the REST webhook, the request's remote address: each may have
at most ``max_long_turns_per_client`` turns longer than ``long_turn_chars`` being read (sent to the
emotion service and screened in full) at a time. More wait their turn, in order: never dropped,
each is still screened and answered. Shorter turns, and other clients' turns, never wait here.

credentials.yml (``connectors.web.channel.EmobotWebInput``)::

    long_turn_chars: 4000             # a turn longer than this is a long turn (LONG_TURN_CHARS)
    max_long_turns_per_client: 2      # at once, per sender and per address (MAX_LONG_TURNS_PER_CLIENT)

The address is Sanic's ``request.remote_addr`` (a proxy's forwarded address, when the app is told
to trust it), else the peer's IP: behind a proxy that Sanic is not told about, every client is the
proxy, and the address bound is one for all of them.
"""
from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import AsyncIterator, Dict, List, Optional

LONG_TURN_CHARS = 4000
"""Default of ``long_turn_chars``: a text longer than this is screened off the event loop, and is a
long turn for the bound (about 40 ms of screening at 10 µs a character)."""
MAX_LONG_TURNS_PER_CLIENT = 2
"""Default of ``max_long_turns_per_client``: long turns one sender, or one address, has read at once."""

CLIENT_ADDRESS: ContextVar[Optional[str]] = ContextVar("emobot_client_address", default=None)
"""The remote address of the request being handled (set by the REST webhook; None elsewhere)."""


class ClientLimits:
    """At most ``per_client`` long turns at once per client key; a turn holds one slot of each key."""

    def __init__(self, per_client: int = MAX_LONG_TURNS_PER_CLIENT) -> None:
        if per_client < 1:
            raise ValueError(f"max_long_turns_per_client must be at least 1: {per_client}")
        self.per_client = per_client
        self._slots: Dict[str, asyncio.Semaphore] = {}
        self._users: Dict[str, int] = {}  # turns holding or waiting for each key: the key goes with the last

    @asynccontextmanager
    async def slot(self, sender: Optional[str], address: Optional[str] = None) -> AsyncIterator[None]:
        """Wait for a slot of the ``address`` and one of the ``sender`` (in that order, always: no two
        turns wait for each other's), hold them for the block."""
        keys = [key for key in (f"address:{address}" if address else None, f"sender:{sender}" if sender else None) if key]
        held: List[str] = []
        for key in keys:
            self._users[key] = self._users.get(key, 0) + 1
        try:
            for key in keys:
                await self._slots.setdefault(key, asyncio.Semaphore(self.per_client)).acquire()
                held.append(key)
            yield
        finally:
            for key in reversed(held):
                self._slots[key].release()
            for key in keys:
                self._users[key] -= 1
                if not self._users[key]:
                    del self._users[key]
                    self._slots.pop(key, None)
