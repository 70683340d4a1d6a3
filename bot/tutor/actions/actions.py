"""The fractions tutor's moves, one action each (the policy picks them: bot/tutor/tutor_policy.py).

Every move first applies the turn's answer to the learner model (``pedagogy.observe``), then
says what it does. Pedagogical honesty: when the item changes the tutor says what changes and
why and shows the new question; every reply ends by restating the current item; praise is for
effort and method, never speed.

Slots: ``learner`` (the learner model, see learner.py), ``tutor_move`` (the move just made),
and for the channel's dialogue cues ``wrong_in_a_row`` and ``hint_requests`` (on this item) and
``level`` (the current skill, 1..4). Every line is said in the student's language
(student_language.py; the lines: lines.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from policies.commands import COMMAND

from .answers import Grade, answer_digits, answer_options, fraction_text, parse_answer, without_reasoning
from .commands import answer_command
from .curriculum import Curriculum, Item, load_curriculum
from .learner import Learner
from .lines import say, word
from .messages import (asks_for_hint, asks_to_go_on, calculation, decimal_compared, fractions_in, is_answer, is_question,
                       says_skip, says_start)
from .pedagogy import CHANGES_ITEM, explanation, load_pedagogy, next_item, observe
from .remarks import SELF_PUT_DOWN, dislikes_maths, enjoys, insults_tutor, says_back, thanks
from .student_language import language
from .team_thread import copied_to_the_team


@dataclass(frozen=True)
class StudentTurn:
    """What a move's ``teach`` reads: the student's words, their grade (``observe``; None when
    the turn was no answer), the curriculum (in ``lang``) and the student's language."""

    text: str
    grade: Optional[Grade]
    curriculum: Curriculum
    tries_before: int = 0  # wrong answers on this item before this turn
    lang: str = "en"


class TutorMove(Action):
    """One pedagogical move: ``teach`` says it and returns the learner after it."""

    move: str = ""

    def name(self) -> Text:
        return f"action_{self.move}"

    @copied_to_the_team
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        lang = language(tracker)
        curriculum, pedagogy = load_curriculum(lang=lang), load_pedagogy()
        learner = Learner.from_slot(tracker.get_slot("learner"))
        item = curriculum.item(learner.item) if learner.started else None
        text = tracker.latest_message.get("text") or ""
        if COMMAND.match(text):  # "session_start" typed (the channel reads it as plain words): a command, not an answer
            answer_command(dispatcher, tracker)
            return [SlotSet("tutor_move", self.move)]
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        tries_before = learner.wrong_in_a_row
        learner, grade = observe(learner, item, text, pedagogy, intent)
        # "ich hasse mathe" got a worked example and not a word about the feeling (reading 12, M6)
        lines: List[str] = [say("dislikes_maths", lang)] if dislikes_maths(text) else []
        learner, item = self.teach(lines, learner, item, StudentTurn(text, grade, curriculum, tries_before, lang))
        new, why = next_item(self.move, learner, item, curriculum, pedagogy, lang) \
            if self.move in CHANGES_ITEM else (None, "")
        if new is not None:
            learner = learner.on_item(new.id)
            lines.extend(line for line in (why, self.new_question(new, lang)) if line)
            item = new
        elif item is not None and (asks_to_go_on(text) or says_start(text)):  # "can we do fractions now" (reading 10),
            # "let's start" after a stop (reading 11, M7): where we were
            lines.append(say("where_we_were", lang, question=item.question))
        elif item is not None:
            lines.append(self.restate(item, lang))
        # the first message after a break, or "sorry im back" after a pause (sixth reading, L5)
        on_break = tracker.get_slot("wellbeing_check") == "break"
        # the safety line's "are you safe?" answered with the lesson (eighth reading, H7): asked no more
        # and a worry the student told of, once they go back to the lesson (ninth reading, M6)
        # and a stop, once the student asks to go on or answers (reading 11, M7)
        cleared = on_break or tracker.get_slot("wellbeing_check") in ("safety", "worry", "stopped")
        back = on_break or self.move == "keep_pace" and says_back(text)
        for line in ([say("welcome_back", lang)] if back else []) + lines:
            dispatcher.utter_message(text=line)
        return [SlotSet("learner", learner.to_slot()), SlotSet("tutor_move", self.move),
                *([SlotSet("wellbeing_check", None)] if cleared else []),
                SlotSet("wrong_in_a_row", float(learner.wrong_in_a_row)), SlotSet("hint_requests", float(learner.hints)),
                SlotSet("level", float(item.level if item else 1))]

    def teach(self, lines: List[str], learner: Learner, item: Optional[Item],
              turn: "StudentTurn") -> tuple[Learner, Optional[Item]]:
        """Append what the move says before the (re)stated question; return the learner."""
        return learner, item

    def new_question(self, item: Item, lang: str = "en") -> str:
        return say("new_question", lang, question=item.question)

    def restate(self, item: Item, lang: str = "en") -> str:
        return say("still_your_question", lang, question=item.question)


