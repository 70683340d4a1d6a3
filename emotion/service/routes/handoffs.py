"""Handoffs to a human (crisis escalation): stored for the supervisor dashboard, optionally pushed to a webhook.

While a handoff runs, the bot side reports the live thread (what the person writes, what the
bot answers, its notices) and reads the handoff's status; the person's client polls the
messages pushed to it (human replies, notices) through its channel:

    POST /v1/sessions/{id}/handoffs                    open (idempotent while one is open)
    GET  /v1/sessions/{id}/handoffs/latest             status, waiting time, expected wait, the queue
                                                       in front of it (``busy``: promise no time)
    POST /v1/sessions/{id}/handoffs/latest/messages    append to the live thread (an ``alert`` on a claim nobody
                                                       has written in since: a silent claim, re-alerted)
    POST /v1/sessions/{id}/handoffs/latest/withdraw    the person no longer wants the person they asked for
    GET  /v1/sessions/{id}/pushed?after=N              pushed messages after id N
"""
from __future__ import annotations

import logging

import httpx
from fastapi import APIRouter, BackgroundTasks, Depends, Query

from emotion.moodlog.repository import MoodLog
from emotion.service.deps import audited_read, get_moodlog, get_settings
from emotion.service.routes.sessions import SessionId
from emotion.moodlog.governance import Handoff, as_utc
from emotion.moodlog.handoff_queue import QueueLoad
from emotion.moodlog.models import utcnow
from emotion.service.errors import ApiError
from emotion.service.schemas import (
    ErrorResponse,
    HandoffOut,
    HandoffRequest,
    HandoffStatus,
    PushedMessages,
    ThreadMessageOut,
    ThreadMessagesIn,
)
from emotion.settings import Settings

router = APIRouter(prefix="/v1/sessions", tags=["handoffs"])
log = logging.getLogger(__name__)


def _notify(url: str, payload: dict) -> None:
    try:
        httpx.post(url, json=payload, timeout=5).raise_for_status()
    except httpx.HTTPError as exc:  # the handoff is stored either way; the dashboard shows it
        log.warning("handoff webhook %s failed: %s", url, exc)


@router.post("/{session_id}/handoffs", response_model=HandoffOut, responses={404: {"model": ErrorResponse}})
def open_handoff(session_id: SessionId, request: HandoffRequest, background: BackgroundTasks,
                 settings: Settings = Depends(get_settings), moodlog: MoodLog = Depends(get_moodlog)) -> HandoffOut:
    """Hand the conversation to a human; idempotent while a handoff for the session is open.

    A session the mood log does not hold yet (its turns still wait in a channel's outbox while
    the service was away) is created with the request's bot and user: a person in crisis is
    never refused a human because their words arrive later. ``kind`` "safeguarding" (a child's
    abuse, harm at home or self-harm) is kept on the handoff, also on one already open."""
    moodlog.ensure_session(session_id, bot=request.bot, user_id=request.user_id)
    handoff, created = moodlog.open_handoff(session_id, request.reason, request.kind)
    out = HandoffOut(id=handoff.id, session_id=session_id, status=handoff.status, reason=handoff.reason,
                     kind=handoff.kind, created=created, turns_in_snapshot=len(handoff.snapshot.get("turns", [])))
    if created and settings.handoff_webhook_url:
        background.add_task(_notify, settings.handoff_webhook_url, {**out.model_dump(), "snapshot": handoff.snapshot})
    return out


@router.get("/{session_id}/handoffs", response_model=list[HandoffOut], dependencies=[Depends(audited_read("handoffs"))])
def list_handoffs(session_id: SessionId, moodlog: MoodLog = Depends(get_moodlog)) -> list[HandoffOut]:
    return [HandoffOut(id=h.id, session_id=h.session_id, status=h.status, reason=h.reason, kind=h.kind, created=False,
                       turns_in_snapshot=len(h.snapshot.get("turns", []))) for h in moodlog.handoffs(session_id)]


def handoff_status(handoff: Handoff, expected_wait_s: float | None, load: QueueLoad, cursor: int) -> HandoffStatus:
    """The status the person's side reads. The usual wait only when it is something to go by: null while the queue is
    busy (twelfth exploratory reading, L6: 0.44 s was reported with 71 handoffs ahead and 69 overdue) or without a
    history of claims."""
    until = handoff.claimed_at or handoff.resolved_at or utcnow()
    return HandoffStatus(id=handoff.id, status=handoff.status, cursor=cursor,
                         expected_wait_s=None if load.busy else expected_wait_s,
                         waiting_s=round(max(0.0, (as_utc(until) - as_utc(handoff.created_at)).total_seconds()), 1),
                         queue_ahead=load.ahead, queue_overdue=load.overdue, busy=load.busy,
                         claimed=handoff.claimed_at is not None,
                         since_claim_s=None if handoff.claimed_at is None
                         else round(max(0.0, (utcnow() - as_utc(handoff.claimed_at)).total_seconds()), 1))


