"""Each test's channels queue turns in an outbox of their own (never the repo's var/ file)."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def private_outbox(tmp_path, monkeypatch):
    monkeypatch.setenv("EMOBOT_OUTBOX_PATH", str(tmp_path / "outbox.sqlite3"))
    monkeypatch.delenv("EMOBOT_OUTBOX_BACKEND", raising=False)


@pytest.fixture
def team(monkeypatch):
    """A stand-in for the service's handoffs: what was asked for, and the status the bot reads."""
    from connectors import handoff

    state = {"requests": [], "status": None, "thread": []}

    async def request_handoff(session_id, reason, bot=None, user_id=None):
        state["requests"].append(reason)
        state["status"] = state["status"] or {"id": 7, "status": "open", "waiting_s": 10, "expected_wait_s": None}
        return {"id": 7, "status": "open"}

    async def handoff_status(session_id):
        return state["status"]

    async def add_to_thread(session_id, messages):
        state["thread"] += list(messages)
        return True

    monkeypatch.setattr(handoff, "request_handoff", request_handoff)
    monkeypatch.setattr(handoff, "handoff_status", handoff_status)
    monkeypatch.setattr(handoff, "add_to_thread", add_to_thread)
    return state
