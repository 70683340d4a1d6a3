"""Dialogue cues from the conversation so far, sent with each turn to the emotion service.

The service's derived states (confusion, frustration, boredom) read them beside the words
(``DialogueCues`` in emotion/service/schemas.py). A bot opts in by having the slots
(:func:`wanted`):

- ``wrong_in_a_row`` (float slot): wrong answers in a row on the current exercise;
- ``hint_requests`` (float slot): hints given on the current exercise;
- the response time comes with them: seconds from the bot's last message to this turn.

A bot without the slots (the support bot) sends no cues, and the channel does not read its
tracker for them: reading a tracker deserialises every event of the conversation again (a third
of the channel's own time per turn in ``benchmarks/rasa.py``), before Rasa reads it once more.
"""
from __future__ import annotations

import math
from typing import Any, Dict, Optional

from rasa.shared.core.trackers import DialogueStateTracker

COUNT_SLOTS = ("wrong_in_a_row", "hint_requests")
MAX_RESPONSE_TIME_S = 86_400.0


def wanted(domain: Any) -> bool:
    """Whether a bot's domain opts in to dialogue cues (has one of ``COUNT_SLOTS``)."""
    names = {getattr(slot, "name", None) for slot in getattr(domain, "slots", None) or ()}
    return any(name in names for name in COUNT_SLOTS)


def dialogue_cues(tracker: Optional[DialogueStateTracker], now: float) -> Dict[str, Any]:
    """The cues of the next user turn, given the conversation before it and ``now`` (UNIX s).

    Returns a dict with any of ``wrong_in_a_row`` (int >= 0), ``hint_requests`` (int >= 0) and
    ``response_time_s`` (float seconds); {} for a new conversation.
    """
    if tracker is None:
        return {}
    cues: Dict[str, Any] = {}
    for name in COUNT_SLOTS:
        value = tracker.slots[name].value if name in tracker.slots else None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0:
            cues[name] = min(int(value), 1_000)
    last_bot = next((e for e in reversed(tracker.events) if e.type_name == "bot"), None)
    if last_bot is not None and now >= last_bot.timestamp:
        cues["response_time_s"] = round(min(now - last_bot.timestamp, MAX_RESPONSE_TIME_S), 3)
    return cues
