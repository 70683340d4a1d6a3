"""One user turn waiting in the outbox (connectors/outbox.py), as JSON (uploads base64-encoded)."""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from connectors.client import UploadFile


@dataclass(frozen=True)
class QueuedTurn:
    """One user turn as the channel will send it to ``POST /v1/sessions/{session_id}/turns``.

    Attributes:
        turn_id: the channel's id of the turn (hex uuid), sent as ``client_turn_id``.
        session_id, speaker_id, text, bot, user_id: as in the service's form.
        sent_at: when the user sent it (timezone-aware); the mood log keeps it.
        audio: one clip as (filename, bytes, content type), or None.
        images: face snapshots as (filename, bytes, content type).
        cues: dialogue cues for the service's derived states (``DialogueCues``: wrong_in_a_row,
            hint_requests, response_time_s), or None.
        transcribe: a voice message: the service recognises its words (also when replayed later).
        language: the voice message's language (ISO 639-1, from the page's locale), or None (English).
        replies: what the bot answered while the turn waited (``Outbox.set_replies``); they go to the
            mood log once the turn is delivered.
        attempts: failed deliveries that got a 5xx answer (outages are not counted).
    """

    turn_id: str
    session_id: str
    speaker_id: str
    text: str
    sent_at: datetime
    bot: Optional[str] = None
    user_id: Optional[str] = None
    audio: Optional[UploadFile] = None
    images: tuple[UploadFile, ...] = ()
    cues: Optional[dict[str, Any]] = None
    transcribe: bool = False
    language: Optional[str] = None
    replies: tuple[str, ...] = ()
    attempts: int = 0

    def to_json(self) -> str:
        """The turn without ``attempts``, uploads base64-encoded."""
        return json.dumps({
            "turn_id": self.turn_id, "session_id": self.session_id, "speaker_id": self.speaker_id,
            "text": self.text, "sent_at": self.sent_at.isoformat(), "bot": self.bot, "user_id": self.user_id,
            "audio": _upload_json(self.audio) if self.audio else None,
            "images": [_upload_json(i) for i in self.images], "cues": self.cues, "transcribe": self.transcribe,
            "language": self.language, "replies": list(self.replies),
        })

    @classmethod
    def from_json(cls, data: str | bytes, attempts: int = 0) -> "QueuedTurn":
        raw = json.loads(data)
        return cls(turn_id=raw["turn_id"], session_id=raw["session_id"], speaker_id=raw["speaker_id"],
                   text=raw["text"], sent_at=datetime.fromisoformat(raw["sent_at"]), bot=raw["bot"],
                   user_id=raw["user_id"], audio=_upload_of(raw["audio"]) if raw["audio"] else None,
                   images=tuple(_upload_of(i) for i in raw["images"]), cues=raw.get("cues"),
                   transcribe=bool(raw.get("transcribe", False)), language=raw.get("language"),
                   replies=tuple(str(r) for r in raw.get("replies") or ()), attempts=attempts)


def _upload_json(upload: UploadFile) -> list[str]:
    name, data, content_type = upload
    return [name, base64.b64encode(data).decode("ascii"), content_type]


def _upload_of(data: list[str]) -> UploadFile:
    return (data[0], base64.b64decode(data[1]), data[2])
