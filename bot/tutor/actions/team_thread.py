"""While a tutor handoff is open or claimed, the child's messages and the tutor's lines go to its live thread.

A person from the team who has claimed a child's handoff reads the conversation on the handoff's page: the
transcript up to the alert, then the live thread (connectors/handoff.py, the pattern the support bot follows in
bot/support/actions/crisis.py). Reading 11 (H5): a supervisor asked "Are you at home right now?" and never saw the
child's "no im at school"; only the support bot copied the person's words there. Now every action of the tutor is
wrapped in :func:`copied_to_the_team`: when the conversation has a handoff open or claimed (slot ``handoff_id``, set
by the alert: :func:`remember_handoff`; the service's status decides), the child's message (once: by the first
action that answers it; never a "/..." command) and the tutor's lines to it are appended to the thread, in that
order. On the turn that opens the handoff only the tutor's lines are added: the child's message is the transcript's
last.
"""
from __future__ import annotations

import functools
import inspect
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, Text, Tuple

from connectors import handoff
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from .silent_claim import thread_alerts
from .student_language import language
from .wellbeing import HANDOFF_SLOT

LIVE = ("open", "claimed")
"""The handoff states in which the thread is read by a person from the team, or soon will be."""
BEFORE_AN_ANSWER = frozenset({"action_listen", "action_extract_slots", "action_session_start"})
"""Actions Rasa runs between a message and the action that answers it."""

Events = List[Dict[Text, Any]]
Run = Callable[[Any, CollectingDispatcher, Tracker, Dict[Text, Any]], Any]


def remember_handoff(handoff_found: Optional[Dict[str, Any]]) -> Events:
    """The slot event that remembers the handoff an alert opened (or found), {"id": ...}; [] when none could be."""
    return [SlotSet(HANDOFF_SLOT, float(handoff_found["id"]))] if handoff_found and "id" in handoff_found else []


def handoff_after(tracker: Tracker, events: Sequence[Dict[Text, Any]]) -> Optional[float]:
    """The handoff id after ``events`` (the last ``HANDOFF_SLOT`` event among them), else the tracker's."""
    for event in reversed(list(events or [])):
        if event.get("event") == "slot" and event.get("name") == HANDOFF_SLOT:
            return event.get("value")
    return tracker.get_slot(HANDOFF_SLOT)


def first_answer(tracker: Tracker) -> bool:
    """Whether no action has answered the latest message yet (the one running now is the first)."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in BEFORE_AN_ANSWER:
            return False
    return True


def the_childs_words(tracker: Tracker) -> Optional[str]:
    """The latest message, when this action is the first to answer it and it is words, not a command ("/restart")."""
    text = (tracker.latest_message or {}).get("text") or ""
    return text if text.strip() and not text.startswith("/") and first_answer(tracker) else None


async def copy_turn(tracker: Tracker, said: Sequence[str], events: Sequence[Dict[Text, Any]]) -> None:
    """Append the child's message and the tutor's lines ``said`` to it to the live thread of the conversation's
    handoff: when one was open or claimed before this turn (the child's words and the lines, and the alert of a silent
    claim: silent_claim.thread_alerts), or was opened by it (the lines alone)."""
    before, after = tracker.get_slot(HANDOFF_SLOT), handoff_after(tracker, events)
    if before is None and after is None:
        return
    messages: List[Tuple[str, str]] = [("bot", line) for line in said if line]
    if before is not None:
        status = await handoff.handoff_status(tracker.sender_id)
        if not status or status.get("status") not in LIVE:
            return
        words = the_childs_words(tracker)
        # the honest line of a silent claim said this turn: the team is told again, after the turn (reading 14, T1)
        alerts = thread_alerts(tracker, said, language(tracker)) if status.get("status") == "claimed" else []
        messages = ([("person", words)] if words else []) + messages + alerts
    await handoff.add_to_thread(tracker.sender_id, messages)


def copied_to_the_team(run: Run) -> Callable[..., Awaitable[Events]]:
    """An action's ``run`` (sync or async) that also copies the turn to the handoff's thread (:func:`copy_turn`)."""

    @functools.wraps(run)
    async def copying(self: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> Events:
        already = len(dispatcher.messages)
        events = run(self, dispatcher, tracker, domain)
        events = (await events if inspect.isawaitable(events) else events) or []
        said = [message.get("text") or "" for message in dispatcher.messages[already:]]
        await copy_turn(tracker, said, events)
        return events

    return copying
