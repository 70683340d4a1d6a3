"""``VoiceInput``: a Rasa input channel for spoken turns (``emobot_voice``).

One request is one spoken turn::

    POST /webhooks/emobot_voice/webhook
      multipart form: audio (wav, webm or ogg), sender, optional user_id and locale ("de-DE": the
      language the clip is recognised in; English without one)
      or a raw body with Content-Type audio/wav | audio/webm | audio/ogg and ?sender=...[&locale=...]

Sessions, as on ``emobot_web`` (:mod:`connectors.web.sessions`): ``POST
/webhooks/emobot_voice/session`` issues one (``{session_id, token}``); a turn that carries its
token (``Authorization: Bearer <token>`` or the cookie) acts on that conversation whatever
``sender`` says, and its answer holds the conversation's state and derived states. Without one the
``sender`` is taken and the answer tells this turn's reading only (anyone who knows a sender could
have sent it), unless ``require_session``, which refuses such turns (401 ``no_session``). The bot
is told which (``metadata["session_proven"]``, set by emobot_web's ``answer``): to a
spoken turn without a session it says back nothing of the conversation's earlier turns ("what did
i say about my sister?" gets the not-signed-in line of ``bot/support/actions/recall.py``), as on
emobot_web. As there, a turn without a session whose ``sender`` names a conversation that was
proven or had a handoff goes to a new conversation of its own (its token in ``X-Emobot-Session``),
and the turn in which a conversation without a session is handed over gets that conversation's
token in the same header (:class:`connectors.web.channel.EmobotWebInput`).

and the answer is::

    {"transcript": "i feel sad", "messages": [...], "reply_text": "...",
     "emotion": {...},                                 # as in emobot_web's ?emotion=true (without a session: this turn's reading, state and derived null)
     "audio": {"content_type": "audio/wav", "base64": "UklGR..."}}  # the reply, spoken

The emotion service does the heavy lifting, so Rasa's environment stays as it is: in one
request (``POST /v1/sessions/{id}/turns`` with ``transcribe``) it decodes the clip, trims
silence (silero-vad), recognises the words offline (Whisper), and screens, reads and logs the
turn with them as text and the same clip as audio. The reply is spoken by espeak-ng. A clip in
which no words were recognised is logged and answered with an error; the bot is not called.

Errors are ``{"error": {"code", "message"}}``: 400 ``invalid_request`` / ``sender_too_long`` (with
``help``, the help line of the locale: :mod:`connectors.web.request_fields`), 413
``upload_too_large`` / ``audio_too_long``, 415 ``unsupported_format``, 422 ``no_speech`` /
``too_short`` / ``corrupt_audio`` / ``empty_audio``, 503 ``service_unavailable``.

credentials.yml::

    connectors.voice.channel.VoiceInput:
      emotion_service_url: http://127.0.0.1:8500   # default: $EMOBOT_SERVICE_URL
      timeout: 20                                  # seconds, per service request
      bot: support
      voice: en                                    # espeak-ng voice
      session_secret: ...                          # signs the issued sessions (as emobot_web's)
      require_session: false                       # true: refuse turns without an issued session
      max_sender_chars: 128                        # a longer sender or user_id: 400 sender_too_long, with the help line

The longest spoken turn is the service's ``max_spoken_turn_s`` (30 s by default).
"""
from __future__ import annotations

