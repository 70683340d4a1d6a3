"""What the web channel's transports (REST, socket.io) hand over: a received turn, and the
channel that handles it (a Protocol, so the transports need not import the channel)."""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, List, NamedTuple, Optional, Protocol, Tuple

from rasa.core.channels.channel import OutputChannel, UserMessage

from connectors.client import UploadFile
from connectors.web.sessions import SessionSigner


class WebTurn(NamedTuple):
    """One user turn as received by the webhook."""

    sender_id: str
    speaker_id: str
    text: str
    metadata: Dict[str, Any]
    audio: Optional[UploadFile]
    images: List[UploadFile]
    user_id: Optional[str] = None


class TurnHandler(Protocol):
    """The channel as its transports see it (:class:`connectors.web.channel.EmobotWebInput`)."""

    sessions: SessionSigner
    sio: Any

    async def handle_turn(self, turn: WebTurn, output: OutputChannel,
                          on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Tuple[WebTurn, Dict[str, Any]]:
        ...