def silent_claim_event(handoff: Handoff, alert: str) -> dict:
    """The webhook's re-alert of a silent claim: who claimed it, how long ago, and the bot's alert."""
    since = (utcnow() - as_utc(handoff.claimed_at)).total_seconds() if handoff.claimed_at else 0.0
    return {"event": "handoff_silent_claim", "id": handoff.id, "session_id": handoff.session_id, "bot": handoff.bot,
            "reason": handoff.reason, "claimed_by": handoff.claimed_by, "since_claim_s": round(max(0.0, since)),
            "alert": alert}


def _no_handoff(session_id: str) -> ApiError:
    return ApiError(404, "no_handoff", f"session {session_id!r} has no handoff")


@router.get("/{session_id}/handoffs/latest", response_model=HandoffStatus, responses={404: {"model": ErrorResponse}})
def latest_handoff(session_id: SessionId, moodlog: MoodLog = Depends(get_moodlog)) -> HandoffStatus:
    """The session's newest handoff: status, how long the person has waited, the usual wait, and the
    queue in front of it: ``busy`` when it is long or overdue, and the usual wait is then no
    promise to make to a person who waits (eighth exploratory reading, M8)."""
    found = moodlog.latest_handoff(session_id)
    if found is None:
        raise _no_handoff(session_id)
    return handoff_status(*found, moodlog.thread_cursor(session_id))


@router.post("/{session_id}/handoffs/latest/messages", response_model=list[ThreadMessageOut], status_code=201,
             responses={404: {"model": ErrorResponse}})
def add_thread_messages(session_id: SessionId, body: ThreadMessagesIn, background: BackgroundTasks,
                        settings: Settings = Depends(get_settings),
                        moodlog: MoodLog = Depends(get_moodlog)) -> list[ThreadMessageOut]:
    """Append messages to the live thread of the session's newest handoff (the supervisor's
    page shows them as they arrive). The person's words during a handoff are kept whatever
    their text consent: they are written to reach the human (see docs/security.md).

    An ``alert`` (the person still at risk) on a handoff claimed by someone who has not written since makes it a
    silent claim (``emotion.moodlog.silent_claim``): the dashboard's queue shows it with the urgent ones, any
    supervisor may take it over, and the handoff webhook gets ``{"event": "handoff_silent_claim", ...}`` (twelfth
    exploratory reading, H5)."""
    added = moodlog.add_thread_messages(session_id, [(m.kind, m.text) for m in body.messages], settings.silent_claim_after_s)
    if added is None:
        raise _no_handoff(session_id)
    rows, silent = added
    if silent is not None and settings.handoff_webhook_url:
        alert = [r.text for r in rows if r.kind == "alert"][-1]
        background.add_task(_notify, settings.handoff_webhook_url, silent_claim_event(silent, alert))
    return [ThreadMessageOut(id=r.id, kind=r.kind, text=r.text, created_at=r.created_at) for r in rows]


@router.post("/{session_id}/handoffs/latest/withdraw", response_model=HandoffStatus,
             responses={404: {"model": ErrorResponse}, 409: {"model": ErrorResponse}})
def withdraw_handoff(session_id: SessionId, moodlog: MoodLog = Depends(get_moodlog)) -> HandoffStatus:
    """The person withdrew a request for a person before anyone joined ("never mind, i'm ok now"):
    the open handoff is resolved, with a note in its thread. Only the bot calls this, for a handoff
    the person asked for with no risk read since (a crisis escalation is never withdrawn by the
    person's word). 409 ``handoff_claimed`` once a person from the team has joined or resolved it:
    the person tells them."""
    found = moodlog.withdraw_handoff(session_id)
    if found is None:
        raise _no_handoff(session_id)
    handoff, withdrawn = found
    if not withdrawn:
        raise ApiError(409, "handoff_claimed", f"the handoff of session {session_id!r} is {handoff.status}, not open")
    return handoff_status(handoff, None, QueueLoad(), moodlog.thread_cursor(session_id))


@router.get("/{session_id}/pushed", response_model=PushedMessages)
def pushed_messages(session_id: SessionId, after: int = Query(default=0, ge=0, le=2**31 - 1),
                    moodlog: MoodLog = Depends(get_moodlog)) -> PushedMessages:
    """Messages pushed to the person outside a reply (a human's replies, the bot's notices),
    with ids above ``after``, oldest first; fetched ones are marked seen for the supervisor."""
    rows = moodlog.pushed_messages(session_id, after)
    found = moodlog.latest_handoff(session_id)
    status = handoff_status(*found, moodlog.thread_cursor(session_id)) if found else None
    return PushedMessages(messages=[ThreadMessageOut(id=r.id, kind=r.kind, text=r.text, created_at=r.created_at)
                                    for r in rows], handoff=status)
