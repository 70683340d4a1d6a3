"""No turn lost: faults injected under real conversations through ``rasa run`` (support bot).

(a) the emotion service is killed (SIGKILL) mid-conversation and started again;
(b) the service's PostgreSQL (a private cluster, never the shared server) goes down and comes
    back while two conversations keep talking;
(c) the Rasa server restarts while turns wait in its outbox.

Each time the bot keeps answering (turns it could not analyse say ``queued: true``), the outbox
drains by itself once the service is back, and the mood log holds every sent turn once, in
the order it was sent, with the time it was sent. The services analyse text only (these are
text turns; it saves a third of their start-up) and servers that do not depend on each other
start side by side.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.e2e.processes import emotion_service_process, enter_together, free_port
from tests.e2e.rasa_server import rasa_server, train_bot

pytestmark = pytest.mark.slow

TEXTS = ["hello", "I had a long day at work", "my boss was annoyed with me", "I feel a bit low tonight",
         "but my friend called me", "we laughed a lot", "I am a little worried about tomorrow",
         "the exam is at nine", "I studied all week", "thanks for listening", "I think I will sleep now",
         "good night"]
TEXT_ONLY = {"modalities": '["text"]'}


@pytest.fixture(scope="module", autouse=True)
def trained_support_bot() -> None:
    train_bot("support")  # before servers start side by side: two `rasa train` would write one file


def say(rasa_url: str, sender: str, message: str) -> dict:
    """Send one turn through the web channel; the bot must answer. Returns the turn's emotion metadata."""
    reply = httpx.post(f"{rasa_url}/webhooks/emobot_web/webhook?emotion=true",
                       json={"sender": sender, "message": message}, timeout=60)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["messages"] and body["messages"][0].get("text"), f"no answer to {message!r}: {body}"
    return body["emotion"]


def mood_log(database_url: str, session_id: str) -> list:
    engine = create_engine(database_url)
    try:
        with engine.connect() as db:
            return db.execute(text(
                "SELECT t.turn_index, t.text, t.status, t.client_turn_id, t.sent_at, t.received_at, t.bot_replies, "
                "       r.id AS record_id, r.derived FROM turns t LEFT JOIN emotion_records r ON r.turn_id = t.id "
                "WHERE t.session_id = :s ORDER BY t.turn_index"), {"s": session_id}).all()
    finally:
        engine.dispose()


def wait_for_mood_log(database_url: str, sent: dict[str, list[str]], timeout: float = 60) -> dict[str, list]:
    """Poll until the mood log holds as many turns per session as were sent, none of them still
    "rejected" (a turn refused for now, e.g. by the rate limit while the outbox replays a backlog,
    is logged as rejected and completed when its replay is admitted)."""
    deadline = time.monotonic() + timeout
    while True:
        logged = {s: mood_log(database_url, s) for s in sent}
        done = all(len(logged[s]) >= len(texts) and all(r.status != "rejected" for r in logged[s])
                   for s, texts in sent.items())
        if done or time.monotonic() > deadline:
            return logged
        time.sleep(0.5)


def assert_logged_in_order(rows: list, texts: list[str]) -> None:
    """Every sent turn once, in send order, analysed, with its emotion record and derived states."""
    assert [r.text for r in rows] == texts
    assert [r.turn_index for r in rows] == list(range(len(texts)))
    assert len({r.client_turn_id for r in rows}) == len(texts) and None not in {r.client_turn_id for r in rows}
    sent_at = [r.sent_at for r in rows]
    assert sent_at == sorted(sent_at) and len(set(sent_at)) == len(sent_at)
    assert all(r.status == "analysed" and r.record_id is not None and r.derived is not None for r in rows)


