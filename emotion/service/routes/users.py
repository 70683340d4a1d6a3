"""Consent per user and modality (EU AI Act Art. 50(3) notice is the channel's job; we keep the decision)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from emotion.moodlog.repository import MoodLog
from emotion.service.deps import audited_read, get_moodlog
from emotion.service.schemas import Consent, ConsentUpdate, ErrorResponse

router = APIRouter(prefix="/v1/users", tags=["consent"])

UserId = Annotated[str, Path(pattern=r"^[A-Za-z0-9._:@\-]{1,128}$")]


@router.get("/{user_id}/consent", response_model=Consent, dependencies=[Depends(audited_read("consent"))])
def get_consent(user_id: UserId, moodlog: MoodLog = Depends(get_moodlog)) -> Consent:
    """The person's answers in force. After an admin erased their data none is left, so the
    client asks again; until the person answers, every modality is refused (the erasure recorded
    refusals, which turns report as ``no_consent``)."""
    return Consent(user_id=user_id, consent=moodlog.answers_of(user_id))


@router.put("/{user_id}/consent", response_model=Consent, responses={422: {"model": ErrorResponse}})
def put_consent(request: Request, user_id: UserId, update: ConsentUpdate,
                moodlog: MoodLog = Depends(get_moodlog)) -> Consent:
    """Record the user's decisions; the service stops analysing a modality as soon as it is refused.

    Audited under the authenticated client (its service token's name; "anonymous" when the
    service runs without tokens), with the source the client declares beside it."""
    client = getattr(request.state, "client", None) or "anonymous"
    return Consent(user_id=user_id, consent=moodlog.record_consent(user_id, update.decisions(), update.source,
                                                                   client=client))
