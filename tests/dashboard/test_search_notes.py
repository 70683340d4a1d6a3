"""Finding sessions: a user id prefix, the transcript's words (the database's own full-text
search: SQLite FTS5, PostgreSQL tsvector), case-note tags; and adding case notes."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import text as sql
from sqlmodel import Session, select

from emotion.dashboard.queries import SessionFilters, list_sessions
from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.governance import AuditEntry, SessionNote
from emotion.moodlog.repository import MoodLog, TurnToLog
from tests.dashboard.seed import csrf_of, sign_in


def say(engine, session_id: str, user_id: str, text: str) -> None:
    MoodLog(engine).append_turn(TurnToLog(session_id=session_id, speaker_id=user_id, bot="support", user_id=user_id,
                                          text=text, text_chars=len(text), status="unanalysed", error_code=None,
                                          modalities={}))


def found(engine, **filters) -> list[str]:
    with Session(engine) as db:
        return sorted(r.id for r in list_sessions(db, None, SessionFilters(**filters), limit=50).rows)


def check_search(engine) -> None:
    say(engine, "s-1", "student-41", "I can't sleep and my exams are next week")
    say(engine, "s-2", "student-42", "Mein Hund ist krank, ich bin so traurig")
    say(engine, "s-3", "teacher-7", "the exam room is cold")
    assert found(engine, user_id="student-4") == ["s-1", "s-2"]            # a prefix finds both students
    assert found(engine, user_id="student_4") == []                        # _ and % are literal
    assert found(engine, text="exams sleep") == ["s-1"]                    # every word, any order
    assert found(engine, text="exam*") == ["s-1", "s-3"]                   # a prefix
    assert found(engine, text="TRAURIG") == ["s-2"]
    assert found(engine, text="\"; DROP TABLE turns; --") == []            # words only, never SQL
    # an erased text leaves the index with it
    with engine.begin() as conn:
        conn.execute(sql("UPDATE turns SET text = NULL WHERE session_id = 's-3'"))
    assert found(engine, text="exam*") == ["s-1"]
    with Session(engine) as db:
        db.add(SessionNote(session_id="s-2", author="a@example.org", text="follow up tomorrow", tags=["follow-up", "pets"]))
        db.commit()
    assert found(engine, tag="pets") == ["s-2"] and found(engine, tag="pet") == []


def test_search_on_sqlite(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    migrate(engine)
    check_search(engine)


@pytest.mark.postgres
def test_search_on_postgresql(postgres_url) -> None:
    engine = make_engine(postgres_url)
    migrate(engine)
    try:
        check_search(engine)
    finally:
        engine.dispose()


def test_notes_and_search_in_the_dashboard(client, accounts, conversations, db) -> None:
    sign_in(client, accounts["supervisor"])
    page = client.get("/sessions/s-sad").text
    token = csrf_of(page)
    added = client.post("/sessions/s-sad/notes", data={"text": "called back, doing better", "tags": "Follow-up, safe",
                                                       "csrf_token": token}, follow_redirects=False)
    assert added.status_code == 303
    page = client.get("/sessions/s-sad").text
    assert "called back, doing better" in page and "#follow-up" in page and "#safe" in page
    assert client.post("/sessions/s-sad/notes", data={"text": "x", "tags": "<script>", "csrf_token": token}).status_code == 422
    assert client.post("/sessions/s-sad/notes", data={"text": "no token"}).status_code == 403
    # a supervisor of "support" cannot note a "sales" session
    assert client.post("/sessions/s-sales/notes", data={"text": "x", "csrf_token": token}).status_code == 404
    listed = client.get("/sessions", params={"tag": "follow-up"}).text
    assert re.findall(r'href="/sessions/([^"]+)"', listed) == ["s-sad"]
    listed = client.get("/sessions", params={"q": "message", "user_id": "u"}).text
    assert set(re.findall(r'href="/sessions/([^"?#]+)"', listed)) == {"s-sad", "s-happy"}
    assert "noted" in {e.action for e in db.exec(select(AuditEntry)).all()}
