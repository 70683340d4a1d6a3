"""Turns and states of a conversation session."""
from __future__ import annotations

import math
import time
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Annotated, Optional

from fastapi import APIRouter, Depends, File, Form, Path, Query, UploadFile
from pydantic import ValidationError

from emotion.moodlog.models import EmotionRecord, Turn
from emotion.moodlog.ratelimit import TokenBuckets
from emotion.moodlog.repository import DuplicateTurn, MoodLog, SessionOfAnotherBot, TurnToLog
from emotion.service.analysis import Analysis, Analyzer, Upload
from emotion.service.deps import audited_read, get_analyzer, get_moodlog, get_settings, get_turn_limiter
from emotion.service.errors import ApiError
from emotion.service.screening import stored
from emotion.service.schemas import (NO_NUL, DialogueCues, ErrorResponse, ModalityReport, Reading, State,
                                     StateResponse, TurnResponse)
from emotion.settings import Settings
from emotion.tracking import track
from emotion.tracking.context import ContextReading, fuse_in_context

router = APIRouter(prefix="/v1/sessions", tags=["sessions"])

SessionId = Annotated[str, Path(pattern=r"^[A-Za-z0-9._:@\-]{1,128}$", description="conversation id (the channel's sender id)")]
ERRORS = {413: {"model": ErrorResponse}, 422: {"model": ErrorResponse}, 503: {"model": ErrorResponse}}
TURN_ERRORS = {**ERRORS, 409: {"model": ErrorResponse,
                               "description": "the session id is another bot's (session_of_another_bot); not logged"},
               429: {"model": ErrorResponse, "description": "too many turns in this session (rate_limited)",
                               "headers": {"Retry-After": {"description": "seconds until the session may send a turn",
                                                           "schema": {"type": "integer"}}}}}


def _read(upload: UploadFile, limit: int, what: str) -> Upload:
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"{what} is larger than the limit of {limit} bytes")
    return Upload(data=data, filename=upload.filename, content_type=upload.content_type)


def _withheld(consent: dict[str, bool], settings: Settings) -> dict[str, ModalityReport]:
    """Modalities the user refused, or that need an opt-in the user has not given."""
    withheld = {}
    for modality in ("text", "audio", "face"):
        if consent.get(modality) is False:
            withheld[modality] = ModalityReport(status="not_used", code="no_consent",
                                                message=f"the user declined {modality} emotion analysis")
        elif modality in settings.require_consent and consent.get(modality) is not True:
            withheld[modality] = ModalityReport(status="not_used", code="no_consent",
                                                message=f"{modality} emotion analysis needs the user's opt-in")
    return withheld


def _read_in_context(analysis: Analysis, analyzer: Analyzer, moodlog: MoodLog, text: str, session_id: str,
                     speaker_id: str, timings: dict[str, float]) -> ContextReading | None:
    """The conversation graph's reading of the turn's used modalities that it reads (any of text,
    audio, face), with the session's recent turns; their reports say so. None without a graph
    model or such a modality."""
    if analyzer.context is None or not set(analysis.used) & set(analyzer.context.modalities):
        return None
    start = time.perf_counter()
    past = moodlog.graph_window(session_id, analyzer.context.window)
    speaker_last = moodlog.latest_graph_node(session_id, speaker_id)
    read = time.perf_counter()
    context = analyzer.context.read(analysis.outputs, text, speaker_id, session_id, turn_index=0,
                                    past=past, speaker_last=speaker_last)
    timings["graph_inputs"], timings["graph"] = (read - start) * 1000, (time.perf_counter() - read) * 1000
    for m in context.read:
        analysis.reports[m].notes.extend(context.output.notes)
    return context


def _derive(analyzer: Analyzer, analysis: Analysis, text: str, state: State, cues: dict,
            crisis: dict | None) -> dict | None:
    """Distress and tutoring states (emotion/affect) when the turn's text was analysed, and the
    turn's crisis screening (screening.py) in place of the affect model's own crisis head."""
    if analyzer.affect is None or "text" not in analysis.used:
        return {"crisis": crisis} if crisis is not None else None
    return {**analyzer.affect.derive(text, state.model_dump(), cues, reading=analysis.affect), "crisis": crisis}


def _logged(row: Turn, record: EmotionRecord | None) -> TurnResponse:
    """The answer to a turn the mood log already holds (a channel's replay of it)."""
    return TurnResponse(
        session_id=row.session_id, turn_index=row.turn_index, speaker_id=row.speaker_id,
        available=record is not None, turn=Reading.of_record(record) if record else None,
        state=State.of_record_state(record) if record else None,
        modalities={m: ModalityReport(**r) for m, r in row.modalities.items()},
        modalities_used=list(record.modalities_used) if record else [], derived=record.derived if record else None,
        client_turn_id=row.client_turn_id, duplicate=True,
    )


