"""Server-issued conversation sessions for the emobot_web channel.

The chat page asks ``POST /webhooks/emobot_web/session`` for its session: a random id, signed
with the channel's secret, set as an HttpOnly cookie (``emobot_session``) and returned as a
token for clients that cannot keep cookies (REST apps send ``Authorization: Bearer <token>``).
A request that carries a valid session acts on that conversation only, whatever ``sender`` it
names; so a reload keeps the conversation (and a running handoff), and nobody reads or writes
another person's conversation without its token.

**An issued id is a capability, not a name.** Ids of the form the channel issues
(``web-`` and 32 hex digits, :func:`is_issued`) belong to the channel: a turn that names one (as
``sender``, ``speaker_id`` or ``user_id``) without that session's token is refused
(:class:`SessionRequired`, 401 ``session_required``), on every transport, whether or not such
a conversation exists; so knowing someone's session id (from a URL, an export, a log) is not
enough to write into their conversation or to read anything of it. Other senders (a REST
client's own ids, ``require_session: false``) work as before, but the channel cannot tell their
owner from anyone else who knows the id, so the answer to such a turn tells this turn's reading,
not the conversation's (:func:`without_conversation`).

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
import re
import secrets
import unicodedata
import uuid
from typing import Any, Dict, Optional

from sanic.exceptions import Unauthorized

from emotion.placeholders import refuse_placeholder

logger = logging.getLogger(__name__)

COOKIE = "emobot_session"
ISSUED_ID = re.compile(r"web-[0-9a-f]{32}")
CONVERSATION_FIELDS = ("state", "derived")
"""Fields of a turn's emotion metadata that the service reads over the conversation's earlier
turns: the tracked state (its trend), and the derived states (the crisis screening joins the
conversation's risk and names the category of an earlier disclosure)."""


def is_issued(identity: str) -> bool:
    """Whether ``identity`` has the form of a session id the channel issues (``web-<32 hex>``).

    Compared the way a lenient store might (a case-insensitive SQL collation, one that folds
    full-width letters or ignores trailing blanks), so a look-alike of an issued id counts too;
    control and invisible format characters (a NUL, a zero-width space, a direction mark) are
    read past (eighth exploratory reading, L8: such a look-alike was taken as a new conversation
    whose turns the service refused or filed under a hashed id, while the bot answered them).
    """
    visible = "".join(ch for ch in identity if unicodedata.category(ch) not in ("Cc", "Cf"))
    return ISSUED_ID.fullmatch(unicodedata.normalize("NFKC", visible).strip().casefold()) is not None


class SessionRequired(Unauthorized):
    """A turn names an issued session (in ``field``) without that session's token: 401.

    The REST webhook answers it as ``{"error": {"code": "session_required", ...}}``, socket.io as
    an ``emobot_error`` event; a channel built on this one (emobot_voice) gets Sanic's 401."""

    code = "session_required"

    def __init__(self, field: str) -> None:
        self.field = field
        super().__init__(f"{field} names a conversation this channel issued: send its token (the {COOKIE} "
                         "cookie or Authorization: Bearer <token>), or POST /session for a conversation of your own")


def without_conversation(emotion: Dict[str, Any]) -> Dict[str, Any]:
    """What the answer to a turn without a session tells of its emotion: this turn's reading
    (``turn``, ``modalities``, the bookkeeping), with :data:`CONVERSATION_FIELDS` set to null and
    named in ``withheld``. The bot's policies still get all of it; a client that needs the
    conversation's state sends the session's token (or reads it from the service with its own)."""
    return {**emotion, **{name: None for name in CONVERSATION_FIELDS}, "withheld": list(CONVERSATION_FIELDS)}


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
        """A new (session id, token); the id matches :func:`is_issued`."""
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