def outbox_pending(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM outbox WHERE dead_reason IS NULL").fetchone()[0]


def outbox_drained(path: Path, timeout: float = 30.0) -> bool:
    """Whether the outbox empties within ``timeout``: the service logs a turn before its answer
    reaches the channel, which only then removes the turn."""
    deadline = time.monotonic() + timeout
    while outbox_pending(path) and time.monotonic() < deadline:
        time.sleep(0.2)
    return outbox_pending(path) == 0


def test_service_killed_mid_conversation(postgres_url: str, tmp_path: Path) -> None:
    port, outbox = free_port(), tmp_path / "outbox.sqlite3"
    sent: dict[str, list[str]] = {"kill-a": [], "kill-b": []}

    def talk(turns: range) -> list[dict]:
        emotions = []
        for n in turns:
            for session in sent:
                sent[session].append(TEXTS[n])
                emotions.append(say(rasa, session, TEXTS[n]))
        return emotions

    with ExitStack() as stack:
        rasa, (_, service) = enter_together(
            stack, rasa_server("support", emotion_service_url=f"http://127.0.0.1:{port}",
                               env={"EMOBOT_OUTBOX_PATH": str(outbox)}),
            emotion_service_process(postgres_url, port, **TEXT_ONLY))
        assert all(e["available"] for e in talk(range(0, 3)))
        os.killpg(service.pid, signal.SIGKILL)
        service.wait()
        down = talk(range(3, 7))
        assert all(e["available"] is False and e["queued"] is True for e in down)
        assert outbox_pending(outbox) == 8
        with emotion_service_process(postgres_url, port, **TEXT_ONLY):
            talk(range(7, 9))  # analysed or queued behind the backlog: either way in order
            logged = wait_for_mood_log(postgres_url, sent)
            assert outbox_drained(outbox)
            # the bot's replies to a replayed turn follow it: each is sent once the turn is logged
            deadline = time.monotonic() + 10
            while not all(row.bot_replies for s in sent for row in logged[s][3:7]) and time.monotonic() < deadline:
                time.sleep(0.3)
                logged = {s: mood_log(postgres_url, s) for s in sent}
    for session, texts in sent.items():
        assert_logged_in_order(logged[session], texts)
    # a replayed turn keeps when it was sent: long before the service logged it
    replayed = logged["kill-a"][3]
    assert (replayed.received_at - replayed.sent_at).total_seconds() > 1
    # what the bot answered while the service was down reached the mood log with the replayed turns
    assert all(row.bot_replies for session in sent for row in logged[session][3:7]), \
        [(row.turn_index, row.bot_replies) for row in logged["kill-a"]]


@contextmanager
def private_postgres() -> Iterator[tuple[object, str]]:
    """A private PostgreSQL cluster and a database in it: (cluster, SQLAlchemy URL)."""
    from tests.postgres import PrivateCluster, throwaway_database

    cluster = PrivateCluster()
    cluster.start()
    try:
        with throwaway_database(cluster.url) as url:
            yield cluster, url
    finally:
        cluster.remove()


def test_database_restart_under_load(tmp_path: Path) -> None:
    sent: dict[str, list[str]] = {"pg-a": [], "pg-b": []}
    answers: dict[str, list[dict]] = {s: [] for s in sent}
    errors: list[BaseException] = []
    port = free_port()
    with private_postgres() as (cluster, database_url), ExitStack() as stack:
        _, rasa = enter_together(
            stack, emotion_service_process(database_url, port, **TEXT_ONLY),
            rasa_server("support", emotion_service_url=f"http://127.0.0.1:{port}"))

        def conversation(session: str) -> None:
            try:
                for message in TEXTS:
                    sent[session].append(message)
                    answers[session].append(say(rasa, session, message))
                    time.sleep(0.3)
            except BaseException as exc:  # reported by the main thread
                errors.append(exc)

        threads = [threading.Thread(target=conversation, args=(s,)) for s in sent]
        for t in threads:
            t.start()
        time.sleep(2.0)
        cluster.stop("immediate")  # a crash: recovery on start
        time.sleep(4.0)
        cluster.start()
        for t in threads:
            t.join(timeout=180)
        assert not errors, errors
        logged = wait_for_mood_log(database_url, sent)
    for session, texts in sent.items():
        assert_logged_in_order(logged[session], texts)
    queued = [a for session in answers.values() for a in session if a.get("queued")]
    assert queued, "the outage queued no turn: it came too late to test anything"
    assert all(a["error"] == "service_unavailable" for a in queued)


def test_rasa_restart_with_turns_in_its_outbox(postgres_url: str, tmp_path: Path) -> None:
    """The conversation starts while the service is down, Rasa restarts with its turns queued,
    and goes on (the tracker is in a SQL tracker store) once Rasa and the service are back."""
    port, rasa_port, outbox, sender = free_port(), free_port(), tmp_path / "outbox.sqlite3", "restart-a"
    env = {"EMOBOT_OUTBOX_PATH": str(outbox)}
    trackers = f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / 'trackers.db'}\n"

    def rasa() -> object:
        return rasa_server("support", emotion_service_url=f"http://127.0.0.1:{port}", port=rasa_port,
                           env=env, endpoints_extra=trackers)

    with rasa() as first:
        for message in TEXTS[:3]:  # nothing listens on the service's port yet
            assert say(first, sender, message)["queued"] is True
    assert outbox_pending(outbox) == 3  # Rasa stopped with three turns waiting

    with ExitStack() as stack:
        second, _ = enter_together(stack, rasa(), emotion_service_process(postgres_url, port, **TEXT_ONLY))
        logged = wait_for_mood_log(postgres_url, {sender: TEXTS[:3]})  # drained with no new turn
        assert outbox_drained(outbox)
        assert say(second, sender, TEXTS[3])["turn_index"] == 3
        tracker = httpx.get(f"{second}/conversations/{sender}/tracker", timeout=30).json()
    assert_logged_in_order(logged[sender] + mood_log(postgres_url, sender)[3:], TEXTS[:4])
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == TEXTS[:4]
