"""The ``customData`` of a socket.io turn: metadata plus optional voice clip and face snapshots.

Rasa's socket.io protocol carries free-form ``customData`` with each ``user_uttered`` event
(an object, or a JSON string of one); Rasa puts it into the message metadata. Our socket.io
channel reads the media out of it, so a web chat widget adds audio and images to a turn
without a second upload:

    {"audio":  {"data": "<base64>", "mime": "audio/wav"}          (or a data: URL string),
     "images": [{"data": "<base64>", "mime": "image/jpeg"}, ...]  (or data: URL strings;
                                                                   a single one need not be a list),
     "user_id": "ana", "speaker_id": "ana",                        (both optional)
     ...any other key: kept as message metadata}

``data`` is standard or URL-safe base64, padding optional; ``mime`` (also ``type``) must be
``audio/*`` (or ``video/webm``, what some browsers record voice as) for audio and ``image/*``
for images; without one the service sniffs the content. Sizes are counted after decoding.

A medium that cannot be used (bad base64, wrong type, too large, one image too many) is left
out and reported as a :class:`TurnProblem`; the rest of the turn goes on. The decoded media
never enter the metadata (Rasa stores metadata with every event of the tracker).
"""
from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple, Union

from connectors.client import UploadFile

MEDIA_KEYS = ("audio", "images")
AUDIO_TYPES = ("audio/", "video/webm")
IMAGE_TYPES = ("image/",)
DATA_URL = re.compile(r"^data:(?P<mime>[\w.+-]+/[\w.+-]+)?(?P<params>(;[^,;]*)*?);base64,(?P<data>.*)$", re.S)
EXTENSIONS = {"audio/wav": "wav", "audio/x-wav": "wav", "audio/wave": "wav", "audio/webm": "webm",
              "video/webm": "webm", "audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/mp4": "m4a",
              "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif"}


@dataclass(frozen=True)
class MediaLimits:
    """How much media one socket.io turn may carry (bytes after base64 decoding).

    Attributes:
        max_audio_bytes: the voice clip's size limit (default 4 MiB: about 2 min of 16 kHz WAV).
        max_image_bytes: each snapshot's size limit (default 1 MiB).
        max_images: snapshots per turn (default 5; more are left out).
    """

    max_audio_bytes: int = 4 * 1024 * 1024
    max_image_bytes: int = 1024 * 1024
    max_images: int = 5

    @property
    def max_message_bytes(self) -> int:
        """The largest socket.io message a turn within these limits needs: media as base64 + 64 KiB."""
        media = self.max_audio_bytes + self.max_images * self.max_image_bytes
        return (media + 2) // 3 * 4 + 64 * 1024

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any]) -> "MediaLimits":
        """Read ``max_audio_bytes``, ``max_image_bytes``, ``max_images`` (defaults for absent keys)."""
        values = {k: int(credentials[k]) for k in ("max_audio_bytes", "max_image_bytes", "max_images")
                  if credentials.get(k) is not None}
        if any(v < 1 for v in values.values()):
            raise ValueError(f"media limits must be positive: {values}")
        return cls(**values)


@dataclass(frozen=True)
class TurnProblem:
    """Why (part of) a socket.io turn was left out; sent to the client as an ``emobot_error`` event.

    Attributes:
        code: ``invalid_custom_data`` (not an object or JSON object), ``invalid_media`` (bad
            base64, wrong shape or type), ``media_too_large``, ``too_many_images``; the channel
            adds ``invalid_message`` and ``no_session``.
        field: where: ``customData``, ``audio``, ``images``, ``images[2]``, ``session_id``.
        message: a human-readable explanation.
    """

    code: str
    field: str
    message: str


@dataclass(frozen=True)
class CustomData:
    """A parsed ``customData``.

    Attributes:
        metadata: ``customData`` without ``audio`` and ``images`` (the message metadata).
        audio: the voice clip as (filename, bytes, content type), or None.
        images: the face snapshots, same shape.
        user_id: the end user across conversations, if given.
        speaker_id: who spoke, if given.
        problems: what was left out, and why.
    """

    metadata: Dict[str, Any] = field(default_factory=dict)
    audio: Optional[UploadFile] = None
    images: List[UploadFile] = field(default_factory=list)
    user_id: Optional[str] = None
    speaker_id: Optional[str] = None
    problems: List[TurnProblem] = field(default_factory=list)


