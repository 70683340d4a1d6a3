"""The handoff queue: claim, reply (stored, then delivered to Rasa when configured), resolve."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from sqlmodel import Session, col, select

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
            bots: list[str] | None = Depends(tenant_bots)):
    handoff = _visible(db, bots, handoff_id)
    return _step(db, handoff, "resolved", user, lambda: ops.resolve(db, handoff, user.email))


@router.post("/{handoff_id}/reply", dependencies=[Depends(check_csrf)])
def reply(handoff_id: int, text: str = Form(..., min_length=1, max_length=2000), db: Session = Depends(get_db),
          user: Supervisor = Depends(current_user), bots: list[str] | None = Depends(tenant_bots),
          settings: DashboardSettings = Depends(get_settings)):
    handoff = _visible(db, bots, handoff_id)
    return _step(db, handoff, "replied", user,
                 lambda: ops.reply(db, handoff, user.email, text.strip(), settings.rasa_url, settings.rasa_token))
