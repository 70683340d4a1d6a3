"""Admin: supervisor accounts (create, disable, enable, end sessions) and their bot assignments (tenants). The create
form asks for a supervisor's bots (checkboxes of :func:`known_bots`); one created with none is flagged in the list,
since their queue stays empty until a bot is assigned (fourteenth exploratory reading, M8)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from emotion.dashboard.audit import audit
from emotion.dashboard.deps import check_csrf, get_db, render, require_admin
from emotion.dashboard.known_bots import known_bots, unknown_bots
from emotion.dashboard.security import create_supervisor, revoke_sessions
from emotion.moodlog.governance import ROLES, BotAssignment, Supervisor
from emotion.moodlog.models import utcnow

router = APIRouter(prefix="/supervisors", tags=["supervisors"])


def _page(request: Request, db: Session, admin: Supervisor, error: str | None = None, status_code: int = 200):
    """The accounts, each one's bots, and the create form with the bots it offers (``known``)."""
    people = db.exec(select(Supervisor).order_by(col(Supervisor.email))).all()
    assignments: dict[int, list[str]] = {}
    for a in db.exec(select(BotAssignment).order_by(col(BotAssignment.bot))).all():
        assignments.setdefault(a.supervisor_id, []).append(a.bot)
    return render(request, "supervisors.html", admin, people=people, assignments=assignments, roles=ROLES,
                  known=_known(request, db), error=error, status_code=status_code)


def _known(request: Request, db: Session) -> list[str]:
    """The bots the create form offers (:func:`known_bots` of the deployment's settings)."""
    return known_bots(db, request.app.state.settings.configured_bots)


@router.get("")
def supervisors_page(request: Request, db: Session = Depends(get_db), admin: Supervisor = Depends(require_admin)):
    return _page(request, db, admin)


@router.post("", dependencies=[Depends(check_csrf)])
def add_supervisor(request: Request, email: str = Form(...), password: str = Form(...), role: str = Form("supervisor"),
                   bots: list[str] = Form(default_factory=list), db: Session = Depends(get_db),
                   admin: Supervisor = Depends(require_admin)):
    """Create an account; a supervisor is assigned the ticked ``bots`` (known ones only; an admin sees every bot)."""
    names = sorted(set(bots)) if role != "admin" else []
    forged = unknown_bots(names, _known(request, db))
    if forged:
        return _page(request, db, admin, error=f"unknown bot(s): {', '.join(forged)}", status_code=422)
    try:
        created = create_supervisor(db, email, password, role)
    except ValueError as exc:
        return _page(request, db, admin, error=str(exc), status_code=422)
    except IntegrityError:
        db.rollback()
        return _page(request, db, admin, error="that e-mail already has an account", status_code=409)
    db.add_all(BotAssignment(supervisor_id=created.id, bot=name) for name in names)
    audit(db, admin.email, "supervisor_created", f"supervisor:{created.id} ({role}) -> {','.join(names) or 'no bot'}")
    db.commit()
    return RedirectResponse("/supervisors", status_code=303)


@router.post("/{supervisor_id}/bots", dependencies=[Depends(check_csrf)])
def set_bots(supervisor_id: int, bots: str = Form(""), db: Session = Depends(get_db),
             admin: Supervisor = Depends(require_admin)):
    """Replace the supervisor's bots with the comma-separated ``bots``."""
    _account(db, supervisor_id)
    names = sorted({b.strip() for b in bots.split(",") if b.strip()})
    if any(len(n) > 64 for n in names):
        raise HTTPException(status_code=422, detail="bot names have at most 64 characters")
    db.exec(delete(BotAssignment).where(BotAssignment.supervisor_id == supervisor_id))
    db.add_all(BotAssignment(supervisor_id=supervisor_id, bot=name) for name in names)
    audit(db, admin.email, "assignments_changed", f"supervisor:{supervisor_id} -> {','.join(names)}")
    db.commit()
    return RedirectResponse("/supervisors", status_code=303)


def _account(db: Session, supervisor_id: int) -> Supervisor:
    person = db.get(Supervisor, supervisor_id)
    if person is None:
        raise HTTPException(status_code=404, detail="no such supervisor")
    return person


@router.post("/{supervisor_id}/disable", dependencies=[Depends(check_csrf)])
def disable(request: Request, supervisor_id: int, db: Session = Depends(get_db),
            admin: Supervisor = Depends(require_admin)):
    """Disable an account: it cannot sign in and every session of it ends now. Not one's own."""
    person = _account(db, supervisor_id)
    if person.id == admin.id:
        return _page(request, db, admin, error="you cannot disable your own account", status_code=409)
    person.disabled_at = person.disabled_at or utcnow()
    db.add(person)
    ended = revoke_sessions(db, person.id)
    audit(db, admin.email, "supervisor_disabled", f"supervisor:{person.id}; {ended} session(s) ended")
    db.commit()
    return RedirectResponse("/supervisors", status_code=303)


@router.post("/{supervisor_id}/enable", dependencies=[Depends(check_csrf)])
def enable(supervisor_id: int, db: Session = Depends(get_db), admin: Supervisor = Depends(require_admin)):
    person = _account(db, supervisor_id)
    person.disabled_at, person.locked_until, person.failed_attempts = None, None, 0
    db.add(person)
    audit(db, admin.email, "supervisor_enabled", f"supervisor:{person.id}")
    db.commit()
    return RedirectResponse("/supervisors", status_code=303)


@router.post("/{supervisor_id}/end-sessions", dependencies=[Depends(check_csrf)])
def end_sessions(supervisor_id: int, db: Session = Depends(get_db), admin: Supervisor = Depends(require_admin)):
    """Sign the account out everywhere (e.g. a lost laptop); it can sign in again."""
    person = _account(db, supervisor_id)
    ended = revoke_sessions(db, person.id)
    audit(db, admin.email, "sessions_ended", f"supervisor:{person.id}; {ended} session(s)")
    db.commit()
    return RedirectResponse("/supervisors", status_code=303)
