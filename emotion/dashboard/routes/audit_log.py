"""Admin: the audit log, newest first."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from sqlmodel import Session, col, select

from emotion.dashboard.deps import get_db, render, require_admin
from emotion.moodlog.governance import AuditEntry, Supervisor

router = APIRouter(prefix="/audit", tags=["audit"])
PAGE = 200


@router.get("")
def audit_page(request: Request, before: int | None = None, db: Session = Depends(get_db),
               admin: Supervisor = Depends(require_admin)):
    query = select(AuditEntry)
    if before is not None:
        query = query.where(col(AuditEntry.id) < before)
    entries = db.exec(query.order_by(col(AuditEntry.id).desc()).limit(PAGE)).all()
    older = entries[-1].id if len(entries) == PAGE else None
    return render(request, "audit.html", admin, entries=entries, older=older)
