"""What the person's own words already answer among the C-SSRS screen's questions (fourteenth reading, S1, M9: "es wär
besser, ich tät einfach einschlafen und nimmer aufwachen" was asked whether she had wished to fall asleep and not wake
up).

A passive death wish ("I'd rather not wake up"), thoughts of killing oneself ("I keep thinking about killing myself")
or a preparatory act ("I've been saving up my pills"), said in the first person in one of the seven languages
(screener.yml ``own_words``: kind -> the question it answers, and patterns), is that question's yes: the question is
not asked, the words are thanked for (responses.yml ``answers.screen_told_<kind>``) and the screen goes on to the
next one. Not taken when denied in the words just before ("i don't wish i was dead"), in a question of the person's
own ("is it normal to want to sleep and not wake up?"), or in a past that is over ("i used to, not anymore").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Sequence, Tuple

from actions import screen_words, screener
from actions.question_form import is_question

Told = Dict[int, str]
"""Question number -> the kind of words that answered it ("not_wake_up", "wish_dead", "thoughts", "prepared")."""
IMPLIES = {2: (1,)}
"""Thoughts of killing oneself answer the wish to be dead too."""


@lru_cache(maxsize=1)
def _kinds() -> Tuple[Tuple[str, int, re.Pattern, bool], ...]:
    """(kind, question, pattern, denied_inside) for each kind of screener.yml ``own_words``, its ``{name}`` parts
    (``own_words_parts``) filled in."""
    parts = screener.config().get("own_words_parts") or {}

    def filled(pattern: str) -> str:
        return re.sub(r"\{([a-z_]+)\}", lambda m: parts[m.group(1)] if m.group(1) in parts else m.group(0), pattern)

    return tuple((kind, int(entry["question"]), re.compile("|".join(f"(?:{filled(p)})" for p in entry["patterns"])),
                  bool(entry.get("denied_inside"))) for kind, entry in screener.config()["own_words"].items())


def told_in(text: str) -> Told:
    """The questions ``text`` answers yes in the person's own words, with the kind of words; {} when none."""
    if not text or is_question(text):
        return {}
    folded = screener.fold(text.replace("’", "'"))
    told: Told = {}
    for kind, question, pattern, denied_inside in _kinds():
        if question not in told and any(_meant(folded, found, denied_inside) for found in pattern.finditer(folded)):
            told[question] = kind
    for question in [q for q in told if q in IMPLIES]:
        for implied in IMPLIES[question]:
            told.setdefault(implied, told[question])
    return told


def told_since(texts: Sequence[str]) -> Told:
    """The questions the person's messages ``texts`` (oldest first) answered in their own words, the newest kind first."""
    told: Told = {}
    for text in reversed(list(texts)):
        for question, kind in told_in(text).items():
            told.setdefault(question, kind)
    return told


def _meant(folded: str, found: re.Match, denied_inside: bool = False) -> bool:
    """Whether the words ``found`` in ``folded`` are told as the person's now: not denied just before, nor inside them
    when ``denied_inside`` ("ich denke nicht daran, mich umzubringen"; a wish's own "nicht mehr" in "ich möchte nicht
    mehr leben" is no denial), and no past that is over around them."""
    return not screen_words.denied_before(folded, found.start()) \
        and not (denied_inside and screener.denies(found.group(0))) \
        and not screen_words.over(f"{folded[:found.start()]} {folded[found.end():]}")


def skip_told(step: screener.Step, answers: List[Tuple[int, str]], told: Told) -> Tuple[screener.Step, List[int]]:
    """The step after ``step`` once each question it would ask that ``told`` answers is taken as a yes (appended to
    ``answers``, the (question, answer) pairs so far); and those questions, in order."""
    skipped: List[int] = []
    while step.outcome == "ask" and step.question in told and step.question not in skipped:
        answers.append((int(step.question), "yes"))
        skipped.append(int(step.question))
        step = screener.next_step(int(step.question), "yes", answers)
    return step, skipped


def first_step(told: Told) -> Tuple[screener.Step, List[Tuple[int, str]], List[int]]:
    """Where a screen starts when the message that starts it answers questions in its own words (``told``): the step,
    the answers taken and the questions they answer. A preparatory act (question 6) is high risk at once, as its yes is
    (screener.next_step); otherwise the first question, passed while ``told`` answers it."""
    answers: List[Tuple[int, str]] = []
    if any(question in told for question in (4, 5, 6)):
        highest = max(question for question in told if question in (4, 5, 6))
        answers = [(question, "yes") for question in sorted(told)]
        return screener.next_step(highest, "yes", answers), answers, sorted(told)
    step, skipped = skip_told(screener.Step("ask", 1), answers, told)
    return step, answers, skipped


def thanks_key(told: Told, skipped: Sequence[int]) -> str:
    """The ``answers`` key of the line that thanks for the words of the last question in ``skipped``."""
    return f"screen_told_{told[skipped[-1]]}"
