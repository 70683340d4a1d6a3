"""The twelfth exploratory reading, L3 (data/exploratory/2026-12-07/reading12/FINDINGS.md): "A person from our team has
joined and will answer you here." came after the person had already answered that person (tutor, B3: the supervisor's
"Are you somewhere safe right now?", the child's "im at school but he picks me up at 4"). The line is for a person who
has not heard from the team since the claim; the support bot is checked too."""
from __future__ import annotations

import asyncio

from bot.tutor.actions.lines import say
from tests.rasa.test_support_reading12_claim import CLAIMED, DOMAIN, SLOTS, bot, person
from tests.rasa.test_tutor_reading11 import Child, team  # noqa: F401  (the fixture)

DISCLOSURE = "my mum's boyfriend hurts me and i'm scared to go home"
QUESTION = "Hi, I'm Sam from the team. Are you somewhere safe right now?"


def claimed_child(team: dict, wrote: bool) -> Child:
    """A child whose disclosure opened a handoff, now claimed; the supervisor wrote to them when ``wrote``."""
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    child = Child()
    child.says(DISCLOSURE, ActionWellbeing())
    team["status"] = "claimed"
    if wrote:
        child.team_writes(QUESTION)
    return child


def test_a_child_answering_the_team_is_not_told_they_have_joined(team) -> None:
    """B3: the child's answer to the supervisor's question got "A person from our team has joined"."""
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    child = claimed_child(team, wrote=True)
    # never nothing (reading 13, H5: the channel sent its safety net), but no "has joined"
    assert child.says("im at school but he picks me up at 4", ActionWellbeing()) == [say("team_reading")]
    assert ("bot", say("person_joined")) not in team["thread"]
    assert child.slots["wellbeing_check"] == "claimed"  # the lesson still waits for the person from the team


def test_a_child_who_has_not_heard_from_the_team_is_told_once(team) -> None:
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    child = claimed_child(team, wrote=False)
    assert child.says("hello?", ActionWellbeing()) == [say("person_joined")]
    assert child.says("are you there", ActionWellbeing()) == [say("team_reading")]  # "has joined" once


def support_answer(monkeypatch, wrote: bool) -> list[str]:
    """The support bot's lines to a message after a claim, the supervisor having written first when ``wrote``."""
    from connectors import handoff
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.crisis import ActionHandoffPresent

    async def claimed(session_id):
        return dict(CLAIMED)

    async def thread(session_id, messages):
        return True

    monkeypatch.setattr(handoff, "handoff_status", claimed)
    monkeypatch.setattr(handoff, "add_to_thread", thread)
    events = [{"event": "slot", "name": "handoff_active", "value": True, "timestamp": 1000.0},
              {"event": "slot", "name": "handoff_id", "value": 7.0, "timestamp": 1000.0}]
    if wrote:
        events += bot("Hi, I'm Sam from the team. Where are you right now?", 1015.0, by=None)
    events += person("im at home, in the kitchen", 1020.0)
    latest = {k: v for k, v in events[-1].items() if k not in ("event", "timestamp")}
    latest["intent"] = {"name": "share_feelings", "confidence": 0.9}
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionHandoffPresent().run(dispatcher, Tracker("s", SLOTS, latest, events, False, None, {},
                                                               "action_listen"), DOMAIN))
    return [m.get("text") or "" for m in dispatcher.messages]


def test_the_support_bot_says_who_joined_only_before_the_team_wrote(monkeypatch) -> None:
    joined = [r["text"] for r in DOMAIN["responses"]["utter_handoff_claimed"]]
    assert not set(support_answer(monkeypatch, wrote=True)) & set(joined)
    assert set(support_answer(monkeypatch, wrote=False)) & set(joined)
