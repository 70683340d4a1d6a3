"""Delivering user turns to the emotion service through the outbox: no turn lost, none reordered.

``TurnDelivery.deliver`` appends a turn to the outbox (:mod:`connectors.outbox`) and then sends
its session's queue, oldest first, up to and including that turn; a turn leaves the queue
only once the service has logged it (2xx) or refused it for good (4xx, logged as rejected).
So while a session has pending turns a new turn waits behind them, and the mood log keeps
the order in which users sent their turns. Turns carry their ``client_turn_id`` and
``sent_at``: the service logs a resent turn once and keeps when the user spoke.

When the service cannot be reached, times out or answers 502/503/504 (e.g. its database is
down) the turn stays queued and the bot answers with::

    {"available": false, "error": "service_unavailable", "message": "...",
     "queued": true, "turn_id": "<hex>", "pending_turns": 3}

Until the service is back, later turns are queued at once (no request, so the bot stays quick);
a background task probes ``/healthz`` every ``replay_interval`` seconds and replays every
session's queue when it answers. A turn answered by another 5xx (a bug, not an outage) is
retried up to ``max_attempts`` times, then set aside (kept in the outbox's dead turns, logged
as an error) so its session's later turns can go on. A 429 (the session's rate limit, which a
replayed backlog may hit) leaves the turn queued for the next replay; any other 4xx removes it
(the service logged it as rejected).
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional

from connectors.client import EmotionServiceClient
from connectors.service_errors import EmotionServiceError, EmotionServiceRejected, EmotionServiceUnavailable
from connectors.contract import crisis_of
from connectors.outbox import Outbox, QueuedTurn

logger = logging.getLogger(__name__)

OUTAGE_STATUSES = (None, 502, 503, 504)  # None: no answer at all (refused, timeout)


class TurnDelivery:
    """Sends turns to the emotion service in order, through a durable outbox.

    Args:
        client: the service client.
        outbox: where turns wait; None sends each turn once, directly (no durability).
        replay_interval: seconds between background replays of pending turns.
        max_attempts: 5xx answers other than 502/503/504 a turn may get before it is set aside.
        lock_wait: seconds a new turn waits for its session's earlier turns to be sent before
            the bot answers without its analysis (the turn stays queued).
        bot: the bot whose turns this sender replays; another bot's sessions in a shared outbox
            are left to that bot (fourth exploratory reading: the tutor replayed a support turn,
            and its crisis handling ran in the wrong bot). None replays every session.
    """

    def __init__(self, client: EmotionServiceClient, outbox: Optional[Outbox], replay_interval: float = 2.0,
                 max_attempts: int = 10, lock_wait: float = 10.0, bot: Optional[str] = None) -> None:
        self.client = client
        self.outbox = outbox
        self.bot = bot
        self.replay_interval = replay_interval
        self.max_attempts = max_attempts
        self.lock_wait = lock_wait
        self._service_down: Optional[str] = None  # why, while the service is believed down
        # called with (turn, emotion metadata) when a turn delivered late (a replay) carries a crisis flag
        self.on_crisis_replayed: Optional[Callable[[QueuedTurn, Dict[str, Any]], Awaitable[Any]]] = None
        self._task: Optional[asyncio.Task] = None

    # --- one turn ----------------------------------------------------------------------------

    async def deliver(self, turn: QueuedTurn) -> Dict[str, Any]:
        """The emotion metadata of ``turn``: the service's answer, or a fallback saying why not.

        Never raises for a service or outbox failure.
        """
        self.start()
        if self.outbox is None:
            return await self._send_once(turn)
        try:
            pending = await self.outbox.append(turn)
        except Exception as exc:  # a broken disk or Redis must not cost the bot its answer
            logger.error("Outbox unavailable, turn %s of %s sent without it: %r", turn.turn_id, turn.session_id, exc)
            return await self._send_once(turn)
        if self._service_down is not None:
            logger.warning("Emotion service unavailable for %s: %s (turn queued)", turn.session_id, self._service_down)
            return _queued(turn, pending, self._service_down)
        async with self.outbox.lock(turn.session_id, self.lock_wait) as held:
            if not held:
                return _queued(turn, pending, "the session's earlier turns are still being sent")
            _, outcome = await self._send_queue(turn.session_id, until=turn)
        return outcome if outcome is not None else await self._send_once(turn)

    async def _send_once(self, turn: QueuedTurn) -> Dict[str, Any]:
        """Send a turn outside the outbox (none configured, or the outbox lost it to another sender)."""
        try:
            return dict((await self._send(turn)).raw)
        except EmotionServiceRejected as exc:
            logger.warning("Emotion service refused turn of %s: %s", turn.session_id, exc)
            return exc.metadata()
        except EmotionServiceUnavailable as exc:
            logger.warning("Emotion service unavailable for %s: %s", turn.session_id, exc)
            return {"available": False, "error": "service_unavailable", "message": str(exc), "queued": False}

    async def _send(self, turn: QueuedTurn):
        return await self.client.analyse_turn(
            turn.session_id, turn.text, speaker_id=turn.speaker_id, bot=turn.bot, audio=turn.audio,
            images=turn.images, user_id=turn.user_id, client_turn_id=turn.turn_id, sent_at=turn.sent_at,
            cues=turn.cues, transcribe=turn.transcribe, language=turn.language)

    # --- a session's queue -------------------------------------------------------------------

    async def _send_queue(self, session_id: str, until: Optional[QueuedTurn] = None
                          ) -> tuple[int, Optional[Dict[str, Any]]]:
        """Send the session's pending turns oldest first, stopping after ``until`` or at an outage.

        Hold the session's lock. Returns (turns delivered, the metadata of ``until`` or None when
        another sender took ``until`` out of the queue first).
        """
        assert self.outbox is not None
        delivered = 0
        while (head := await self.outbox.head(session_id)) is not None:
            if until is not None and head.turn_id != until.turn_id and not await self.outbox.contains(until):
                break  # another sender delivered ``until``; leave the rest to it
            mine = until is not None and head.turn_id == until.turn_id
            try:
                analysis = await self._send(head)
            except EmotionServiceRejected as exc:
                if exc.status_code == 429:  # the session's rate limit (a replayed backlog): not now, later
                    logger.info("Emotion service asks %s to slow down: %s", session_id, exc)
                    if until is None:
                        return delivered, None
                    return delivered, {**_queued(until, await self.outbox.pending(session_id), str(exc)),
                                       **({"derived": {"crisis": exc.crisis}} if mine and exc.crisis else {}),
                                       **({"transcript": exc.transcript} if mine and exc.transcript else {})}
                await self.outbox.remove(head)  # the service logged it as rejected
                logger.warning("Emotion service refused turn %s of %s: %s", head.turn_id, session_id, exc)
                if mine:
                    return delivered, exc.metadata()
                continue
            except EmotionServiceUnavailable as exc:
                if exc.status_code in OUTAGE_STATUSES:
                    self._service_down = str(exc)
                    logger.warning("Emotion service unavailable for %s: %s (turn queued)", session_id, exc)
                elif await self.outbox.record_failure(head) >= self.max_attempts:
                    await self.outbox.set_aside(head, str(exc))
                    logger.error("Turn %s of %s set aside after %d failures: %s", head.turn_id, session_id,
                                 self.max_attempts, exc)
                    if mine:
                        return delivered, {"available": False, "error": "service_error", "message": str(exc),
                                           "queued": False}
                    continue
                if until is None:
                    return delivered, None
                return delivered, _queued(until, await self.outbox.pending(session_id), str(exc))
            await self.outbox.remove(head)
            delivered += 1
            if mine:
                return delivered, dict(analysis.raw)
            await self._replayed(head, dict(analysis.raw))
        return delivered, None

    async def keep_replies(self, turn_id: str, replies: List[str]) -> bool:
        """Keep what the bot answered to a turn still waiting in the outbox; they are sent once the
        turn is delivered (``_replayed``). False when there is no outbox, the turn already left it,
        or the outbox cannot be reached (the turn is kept, its replies are not)."""
        if self.outbox is None:
            return False
        try:
            return await self.outbox.set_replies(turn_id, replies)
        except Exception as exc:  # a broken disk or Redis must not cost the bot anything
            logger.info("The replies to queued turn %s were not kept: %r", turn_id, exc)
            return False

    async def _replayed(self, turn: QueuedTurn, emotion: Dict[str, Any]) -> None:
        """A turn delivered after its bot answered: what the bot answered goes to the mood log
        (``QueuedTurn.replies``), and when the service flags crisis risk in it, the channel is told
        (``on_crisis_replayed``) so the conversation escalates now."""
        turn_index = emotion.get("turn_index")
        if turn.replies and isinstance(turn_index, int):
            try:
                await self.client.send_replies(turn.session_id, turn_index, list(turn.replies))
            except EmotionServiceError as exc:  # the turn is logged; only the bot's words are missing
                logger.info("The replies to replayed turn %s of %s were not logged: %s", turn.turn_id,
                            turn.session_id, exc)
        crisis = crisis_of(emotion)
        if not crisis.get("flag") or self.on_crisis_replayed is None:
            return
        logger.warning("Replayed turn %s of %s carries crisis risk: escalating", turn.turn_id, turn.session_id)
        try:
            await self.on_crisis_replayed(turn, emotion)
        except Exception:  # the replay goes on; the mood log holds the flag
            logger.exception("Escalating the replayed turn %s of %s failed", turn.turn_id, turn.session_id)

    # --- background replay -------------------------------------------------------------------

    async def replay(self) -> int:
        """Send every session's pending turns (sessions another sender holds are skipped).

        While the service is believed down, first ask ``/healthz``. Returns turns delivered.
        """
        if self.outbox is None or not (sessions := await self.outbox.sessions()):
            return 0
        if self._service_down is not None:
            try:
                await self.client.health()
            except EmotionServiceError as exc:
                self._service_down = str(exc)
                return 0
            logger.info("Emotion service is back: replaying the turns of %d sessions", len(sessions))
            self._service_down = None
        delivered = 0
        for session_id in sessions:
            if self.bot is not None and not await self._mine(session_id):
                continue
            async with self.outbox.lock(session_id, 0) as held:
                if held:
                    delivered += (await self._send_queue(session_id))[0]
            if self._service_down is not None:
                break
        return delivered

    async def _mine(self, session_id: str) -> bool:
        """Whether the session's oldest pending turn is this sender's bot's (or names no bot)."""
        head = await self.outbox.head(session_id)
        return head is None or not head.bot or head.bot == self.bot

    def start(self) -> None:
        """Start the background replay in the running event loop (idempotent)."""
        if self.outbox is None:
            return
        loop = asyncio.get_running_loop()
        if self._task is None or self._task.done() or self._task.get_loop() is not loop:
            self._task = loop.create_task(self._replay_forever(), name="emobot-outbox-replay")

    async def stop(self) -> None:
        """Stop the background replay (pending turns stay in the outbox)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
        self._task = None

    async def _replay_forever(self) -> None:
        while True:
            await asyncio.sleep(self.replay_interval)
            try:
                delivered = await self.replay()
                if delivered:
                    logger.info("Replayed %d queued turns to the emotion service", delivered)
            except Exception:  # keep replaying after an outbox hiccup
                logger.exception("Replaying queued turns failed")


def _queued(turn: QueuedTurn, pending: int, reason: str) -> Dict[str, Any]:
    return {"available": False, "error": "service_unavailable",
            "message": f"the turn is queued and will be analysed when the emotion service is back ({reason})",
            "queued": True, "turn_id": turn.turn_id, "pending_turns": pending}
