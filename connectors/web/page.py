"""The chat page: its files (static/, served with a strict Content-Security-Policy) and what it
says before the first message: its title and a greeting that tells people what the bot is and
is not, and where to get urgent help (credentials ``page``), in the browser's language where
``greetings`` has it (a locale such as ``de-AT`` first, then its language ``de``)::

    connectors.web.channel.EmobotWebInput:
      page:
        title: Support chat
        greeting: "Hi, I'm an automated listening bot ..."
        greetings: {de: "Hallo, ich bin ein automatischer Zuhör-Bot ...", fr: "..."}

Links in the greeting use the page's markdown-like form, ``[label](tel:988)``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional

from sanic import response
from sanic.response import HTTPResponse

DEFAULT_GREETING = (
    "Hi, I'm an automated assistant (a chatbot): not a person, and not a therapist or a doctor. "
    "If you are in danger or need urgent help, call your local emergency number "
    "([112](tel:112) in Europe, [911](tel:911) in the US, [999](tel:999) in the UK). "
    "In the US you can call or text [988](tel:988); in the UK call Samaritans on [116 123](tel:116123).")


@dataclass(frozen=True)
class ChatPage:
    title: str = "emobot"
    greeting: str = DEFAULT_GREETING
    greetings: Mapping[str, str] = field(default_factory=dict)  # locale or language (lower case) -> greeting

    @classmethod
    def from_mapping(cls, data: Optional[Mapping[str, Any]]) -> "ChatPage":
        data = dict(data or {})
        unknown = set(data) - {"title", "greeting", "greetings"}
        if unknown:
            raise ValueError(f"page: unknown keys {sorted(unknown)} (known: title, greeting, greetings)")
        greetings = data.pop("greetings", None) or {}
        if not isinstance(greetings, Mapping):
            raise ValueError("page: greetings must map a locale or language to a greeting")
        return cls(**{k: str(v) for k, v in data.items()},
                   greetings={str(k).lower(): str(v) for k, v in greetings.items()})

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "greetings": dict(self.greetings)}


STATIC_DIR = Path(__file__).parent / "static"
# the chat page runs only its own script and style, talks only to this server, and is not framed;
# images a bot sends may come from https sites, camera snapshots are data:/blob: URLs
CHAT_PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; "
                 "media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                 "form-action 'self'; object-src 'none'")
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}


def static_file(name: str) -> HTTPResponse:
    """A file of the chat page; only plain names of known types inside static/ (no paths)."""
    path = STATIC_DIR / name
    if "/" in name or name.startswith(".") or path.suffix not in STATIC_TYPES or not path.is_file():
        return response.json({"error": {"code": "not_found", "message": f"no file {name!r}"}}, status=404)
    return response.raw(path.read_bytes(), content_type=STATIC_TYPES[path.suffix],
                        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff",
                                 "Content-Security-Policy": CHAT_PAGE_CSP, "Referrer-Policy": "no-referrer"})
