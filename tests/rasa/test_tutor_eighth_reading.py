"""The eighth exploratory reading of the demo, tutor findings: a child's disclosure of violence, abuse, bullying or
recent self-harm met with maths (H7), "two over three" and "what is 2/5 of 10" (M7), and "iniziamo", the word the
Italian greeting asks for, read as a greeting (M10). Each test failed before its fix."""
from __future__ import annotations

import asyncio
import re
from fractions import Fraction
from dataclasses import replace
from types import SimpleNamespace

import pytest

from bot.tutor.actions import wellbeing
from bot.tutor.actions.answers import grade, in_digits
from bot.tutor.actions.curriculum import load_curriculum
from bot.tutor.actions.learner import Learner
from bot.tutor.actions.lines import english, say, translation
from bot.tutor.actions.messages import calculation, is_answer, says_start
from bot.tutor.actions.pedagogy import Turn, choose_move, load_pedagogy
from bot.tutor.actions.questions import ActionAnswerQuestion
from bot.tutor.actions.actions import StudentTurn

CURRICULUM, PEDAGOGY = load_curriculum(), load_pedagogy()
FIRST = CURRICULUM.first()  # Simplify 2/4. -> 1/2
LANGUAGES = ("de", "fr", "es", "it", "nl", "pt")


def on_first(**fields) -> Learner:
    return replace(Learner().on_item(FIRST.id), **fields)


LOCALES = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "nl": "nl-NL", "pt": "pt-BR"}


def run_tutor_action(action, text: str, slots: dict, intent: str = "lesson", lang: str = "en") -> tuple[list[str], list[dict]]:
    """What ``action`` says to ``text`` with ``slots`` set (on a page in ``lang``), and the events it returns."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "metadata": {"locale": LOCALES[lang]}}
    tracker = Tracker("s", slots, latest, [{"event": "user", "text": text}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {"responses": {"utter_safety_check": [{"text": "Are you safe? {help}"}]}})
    events = asyncio.run(events) if asyncio.iscoroutine(events) else events
    return [m["text"] for m in dispatcher.messages], events


@pytest.fixture
def alerts(monkeypatch) -> list[str]:
    """The reasons a person from the team was alerted for (no handoff service in these tests)."""
    from bot.tutor.actions import wellbeing_actions

    reasons: list[str] = []

    async def request_handoff(session_id, reason, **kwargs):
        reasons.append(reason)
        return {"id": 1}

    async def handoff_status(session_id):
        return None

    monkeypatch.setattr(wellbeing_actions.handoff, "request_handoff", request_handoff)
    monkeypatch.setattr(wellbeing_actions.handoff, "handoff_status", handoff_status)
    return reasons


def decide(text: str, intent: str = "lesson", risk: float = 0.0, learner: Learner | None = None, **slots):
    """TutorAffectPolicy's decision for ``text`` (its ``decide`` alone: no Rasa model is loaded)."""
    from bot.tutor.tutor_policy import TutorAffectPolicy
    from policies.context import EmotionContext

    learner = learner if learner is not None else on_first()
    values = {"learner": learner.to_slot(), **slots}
    tracker = SimpleNamespace(get_slot=values.get)
    emotion = EmotionContext(True, None, None, {"crisis": {"risk": risk}, "tutoring": {}}, intent, text)
    return TutorAffectPolicy.decide(object.__new__(TutorAffectPolicy), emotion, tracker)


