"""Sign-in and sign-out."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from emotion.dashboard.deps import check_csrf, get_db, get_settings, render
from emotion.dashboard.security import authenticate, new_csrf_token
from emotion.dashboard.settings import DashboardSettings

router = APIRouter(tags=["auth"])


def _safe_next(target: str | None) -> str:
    # only paths on this site: no scheme, no //host
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/sessions"


@router.get("/sign-in")
def sign_in_page(request: Request, next: str = "/sessions"):
    return render(request, "sign_in.html", None, next=_safe_next(next), error=None)


@router.post("/sign-in", dependencies=[Depends(check_csrf)])
def sign_in(request: Request, email: str = Form(...), password: str = Form(...), next: str = Form("/sessions"),
            db: Session = Depends(get_db), settings: DashboardSettings = Depends(get_settings)):
    user = authenticate(db, email, password, threshold=settings.lockout_threshold,
                        lockout_s=settings.lockout_duration_s)
    if user is None:
        # one message for unknown e-mail, wrong password and locked account
        return render(request, "sign_in.html", None, status_code=401, next=_safe_next(next),
                      error="Sign-in failed. Check your e-mail and password; after repeated failures "
                            "the account is locked for a while.")
    request.session.clear()  # a fresh session (and CSRF token) on every sign-in
    request.session.update({"uid": user.id, "csrf": new_csrf_token()})
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/sign-out", dependencies=[Depends(check_csrf)])
def sign_out(request: Request):
    request.session.clear()
    return RedirectResponse("/sign-in", status_code=303)
