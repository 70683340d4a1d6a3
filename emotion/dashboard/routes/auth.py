"""Sign-in, sign-out and the signed-in supervisor's own account (password change)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from emotion.dashboard.audit import audit
from emotion.dashboard.deps import check_csrf, client_address, current_user, get_db, get_settings, render
from emotion.dashboard.security import (Busy, authenticate, hasher, new_csrf_token, open_session, revoke_session,
                                        revoke_sessions, validate_password)
from emotion.dashboard.settings import DashboardSettings
from emotion.moodlog.governance import Supervisor

router = APIRouter(tags=["auth"])
FAILED = ("Sign-in failed. Check your e-mail and password; after repeated failures sign-in from your "
          "address waits a while.")


def _safe_next(target: str | None) -> str:
    # only paths on this site: no scheme, no //host
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/sessions"


@router.get("/sign-in")
def sign_in_page(request: Request, next: str = "/sessions"):
    return render(request, "sign_in.html", None, next=_safe_next(next), error=None)


@router.post("/sign-in", dependencies=[Depends(check_csrf)])
def sign_in(request: Request, email: str = Form(..., max_length=254), password: str = Form(..., max_length=1024),
            next: str = Form("/sessions"), db: Session = Depends(get_db),
            settings: DashboardSettings = Depends(get_settings)):
    address = client_address(request)
    try:
        user = authenticate(db, email, password, address=address, throttle=request.app.state.sign_in_throttle,
                            slots=request.app.state.password_slots,
                            account_lockout_threshold=settings.account_lockout_threshold,
                            lockout_s=settings.lockout_duration_s)
    except Busy:
        response = render(request, "sign_in.html", None, status_code=503, next=_safe_next(next),
                          error="The dashboard is busy signing people in. Try again in a few seconds.")
        response.headers["Retry-After"] = "5"
        return response
    if user is None:
        # one message, after the same work, for unknown e-mail, wrong password, disabled, throttled
        return render(request, "sign_in.html", None, status_code=401, next=_safe_next(next), error=FAILED)
    revoke_session(db, request.session.get("sid"))  # a fresh session (and CSRF token) on every sign-in
    request.session.clear()
    token = open_session(db, user, address, settings.session_max_age_s)
    request.session.update({"sid": token, "csrf": new_csrf_token()})
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/sign-out", dependencies=[Depends(check_csrf)])
def sign_out(request: Request, db: Session = Depends(get_db)):
    revoke_session(db, request.session.get("sid"))  # the cookie no longer signs anyone in, even if copied
    db.commit()
    request.session.clear()
    return RedirectResponse("/sign-in", status_code=303)


@router.get("/account")
def account_page(request: Request, user: Supervisor = Depends(current_user)):
    return render(request, "account.html", user, error=None, done=False)


@router.post("/account/password", dependencies=[Depends(check_csrf)])
def change_password(request: Request, current: str = Form(..., max_length=1024), new: str = Form(..., max_length=1024),
                    confirm: str = Form(..., max_length=1024), db: Session = Depends(get_db),
                    user: Supervisor = Depends(current_user)):
    """Change one's own password: the current one is verified; every other session ends."""
    error = None
    try:
        if not request.app.state.password_slots.verify(user.password_hash, current):
            error = "The current password is wrong."
        elif new != confirm:
            error = "The new password and its confirmation differ."
        else:
            validate_password(new)
    except ValueError as exc:
        error = str(exc)
    except Busy:
        error = "The dashboard is busy. Try again in a few seconds."
    if error:
        audit(db, user.email, "password_change_failed", f"supervisor:{user.id}")
        db.commit()
        return render(request, "account.html", user, error=error, done=False, status_code=422)
    user.password_hash = hasher.hash(new)
    db.add(user)
    ended = revoke_sessions(db, user.id, keep_token=request.session.get("sid"))
    audit(db, user.email, "password_changed", f"supervisor:{user.id}; {ended} other session(s) ended")
    db.commit()
    return render(request, "account.html", user, error=None, done=True)
