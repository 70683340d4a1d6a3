"""Fixtures: a dashboard on a fresh SQLite mood log, accounts, and seeded conversations."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from emotion.dashboard.app import create_dashboard
from emotion.dashboard.security import create_supervisor
from emotion.dashboard.settings import DashboardSettings
from emotion.moodlog.governance import BotAssignment
from tests.dashboard.seed import HAPPY, PASSWORD, SAD, seed_session


@pytest.fixture
def settings(tmp_path) -> DashboardSettings:
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
def accounts(db):
    """An admin, and a supervisor of the bot "support" (not of "sales")."""
    admin = create_supervisor(db, "admin@example.org", PASSWORD, "admin")
    sup = create_supervisor(db, "sup@example.org", PASSWORD)
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
