"""connectors/handoff.py: the handoff helper for custom actions never raises at a person."""
from __future__ import annotations

import asyncio
import socket

from connectors import handoff


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_service_gives_none_not_an_exception(monkeypatch) -> None:
    monkeypatch.setenv("EMOBOT_SERVICE_URL", f"http://127.0.0.1:{closed_port()}")
    monkeypatch.setenv("EMOBOT_ACTIONS_SERVICE_TIMEOUT", "1")
    assert asyncio.run(handoff.request_handoff("s1", "crisis", bot="mine")) is None
    assert asyncio.run(handoff.handoff_status("s1")) is None
    assert asyncio.run(handoff.add_to_thread("s1", [("person", "hello?")])) is False
    assert asyncio.run(handoff.add_to_thread("s1", [])) is True


def test_only_this_conversations_resolved_handoff_resumes_the_bot() -> None:
    assert handoff.is_resolved({"id": 3, "status": "resolved"}, 3.0)
    assert handoff.is_resolved({"id": 3, "status": "resolved"}, None)
    assert not handoff.is_resolved({"id": 4, "status": "resolved"}, 3.0)  # another, older handoff
    assert not handoff.is_resolved({"id": 3, "status": "claimed"}, 3.0)
    assert not handoff.is_resolved(None, 3.0)  # the service is away: stay with the person
