"""The emotion service application: ``uvicorn --factory emotion.service.app:create_app``."""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager

import hmac

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.ratelimit import TokenBuckets
from emotion.moodlog.repository import MoodLog
from emotion.service.analysis import Analyzer
from emotion.service.errors import install_error_handlers
from emotion.service.openapi import COMMON_ERRORS, install_openapi
from emotion.service.routes import handoffs, health, sessions, speech, users
from emotion.settings import Settings, get_settings

log = logging.getLogger("emotion.service")


def install_token_check(app: FastAPI, clients: dict[str, str]) -> None:
    """Refuse /v1 requests without ``Authorization: Bearer <token>`` of a known client (401).

    ``clients``: client name -> token. Every token is compared in constant time (all of them,
    whichever matches), and the matching client's name is ``request.state.client``: the
    authenticated source that consent changes and handoffs are audited under."""
    expected = [(name, f"Bearer {token}".encode()) for name, token in clients.items()]

    @app.middleware("http")
    async def require_token(request: Request, call_next):
        if request.url.path.startswith("/v1"):
            given = request.headers.get("authorization", "").encode()
            matches = [name for name, token in expected if hmac.compare_digest(given, token)]
            if not matches:
                return JSONResponse(status_code=401, headers={"WWW-Authenticate": "Bearer"},
                                    content={"error": {"code": "unauthorized",
                                                       "message": "a service token is required (Authorization: Bearer)"},
                                             "turn_logged": False, "turn_index": None, "crisis": None})
            request.state.client = matches[0]
        return await call_next(request)


def release_freed_memory() -> None:
    """Hand the heap pages freed after start-up back to the system (glibc ``malloc_trim``): exporting
    the encoders to ONNX Runtime leaves hundreds of MiB of freed temporaries that the allocator
    would otherwise keep in the process's resident set. A no-op where glibc is absent."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        if libc is not None and hasattr(libc, "malloc_trim"):
            libc.malloc_trim(0)
    except OSError:
        pass


def create_app(settings: Settings | None = None, analyzer: Analyzer | None = None) -> FastAPI:
    """Build the app; the database is migrated and the encoders loaded once, at start-up."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        engine = make_engine(settings.database_url)
        migrate(engine)
        app.state.settings = settings
        app.state.moodlog = MoodLog(engine, history_window=settings.tracking_window)
        app.state.turn_limiter = (TokenBuckets(engine, settings.rate_limit_turns_per_minute / 60.0,
                                               settings.rate_limit_burst)
                                  if settings.rate_limit_turns_per_minute > 0 else None)
        owns_analyzer = analyzer is None
        app.state.analyzer = analyzer or Analyzer.load(settings)
        if owns_analyzer:  # load the ASR model now, not on the first voice turn
            try:
                app.state.recognizer = speech.WhisperRecognizer()
            except ImportError as exc:
                log.warning("speech recognition not available: %s", exc)
        release_freed_memory()
        log.info("emotion service ready: database=%s encoders=%s", engine.dialect.name, app.state.analyzer.status)
        try:
            yield
        finally:
            if owns_analyzer:
                app.state.analyzer.close()
            engine.dispose()

    app = FastAPI(title="emobot emotion service", version="0.1.0", lifespan=lifespan, responses=COMMON_ERRORS,
                  description="Analyses chat turns (text, audio, face snapshots), tracks each user's emotion "
                              "and writes every turn to the mood log.")
    install_error_handlers(app)
    install_openapi(app)
    if settings.service_clients_by_name:
        install_token_check(app, settings.service_clients_by_name)
    app.include_router(health.router)
    app.include_router(sessions.router)
    app.include_router(handoffs.router)
    app.include_router(users.router)
    app.include_router(speech.router)
    return app
