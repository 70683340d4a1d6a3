"""The review of the dashboard, D1 (1): taking over a silent claim, and claiming, were read-then-write; two supervisors
at once both succeeded and the last one won. Now each is one conditional UPDATE: exactly one wins, the other gets a
409 saying who was first. Raced through the dashboard's HTTP routes, both requests held at a barrier after reading the
handoff (where the old code decided), on SQLite and on a real PostgreSQL database."""
from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from emotion.dashboard.app import create_dashboard
from emotion.dashboard.routes import handoffs as routes
from emotion.moodlog.governance import AuditEntry, BotAssignment, Handoff, Supervisor, open_handoff
from emotion.moodlog.models import utcnow
from emotion.moodlog.repository import MoodLog
from tests.dashboard.seed import csrf_of, sign_in
from tests.dashboard.test_handoff_eighth_reading import high, turn

CLAIMER, FIRST, SECOND = "claimer@example.org", "ana@example.org", "ben@example.org"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def dashboard(request, settings, password_hash):
    """(app, {email: signed-in client}) over SQLite or a throwaway PostgreSQL database; three supervisors of
    "support"."""
    if request.param == "postgresql":
        settings = settings.model_copy(update={"database_url": request.getfixturevalue("postgres_url")})
    app = create_dashboard(settings)
    with TestClient(app, base_url="http://127.0.0.1") as first:  # the lifespan migrates the database
        with Session(app.state.engine) as db:
            people = [Supervisor(email=email, password_hash=password_hash) for email in (CLAIMER, FIRST, SECOND)]
            db.add_all(people)
            db.commit()
            db.add_all([BotAssignment(supervisor_id=p.id, bot="support") for p in people])
            db.commit()
        clients = {FIRST: first, SECOND: TestClient(app, base_url="http://127.0.0.1")}
        for email, client in clients.items():
            assert sign_in(client, email).status_code == 303
        yield app, clients
    app.state.engine.dispose()


def _handoff(app, *, silent_claim: bool) -> int:
    """A crisis handoff of "support": open, or claimed by CLAIMER who never wrote while the bot re-alerted (silent)."""
    turn(MoodLog(app.state.engine), "balcony", "support", "im on my balcony and i want to jump", high(0.98))
    with Session(app.state.engine) as db:
        handoff = open_handoff(db, "balcony", "crisis language")
        if silent_claim:
            handoff.status, handoff.claimed_by, handoff.claimed_at = "claimed", CLAIMER, utcnow()
            handoff.silent_alerted_at = utcnow()
            db.add(handoff)
            db.commit()
        return handoff.id


def _race(monkeypatch, clients: dict, path: str) -> dict[str, object]:
    """POST ``path`` as each client at once, both held after reading the handoff; email -> response."""
    tokens = {email: csrf_of(client.get("/handoffs").text) for email, client in clients.items()}
    barrier, read = threading.Barrier(len(clients)), routes._visible

    def visible_then_wait(*args, **kwargs):
        handoff = read(*args, **kwargs)
        barrier.wait(timeout=20)  # both have read the handoff before either writes
        return handoff

    monkeypatch.setattr(routes, "_visible", visible_then_wait)
    answers: dict[str, object] = {}

    def post(email: str) -> None:
        answers[email] = clients[email].post(path, data={"csrf_token": tokens[email]}, follow_redirects=False)

    threads = [threading.Thread(target=post, args=(email,)) for email in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    monkeypatch.setattr(routes, "_visible", read)
    return answers


def _one_won(answers: dict) -> tuple[str, str]:
    """(winner, loser) when exactly one got 303 and the other 409."""
    codes = {email: answer.status_code for email, answer in answers.items()}
    assert sorted(codes.values()) == [303, 409], codes
    winner = next(email for email, code in codes.items() if code == 303)
    return winner, next(email for email in codes if email != winner)


def test_two_supervisors_taking_over_a_silent_claim_at_once_one_wins_the_other_gets_409(dashboard, monkeypatch):
    app, clients = dashboard
    handoff_id = _handoff(app, silent_claim=True)
    answers = _race(monkeypatch, clients, f"/handoffs/{handoff_id}/take-over")
    winner, loser = _one_won(answers)
    assert answers[loser].json()["detail"] == f"{winner} took it over first: they are with the person now"
    with Session(app.state.engine) as db:
        taken = db.get(Handoff, handoff_id)
        assert (taken.status, taken.claimed_by, taken.silent_alerted_at) == ("claimed", winner, None)
        audited = db.exec(select(AuditEntry).where(AuditEntry.action == "took_over")).all()
        assert [(a.actor, a.target) for a in audited] == [(winner, f"handoff:{handoff_id} from {CLAIMER}")]


def test_two_supervisors_claiming_at_once_one_wins_the_other_gets_409(dashboard, monkeypatch):
    app, clients = dashboard
    handoff_id = _handoff(app, silent_claim=False)
    answers = _race(monkeypatch, clients, f"/handoffs/{handoff_id}/claim")
    winner, loser = _one_won(answers)
    assert answers[loser].json()["detail"] == f"{winner} claimed it first"
    with Session(app.state.engine) as db:
        assert db.get(Handoff, handoff_id).claimed_by == winner
        assert [a.actor for a in db.exec(select(AuditEntry).where(AuditEntry.action == "claimed")).all()] == [winner]


def test_the_claimer_cannot_take_over_their_own_silent_claim(dashboard):
    app, clients = dashboard
    handoff_id = _handoff(app, silent_claim=True)
    with Session(app.state.engine) as db:
        handoff = db.get(Handoff, handoff_id)
        handoff.claimed_by = FIRST
        db.add(handoff)
        db.commit()
    client = clients[FIRST]
    own = client.post(f"/handoffs/{handoff_id}/take-over", data={"csrf_token": csrf_of(client.get("/handoffs").text)})
    assert own.status_code == 409 and own.json()["detail"] == "you claimed it already: write to the person now"


def test_a_reassign_read_before_a_take_over_does_not_overwrite_it(dashboard):
    """The review of stop 45: reassign was still a read-then-write, so the claimer reassigning to a colleague while
    another supervisor took the silent claim over wrote the colleague over the take-over; the one who took over had a
    303 and thought they were with the person."""
    from emotion.dashboard import handoffs as ops

    app, _ = dashboard
    handoff_id = _handoff(app, silent_claim=True)
    with Session(app.state.engine) as stale, Session(app.state.engine) as other:
        read = stale.get(Handoff, handoff_id)  # the claimer's request has read the handoff
        assert read.claimed_by == CLAIMER
        ops.take_over(other, other.get(Handoff, handoff_id), FIRST)
        other.commit()
        with pytest.raises(ops.HandoffStateError, match=f"{FIRST} took it over first"):
            ops.reassign(stale, read, CLAIMER, SECOND)
        stale.commit()
    with Session(app.state.engine) as db:
        assert db.get(Handoff, handoff_id).claimed_by == FIRST
