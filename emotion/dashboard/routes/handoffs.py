"""The handoff queue: claim, take over a silent claim (each one conditional UPDATE: of two at once one wins, the other
gets 409), reply (delivered to Rasa when configured, and stored only once it accepted it: else the page says so, with
the text kept to send again), resolve (confirmed over a last line read at risk), and the live thread of a handoff as
server-sent events."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, StreamingResponse
from sqlmodel import Session, col, select
from starlette.concurrency import run_in_threadpool

from emotion.dashboard import handoffs as ops
from emotion.dashboard.audit import audit
from emotion.dashboard.deps import check_csrf, current_user, get_db, get_settings, render, tenant_bots
from emotion.dashboard.last_line import last_line_at_risk, unwritten_at_risk
from emotion.dashboard.queries import consent_in_force, in_tenants, visible_bots
from emotion.dashboard.queue import previous_handlers, queue_order, queue_risks, queue_summary
from emotion.dashboard.security import session_user
from emotion.dashboard.settings import DashboardSettings
from emotion.moodlog.governance import Handoff, HandoffMessage, Supervisor
from emotion.moodlog.silent_claim import silent_claim, urgent_alerts_since_claim
from emotion.moodlog.models import ConversationSession

router = APIRouter(prefix="/handoffs", tags=["handoffs"])

UNASSIGNED = "You are not assigned to any bot yet: ask an admin."
"""What a supervisor with no bot assigned is told where their queue would be empty (fourteenth exploratory reading, M8:
"The queue is empty." and 404 on every claim, with nothing saying why)."""


@router.get("")
def queue(request: Request, db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
          bots: list[str] | None = Depends(tenant_bots)):
    visible = select(Handoff).where(in_tenants(Handoff.bot, bots))
    active = db.exec(visible.where(Handoff.status != "resolved")).all()
    risks = queue_risks(db, active)
    active = queue_order(active, risks)
    resolved = db.exec(visible.where(Handoff.status == "resolved")
                       .order_by(col(Handoff.resolved_at).desc()).limit(20)).all()
    audit(db, user.email, "listed", f"handoffs: {len(active)} active, {len(resolved)} resolved")
    db.commit()
    now = datetime.now(timezone.utc)
    waited = {h.id: now - (h.created_at if h.created_at.tzinfo else h.created_at.replace(tzinfo=timezone.utc))
              for h in active}
    return render(request, "handoffs.html", user, active=active, resolved=resolved, waited=waited, risks=risks,
                  handled=previous_handlers(db, active), unassigned=UNASSIGNED if bots == [] else "",
                  urgent=urgent_alerts_since_claim(db, [h for h in active if silent_claim(h)]))


def _queue_state(engine, token: str | None) -> dict | None:
    """The signed-in supervisor's queue summary as JSON, or None once the session is gone."""
    with Session(engine) as db:
        user = session_user(db, token)
        if user is None:
            return None
        q = queue_summary(db, visible_bots(db, user), user.email)
        return {"waiting": q.waiting, "newest_id": q.newest_id, "newest_reason": q.newest_reason,
                "oldest_at": q.oldest_at.isoformat() if q.oldest_at else None,
                "silent": q.silent, "silent_at": q.silent_at.isoformat() if q.silent_at else None,
                "returned_id": q.returned_id}


@router.get("/queue/events")
async def queue_events(request: Request, db: Session = Depends(get_db), user: Supervisor = Depends(current_user)):
    """The queue as server-sent events: a ``queue`` event ({waiting, newest_id, newest_reason,
    oldest_at, silent, silent_at, returned_id}) at once and whenever it changes, so every page's header counter and
    the opt-in browser notification of a new crisis, or of a person the viewer helped coming back, follow it. The stream reads its queue only when the
    process's watcher (emotion/dashboard/live.py) saw a change; it ends after 5 minutes and the
    browser's EventSource reconnects."""
    engine, token, live = request.app.state.engine, request.session.get("sid"), request.app.state.live
    db.close()  # the stream reads with sessions of its own: it must not hold a pooled connection for minutes

    async def stream():
        last = None
        yield "retry: 1000\n\n"
        async for _ in live.reads(request):
            state = await run_in_threadpool(_queue_state, engine, token)
            if state is None:
                break
            if state != last:
                last = state
                yield f"event: queue\ndata: {json.dumps(state)}\n\n"

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"})


def _visible(db: Session, bots: list[str] | None, handoff_id: int) -> Handoff:
    handoff = db.get(Handoff, handoff_id)
    if handoff is None or (bots is not None and handoff.bot not in bots):
        raise HTTPException(status_code=404, detail="no such handoff" + (f" ({UNASSIGNED})" if bots == [] else ""))
    return handoff


