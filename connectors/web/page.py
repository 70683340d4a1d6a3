"""What the chat page says before the first message: its title and a greeting that tells people
what the bot is and is not, and where to get urgent help (credentials ``page``)::

    connectors.web.channel.EmobotWebInput:
      page:
        title: Support chat
        greeting: "Hi, I'm an automated listening bot ..."

Links in the greeting use the page's markdown-like form, ``[label](tel:988)``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Mapping, Optional

DEFAULT_GREETING = (
    "Hi, I'm an automated assistant (a chatbot): not a person, and not a therapist or a doctor. "
    "If you are in danger or need urgent help, call your local emergency number "
    "([112](tel:112) in Europe, [911](tel:911) in the US, [999](tel:999) in the UK). "
    "In the US you can call or text [988](tel:988); in the UK call Samaritans on [116 123](tel:116123).")


@dataclass(frozen=True)
class ChatPage:
    title: str = "emobot"
    greeting: str = DEFAULT_GREETING

    @classmethod
    def from_mapping(cls, data: Optional[Mapping[str, Any]]) -> "ChatPage":
        data = dict(data or {})
        unknown = set(data) - {"title", "greeting"}
        if unknown:
            raise ValueError(f"page: unknown keys {sorted(unknown)} (known: title, greeting)")
        return cls(**{k: str(v) for k, v in data.items()})

    def to_json(self) -> dict[str, str]:
        return asdict(self)
