"""Token buckets kept in the mood-log database, so that every replica of the service draws from
the same bucket (a per-process limiter would let N replicas accept N times the rate).

A bucket holds at most ``burst`` tokens and gains ``rate`` tokens per second; each request
takes one. The bucket's row is locked while it is read and written (``SELECT ... FOR UPDATE``
on PostgreSQL; a process lock on SQLite, which one process serves), so concurrent requests
through any replica never take the same token twice.

rate_limit_buckets   key (e.g. ``turns:<session id>``) -> tokens left, when they were counted

A bucket that has had time to fill up again says no more than a missing one, so such rows are
deleted (at most once a minute per process): the table holds only the recently active keys.
"""
from __future__ import annotations

import threading
import time
from typing import Callable

from sqlalchemy import Column, Float, delete
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, select

PRUNE_EVERY_S = 60.0


class RateBucket(SQLModel, table=True):
    """``tokens`` as counted at ``counted_at`` (seconds since the epoch, the counting replica's clock)."""

    __tablename__ = "rate_limit_buckets"

    key: str = Field(primary_key=True, max_length=200)
    tokens: float
    counted_at: float = Field(sa_column=Column(Float, nullable=False, index=True))


class TokenBuckets:
    """Token buckets of capacity ``burst`` refilled at ``rate_per_s`` tokens per second.

    Args:
        engine: the mood-log engine (SQLite or PostgreSQL, migrated).
        rate_per_s: tokens added per second (> 0).
        burst: the most tokens a bucket holds: requests that may arrive at once (>= 1).
        clock: seconds since the epoch; replicas' clocks are assumed to agree to well under a
            second (a clock behind the last count adds nothing rather than taking tokens away).
    """

    def __init__(self, engine: Engine, rate_per_s: float, burst: float, clock: Callable[[], float] = time.time):
        if rate_per_s <= 0 or burst < 1:
            raise ValueError(f"need rate_per_s > 0 and burst >= 1, got {rate_per_s} and {burst}")
        self.engine, self.rate_per_s, self.burst, self.clock = engine, rate_per_s, float(burst), clock
        self._sqlite_lock = threading.Lock()
        self._pruned_at = 0.0

    def take(self, key: str) -> float:
        """Take one token from ``key``'s bucket.

        Returns 0.0 when a token was taken, else the seconds until one will be there (and
        nothing is taken).
        """
        for attempt in range(3):
            try:
                if self.engine.dialect.name == "sqlite":
                    with self._sqlite_lock:
                        return self._take(key)
                return self._take(key)
            except IntegrityError:  # two replicas created the bucket at once: the loser retries
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _take(self, key: str) -> float:
        now = self.clock()
        with Session(self.engine) as db:
            if now - self._pruned_at > PRUNE_EVERY_S:
                self._pruned_at = now
                full_since = now - self.burst / self.rate_per_s
                db.exec(delete(RateBucket).where(RateBucket.counted_at < full_since))
            bucket = db.exec(select(RateBucket).where(RateBucket.key == key).with_for_update()).first()
            if bucket is None:
                bucket = RateBucket(key=key, tokens=self.burst, counted_at=now)
            elapsed = max(0.0, now - bucket.counted_at)
            tokens = min(self.burst, bucket.tokens + elapsed * self.rate_per_s)
            if tokens < 1.0:
                return (1.0 - tokens) / self.rate_per_s  # nothing written: the count stays valid
            bucket.tokens, bucket.counted_at = tokens - 1.0, max(now, bucket.counted_at)
            db.add(bucket)
            db.commit()
            return 0.0