@router.get("/{handoff_id}")
def handoff_view(request: Request, handoff_id: int, db: Session = Depends(get_db),
                 user: Supervisor = Depends(current_user), bots: list[str] | None = Depends(tenant_bots),
                 settings: DashboardSettings = Depends(get_settings)):
    handoff = _visible(db, bots, handoff_id)
    audit(db, user.email, "viewed", f"handoff:{handoff.id}")
    db.commit()
    return _handoff_page(request, db, user, handoff, settings)


def _handoff_page(request: Request, db: Session, user: Supervisor, handoff: Handoff, settings: DashboardSettings,
                  status_code: int = 200, reply_error: str = ""):
    """The handoff's page; ``reply_error`` shown over the reply form."""
    live = handoff.status == "claimed"
    messages = db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff.id)
                       .order_by(col(HandoffMessage.id))).all()
    text_consent = _text_consent(db, handoff)
    withhold = ops.words_withheld(handoff, text_consent)
    return render(request, "handoff.html", user, status_code=status_code, handoff=handoff, text_consent=text_consent,
                  withhold=withhold, messages=[thread_event(m, withhold=withhold) for m in messages],
                  silent=silent_claim(handoff), handled=previous_handlers(db, [handoff]).get(handoff.id),
                  at_risk=last_line_at_risk(db, handoff, settings.handoff_at_risk_from) if live and not withhold else None,
                  write_first=live and unwritten_at_risk(db, handoff, settings.handoff_at_risk_from),
                  colleagues=[c.email for c in colleagues(db, handoff) if c.email != handoff.claimed_by],
                  reply_error=reply_error)


def _text_consent(db: Session, handoff: Handoff) -> bool:
    session = db.get(ConversationSession, handoff.session_id)
    return consent_in_force(db, session.user_id if session else None)["text"]


def _step(db: Session, handoff: Handoff, action: str, user: Supervisor, step, detail: str = "") -> RedirectResponse:
    try:
        step()
    except ops.HandoffStateError as exc:
        raise HTTPException(status_code=409, detail=str(exc))
    audit(db, user.email, action, f"handoff:{handoff.id}{detail}")
    db.commit()
    return RedirectResponse(f"/handoffs/{handoff.id}", status_code=303)


@router.post("/{handoff_id}/reassign", dependencies=[Depends(check_csrf)])
def reassign(handoff_id: int, colleague: str = Form(..., max_length=254), db: Session = Depends(get_db),
             user: Supervisor = Depends(current_user), bots: list[str] | None = Depends(tenant_bots)):
    """The supervisor who claimed the handoff (or an admin) hands it to an active colleague who
    may see its bot."""
    handoff = _visible(db, bots, handoff_id)
    if user.role != "admin" and handoff.claimed_by != user.email:
        raise HTTPException(status_code=403, detail="only the supervisor who claimed it, or an admin, reassigns it")
    if colleague not in {c.email for c in colleagues(db, handoff)}:
        raise HTTPException(status_code=422, detail="choose an active colleague who may see this bot")
    return _step(db, handoff, "reassigned", user, lambda: ops.reassign(db, handoff, user.email, colleague),
                 detail=f" to {colleague}")


def colleagues(db: Session, handoff: Handoff) -> list[Supervisor]:
    """Active supervisors who may see ``handoff``'s bot (admins see every bot)."""
    people = db.exec(select(Supervisor).where(col(Supervisor.disabled_at).is_(None)).order_by(Supervisor.email)).all()
    return [p for p in people if (lambda bots: bots is None or handoff.bot in bots)(visible_bots(db, p))]


@router.post("/{handoff_id}/claim", dependencies=[Depends(check_csrf)])
def claim(handoff_id: int, db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
          bots: list[str] | None = Depends(tenant_bots)):
    handoff = _visible(db, bots, handoff_id)
    return _step(db, handoff, "claimed", user, lambda: ops.claim(db, handoff, user.email))


@router.post("/{handoff_id}/take-over", dependencies=[Depends(check_csrf)])
def take_over(handoff_id: int, db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
              bots: list[str] | None = Depends(tenant_bots)):
    """Any supervisor who may see the handoff takes over a silent claim (claimed, nobody has written, the person still
    at risk: twelfth exploratory reading, H5); 409 for any other handoff."""
    handoff = _visible(db, bots, handoff_id)
    before = handoff.claimed_by or ""
    return _step(db, handoff, "took_over", user, lambda: ops.take_over(db, handoff, user.email), detail=f" from {before}")


