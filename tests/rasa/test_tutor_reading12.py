"""The twelfth exploratory reading of the demo, tutor findings: "i hate maths and i hate myself" after a stop answered
"Rest well" (M4); "is 0.3 bigger than 0.25" given the pizza of simplifying (M5); "los" not heard as the start word while
"drei" before any exercise started the lesson, "estoy cansadísimo" not heard as tired, and "ich hasse mathe" given a worked
example without a word about the feeling (M6). Each test failed before its fix."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from bot.tutor.actions import wellbeing
from bot.tutor.actions.curriculum import load_curriculum
from bot.tutor.actions.learner import Learner
from bot.tutor.actions.lines import say
from bot.tutor.actions.messages import is_question, says_start
from tests.rasa.test_tutor_eighth_reading import decide
from tests.rasa.test_tutor_reading11 import Child

FIRST = load_curriculum().first()  # Simplify 2/4.
TUTOR = Path(__file__).resolve().parents[2] / "bot" / "tutor"

# the student's own words, in the seven languages: a stop, then self-hatred
STOP_THEN_SELF_HATE = [
    ("en", "can we stop for today", "i hate maths and i hate myself"),
    ("de", "können wir jetzt aufhören", "ich hasse Mathe und ich hasse mich selbst"),
    ("fr", "on peut arrêter pour aujourd'hui", "je déteste les maths et je me déteste"),
    ("es", "podemos parar por hoy", "odio las mates y me odio a mí mismo"),
    ("it", "possiamo smettere per oggi", "odio la matematica e mi odio"),
    ("nl", "kunnen we stoppen voor vandaag", "ik haat wiskunde en ik haat mezelf"),
    ("pt", "podemos parar por hoje", "eu odeio matemática e me odeio"),
]


# --- M4: self-hatred is noticed after a stop as before it; risk after a stop still reaches the help lines ---

@pytest.mark.parametrize("lang, stop, self_hate", STOP_THEN_SELF_HATE)
def test_self_hatred_after_a_stop_is_noticed_not_answered_rest_well(lang: str, stop: str, self_hate: str) -> None:
    """C4: "stop", "i hate maths", then "i hate maths and i hate myself" -> "No more fractions today ... Rest well"."""
    from bot.tutor.actions.actions import ActionStart
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    child = Child(lang)
    child.says("start" if lang == "en" else {"de": "los geht's", "fr": "on commence", "es": "empecemos",
                                             "it": "iniziamo", "nl": "laten we beginnen", "pt": "vamos começar"}[lang],
               ActionStart())
    assert child.says(stop, ActionWellbeing()) == [say("stopping", lang)]
    assert child.slots["wellbeing_check"] == "stopped"
    assert decide(self_hate, wellbeing_check="stopped").action == "action_wellbeing"
    said = child.says(self_hate, ActionWellbeing())
    assert said == [say("self_hate_line", lang)]
    assert child.slots["wellbeing_check"] == "worry"  # the lesson waits while the child talks: what follows is heard
    assert decide("let's go on", wellbeing_check="worry").action == "action_wellbeing"


def test_self_hatred_is_noticed_during_the_lesson_too_and_outranks_the_dislike_of_maths() -> None:
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    child = Child()
    child.slots["learner"] = Learner().on_item(FIRST.id).to_slot()
    assert child.says("i hate myself", ActionWellbeing()) == [say("self_hate_line")]
    assert child.says("everything is just bad", ActionWellbeing()) == [say("listening")]  # heard, not the same block
    assert wellbeing.concern("i hate maths and i hate myself") == "self_hate"
    assert decide("i hate maths and i hate myself").action == "action_wellbeing"
    lines, pending, goes_on = wellbeing.reply("i hate myself", None)
    assert lines == [say("self_hate_line")] and pending == "worry" and not goes_on
    assert "hard on yourself" in say("self_hate_line") and "adult you trust" in say("self_hate_line")
    for not_self_hate in ("i hate maths", "i hate mean people", "i'm a failure at fractions", "i'm tired of this"):
        assert wellbeing.concern(not_self_hate) != "self_hate", not_self_hate


def test_a_goodbye_after_self_hatred_is_a_caring_one() -> None:
    assert "self_hate" in wellbeing.HEAVY


def test_possible_risk_after_a_stop_gets_the_safety_line() -> None:
    """A stop is no answer to risk: before, "stopped" pending kept the safety check from being asked."""
    assert decide("nobody would care anyway", risk=0.7, wellbeing_check="stopped").action == "action_safety_check"
    assert decide("whatever", risk=0.1, wellbeing_check="stopped").action == "action_wellbeing"


def test_a_crisis_level_line_after_a_stop_reaches_the_crisis_path() -> None:
    """The crisis rule (config.yml: EmotionRulesPolicy, priority 8, above the tutor's own policy) holds whatever the
    stop: it reads the crisis flag, never the ``wellbeing_check`` slot."""
    from policies.context import EmotionContext
    from policies.rule_conditions import conditions_hold
    from policies.rules_policy import load_rules

    config = yaml.safe_load((TUTOR / "config.yml").read_text())
    entries = {entry["name"].rsplit(".", 1)[-1]: entry for entry in config["policies"]}
    rules, tutor = entries["EmotionRulesPolicy"], entries["TutorAffectPolicy"]
    assert rules["priority"] > tutor["priority"]
    crisis = next(rule for rule in load_rules(rules) if rule["action"] == "action_tutor_crisis")
    stopped = SimpleNamespace(get_slot={"wellbeing_check": "stopped", "learner": Learner().on_item(FIRST.id).to_slot()}.get,
                              events=[], latest_message={})
    flagged = EmotionContext(True, None, None, {"crisis": {"risk": 0.97, "flag": True}, "tutoring": {}}, "lesson",
                             "i hate myself and i want to die tonight")
    assert conditions_hold(crisis["if"], flagged, stopped)


# --- M5: two decimals weighed, with the reasoning, not graded, the exercise restated ---

def test_two_decimals_are_compared_with_the_reasoning_and_the_exercise_restated() -> None:
    """C5: "is 0.3 bigger than 0.25" -> "Let me put it another way. Imagine a pizza ..."."""
    from bot.tutor.actions.questions import ActionAnswerQuestion

    assert decide("is 0.3 bigger than 0.25").action == "action_answer_question"  # a question: never graded
    child = Child()
    child.slots["learner"] = Learner().on_item(FIRST.id).to_slot()
    said = child.says("is 0.3 bigger than 0.25", ActionAnswerQuestion())
    verdict = say("compare_bigger", big="0.30", small="0.25")
    working = say("same_places", a="0.3", padded="0.30", b="0.25")
    assert said == [say("decimal_compare_yes", working=working, verdict=verdict), say("longer_not_bigger"),
                    say("back_to_your_exercise", question=FIRST.question)]
    assert said[0].startswith("Yes: 0.3 = 0.30") and "0.30 is bigger than 0.25" in said[0]
    assert Learner.from_slot(child.slots["learner"]).wrong_in_a_row == 0


@pytest.mark.parametrize("text, lang, expected", [
    ("is 0.25 bigger than 0.3?", "en", ("decimal_compare_no", "0.30", "0.25")),
    ("which is bigger, 0.3 or 0.25?", "en", ("decimal_compare_which", "0.30", "0.25")),
    ("ist 0,3 größer als 0,25", "de", ("decimal_compare_yes", "0,30", "0,25")),
    ("est-ce que 0,3 est plus petit que 0,25 ?", "fr", ("decimal_compare_no", "0,30", "0,25")),
    ("¿es 0,3 mayor que 0,25?", "es", ("decimal_compare_yes", "0,30", "0,25")),
    ("0,3 è più grande di 0,25?", "it", ("decimal_compare_yes", "0,30", "0,25")),
    ("is 0,3 groter dan 0,25?", "nl", ("decimal_compare_yes", "0,30", "0,25")),
    ("0,3 é maior que 0,25?", "pt", ("decimal_compare_yes", "0,30", "0,25")),
])
def test_decimals_with_a_point_or_a_comma_in_seven_languages(text: str, lang: str, expected: tuple) -> None:
    from bot.tutor.actions.messages import decimal_compared
    from bot.tutor.actions.questions import decimals_said

    key, big, small = expected
    asked = decimal_compared(text)
    assert is_question(text) and asked is not None and "/" not in asked.other
    said = decimals_said(asked, lang)
    assert said[0].startswith(say(key, lang, working="").split(":")[0])
    assert say("compare_bigger", lang, big=big, small=small) in said[0]
    assert said[1:] == [say("longer_not_bigger", lang)]  # the longer is not the bigger: the misconception named


def test_decimals_of_the_same_length_or_value_and_the_earlier_comparisons_unchanged() -> None:
    from bot.tutor.actions.messages import decimal_compared
    from bot.tutor.actions.questions import decimal_said, decimals_said

    same_length = decimals_said(decimal_compared("is 0.4 smaller than 0.3?"))
    assert same_length == [say("decimal_compare_no", working=say("same_places_already", a="0.4", b="0.3"),
                               verdict=say("compare_bigger", big="0.4", small="0.3"))]
    longer_bigger = decimals_said(decimal_compared("is 0.25 bigger than 0.2?"))
    assert len(longer_bigger) == 1 and say("compare_bigger", big="0.25", small="0.20") in longer_bigger[0]
    assert decimals_said(decimal_compared("is 0.5 the same as 0.50?"))[0].startswith("Yes: 0.5 = 0.50")
    assert decimal_compared("is 0.25 a quarter?") == ("0.25", "1/4", "=")  # a decimal and a fraction, as before
    assert decimal_said(decimal_compared("which is bigger 0.5 or 3/8")).startswith("Good question: 0.5 = 5/10 = 1/2")
    assert decimal_compared("is it 0.3 or 0.25?") is None and decimal_compared("0.3 + 0.25?") is None


# --- M6: start words, a number before any exercise, tiredness and a dislike of maths in seven languages ---

@pytest.mark.parametrize("word", ["los", "Los!", "na los", "auf geht's", "go", "ok go", "allez", "vas-y", "vamos", "venga",
                                  "dale", "dai", "andiamo", "vooruit", "bora", "partiu", "start"])
def test_the_short_start_words_start_the_lesson(word: str) -> None:
    """C6: "los" (read as a greeting by Rasa NLU) got the greeting again."""
    assert says_start(word)
    assert decide(word, intent="greet", learner=Learner()).action == "action_start"
    for not_a_start in ("lost", "los angeles", "vamos a ver", "dale un poco más"):
        assert not says_start(not_a_start)


@pytest.mark.parametrize("number, lang, written", [("drei", "de", "3"), ("3", "en", "3"), ("un medio", "es", "1/2")])
def test_a_number_before_any_exercise_starts_the_lesson_and_says_so(number: str, lang: str, written: str) -> None:
    """C6: "drei" before any exercise started the lesson as if it were the start word."""
    from bot.tutor.actions.actions import ActionStart

    said = Child(lang).says(number, ActionStart())
    assert said[0] == say("no_exercise_yet", lang, answer=written)
    assert said[-1] == say("first_question", lang, question=load_curriculum(lang=lang).first().question)
    told = say("no_exercise_yet", lang, answer="{answer}").split("{answer}")[0]
    started = Child(lang).says({"de": "los", "en": "start", "es": "vamos"}[lang], ActionStart())
    assert not any(line.startswith(told) for line in started)  # the start word itself: no such line


@pytest.mark.parametrize("text, lang", [
    ("estoy cansadísimo", "es"), ("cansadísima", "es"), ("estoy hecho polvo", "es"), ("sono stanchissima", "it"),
    ("sono stanca morta", "it"), ("je suis crevée", "fr"), ("chuis mort de fatigue", "fr"), ("ik ben doodmoe", "nl"),
    ("ik ben echt helemaal bekaf", "nl"), ("tô morto de cansaço", "pt"), ("estou cansadíssima", "pt"), ("ich bin totmüde", "de"),
    ("ich bin voll kaputt", "de"), ("i'm dead tired", "en"), ("im so exhausted", "en"),
])
def test_intensified_tiredness_is_offered_a_break(text: str, lang: str) -> None:
    """C9: "estoy cansadísimo" -> "Vamos más despacio" + a worked example + a new exercise."""
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    assert wellbeing.concern(text) == "tired"
    assert decide(text).action == "action_wellbeing"
    child = Child(lang)
    child.slots["learner"] = Learner().on_item(FIRST.id).to_slot()
    assert child.says(text, ActionWellbeing()) == [say("tired_line", lang)]


@pytest.mark.parametrize("text, lang", [
    ("i hate maths", "en"), ("ich hasse mathe", "de"), ("je déteste les maths", "fr"), ("odio las mates", "es"),
    ("odio la matematica", "it"), ("ik haat wiskunde", "nl"), ("odeio matemática", "pt"),
])
def test_a_dislike_of_maths_is_acknowledged_before_the_move(text: str, lang: str) -> None:
    """C6: "ich hasse mathe" -> "Es ist okay, mal festzustecken" + a worked example, no word about the feeling."""
    from bot.tutor.actions.actions import ActionKeepPace, ActionStepDown

    for action in (ActionStepDown(), ActionKeepPace()):
        child = Child(lang)
        child.slots["learner"] = Learner().on_item(FIRST.id).to_slot()
        said = child.says(text, action)
        assert said[0] == say("dislikes_maths", lang), action.name()
    child = Child("en")
    child.slots["learner"] = Learner().on_item(FIRST.id).to_slot()
    for liking in ("i like maths", "ich mag mathe"):
        assert say("dislikes_maths") not in child.says(liking, ActionKeepPace())


def test_the_new_lines_exist_in_the_seven_languages_and_in_european_portuguese() -> None:
    from bot.tutor.actions.lines import translation

    for key in ("self_hate_line", "dislikes_maths", "no_exercise_yet", "same_places", "same_places_already",
                "longer_not_bigger"):
        for lang in ("de", "fr", "es", "it", "nl", "pt"):
            assert key in translation(lang)["lines"], (key, lang)
            assert say(key, lang) != say(key), (key, lang)
    for key in ("self_hate_line", "dislikes_maths", "no_exercise_yet", "longer_not_bigger"):
        assert say(key, "pt-PT") != say(key, "pt"), key  # "tu", not "você"