# H7: the disclosures of the reading, on the first message, in the languages they were written in
@pytest.mark.parametrize("text, lang", [
    ("minha mãe bate em mim quando tiro nota baixa", "pt"),
    ("my dad was shouting again last night and threw a plate", "en"),
    ("they pushed me in the toilets today", "en"),
    ("my uncle does things to me that i don't like when mum is at work", "en"),
    ("i'm not allowed to tell", "en"),
    ("mein Onkel fasst mich an, wenn Mama arbeitet, und ich mag das nicht", "de"),
    ("les autres me frappent à la récré tous les jours", "fr"),
    ("mon beau-père me touche la nuit", "fr"),
    ("he said i'm not allowed to tell anyone", "en"),
    ("some kids kicked me after school", "en"),
    ("die anderen schubsen mich jeden Tag", "de"),
    ("mi hanno picchiato a scuola", "it"),
    ("ze slaan me elke dag op school", "nl"),
])
def test_a_disclosure_of_harm_stops_the_lesson_and_alerts_the_team(text: str, lang: str, alerts: list[str]) -> None:
    from bot.tutor.actions.help_lines import with_help
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    assert wellbeing.concern(text) == "harm_at_home"
    assert decide(text).action == "action_wellbeing"
    lines, events = run_tutor_action(ActionWellbeing(), text, {"learner": on_first().to_slot()}, lang=lang)
    assert lines == [with_help(say("harm_line", lang), LOCALES[lang], lang)]   # thanked, not okay, not their fault
    assert with_help("{help}", LOCALES[lang], lang) in lines[0] and FIRST.question not in lines[0]  # the child line; no maths
    assert alerts == ["a student wrote about being hurt or unsafe at home"]
    assert {"event": "slot", "name": "wellbeing_check", "value": "asked", "timestamp": None} in events
    assert say("harm_line").startswith("Thank you for telling me. That's not okay, and it's not your fault.")


@pytest.mark.parametrize("text, kind", [
    ("people at school call me stupid every day", "left_out"),
    ("je ne veux plus aller à l'école", "left_out"),
    ("i don't want to go to school anymore", "left_out"),
    ("no quiero volver a ir al colegio", "left_out"),
    ("nessuno si accorgerebbe se sparissi", "disappear"),
    ("nobody would even notice if i disappeared", "disappear"),
    ("niemand würde es merken, wenn ich weg wäre", "disappear"),
    ("ninguém ia perceber se eu sumisse", "disappear"),
])
def test_bullying_school_refusal_and_not_being_missed_are_no_maths(text: str, kind: str) -> None:
    assert wellbeing.concern(text) == kind
    lines, pending, goes_on = wellbeing.reply(text, None)
    assert not goes_on and lines
    if kind == "disappear":
        assert pending == "asked" and "Are you okay right now?" in lines[-1]
    else:
        assert lines == [say("left_out_line")]


def test_a_disclosure_followed_by_more_keeps_the_lesson_waiting() -> None:
    """c31: "je ne veux plus aller à l'école" after being hit every day got a pizza; c35: "i'm not allowed to tell"."""
    _, pending, _ = wellbeing.reply("les autres me frappent à la récré tous les jours", None, lang="fr")
    lines, pending, goes_on = wellbeing.reply("je ne veux plus aller à l'école", pending, lang="fr")
    assert lines == [say("left_out_line", "fr")] and pending == "asked" and not goes_on
    _, pending, _ = wellbeing.reply("my uncle does things to me that i don't like when mum is at work", None)
    lines, pending, goes_on = wellbeing.reply("i'm not allowed to tell", pending)
    assert lines == [say("harm_line")] and pending == "asked" and not goes_on


