"""The tenth exploratory reading of the demo, tutor finding M6: a child's question taken for a wrong answer or for
boredom. "is 0.25 a quarter?" was graded "Not quite yet"; "warum?" after a wrong answer got a quick-fire step up;
"ist 0,5 das gleiche wie 1/2?" got the pizza of 4/8 with 0,5 never named. Seven languages. Each test failed before
its fix."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.tutor.actions.curriculum import load_curriculum
from bot.tutor.actions.learner import Learner
from bot.tutor.actions.lines import say
from tests.rasa.test_tutor_eighth_reading import decide
from tests.rasa.test_tutor_ninth_reading import run

CURRICULUM = load_curriculum()
FIRST = CURRICULUM.first()  # Simplify 2/4. -> 1/2
THIRDS = CURRICULUM.item("simplify-1b")  # Simplify 3/9. -> 1/3


def on(item, **fields) -> Learner:
    return replace(Learner().on_item(item.id), **fields)


def decide_bored(text: str, learner: Learner):
    """TutorAffectPolicy's decision for ``text`` read as boredom (c03: "warum?" got a quick-fire step up)."""
    from types import SimpleNamespace

    from bot.tutor.tutor_policy import TutorAffectPolicy
    from policies.context import EmotionContext

    tracker = SimpleNamespace(get_slot={"learner": learner.to_slot()}.get)
    emotion = EmotionContext(True, None, None, {"crisis": {"risk": 0.0}, "tutoring": {"boredom": 0.9}}, "lesson", text)
    return TutorAffectPolicy.decide(object.__new__(TutorAffectPolicy), emotion, tracker)


# --- a decimal weighed against a fraction ---

@pytest.mark.parametrize("text, lang, working, fraction", [
    ("is 0.25 a quarter?", "en", "0.25 = 25/100 = 1/4", "1/4"),
    ("ist 0,5 das gleiche wie 1/2?", "de", "0,5 = 5/10 = 1/2", "1/2"),
    ("ist 0,25 ein Viertel?", "de", "0,25 = 25/100 = 1/4", "1/4"),
    ("0,5 c'est la moitié ?", "fr", "0,5 = 5/10 = 1/2", "1/2"),
    ("¿0,75 es lo mismo que 3/4?", "es", "0,75 = 75/100 = 3/4", "3/4"),
    ("0,25 è un quarto?", "it", "0,25 = 25/100 = 1/4", "1/4"),
    ("is 0,5 hetzelfde als een half?", "nl", "0,5 = 5/10 = 1/2", "1/2"),
    ("0,5 é o mesmo que metade?", "pt", "0,5 = 5/10 = 1/2", "1/2"),
])
def test_a_decimal_and_a_fraction_are_compared_not_graded(text: str, lang: str, working: str, fraction: str) -> None:
    from bot.tutor.actions.questions import ActionAnswerQuestion

    learner = on(THIRDS)
    assert decide(text, learner=learner).action == "action_answer_question"
    lines, _ = run(ActionAnswerQuestion(), text, {"learner": learner.to_slot()}, lang=lang)
    decimal = working.split(" = ")[0]
    assert lines[0] == say("decimal_same", lang, working=working, decimal=decimal, fraction=fraction), lines
    assert "pizza" not in " ".join(lines).lower() and "4/8" not in lines[0]


@pytest.mark.parametrize("text, key", [("is 0.3 a third?", "decimal_smaller"), ("is 0.6 a half?", "decimal_bigger")])
def test_a_decimal_that_is_not_the_fraction_is_said_so(text: str, key: str) -> None:
    from bot.tutor.actions.questions import ActionAnswerQuestion

    lines, _ = run(ActionAnswerQuestion(), text, {"learner": on(THIRDS).to_slot()})
    decimal, fraction = ("0.3", "1/3") if "third" in text else ("0.6", "1/2")
    working = "0.3 = 3/10" if decimal == "0.3" else "0.6 = 6/10 = 3/5"
    assert lines[0] == say(key, "en", working=working, decimal=decimal, fraction=fraction), lines


def test_a_decimal_answer_and_a_calculation_are_not_a_comparison() -> None:
    from bot.tutor.actions.messages import decimal_compared

    assert decimal_compared("0.5") is None and decimal_compared("0.5 + 1/4?") is None
    assert decimal_compared("0.5 of 1/2?") is None and decimal_compared("1/2") is None
    assert decide("0.5", learner=on(FIRST)).action != "action_answer_question"  # a decimal answer is still graded


def test_a_decimal_of_the_exercise_fraction_gives_nothing_away() -> None:
    from bot.tutor.actions.questions import ActionAnswerQuestion

    lines, _ = run(ActionAnswerQuestion(), "is 0.5 the same as 2/4?", {"learner": on(FIRST).to_slot()})
    assert lines[0] == say("not_yours", "en", hint=FIRST.hints[0]), lines


# --- "why?" after a wrong answer ---

@pytest.mark.parametrize("text, lang", [
    ("why?", "en"), ("warum?", "de"), ("pourquoi ?", "fr"), ("¿por qué?", "es"), ("perché?", "it"),
    ("waarom?", "nl"), ("porquê?", "pt"), ("but why is it wrong?", "en"), ("warum ist das falsch?", "de"),
])
def test_why_after_a_wrong_answer_gets_the_reason(text: str, lang: str) -> None:
    from bot.tutor.actions.questions import ActionAnswerQuestion

    learner = on(THIRDS, wrong_in_a_row=1)
    boredom = decide_bored(text, learner)
    assert boredom.action == "action_answer_question", boredom
    lines, events = run(ActionAnswerQuestion(), text, {"learner": learner.to_slot()}, lang=lang)
    hint = load_curriculum(lang=lang).item(THIRDS.id).hints[0]
    assert lines[0] == say("why_not_yet", lang, hint=hint), lines
    assert lines[-1] == say("back_to_your_exercise", lang, question=load_curriculum(lang=lang).item(THIRDS.id).question)
    after = next(e["value"] for e in events if e.get("name") == "learner")
    assert after["hints"] == 1 and after["item"] == THIRDS.id  # the next "why?" gets the next hint; the item stays


def test_why_alone_is_only_a_bare_why() -> None:
    from bot.tutor.actions.messages import asks_why

    assert not asks_why("why 3/4?") and not asks_why("why do we even need this") and asks_why("waarom niet?")
