"""Each test's channels queue turns in an outbox of their own (never the repo's var/ file)."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def private_outbox(tmp_path, monkeypatch):
    monkeypatch.setenv("EMOBOT_OUTBOX_PATH", str(tmp_path / "outbox.sqlite3"))
    monkeypatch.delenv("EMOBOT_OUTBOX_BACKEND", raising=False)
