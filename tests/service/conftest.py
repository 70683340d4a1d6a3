"""Fixtures for the emotion-service tests (run in .venv)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("EMOBOT_DATA_DIR", REPO.parent / "shared" / "data"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'moodlog.sqlite3'}"