import base64
import logging
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.client import EmotionServiceClient, UploadFile
from connectors.voice.speech import SpeechSynthesisError, synthesize
from connectors.web.channel import EmobotWebInput
from connectors.web.request_fields import MAX_SENDER_CHARS, overlong_id, refuse_overlong_id
from connectors.web.sessions import without_conversation
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
            outbox=credentials.get("outbox"),
            session_secret=credentials.get("session_secret"),
            require_session=bool(credentials.get("require_session", False)),
            max_sender_chars=int(credentials.get("max_sender_chars") or MAX_SENDER_CHARS),
        )

    def __init__(
        self,
        emotion_service_url: Optional[str] = None,
        timeout: float = 20.0,
        bot: Optional[str] = None,
        voice: str = "en",
        client: Optional[EmotionServiceClient] = None,
        outbox: Optional[Dict[str, Any]] = None,
        session_secret: Optional[str] = None,
        require_session: bool = False,
        max_sender_chars: int = MAX_SENDER_CHARS,
    ) -> None:
        super().__init__(emotion_service_url, timeout=timeout, bot=bot, client=client, outbox=outbox,
                         session_secret=session_secret, require_session=require_session,
                         max_sender_chars=max_sender_chars)
        self.voice = voice

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        voice = Blueprint(f"emobot_voice_webhook_{id(self)}", __name__)
        self.replay_in_background(voice, on_new_message)

        @voice.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @voice.route("/session", methods=["POST"])
        async def session(request: Request) -> HTTPResponse:
            """The caller's conversation: the one its cookie or token names, else a new one."""
            return self.session_answer(request)

        @voice.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                return await self.handle(request, on_new_message)
            except VoiceError as exc:
                return response.json({"error": {"code": exc.code, "message": exc.message}}, status=exc.status)

        return voice

    async def handle(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        session_id = self.session_of(request)
        if session_id is None and self.require_session:
            raise VoiceError(401, "no_session", "POST /session first and send its cookie or bearer token")
        sender, user_id, clip, locale = _parse(request, needs_sender=session_id is None)
        if session_id is not None:  # the issued session, whatever the request names
            sender, user_id = session_id, session_id
        metadata = {"locale": locale} if locale else {}  # the clip's language for recognition ("de-DE")
        turn = WebTurn(sender, sender, "", metadata, clip, [], user_id, session_id)
        overlong = overlong_id(turn, self.max_sender_chars)
        if overlong:  # before the service hears it: the refusal carries the help line (its words are unheard)
            return await refuse_overlong_id(turn, overlong, self.max_sender_chars, locale)
        # a proven or handed-over conversation named without its token: a new one (emobot_web's claim_unproven)
        turn, moved = await self.claim_unproven(turn)
        turn, emotion = await self.read_turn(turn)
        if not turn.text.strip():
            raise VoiceError(*unheard(emotion))
        heard = emotion.get("transcript") or {}
        transcript = turn.text
        collector = CollectingOutputChannel()
        # the locale stays: the bot's language and the safety net's numbers (connectors/web/safety_net.py)
        await self.answer(turn._replace(metadata={**turn.metadata, "asr": heard}), emotion, collector, on_new_message)

        reply_text = " ".join(m["text"] for m in collector.messages if m.get("text"))
        audio = None
        if reply_text:
            try:
                wav = await synthesize(reply_text, voice=self.voice)
                audio = {"content_type": "audio/wav", "base64": base64.b64encode(wav).decode()}
            except SpeechSynthesisError as exc:  # the text reply still goes out
                logger.error("Speech synthesis failed: %s", exc)
        # a sender without a session proves nothing: the answer tells this turn's reading, not the
        # conversation's state or derived states (connectors/web/sessions.py); the bot read all of it
        token = moved or await self.token_if_handed_over(turn)
        return response.json({"transcript": transcript, "asr_confidence": heard.get("confidence"),
                              "messages": collector.messages, "reply_text": reply_text,
                              "emotion": emotion if turn.session_id is not None else without_conversation(emotion),
                              "audio": audio}, headers={"X-Emobot-Session": token} if token else None)


REFUSALS = {"upload_too_large": 413, "audio_too_long": 413, "rate_limited": 429, "unsupported_format": 415}


def unheard(emotion: Dict[str, Any]) -> tuple[int, str, str]:
    """(status, code, message) for a spoken turn in which no words came back."""
    error = emotion.get("error")
    if error == "service_unavailable" or emotion.get("queued"):
        return 503, "service_unavailable", f"speech recognition is unavailable: {emotion.get('message', error)}"
    if error:  # the service refused the turn
        return REFUSALS.get(str(error), 422), str(error), str(emotion.get("message") or error)
    audio = (emotion.get("modalities") or {}).get("audio") or {}
    if audio.get("status") == "error" and audio.get("code"):
        return REFUSALS.get(audio["code"], 422), str(audio["code"]), str(audio.get("message") or audio["code"])
    if any("clip cut" in str(note) for note in audio.get("notes") or []):
        return 413, "audio_too_long", "the spoken turn is longer than the service accepts"
    return 422, "no_speech", "no words were recognised in the clip"


class VoiceError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _parse(request: Request, needs_sender: bool = True) -> tuple[str, Optional[str], UploadFile, Optional[str]]:
    """(sender, user_id, clip, locale) of a multipart or raw-audio request (``needs_sender``: the
    request has no session, so it must name its sender); VoiceError if unusable."""
    content_type = (request.content_type or "").split(";")[0].strip().lower()
    if content_type.startswith("multipart/form-data"):
        file = request.files.get("audio")
        if file is None:
            raise VoiceError(400, "invalid_request", "the form has no 'audio' file")
        data, declared = file.body, (file.type or "").split(";")[0].strip().lower()
        sender, user_id, locale = request.form.get("sender"), request.form.get("user_id"), request.form.get("locale")
    else:
        data, declared = request.body or b"", content_type
        sender, user_id, locale = request.args.get("sender"), request.args.get("user_id"), request.args.get("locale")
    if not sender and needs_sender:
        raise VoiceError(400, "invalid_request", "a 'sender' is required (form field or ?sender=)")
    if not data:
        raise VoiceError(422, "empty_audio", "the audio is empty (0 bytes)")
    if len(data) > MAX_UPLOAD_BYTES:
        raise VoiceError(413, "upload_too_large", f"audio is larger than {MAX_UPLOAD_BYTES} bytes")
    found = next((mime for mime, (magic, _) in FORMATS.items() if data.startswith(magic)), None)
    if found is None or (found == "audio/wav" and data[8:12] != b"WAVE"):
        raise VoiceError(415, "unsupported_format",
                         f"send WAV, WebM or Ogg audio (got {declared or 'unknown content'})")
    return str(sender), user_id or None, (f"turn.{FORMATS[found][1]}", data, found), (locale or None)
