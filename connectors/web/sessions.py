"""Server-issued conversation sessions for the emobot_web channel.

The chat page asks ``POST /webhooks/emobot_web/session`` for its session: a random id, signed
with the channel's secret, set as an HttpOnly cookie (``emobot_session``) and returned as a
token for clients that cannot keep cookies (REST apps send ``Authorization: Bearer <token>``).
A request that carries a valid session acts on that conversation only, whatever ``sender`` it
names; so a reload keeps the conversation (and a running handoff), and nobody reads or writes
another person's conversation without its token.

The secret: the channel's ``session_secret`` credential, else ``$EMOBOT_WEB_SESSION_SECRET``;
every replica must share it. Without one, a random secret per process is used (sessions then
end when Rasa restarts) and a warning is logged.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
import uuid
from typing import Optional

from emotion.placeholders import refuse_placeholder

logger = logging.getLogger(__name__)

COOKIE = "emobot_session"


class SessionSigner:
    """Issues and checks session tokens ``<session id>.<HMAC-SHA256, base64url>``."""

    def __init__(self, secret: Optional[str] = None) -> None:
        secret = secret or os.environ.get("EMOBOT_WEB_SESSION_SECRET") or ""
        refuse_placeholder(secret, "the web session secret (EMOBOT_WEB_SESSION_SECRET)")
        if not secret:
            logger.warning("No web session secret (session_secret / EMOBOT_WEB_SESSION_SECRET): sessions last "
                           "until this process stops, and replicas do not share them.")
            secret = secrets.token_urlsafe(32)
        self._key = secret.encode()

    def _mac(self, session_id: str) -> str:
        digest = hmac.new(self._key, session_id.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def issue(self) -> tuple[str, str]:
        """A new (session id, token)."""
        session_id = f"web-{uuid.uuid4().hex}"
        return session_id, self.token(session_id)

    def token(self, session_id: str) -> str:
        return f"{session_id}.{self._mac(session_id)}"

    def verify(self, token: Optional[str]) -> Optional[str]:
        """The session id of a valid token, else None (constant-time comparison)."""
        if not token or "." not in token or len(token) > 300:
            return None
        session_id, mac = token.rsplit(".", 1)
        return session_id if hmac.compare_digest(mac, self._mac(session_id)) else None
