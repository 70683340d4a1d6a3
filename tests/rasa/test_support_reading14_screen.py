"""The support bot's screening questions listen to the answer (fix-brief S1, from the thirteenth exploratory reading:
data/exploratory/2026-12-07/reading13/FINDINGS.md, M9, M1, H1; transcripts B23, A02, A04, A06, B05, B17).

- M9: words that already answer a screen question (a passive death wish, thoughts of killing oneself, a preparatory
  act) are that question's yes: thanked for, the locale's line, the next question; never the question they answered.
- M1: a reply that answers no question (a statement about something else, a yes or a no about another thing) gets a
  reflection and the question once more, never the next question; risky replies stay answers.
- A time said during the screen ("um 3 Uhr", "over 5 minuten", "heut nacht") gets the crisis answer, not the line for a
  question of the person's own.
"""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading11_crisis import DOMAIN, history, run, screen

from actions import bank, screener  # noqa: E402  (test_support_reading11_crisis puts bot/support on the path)
from actions.question_form import is_question  # noqa: E402
from actions.screen_own_words import told_in  # noqa: E402

POSSIBLE = {"risk": 0.8, "level": "possible", "category": "passive_death_wish"}
LOW = {"risk": 0.2, "level": "possible", "category": "command_hallucination"}


def lang_of(locale: str) -> str:
    return locale if locale == "pt-PT" else locale.split("-")[0]


def all_questions(lang: str) -> set:
    return {q.ask for q in screener.questions(lang).values()} | {q.again for q in screener.questions(lang).values()}


def own_question_lines(lang: str) -> set:
    return set(bank.answers(lang)["screen_own_question"]) | set(bank.answers("en")["screen_own_question"])


# --- M9: the person's own words answer a question ------------------------------------------------------------

WISHES = [  # (locale, a passive death wish, the locale's line)
    ("de-AT", "Manchmal denk ich mir, es wär besser, ich tät einfach einschlafen und nimmer aufwachen. I mean it, I'm just so tired.",
     "142"),
    ("en-GB", "sometimes i think it'd be easier to go to sleep and never wake up", "116 123"),
    ("fr-FR", "parfois j'aimerais juste m'endormir et ne plus me réveiller", "3114"),
    ("es-ES", "a veces quisiera dormirme y no despertar", "024"),
    ("it-IT", "a volte vorrei addormentarmi e non svegliarmi più", "112"),
    ("nl-NL", "soms wil ik gewoon gaan slapen en niet meer wakker worden", "113"),
    ("pt-PT", "às vezes queria adormecer e não acordar mais", "112"),
    ("pt-BR", "às vezes queria dormir e não acordar mais", "188"),
]


@pytest.mark.parametrize("locale, text, number", WISHES)
def test_a_wish_not_to_wake_up_is_taken_as_the_answer_and_the_next_question_asked(team, locale, text, number) -> None:
    """B23 (de-AT): "Ging es dir im letzten Monat so?" about her own words, no line to call."""
    from actions.crisis_screen import ActionCrisisScreen

    lang = lang_of(locale)
    said, slots = run(ActionCrisisScreen(), history("Ich bin 79, mein Mann ist im Frühjahr gestorben."), text, locale=locale,
                      crisis={**POSSIBLE, "risk": 0.96, "level": "high", "flag": True, "turn_flag": True})
    questions = screener.questions(lang)
    assert questions[1].ask not in said and questions[1].again not in said, said
    assert set(said) & set(bank.answers(lang)["screen_told_not_wake_up"]), said
    assert any(number in line for line in said[:-1]), said
    assert said[-1] == questions[2].ask, said
    assert slots["screening_question"] == 2 and slots["screening_answers"] == [[1, "yes"]], slots
    assert not team["requests"]