@router.post("/{session_id}/turns", response_model=TurnResponse, responses=TURN_ERRORS)
def post_turn(
    session_id: SessionId,
    text: Annotated[str, Form(description="the user's message; may be empty when audio or images carry the turn")] = "",
    speaker_id: Annotated[str, Form(min_length=1, max_length=128, pattern=NO_NUL)] = "user",
    bot: Annotated[Optional[str], Form(max_length=64, pattern=NO_NUL)] = None,
    user_id: Annotated[Optional[str], Form(max_length=128, pattern=NO_NUL,
                                           description="the end user (default: speaker_id)")] = None,
    audio: Annotated[Optional[UploadFile], File(description="a short clip: wav, ogg, webm, mp3...")] = None,
    images: Annotated[Optional[list[UploadFile]], File(description="face snapshots (JPEG/PNG), one or more")] = None,
    cues: Annotated[Optional[str], Form(max_length=20_000, description=(
        'dialogue cues for the derived states, a JSON object: {"wrong_in_a_row": int, "hint_requests": int, '
        '"response_time_s": float, "history": [{"text": str, "user": "Student"|"Teacher"}]}'))] = None,
    client_turn_id: Annotated[Optional[str], Form(pattern=r"^[A-Za-z0-9._:\-]{1,64}$", description=(
        "the channel's id of this turn; a turn sent again with the same id (a replay) is logged once "
        "and answered from the mood log"))] = None,
    sent_at: Annotated[Optional[str], Form(pattern=ISO_DATETIME, description=(
        "when the user sent the turn (ISO 8601 date and time; UTC if no offset; from 2000 to a day "
        "ahead of the service's clock), kept for replayed turns"))] = None,
    settings: Settings = Depends(get_settings),
    moodlog: MoodLog = Depends(get_moodlog),
    analyzer: Analyzer = Depends(get_analyzer),
    limiter: Optional[TokenBuckets] = Depends(get_turn_limiter),
) -> TurnResponse:
    """Analyse one turn, update the speaker's tracked state and write both to the mood log.

    Every turn is logged, even one that is rejected (413/422/429): its row says why. A turn whose
    ``client_turn_id`` is already logged is not analysed again: the answer is the logged one
    (``duplicate: true``), so a channel may resend a turn it is unsure about.
    """
    if client_turn_id is not None and (logged := moodlog.find_turn(session_id, client_turn_id)) is not None:
        if logged[0].status != "rejected":  # a rejected one is rejected again below, with its index
            return _logged(*logged)
    # Crisis screening first: no limit, consent or refusal below may switch it off (screening.py).
    started = time.perf_counter()
    withheld = _withheld(moodlog.consent_of(user_id or speaker_id), settings)
    text_consent = "text" not in withheld
    crisis = analyzer.crisis.screen(text, moodlog.recent_crisis(session_id, analyzer.crisis.policy.window - 1))
    screening_ms = (time.perf_counter() - started) * 1000
    kept_crisis = stored(crisis, text_consent)
    sent_time, sent_problem = _sent_time(sent_at)
    log_turn = partial(TurnToLog, session_id=session_id, speaker_id=speaker_id, bot=bot,
                       user_id=user_id or speaker_id, text_chars=len(text), client_turn_id=client_turn_id,
                       sent_at=sent_time, crisis=kept_crisis)
    images = [i for i in (images or []) if i.filename or i.size]

    def reject(status: int, code: str, message: str, retry_after_s: float | None = None) -> ApiError:
        # Logged with its client_turn_id: a retry that is accepted completes this row (one row per turn).
        try:
            row, _ = moodlog.append_turn(log_turn(text=None, status="rejected", error_code=code, modalities={}))
        except DuplicateTurn as exc:
            row = exc.row
        except SessionOfAnotherBot as exc:
            return _another_bots(exc, crisis)
        headers = {"Retry-After": str(max(1, math.ceil(retry_after_s)))} if retry_after_s is not None else None
        return ApiError(status, code, message, turn_index=row.turn_index, headers=headers, crisis=crisis)

    if limiter is not None:
        # per session and, when the channel names the end user, per user: rotating session ids
        # does not escape the limit
        buckets = [(f"turns:{session_id}", "session")] + ([(f"user-turns:{user_id}", "user")] if user_id else [])
        for bucket, who in buckets:
            if (wait_s := limiter.take(bucket)) > 0:
                raise reject(429, "rate_limited", f"this {who} sends more than "
                             f"{settings.rate_limit_turns_per_minute:g} turns per minute; retry in {wait_s:.1f} s",
                             retry_after_s=wait_s)
    if "\x00" in text:
        raise reject(422, "invalid_text", "the text contains NUL characters (U+0000)")
    if sent_problem:
        raise reject(422, "invalid_sent_at", sent_problem)

    if len(text) > settings.max_text_chars:
        raise reject(413, "text_too_long", f"text has {len(text)} characters; the limit is {settings.max_text_chars}")
    if len(images) > settings.max_images_per_turn:
        raise reject(413, "too_many_images", f"{len(images)} images; the limit is {settings.max_images_per_turn} per turn")
    try:
        audio_upload = _read(audio, settings.max_audio_bytes, "audio") if audio is not None else None
        image_uploads = [_read(i, settings.max_image_bytes, f"image {n}") for n, i in enumerate(images)]
    except ValueError as exc:
        raise reject(413, "upload_too_large", str(exc))
    if not text.strip() and audio_upload is None and not image_uploads:
        raise reject(422, "empty_turn", "the turn has no text, audio or images")
    try:
        turn_cues = DialogueCues.model_validate_json(cues).model_dump(exclude_none=True) if cues else {}
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'cues'}: {e['msg']}" for e in exc.errors())
        raise reject(422, "invalid_cues", f"cues must be a JSON object of dialogue cues: {problems}")

    analysis: Analysis = analyzer.analyse(text, audio_upload, image_uploads, cues=turn_cues,
                                          withheld=withheld)
    timings = analysis.timings  # milliseconds per stage, returned as timings_ms
    timings["crisis_screening"] = screening_ms
    context = _read_in_context(analysis, analyzer, moodlog, text, session_id, speaker_id, timings)
    modalities = {m: r.model_dump() for m, r in analysis.reports.items()}
    try:
        if analysis.outputs:
            reading = fuse_in_context(analysis.outputs, context, settings.fusion_weights)
            update = partial(track, reading=reading, smoothing=settings.smoothing, window=settings.tracking_window)
            write = time.perf_counter()
            row, record = moodlog.append_turn(
                log_turn(text=text, status="analysed", error_code=None, modalities=modalities),
                reading=reading, update_state=_timed(update, "tracking", timings), modalities_used=analysis.used,
                graph_node=context.node if context else None,
                derive=_timed(lambda r: _derive(analyzer, analysis, text, State.of_record_state(r), turn_cues, kept_crisis),
                              "derive", timings),
            )
            timings["moodlog_write"] = ((time.perf_counter() - write) * 1000 - timings.get("tracking", 0.0)
                                        - timings.get("derive", 0.0))
            turn, state, derived = Reading.of(reading), State.of_record_state(record), record.derived
        else:
            row, _ = moodlog.append_turn(log_turn(text=text, status="unanalysed", error_code=None, modalities=modalities))
            previous = moodlog.latest_record(session_id, speaker_id)
            turn, state, derived = None, (State.of_record_state(previous) if previous else None), None
    except DuplicateTurn as exc:  # its original was logged while this copy was being analysed
        return _logged(exc.row, exc.record)
    except SessionOfAnotherBot as exc:
        raise _another_bots(exc, crisis)
    derived = {**(derived or {}), "crisis": crisis}  # screened whatever else happened to the turn
    return TurnResponse(
        session_id=session_id, turn_index=row.turn_index, speaker_id=speaker_id, available=turn is not None,
        turn=turn, state=state, modalities={m: ModalityReport(**r) for m, r in modalities.items()},
        modalities_used=analysis.used, derived=derived, client_turn_id=client_turn_id,
        timings_ms={k: round(v, 3) for k, v in timings.items()},
    )


