"""What the bot said to one turn: an OutputChannel wrapper that passes every message on and keeps
count and texts, so the channel notices a bot that said nothing (and sends its safety net) and
reports the bot's words to the mood log."""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import OutputChannel

from connectors.contract import LEFT_TO_THE_TEAM


class RecordingOutput(OutputChannel):
    """Passes every message to ``inner``, counting them and keeping their texts: the channel
    notices a bot that said nothing, and reports what the bot said to the mood log."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner, self.sent, self.texts = inner, 0, []

    @classmethod
    def name(cls) -> str:
        return "recording"

    def keep(self, text: Any) -> None:
        self.sent += 1
        if isinstance(text, str) and text.strip():
            self.texts.append(text)

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        self.keep(message.get("text"))
        if message.get("custom") == LEFT_TO_THE_TEAM and not message.get("text"):
            return  # the bot leaves the turn to the person from the team: an answer, for no client
        await self.inner.send_response(recipient_id, message)


TEXT_FIRST = ("send_text_message", "send_text_with_buttons", "send_quick_replies")
"""OutputChannel methods whose argument after the recipient is the message's text."""


def _recorded(method: str) -> Callable[..., Awaitable[None]]:
    async def send(self: RecordingOutput, recipient_id: str, *args: Any, **kwargs: Any) -> None:
        self.keep((args[0] if args else kwargs.get("text")) if method in TEXT_FIRST else None)
        await getattr(self.inner, method)(recipient_id, *args, **kwargs)

    send.__name__ = method
    return send


for _method in ("send_text_message", "send_image_url", "send_attachment", "send_text_with_buttons",
                "send_quick_replies", "send_elements", "send_custom_json"):
    setattr(RecordingOutput, _method, _recorded(_method))