def test_thoughts_of_killing_oneself_told_pass_both_first_questions(team) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    said, slots = run(ActionCrisisScreen(), history("hi"), "I keep thinking about killing myself", crisis=POSSIBLE)
    assert set(said) & set(bank.answers("en")["screen_told_thoughts"]) and said[-1] == screener.questions("en")[3].ask, said
    assert slots["screening_answers"] == [[1, "yes"], [2, "yes"]]


def test_a_preparatory_act_told_first_is_handed_over_with_thanks(team) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    said, slots = run(ActionCrisisScreen(), history("hi"), "I've been saving up my pills", crisis=POSSIBLE)
    assert said[0] in bank.answers("en")["screen_told_prepared"] and slots.get("handoff_active") is True, said
    assert team["requests"] and not set(said) & all_questions("en")


def test_a_later_question_the_words_answered_is_not_asked(team) -> None:
    """At the first question, "ja, und ich denke oft daran, mich umzubringen": not asked about thoughts next."""
    from actions.crisis_screen import ActionCrisisScreen

    said, slots = run(ActionCrisisScreen(), history("mir geht's so schlecht"), "ja, und ich denke oft daran, mich umzubringen",
                      locale="de-DE", slots=screen(1), crisis={"risk": 0.3, "level": "possible"})
    assert screener.questions("de")[2].ask not in said and said[-1] == screener.questions("de")[3].ask, said
    assert slots["screening_answers"] == [[1, "yes"], [2, "yes"]]


@pytest.mark.parametrize("text", ["i don't wish i was dead", "i used to wish i was dead but not anymore",
                                  "is it normal to want to sleep and not wake up?", "I couldn't wake up this morning",
                                  "ich habe nie daran gedacht, mich umzubringen", "my grandpa went to sleep and never woke up",
                                  "ik wil niet dood", "this exam is going to kill me"])
def test_words_denied_past_asked_or_about_others_answer_nothing(text) -> None:
    assert told_in(text) == {}


def test_a_wish_said_denied_still_gets_the_first_question(team) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    said, _ = run(ActionCrisisScreen(), history("hi"), "i don't wish i was dead, i'm just so tired of everything", crisis=POSSIBLE)
    assert said == [screener.questions("en")[1].ask], said


# --- M1: a reply that answers no question ----------------------------------------------------------------------

@pytest.mark.parametrize("locale, before, text, question", [
    ("de-DE", "Ich vermisse sie so sehr. Morgen ist die Beerdigung und ich habe Angst, vor allen zu weinen.",
     "Ja, ich soll eine kleine Rede halten.", 1),                                                      # A02: a yes to the speech
    ("es-ES", "No paro de mirar nuestras fotos. Me siento vacío.",
     "Mis amigos dicen que salga con ellos el sábado pero no tengo ganas.", 2),                        # A04: a no deep in a story
    ("nl-NL", "Mijn baas belt steeds of ik al terug kan komen.", "Mijn huisarts zegt dat ik rust moet nemen, maar dat lukt niet.", 1),
    ("en-GB", "i feel so low", "right. i think i hav to tell him", 2),
])
def test_a_reply_about_something_else_is_reflected_and_asked_again_never_the_next_question(team, locale, before, text,
                                                                                          question) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    lang = lang_of(locale)
    questions = screener.questions(lang)
    said, slots = run(ActionCrisisScreen(), history(before), text, locale=locale, slots=screen(question), crisis=LOW)
    assert said[-1] == questions[question].again and len(said) == 2, said   # a reflection, then the question again
    assert "?" not in said[0] and said[0] not in all_questions(lang), said
    assert slots == {"screening_retry": True}, slots


def test_a_second_reply_about_something_else_lets_the_screen_pass_not_the_next_question(team) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    said, slots = run(ActionCrisisScreen(), history("Ich vermisse sie so sehr."), "Ja, ich soll eine kleine Rede halten.",
                      locale="de-DE", slots={**screen(1), "screening_retry": True}, crisis=LOW)
    assert not set(said) & all_questions("de") and slots.get("screen_resumable") == 1.0, said


