"""What the web channel's transports (REST, socket.io) hand over: a received turn, and the
channel that handles it (a Protocol, so the transports need not import the channel)."""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, List, NamedTuple, Optional, Protocol, Tuple

from rasa.core.channels.channel import OutputChannel, UserMessage

from sanic.exceptions import PayloadTooLarge

from connectors.client import UploadFile
from connectors.web.sessions import SessionRequired, SessionSigner, is_issued


class TurnTooLarge(PayloadTooLarge):
    """A turn's text (or its request besides the media) is over the channel's ``max_body_bytes``: 413.

    The REST webhook answers ``{"error": {"code": "turn_too_large", ...}}``, socket.io an
    ``emobot_error`` event; nothing of the turn reaches the service or the bot."""

    code = "turn_too_large"

    def __init__(self, limit: int) -> None:
        self.field, self.limit = "message", limit
        super().__init__(f"the turn is larger than {limit:,} bytes (its text and fields, media aside): "
                         "send a shorter message")


class WebTurn(NamedTuple):
    """One user turn as received by the webhook (or a socket, or emobot_voice).

    ``session_id``: the server-issued session the request proved with its token (cookie, bearer,
    a confirmed socket.io session; without socket.io session persistence, the socket's own id,
    which is its conversation); None for a turn that only names its ``sender``. The bot is told
    which (``metadata["session_proven"]``, connectors/web/channel.py).
    """

    sender_id: str
    speaker_id: str
    text: str
    metadata: Dict[str, Any]
    audio: Optional[UploadFile]
    images: List[UploadFile]
    user_id: Optional[str] = None
    session_id: Optional[str] = None

    def check_identities(self) -> None:
        """Raise :class:`connectors.web.sessions.SessionRequired` when the sender, speaker or user
        names an issued session other than the one this turn proved (connectors/web/sessions.py)."""
        for field, identity in (("sender", self.sender_id), ("speaker_id", self.speaker_id), ("user_id", self.user_id)):
            if identity and identity != self.session_id and is_issued(identity):
                raise SessionRequired(field)


class TurnHandler(Protocol):
    """The channel as its transports see it (:class:`connectors.web.channel.EmobotWebInput`)."""

    sessions: SessionSigner
    sio: Any
    max_body_bytes: int

    async def handle_turn(self, turn: WebTurn, output: OutputChannel,
                          on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Tuple[WebTurn, Dict[str, Any]]:
        ...
