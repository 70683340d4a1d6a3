"""Typed async client of the emobot emotion service (HTTP API ``/v1``).

It only needs httpx and the standard library, so it installs into a plain Rasa 3.6
environment (no pydantic 2, no torch).

    client = EmotionServiceClient("http://127.0.0.1:8500", timeout=5.0)
    analysis = await client.analyse_turn("conv-1", "I lost my job", speaker_id="user")
    if analysis.available and analysis.state is not None:
        print(analysis.state.label, analysis.state.probabilities["sadness"])
    await client.aclose()

Failures are two exceptions: :class:`EmotionServiceUnavailable` (connection refused,
timeout, 5xx after one retry) and :class:`EmotionServiceRejected` (a 4xx, with the
service's error code).
"""
from __future__ import annotations

import hashlib
import json
import re

import asyncio
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping, Sequence
from urllib.parse import quote

import httpx

logger = logging.getLogger(__name__)

# (filename, content, content type), e.g. ("turn.wav", b"RIFF...", "audio/wav")
UploadFile = tuple[str, bytes, str]


class EmotionServiceError(Exception):
    """Base class of the client's errors."""


class EmotionServiceUnavailable(EmotionServiceError):
    """The service could not be reached, timed out, or answered 5xx (after the retry).

    Attributes:
        status_code: the 5xx status of the last answer; None when there was no answer
            (connection refused, timeout).
    """

    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class EmotionServiceRejected(EmotionServiceError):
    """The service answered 4xx: the input was refused (too large, invalid, unknown session).

    Attributes:
        status_code: the HTTP status (413 too large, 422 invalid input, 404 unknown session).
        code: the service's machine-readable error code, e.g. ``"text_too_long"``.
        message: the human-readable explanation.
        turn_logged: whether the service still wrote the turn to the mood log.
        turn_index: the index of the logged turn, or None.
        crisis: the refused turn's crisis screening (``derived.crisis``), which the service runs
            before any limit; None when the service sent none.
        transcript: a refused voice message's words (``transcript``), heard before any limit; or None.
    """

    def __init__(
        self,
        status_code: int,
        code: str,
        message: str,
        turn_logged: bool = False,
        turn_index: int | None = None,
        crisis: dict | None = None,
        transcript: dict | None = None,
    ) -> None:
        super().__init__(f"{status_code} {code}: {message}")
        self.status_code = status_code
        self.code = code
        self.message = message
        self.turn_logged = turn_logged
        self.turn_index = turn_index
        self.crisis = crisis
        self.transcript = transcript

    def metadata(self) -> dict:
        """The emotion metadata of the refused turn: unavailable, with its crisis screening."""
        out: dict = {"available": False, "error": self.code, "message": self.message}
        if isinstance(self.crisis, dict):
            out["derived"] = {"crisis": self.crisis}
        if isinstance(self.transcript, dict):
            out["transcript"] = self.transcript
        return out


@dataclass(frozen=True)
class EmotionReading:
    """One emotion estimate: a distribution over the label set plus circumplex coordinates.

    Attributes:
        label: the most probable label (neutral, joy, sadness, anger, fear, disgust, surprise).
        probabilities: label -> probability, summing to 1.
        valence: pleasantness in [-1, 1].
        arousal: activation in [-1, 1].
        confidence: how much the service trusts this estimate, in [0, 1].
    """

    label: str
    probabilities: dict[str, float]
    valence: float
    arousal: float
    confidence: float

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "EmotionReading":
        return cls(
            label=str(data["label"]),
            probabilities={str(k): float(v) for k, v in data["probabilities"].items()},
            valence=float(data["valence"]),
            arousal=float(data["arousal"]),
            confidence=float(data["confidence"]),
        )


@dataclass(frozen=True)
class EmotionState(EmotionReading):
    """A speaker's tracked state across turns: a reading plus its trend.

    Attributes:
        trend_valence: recent change of valence per turn (positive = improving).
        trend_arousal: recent change of arousal per turn.
        trend_labels: label -> recent change of its probability per turn.
        turns_observed: how many turns of this speaker fed the state.
    """

    trend_valence: float = 0.0
    trend_arousal: float = 0.0
    trend_labels: dict[str, float] = field(default_factory=dict)
    turns_observed: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "EmotionState":
        reading = EmotionReading.from_json(data)
        trend = data.get("trend") or {}
        return cls(
            **reading.__dict__,
            trend_valence=float(trend.get("valence", 0.0)),
            trend_arousal=float(trend.get("arousal", 0.0)),
            trend_labels={str(k): float(v) for k, v in (trend.get("labels") or {}).items()},
            turns_observed=int(data.get("turns_observed", 0)),
        )


