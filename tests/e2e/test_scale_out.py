"""Scale-out: two emotion services and two Rasa servers (support bot) share PostgreSQL (mood log
and Rasa's SQL tracker store), a Redis lock store and a Redis outbox. A conversation whose turns
alternate between the replicas ends in the same tracked state, the same mood log and the same
Rasa tracker as the same turns sent through one Rasa server and one service.
"""
from __future__ import annotations

import uuid
from contextlib import ExitStack

import httpx
import pytest

from tests.e2e.processes import emotion_service, enter_together, free_port
from tests.e2e.rasa_server import rasa_server, train_bot
from tests.e2e.test_faults import TEXT_ONLY, mood_log, say

pytestmark = pytest.mark.slow

TURNS = ["hello", "I feel a bit sad today", "my exam went badly", "I am worried about the next one",
         "my friend helped me study", "now I feel much better, thank you"]
REDIS_DB = 13  # the shared Redis: a db of our own, and a key prefix per run


def stores(rasa_db: str, prefix: str) -> str:
    """Rasa endpoints: trackers in PostgreSQL, conversation locks in Redis (as docker/endpoints.yml)."""
    return (f"tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: 127.0.0.1\n  port: 5432\n"
            f"  db: {rasa_db}\n  username: postgres\n"
            f"lock_store:\n  type: redis\n  url: 127.0.0.1\n  port: 6379\n  db: {REDIS_DB}\n  key_prefix: {prefix}\n")


def rasa_view(tracker: dict) -> list[tuple]:
    """What the bot did, without timestamps or the wording picked among a response's variations."""
    kept = {"user": "text", "action": "name", "slot": "name", "active_loop": "name"}
    return [(e["event"], e[kept[e["event"]]], e.get("value") if e["event"] == "slot" else None)
            for e in tracker["events"]
            if e["event"] in kept and e.get("name") != "session_started_metadata"]  # holds the session id


def test_alternating_replicas_track_like_one_instance(postgres_admin_url: str) -> None:
    from tests.postgres import throwaway_database

    train_bot("support")  # before servers start side by side: two `rasa train` would write one file
    prefix = f"emobot_test_{uuid.uuid4().hex[:8]}"
    outbox = {"EMOBOT_OUTBOX_BACKEND": "redis", "EMOBOT_OUTBOX_REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
              "EMOBOT_OUTBOX_KEY_PREFIX": f"{prefix}:outbox"}
    with ExitStack() as stack:
        moodlog_url = stack.enter_context(throwaway_database(postgres_admin_url))
        rasa_db = stack.enter_context(throwaway_database(postgres_admin_url)).rsplit("/", 1)[1]
        services = [f"http://127.0.0.1:{free_port()}" for _ in range(2)]
        # the first Rasa creates the tracker tables alone; then the other three start side by side
        first = stack.enter_context(rasa_server("support", emotion_service_url=services[0], env=outbox,
                                                endpoints_extra=stores(rasa_db, prefix)))
        second, *_ = enter_together(
            stack, rasa_server("support", emotion_service_url=services[1], env=outbox,
                               endpoints_extra=stores(rasa_db, prefix)),
            *(emotion_service(moodlog_url, port=int(url.rsplit(":", 1)[1]), **TEXT_ONLY) for url in services))
        servers = [first, second]

        alternating, single = f"alt-{prefix}", f"one-{prefix}"
        readings: dict[str, list[tuple]] = {alternating: [], single: []}
        for n, message in enumerate(TURNS):
            for session, server in ((alternating, servers[n % 2]), (single, servers[0])):
                emotion = say(server, session, message)
                assert emotion["available"] is True and emotion["turn_index"] == n  # one session across services
                readings[session].append(emotion["turn"]["label"])  # a turn without a session: its own reading

        states = {s: httpx.get(f"{services[1]}/v1/sessions/{s}/state", timeout=30).json() for s in (alternating, single)}
        # either Rasa server reads the whole conversation from the shared tracker store
        trackers = {s: httpx.get(f"{servers[1]}/conversations/{s}/tracker", timeout=30).json()
                    for s in (alternating, single)}
        rows = {s: mood_log(moodlog_url, s) for s in (alternating, single)}

    assert readings[alternating] == readings[single]
    # what the bot read each turn (the tracker's metadata holds the state and the derived states the
    # answer to a turn without a session leaves out): the same whichever server took the turn
    read = {s: [((e["metadata"].get("emotion") or {}).get("state") or {}).get("label") for e in trackers[s]["events"]
                if e["event"] == "user"] for s in (alternating, single)}
    assert read[alternating] == read[single] and all(read[single])

    assert states[alternating]["state"]["label"] == states[single]["state"]["label"]
    assert states[alternating]["turns_received"] == states[single]["turns_received"] == len(TURNS)
    for key in ("valence", "arousal", "confidence"):
        assert states[alternating]["state"][key] == pytest.approx(states[single]["state"][key], abs=1e-5)
    for label, p in states[single]["state"]["probabilities"].items():
        assert states[alternating]["state"]["probabilities"][label] == pytest.approx(p, abs=1e-5)

    assert [r.text for r in rows[alternating]] == [r.text for r in rows[single]] == TURNS
    assert [r.derived for r in rows[alternating]] == [r.derived for r in rows[single]]

    assert rasa_view(trackers[alternating]) == rasa_view(trackers[single])
    assert [e["text"] for e in trackers[alternating]["events"] if e["event"] == "user"] == TURNS
