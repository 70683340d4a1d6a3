"""The tutor's answer to a student's question about the maths (the move ``answer_question``):
compare two fractions, a decimal and a fraction, or two decimals, check or work out a calculation, simplify a
fraction they name, define a word, say the question again, or explain a skill. The exercise's own
answer is never given away here: a question about it gets a hint. In the student's language (lines.py)."""
from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction
from typing import Optional

from .actions import StudentTurn, TutorMove
from .answers import parse_answer
from .curriculum import Item
from .lines import say
from .messages import (DecimalQuestion, asks_for_the_question, asks_why, calculation, claimed_equal, comparison,
                       decimal_compared, fractions_in, glossary_term,
                       same_value_options, side_equation, skill_asked_about, written_fractions)
from .pedagogy import explanation
from .working import compare, over_common_bottom, simplified, worked_out


def fraction_to_simplify(turn: StudentTurn) -> Optional[str]:
    """The one fraction a "how do i simplify 10/20?" question names, as written, or None (sixth
    reading, M8: the glossary's definition of "simplify" instead, 10/20 not worked)."""
    skill = skill_asked_about(turn.text, turn.curriculum)
    written = written_fractions(turn.text)
    if skill is None or skill.id != "simplify" or len(written) != 1 or calculation(turn.text) is not None:
        return None
    return written[0]


class ActionAnswerQuestion(TutorMove):
    """A question about the maths (see the module doc)."""

    move = "answer_question"

    def teach(self, lines, learner, item, turn):
        return answer(lines, learner, item, turn)

    def restate(self, item: Item, lang: str = "en") -> str:
        return say("back_to_your_exercise", lang, question=item.question)


def answer(lines, learner, item, turn):
    """Answer the question in ``turn`` about ``item`` (the exercise the student is on, or the first one before the
    lesson starts): append what is said to ``lines``; return (learner, item)."""
    claimed = claimed_equal(turn.text)
    pair = comparison(turn.text)
    checked = side_equation(turn.text, item.question)
    asked = calculation(turn.text)
    to_simplify = fraction_to_simplify(turn)
    term = glossary_term(turn.text, turn.curriculum)
    skill = skill_asked_about(turn.text, turn.curriculum)
    lang = turn.lang
    decimal = decimal_compared(turn.text)
    if asks_why(turn.text) and learner.wrong_in_a_row >= 1:  # "warum?" after a wrong answer (tenth reading, M6)
        lines.append(say("why_not_yet", lang, hint=item.hints[min(learner.hints, len(item.hints) - 1)]))
        return replace(learner, hints=learner.hints + 1), item
    if decimal is not None and "/" in decimal.other \
            and re.search(rf"(?<![\d/]){re.escape(decimal.other)}(?![\d/])", item.question.replace(" ", "")):
        lines.append(say("not_yours", lang, hint=item.hints[0]))
    elif decimal is not None and "/" not in decimal.other:  # "is 0.3 bigger than 0.25" (reading 12, M5)
        lines.extend(decimals_said(decimal, lang=lang))
    elif decimal is not None:  # "is 0.25 a quarter?" (tenth reading, M6), "is 0.5 bigger than 1/4?" (reading 10)
        lines.append(decimal_said(decimal, lang=lang))
    elif claimed is not None and re.search(rf"(?<![\d/]){re.escape(claimed[0])}(?![\d/])", item.question.replace(" ", "")):
        lines.append(say("not_yours", lang, hint=item.hints[0]))
    elif claimed is not None:  # "how do you know 6/8 is 3/4": the working (ninth reading, M7)
        lines.append(say("good_question", lang, answer=simplified(claimed[0], lang)[0]))
    elif pair is not None:
        lines.append(compare(*pair, lang=lang))
        lowest = [written for written in pair if Fraction(written).numerator == int(written.split("/")[0])]
        # "why 1/3 and not 2/6" about the exercise's answer; not said of two forms of another amount
        right = Fraction(pair[0]) == item.answer or same_value_options(turn.text) is None
        if item.lowest_terms and Fraction(pair[0]) == Fraction(pair[1]) and len(lowest) == 1 and right:
            other = pair[1] if lowest[0] == pair[0] else pair[0]
            lines.append(say("compare_same_lowest", lang, lowest=lowest[0], other=other))
    elif checked is not None:
        said, result = worked_out(*checked[:3])
        right = parse_answer(checked[3]) is not None and parse_answer(checked[3])[0] == result
        lines.append(say("checked_right" if right else "checked_wrong", lang, working=said))
    elif asked is not None and worked_out(*asked)[1] == item.answer and calculation(item.question) is not None:
        lines.append(say("not_yours", lang, hint=item.hints[0]))
    elif asked is not None:
        lines.append(say("good_question", lang, answer=worked_out(*asked)[0]))
    elif to_simplify is not None and to_simplify in item.question.replace(" ", ""):
        lines.append(say("not_yours", lang, hint=item.hints[0]))
    elif to_simplify is not None:
        lines.append(say("good_question", lang, answer=simplified(to_simplify, lang)[0]))
    elif asks_for_the_question(turn.text) and not fractions_in(turn.text):  # sixth reading, M8
        lines.append(say("here_it_is", lang))
    elif term is not None:
        lines.append(say("good_question", lang, answer=turn.curriculum.glossary()[term]))
    else:
        about = skill or turn.curriculum.skills[item.level]
        said, learner = explanation(learner, next(iter(about.steps[1])), turn.curriculum)
        lines.append(say("good_question_ask_again", lang, answer=said))
    return learner, item