# H7: self-harm told of, and done recently
@pytest.mark.parametrize("text, lang", [
    ("sometimes i cut my arm when i get things wrong", "en"), ("a veces me corto los brazos cuando me sale mal", "es"),
    ("i hurt myself when i get things wrong", "en"), ("ich ritze mich manchmal", "de"), ("je me coupe parfois", "fr"),
    ("mi faccio del male quando sbaglio", "it"), ("i've been cutting again", "en"), ("eu me corto quando erro", "pt"),
    ("ik snij mezelf soms", "nl"),
])
def test_self_harm_is_thanked_asked_about_and_the_team_alerted(text: str, lang: str, alerts: list[str]) -> None:
    from bot.tutor.actions.help_lines import with_help
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    assert wellbeing.concern(text) == "self_harm" and "self_harm" in wellbeing.ASKS_IF_SAFE
    assert decide(text, risk=0.8).action == "action_wellbeing"   # not the safety line that lets the lesson go on
    lines, events = run_tutor_action(ActionWellbeing(), text, {"learner": on_first().to_slot()}, lang=lang)
    assert lines == [with_help(say("self_harm_line", lang), LOCALES[lang], lang)]
    assert say("self_harm_line").startswith("Thank you for telling me; that took courage.")
    assert alerts == ["a student wrote about hurting themselves"]
    # the follow-up (c13, c32): the lesson still waits
    for follow_up in ("i did it yesterday", "lo hice ayer"):
        said, pending, goes_on = wellbeing.reply(follow_up, "asked")
        assert said == [say("recent_harm_line")] and pending == "asked" and not goes_on


@pytest.mark.parametrize("text, lang", [("i did it yesterday", "en"), ("lo hice ayer", "es"), ("i did it again last night", "en"),
                                        ("ich hab's gestern gemacht", "de"), ("je l'ai fait hier", "fr"),
                                        ("l'ho fatto ieri", "it"), ("ik heb het gisteren gedaan", "nl"),
                                        ("eu fiz ontem", "pt"), ("yesterday", "en")])
def test_recent_self_harm_after_the_safety_line_keeps_the_lesson_paused(text: str, lang: str, alerts: list[str]) -> None:
    """c13/c32: the safety line, then "i did it yesterday" got "let's park that" and the question."""
    from bot.tutor.actions.help_lines import with_help
    from bot.tutor.actions.wellbeing_actions import ActionSafetyCheck, ActionWellbeing

    _, events = run_tutor_action(ActionSafetyCheck(), "sometimes i feel like hurting myself", {})
    assert events == [{"event": "slot", "name": "wellbeing_check", "value": "safety", "timestamp": None}]
    assert decide(text, wellbeing_check="safety").action == "action_wellbeing"
    assert wellbeing.reply(text, "safety", lang=lang) == ([say("recent_harm_line", lang)], "asked", False)
    slots = {"learner": on_first().to_slot(), "wellbeing_check": "safety"}
    lines, events = run_tutor_action(ActionWellbeing(), text, slots, lang=lang)
    assert lines == [with_help(say("recent_harm_line", lang), LOCALES[lang], lang)] and FIRST.question not in lines[0]
    assert alerts == ["a student said they hurt themselves recently"]
    assert {"event": "slot", "name": "wellbeing_check", "value": "asked", "timestamp": None} in events


def test_no_after_the_safety_line_waits_and_an_answer_lets_the_lesson_go_on(alerts: list[str]) -> None:
    from bot.tutor.actions.actions import ActionPraiseNext
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    assert wellbeing.reply("no", "safety") == ([say("not_okay")], "asked", False)
    run_tutor_action(ActionWellbeing(), "no", {"learner": on_first().to_slot(), "wellbeing_check": "safety"})
    assert alerts == ["a student said they are not okay when the tutor checked in"]
    # an answer, "i did it!" or a question: the lesson's move, and the safety line is asked no more
    for text, move in (("1/2", "action_praise_next"), ("i did it!", None), ("can you say the question again", None)):
        decision = decide(text, wellbeing_check="safety")
        assert decision.action != "action_wellbeing" and (move is None or decision.action == move)
    lines, events = run_tutor_action(ActionPraiseNext(), "1/2", {"learner": on_first().to_slot(), "wellbeing_check": "safety"})
    assert lines[0].startswith(("Spot on", "Yes", "Correct", "That's right", "Right")) or "1/2" in lines[0]
    assert {"event": "slot", "name": "wellbeing_check", "value": None, "timestamp": None} in events


