"""The conversation's lifecycle around a handoff: ``/restart`` and a new session keep it (crisis.py
holds the handoff itself)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, FollowupAction, Restarted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import bank
from actions.conversation import Say
from actions.crisis import ActionHandoffPresent, handoff_status
from actions.language import least_recent


class ActionRestart(Action):
    """``/restart``, except during a handoff, which only a human ends; said, not done in silence
    (seventh reading, L1: "/restart" got no reply at all)."""

    def name(self) -> Text:
        return "action_restart"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if tracker.get_slot("handoff_active"):
            # then listen: no policy has a rule for what follows action_restart
            return [*await ActionHandoffPresent().run(dispatcher, tracker, domain), FollowupAction("action_listen")]
        say = Say(dispatcher, tracker)
        say(least_recent(bank.answers(say.lang)["restarted"], say.recent))
        return [Restarted()]


class ActionSessionStart(Action):
    """Rasa's session start, carrying the slots over (a handoff or a running screen stays). A
    conversation Rasa does not remember (a restart with an in-memory tracker store, another
    replica's lost state) whose handoff the service holds open is back in the handoff."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events: List[EventType] = [SessionStarted()]
        slots = {key: value for key, value in tracker.current_slot_values().items() if value is not None}
        if not slots.get("handoff_active"):
            status = await handoff_status(tracker)
            if status and status.get("status") in ("open", "claimed"):
                slots.update(handoff_active=True, handoff_id=float(status["id"]))
        events += [SlotSet(key, value) for key, value in slots.items()]
        events.append(ActionExecuted("action_listen"))
        return events