@dataclass(frozen=True)
class ModalityReport:
    """What happened to one modality (text, audio, face) this turn.

    Attributes:
        status: "used", "not_used", "error" or "absent".
        code: a machine-readable reason when not used, e.g. ``"no_face_detected"``.
        message: a human-readable explanation.
        notes: extra remarks (e.g. ``"clipped to 10 s"``).
    """

    status: str
    code: str | None = None
    message: str | None = None
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ModalityReport":
        return cls(
            status=str(data["status"]),
            code=data.get("code"),
            message=data.get("message"),
            notes=[str(n) for n in data.get("notes") or []],
        )


@dataclass(frozen=True)
class TurnAnalysis:
    """The service's answer to one analysed turn.

    Attributes:
        session_id, turn_index (0-based), speaker_id: which turn this is.
        available: False when no modality could be analysed this turn.
        turn: the reading of this turn alone, or None.
        state: the speaker's tracked state after this turn, or None.
        modalities: modality name -> report.
        modalities_used: the modalities that fed ``turn``.
        raw: the response JSON as received (what the Rasa channel puts into metadata).
    """

    session_id: str
    turn_index: int
    speaker_id: str
    available: bool
    turn: EmotionReading | None
    state: EmotionState | None
    modalities: dict[str, ModalityReport]
    modalities_used: list[str]
    raw: dict[str, Any]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "TurnAnalysis":
        return cls(
            session_id=str(data["session_id"]),
            turn_index=int(data["turn_index"]),
            speaker_id=str(data["speaker_id"]),
            available=bool(data["available"]),
            turn=EmotionReading.from_json(data["turn"]) if data.get("turn") else None,
            state=EmotionState.from_json(data["state"]) if data.get("state") else None,
            modalities={
                name: ModalityReport.from_json(report)
                for name, report in (data.get("modalities") or {}).items()
            },
            modalities_used=[str(m) for m in data.get("modalities_used") or []],
            raw=data,
        )


@dataclass(frozen=True)
class SpeakerState:
    """A speaker's current state, as returned by ``GET /v1/sessions/{id}/state``.

    Attributes:
        speaker_id: the speaker asked for, or the session's latest analysed speaker.
        turn_index: the index of the last turn that fed the state, or None.
        turns_received: how many turns the session holds (analysed or not).
        state: the tracked state, or None when no turn of this speaker was analysable.
        raw: the response JSON as received.
    """

    session_id: str
    speaker_id: str | None
    turn_index: int | None
    turns_received: int
    state: EmotionState | None
    raw: dict[str, Any]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "SpeakerState":
        turn_index = data.get("turn_index")
        return cls(
            session_id=str(data["session_id"]),
            speaker_id=data.get("speaker_id"),
            turn_index=None if turn_index is None else int(turn_index),
            turns_received=int(data.get("turns_received", 0)),
            state=EmotionState.from_json(data["state"]) if data.get("state") else None,
            raw=data,
        )


