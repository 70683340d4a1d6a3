"""The tutor's greeting and goodbye (the rules in data/rules.yml), in the student's language: the
domain's ``utter_greet`` and ``utter_goodbye``, or their translation (lines.py)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from .lines import response
from .student_language import language


class ResponseInTheirLanguage(Action):
    """Says the domain response ``response_name`` in the student's language."""

    action_name: str = ""
    response_name: str = ""

    def name(self) -> Text:
        return self.action_name

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=response(domain, self.response_name, language(tracker)))
        return []


class ActionGreet(ResponseInTheirLanguage):
    """Hello, and how the lesson goes ("say 'let's start' when you're ready")."""

    action_name, response_name = "action_greet", "utter_greet"


class ActionGoodbye(ResponseInTheirLanguage):
    """Goodbye, with praise for the day's work."""

    action_name, response_name = "action_goodbye", "utter_goodbye"
