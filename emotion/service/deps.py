"""Request dependencies: the objects created once at start-up and shared by every request."""
from __future__ import annotations

from fastapi import Request

from emotion.moodlog.ratelimit import TokenBuckets
from emotion.moodlog.repository import MoodLog
from emotion.service.analysis import Analyzer
from emotion.settings import Settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_moodlog(request: Request) -> MoodLog:
    return request.app.state.moodlog


def get_analyzer(request: Request) -> Analyzer:
    return request.app.state.analyzer


def get_turn_limiter(request: Request) -> TokenBuckets | None:
    """The per-session turn rate limit; None when switched off."""
    return request.app.state.turn_limiter
