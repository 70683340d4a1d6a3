"""Request dependencies: the objects created once at start-up and shared by every request.

The getters are ``async def``: FastAPI runs a plain ``def`` dependency in its thread pool, one
hop (and, on a busy 2-core box, one wait for a thread) per dependency per request for what is an
attribute read (benchmarks/turn.py: four such hops were about a tenth of a text turn)."""
from __future__ import annotations

from fastapi import Request

from emotion.moodlog.ratelimit import TokenBuckets
from emotion.moodlog.repository import MoodLog
from emotion.service.analysis import Analyzer
from emotion.settings import Settings


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_moodlog(request: Request) -> MoodLog:
    return request.app.state.moodlog


async def get_analyzer(request: Request) -> Analyzer:
    return request.app.state.analyzer


async def get_turn_limiter(request: Request) -> TokenBuckets | None:
    """The per-session turn rate limit; None when switched off."""
    return request.app.state.turn_limiter


def audited_read(what: str):
    """A dependency that audits a read of personal data through the API under the authenticated
    client (``service-client:<name>``), e.g. ``Depends(audited_read("state"))``. The bot's own
    per-turn machinery (pushed messages, the latest handoff's status) is not audited: it is
    processing of the conversation it serves, polled every second during a handoff."""
    def audit_read(request: Request) -> None:
        client = getattr(request.state, "client", None) or "anonymous"
        target = "/".join(f"{k}:{v}" for k, v in request.path_params.items())
        request.app.state.moodlog.audit(f"service-client:{client}", f"api_read_{what}", target)
    return audit_read
