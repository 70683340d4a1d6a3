"""``VoiceInput``: a Rasa input channel for spoken turns (``emobot_voice``).

One request is one spoken turn::

    POST /webhooks/emobot_voice/webhook
      multipart form: audio (wav, webm or ogg), sender, optional user_id
      or a raw body with Content-Type audio/wav | audio/webm | audio/ogg and ?sender=...

and the answer is::

    {"transcript": "i feel sad", "messages": [...], "reply_text": "...",
     "emotion": {...},                                 # as in emobot_web's ?emotion=true
     "audio": {"content_type": "audio/wav", "base64": "UklGR..."}}  # the reply, spoken

The emotion service does the heavy lifting, so Rasa's environment stays as it is: it
decodes the clip, trims silence (silero-vad) and transcribes it offline
(``POST /v1/asr``, Whisper), then analyses the turn with the transcript as text and the
same clip as audio. The reply is spoken by espeak-ng.

Errors are ``{"error": {"code", "message"}}``: 400 ``invalid_request``, 413
``upload_too_large`` / ``audio_too_long``, 415 ``unsupported_format``, 422 ``no_speech`` /
``too_short`` / ``corrupt_audio`` / ``empty_audio``, 503 ``service_unavailable``.

credentials.yml::

    connectors.voice.channel.VoiceInput:
      emotion_service_url: http://127.0.0.1:8500   # default: $EMOBOT_SERVICE_URL
      timeout: 20                                  # seconds, per service request
      bot: support
      voice: en                                    # espeak-ng voice
      max_duration_s: 30                           # longest spoken turn
"""
from __future__ import annotations

import base64
import logging
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.client import (
    EmotionServiceClient,
    EmotionServiceRejected,
    EmotionServiceUnavailable,
    UploadFile,
)
from connectors.voice.speech import SpeechSynthesisError, synthesize
from connectors.web.channel import EmobotWebInput
from connectors.web.turn import WebTurn

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# container -> (magic bytes at offset 0, file extension); the service decodes, we only sort
FORMATS = {"audio/wav": (b"RIFF", "wav"), "audio/webm": (b"\x1a\x45\xdf\xa3", "webm"),
           "audio/ogg": (b"OggS", "ogg")}


class VoiceInput(EmobotWebInput):
    """Rasa input channel ``emobot_voice``: speech in, text and speech out.

    It analyses turns the way ``emobot_web`` does (same service client and failure handling).

    Args:
        emotion_service_url: base URL of the emotion service (ASR and emotion analysis).
        timeout: seconds allowed per request to the service.
        bot: the bot's name, recorded with each turn in the mood log.
        voice: the espeak-ng voice of the replies (``espeak-ng --voices`` lists them).
        max_duration_s: longest accepted spoken turn, seconds.
        outbox: the ``outbox:`` settings, as for ``emobot_web``.
    """

    @classmethod
    def name(cls) -> str:
        return "emobot_voice"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "VoiceInput":
        credentials = credentials or {}
        return cls(
            emotion_service_url=credentials.get("emotion_service_url"),
            timeout=float(credentials.get("timeout", 20.0)),
            bot=credentials.get("bot"),
            voice=str(credentials.get("voice", "en")),
            max_duration_s=float(credentials.get("max_duration_s", 30.0)),
            outbox=credentials.get("outbox"),
        )

    def __init__(
        self,
        emotion_service_url: Optional[str] = None,
        timeout: float = 20.0,
        bot: Optional[str] = None,
        voice: str = "en",
        max_duration_s: float = 30.0,
        client: Optional[EmotionServiceClient] = None,
        outbox: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(emotion_service_url, timeout=timeout, bot=bot, client=client, outbox=outbox)
        self.voice = voice
        self.max_duration_s = max_duration_s

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        voice = Blueprint(f"emobot_voice_webhook_{id(self)}", __name__)
        self.replay_in_background(voice, on_new_message)

        @voice.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @voice.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                return await self.handle(request, on_new_message)
            except VoiceError as exc:
                return response.json({"error": {"code": exc.code, "message": exc.message}}, status=exc.status)

        return voice

    async def handle(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        sender, user_id, clip = _parse(request)
        try:
            heard = await self.client.transcribe(clip, max_duration_s=self.max_duration_s)
        except EmotionServiceRejected as exc:
            raise VoiceError(exc.status_code, exc.code, exc.message) from exc
        except EmotionServiceUnavailable as exc:
            raise VoiceError(503, "service_unavailable", f"speech recognition is unavailable: {exc}") from exc
        transcript = str(heard.get("text") or "")

        collector = CollectingOutputChannel()
        _, emotion = await self.handle_turn(WebTurn(sender, sender, transcript, {"asr": heard}, clip, [], user_id),
                                            collector, on_new_message, transcribed=True)

        reply_text = " ".join(m["text"] for m in collector.messages if m.get("text"))
        audio = None
        if reply_text:
            try:
                wav = await synthesize(reply_text, voice=self.voice)
                audio = {"content_type": "audio/wav", "base64": base64.b64encode(wav).decode()}
            except SpeechSynthesisError as exc:  # the text reply still goes out
                logger.error("Speech synthesis failed: %s", exc)
        return response.json({"transcript": transcript, "asr_confidence": heard.get("confidence"),
                              "messages": collector.messages, "reply_text": reply_text,
                              "emotion": emotion, "audio": audio})


class VoiceError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _parse(request: Request) -> tuple[str, Optional[str], UploadFile]:
    """(sender, user_id, clip) of a multipart or raw-audio request; VoiceError if unusable."""
    content_type = (request.content_type or "").split(";")[0].strip().lower()
    if content_type.startswith("multipart/form-data"):
        file = request.files.get("audio")
        if file is None:
            raise VoiceError(400, "invalid_request", "the form has no 'audio' file")
        data, declared = file.body, (file.type or "").split(";")[0].strip().lower()
        sender, user_id = request.form.get("sender"), request.form.get("user_id")
    else:
        data, declared = request.body or b"", content_type
        sender, user_id = request.args.get("sender"), request.args.get("user_id")
    if not sender:
        raise VoiceError(400, "invalid_request", "a 'sender' is required (form field or ?sender=)")
    if not data:
        raise VoiceError(422, "empty_audio", "the audio is empty (0 bytes)")
    if len(data) > MAX_UPLOAD_BYTES:
        raise VoiceError(413, "upload_too_large", f"audio is larger than {MAX_UPLOAD_BYTES} bytes")
    found = next((mime for mime, (magic, _) in FORMATS.items() if data.startswith(magic)), None)
    if found is None or (found == "audio/wav" and data[8:12] != b"WAVE"):
        raise VoiceError(415, "unsupported_format",
                         f"send WAV, WebM or Ogg audio (got {declared or 'unknown content'})")
    return str(sender), user_id or None, (f"turn.{FORMATS[found][1]}", data, found)