@pytest.mark.parametrize("text", [
    "my mum will help me", "i hit the button", "i did it!", "i did it yesterday", "i hit the wrong key", "my dad helps me",
    "he called me yesterday", "my mum is a teacher", "i pushed the button", "she touched the screen", "i cut the pizza",
    "ça me touche beaucoup", "me toca a mí", "mi tocca rifarlo", "ich habe es gestern gelernt", "la maîtresse me tape sur les nerfs",
    "i hurt myself playing football by accident", "me corto el pelo mañana", "i want to go to school", "the boy hit the ball",
    "my brother threw a ball", "nobody noticed my new shoes", "i did it again, 1/2", "they helped me",
])
def test_no_safeguarding_reply_where_there_is_nothing_to_safeguard(text: str) -> None:
    assert wellbeing.concern(text) is None
    assert wellbeing.reply(text, None) == ([], None, True)
    assert decide(text).action != "action_wellbeing"


def test_i_did_it_after_a_correct_answer_is_praise_not_safeguarding() -> None:
    assert not wellbeing.after_safety_check("i did it!") and not wellbeing.after_safety_check("1/2")
    assert decide("i did it!").action not in ("action_wellbeing", "action_safety_check")


@pytest.mark.parametrize("key", ["self_harm_line", "recent_harm_line"])
def test_the_new_lines_are_in_every_language_with_their_help(key: str) -> None:
    from bot.tutor.actions.help_lines import with_help

    assert "{help}" in english()[key]
    for lang in LANGUAGES:
        line = (translation(lang).get("lines") or {}).get(key)
        assert line and line != english()[key] and "{help}" in line, lang
        assert "{help}" not in with_help(say(key, lang), None, lang)


# M7: "two over three", "one over two" and "what is 2/5 of 10"
@pytest.mark.parametrize("text, digits", [("two over three", "2/3"), ("one over two", "1/2"), ("two over five", "2/5"),
                                          ("i think its two over three", "i think its 2/3"), ("3 over 5", "3/5"),
                                          ("zwei durch drei", "2/3"), ("deux sur trois", "2/3"), ("dos sobre tres", "2/3"),
                                          ("i have two cats", "i have two cats"), ("a over b", "a over b")])
def test_fractions_said_as_over(text: str, digits: str) -> None:
    assert in_digits(text) == digits


def test_two_over_three_is_graded_as_2_3() -> None:
    item = replace(FIRST, answer=Fraction(2, 3))
    assert is_answer("two over three", "lesson") and grade(item, "two over three") == "correct"
    assert grade(item, "two over five") == "wrong" and grade(FIRST, "one over two") == "correct"
    assert choose_move(Turn("one over two", "lesson", {}), on_first(), FIRST, PEDAGOGY)[0] == "praise_next"


def test_a_fraction_of_a_number_is_worked_out() -> None:
    assert calculation("what is 2/5 of 10") == ("2/5", "×", "10")
    assert calculation("was ist 3/4 von 8?") == ("3/4", "×", "8")
    assert choose_move(Turn("what is 2/5 of 10", "lesson", {}), on_first(), FIRST, PEDAGOGY)[0] == "answer_question"
    lines: list[str] = []
    ActionAnswerQuestion().teach(lines, on_first(), FIRST, StudentTurn("what is 2/5 of 10", None, CURRICULUM))
    assert lines == [say("good_question", answer="2/5 × 10 = 20/5 = 4.")]
    assert "pizza" not in lines[0]


# M10: every language's start word, the one its greeting asks for
def quoted_start_word(greeting: str) -> str:
    return re.findall(r"[«„“\"]\s*([^»“”\"]+?)\s*[»“”\"]", greeting)[-1]


