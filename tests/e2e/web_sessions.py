"""Conversations held as the chat page holds them: an issued session (``POST /webhooks/emobot_web/session``) and its
token on every turn. A plain REST sender that had a handoff is no longer the sender's to write in (ninth reading, H5),
and its token is not handed to whoever sent the risky line when the conversation had earlier turns (tenth, H7)."""
from __future__ import annotations

import httpx

SESSIONS: dict[tuple[str, str], tuple[str, str]] = {}
"""(bot URL, a test's name for a conversation) -> (issued session id, token)."""


def conversation(url: str, name: str) -> str:
    """The issued session id of the test's conversation ``name`` (opened on first use)."""
    if (url, name) not in SESSIONS:
        issued = httpx.post(f"{url}/webhooks/emobot_web/session", timeout=30).json()
        SESSIONS[(url, name)] = (issued["session_id"], issued["token"])
    return SESSIONS[(url, name)][0]


def said(url: str, name: str, text: str, timeout: float = 120) -> list[str]:
    """The bot's lines to ``text`` in the test's conversation ``name`` (None for a message with no text)."""
    conversation(url, name)
    reply = httpx.post(f"{url}/webhooks/emobot_web/webhook", json={"message": text}, timeout=timeout,
                       headers={"Authorization": f"Bearer {SESSIONS[(url, name)][1]}"})
    assert reply.status_code == 200, reply.text
    return [m.get("text") for m in reply.json()]
