"""Request dependencies: the database session, the signed-in supervisor, CSRF checks, page rendering."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from fastapi import Depends, HTTPException, Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from sqlmodel import Session

from emotion.dashboard.queries import visible_bots
from emotion.dashboard.queue import queue_summary
from emotion.dashboard.security import csrf_matches, new_csrf_token, session_user
from emotion.dashboard.settings import DashboardSettings
from emotion.moodlog.governance import Supervisor

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def when(moment: datetime | None) -> Markup:
    """A time as ``<time datetime=ISO>YYYY-MM-DD HH:MM:SS UTC</time>``; /static/local-time.js shows
    it in the viewer's time zone (the UTC text stays for readers without scripts)."""
    if moment is None:
        return Markup("")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone(timezone.utc)
    return Markup('<time datetime="{}">{}</time>').format(moment.isoformat(), moment.strftime("%Y-%m-%d %H:%M:%S UTC"))


templates.env.filters["when"] = when


class NotSignedIn(Exception):
    """Raised by ``current_user`` for anonymous requests; the app answers with a redirect to sign-in."""


async def get_settings(request: Request) -> DashboardSettings:
    return request.app.state.settings


def get_db(request: Request) -> Iterator[Session]:
    # Pages commit their audit entry before rendering; keep the loaded rows usable after that
    # instead of reloading each one (a query per turn).
    with Session(request.app.state.engine, expire_on_commit=False) as db:
        yield db


def current_user(request: Request, db: Session = Depends(get_db)) -> Supervisor:
    """The supervisor of the request's live server-side session (else NotSignedIn)."""
    user = session_user(db, request.session.get("sid"))
    if user is None:
        request.session.pop("sid", None)
        raise NotSignedIn()
    return user


def client_address(request: Request) -> str:
    """The caller's address: the peer's, or what a trusted proxy's X-Forwarded-For says (only the
    proxies in ``forwarded_allow_ips``; ``emobot dashboard`` passes them to uvicorn, emotion/cli.py)."""
    return request.client.host if request.client else "?"


def require_admin(user: Supervisor = Depends(current_user)) -> Supervisor:
    if user.role != "admin":
        raise HTTPException(status_code=403, detail="admins only")
    return user


def tenant_bots(db: Session = Depends(get_db), user: Supervisor = Depends(current_user)) -> list[str] | None:
    """The bots the signed-in supervisor may see (None: all)."""
    return visible_bots(db, user)


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = new_csrf_token()
    return token


async def check_csrf(request: Request) -> None:
    """Every POST form carries the session's CSRF token in ``csrf_token``."""
    form = await request.form()
    if not csrf_matches(request.session.get("csrf"), form.get("csrf_token")):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token; reload the page")


def render(request: Request, template: str, user: Supervisor | None, status_code: int = 200, **context: Any):
    """A page; a signed-in supervisor's pages carry the handoff queue's summary in the header."""
    settings: DashboardSettings = request.app.state.settings
    queue = None
    if user is not None:
        with Session(request.app.state.engine) as db:
            queue = queue_summary(db, visible_bots(db, user), user.email)
    return templates.TemplateResponse(request, template, {"user": user, "profile": settings.profile,
                                                          "csrf": csrf_token(request), "queue": queue, **context},
                                      status_code=status_code)
