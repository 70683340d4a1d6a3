"""The support bot as a listener, tenth exploratory reading (helper_explore10) M2, M4, M5: idioms of laughter, longing and hunger
read as sadness got "J'entends combien il y a de tristesse en toi" (M2); questions, corrections and a language asked about got the
wrong stock line (M4); goodbyes outside English were not heard (M5)."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions.bank import answers  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())


def said(action, turns, text, intent="share_feelings", locale="en-GB", label="neutral") -> list[str]:
    """What ``action`` says to ``text`` after ``turns`` (the person's messages, each with the bot's lines after it)."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    events = []
    for words, bot_said in turns:
        events.append({"event": "user", "text": words, "metadata": {"locale": locale}})
        events += [{"event": "bot", "text": line} for line in bot_said]
    events.append({"event": "user", "text": text, "metadata": {"locale": locale}})
    emotion = {"available": True, "turn": {"label": label}, "derived": {"crisis": {}}}
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.6}, "entities": [],
              "metadata": {"emotion": emotion, "locale": locale, "session_proven": True}}
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, Tracker("s", {}, latest, events, False, None, {}, "action_listen"), DOMAIN))
    return [m["text"] for m in dispatcher.messages]


def listening(strategy: str = "question"):
    from actions import replies

    return {"question": replies.ActionSupportQuestion, "restatement": replies.ActionSupportRestatement}[strategy]()


def lines(key: str, lang: str) -> list[str]:
    return list(answers(lang)[key])


# --- M2: idioms of laughter, longing and hunger ---

@pytest.mark.parametrize("text, locale, lang, key", [
    ("je suis mort de rire devant cette série", "fr-FR", "fr", "idiom_laughter"),
    ("me muero de ganas de ver a mi novia", "es-MX", "es", "idiom_longing"),
    ("ho una fame da morire", "it-IT", "it", "idiom_hunger"),
])
def test_an_idiom_of_laughter_longing_or_hunger_gets_a_light_reply(text, locale, lang, key) -> None:
    for strategy in ("question", "restatement"):
        got = said(listening(strategy), [("hola", ["Hola"])], text, locale=locale, label="sadness")
        assert got and got[0] in lines(key, lang), got


@pytest.mark.parametrize("first, then, locale, lang", [
    ("me muero de ganas de ver a mi novia", "llega mañana", "es-MX", "es"),
    ("ho una fame da morire", "stasera pizza con gli amici", "it-IT", "it"),
])
def test_the_message_after_an_idiom_gets_no_line_about_a_hard_moment(first, then, locale, lang) -> None:
    got = said(listening("question"), [(first, [lines(f"idiom_{'longing' if lang == 'es' else 'hunger'}", lang)[0]])], then,
               locale=locale)
    assert got == lines("idiom_after", lang)


def test_an_idiom_beside_risk_words_is_listened_to() -> None:
    got = said(listening("question"), [], "me muero de ganas de morir", locale="es-MX")
    assert got and got[0] not in lines("idiom_longing", "es")


# --- M4: questions, corrections, a language asked about ---

@pytest.mark.parametrize("text, locale, lang", [
    ("¿qué puedo hacer?", "es-ES", "es"),
    ("wat moet ik doen?", "nl-NL", "nl"),
    ("podes dar-me uma ideia?", "pt-PT", "pt-PT"),
])
def test_what_can_i_do_gets_a_few_places_to_start(text, locale, lang) -> None:
    assert said(listening("question"), [], text, locale=locale) == lines("what_first", lang)


def test_can_you_speak_spanish_is_answered() -> None:
    assert said(listening("restatement"), [], "can you speak spanish?", locale="en-GB") == lines("speak_language", "en")


def test_a_fact_put_right_in_english_is_taken_up() -> None:
    got = said(listening("question"), [], "no wait, it was saturday not sunday", locale="en-GB")
    assert got == [lines("fact_fixed_said", "en")[0].format(said="it was saturday not sunday")]


@pytest.mark.parametrize("text, locale, lang", [
    ("Korrektur: vor vier Monaten, nicht drei", "de-DE", "de"),
    ("nee wacht, het was mijn broer niet mijn zus", "nl-NL", "nl"),
    ("não, quero dizer há dois meses", "pt-PT", "pt-PT"),
])
def test_a_fact_put_right_in_other_languages_is_taken_up(text, locale, lang) -> None:
    assert said(listening("restatement"), [], text, locale=locale) == lines("fact_fixed", lang)


@pytest.mark.parametrize("text", ["no, wait, i need to tell you something", "sorry i'll write in english now", "wait what"])
def test_a_no_or_a_wait_alone_puts_nothing_right(text) -> None:
    from actions.asked_the_bot import fact_fix

    assert fact_fix(text) is None


def test_a_nationality_with_a_but_gets_no_help_lines() -> None:
    got = said(listening("question"), [], "i'm german but living in leeds", locale="en-GB")
    assert got and "Samaritans" not in got[0]


# --- M5: goodbyes ---

@pytest.mark.parametrize("text, locale", [
    ("adeus", "pt-PT"), ("até amanhã", "pt-BR"), ("à demain", "fr-FR"), ("gotta go study", "en-US"), ("buonanotte davvero", "it-IT"),
])
def test_goodbyes_are_heard(text, locale) -> None:
    from actions import listening as listening_module

    assert listening_module.closing(text, locale.split("-")[0]) == "goodbye"
    got = said(listening("question"), [("hi", ["Hi"])], text, locale=locale)
    assert got and "?" not in got[0], got


@pytest.mark.parametrize("text", ["i have to go to work tomorrow and i hate it", "i really miss her", "gotta go study but i cant focus"])
def test_more_than_a_goodbye_is_no_goodbye(text) -> None:
    from actions import listening as listening_module

    assert listening_module.closing(text) is None
