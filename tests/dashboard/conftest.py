"""Fixtures: a dashboard on a fresh SQLite mood log, accounts, and seeded conversations."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from emotion.dashboard.app import create_dashboard
from emotion.dashboard.security import hasher
from emotion.dashboard.settings import DashboardSettings
from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.governance import BotAssignment, Supervisor
from tests.dashboard.seed import HAPPY, PASSWORD, SAD, seed_session


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """An empty mood log at the newest revision, copied by each test (migrating costs ~0.3 s)."""
    path = tmp_path_factory.mktemp("template") / "moodlog.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hasher.hash(PASSWORD)  # one argon2 hash (~0.1-0.3 s) shared by every test account


@pytest.fixture
def settings(tmp_path, migrated_sqlite) -> DashboardSettings:
    shutil.copy(migrated_sqlite, tmp_path / "moodlog.sqlite3")
    return DashboardSettings(database_url=f"sqlite:///{tmp_path / 'moodlog.sqlite3'}", cookie_secure=False,
                             session_secret="test-secret-not-for-production", retention_days=0)


@pytest.fixture
def app(settings):
    return create_dashboard(settings)


@pytest.fixture
def client(app):
    with TestClient(app, base_url="http://127.0.0.1") as c:  # the lifespan migrates the database
        yield c


@pytest.fixture
def db(app, client):
    with Session(app.state.engine) as s:
        yield s


@pytest.fixture
def accounts(db, password_hash):
    """An admin, and a supervisor of the bot "support" (not of "sales"); both with password PASSWORD."""
    admin = Supervisor(email="admin@example.org", password_hash=password_hash, role="admin")
    sup = Supervisor(email="sup@example.org", password_hash=password_hash, role="supervisor")
    db.add_all([admin, sup])
    db.commit()
    db.add(BotAssignment(supervisor_id=sup.id, bot="support"))
    db.commit()
    return {"admin": admin.email, "supervisor": sup.email}


@pytest.fixture
def conversations(app, client):
    """s-sad (support, u1: 3 sad turns), s-happy (support, u2), s-sales (sales, u1)."""
    engine = app.state.engine
    seed_session(engine, "s-sad", bot="support", user_id="u1", moods=[SAD, SAD, SAD])
    seed_session(engine, "s-happy", bot="support", user_id="u2", moods=[HAPPY, HAPPY])
    seed_session(engine, "s-sales", bot="sales", user_id="u1", moods=[HAPPY])
    return ["s-sad", "s-happy", "s-sales"]
