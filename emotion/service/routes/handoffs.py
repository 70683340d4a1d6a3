"""Handoffs to a human (crisis escalation): stored for the supervisor dashboard, optionally pushed to a webhook."""
from __future__ import annotations

import logging

import httpx
from fastapi import APIRouter, BackgroundTasks, Depends

from emotion.moodlog.repository import MoodLog
from emotion.service.deps import get_moodlog, get_settings
from emotion.service.routes.sessions import SessionId
from emotion.service.schemas import ErrorResponse, HandoffOut, HandoffRequest
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
    never refused a human because their words arrive later."""
    moodlog.ensure_session(session_id, bot=request.bot, user_id=request.user_id)
    handoff, created = moodlog.open_handoff(session_id, request.reason)
    out = HandoffOut(id=handoff.id, session_id=session_id, status=handoff.status, reason=handoff.reason,
                     created=created, turns_in_snapshot=len(handoff.snapshot.get("turns", [])))
    if created and settings.handoff_webhook_url:
        background.add_task(_notify, settings.handoff_webhook_url, {**out.model_dump(), "snapshot": handoff.snapshot})
    return out


@router.get("/{session_id}/handoffs", response_model=list[HandoffOut])
def list_handoffs(session_id: SessionId, moodlog: MoodLog = Depends(get_moodlog)) -> list[HandoffOut]:
    return [HandoffOut(id=h.id, session_id=h.session_id, status=h.status, reason=h.reason, created=False,
                       turns_in_snapshot=len(h.snapshot.get("turns", []))) for h in moodlog.handoffs(session_id)]
