"""A command typed by the student ("/restart", "/session_start"; Rasa reads a message starting with "/" as an
intent): said what it is, and not run (ninth reading, M13: "/restart" silently wiped a child's disclosure and the
check-in after it; "/session_start" got no reply, and the channel's safety net answered instead). The support bot
answers typed commands the same way (bot/support/actions/crisis.py, replies.py).

A new session Rasa starts on its own (the first message, or one after ``session_expiration_time``) carries the
slots over (a pending check-in, the learner model) and says nothing; a stop for today (``wellbeing_check``
"stopped") ends with it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, FollowupAction, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from policies.commands import typed_command

from .curriculum import load_curriculum
from .learner import Learner
from .lines import say
from .student_language import language
from .team_thread import copied_to_the_team


def answer_command(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """That was a command, nothing was reset; then the pending check-in's question, or the current question."""
    lang = language(tracker)
    lines = [say("command", lang)]
    if tracker.get_slot("wellbeing_check") in ("crisis", "asked"):
        lines.append(say("ask_again", lang))
    elif tracker.get_slot("wellbeing_check") == "friend":  # a friend at risk told of (ninth reading, M16)
        lines.append(say("friend_ask", lang))
    else:
        learner = Learner.from_slot(tracker.get_slot("learner"))
        if learner.started:
            item = load_curriculum(lang=lang).item(learner.item)
            if item is not None:
                lines.append(say("still_your_question", lang, question=item.question))
    for line in lines:
        dispatcher.utter_message(text=line)


class ActionTutorRestart(Action):
    """A typed "/restart": answered, and nothing is wiped (a disclosure and its check-in stay)."""

    def name(self) -> Text:
        return "action_restart"

    @copied_to_the_team
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        answer_command(dispatcher, tracker)
        return [FollowupAction("action_listen")]  # no policy has a rule for what follows action_restart


class ActionTutorSessionStart(Action):
    """Rasa's session start with the slots carried over; typed by the student, answered as a command."""

    def name(self) -> Text:
        return "action_session_start"

    @copied_to_the_team
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        typed = typed_command(tracker.events)
        if typed:
            answer_command(dispatcher, tracker)
        slots = {key: value for key, value in tracker.current_slot_values().items() if value is not None}
        if not typed and slots.get("wellbeing_check") == "stopped":
            del slots["wellbeing_check"]  # a stop "for today" ends with the session (reading 11, M7: kept until then)
        return [SessionStarted(), *(SlotSet(key, value) for key, value in slots.items()), ActionExecuted("action_listen")]
