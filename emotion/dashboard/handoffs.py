"""Handoffs: a conversation handed from the bot to a human, and the human's replies.

The bot side opens handoffs (``emotion.moodlog.governance.open_handoff``); supervisors claim, reply and resolve from the dashboard.
``deliver_reply`` pushes a reply into the Rasa conversation when a Rasa URL is configured.
"""
from __future__ import annotations

import logging
import time
from urllib.parse import quote

import httpx
from sqlmodel import Session

from emotion.moodlog.governance import Handoff, HandoffMessage
from emotion.moodlog.models import utcnow

log = logging.getLogger("emotion.dashboard")


class HandoffStateError(ValueError):
    """The handoff is not in a state that allows this step (e.g. resolving an open, unclaimed one)."""


def claim(db: Session, handoff: Handoff, actor: str) -> None:
    if handoff.status != "open":
        raise HandoffStateError(f"handoff is {handoff.status}")
    handoff.status, handoff.claimed_by = "claimed", actor
    db.add(handoff)


def resolve(db: Session, handoff: Handoff, actor: str) -> None:
    if handoff.status != "claimed" or handoff.claimed_by != actor:
        raise HandoffStateError("only the supervisor who claimed a handoff resolves it")
    handoff.status, handoff.resolved_at = "resolved", utcnow()
    db.add(handoff)


def reply(db: Session, handoff: Handoff, actor: str, text: str, rasa_url: str | None,
          rasa_token: str | None = None) -> HandoffMessage:
    """Store the reply, then try to deliver it; ``delivered`` says whether Rasa accepted it."""
    if handoff.status != "claimed" or handoff.claimed_by != actor:
        raise HandoffStateError("claim the handoff before replying")
    message = HandoffMessage(handoff_id=handoff.id, author=actor, text=text)
    message.delivered = deliver_reply(rasa_url, handoff.session_id, text, token=rasa_token)
    db.add(message)
    return message


def deliver_reply(rasa_url: str | None, conversation_id: str, text: str, *, token: str | None = None,
                  timeout_s: float = 5.0) -> bool:
    """Append a ``bot`` event to the Rasa conversation (POST /conversations/{id}/tracker/events)
    and send it through the conversation's latest channel. False when no Rasa URL is configured or
    Rasa refused it; the reply then stays undelivered in the dashboard."""
    if not rasa_url:
        return False
    params = {"output_channel": "latest", "execute_side_effects": "true"}
    if token:
        params["token"] = token
    try:
        response = httpx.post(f"{rasa_url.rstrip('/')}/conversations/{quote(conversation_id, safe='')}/tracker/events",
                              params=params, json={"event": "bot", "text": text, "timestamp": time.time()},
                              timeout=timeout_s)
    except httpx.HTTPError as exc:
        log.warning("reply to %s not delivered: %s", conversation_id, exc)
        return False
    if response.status_code >= 300:
        log.warning("reply to %s refused by Rasa: HTTP %s", conversation_id, response.status_code)
        return False
    return True
