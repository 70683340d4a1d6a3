"""Admin: the audit log, newest first, filtered by who, what and when, and exported as CSV."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta, timezone

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlmodel import Session, col, select

from emotion.dashboard.audit import audit
from emotion.dashboard.deps import get_db, render, require_admin
from emotion.dashboard.privacy import spreadsheet_safe
from emotion.moodlog.governance import AuditEntry, Supervisor

router = APIRouter(prefix="/audit", tags=["audit"])
PAGE = 200
EXPORT_LIMIT = 100_000


def _filtered(actor: str | None, action: str | None, day_from: str | None, day_to: str | None):
    """The audit entries matching the filters (blank ones ignored); 422 on a malformed date."""
    query = select(AuditEntry)
    try:
        start = date.fromisoformat(day_from) if day_from else None
        end = date.fromisoformat(day_to) if day_to else None
    except ValueError:
        raise HTTPException(status_code=422, detail="dates are YYYY-MM-DD")
    if actor:
        query = query.where(col(AuditEntry.actor).startswith(actor, autoescape=True))
    if action:
        query = query.where(AuditEntry.action == action)
    if start:
        query = query.where(col(AuditEntry.at) >= datetime.combine(start, time.min, tzinfo=timezone.utc))
    if end:
        query = query.where(col(AuditEntry.at) < datetime.combine(end + timedelta(days=1), time.min, tzinfo=timezone.utc))
    return query


@router.get("")
def audit_page(request: Request, before: int | None = None, actor: str = "", action: str = "", day_from: str = "",
               day_to: str = "", db: Session = Depends(get_db), admin: Supervisor = Depends(require_admin)):
    query = _filtered(actor.strip(), action.strip(), day_from.strip(), day_to.strip())
    if before is not None:
        query = query.where(col(AuditEntry.id) < before)
    entries = db.exec(query.order_by(col(AuditEntry.id).desc()).limit(PAGE)).all()
    older = entries[-1].id if len(entries) == PAGE else None
    actions = db.exec(select(AuditEntry.action).distinct().order_by(AuditEntry.action)).all()
    filters = {"actor": actor, "action": action, "day_from": day_from, "day_to": day_to}
    return render(request, "audit.html", admin, entries=entries, older=older, actions=actions, filters=filters)


@router.get("/export.csv")
def audit_export(actor: str = "", action: str = "", day_from: str = "", day_to: str = "",
                 db: Session = Depends(get_db), admin: Supervisor = Depends(require_admin)):
    """The filtered entries, oldest first, as CSV (the export itself is audited)."""
    rows = db.exec(_filtered(actor.strip(), action.strip(), day_from.strip(), day_to.strip())
                   .order_by(col(AuditEntry.id)).limit(EXPORT_LIMIT)).all()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "at", "actor", "action", "target"])
    for e in rows:
        writer.writerow([e.id, e.at.isoformat(), spreadsheet_safe(e.actor), e.action, spreadsheet_safe(e.target)])
    audit(db, admin.email, "exported", f"audit log: {len(rows)} entries")
    db.commit()
    return Response(out.getvalue(), media_type="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'})
