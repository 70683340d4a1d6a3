"""Typed async client of the emobot emotion service (HTTP API ``/v1``).

It only needs httpx and the standard library, so it installs into a plain Rasa 3.6
environment (no pydantic 2, no torch).

    client = EmotionServiceClient("http://127.0.0.1:8500", timeout=5.0)
    analysis = await client.analyse_turn("conv-1", "I lost my job", speaker_id="user")
    if analysis.available and analysis.state is not None:
        print(analysis.state.label, analysis.state.probabilities["sadness"])
    await client.aclose()

Failures are two exceptions (connectors/service_errors.py): ``EmotionServiceUnavailable``
(connection refused, timeout, 5xx after one retry) and ``EmotionServiceRejected`` (a 4xx, with
the service's error code). The typed answers (``TurnAnalysis``, ``SpeakerState``) are the wire
contract's (connectors/contract.py).

Over 300 lines for a reason: one method per endpoint of the service's API, each with the shape of
its answer, so a caller reads the whole API in one place.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import re
from datetime import datetime
from typing import Any, Mapping, Sequence
from urllib.parse import quote

import httpx

from connectors.contract import SpeakerState, TurnAnalysis
from connectors.service_errors import EmotionServiceRejected, EmotionServiceUnavailable

logger = logging.getLogger(__name__)

# (filename, content, content type), e.g. ("turn.wav", b"RIFF...", "audio/wav")
UploadFile = tuple[str, bytes, str]


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
        language: str | None = None,
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
            transcribe: a turn with a voice clip: the service recognises its words, reads the turn
                with them (after ``text``, if any: ``emotion.types.message_text``) and returns them
                in ``raw["transcript"]`` (one request, not two).
            language: the voice message's language (ISO 639-1, "de"); English when None.
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
        if language:
            data["language"] = language
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
            "GET", f"{_session_path(session_id)}/state", params=params
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
                           user_id: str | None = None, kind: str | None = None) -> dict[str, Any]:
        """Hand the conversation to a human (``POST /v1/sessions/{id}/handoffs``); idempotent while
        a handoff of the session is open. ``kind``: "safeguarding" (a child's safety) or None.
        Returns the handoff (id, status, kind, created, ...)."""
        body = {"reason": reason[:300], "bot": bot, "user_id": user_id, **({"kind": kind} if kind else {})}
        return await self._request("POST", f"{_session_path(session_id)}/handoffs", json=body)

    async def handoff_status(self, session_id: str) -> dict[str, Any] | None:
        """The session's newest handoff (``GET /v1/sessions/{id}/handoffs/latest``):
        ``{id, status, waiting_s, expected_wait_s, cursor, claimed, since_claim_s, ...}``; None when it has none."""
        try:
            return await self._request("GET", f"{_session_path(session_id)}/handoffs/latest")
        except EmotionServiceRejected as exc:
            if exc.code == "no_handoff":
                return None
            raise

    async def withdraw_handoff(self, session_id: str) -> dict[str, Any] | None:
        """The person withdrew their request for a person (``POST
        /v1/sessions/{id}/handoffs/latest/withdraw``): the handoff's status after it; None when the
        handoff was already claimed or resolved (or the session has none)."""
        try:
            return await self._request("POST", f"{_session_path(session_id)}/handoffs/latest/withdraw")
        except EmotionServiceRejected as exc:
            if exc.code in ("no_handoff", "handoff_claimed"):
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


DOT_SEGMENTS = (".", "..")
"""Ids the service's pattern accepts that a URL path cannot carry: httpx (like any URL parser)
resolves ``/v1/sessions/../turns`` to ``/v1/turns``, so such a session's every request missed it."""


def service_session_id(sender_id: str) -> str:
    """The service's session id for a channel's sender id: the id itself when the service
    accepts it (``[A-Za-z0-9._:@-]{1,128}``) and a URL path can carry it, else ``sid:`` + the
    first 40 hex digits of its sha256, so a turn from any sender id is logged and screened.
    ``.`` and ``..`` (:data:`DOT_SEGMENTS`) are hashed too (ninth exploratory reading, H6: sender
    ".." went to ``/v1/turns``, 404 on every turn, no mood log, no handoff)."""
    if SESSION_ID.match(sender_id or "") and sender_id not in DOT_SEGMENTS:
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
