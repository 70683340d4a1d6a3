"""Actions of the fractions tutor.

Slots: ``level`` (1..4), ``item`` (exercise index), ``wrong_in_a_row``, ``hint_requests``,
``correct_in_a_row``. The pedagogical moves chosen by the tutor's emotion policy
(``bot/tutor/tutor_policy.py``):

- confusion   -> ``action_reexplain``: a simpler worked example, then the same question;
- frustration -> ``action_encourage``: encouragement, a hint and an easier exercise;
- boredom     -> ``action_challenge``: a harder exercise (or a change of activity at the top level);
- engagement  -> the normal flow: ``action_check_answer`` and ``action_next_exercise`` keep the pace.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.curriculum import LEVELS, MAX_LEVEL, MIN_LEVEL, check, clamp, exercise

PRAISE = "Correct, well done!"


def _state(tracker: Tracker) -> tuple[int, int]:
    return clamp(tracker.get_slot("level") or MIN_LEVEL), int(tracker.get_slot("item") or 0)


def _ask(dispatcher: CollectingDispatcher, level: int, item: int) -> List[Dict[Text, Any]]:
    dispatcher.utter_message(text=exercise(level, item).question)
    return [SlotSet("level", float(level)), SlotSet("item", float(item)), SlotSet("wrong_in_a_row", 0.0)]


class ActionStartLesson(Action):
    def name(self) -> Text:
        return "action_start_lesson"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        level, item = _state(tracker)
        dispatcher.utter_message(text=f"Let's practise {LEVELS[level].name}. {LEVELS[level].explanation}")
        return _ask(dispatcher, level, item)


class ActionNextExercise(Action):
    def name(self) -> Text:
        return "action_next_exercise"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        level, item = _state(tracker)
        return _ask(dispatcher, level, item + 1)


class ActionCheckAnswer(Action):
    """Checks the answer to the current exercise; two correct in a row move up a level."""

    def name(self) -> Text:
        return "action_check_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        level, item = _state(tracker)
        current = exercise(level, item)
        correct, feedback = check(current, tracker.latest_message.get("text") or "")
        if correct:
            streak = int(tracker.get_slot("correct_in_a_row") or 0) + 1
            events: List[Dict[Text, Any]] = [SlotSet("correct_in_a_row", float(streak))]
            if streak >= 2 and level < MAX_LEVEL:
                dispatcher.utter_message(text=f"{PRAISE} You're ready for the next step: {LEVELS[level + 1].name}. "
                                              f"{LEVELS[level + 1].explanation}")
                return events + [SlotSet("correct_in_a_row", 0.0)] + _ask(dispatcher, level + 1, 0)
            dispatcher.utter_message(text=PRAISE)
            return events + _ask(dispatcher, level, item + 1)
        wrong = int(tracker.get_slot("wrong_in_a_row") or 0) + 1
        message = {"no_number": "Please answer with a fraction, like 3/4.",
                   "not_lowest": "That's the right value, but can you simplify it further?",
                   "wrong": "Not quite. Have another go."}[feedback]
        if feedback == "wrong" and wrong >= 2:
            message += f" Hint: {current.hint}"
        dispatcher.utter_message(text=message)
        return [SlotSet("wrong_in_a_row", float(wrong if feedback == "wrong" else wrong - 1)),
                SlotSet("correct_in_a_row", 0.0)]


class ActionGiveHint(Action):
    def name(self) -> Text:
        return "action_give_hint"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        level, item = _state(tracker)
        dispatcher.utter_message(text=f"Hint: {exercise(level, item).hint}")
        return [SlotSet("hint_requests", float((tracker.get_slot("hint_requests") or 0) + 1))]


class ActionReexplain(Action):
    """Confusion: explain again with a simpler worked example, then ask the same question."""

    def name(self) -> Text:
        return "action_reexplain"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        level, item = _state(tracker)
        dispatcher.utter_message(text=f"Let me explain it another way. {LEVELS[level].worked_example}")
        dispatcher.utter_message(text=f"Now try this one again: {exercise(level, item).question}")
        return []


class ActionEncourage(Action):
    """Frustration: encourage, give a hint, and switch to an easier exercise."""

    def name(self) -> Text:
        return "action_encourage"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        level, item = _state(tracker)
        easier = max(MIN_LEVEL, level - 1)
        next_item = item + 1 if easier == level else 0
        dispatcher.utter_message(text="This is tricky, and it's completely fine to find it hard. "
                                      "You're doing better than you think. Let's try an easier one together.")
        dispatcher.utter_message(text=f"Hint: {exercise(easier, next_item).hint}")
        return [SlotSet("correct_in_a_row", 0.0)] + _ask(dispatcher, easier, next_item)


class ActionChallenge(Action):
    """Boredom: a harder exercise, or a change of activity at the top level."""

    def name(self) -> Text:
        return "action_challenge"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        level, item = _state(tracker)
        if level < MAX_LEVEL:
            dispatcher.utter_message(text=f"Seems this is too easy for you. Let's step it up: "
                                          f"{LEVELS[level + 1].name}. {LEVELS[level + 1].explanation}")
            return _ask(dispatcher, level + 1, 0)
        dispatcher.utter_message(text="Let's switch activity: a puzzle! Which is bigger, 5/8 or 3/5? "
                                      "Answer with the bigger fraction.")
        return [SlotSet("level", float(MAX_LEVEL)), SlotSet("item", float(item))]