class EmotionServiceClient:
    """Async client of the emotion service.

    Args:
        base_url: e.g. ``"http://127.0.0.1:8500"``.
        timeout: seconds allowed for each of connect / read / write (a turn with audio and
            images runs three encoders, so keep it well above the service's p95 latency).
        connect_retries: extra attempts after a connection error or a 5xx answer. A read
            timeout is never retried: the service may already have logged the turn.
        transport: an httpx transport to use instead of the network (tests).
        token: the service's bearer token (default: ``$EMOBOT_SERVICE_TOKEN``; none when unset).
    """

    def __init__(
        self,
        base_url: str,
        timeout: float = 10.0,
        connect_retries: int = 1,
        transport: httpx.AsyncBaseTransport | None = None,
        token: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        token = token or os.environ.get("EMOBOT_SERVICE_TOKEN")
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.timeout = timeout
        self.connect_retries = connect_retries
        self._transport = transport
        # An httpx.AsyncClient's connection pool belongs to the event loop that opened it;
        # Sanic's test client runs each request in a fresh loop, so keep one per loop.
        self._http: httpx.AsyncClient | None = None
        self._http_loop: asyncio.AbstractEventLoop | None = None

    def _client(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        if self._http is None or self._http_loop is not loop or self._http.is_closed:
            self._http = httpx.AsyncClient(
                base_url=self.base_url,
                timeout=httpx.Timeout(self.timeout),
                transport=self._transport,
                headers=self._headers,
            )
            self._http_loop = loop
        return self._http

    async def aclose(self) -> None:
        """Close the connection pool (call it from the loop that used the client)."""
        if self._http is not None and not self._http.is_closed:
            await self._http.aclose()
        self._http = None

    async def __aenter__(self) -> "EmotionServiceClient":
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def _request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """Send one request, retrying connection errors and 5xx; return the 2xx JSON body."""
        last_error, last_status = "", None
        for attempt in range(self.connect_retries + 1):
            try:
                response = await self._client().request(method, path, **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                last_error = f"cannot connect to {self.base_url}: {exc!r}"
                logger.debug("emotion service attempt %d: %s", attempt + 1, last_error)
                continue
            except httpx.TimeoutException as exc:
                raise EmotionServiceUnavailable(
                    f"{method} {path} timed out after {self.timeout} s: {exc!r}"
                ) from exc
            except httpx.HTTPError as exc:
                raise EmotionServiceUnavailable(f"{method} {path} failed: {exc!r}") from exc
            if response.status_code >= 500:
                last_error, last_status = f"{method} {path} answered {response.status_code}", response.status_code
                logger.debug("emotion service attempt %d: %s", attempt + 1, last_error)
                continue
            if response.status_code >= 400:
                raise _rejection(response)
            return response.json()
        raise EmotionServiceUnavailable(last_error, last_status)

    async def analyse_turn(
        self,
        session_id: str,
        text: str,
        speaker_id: str,
        bot: str | None = None,
        audio: UploadFile | None = None,
        images: Sequence[UploadFile] = (),
        user_id: str | None = None,
        client_turn_id: str | None = None,
        sent_at: datetime | None = None,
        cues: Mapping[str, Any] | None = None,
        transcribe: bool = False,
    ) -> TurnAnalysis:
        """Analyse one user turn and update the speaker's state.

        Args:
            session_id: the conversation id (Rasa's sender id); the service accepts
                ``[A-Za-z0-9._:@-]{1,128}`` and refuses others (422).
            text: the user's words; may be empty when only audio/images are sent.
            speaker_id: who spoke (one conversation may hold several speakers).
            bot: the bot's name, stored in the mood log.
            audio: one clip as (filename, bytes, content type), e.g. a WAV or WebM.
            images: face snapshots as (filename, bytes, content type), e.g. JPEG/PNG.
            user_id: the end user across sessions (the service defaults it to speaker_id).
            client_turn_id: this turn's id (``[A-Za-z0-9._:-]{1,64}``); the service logs a turn
                sent again with the same id once, so a turn may be resent after a timeout.
            sent_at: when the user sent the turn (timezone-aware), for a turn sent late.
            cues: dialogue cues for the derived states, e.g. ``{"wrong_in_a_row": 2,
                "hint_requests": 1, "response_time_s": 41.5}`` (see :func:`connectors.cues.dialogue_cues`).
            transcribe: a voice message (audio, no text): the service recognises its words, reads
                the turn with them and returns them in ``raw["transcript"]`` (one request, not two).
        """
        data = {"text": text, "speaker_id": speaker_id}
        if bot:
            data["bot"] = bot
        if user_id:
            data["user_id"] = user_id
        if client_turn_id:
            data["client_turn_id"] = client_turn_id
        if sent_at is not None:
            data["sent_at"] = sent_at.isoformat()
        if cues:
            data["cues"] = json.dumps(dict(cues))
        if transcribe:
            data["transcribe"] = "true"
        files: list[tuple[str, UploadFile]] = []
        if audio is not None:
            files.append(("audio", audio))
        files.extend(("images", image) for image in images)
        body = await self._request(
            "POST",
            f"/v1/sessions/{quote(service_session_id(session_id), safe='')}/turns",
            data=data,
            files=files or None,
        )
        return TurnAnalysis.from_json(body)

    async def get_state(self, session_id: str, speaker_id: str | None = None) -> SpeakerState:
        """A speaker's current state (default: the session's latest analysed speaker).

        Raises EmotionServiceRejected with code ``"unknown_session"`` (404) for a session
        the service has never seen.
        """
        params = {"speaker_id": speaker_id} if speaker_id else {}
        body = await self._request(
            "GET", f"/v1/sessions/{quote(session_id, safe='')}/state", params=params
        )
        return SpeakerState.from_json(body)

    async def set_consent(
        self, user_id: str, *, text: bool, audio: bool, face: bool, source: str = "web"
    ) -> dict[str, Any]:
        """Record an end user's consent per modality (``PUT /v1/users/{id}/consent``).

        The service analyses a modality only while the user's newest consent for it is
        true; a refused modality is reported as ``not_used`` with code ``"no_consent"``.
        Returns the service's answer (the consent now in force).
        """
        body = {"text": bool(text), "audio": bool(audio), "face": bool(face), "source": source}
        return await self._request("PUT", f"/v1/users/{quote(user_id, safe='')}/consent", json=body)

    async def send_feedback(self, session_id: str, turn_index: int, label: str) -> dict[str, Any]:
        """The person's correction of turn ``turn_index``'s reading (they felt ``label``)."""
        return await self._request("POST", f"/v1/sessions/{quote(service_session_id(session_id), safe='')}"
                                           f"/turns/{int(turn_index)}/feedback", json={"label": label})

    async def send_replies(self, session_id: str, turn_index: int, replies: list[str]) -> dict[str, Any]:
        """What the bot answered to turn ``turn_index`` (``PUT .../turns/{i}/replies``): the service
        keeps it beside the person's words where those are kept."""
        return await self._request("PUT", f"{_session_path(session_id)}/turns/{int(turn_index)}/replies",
                                   json={"replies": [r[:4000] for r in replies[:20]]})

    async def get_consent(self, user_id: str) -> dict[str, Any]:
        """The consent in force for ``user_id`` (``GET /v1/users/{id}/consent``)."""
        return await self._request("GET", f"/v1/users/{quote(user_id, safe='')}/consent")

    async def open_handoff(self, session_id: str, reason: str, bot: str | None = None,
                           user_id: str | None = None) -> dict[str, Any]:
        """Hand the conversation to a human (``POST /v1/sessions/{id}/handoffs``); idempotent while
        a handoff of the session is open. Returns the handoff (id, status, created, ...)."""
        body = {"reason": reason[:300], "bot": bot, "user_id": user_id}
        return await self._request("POST", f"{_session_path(session_id)}/handoffs", json=body)

    async def handoff_status(self, session_id: str) -> dict[str, Any] | None:
        """The session's newest handoff (``GET /v1/sessions/{id}/handoffs/latest``):
        ``{id, status, waiting_s, expected_wait_s, cursor}``; None when it has none."""
        try:
            return await self._request("GET", f"{_session_path(session_id)}/handoffs/latest")
        except EmotionServiceRejected as exc:
            if exc.code == "no_handoff":
                return None
            raise

    async def add_thread_messages(self, session_id: str, messages: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
        """Append ``(kind, text)`` messages (kind: person | bot | notice) to the live thread of
        the session's newest handoff, which the supervisor watches."""
        body = {"messages": [{"kind": kind, "text": text[:4000]} for kind, text in messages if text]}
        return await self._request("POST", f"{_session_path(session_id)}/handoffs/latest/messages", json=body)

    async def pushed(self, session_id: str, after: int = 0) -> dict[str, Any]:
        """Messages pushed to the person after thread id ``after`` (``GET /v1/sessions/{id}/pushed``):
        ``{"messages": [{id, kind, text, created_at}], "handoff": {...} | null}``."""
        return await self._request("GET", f"{_session_path(session_id)}/pushed", params={"after": int(after)})

    async def transcribe(self, audio: UploadFile, max_duration_s: float | None = None) -> dict[str, Any]:
        """Speech to text by the service (``POST /v1/asr``): decode, trim silence, recognise.

        Returns ``{"text": str, "duration_s": float, "speech_s": float, "notes": [...]}``.
        Raises EmotionServiceRejected with code ``unsupported_format``, ``corrupt_audio``,
        ``no_speech``, ``too_short`` or ``audio_too_long``.
        """
        params = {"max_duration_s": max_duration_s} if max_duration_s else None
        return await self._request("POST", "/v1/asr", files=[("audio", audio)], params=params)

    async def health(self) -> dict[str, Any]:
        """``GET /healthz``: ``{"status": "ok", ...}`` when the service is up."""
        return await self._request("GET", "/healthz")


SESSION_ID = re.compile(r"^[A-Za-z0-9._:@\-]{1,128}$")


def service_session_id(sender_id: str) -> str:
    """The service's session id for a channel's sender id: the id itself when the service
    accepts it (``[A-Za-z0-9._:@-]{1,128}``), else ``sid:`` + the first 40 hex digits of its
    sha256, so a turn from any sender id is logged and screened."""
    if SESSION_ID.match(sender_id or ""):
        return sender_id
    return "sid:" + hashlib.sha256((sender_id or "").encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _session_path(sender_id: str) -> str:
    return f"/v1/sessions/{quote(service_session_id(sender_id), safe='')}"


def _rejection(response: httpx.Response) -> EmotionServiceRejected:
    try:
        body = response.json()
        error = body["error"]
        return EmotionServiceRejected(
            response.status_code,
            code=str(error.get("code") or f"http_{response.status_code}"),
            message=str(error.get("message") or ""),
            turn_logged=bool(body.get("turn_logged", False)),
            turn_index=body.get("turn_index"),
            crisis=body.get("crisis") if isinstance(body.get("crisis"), dict) else None,
            transcript=body.get("transcript") if isinstance(body.get("transcript"), dict) else None,
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return EmotionServiceRejected(
            response.status_code, code=f"http_{response.status_code}", message=response.text[:200]
        )
