"""The conversation's lifecycle around a handoff: ``/restart`` and a new session keep it (crisis.py
holds the handoff itself). Typed by the person, "/restart" and "/session_start" are answered (Rasa reads a message
starting with "/" as an intent): in a handoff, that the conversation with the team stays open (tenth exploratory
reading, L2: "I'm here. Your words are being passed on right now."); "/session_start" outside one as a command
(e06: no message at all), as the tutor does (bot/tutor/actions/commands.py)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, FollowupAction, Restarted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import bank
from actions.conversation import Say
from actions.crisis import handoff_status, still_with_the_team
from actions.language import least_recent
from policies.commands import typed_command


class ActionRestart(Action):
    """``/restart``, except during a handoff, which only a human ends; said, not done in silence
    (seventh reading, L1: "/restart" got no reply at all)."""

    def name(self) -> Text:
        return "action_restart"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if tracker.get_slot("handoff_active"):
            await still_with_the_team(Say(dispatcher, tracker), tracker)
            return [FollowupAction("action_listen")]  # no policy has a rule for what follows action_restart
        say = Say(dispatcher, tracker)
        say(least_recent(bank.answers(say.lang)["restarted"], say.recent))
        return [Restarted()]


class ActionSessionStart(Action):
    """Rasa's session start, carrying the slots over (a handoff or a running screen stays). A
    conversation Rasa does not remember (a restart with an in-memory tracker store, another
    replica's lost state) whose handoff the service holds open is back in the handoff. Typed by the
    person, it is answered (see the module docstring)."""

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
        if typed_command(tracker.events):
            say = Say(dispatcher, tracker)
            if slots.get("handoff_active"):
                await still_with_the_team(say, tracker)
            else:
                say(least_recent(bank.answers(say.lang)["command"], say.recent))
        events += [SlotSet(key, value) for key, value in slots.items()]
        events.append(ActionExecuted("action_listen"))
        return events
