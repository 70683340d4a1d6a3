"""The handoff queue: claim, reply (stored, then delivered to Rasa when configured), resolve,
and the live thread of a handoff as server-sent events."""
from __future__ import annotations

import asyncio
import json
import time

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, StreamingResponse
from sqlmodel import Session, col, select
from starlette.concurrency import run_in_threadpool

from emotion.dashboard import handoffs as ops
from emotion.dashboard.audit import audit
from emotion.dashboard.deps import check_csrf, current_user, get_db, get_settings, render, tenant_bots
from emotion.dashboard.queries import in_tenants
from emotion.dashboard.settings import DashboardSettings
from emotion.moodlog.governance import Handoff, HandoffMessage, Supervisor

router = APIRouter(prefix="/handoffs", tags=["handoffs"])


@router.get("")
def queue(request: Request, db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
          bots: list[str] | None = Depends(tenant_bots)):
    visible = select(Handoff).where(in_tenants(Handoff.bot, bots))
    active = db.exec(visible.where(Handoff.status != "resolved").order_by(col(Handoff.created_at))).all()
    resolved = db.exec(visible.where(Handoff.status == "resolved")
                       .order_by(col(Handoff.resolved_at).desc()).limit(20)).all()
    return render(request, "handoffs.html", user, active=active, resolved=resolved)


def _visible(db: Session, bots: list[str] | None, handoff_id: int) -> Handoff:
    handoff = db.get(Handoff, handoff_id)
    if handoff is None or (bots is not None and handoff.bot not in bots):
        raise HTTPException(status_code=404, detail="no such handoff")
    return handoff


@router.get("/{handoff_id}")
def handoff_view(request: Request, handoff_id: int, db: Session = Depends(get_db),
                 user: Supervisor = Depends(current_user), bots: list[str] | None = Depends(tenant_bots)):
    handoff = _visible(db, bots, handoff_id)
    messages = db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff.id)
                       .order_by(col(HandoffMessage.id))).all()
    audit(db, user.email, "viewed", f"handoff:{handoff.id}")
    db.commit()
    return render(request, "handoff.html", user, handoff=handoff, messages=messages)


def _step(db: Session, handoff: Handoff, action: str, user: Supervisor, step) -> RedirectResponse:
    try:
        step()
    except ops.HandoffStateError as exc:
        raise HTTPException(status_code=409, detail=str(exc))
    audit(db, user.email, action, f"handoff:{handoff.id}")
    db.commit()
    return RedirectResponse(f"/handoffs/{handoff.id}", status_code=303)


@router.post("/{handoff_id}/claim", dependencies=[Depends(check_csrf)])
def claim(handoff_id: int, db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
          bots: list[str] | None = Depends(tenant_bots)):
    handoff = _visible(db, bots, handoff_id)
    return _step(db, handoff, "claimed", user, lambda: ops.claim(db, handoff, user.email))


@router.post("/{handoff_id}/resolve", dependencies=[Depends(check_csrf)])
def resolve(handoff_id: int, db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
            bots: list[str] | None = Depends(tenant_bots), settings: DashboardSettings = Depends(get_settings)):
    handoff = _visible(db, bots, handoff_id)
    return _step(db, handoff, "resolved", user,
                 lambda: ops.resolve(db, handoff, user.email, *settings.rasa_for(handoff.bot)))


@router.post("/{handoff_id}/reply", dependencies=[Depends(check_csrf)])
def reply(handoff_id: int, text: str = Form(..., min_length=1, max_length=2000), db: Session = Depends(get_db),
          user: Supervisor = Depends(current_user), bots: list[str] | None = Depends(tenant_bots),
          settings: DashboardSettings = Depends(get_settings)):
    handoff = _visible(db, bots, handoff_id)
    return _step(db, handoff, "replied", user,
                 lambda: ops.reply(db, handoff, user.email, text.strip(), *settings.rasa_for(handoff.bot)))


def thread_event(message: HandoffMessage) -> dict:
    return {"id": message.id, "kind": message.kind, "author": message.author, "text": message.text,
            "at": message.created_at.isoformat(), "delivered": message.delivered,
            "seen": message.seen_at is not None}


def _thread_since(engine, handoff_id: int, after: int) -> tuple[list[dict], str | None]:
    with Session(engine) as db:
        rows = db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff_id,
                                                    col(HandoffMessage.id) > after)
                       .order_by(col(HandoffMessage.id))).all()
        handoff = db.get(Handoff, handoff_id)
        return [thread_event(r) for r in rows], handoff.status if handoff else None


@router.get("/{handoff_id}/events")
async def events(request: Request, handoff_id: int, after: int = Query(default=0, ge=0),
                 db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
                 bots: list[str] | None = Depends(tenant_bots)):
    """The handoff's live thread as server-sent events: ``message`` (one per new thread
    message, as JSON) and ``status`` when it changes. Reads the database every 0.5 s, so every
    dashboard replica sees every message; the stream ends after 5 minutes (the browser's
    EventSource reconnects with Last-Event-ID)."""
    _visible(db, bots, handoff_id)
    engine = request.app.state.engine
    last_id = request.headers.get("last-event-id")
    cursor = int(last_id) if last_id and last_id.isdigit() else after

    async def stream():
        nonlocal cursor
        status, deadline = None, time.monotonic() + 300
        while time.monotonic() < deadline and not await request.is_disconnected():
            rows, now_status = await run_in_threadpool(_thread_since, engine, handoff_id, cursor)
            for row in rows:
                cursor = row["id"]
                yield f"id: {row['id']}\nevent: message\ndata: {json.dumps(row)}\n\n"
            if now_status != status:
                status = now_status
                yield f"event: status\ndata: {json.dumps({'status': status})}\n\n"
            await asyncio.sleep(0.5)

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"})