class ActionStart(TutorMove):
    move = "start"

    def teach(self, lines, learner, item, turn):
        first = turn.curriculum.first()
        skill = turn.curriculum.skills[first.level]
        if is_question(turn.text) and (fractions_in(answer_digits(turn.text)) or decimal_compared(turn.text)
                                       or calculation(turn.text) is not None):  # "what is 7 times 8" (reading 13, L5)
            # "why is 3/4 bigger than 2/3" before the lesson: answered first (ninth reading, M7)
            from .questions import answer  # questions.py builds on this module

            learner, _ = answer(lines, learner, first, turn)
        elif is_answer(turn.text) and not says_start(turn.text):
            # "drei" before any exercise started the lesson as if it were the word to start (reading 12, M6): said
            written = (parse_answer(answer_digits(turn.text)) or (None, turn.text))[1]
            lines.append(say("no_exercise_yet", turn.lang, answer=written))
        lines.append(say("start", turn.lang, skill=skill.name, explanation=skill.explanations[0]))
        return replace(learner, explained=1), None

    def new_question(self, item: Item, lang: str = "en") -> str:
        return say("first_question", lang, question=item.question)


class ActionPraiseNext(TutorMove):
    move = "praise_next"

    def teach(self, lines, learner, item, turn):
        praise = "praise_after_tries" if turn.tries_before else "praise"
        lines.append(say(praise, turn.lang, len(learner.seen), answer=fraction_text(item.answer)))
        if without_reasoning(turn.text) != turn.text:  # "1/2 because i divided both by 2" (sixth reading, H11)
            lines.append(say("reason_given", turn.lang))
        return learner, item


def verdict(turn: StudentTurn, item: Item) -> str:
    """What the tutor says of an answer that is not (yet) right, by its grade."""
    lang = turn.lang
    if turn.grade == "not_lowest":
        written = (parse_answer(turn.text) or (None, ""))[1]
        if re.search(rf"(?<![\d/]){re.escape(written)}(?![\d/])", item.question):
            return say("verdict_from_question", lang)
        return say("verdict_not_lowest", lang)
    if turn.grade in ("decimal", "percent"):
        return say(f"verdict_{turn.grade}", lang)
    if turn.grade == "negated":
        denied = (parse_answer(turn.text) or (None, say("unread_answer", lang)))[1]
        return say("verdict_negated", lang, denied=denied)
    if turn.grade == "two_answers":
        *first, last = answer_options(turn.text)
        count = word("counts", len(first) + 1, lang, str(len(first) + 1))
        return say("verdict_two_answers", lang, count=count, first=", ".join(first), last=last)
    return say("not_quite", lang)


class ActionRetry(TutorMove):
    move = "retry"

    def teach(self, lines, learner, item, turn):
        lines.append(say("retry", turn.lang) if turn.grade in (None, "wrong") else verdict(turn, item))
        return learner, item

    def restate(self, item: Item, lang: str = "en") -> str:
        return item.question


