"""Micro-batching: concurrent requests that need the same model share one forward pass.

Request threads call ``batcher(item)``. One of them (the leader) runs ``fn`` on every item
waiting at that moment, up to ``max_size``; the others block until their result is there.
Items that arrive while a batch runs wait for the next one, so a lone request is never
delayed (``max_wait_s`` = 0) and under load the batch grows with the queue. A batch whose
``fn`` raises is re-run item by item, so one bad item fails only its own caller.
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
    ``sizes`` counts the batches run by size (for benchmarks and logs).
    """

    def __init__(self, fn: Callable[[list[In]], list[Out]], max_size: int = 32, max_wait_s: float = 0.0):
        self.fn = fn
        self.max_size = max_size
        self.max_wait_s = max_wait_s
        self.sizes: dict[int, int] = {}
        self._queue: list[_Slot[In, Out]] = []
        self._busy = False
        self._cond = threading.Condition()

    def __call__(self, item: In) -> Out:
        slot: _Slot[In, Out] = _Slot(item)
        with self._cond:
            self._queue.append(slot)
            while self._busy and not slot.done:
                self._cond.wait()
            if not slot.done:
                self._busy = True
        if not slot.done:
            self._lead(slot)
        if slot.error is not None:
            raise slot.error
        return slot.result  # type: ignore[return-value]

    def _lead(self, own: _Slot[In, Out]) -> None:
        """Run batches until ``own`` is done, then hand over to the next waiting thread."""
        try:
            while not own.done:
                if self.max_wait_s > 0 and len(self._queue) < self.max_size:
                    time.sleep(self.max_wait_s)
                with self._cond:
                    batch = self._queue[: self.max_size]
                    del self._queue[: len(batch)]
                self._run(batch)
                with self._cond:
                    self._cond.notify_all()
        finally:
            with self._cond:
                self._busy = False
                self._cond.notify_all()

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

