"""Turns and states of a conversation session (a turn's stages are in emotion/service/turns.py)."""
from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, Response, UploadFile
from starlette.concurrency import run_in_threadpool

from emotion.moodlog.ratelimit import TokenBuckets
from emotion.moodlog.repository import MoodLog
from emotion.service.analysis import Analyzer
from emotion.service.deps import audited_read, get_analyzer, get_moodlog, get_settings, get_turn_limiter
from emotion.service.errors import ApiError
from emotion.service.schemas import (NO_NUL, ErrorResponse, FeedbackIn, FeedbackOut, RepliesIn, RepliesOut, State,
                                     StateResponse, TurnResponse)
from emotion.service.routes.speech import get_recognizer
from emotion.service.turns import TurnInput, TurnPipeline, withheld_modalities
from emotion.settings import Settings

router = APIRouter(prefix="/v1/sessions", tags=["sessions"])
ISO_DATETIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$"

SessionId = Annotated[str, Path(pattern=r"^[A-Za-z0-9._:@\-]{1,128}$", description="conversation id (the channel's sender id)")]
ERRORS = {413: {"model": ErrorResponse}, 422: {"model": ErrorResponse}, 503: {"model": ErrorResponse}}
TURN_ERRORS = {**ERRORS, 409: {"model": ErrorResponse,
                               "description": "the session id is another bot's (session_of_another_bot); not logged"},
               429: {"model": ErrorResponse, "description": "too many turns in this session (rate_limited)",
                               "headers": {"Retry-After": {"description": "seconds until the session may send a turn",
                                                           "schema": {"type": "integer"}}}}}


@router.post("/{session_id}/turns", response_model=TurnResponse, responses=TURN_ERRORS)
async def post_turn(
    session_id: SessionId,
    request: Request,
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
    transcribe: Annotated[bool, Form(description=(
        "a turn with a voice clip: recognise the clip's words (as POST /v1/asr does) and read, screen and "
        "log the turn with them as its text, after the typed text if there is any; the answer's "
        "transcript holds the recognised words"))] = False,
    language: Annotated[Optional[str], Form(pattern=r"^[a-z]{2,3}$", description=(
        "a voice message's language, ISO 639-1 (from the page's locale); English when absent"))] = None,
    settings: Settings = Depends(get_settings),
    moodlog: MoodLog = Depends(get_moodlog),
    analyzer: Analyzer = Depends(get_analyzer),
    limiter: Optional[TokenBuckets] = Depends(get_turn_limiter),
) -> TurnResponse:
    """Analyse one turn, update the speaker's tracked state and write both to the mood log
    (emotion/service/turns.py).

    Every turn is logged, even one that is rejected (409 aside: 413/422/429): its row says why.
    A turn whose ``client_turn_id`` is already logged is not analysed again: the answer is the
    logged one (``duplicate: true``), so a channel may resend a turn it is unsure about.

    The pipeline runs in one hop to the thread pool and its answer, a ``TurnResponse`` already,
    goes out as JSON without FastAPI validating it a second time (another hop and a copy).
    """
    pipeline = TurnPipeline(settings, moodlog, analyzer, limiter, recognizer=lambda: get_recognizer(request))
    answer = await run_in_threadpool(pipeline.run, TurnInput(
        session_id=session_id, text=text, speaker_id=speaker_id, bot=bot, user_id=user_id, audio=audio,
        images=list(images or []), cues=cues, client_turn_id=client_turn_id, sent_at=sent_at, transcribe=transcribe,
        language=language))
    return Response(answer.model_dump_json(), media_type="application/json")



@router.post("/{session_id}/turns/{turn_index}/feedback", response_model=FeedbackOut, status_code=201,
             responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}})
def post_feedback(session_id: SessionId, turn_index: Annotated[int, Path(ge=0, le=1_000_000)], body: FeedbackIn,
                  moodlog: MoodLog = Depends(get_moodlog)) -> FeedbackOut:
    """A person's correction of what was read from one of their turns ("that's not right": they
    felt ``label``). Stored beside the reading for the dashboard's per-label counts."""
    feedback = moodlog.add_feedback(session_id, turn_index, body.label)
    if feedback is None:
        raise ApiError(404, "unknown_turn", f"no turn {turn_index} in session {session_id!r}")
    return FeedbackOut(id=feedback.id, session_id=session_id, turn_index=turn_index, read_label=feedback.read_label,
                       label=feedback.label)


@router.put("/{session_id}/turns/{turn_index}/replies", response_model=RepliesOut,
            responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}})
def put_replies(session_id: SessionId, turn_index: Annotated[int, Path(ge=0, le=1_000_000)], body: RepliesIn,
                moodlog: MoodLog = Depends(get_moodlog), settings: Settings = Depends(get_settings)) -> RepliesOut:
    """What the bot answered to turn ``turn_index`` (the channel reports it once the bot has run;
    a second report replaces the first). Kept beside the person's words and only under the same
    consent (text): replies say the person's words back. ``kept`` says whether they were kept."""
    kept = moodlog.record_replies(session_id, turn_index, body.replies, words_allowed=lambda consent:
                                  "text" not in withheld_modalities(consent, settings.require_consent))
    if kept is None:
        raise ApiError(404, "unknown_turn", f"no turn {turn_index} in session {session_id!r}")
    return RepliesOut(session_id=session_id, turn_index=turn_index, kept=kept)


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