class ActionHint(TutorMove):
    move = "hint"

    def teach(self, lines, learner, item, turn):
        hint = item.hints[min(learner.hints, len(item.hints) - 1)]
        lead = f"{verdict(turn, item)} " if turn.grade in ("wrong", "not_lowest") else ""
        lines.append(lead + say("hint", turn.lang, hint=hint))
        return replace(learner, hints=learner.hints + 1), item


class ActionWorkedExample(TutorMove):
    move = "worked_example"

    def teach(self, lines, learner, item, turn):
        lead = f"{verdict(turn, item)} " if turn.grade in ("wrong", "not_lowest") else ""
        if asks_for_hint(turn.text) and learner.hints < len(item.hints):  # the next hint first (sixth reading, M12)
            lines.append(say("more_specific_hint", turn.lang, hint=item.hints[learner.hints]))
            learner = replace(learner, hints=learner.hints + 1)
        lines.append(lead + say("worked_example", turn.lang, example=item.worked_example))
        return replace(learner, worked=True, confusion=learner.confusion + 1), item

    def restate(self, item: Item, lang: str = "en") -> str:
        return say("try_yours", lang, question=item.question)


class ActionShowAnswer(TutorMove):
    move = "show_answer"

    def teach(self, lines, learner, item, turn):
        lines.append(say("show_answer", turn.lang, reasoning=item.reasoning, answer=fraction_text(item.answer)))
        return replace(learner.finished(), stepped_down=0), item  # worked through: the steps down count again (H12)


class ActionStepDown(TutorMove):
    move = "step_down"

    def teach(self, lines, learner, item, turn):
        if SELF_PUT_DOWN.search(turn.text.lower()):
            lines.append(say("not_stupid_step_down", turn.lang))
        lines.append(say("step_down", turn.lang, len(learner.seen)))
        if learner.stepped_down:  # frustrated again since the last correct answer: a break is offered
            lines.append(say("break_offer", turn.lang))
        if turn.curriculum.easier(item) is None and not learner.worked:  # not the one just shown again (H12)
            lines.append(say("one_like_it", turn.lang, example=item.worked_example))
        return replace(learner, stepped_down=learner.stepped_down + 1), item


class ActionExplain(TutorMove):
    move = "explain"

    def teach(self, lines, learner, item, turn):
        said, learner = explanation(learner, item, turn.curriculum)
        lines.append(say("explain", turn.lang, explanation=said))
        return replace(learner, confusion=learner.confusion + 1), item


class ActionChallenge(TutorMove):
    move = "challenge"


class ActionReengage(TutorMove):
    move = "reengage"

    def teach(self, lines, learner, item, turn):
        if says_skip(turn.text):
            lines.append(say("different_one", turn.lang))
            return replace(learner, skipped=learner.skipped + 1), item
        lines.append(say("more_interesting", turn.lang))
        return learner, item


class ActionRedirect(TutorMove):
    move = "redirect"

    def teach(self, lines, learner, item, turn):
        lines.append(say("redirect", turn.lang))
        return learner, item


class ActionKeepPace(TutorMove):
    move = "keep_pace"

    def teach(self, lines, learner, item, turn):
        if says_skip(turn.text):  # skipped again: this item stays, and the level comes from how it goes
            lines.append(say("skipped_a_few", turn.lang))
            return replace(learner, skipped=learner.skipped + 1), item
        if insults_tutor(turn.text):  # sixth reading, M13: "you're a stupid bot" got a step down
            lines.append(say("calm_down", turn.lang))
        elif enjoys(turn.text):  # sixth reading, L2: "cool, i like this" got "Take your time"
            lines.append(say("glad_you_enjoy", turn.lang))
        elif thanks(turn.text):  # ninth reading, L5: "thanks" got "Take your time"
            lines.append(say("you_are_welcome", turn.lang))
        elif not (says_back(turn.text) or asks_to_go_on(turn.text) or says_start(turn.text)):  # welcomed back, or told
            # where we were, by run
            lines.append(say("take_your_time", turn.lang))
        return learner, item
