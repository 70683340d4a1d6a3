"""A durable outbox of user turns on their way to the emotion service.

Every turn a channel receives is appended here first and removed once the service has
logged it, so a turn survives an emotion-service or database outage and a Rasa restart.
Each session's turns form a queue in arrival order; :class:`connectors.delivery.TurnDelivery`
sends the head of a queue and removes it only after the service answered, which (with the
service's dedupe on ``client_turn_id``) keeps the mood log in send order even when two senders
replay the same queue.

Two implementations of one small protocol (:class:`Outbox`), chosen by configuration
(connectors/outbox_stores.py):

- :class:`SQLiteOutbox`: a file on disk (default ``var/emobot-outbox.sqlite3``). It survives
  a restart of Rasa; it belongs to one Rasa process.
- :class:`RedisOutbox`: keys in Redis under a prefix, shared by every Rasa replica, so a
  session whose turns alternate between replicas still has one queue.

credentials.yml (under the channel; every key optional)::

    outbox:
      backend: sqlite            # sqlite | redis | off; default $EMOBOT_OUTBOX_BACKEND or sqlite
      path: var/emobot-outbox.sqlite3          # default $EMOBOT_OUTBOX_PATH; relative to the cwd
      redis_url: redis://127.0.0.1:6379/0      # default $EMOBOT_OUTBOX_REDIS_URL
      key_prefix: emobot:outbox
      replay_interval: 2         # seconds between replays of pending turns
      max_attempts: 10           # 5xx answers before a turn is set aside as dead (outages never count)
      lock_timeout: 60           # seconds a replica may hold a session's Redis lock
"""
from __future__ import annotations

import os
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping, Optional, Protocol, Sequence

from connectors.outbox_stores import RedisOutbox, SQLiteOutbox
from connectors.queued_turn import QueuedTurn

__all__ = ["Outbox", "OutboxSettings", "QueuedTurn", "RedisOutbox", "SQLiteOutbox", "open_outbox"]


class Outbox(Protocol):
    """Per-session FIFO queues of turns, persisted outside the Rasa process."""

    async def append(self, turn: QueuedTurn) -> int:
        """Queue ``turn`` behind its session's pending turns; returns how many are pending now."""

    async def head(self, session_id: str) -> Optional[QueuedTurn]:
        """The session's oldest pending turn, or None."""

    async def contains(self, turn: QueuedTurn) -> bool:
        """Whether ``turn`` is still pending."""

    async def remove(self, turn: QueuedTurn) -> None:
        """Forget a delivered turn (no-op when another sender removed it already)."""

    async def set_replies(self, turn_id: str, replies: Sequence[str]) -> bool:
        """Keep what the bot answered to a pending turn (``QueuedTurn.replies``); False when the
        turn is no longer pending."""

    async def record_failure(self, turn: QueuedTurn) -> int:
        """Count a failed delivery (a 5xx answer); returns the turn's attempts so far."""

    async def set_aside(self, turn: QueuedTurn, reason: str) -> None:
        """Move a turn that keeps failing out of its queue into the dead turns (kept, never replayed)."""

    async def pending(self, session_id: Optional[str] = None) -> int:
        """How many turns wait, in one session or in all."""

    async def sessions(self) -> list[str]:
        """The sessions with pending turns, the longest-waiting first."""

    async def dead(self) -> list[tuple[QueuedTurn, str]]:
        """The turns set aside, with the reason."""

    async def erase(self, session_ids: Sequence[str]) -> int:
        """Delete every turn of these sessions, pending or set aside (a person's erasure, run by
        the dashboard); returns how many. Nothing of them is replayed afterwards."""

    def lock(self, session_id: str, wait: float) -> AbstractAsyncContextManager[bool]:
        """Hold the session's sending lock; yields False when ``wait`` seconds (0: only if free)
        passed without it. The order of the mood log does not depend on it (a turn leaves the
        queue only once logged, and the service dedupes): it spares duplicate requests."""

    async def close(self) -> None:
        """Release connections and files."""


@dataclass(frozen=True)
class OutboxSettings:
    """Where the outbox lives and how often it is replayed (see the module docstring)."""

    backend: str = "sqlite"
    path: str = "var/emobot-outbox.sqlite3"
    redis_url: str = "redis://127.0.0.1:6379/0"
    key_prefix: str = "emobot:outbox"
    replay_interval: float = 2.0
    max_attempts: int = 10
    lock_timeout: float = 60.0

    @classmethod
    def from_mapping(cls, config: Optional[Mapping[str, Any]] = None,
                     environ: Mapping[str, str] = os.environ) -> "OutboxSettings":
        """Settings from a channel's ``outbox:`` credentials, then ``$EMOBOT_OUTBOX_*``, then defaults."""
        config = dict(config or {})
        defaults = cls()
        unknown = set(config) - {"backend", "path", "redis_url", "key_prefix", "replay_interval", "max_attempts",
                                 "lock_timeout"}
        if unknown:
            raise ValueError(f"unknown outbox settings: {sorted(unknown)}")
        settings = replace(
            defaults,
            backend=str(config.get("backend") or environ.get("EMOBOT_OUTBOX_BACKEND") or defaults.backend),
            path=str(config.get("path") or environ.get("EMOBOT_OUTBOX_PATH") or defaults.path),
            redis_url=str(config.get("redis_url") or environ.get("EMOBOT_OUTBOX_REDIS_URL") or defaults.redis_url),
            key_prefix=str(config.get("key_prefix") or environ.get("EMOBOT_OUTBOX_KEY_PREFIX") or defaults.key_prefix),
            replay_interval=float(config.get("replay_interval", defaults.replay_interval)),
            max_attempts=int(config.get("max_attempts", defaults.max_attempts)),
            lock_timeout=float(config.get("lock_timeout", defaults.lock_timeout)),
        )
        if settings.backend not in ("sqlite", "redis", "off"):
            raise ValueError(f"outbox backend must be sqlite, redis or off, not {settings.backend!r}")
        return settings


_OPEN: dict[tuple[str, str], Outbox] = {}


def open_outbox(settings: OutboxSettings) -> Optional[Outbox]:
    """The process's outbox for these settings (one per file or Redis prefix; None when ``off``).

    Channels of one Rasa server (web and voice) share it, so they share its locks.
    """
    if settings.backend == "off":
        return None
    if settings.backend == "sqlite":
        key = ("sqlite", str(Path(settings.path).resolve()))
    else:
        key = ("redis", f"{settings.redis_url}#{settings.key_prefix}")
    if key not in _OPEN:
        _OPEN[key] = (SQLiteOutbox(settings.path) if settings.backend == "sqlite"
                      else RedisOutbox(settings.redis_url, settings.key_prefix, settings.lock_timeout))
    return _OPEN[key]