@pytest.mark.parametrize("locale, text", [("de-DE", "ja"), ("de-DE", "ja leider"), ("en-GB", "yes"), ("en-GB", "sometimes"),
                                          ("en-GB", "idk maybe"), ("de-DE", "Ja, ich muss ehrlich sein, fast jeden Tag")])
def test_risky_replies_stay_answers(team, locale, text) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    lang = lang_of(locale)
    before = "mir geht's seit Wochen schlecht" if lang == "de" else "i've been feeling so low for weeks"
    said, slots = run(ActionCrisisScreen(), history(before), text, locale=locale, slots=screen(1), crisis=LOW)
    assert said == [screener.questions(lang)[2].ask] and slots["screening_answers"] == [[1, "yes"]], said


def test_a_yes_about_a_task_read_at_risk_stays_a_yes(team) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    said, _ = run(ActionCrisisScreen(), history("Ich vermisse sie so sehr."), "Ja, ich soll eine kleine Rede halten.",
                  locale="de-DE", slots=screen(1), crisis={**LOW, "risk": 0.9, "flag": True, "turn_flag": True})
    assert said == [screener.questions("de")[2].ask], said


# --- a time said during the screen ---------------------------------------------------------------------------

@pytest.mark.parametrize("locale, before, text, number", [
    ("de-DE", "hab echt kein bock mehr auf dieses leben", "will mich einfach nur wegmachen, am besten heut nacht", "0800"),  # B05
    ("nl-NL", "ik wil gewoon dood", "de trein komt over 5 minuten", "113"),                                              # B17
    ("en-GB", "i can't do this anymore", "tonight", "116 123"),
    ("de-DE", "ich will nicht mehr", "um 3 Uhr", "0800"),
    ("fr-FR", "je n'en peux plus", "dans 10 minutes", "3114"),
])
def test_a_time_said_during_the_screen_gets_the_crisis_answer_not_the_own_question_line(team, locale, before, text,
                                                                                       number) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    lang = lang_of(locale)
    said, slots = run(ActionCrisisScreen(), history(before), text, locale=locale, slots=screen(1),
                      crisis={"risk": 0.06, "level": "possible", "category": "passive_death_wish"})
    assert not set(said) & own_question_lines(lang) and not set(said) & all_questions(lang), said
    assert slots.get("handoff_active") is True and team["requests"], said
    assert any(number in line for line in said), said


@pytest.mark.parametrize("text", ["ok i'll try it tonight. no promises", "i have an appointment at 3pm with my therapist tomorrow"])
def test_a_time_said_with_no_risk_is_no_plan(team, text) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    said, slots = run(ActionCrisisScreen(), history("i can't sleep"), text, slots=screen(2), crisis={"risk": 0.02, "level": "possible"})
    assert not team["requests"] and not slots.get("handoff_active"), said


def test_a_real_question_still_gets_the_own_question_line(team) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    said, _ = run(ActionCrisisScreen(), history("i feel so low"), "is this conversation saved somewhere?", slots=screen(1),
                  crisis={"risk": 0.02, "level": "possible"})
    assert said[-1] == screener.questions("en")[1].again, said


@pytest.mark.parametrize("text, question", [("will mich einfach nur wegmachen, am besten heut nacht", False),
                                            ("am besten morgen", False), ("is niet te doen", False),
                                            ("will it get better", True), ("am i crazy", True), ("is het normaal", True)])
def test_german_and_dutch_statements_are_no_english_questions(text, question) -> None:
    assert is_question(text) is question


def test_not_knowing_with_a_hedge_is_a_hedged_yes() -> None:
    assert [screener.read_answer(t) for t in ("idk maybe", "not sure, maybe", "weiß nicht, vielleicht", "idk", "idk what you mean")] \
        == ["yes", "yes", "yes", "unclear", "unclear"]
    assert DOMAIN  # the domain the actions answer with is read