@pytest.mark.parametrize("lang", ["en", *LANGUAGES])
def test_the_start_word_each_greeting_asks_for_starts_the_lesson(lang: str) -> None:
    import yaml

    from bot.tutor.actions.lines import TUTOR

    domain = yaml.safe_load((TUTOR / "domain.yml").read_text(encoding="utf-8"))
    greeting = (translation(lang).get("responses") or {}).get("utter_greet", [None])[0] \
        or domain["responses"]["utter_greet"][0]["text"]
    word = quoted_start_word(greeting)
    assert says_start(word) and says_start(word.capitalize() + "!"), word
    # read as a greeting by Rasa NLU ("iniziamo", "cominciamo"), it still starts the lesson
    assert decide(word, intent="greet", learner=Learner()).action == "action_start"


def test_a_greeting_before_the_lesson_is_still_left_to_the_greeting_rule() -> None:
    for text in ("ciao", "hi", "hola", "buongiorno"):
        assert not says_start(text) and decide(text, intent="greet", learner=Learner()) is None
    assert decide("cominciamo", intent="greet", learner=Learner()).action == "action_start"


@pytest.mark.parametrize("text, laugh", [("lol", True), ("LOL!!", True), ("hahaha", True), ("jajaja 😂", True), ("mdr", True),
                                         ("xD", True), ("lol this is boring", False), ("haha i give up", False), ("1/3 lol", False)])
def test_a_laugh_alone_is_no_boredom(text: str, laugh: bool) -> None:
    # eighth reading, L5: "lol" after two right answers read as boredom and got "let's go up a step"
    from bot.tutor.actions.remarks import acknowledges

    assert acknowledges(text) is laugh


# the rest of M7: "why 1/3 and not 2/6" is a question about two fractions, and English number words above twelve
@pytest.mark.parametrize("text, pair", [("why 1/2 and not 2/4", ("1/2", "2/4")), ("why is it 1/2 instead of 2/4?", ("1/2", "2/4")),
                                        ("warum 1/2 und nicht 2/4?", ("1/2", "2/4")), ("pourquoi 1/2 et pas 2/4", ("1/2", "2/4")),
                                        ("por qué 2/4 en vez de 1/2", ("2/4", "1/2")), ("why 1/2", None), ("1/4 or 1/2?", None)])
def test_one_fraction_weighed_against_another_is_a_comparison(text: str, pair) -> None:
    from bot.tutor.actions.messages import comparison

    assert comparison(text) == pair


def test_why_the_lowest_terms_and_not_the_other_is_answered_for_the_exercise() -> None:
    text = "why 1/2 and not 2/4"
    assert choose_move(Turn(text, "lesson", {}), on_first(), FIRST, PEDAGOGY)[0] == "answer_question"
    lines: list[str] = []
    ActionAnswerQuestion().teach(lines, on_first(), FIRST, StudentTurn(text, None, CURRICULUM))
    assert lines[0].startswith("Good question. Write both with the same bottom, 4")
    assert lines[1] == say("compare_same_lowest", lowest="1/2", other="2/4")
    lines = []  # two different amounts: no word about lowest terms
    ActionAnswerQuestion().teach(lines, on_first(), FIRST, StudentTurn("why 1/2 and not 1/3", None, CURRICULUM))
    assert len(lines) == 1 and "1/2 is bigger than 1/3" in lines[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_lowest_terms_line_is_translated(lang: str) -> None:
    line = say("compare_same_lowest", lang, lowest="1/2", other="2/4")
    assert "1/2" in line and "2/4" in line and line != say("compare_same_lowest", lowest="1/2", other="2/4")


@pytest.mark.parametrize("text, digits", [("fifteen twentieths", "15/20"), ("eleven twelfths", "11/12"),
                                          ("three sixteenths", "3/16"), ("thirteen over twenty", "13/20"),
                                          ("fourteen", "14"), ("its twenty", "its 20"), ("the fourteenth of may", "the fourteenth of may"),
                                          ("1 fifth.", "1/5."), ("i have 3 cats", "i have 3 cats")])
def test_english_number_words_up_to_twenty(text: str, digits: str) -> None:
    assert in_digits(text) == digits