@router.post("/{handoff_id}/resolve", dependencies=[Depends(check_csrf)])
def resolve(handoff_id: int, note: str = Form("", max_length=500), confirm_over_risk: str = Form("", max_length=8),
            db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
            bots: list[str] | None = Depends(tenant_bots), settings: DashboardSettings = Depends(get_settings)):
    """Resolve a claimed handoff; one nobody wrote in needs a ``note`` saying why (422 without); one whose person's
    newest line was read at risk needs ``confirm_over_risk`` (409 without, quoting the line), and is audited as
    ``resolved_over_risk`` (twelfth exploratory reading, H5). A person at risk to whom nobody has written is resolved
    only by an admin with a note, audited as ``resolved_unwritten_at_risk`` (409 for a supervisor: write first, or
    hand it over; thirteenth exploratory reading, H6)."""
    handoff = _visible(db, bots, handoff_id)
    at_risk_from, admin = settings.handoff_at_risk_from, user.role == "admin"
    unwritten = admin and unwritten_at_risk(db, handoff, at_risk_from)
    over_risk = bool(confirm_over_risk) and last_line_at_risk(db, handoff, at_risk_from) is not None
    action = "resolved_unwritten_at_risk" if unwritten else "resolved_over_risk" if over_risk else "resolved"
    try:
        return _step(db, handoff, action, user,
                     lambda: ops.resolve(db, handoff, user.email, *settings.rasa_for(handoff.bot), note=note,
                                         over_risk=bool(confirm_over_risk), admin=admin, at_risk_from=at_risk_from),
                     detail=" (with a note)" if note.strip() else "")
    except ops.NoteRequired as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    except ops.RiskNotConfirmed as exc:
        raise HTTPException(status_code=409, detail=str(exc))


@router.post("/{handoff_id}/reply", dependencies=[Depends(check_csrf)])
def reply(request: Request, handoff_id: int, text: str = Form(..., min_length=1, max_length=2000),
          db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
          bots: list[str] | None = Depends(tenant_bots), settings: DashboardSettings = Depends(get_settings)):
    if not text.strip():  # a blank reply is no word to the person: it must not count as written (the review of stop 44)
        raise HTTPException(status_code=422, detail="write something to the person")
    handoff = _visible(db, bots, handoff_id)
    try:
        return _step(db, handoff, "replied", user,
                     lambda: ops.reply(db, handoff, user.email, text.strip(), *settings.rasa_for(handoff.bot)))
    except ops.ReplyNotDelivered as exc:  # kept for the person's page to fetch; not written until it has (the review)
        audit(db, user.email, "reply_not_delivered", f"handoff:{handoff.id}")
        db.commit()
        return _handoff_page(request, db, user, handoff, settings, status_code=502, reply_error=str(exc))


def thread_event(message: HandoffMessage, withhold: bool = False) -> dict:
    """One thread message for the page; ``withhold`` blanks the text of the person's and bot's lines."""
    text = None if withhold and message.kind in ("person", "bot") else message.text
    return {"id": message.id, "kind": message.kind, "author": message.author, "text": text,
            "at": message.created_at, "delivered": message.delivered, "seen": message.seen_at is not None}


def _thread_since(engine, handoff_id: int, after: int, session_token: str | None) -> tuple[list[dict], str | None]:
    """New thread messages and the status; ``([], None)`` once the viewer's session has ended."""
    with Session(engine) as db:
        if session_user(db, session_token) is None:
            return [], None
        rows = db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff_id,
                                                    col(HandoffMessage.id) > after)
                       .order_by(col(HandoffMessage.id))).all()
        handoff = db.get(Handoff, handoff_id)
        if handoff is None:
            return [], None
        withhold = ops.words_withheld(handoff, _text_consent(db, handoff))
        return [{**thread_event(r, withhold), "at": r.created_at.isoformat()} for r in rows], handoff.status


@router.get("/{handoff_id}/events")
async def events(request: Request, handoff_id: int, after: int = Query(default=0, ge=0),
                 db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
                 bots: list[str] | None = Depends(tenant_bots)):
    """The handoff's live thread as server-sent events: ``message`` (one per new thread
    message, as JSON) and ``status`` when it changes. Reads the thread when the process's watcher
    (emotion/dashboard/live.py) saw a change, so every dashboard replica sees every message; the
    stream ends after 5 minutes (the browser's EventSource reconnects with Last-Event-ID)."""
    _visible(db, bots, handoff_id)
    db.close()  # as in queue_events: no pooled connection held by an open stream
    engine = request.app.state.engine
    token = request.session.get("sid")
    last_id = request.headers.get("last-event-id")
    cursor = int(last_id) if last_id and last_id.isdigit() else after

    live = request.app.state.live

    async def stream():
        nonlocal cursor
        status = None
        async for _ in live.reads(request):
            rows, now_status = await run_in_threadpool(_thread_since, engine, handoff_id, cursor, token)
            if now_status is None:
                break  # signed out, revoked or disabled: the stream ends with the session
            for row in rows:
                cursor = row["id"]
                yield f"id: {row['id']}\nevent: message\ndata: {json.dumps(row)}\n\n"
            if now_status != status:
                status = now_status
                yield f"event: status\ndata: {json.dumps({'status': status})}\n\n"

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"})
