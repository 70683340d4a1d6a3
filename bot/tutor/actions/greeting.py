"""The tutor's greeting and goodbye (the rules in data/rules.yml), in the student's language: the
domain's ``utter_greet`` and ``utter_goodbye``, or their translation (lines.py)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from . import wellbeing
from .help_lines import locale_of, with_help
from .lines import response, say
from .pedagogy import MOVES
from .student_language import language
from .team_thread import copied_to_the_team


class ResponseInTheirLanguage(Action):
    """Says the domain response ``response_name`` in the student's language."""

    action_name: str = ""
    response_name: str = ""

    def name(self) -> Text:
        return self.action_name

    @copied_to_the_team
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        self.say_response(dispatcher, tracker, domain)
        return []

    def say_response(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> None:
        dispatcher.utter_message(text=response(domain, self.response_name, language(tracker)))


class ActionGreet(ResponseInTheirLanguage):
    """Hello, and how the lesson goes ("say 'let's start' when you're ready")."""

    action_name, response_name = "action_greet", "utter_greet"


class ActionGoodbye(ResponseInTheirLanguage):
    """Goodbye, with praise for the day's work; after a disclosure, a worry or risk language, a caring goodbye with
    where to get help instead (ninth reading, M6: "bye" after "she did it last week with a belt" got "Great work
    today. See you next time!")."""

    action_name, response_name = "action_goodbye", "utter_goodbye"

    @copied_to_the_team
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if not told_of_something_heavy(tracker):
            self.say_response(dispatcher, tracker, domain)
            return []
        lang = language(tracker)
        dispatcher.utter_message(text=with_help(say("goodbye_caring", lang), locale_of(tracker), lang))
        return []


CARING_CHECKS = frozenset({"crisis", "asked", "claimed", "safety", "worry", "friend", "wish_asked"})
"""The check-ins pending (slot ``wellbeing_check``) after which a goodbye is a caring one."""


LESSON_MOVES = frozenset(f"action_{move}" for move in MOVES)
"""The lesson's moves: TutorAffectPolicy picks one only for a message with no :func:`wellbeing.concern`."""


def told_of_something_heavy(tracker: Tracker, window: int = 40) -> bool:
    """Whether, in this conversation, the student told of harm, self-harm, a loss, trouble at home, being left out or
    a worry (wellbeing.HEAVY, in their latest ``window`` messages), the tutor answered risk language, or a check-in is
    pending. Of the messages, only those no lesson move answered are read (code review, reading 10: all 40 were read
    again on every goodbye; the policy had read each of the others and found no concern)."""
    if tracker.get_slot("wellbeing_check") in CARING_CHECKS:
        return True
    if any(e.get("event") == "action" and e.get("name") in ("action_tutor_crisis", "action_safety_check")
           for e in tracker.events):
        return True
    return any(wellbeing.concern(text[:500]) in wellbeing.HEAVY for text in unread_by_the_lesson(tracker, window))


def unread_by_the_lesson(tracker: Tracker, window: int) -> List[str]:
    """The student's latest ``window`` messages (oldest first, the system's "/..." left out) that no lesson move
    (``LESSON_MOVES``) answered: the latest one, being answered now, included."""
    turns: List[List[Any]] = []  # [the message, the first action that answered it]
    for event in tracker.events:
        if event.get("event") == "user":
            turns.append([event.get("text") or "", None])
        elif event.get("event") == "action" and event.get("name") != "action_listen" and turns and turns[-1][1] is None:
            turns[-1][1] = event.get("name")
    return [text for text, answer in turns[-window:] if answer not in LESSON_MOVES and not text.startswith("/")]
