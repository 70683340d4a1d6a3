"""The Foundation's first real turn: chat request -> Rasa channel -> emotion service -> mood log,
with real processes on loopback, once on SQLite and once on the PostgreSQL server."""
from __future__ import annotations

import httpx
import pytest
import yaml
from sqlalchemy import create_engine, text

from tests.e2e.processes import REPO, emotion_service, free_port
from tests.e2e.rasa_server import rasa_server

pytestmark = pytest.mark.slow
SERVICE_PORT = free_port()
RESPONSES = yaml.safe_load((REPO / "bot/support/domain.yml").read_text())["responses"]


@pytest.fixture(scope="module")
def rasa_url():
    with rasa_server("support", emotion_service_url=f"http://127.0.0.1:{SERVICE_PORT}") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'moodlog.sqlite3'}"
        return
    from tests.postgres import postgres_server, throwaway_database

    with postgres_server() as admin, throwaway_database(admin) as url:
        yield url


def test_first_turn_reaches_policy_and_mood_log(rasa_url, database_url):
    sender = f"e2e-{free_port()}"
    message = "I feel so sad and lonely, I cried all night"
    with emotion_service(database_url, port=SERVICE_PORT):
        reply = httpx.post(f"{rasa_url}/webhooks/emobot_web/webhook",
                           json={"sender": sender, "message": message}, timeout=60)
        assert reply.status_code == 200, reply.text
        state = httpx.get(f"http://127.0.0.1:{SERVICE_PORT}/v1/sessions/{sender}/state").json()

    # the emotion metadata as the policy saw it, from Rasa's own tracker
    tracker = httpx.get(f"{rasa_url}/conversations/{sender}/tracker", timeout=30).json()
    user = [e for e in tracker["events"] if e["event"] == "user"][-1]
    emotion = user["metadata"]["emotion"]
    assert emotion["available"] is True and emotion["turn_index"] == 0
    assert emotion["modalities_used"] == ["text"]
    assert emotion["state"]["label"] == "sadness"
    assert emotion["state"] == state["state"]

    # the emotion rules answered the sadness with a reflection of the person's own feeling
    actions = [e for e in tracker["events"] if e["event"] == "action" and e["name"] == "action_support_reflection"]
    assert actions and "EmotionRulesPolicy" in actions[-1]["policy"]
    assert "lonely" in [m["text"] for m in reply.json()][0]

    # the mood log row
    engine = create_engine(database_url)
    with engine.connect() as db:
        turns = db.execute(text("SELECT turn_index, text, status FROM turns WHERE session_id = :s"), {"s": sender}).all()
        records = db.execute(text("SELECT label, state_label, modalities_used FROM emotion_records WHERE session_id = :s"),
                             {"s": sender}).all()
        bot = db.execute(text("SELECT bot FROM sessions WHERE id = :s"), {"s": sender}).scalar_one()
    engine.dispose()
    assert [(t.turn_index, t.text, t.status) for t in turns] == [(0, message, "analysed")]
    assert records[0].label == emotion["turn"]["label"] and records[0].state_label == "sadness"
    assert bot == "support"


def test_crisis_through_the_real_service_escalates_to_a_human(rasa_url, tmp_path):
    """Real service (affect model and all), real Rasa, real action server: the crisis turn is
    flagged by the service, the bot shows resources, a handoff lands in the mood log, and the
    bot stays in the conversation (not paused)."""
    database_url = f"sqlite:///{tmp_path / 'crisis.sqlite3'}"
    sender = f"e2e-crisis-{free_port()}"
    with emotion_service(database_url, port=SERVICE_PORT):
        reply = httpx.post(f"{rasa_url}/webhooks/emobot_web/webhook", timeout=120,
                           json={"sender": sender, "message": "I can't take it anymore, I want to kill myself"})
        assert reply.status_code == 200, reply.text
        said = [m["text"] for m in reply.json()]
        assert said[0] == RESPONSES["utter_crisis_concern"][0]["text"] and "(tel:988)" in said[1]
        handoffs = httpx.get(f"http://127.0.0.1:{SERVICE_PORT}/v1/sessions/{sender}/handoffs").json()
    assert len(handoffs) == 1 and handoffs[0]["status"] == "open" and handoffs[0]["turns_in_snapshot"] == 1
    tracker = httpx.get(f"{rasa_url}/conversations/{sender}/tracker", timeout=30).json()
    assert tracker["paused"] is False and tracker["slots"]["handoff_active"] is True
    user = [e for e in tracker["events"] if e["event"] == "user"][-1]
    assert user["metadata"]["emotion"]["derived"]["crisis"]["flag"] is True
