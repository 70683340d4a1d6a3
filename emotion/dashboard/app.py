"""The supervisor dashboard: ``uvicorn --factory emotion.dashboard.app:create_dashboard``.

Server-rendered pages over the mood log for supervisors (their bots only) and admins
(accounts, bot assignments, audit log). The database is migrated at start-up and a background
task purges conversations past the retention period every ``retention_interval_s`` seconds.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, PlainTextResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.middleware.sessions import SessionMiddleware

from emotion.dashboard.audit import audit
from emotion.dashboard.deps import NotSignedIn
from emotion.dashboard.erasure import erase_elsewhere
from emotion.dashboard.live import LiveChanges
from emotion.dashboard.privacy import idle_sessions, purge_older_than
from emotion.dashboard.security import PasswordSlots, SignInThrottle
from emotion.dashboard.routes import audit_log, auth, feedback, handoffs, sessions, supervisors, users
from emotion.dashboard.settings import DashboardSettings, get_dashboard_settings
from emotion.moodlog.db import make_engine, migrate

log = logging.getLogger("emotion.dashboard")
STATIC = Path(__file__).parent / "static"
PLOTLY_JS = Path(str(files("plotly") / "package_data" / "plotly.min.js"))

SECURITY_HEADERS = {
    # plotly.js sets inline styles on its SVG; scripts come only from this origin.
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def run_retention(engine: Engine, days: int, settings: DashboardSettings | None = None) -> dict[str, int]:
    """One retention pass: purge conversations idle for more than ``days`` days from the mood log
    and (with ``settings``) from the bots' trackers and the channels' outboxes; audited when it
    deleted any."""
    with Session(engine) as db:
        sessions = idle_sessions(db, days)
        counts = purge_older_than(db, days)
        notes = erase_elsewhere(settings, sessions) if settings is not None else []
        if any(counts.values()):
            audit(db, "system", "purged", f"older than {days} days: {counts}" + "".join(f"; {n}" for n in notes))
            db.commit()
    return counts


def run_realert(engine: Engine, settings: DashboardSettings) -> list[int]:
    """One pass of the handoff watch: re-alert handoffs nobody claimed in time, audited."""
    from emotion.dashboard.handoffs import realert_overdue
    from emotion.settings import get_settings

    webhook = settings.handoff_webhook_url or get_settings().handoff_webhook_url
    with Session(engine) as db:
        ids = realert_overdue(db, settings.handoff_realert_after_s, webhook, settings.rasa_for)
        for handoff_id in ids:
            audit(db, "system", "realerted", f"handoff:{handoff_id}")
        if ids:
            db.commit()
    return ids


async def _every(interval_s: float, name: str, job, *args) -> None:
    """Run ``job(*args)`` in a thread every ``interval_s`` seconds; a failed pass is logged and the schedule kept."""
    while True:
        try:
            result = await run_in_threadpool(job, *args)
            if result:
                log.info("%s: %s", name, result)
        except Exception:  # e.g. a database restart
            log.exception("%s failed", name)
        await asyncio.sleep(interval_s)


def create_dashboard(settings: DashboardSettings | None = None) -> FastAPI:
    settings = settings or get_dashboard_settings()
    engine = make_engine(settings.resolved_database_url())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        migrate(engine)
        tasks = [asyncio.create_task(_every(settings.handoff_watch_interval_s, "handoff re-alert", run_realert,
                                            engine, settings))]
        if settings.retention_days > 0:
            tasks.append(asyncio.create_task(_every(settings.retention_interval_s, "retention purge", run_retention,
                                                    engine, settings.retention_days, settings)))
        log.info("dashboard ready: database=%s profile=%s", engine.dialect.name, settings.compliance_profile)
        yield
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await app.state.live.close()
        engine.dispose()

    app = FastAPI(title="emobot supervisor dashboard", version="0.1.0", lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.engine = engine
    app.state.live = LiveChanges(engine, settings.live_interval_s)
    app.state.sign_in_throttle = SignInThrottle(settings.lockout_threshold, settings.address_threshold,
                                                settings.lockout_duration_s)
    app.state.password_slots = PasswordSlots(settings.max_concurrent_hashes, settings.hash_wait_s)
    app.add_middleware(SessionMiddleware, secret_key=settings.session_secret, session_cookie="emobot_dashboard",
                       max_age=settings.session_max_age_s, same_site="strict", https_only=settings.cookie_secure)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        if not request.url.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"  # health data stays out of caches
        return response

    @app.exception_handler(NotSignedIn)
    async def to_sign_in(request: Request, _exc: NotSignedIn):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/sign-in?next={quote(target, safe='')}", status_code=303)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        # served from the plotly wheel: no CDN, works offline
        return FileResponse(PLOTLY_JS, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (auth, sessions, users, handoffs, supervisors, audit_log, feedback):
        app.include_router(module.router)
    return app
