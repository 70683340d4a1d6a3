"""End users (data subjects): consent in force, their sessions, export (Art. 20) and erasure (Art. 17)."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from sqlmodel import Session, col, select

from emotion.dashboard.audit import audit
from emotion.dashboard.deps import check_csrf, current_user, get_db, get_settings, render, require_admin, tenant_bots
from emotion.dashboard.erasure import erase_elsewhere
from emotion.dashboard.privacy import erase_user, export_response, export_user
from emotion.dashboard.queries import consent_in_force, in_tenants
from emotion.dashboard.settings import DashboardSettings
from emotion.moodlog.governance import ConsentRecord, Supervisor
from emotion.moodlog.models import ConversationSession

router = APIRouter(prefix="/users", tags=["users"])


def _user_sessions(db: Session, bots: list[str] | None, user_id: str) -> list[ConversationSession]:
    sessions = list(db.exec(select(ConversationSession).where(ConversationSession.user_id == user_id,
                                                              in_tenants(ConversationSession.bot, bots))
                            .order_by(col(ConversationSession.updated_at).desc())).all())
    # a supervisor only learns of users who talked to their bots; admins see any user id
    if not sessions and bots is not None:
        raise HTTPException(status_code=404, detail="no such user")
    return sessions


def _consent_records(db: Session, user_id: str) -> list[ConsentRecord]:
    return list(db.exec(select(ConsentRecord).where(ConsentRecord.user_id == user_id)
                        .order_by(col(ConsentRecord.recorded_at).desc(), col(ConsentRecord.id).desc())).all())


@router.get("/{user_id}")
def user_view(request: Request, user_id: str, db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
              bots: list[str] | None = Depends(tenant_bots)):
    sessions = _user_sessions(db, bots, user_id)
    audit(db, user.email, "viewed", f"user:{user_id}")
    db.commit()
    return render(request, "user.html", user, subject=user_id, sessions=sessions,
                  consent_records=_consent_records(db, user_id),
                  consent=consent_in_force(db, user_id), erased=request.query_params.get("erased"))


@router.get("/{user_id}/export.{fmt}")
def user_export(user_id: str, fmt: Literal["csv", "json"], db: Session = Depends(get_db),
                user: Supervisor = Depends(current_user), bots: list[str] | None = Depends(tenant_bots)):
    _user_sessions(db, bots, user_id)
    data = export_user(db, user_id, bots)
    audit(db, user.email, "exported", f"user:{user_id} ({fmt})")
    db.commit()
    return export_response(data, f"user-{user_id}", fmt)


@router.post("/{user_id}/erase", dependencies=[Depends(check_csrf)])
def user_erase(request: Request, user_id: str, confirm: str = Form(""), db: Session = Depends(get_db),
               admin: Supervisor = Depends(require_admin), settings: DashboardSettings = Depends(get_settings)):
    if confirm != user_id:
        raise HTTPException(status_code=422, detail="type the user id to confirm erasure")
    sessions = [(s.id, s.bot) for s in db.exec(select(ConversationSession)
                                               .where(ConversationSession.user_id == user_id)).all()]
    counts = erase_user(db, user_id)
    notes = erase_elsewhere(settings, sessions)
    audit(db, admin.email, "erased", f"user:{user_id} {counts}; " + "; ".join(notes))
    db.commit()
    return render(request, "user.html", admin, subject=user_id, sessions=[], consent_records=_consent_records(db, user_id),
                  consent=consent_in_force(db, user_id), erased=True, erasure_notes=notes)