def decimal_said(asked: DecimalQuestion, lang: str = "en") -> str:
    """"Yes: 0.25 = 25/100 = 1/4, so 0.25 and 1/4 are the same amount." (or smaller, or bigger), in ``lang``. Asked
    whether one is bigger, or which (reading 10): yes or no and why, both as fractions over the same bottom ("Yes: 0.5 =
    5/10 = 1/2; with the same bottom, 4: 1/2 = 2/4 and 1/4 = 1/4, so 0.5 is bigger than 1/4.")."""
    decimal, fraction, claim = asked
    whole, places = _parts_of(decimal)
    over = f"{int(whole + places)}/{10 ** len(places)}"
    value, other = Fraction(int(whole + places), 10 ** len(places)), Fraction(fraction)
    lowest = f"{value.numerator}/{value.denominator}"
    steps = list(dict.fromkeys([over, lowest] + ([fraction] if value == other else [])))
    working = " = ".join([decimal, *steps])
    if claim == "=":
        return say(_same_key(value, other), lang, working=working, decimal=decimal, fraction=fraction)
    if value != other:
        common, top, other_top = over_common_bottom(lowest, fraction)
        working = say("same_bottom", lang, working=working, common=common, a=lowest, b=fraction, ea=top, eb=other_top)
    verdict = _verdict(decimal, fraction, value, other, lang)
    return say(_compare_key(claim, value, other), lang, working=working, verdict=verdict)


def decimals_said(asked: DecimalQuestion, lang: str = "en") -> list[str]:
    """Two decimals weighed (reading 12, M5: "is 0.3 bigger than 0.25" got the pizza of simplifying), in ``lang``: the
    shorter written with as many digits after the point as the other, then yes or no and why ("Yes: 0.3 = 0.30, with as
    many digits after the point as 0.25, so 0.30 is bigger than 0.25."); when the longer one is not the bigger, the
    longer-is-bigger misconception named. Each decimal keeps the student's point or comma."""
    decimal, other, claim = asked
    places = max(len(_parts_of(decimal)[1]), len(_parts_of(other)[1]))
    a, b = (written + "0" * (places - len(_parts_of(written)[1])) for written in (decimal, other))
    value, other_value = _value_of(decimal), _value_of(other)
    shorter, padded, longer = (decimal, a, other) if a != decimal else (other, b, decimal)
    working = (say("same_places", lang, a=shorter, padded=padded, b=longer) if padded != shorter
               else say("same_places_already", lang, a=decimal, b=other))
    if claim == "=":
        said = [say(_same_key(value, other_value), lang, working=working, decimal=decimal, fraction=other)]
    else:
        verdict = _verdict(a, b, value, other_value, lang)
        said = [say(_compare_key(claim, value, other_value), lang, working=working, verdict=verdict)]
    if padded != shorter and _value_of(longer) <= _value_of(shorter):
        said.append(say("longer_not_bigger", lang))
    return said


def _parts_of(decimal: str) -> tuple[str, str]:
    """A decimal as written ("0,25") cut at its point or comma: ("0", "25")."""
    whole, places = re.split(r"[.,]", decimal)
    return whole, places


def _value_of(decimal: str) -> Fraction:
    """A decimal as written, "0.25" or "0,25", as a fraction (1/4)."""
    return Fraction(decimal.replace(",", "."))


def _same_key(value: Fraction, other: Fraction) -> str:
    """The line that answers "is it the same amount?": yes, or no and whether it is smaller or bigger."""
    return "decimal_same" if value == other else "decimal_smaller" if value < other else "decimal_bigger"


def _verdict(a: str, b: str, value: Fraction, other: Fraction, lang: str) -> str:
    """"so {a} and {b} are the same amount." or "so {the bigger} is bigger than {the smaller}.", for ``a`` worth
    ``value`` and ``b`` worth ``other``, in ``lang``."""
    if value == other:
        return say("compare_same", lang, a=a, b=b)
    big, small = (a, b) if value > other else (b, a)
    return say("compare_bigger", lang, big=big, small=small)


def _compare_key(claim: str, value: Fraction, other: Fraction) -> str:
    """The line that opens a comparison's answer: "Good question" to "which is bigger?", else "Yes" or "No" to what the
    question claims of ``value`` against ``other``."""
    actual = "=" if value == other else ">" if value > other else "<"
    return "decimal_compare_which" if claim == "?" else "decimal_compare_yes" if claim == actual else "decimal_compare_no"
