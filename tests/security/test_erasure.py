"""Erasure reaches everything that holds a person's words, against real processes.

The emotion service, ``rasa run`` of bot/support (in-memory tracker store, SQLite outbox) and
``emobot dashboard``. A person talks; one of their turns also lies set aside in the channel's
outbox. An admin erases the user in the dashboard: afterwards their words are in none of the
mood log's file, the outbox's file (write-ahead logs included) and Rasa's tracker.
"""
from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session

from connectors.outbox import QueuedTurn, SQLiteOutbox
from emotion.dashboard.security import create_supervisor
from emotion.moodlog.db import make_engine, migrate
from tests.dashboard.seed import PASSWORD, csrf_of, sign_in
from tests.e2e.processes import emotion_service, free_port, running
from tests.e2e.rasa_server import rasa_server

pytestmark = pytest.mark.slow

RASA_TOKEN = "r" * 40
SECRET = "green umbrella"
ADMIN = "admin@example.org"


def files_hold(path: Path, words: str) -> bool:
    """Whether ``path`` or its -wal / -journal companions contain ``words`` (UTF-8)."""
    return any(p.exists() and words.encode() in p.read_bytes()
               for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal")))


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("erasure")
    moodlog, outbox = folder / "moodlog.sqlite3", folder / "outbox.sqlite3"
    engine = make_engine(f"sqlite:///{moodlog}")
    migrate(engine)
    with Session(engine) as db:
        create_supervisor(db, ADMIN, PASSWORD, "admin")
    engine.dispose()
    with emotion_service(f"sqlite:///{moodlog}") as service, \
            rasa_server("support", emotion_service_url=service, token=RASA_TOKEN,
                        env={"EMOBOT_OUTBOX_PATH": str(outbox)}) as rasa:
        port = free_port()
        env = {"EMOBOT_DASHBOARD_DATABASE_URL": f"sqlite:///{moodlog}", "EMOBOT_DASHBOARD_SESSION_SECRET": "d" * 40,
               "EMOBOT_DASHBOARD_COOKIE_SECURE": "false", "EMOBOT_DASHBOARD_RETENTION_DAYS": "0",
               "EMOBOT_DASHBOARD_RASA_URLS": json.dumps({"support": rasa}), "EMOBOT_DASHBOARD_RASA_TOKEN": RASA_TOKEN,
               "EMOBOT_DASHBOARD_OUTBOXES": json.dumps([{"backend": "sqlite", "path": str(outbox)}])}
        with running([str(Path(sys.executable).parent / "emobot"), "dashboard", "--port", str(port)],
                     f"http://127.0.0.1:{port}/healthz", env=env, name=f"dashboard-{port}"):
            yield service, rasa, f"http://127.0.0.1:{port}", moodlog, outbox


def set_aside(outbox: Path, session_id: str, text: str) -> None:
    """A turn of ``session_id`` that the channel gave up sending (as after repeated 5xx answers)."""
    async def write() -> None:
        box = SQLiteOutbox(outbox)
        turn = QueuedTurn(turn_id="dead-1", session_id=session_id, speaker_id=session_id, text=text,
                          sent_at=datetime.now(timezone.utc), bot="support", user_id=session_id)
        await box.append(turn)
        await box.set_aside(turn, "HTTP 500")
        await box.close()
    asyncio.run(write())


def test_erasing_a_user_reaches_the_tracker_the_outbox_and_free_pages(stack) -> None:
    service, rasa, dashboard, moodlog, outbox = stack
    person = httpx.Client(base_url=f"{rasa}/webhooks/emobot_web", timeout=120)
    me = person.post("/session").json()["session_id"]
    assert person.post("/webhook", json={"message": f"my secret is the {SECRET}, i feel so sad"}).json()
    assert person.post("/webhook", json={"message": "thanks for listening"}).json()
    set_aside(outbox, me, f"the {SECRET} again")
    tracker = lambda: httpx.get(f"{rasa}/conversations/{me}/tracker", params={"token": RASA_TOKEN},  # noqa: E731
                                timeout=30).text
    assert SECRET in tracker() and files_hold(outbox, SECRET)
    assert SECRET in str(person.get("/history").json())

    admin = httpx.Client(base_url=dashboard, timeout=60)
    assert sign_in(admin, ADMIN).status_code == 303
    token = csrf_of(admin.get(f"/users/{me}").text)
    page = admin.post(f"/users/{me}/erase", data={"confirm": me, "csrf_token": token})
    assert page.status_code == 200 and "erased" in page.text
    assert "NOT erased" not in page.text, page.text

    assert SECRET not in tracker()
    assert SECRET not in str(person.get("/history").json())
    assert not files_hold(outbox, SECRET)
    assert not files_hold(moodlog, SECRET)
