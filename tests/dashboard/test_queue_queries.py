"""The review of the dashboard, D1 (3): the queue's "returned: previously handled by ..." lookup loaded every open
handoff on every page view (each page's header asks whether a person came back to the viewer), then every earlier
resolved handoff of their sessions. Now each lookup is one query whose rows are at most one per handoff asked about.
Counted here: the statements the lookups send, and the rows each of those statements returns."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event
from sqlmodel import Session

from emotion.dashboard.queue import previous_handlers, queue_summary, returned_to
from emotion.moodlog.governance import Handoff
from emotion.moodlog.models import utcnow
from tests.dashboard.seed import HAPPY, seed_session

SAM, KIM = "sam@example.org", "kim@example.org"
WAITING = 30
"""Open handoffs of people nobody from the team handled before."""
EARLIER = 6
"""Resolved handoffs before the returned person's open one."""


def _handoff(db: Session, session_id: str, status: str, claimed_by: str | None = None) -> Handoff:
    handoff = Handoff(session_id=session_id, bot="support", reason="crisis language", status=status,
                      claimed_by=claimed_by, snapshot={}, created_at=utcnow() - timedelta(minutes=5))
    db.add(handoff)
    db.commit()
    db.refresh(handoff)
    return handoff


def _queue(app, db: Session) -> tuple[Handoff, list[Handoff]]:
    """The returned person's open handoff (their newest earlier one handled by Sam, older ones by Kim, one resolved
    unclaimed after them), and every open handoff."""
    engine = app.state.engine
    seed_session(engine, "back", bot="support", user_id="back", moods=[HAPPY], bot_replies=False)
    for i in range(EARLIER):
        _handoff(db, "back", "resolved", KIM if i < EARLIER - 1 else SAM)
    _handoff(db, "back", "resolved")  # withdrawn before anyone claimed it: nobody handled it
    returned = _handoff(db, "back", "open")
    others = []
    for i in range(WAITING):
        seed_session(engine, f"new-{i}", bot="support", user_id=f"new-{i}", moods=[HAPPY], bot_replies=False)
        others.append(_handoff(db, f"new-{i}", "open"))
    for handoff in (returned, *others):
        db.refresh(handoff)  # loaded after the last commit: reading them later sends no query
    return returned, [returned, *others]


@contextmanager
def counted(engine):
    """Yields a list that fills with the rows each SELECT sent in the block returns (one entry per statement)."""
    sent: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    rows: list[int] = []
    try:
        yield rows
    finally:
        event.remove(engine, "before_cursor_execute", remember)
        with engine.connect() as conn:  # run each statement again to count the rows it returned
            rows.extend(len(conn.exec_driver_sql(statement, parameters).fetchall()) for statement, parameters in sent)


def test_returned_to_is_one_query_of_one_row_whatever_the_queue(app, client, db):
    returned, _ = _queue(app, db)
    with counted(app.state.engine) as rows:
        assert returned_to(db, ["support"], SAM) == returned.id
    assert rows == [1]
    with counted(app.state.engine) as rows:
        assert returned_to(db, ["support"], KIM) == 0  # Kim handled them, but not last
        assert returned_to(db, ["sales"], SAM) == 0  # a bot the viewer may not see
    assert rows == [1, 1]


def test_previous_handlers_fetches_at_most_one_row_per_handoff_on_the_page(app, client, db):
    returned, page = _queue(app, db)
    with counted(app.state.engine) as rows:
        assert previous_handlers(db, page) == {returned.id: SAM}
    assert rows == [1]
    assert previous_handlers(db, []) == {}


def test_every_pages_header_asks_one_row_for_the_returned_person(app, client, db):
    _queue(app, db)
    with counted(app.state.engine) as rows:
        summary = queue_summary(db, ["support"], SAM)
    assert summary.waiting == WAITING + 1 and summary.returned_id > 0
    assert len(rows) == 4 and max(rows) == 1  # three counts, and the returned person: never the open handoffs
