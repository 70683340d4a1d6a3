"""The tutor's pedagogy: which move to make after a student's turn, and where it leads.

Affect is read together with performance (D'Mello & Graesser's AutoTutor; Baker's affect
dynamics): boredom with mastery means "too easy" (challenge); frustration after failures means
"too hard" (step down, then fade back up); confusion gets a different explanation each time,
then a worked example; wrong answers climb a ladder (retry, hint, worked example, the answer
with its reasoning) so nobody gets the same "not quite" six times. The moves, first match wins:

    the answer asked for, no numbers ("what's the
      answer?")                                     -> hint, or show_answer after a hint
    question (whatever numbers it holds)            -> answer_question
    answer, correct                                 -> praise_next
    answer, two options / a decimal / a percentage
      of the answer / only denied ("not 1/2")       -> retry (asked what the student means)
    answer, wrong (or the right value not simplified):
      show_answer_after-th in a row                 -> show_answer
      frustrated                                    -> step_down*
      worked_example_after-th in a row              -> worked_example
      hint_after-th in a row                        -> hint
      otherwise                                     -> retry
    the answer asked for                            -> hint, or show_answer after a hint
    hint asked                                      -> hint; after one, worked_example (with the
                                                       item's next hint); after it, show_answer
    only punctuation                                -> "?": as confused; "...": keep_pace
    "make it easier" / "something harder"           -> step_down* / challenge
    "ok.", "oh", "ahh i see what i did wrong"       -> keep_pace
    "can we do fractions now" (seven languages)     -> keep_pace (the current item, as where we were)
    "why do we even need this", "pointless"         -> step_down*
    boredom said ("boooring", "baby stuff")         -> challenge after a streak or with mastery, else
                                                       reengage (outranks off-task and frustration)
    a question about other things ("whats ur
      favorite color")                              -> redirect
    frustrated (not when laughing or insulting
      the tutor)                                    -> step_down*
    confused                                        -> explain, or worked_example the 3rd time
    "too hard", "i give up" / "i don't get it",
      "idk" (whatever boredom was read)             -> step_down* / explain (as confused)
    skip                                            -> reengage, then keep_pace
    an insult, "i like this", "i'm back"            -> keep_pace (answered in its words)
    otherwise (engaged, neutral)                    -> keep_pace

    * from the work_through_after-th step down since the last correct answer, the current item is
      worked through instead: worked_example, then show_answer.

Pure Python: the policy (inside the Rasa server) chooses with :func:`choose_move`; the action
of that move (action server) applies :func:`observe` and :func:`next_item`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal, Mapping, Optional

import yaml

from .answers import Grade, graded_as_asked
from .curriculum import Curriculum, Item
from .learner import BKT, Learner
from .lines import say
from .messages import (asks_for_hint, asks_for_the_answer, asks_to_go_on, asks_why, fractions_in, is_answer, is_question,
                       says_lost, says_skip, says_too_hard, side_equation)
from .remarks import (acknowledges, asks_about_other_things, asks_easier, asks_harder, enjoys, insults_tutor, not_too_hard,
                      only_punctuation, pointless, says_back, says_bored, thanks)

SETTINGS_FILE = Path(__file__).resolve().parents[1] / "tutor.yml"

Move = Literal["start", "answer_question", "praise_next", "show_answer", "step_down", "worked_example", "hint",
               "retry", "explain", "challenge", "reengage", "redirect", "keep_pace"]
MOVES: tuple[str, ...] = Move.__args__  # type: ignore[attr-defined]
AFFECTS = ("frustration", "confusion", "boredom", "engagement")
# the moves after which the student is on a new item
CHANGES_ITEM = frozenset({"start", "praise_next", "show_answer", "step_down", "challenge", "reengage"})


@dataclass(frozen=True)
class Pedagogy:
    """bot/tutor/tutor.yml."""

    bkt: BKT = field(default_factory=BKT)
    affect: Mapping[str, float] = field(default_factory=lambda: dict.fromkeys(AFFECTS, 0.5))
    show_answer_after: int = 4
    worked_example_after: int = 3
    hint_after: int = 2
    confusion_worked_example: int = 3
    step_up_after: int = 2
    work_through_after: int = 3
    mastered: float = 0.95
    possible_risk: float = 0.6

    @classmethod
    def from_mapping(cls, data: Mapping) -> "Pedagogy":
        data = dict(data)
        bkt = BKT(**data.pop("bkt", {}))
        affect = {**dict.fromkeys(AFFECTS, 0.5), **data.pop("affect", {})}
        return cls(bkt=bkt, affect=affect, **data)


@lru_cache(maxsize=4)
def load_pedagogy(path: Path = SETTINGS_FILE) -> Pedagogy:
    with open(path, encoding="utf-8") as f:
        return Pedagogy.from_mapping(yaml.safe_load(f) or {})


@dataclass(frozen=True)
class Turn:
    """A student's turn as the tutor sees it.

    Attributes:
        text: the message.
        intent: Rasa NLU's intent ("off_task", "ask_hint", ...) or None.
        affect: the emotion service's tutoring states, {"confusion", "frustration", "boredom",
            "engagement": 0..1}; missing ones count as 0 (the service was unavailable).
    """

    text: str
    intent: Optional[str] = None
    affect: Mapping[str, float] = field(default_factory=dict)


def felt(turn: Turn, pedagogy: Pedagogy) -> Optional[str]:
    """The dominant tutoring state at or above its threshold, or None.

    Among the states over their thresholds the highest reading wins (ties: frustration,
    confusion, boredom, engagement), so "this is boring, too easy" read as boredom 0.8 and
    frustration 0.6 is boredom.
    """
    over = [(float(turn.affect.get(a) or 0.0), -i, a) for i, a in enumerate(AFFECTS)
            if float(turn.affect.get(a) or 0.0) >= pedagogy.affect[a]]
    return max(over)[2] if over else None


def observe(learner: Learner, item: Optional[Item], text: str, pedagogy: Pedagogy,
            intent: Optional[str] = None) -> tuple[Learner, Optional[Grade]]:
    """The learner after this turn's answer (if it is one, see ``messages.is_answer``) is graded; returns (learner, grade).
    A question is never graded, whatever numbers it holds. "two_answers" (options offered: "1/4 or 1/2"), "decimal"
    (0.666... for 2/3, 0.5 where lowest terms are asked: ``graded_as_asked``), "percent" (50% for 1/2) and "negated"
    ("not 1/2") count as neither right nor wrong; "not_lowest" (the right value, not simplified) is a try that was not
    right, without a change of mastery (a student who writes 2/4 back four times climbs the same
    ladder of hints as one who writes 3/4).
    """
    if item is None or not is_answer(text, intent) or side_equation(text, item.question):
        return learner, None
    result = graded_as_asked(item, text)
    if result in ("correct", "wrong"):
        learner = learner.answered(item.level, result == "correct", pedagogy.bkt)
    elif result == "not_lowest":
        learner = learner.missed()
    return learner, result


def choose_move(turn: Turn, learner: Learner, item: Optional[Item], pedagogy: Pedagogy) -> tuple[Move, dict]:
    """The move after ``turn`` given the learner before it; returns (move, why) for the logs."""
    if not learner.started or item is None:
        return "start", {}
    if asks_for_the_answer(turn.text) and not fractions_in(turn.text):  # "what's the answer?" is no maths question (M8)
        return hint_or_answer(learner), {}
    if asks_why(turn.text) and learner.wrong_in_a_row >= 1:  # "warum?" after a wrong answer: the reason (tenth, M6)
        return "answer_question", {}
    if is_question(turn.text) or side_equation(turn.text, item.question):  # "3/4 + 1/8 = 7/8 right?": checked
        return "answer_question", {}
    after, result = observe(learner, item, turn.text, pedagogy, turn.intent)
    state = felt(turn, pedagogy)
    why = {"grade": result, "wrong_in_a_row": after.wrong_in_a_row, "state": state,
           "mastery": round(after.known(item.level, pedagogy.bkt), 3)}
    if result == "correct":
        return "praise_next", why
    if result in ("two_answers", "decimal", "percent", "negated"):
        return "retry", why
    if result in ("wrong", "not_lowest"):
        wrong = after.wrong_in_a_row
        if wrong >= pedagogy.show_answer_after:
            return "show_answer", why
        if state == "frustration":
            return step_down_or_work_through(learner, pedagogy), why
        if wrong >= pedagogy.worked_example_after:
            return "worked_example", why
        if wrong >= pedagogy.hint_after:
            return "hint", why
        return "retry", why
    if asks_for_the_answer(turn.text):
        return hint_or_answer(learner), why
    if asks_for_hint(turn.text):  # the item's hints in turn, then its worked example once, then the answer (M12)
        return more_help(learner), why
    if only_punctuation(turn.text):  # "?" is confusion, "..." a pause: never boredom (sixth reading, H12)
        return (explain_or_example(learner, pedagogy) if "?" in turn.text else "keep_pace"), why
    if asks_easier(turn.text):  # asked for, whatever the service read (sixth reading, M9)
        return step_down_or_work_through(learner, pedagogy), why
    if asks_harder(turn.text):
        return "challenge", why
    if says_skip(turn.text):  # another item like it, then the tutor asks why; before a reading (reading 13, L5: the pizza)
        return ("keep_pace" if learner.skipped >= 1 else "reengage"), why
    if acknowledges(turn.text) or thanks(turn.text) or asks_to_go_on(turn.text):  # "ok.", "thanks" (ninth reading, L5),
        return "keep_pace", why  # "can we do fractions now" (reading 10: the boredom line): whatever was read in them
    if pointless(turn.text):  # "why do we even need this": frustration, whatever boredom was read
        return step_down_or_work_through(learner, pedagogy), why
    if says_bored(turn.text) and not says_too_hard(turn.text):  # boredom said outranks off-task and frustration readings
        return bored_move(learner, after, item, pedagogy), why
    if asks_about_other_things(turn.text):  # "whats ur favorite color", whatever confusion was read
        return "redirect", why
    if state == "frustration" and not_too_hard(turn.text):
        state = None  # anger at the tutor, a joke or "i'm calmer now" is no sign the item is too hard (M13)
    if state == "frustration":
        return step_down_or_work_through(learner, pedagogy), why
    if state == "confusion":
        return explain_or_example(learner, pedagogy), why
    if says_too_hard(turn.text):  # the words say it, whatever boredom or engagement the service read (H12)
        return step_down_or_work_through(learner, pedagogy), why
    if says_lost(turn.text):
        return explain_or_example(learner, pedagogy), why
    if insults_tutor(turn.text) or enjoys(turn.text) or says_back(turn.text):
        return "keep_pace", why  # answered in its words, with the question restated (M13, L2, L5)
    if turn.intent == "off_task":
        return "redirect", why
    if state == "boredom":
        return bored_move(learner, after, item, pedagogy), why
    return "keep_pace", why


def bored_move(learner: Learner, after: Learner, item: Item, pedagogy: Pedagogy) -> Move:
    """Boredom after a correct streak or with mastery is "too easy" (challenge); otherwise re-engage."""
    able = learner.correct_in_a_row >= pedagogy.step_up_after or after.known(item.level, pedagogy.bkt) >= pedagogy.mastered
    return "challenge" if able else "reengage"


def hint_or_answer(learner: Learner) -> Move:
    """The answer asked for: a hint first; asked again after one, the answer with its reasoning."""
    return "show_answer" if learner.hints >= 1 or learner.worked else "hint"


def more_help(learner: Learner) -> Move:
    """Help asked for: a hint; asked again, the worked example (which leads with the item's next
    hint: ``actions.ActionWorkedExample``); asked again after it, the answer with its reasoning
    (sixth reading, M12: "another hint", "help", "hint please" got the same worked example three
    times, and the second hint never)."""
    if learner.hints < 1:
        return "hint"
    return "show_answer" if learner.worked else "worked_example"


def explain_or_example(learner: Learner, pedagogy: Pedagogy) -> Move:
    """Confusion: another explanation, or the worked example from the ``confusion_worked_example``-th
    time on an item."""
    return "worked_example" if learner.confusion + 1 >= pedagogy.confusion_worked_example else "explain"


def step_down_or_work_through(learner: Learner, pedagogy: Pedagogy) -> Move:
    """Frustration, "too hard", "i give up": a step down; from the ``work_through_after``-th since the
    last correct answer the current item stays and is worked through: a worked example of one like
    it, then its answer with its reasoning, before moving on (sixth reading, H12: "idk", "no clue",
    "i give up" swapped the question again and again, and the answer after the fourth wrong answer
    was never reached)."""
    if learner.stepped_down + 1 < pedagogy.work_through_after:
        return "step_down"
    return "show_answer" if learner.worked else "worked_example"


def next_item(move: str, learner: Learner, item: Optional[Item], curriculum: Curriculum,
              pedagogy: Pedagogy, lang: str = "en") -> tuple[Optional[Item], str]:
    """Where ``move`` leads: (the new item, or None to stay; why, in the student's words and ``lang``).
    ``learner`` is the learner after :func:`observe`; ``curriculum`` in ``lang`` names the skills."""
    if item is None or move == "start":
        return curriculum.first(), ""

    def at(level: int, difficulty: int) -> Item:  # a fresh item there, never the current one
        return curriculum.pick(level, difficulty, set(learner.seen), avoid=item.id, done=learner.done)

    here = (item.level, item.difficulty)
    if move == "praise_next":
        harder = curriculum.harder(item)
        if learner.correct_in_a_row and learner.correct_in_a_row % pedagogy.step_up_after == 0 and harder:
            if harder[0] != item.level and learner.known(item.level, pedagogy.bkt) < pedagogy.mastered:
                return at(*here), say("another_to_practise", lang)  # more practice before a new skill
            if harder[0] != item.level:
                return at(*harder), say("next_skill", lang, skill=curriculum.skills[item.level].name,
                                        next_skill=curriculum.skills[harder[0]].name)
            return at(*harder), say("in_a_row_harder", lang, count=pedagogy.step_up_after)
        return at(*here), say("next_one", lang)
    if move == "show_answer":
        return at(*here), say("new_one_like_it", lang)
    if move == "step_down":
        easier = curriculum.easier(item)
        if easier is None:
            return at(*here), say("different_step_by_step", lang)
        return at(*easier), say("step_back", lang)
    if move == "challenge":
        harder = curriculum.harder(item)
        if harder is None:
            return at(*here), say("hardest_already", lang)
        what = say("a_harder_one", lang) if harder[0] == item.level else curriculum.skills[harder[0]].name
        return at(*harder), say("up_a_step", lang, what=what)
    if move == "reengage":
        return at(*here), say("quick_fire", lang)
    return None, ""


def explanation(learner: Learner, item: Item, curriculum: Curriculum) -> tuple[str, Learner]:
    """The next explanation of ``item``'s skill (a different one each time, cycling)."""
    texts = curriculum.skills[item.level].explanations
    return texts[learner.explained % len(texts)], replace(learner, explained=learner.explained + 1)