def parse_custom_data(raw: Any, limits: MediaLimits = MediaLimits()) -> CustomData:
    """Split ``customData`` (a dict, a JSON string of one, or None) into metadata and media."""
    if raw is None or raw == "":
        return CustomData()
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = None
    if not isinstance(raw, dict):
        return CustomData(problems=[TurnProblem("invalid_custom_data", "customData",
                                                "customData must be an object or a JSON string of one")])
    problems: List[TurnProblem] = []
    audio = None
    if raw.get("audio") is not None:
        audio = _collect(decode_media(raw["audio"], "audio", limits.max_audio_bytes), problems)
    images: List[UploadFile] = []
    values = raw.get("images")
    values = [] if values is None else values if isinstance(values, list) else [values]
    for n, value in enumerate(values):
        if n == limits.max_images:
            problems.append(TurnProblem("too_many_images", "images",
                                        f"{len(values)} images; the limit is {limits.max_images} per turn, "
                                        f"the ones after image {limits.max_images - 1} were left out"))
            break
        image = _collect(decode_media(value, f"images[{n}]", limits.max_image_bytes), problems)
        if image is not None:
            images.append(image)
    return CustomData(
        metadata={k: v for k, v in raw.items() if k not in MEDIA_KEYS},
        audio=audio, images=images, user_id=_id(raw.get("user_id")), speaker_id=_id(raw.get("speaker_id")),
        problems=problems,
    )


def decode_media(value: Any, where: str, max_bytes: int) -> Union[UploadFile, TurnProblem]:
    """One medium (``{"data", "mime"}`` or a data: URL) as an upload, or why it cannot be used.

    Args:
        value: the customData value.
        where: ``audio`` or ``images[n]``: names the field in a problem and sets the allowed types.
        max_bytes: the size limit after decoding.
    """
    mime, data = _mime_and_data(value)
    if data is None:
        return TurnProblem("invalid_media", where, 'expected {"data": "<base64>", "mime": "..."} or a '
                                                   "data: URL with ;base64")
    allowed = AUDIO_TYPES if where == "audio" else IMAGE_TYPES
    if mime and not mime.startswith(allowed):
        return TurnProblem("invalid_media", where, f"type {mime!r} is not one of {', '.join(allowed)}*")
    data = "".join(data.split())  # base64 from some encoders is wrapped into lines
    if len(data) // 4 * 3 > max_bytes + 2:  # refuse before decoding
        return TurnProblem("media_too_large", where, f"larger than the limit of {max_bytes} bytes")
    try:
        content = base64.b64decode(_padded(data).replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        return TurnProblem("invalid_media", where, "data is not valid base64")
    if len(content) > max_bytes:
        return TurnProblem("media_too_large", where, f"{len(content)} bytes; the limit is {max_bytes}")
    if not content:
        return TurnProblem("invalid_media", where, "data is empty")
    mime = mime or "application/octet-stream"
    stem = "turn" if where == "audio" else f"image{where[len('images'):].strip('[]')}"
    return (f"{stem}.{EXTENSIONS.get(mime, 'bin')}", content, mime)


def _mime_and_data(value: Any) -> Tuple[Optional[str], Optional[str]]:
    """(mime type or None, base64 text or None) of ``{"data", "mime"|"type"}`` or a data: URL."""
    mime = None
    if isinstance(value, dict):
        mime = value.get("mime") or value.get("type")
        value = value.get("data")
        if mime is not None and not isinstance(mime, str):
            return None, None
    if not isinstance(value, str):
        return None, None
    if value.startswith("data:"):
        match = DATA_URL.match(value)
        if match is None:
            return None, None
        return (match["mime"] or mime or "").lower() or None, match["data"]
    return (mime or "").split(";")[0].strip().lower() or None, value


def _padded(data: str) -> str:
    return data + "=" * (-len(data) % 4)


def _collect(result: Union[UploadFile, TurnProblem], problems: List[TurnProblem]) -> Optional[UploadFile]:
    if isinstance(result, TurnProblem):
        problems.append(result)
        return None
    return result


def _id(value: Any) -> Optional[str]:
    return str(value) if isinstance(value, (str, int)) and str(value) else None
