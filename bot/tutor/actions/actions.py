"""The fractions tutor's moves, one action each (the policy picks them: bot/tutor/tutor_policy.py).

Every move first applies the turn's answer to the learner model (``pedagogy.observe``), then
says what it does. Pedagogical honesty: when the item changes the tutor says what changes and
why and shows the new question; every reply ends by restating the current item; praise is for
effort and method, never speed.

Slots: ``learner`` (the learner model, see learner.py), ``tutor_move`` (the move just made),
and for the channel's dialogue cues ``wrong_in_a_row`` and ``hint_requests`` (on this item) and
``level`` (the current skill, 1..4).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from .answers import Grade, answer_options, fraction_text, parse_answer, without_reasoning
from .curriculum import Curriculum, Item, load_curriculum
from .learner import Learner
from .messages import asks_for_hint, says_skip
from .pedagogy import CHANGES_ITEM, explanation, load_pedagogy, next_item, observe
from .remarks import SELF_PUT_DOWN, enjoys, insults_tutor, says_back
from .wellbeing import WELCOME_BACK

PRAISE = ("Correct, {answer}. Good thinking.",
          "Spot on: {answer}. You used the method well.",
          "That's right: {answer}. Your careful working paid off.")
STEP_DOWN = ("That's frustrating, and it's okay: fractions can be tricky, and struggling is part of learning.",
             "It's okay to feel stuck. Let's go one step at a time.",
             "Let's slow down. Feeling like this is normal when something is new.")
"""Openings of a step down, in turn (the same block three times in a row read as a script); none promises
a smaller question, which the easiest step cannot give (sixth reading, H12)."""
CALM_DOWN = ("Sorry, I'm clearly not helping right now. Tell me what isn't working, or ask for a hint, and we'll try it "
             "another way.")
GLAD_YOU_ENJOY = "Love to hear that! Enjoying it is the best way to learn."
BREAK_OFFER = ("If you need a breather, say \"break\" and I'll keep your place. Or try this one, to finish on a win: "
               "you've got this.")
"""A second step down since the last correct answer (third exploratory reading, M21: no break was offered)."""
REASON_GIVEN = "And thank you for saying why: explaining your thinking is how maths sticks."
"""After a right answer given with its reasoning (sixth reading, H11: it was marked wrong)."""
PRAISE_AFTER_TRIES = ("Yes, {answer} is correct. You stuck with it, well done.",
                      "That's right: {answer}. Sticking with it paid off.")
"""For an item the student got wrong first: effort praised as effort (not on a first try)."""


@dataclass(frozen=True)
class StudentTurn:
    """What a move's ``teach`` reads: the student's words, their grade (``observe``; None when
    the turn was no answer) and the curriculum."""

    text: str
    grade: Optional[Grade]
    curriculum: Curriculum
    tries_before: int = 0  # wrong answers on this item before this turn


class TutorMove(Action):
    """One pedagogical move: ``teach`` says it and returns the learner after it."""

    move: str = ""

    def name(self) -> Text:
        return f"action_{self.move}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        curriculum, pedagogy = load_curriculum(), load_pedagogy()
        learner = Learner.from_slot(tracker.get_slot("learner"))
        item = curriculum.item(learner.item) if learner.started else None
        text = tracker.latest_message.get("text") or ""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        tries_before = learner.wrong_in_a_row
        learner, grade = observe(learner, item, text, pedagogy, intent)
        lines: List[str] = []
        learner, item = self.teach(lines, learner, item, StudentTurn(text, grade, curriculum, tries_before))
        new, why = next_item(self.move, learner, item, curriculum, pedagogy) \
            if self.move in CHANGES_ITEM else (None, "")
        if new is not None:
            learner = learner.on_item(new.id)
            lines.extend(line for line in (why, self.new_question(new)) if line)
            item = new
        elif item is not None:
            lines.append(self.restate(item))
        # the first message after a break, or "sorry im back" after a pause (sixth reading, L5)
        on_break = tracker.get_slot("wellbeing_check") == "break"
        back = on_break or self.move == "keep_pace" and says_back(text)
        for line in ([WELCOME_BACK] if back else []) + lines:
            dispatcher.utter_message(text=line)
        return [SlotSet("learner", learner.to_slot()), SlotSet("tutor_move", self.move),
                *([SlotSet("wellbeing_check", None)] if on_break else []),
                SlotSet("wrong_in_a_row", float(learner.wrong_in_a_row)), SlotSet("hint_requests", float(learner.hints)),
                SlotSet("level", float(item.level if item else 1))]

    def teach(self, lines: List[str], learner: Learner, item: Optional[Item],
              turn: "StudentTurn") -> tuple[Learner, Optional[Item]]:
        """Append what the move says before the (re)stated question; return the learner."""
        return learner, item

    def new_question(self, item: Item) -> str:
        return f"New question: {item.question}"

    def restate(self, item: Item) -> str:
        return f"Your question is still: {item.question}"


class ActionStart(TutorMove):
    move = "start"

    def teach(self, lines, learner, item, turn):
        first = turn.curriculum.first()
        skill = turn.curriculum.skills[first.level]
        lines.append(f"Let's practise {skill.name}. {skill.explanations[0]}")
        return replace(learner, explained=1), None

    def new_question(self, item: Item) -> str:
        return f"Here's your first one: {item.question}"


class ActionPraiseNext(TutorMove):
    move = "praise_next"

    def teach(self, lines, learner, item, turn):
        answer = fraction_text(item.answer)
        praise = PRAISE_AFTER_TRIES if turn.tries_before else PRAISE
        lines.append(praise[len(learner.seen) % len(praise)].format(answer=answer))
        if without_reasoning(turn.text) != turn.text:  # "1/2 because i divided both by 2" (sixth reading, H11)
            lines.append(REASON_GIVEN)
        return learner, item


def verdict(turn: StudentTurn, item: Item) -> str:
    """What the tutor says of an answer that is not (yet) right, by its grade."""
    if turn.grade == "not_lowest":
        written = (parse_answer(turn.text) or (None, ""))[1]
        if re.search(rf"(?<![\d/]){re.escape(written)}(?![\d/])", item.question):
            return "That's the fraction from the question itself: it still needs simplifying."
        return "That's the right value, but it can be simplified further."
    if turn.grade == "decimal":
        return "That's the right value as a decimal. Can you write it as a fraction?"
    if turn.grade == "percent":
        return "That's the right amount as a percentage. Can you write it as a fraction?"
    if turn.grade == "negated":
        denied = (parse_answer(turn.text) or (None, "that"))[1]
        return f"Do you mean the answer is {denied}, or that it isn't? Type just your answer, like 3/4."
    if turn.grade == "two_answers":
        *first, last = answer_options(turn.text)
        count = {2: "two", 3: "three"}.get(len(first) + 1, str(len(first) + 1))
        return f"You gave {count} answers, {', '.join(first)} and {last}. Which one do you pick?"
    return "Not quite."


class ActionRetry(TutorMove):
    move = "retry"

    def teach(self, lines, learner, item, turn):
        lines.append("Not quite yet. Have another go, you can do it." if turn.grade in (None, "wrong")
                     else verdict(turn, item))
        return learner, item

    def restate(self, item: Item) -> str:
        return item.question


class ActionHint(TutorMove):
    move = "hint"

    def teach(self, lines, learner, item, turn):
        hint = item.hints[min(learner.hints, len(item.hints) - 1)]
        lead = f"{verdict(turn, item)} " if turn.grade in ("wrong", "not_lowest") else ""
        lines.append(f"{lead}Here's a hint: {hint}")
        return replace(learner, hints=learner.hints + 1), item


class ActionWorkedExample(TutorMove):
    move = "worked_example"

    def teach(self, lines, learner, item, turn):
        lead = f"{verdict(turn, item)} " if turn.grade in ("wrong", "not_lowest") else ""
        if asks_for_hint(turn.text) and learner.hints < len(item.hints):  # the next hint first (sixth reading, M12)
            lines.append(f"Here's a more specific hint: {item.hints[learner.hints]}")
            learner = replace(learner, hints=learner.hints + 1)
        lines.append(f"{lead}Let's look at a worked example of one like it. {item.worked_example}")
        return replace(learner, worked=True, confusion=learner.confusion + 1), item

    def restate(self, item: Item) -> str:
        return f"Now try yours the same way: {item.question}"


class ActionShowAnswer(TutorMove):
    move = "show_answer"

    def teach(self, lines, learner, item, turn):
        lines.append(f"Let's work through this one together. {item.reasoning} "
                     f"So the answer is {fraction_text(item.answer)}.")
        return replace(learner, stepped_down=0), item  # worked through: the steps down count again (H12)


class ActionStepDown(TutorMove):
    move = "step_down"

    def teach(self, lines, learner, item, turn):
        if SELF_PUT_DOWN.search(turn.text.lower()):
            lines.append("You're not stupid: fractions trip lots of people up, and getting stuck is part of how they're learned.")
        lines.append(STEP_DOWN[len(learner.seen) % len(STEP_DOWN)])
        if learner.stepped_down:  # frustrated again since the last correct answer: a break is offered
            lines.append(BREAK_OFFER)
        if turn.curriculum.easier(item) is None and not learner.worked:  # not the one just shown again (H12)
            lines.append(f"Here's how one like it works. {item.worked_example}")
        return replace(learner, stepped_down=learner.stepped_down + 1), item


class ActionExplain(TutorMove):
    move = "explain"

    def teach(self, lines, learner, item, turn):
        said, learner = explanation(learner, item, turn.curriculum)
        lines.append(f"Let me put it another way. {said}")
        return replace(learner, confusion=learner.confusion + 1), item


class ActionChallenge(TutorMove):
    move = "challenge"


class ActionReengage(TutorMove):
    move = "reengage"

    def teach(self, lines, learner, item, turn):
        if says_skip(turn.text):
            lines.append("Okay, let's try a different one.")
            return replace(learner, skipped=learner.skipped + 1), item
        lines.append("Fair enough, let's make it more interesting.")
        return learner, item


class ActionRedirect(TutorMove):
    move = "redirect"

    def teach(self, lines, learner, item, turn):
        lines.append("Ha, I hear you! Let's park that and get back to fractions for now.")
        return learner, item


class ActionKeepPace(TutorMove):
    move = "keep_pace"

    def teach(self, lines, learner, item, turn):
        if says_skip(turn.text):  # skipped again: this item stays, and the level comes from how it goes
            lines.append("You've skipped a few now. Too easy or too hard? Have a go at this one and I'll pick the next level.")
            return replace(learner, skipped=learner.skipped + 1), item
        if insults_tutor(turn.text):  # sixth reading, M13: "you're a stupid bot" got a step down
            lines.append(CALM_DOWN)
        elif enjoys(turn.text):  # sixth reading, L2: "cool, i like this" got "Take your time"
            lines.append(GLAD_YOU_ENJOY)
        elif not says_back(turn.text):  # welcomed back by run (sixth reading, L5)
            lines.append("Take your time. When you're ready, type your answer as a fraction, like 3/4.")
        return learner, item
