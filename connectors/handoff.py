"""Handing a conversation to a human from your own custom actions (rasa_sdk or any action server).

The pattern the support bot uses (bot/support), in three steps:

1. **Request**: an action calls :func:`request_handoff` (``POST /v1/sessions/{id}/handoffs``,
   body ``{"reason", "bot", "user_id"}``, and ``"kind": "safeguarding"`` for a child's abuse,
   harm at home or self-harm, which the queue ranks with the high-risk handoffs; the service
   snapshots the transcript and emotion timeline, and the supervisor dashboard shows it in its
   queue, with a re-alert when nobody claims it) and sets the slot ``handoff_active`` (and ``handoff_id``).
2. **Pause, but stay**: while ``handoff_active`` is true, one rule answers every message, e.g.
   ``{if: {slot.handoff_active: true}, action: action_handoff_present, priority: 200}`` in
   EmotionRulesPolicy; that action says a person is coming (:func:`handoff_status` tells whether
   it is claimed, the usual wait, and ``busy`` when the queue is long or overdue: then no time is
   promised) and copies the person's words and its own lines into the
   handoff's live thread with :func:`add_to_thread`, so the supervisor reads them.
3. **Resume**: the dashboard triggers the intent ``handoff_resolved`` when the supervisor
   resolves; its action checks :func:`is_resolved` (the intent alone ends nothing: a person
   could type it) and clears the slots.

Every function returns None / False instead of raising when the emotion service cannot be
reached, so an action always gets to answer the person.
"""
from __future__ import annotations

import logging
import os
from typing import Any, Dict, Optional, Sequence, Tuple

from connectors.client import EmotionServiceClient
from connectors.service_errors import EmotionServiceError

logger = logging.getLogger(__name__)

HANDOFF_SLOTS = ("handoff_active", "handoff_id")
"""The slots of the pattern: a bool (the conversation is with a human) and the handoff's id (float)."""
SAFEGUARDING = "safeguarding"
"""The handoff kind of a child's abuse, harm at home or self-harm (:func:`request_handoff`)."""
THREAD_TEXT_LIMIT = 4000
"""The most characters of one message of a handoff's live thread (the service's limit)."""


def readable_text(text: str, limit: int = THREAD_TEXT_LIMIT) -> str:
    """``text`` as a person from the team can read it and the service takes it (eighth exploratory
    reading, M9: a message with a NUL byte, or longer than the service's limit, reached the
    supervisor as "withheld"): NUL characters removed and, when still longer than ``limit``, its
    start and its end (risk is often said last: "... I will take them all tonight.") around a note
    of how much was left out."""
    text = (text or "").replace("\x00", "")
    if len(text) <= limit:
        return text
    note = f"\n[... {{left:,}} characters left out here: the message had {len(text):,} characters ...]\n"
    room = max(0, limit - len(note.format(left=len(text))))
    head = room // 4
    tail = room - head
    return f"{text[:head]}{note.format(left=len(text) - head - tail)}{text[len(text) - tail:] if tail else ''}"


def service_client(timeout: Optional[float] = None) -> EmotionServiceClient:
    """A client of the emotion service at ``$EMOBOT_SERVICE_URL`` with ``$EMOBOT_SERVICE_TOKEN``."""
    url = os.environ.get("EMOBOT_SERVICE_URL") or "http://127.0.0.1:8500"
    return EmotionServiceClient(url, timeout=timeout or float(os.environ.get("EMOBOT_ACTIONS_SERVICE_TIMEOUT", "5")))


async def request_handoff(session_id: str, reason: str, *, bot: Optional[str] = None,
                          user_id: Optional[str] = None, kind: Optional[str] = None) -> Optional[Dict[str, Any]]:
    """Open (or find the open) handoff of the conversation: ``{"id", "status", "kind", ...}``; None
    when the service could not be reached (say so to the person, and give them other help).
    ``kind``: :data:`SAFEGUARDING` for a child's abuse, harm at home or self-harm (the queue ranks
    it with the high-risk handoffs and says why), else None (the conversation's screening decides);
    given to an open handoff that had none."""
    try:
        async with service_client() as client:
            return await client.open_handoff(session_id, reason, bot=bot, user_id=user_id, kind=kind)
    except EmotionServiceError as exc:
        logger.error("handoff request for %s failed: %s", session_id, exc)
        return None


async def handoff_status(session_id: str) -> Optional[Dict[str, Any]]:
    """The conversation's newest handoff: ``{"id", "status": open|claimed|resolved,
    "waiting_s", "expected_wait_s", "cursor"}``; None when there is none or the service is away."""
    try:
        async with service_client() as client:
            return await client.handoff_status(session_id)
    except EmotionServiceError as exc:
        logger.error("handoff status of %s unavailable: %s", session_id, exc)
        return None


async def withdraw_handoff(session_id: str) -> bool:
    """The person no longer wants the person they asked for: True when the open handoff was
    withdrawn (resolved, with a note for the supervisor); False once someone claimed it, or when
    the service is away (the handoff then stays, and a person still comes)."""
    try:
        async with service_client() as client:
            return await client.withdraw_handoff(session_id) is not None
    except EmotionServiceError as exc:
        logger.error("handoff of %s not withdrawn: %s", session_id, exc)
        return False


async def add_to_thread(session_id: str, messages: Sequence[Tuple[str, str]]) -> bool:
    """Append ``(kind, text)`` messages (kind: person | bot | notice | alert: for the team only) to the handoff's live thread,
    each as :func:`readable_text` makes it (a NUL byte refused the whole report, and a long
    message kept only its first characters: eighth exploratory reading, M9)."""
    if not messages:
        return True
    try:
        async with service_client() as client:
            await client.add_thread_messages(session_id, [(kind, readable_text(text)) for kind, text in messages])
        return True
    except EmotionServiceError as exc:
        logger.error("handoff thread of %s not updated: %s", session_id, exc)
        return False


def is_resolved(status: Optional[Dict[str, Any]], handoff_id: Optional[float]) -> bool:
    """Whether the supervisor resolved this conversation's handoff (the one in ``handoff_id``)."""
    return bool(status) and status.get("status") == "resolved" and (
        handoff_id is None or status.get("id") == int(handoff_id))
