"""The support bot's crisis escalation against a real `rasa run` and action server.

Readings are injected by a stand-in emotion service; the crisis flag comes from the real
affect model (emotion.affect). Checks the handoff request, the paused conversation, that the
user cannot end it, and that a human can.
"""
from __future__ import annotations

import httpx
import pytest
import yaml

from tests.e2e.processes import REPO
from tests.e2e.rasa_server import injected_service, rasa_server

pytestmark = pytest.mark.slow
RESPONSES = yaml.safe_load((REPO / "bot/support/domain.yml").read_text())["responses"]
TEXTS = {name: {r["text"] for r in variants} for name, variants in RESPONSES.items()}


@pytest.fixture(scope="module")
def affect():
    from emotion.affect import AffectModel

    return AffectModel.load(threads=1)


@pytest.fixture(scope="module")
def bot(affect):
    label_of = lambda text: "sadness" if any(w in text for w in ("sad", "die", "lost", "kill")) else "neutral"  # noqa: E731
    with injected_service(label_of, lambda text: affect.derive(text, None, {})) as service:
        with rasa_server("support", emotion_service_url=service.url) as url:
            yield url, service


def say(url: str, sender: str, text: str) -> list[str]:
    reply = httpx.post(f"{url}/webhooks/emobot_web/webhook", json={"sender": sender, "message": text}, timeout=120)
    assert reply.status_code == 200, reply.text
    return [m.get("text") for m in reply.json()]


def tracker(url: str, sender: str) -> dict:
    return httpx.get(f"{url}/conversations/{sender}/tracker", timeout=30).json()


def test_crisis_escalates_pauses_and_only_a_human_resumes(bot) -> None:
    url, service = bot
    sender = "crisis-e2e"
    assert say(url, sender, "hello")[0] in TEXTS["utter_greet"]
    assert say(url, sender, "I lost my job and I feel so sad")[0] in TEXTS["utter_empathize"]
    assert not service.handoffs

    replies = say(url, sender, "I can't take it anymore, I want to kill myself")
    assert replies[0] in TEXTS["utter_crisis_resources"]
    assert replies[1] in TEXTS["utter_handoff"]
    assert len(service.handoffs) == 1
    session_id, request = service.handoffs[0]
    assert session_id == sender and request["bot"] == "support" and "kill myself" in request["reason"]
    state = tracker(url, sender)
    assert state["paused"] is True
    assert state["slots"]["handoff_active"] is True and state["slots"]["crisis_flag"] is True
    escalation = [e for e in state["events"] if e["event"] == "action" and e["name"] == "action_escalate_crisis"]
    assert escalation and escalation[0]["policy"] == "EmotionRulesPolicy"

    # paused: the bot stays silent; the user cannot restart or open a new session
    assert say(url, sender, "hello? are you there") == []
    assert say(url, sender, "/restart") == [next(iter(TEXTS["utter_handoff_pending"]))]
    assert say(url, sender, "/session_start") == []
    assert tracker(url, sender)["paused"] is True
    assert len(service.handoffs) == 1

    # a human (the dashboard) clears the escalation through Rasa's API
    cleared = httpx.post(f"{url}/conversations/{sender}/tracker/events", timeout=30, json=[
        {"event": "slot", "name": "handoff_active", "value": False}, {"event": "resume"}])
    assert cleared.status_code == 200, cleared.text
    assert say(url, sender, "thank you")[0] in TEXTS["utter_you_are_welcome"]


def test_ordinary_sadness_is_not_escalated(bot) -> None:
    url, service = bot
    before = len(service.handoffs)
    for text in ("I feel sad today, my grandmother passed away last month",
                 "I'm disappointed I didn't get the job", "hello"):
        assert say(url, "sad-e2e", text)
    assert len(service.handoffs) == before
    assert tracker(url, "sad-e2e")["paused"] is False
