"""The fractions tutor against a real `rasa run` and action server, one tutoring state at a time.

A stand-in emotion service injects the readings and the derived tutoring states, so each
state's pedagogical move (TutorAffectPolicy) is asserted exactly.
"""
from __future__ import annotations

import httpx
import pytest

from tests.e2e.rasa_server import injected_service, rasa_server

pytestmark = pytest.mark.slow


def tutoring(confusion=0.1, frustration=0.1, boredom=0.1, engagement=0.7) -> dict:
    return {"crisis": {"risk": 0.01, "flag": False, "matched": []}, "distress": 0.1,
            "tutoring": {"confusion": confusion, "frustration": frustration, "boredom": boredom,
                         "engagement": engagement, "cues": []}}


def derived_of(text: str) -> dict:
    if "don't get" in text:
        return tutoring(confusion=0.85, engagement=0.2)
    if "give up" in text:
        return tutoring(frustration=0.8, engagement=0.1)
    if "boring" in text:
        return tutoring(boredom=0.8, engagement=0.1)
    return tutoring()


@pytest.fixture(scope="module")
def bot():
    label_of = lambda text: "anger" if "give up" in text else "neutral"  # noqa: E731
    with injected_service(label_of, derived_of) as service:
        with rasa_server("tutor", emotion_service_url=service.url) as url:
            yield url


def say(url: str, text: str, sender: str = "student") -> list[str]:
    reply = httpx.post(f"{url}/webhooks/emobot_web/webhook", json={"sender": sender, "message": text}, timeout=60)
    assert reply.status_code == 200, reply.text
    return [m.get("text") or "" for m in reply.json()]


def test_each_tutoring_state_gets_its_move(bot) -> None:
    assert "fractions tutor" in say(bot, "hi")[0]
    start = say(bot, "let's start")
    assert "simplifying fractions" in start[0] and start[-1] == "Simplify 2/4."
    assert say(bot, "2/4") == ["That's the right value, but can you simplify it further?"]
    assert say(bot, "1/2") == ["Correct, well done!", "Simplify 3/9."]

    # confusion -> a simpler worked example, then the same question again
    confused = say(bot, "I don't get it")
    assert confused[0].startswith("Let me explain it another way.") and "pizza" in confused[0]
    assert confused[1] == "Now try this one again: Simplify 3/9."

    # engaged: keep the pace (two correct answers in a row: next level)
    up = say(bot, "1/3")
    assert "adding fractions with the same denominator" in up[0] and up[-1] == "What is 1/5 + 2/5?"

    # boredom -> a harder exercise
    bored = say(bot, "this is boring")
    assert "step it up" in bored[0] and bored[-1] == "What is 1/2 + 1/4?"

    # a wrong answer is checked whatever the emotion; frustration -> encourage, hint, easier item
    assert say(bot, "5/7") == ["Not quite. Have another go."]
    frustrated = say(bot, "ugh I give up")
    assert frustrated[0].startswith("This is tricky") and frustrated[1].startswith("Hint:")
    assert frustrated[-1] == "What is 1/5 + 2/5?"

    # engaged comment: the rules keep going, no emotion move
    assert say(bot, "ok cool") == ["Take your time. When you're ready, type your answer as a fraction, like 3/4."]

    tracker = httpx.get(f"{bot}/conversations/student/tracker", timeout=30).json()
    moves = [(e["name"], e["policy"]) for e in tracker["events"]
             if e["event"] == "action" and e["name"] in ("action_reexplain", "action_challenge", "action_encourage")]
    assert moves == [("action_reexplain", "TutorAffectPolicy"), ("action_challenge", "TutorAffectPolicy"),
                     ("action_encourage", "TutorAffectPolicy")]
    # the tutoring slots hold the latest turn's states (the engaged "ok cool")
    assert tracker["slots"]["tutoring_engagement"] == 0.7 and tracker["slots"]["tutoring_frustration"] == 0.1
    assert tracker["slots"]["level"] == 2.0
