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


@pytest.fixture(scope="session")
def postgres_admin_url():
    from tests.postgres import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_admin_url):
    from tests.postgres import throwaway_database

    with throwaway_database(postgres_admin_url) as url:
        yield url