def _another_bots(exc: SessionOfAnotherBot, crisis) -> ApiError:
    """409: sessions are keyed by bot; the turn is not logged into another bot's conversation
    (the channel still answers, screening with its own fallback check)."""
    return ApiError(409, "session_of_another_bot", f"{exc}; use a session id of this bot's own", crisis=crisis)


ISO_DATETIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$"
EARLIEST_SENT_AT = datetime(2000, 1, 1, tzinfo=timezone.utc)


def _sent_time(value: str | None) -> tuple[datetime | None, str | None]:
    """``sent_at`` as a UTC datetime (SQLite keeps no offset), or None and why it is refused."""
    if value is None:
        return None, None
    try:
        sent = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError as exc:
        return None, f"sent_at {value!r} is no ISO 8601 date and time: {exc}"
    sent = sent.replace(tzinfo=timezone.utc) if sent.tzinfo is None else sent.astimezone(timezone.utc)
    if not EARLIEST_SENT_AT <= sent <= datetime.now(timezone.utc) + timedelta(days=1):
        return None, f"sent_at {value!r} is before 2000 or more than a day ahead of the service's clock"
    return sent, None


def _timed(fn, stage: str, timings: dict[str, float]):
    """``fn`` that also adds its milliseconds to ``timings[stage]``."""
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            timings[stage] = timings.get(stage, 0.0) + (time.perf_counter() - start) * 1000
    return timed


@router.get("/{session_id}/state", response_model=StateResponse, responses={404: {"model": ErrorResponse}},
            dependencies=[Depends(audited_read("state"))])
def get_state(
    session_id: SessionId,
    speaker_id: Annotated[Optional[str], Query(max_length=128, pattern=NO_NUL)] = None,
    moodlog: MoodLog = Depends(get_moodlog),
) -> StateResponse:
    """The tracked state of a speaker (or of the session's latest analysed speaker)."""
    session = moodlog.get_session(session_id)
    if session is None:
        raise ApiError(404, "unknown_session", f"no session {session_id!r} in the mood log")
    record = moodlog.latest_record(session_id, speaker_id)
    return StateResponse(
        session_id=session_id, speaker_id=record.speaker_id if record else speaker_id,
        turn_index=record.turn_index if record else None, turns_received=session.turn_count,
        state=State.of_record_state(record) if record else None,
        modalities_used=list(record.modalities_used) if record else [],
    )
