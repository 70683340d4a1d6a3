"""Dialogue cues: sent by a bot that opts in with its slots; a bot without them sends none and
its tracker is not read for them (connectors/cues.py)."""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.cues import dialogue_cues, wanted
from connectors.web.channel import EmobotWebInput

TUTOR = Domain.from_yaml("""
version: "3.1"
slots:
  wrong_in_a_row: {type: float, initial_value: 0, mappings: [{type: custom}]}
  hint_requests: {type: float, initial_value: 0, mappings: [{type: custom}]}
""")
SUPPORT = Domain.from_yaml("""
version: "3.1"
slots:
  handoff_active: {type: bool, initial_value: false, mappings: [{type: custom}]}
""")


class CountingStore:
    def __init__(self, tracker):
        self.tracker, self.reads = tracker, 0

    async def retrieve(self, sender_id):
        self.reads += 1
        return self.tracker


def channel_over(domain: Domain, tracker) -> tuple[EmobotWebInput, CountingStore]:
    store = CountingStore(tracker)
    channel = EmobotWebInput()
    channel.app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(domain=domain, tracker_store=store)))
    return channel, store


def a_tutor_tracker() -> DialogueStateTracker:
    tracker = DialogueStateTracker.from_events("s", [SlotSet("wrong_in_a_row", 2.0), SlotSet("hint_requests", 1.0),
                                                     BotUttered("Not quite.", timestamp=100.0)], slots=TUTOR.slots)
    return tracker


def test_a_bot_opts_in_with_its_slots() -> None:
    assert wanted(TUTOR) and not wanted(SUPPORT) and not wanted(None)


def test_the_tutor_sends_its_cues_from_the_tracker() -> None:
    channel, store = channel_over(TUTOR, a_tutor_tracker())
    cues = asyncio.run(channel.cues("s", now=130.0))
    assert cues == {"wrong_in_a_row": 2, "hint_requests": 1, "response_time_s": 30.0} and store.reads == 1
    assert cues == dialogue_cues(a_tutor_tracker(), 130.0)


def test_a_bot_without_the_slots_sends_none_and_its_tracker_is_not_read() -> None:
    channel, store = channel_over(SUPPORT, a_tutor_tracker())
    assert asyncio.run(channel.cues("s", now=130.0)) is None and store.reads == 0
