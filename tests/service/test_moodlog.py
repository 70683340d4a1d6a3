"""The mood log on SQLite and on the real PostgreSQL server: migrations, turn order, concurrency."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
from sqlalchemy import inspect

from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.repository import MoodLog, TurnToLog
from emotion.tracking import EmotionReading, track

PROBS = (0.1, 0.6, 0.1, 0.05, 0.05, 0.05, 0.05)


@pytest.fixture(params=["sqlite", "postgresql"])
def moodlog(request, sqlite_url):
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    migrate(engine)
    migrate(engine)  # idempotent
    yield MoodLog(engine)
    engine.dispose()


def turn(session: str, text: str = "hi", speaker: str = "u", status: str = "analysed") -> TurnToLog:
    return TurnToLog(session_id=session, speaker_id=speaker, bot="support", user_id=speaker, text=text, text_chars=len(text),
                     status=status, error_code=None, modalities={"text": {"status": "used"}})


def test_schema_is_migrated(moodlog):
    tables = set(inspect(moodlog.engine).get_table_names())
    assert {"sessions", "turns", "emotion_records", "alembic_version"} <= tables


def test_turns_get_consecutive_indices_and_states_chain(moodlog):
    update = partial(track, reading=EmotionReading(PROBS, 0.6), smoothing=0.5, window=4)
    for i in range(3):
        row, record = moodlog.append_turn(turn("a"), EmotionReading(PROBS, 0.6),
                                          lambda prev, hist: update(prev, hist), ["text"])
        assert row.turn_index == i and record.turns_observed == i + 1
    moodlog.append_turn(turn("a", status="rejected"))
    assert [t.turn_index for t in moodlog.turns("a")] == [0, 1, 2, 3]
    assert moodlog.get_session("a").turn_count == 4
    assert moodlog.latest_record("a").turn_index == 2


def test_concurrent_writers_never_collide(moodlog):
    with ThreadPoolExecutor(max_workers=8) as pool:
        rows = list(pool.map(lambda i: moodlog.append_turn(turn("c", text=str(i)))[0].turn_index, range(40)))
    assert sorted(rows) == list(range(40))
    assert sorted(int(t.text) for t in moodlog.turns("c")) == list(range(40))


def test_sqlite_mood_log_files_are_the_owners_only(tmp_path) -> None:
    import os

    from emotion.moodlog.db import make_engine, migrate

    path = tmp_path / "var" / "moodlog.sqlite3"
    path.parent.mkdir()
    path.touch(mode=0o644)  # an existing file written with a loose mode is tightened too
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    modes = {p.name: os.stat(p).st_mode & 0o777 for p in path.parent.iterdir()}
    assert modes and set(modes.values()) == {0o600}, modes
