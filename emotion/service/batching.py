"""Micro-batching: concurrent requests that need the same model share one forward pass.

Request threads call ``batcher(item)``. A caller that finds fewer than ``max_concurrent``
batches running becomes a leader: it runs ``fn`` on every item waiting at that moment, up to
``max_size``; the others block until their result is there. Items that arrive while the
batches run wait for the next one, so a lone request is never delayed (``max_wait_s`` = 0) and
under load the batches grow with the queue. With one thread per forward pass, two batches in
flight keep both cores of a 2-core machine busy. A batch whose ``fn`` raises is re-run item by
item, so one bad item fails only its own caller.
"""
from __future__ import annotations

import threading
import time
from typing import Callable, Generic, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


class _Slot(Generic[In, Out]):
    __slots__ = ("item", "result", "error", "done")

    def __init__(self, item: In):
        self.item = item
        self.result: Out | None = None
        self.error: BaseException | None = None
        self.done = False


class MicroBatcher(Generic[In, Out]):
    """``fn``: list of N items -> list of N results, in order.

    max_size: most items per call of ``fn``. max_wait_s: how long a leader waits for more
    items before running a batch smaller than ``max_size`` (seconds; 0 = never waits).
    max_concurrent: batches that may run at once (in different request threads).
    ``sizes`` counts the batches run by size (for benchmarks and logs).
    """

    def __init__(self, fn: Callable[[list[In]], list[Out]], max_size: int = 32, max_wait_s: float = 0.0,
                 max_concurrent: int = 1):
        self.fn = fn
        self.max_size = max_size
        self.max_wait_s = max_wait_s
        self.max_concurrent = max_concurrent
        self.sizes: dict[int, int] = {}
        self._queue: list[_Slot[In, Out]] = []
        self._running = 0
        self._cond = threading.Condition()

    def __call__(self, item: In) -> Out:
        slot: _Slot[In, Out] = _Slot(item)
        with self._cond:
            self._queue.append(slot)
            while self._running >= self.max_concurrent and not slot.done:
                self._cond.wait()
            lead = not slot.done
            if lead:
                self._running += 1
        if lead:
            self._lead(slot)
        if slot.error is not None:
            raise slot.error
        return slot.result  # type: ignore[return-value]

    def _lead(self, own: _Slot[In, Out]) -> None:
        """Run batches until ``own`` is done (or taken by another leader), then hand over."""
        try:
            while not own.done:
                if self.max_wait_s > 0 and len(self._queue) < self.max_size:
                    time.sleep(self.max_wait_s)
                with self._cond:
                    batch = self._queue[: self.max_size]
                    del self._queue[: len(batch)]
                if not batch:  # another leader is running ``own``
                    break
                self._run(batch)
                with self._cond:
                    self._cond.notify_all()
        finally:
            with self._cond:
                self._running -= 1
                self._cond.notify_all()
                while not own.done:
                    self._cond.wait()

    def _run(self, batch: list[_Slot[In, Out]]) -> None:
        self.sizes[len(batch)] = self.sizes.get(len(batch), 0) + 1
        try:
            results = self.fn([s.item for s in batch])
            for slot, result in zip(batch, results, strict=True):
                slot.result = result
        except BaseException as exc:
            if len(batch) == 1:
                batch[0].error = exc
            else:
                for slot in batch:
                    self._run([slot])
                return
        for slot in batch:
            slot.done = True

