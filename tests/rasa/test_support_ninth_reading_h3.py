"""The support bot's answers to the ninth exploratory reading's finding H3: risk said *during* the C-SSRS
screen got the next question or "we don't have to go through these questions now". A place with "now" or
nearness ("might just walk into the sea lol. its like 5 min from my place"), "im serious actually" after a
risky line read as a joke, a method looked up ("i looked up the train times"), being on the way ("my shoes
are already on"), affairs settled ("j'ai tout réglé") and a farewell ("Sag meiner Schwester, dass ich sie lieb
hab. Lebt wohl.") end the screen with the escalation, in the seven languages."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import conversation, disclosure, screener  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())


def lines_of(name: str, lang: str) -> list[str]:
    return conversation.variants(DOMAIN, name, lang)


def run(turns: list[tuple[str, list[str], dict]], text: str, crisis: dict | None = None, locale: str = "en-US",
        slots: dict | None = None, intent: str = "share_feelings") -> tuple[list[str], dict]:
    """What the screen action says to ``text`` after ``turns`` (the person's messages, each with the bot's lines
    after it and its crisis reading), and the slots it sets."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.crisis_screen import ActionCrisisScreen

    def metadata(reading: dict | None) -> dict:
        return {"locale": locale, "emotion": {"available": True, "turn": {"label": "neutral"},
                                              "derived": {"crisis": reading or {}}}}

    events = []
    for said, bot_said, reading in turns:
        events.append({"event": "user", "text": said, "metadata": metadata(reading)})
        events += [{"event": "bot", "text": line} for line in bot_said]
    events.append({"event": "user", "text": text, "metadata": metadata(crisis)})
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "metadata": metadata(crisis)}
    dispatcher = CollectingDispatcher()
    tracker = Tracker("s", slots or {}, latest, events, False, None, {}, "action_listen")
    out = asyncio.run(ActionCrisisScreen().run(dispatcher, tracker, DOMAIN))
    return [m["text"] for m in dispatcher.messages], {e["name"]: e["value"] for e in out if e.get("event") == "slot"}


def escalated(said: list[str], slots: dict, team: dict, lang: str) -> None:
    assert said and said[0] in lines_of("utter_crisis_concern", lang), said       # heard, the resources at once
    assert not any(q.ask in said or q.again in said for q in screener.questions(lang).values()), said  # no next question
    assert not any(line in said for line in lines_of("utter_screen_skipped", lang)), said  # not "we don't have to ..."
    assert slots["handoff_active"] is True and slots["screening_question"] is None
    assert team["requests"], "no handoff"


AT_1 = {"screening_question": 1.0, "screening_answers": [], "screening_retry": False}
AT_6_AGAIN = {"screening_question": 6.0, "screening_answers": [[1, "no"], [2, "no"]], "screening_retry": True}
POSSIBLE = {"risk": 0.3, "flag": False, "turn_flag": False, "level": "possible", "category": "passive_death_wish"}

# --- said during the screen: a place with "now", a method looked up, on the way, affairs settled, a farewell ---

TOLD = [  # (lang, locale, the message, its crisis reading, slots): b13, b09, b17, b18 and the other languages
    ("en", "en-US", "might just walk into the sea lol. its like 5 min from my place",
     {"risk": 0.82, "level": "possible", "category": "plan", "guards": ["joke"]}, AT_1),
    ("en", "en-US", "i looked up the train times", {"risk": 0.24, "level": "possible", "category": "method"}, AT_1),
    ("en", "en-US", "my shoes are already on", {"risk": 0.13, "level": "possible", "category": "plan"}, AT_1),
    ("en", "en-GB", "thank you for everything. please tell my mum i love her. goodbye", POSSIBLE, AT_6_AGAIN),
    ("en", "en-US", "everything is sorted now", POSSIBLE, AT_1),
    ("de", "de-DE", "Danke für alles. Sag meiner Schwester, dass ich sie lieb hab. Lebt wohl.",
     {"risk": 0.65, "level": "possible", "category": "preparatory_acts"}, AT_6_AGAIN),
    ("de", "de-DE", "ich hab alles geregelt", POSSIBLE, AT_1),
    ("de", "de-AT", "ich bin schon unterwegs zur brücke", POSSIBLE, AT_1),
    ("fr", "fr-FR", "j'ai tout réglé", {"risk": 0.33, "level": "possible", "category": "passive_death_wish"}, AT_1),
    ("fr", "fr-BE", "dis à ma sœur que je l'aime. adieu", POSSIBLE, AT_6_AGAIN),
    ("fr", "fr-FR", "j'ai regardé les horaires des trains", POSSIBLE, AT_1),
    ("es", "es-ES", "ya dejé todo en orden", POSSIBLE, AT_1),
    ("es", "es-MX", "dile a mi hermana que la quiero", POSSIBLE, AT_6_AGAIN),
    ("es", "es-ES", "el puente está a cinco minutos, voy de camino", POSSIBLE, AT_1),
    ("it", "it-IT", "ho sistemato tutto", POSSIBLE, AT_1),
    ("it", "it-IT", "dite a mia madre che le voglio bene. addio", POSSIBLE, AT_6_AGAIN),
    ("it", "it-IT", "ho cercato gli orari dei treni", POSSIBLE, AT_1),
    ("nl", "nl-NL", "ik heb alles geregeld", POSSIBLE, AT_1),
    ("nl", "nl-BE", "zeg tegen mijn zus dat ik van haar hou. vaarwel", POSSIBLE, AT_6_AGAIN),
    ("nl", "nl-NL", "mijn schoenen zijn al aan", POSSIBLE, AT_1),
    ("pt", "pt-BR", "já resolvi tudo", POSSIBLE, AT_1),
    ("pt-PT", "pt-PT", "diga à minha irmã que eu a amo. adeus", POSSIBLE, AT_6_AGAIN),
    ("pt", "pt-BR", "tô no telhado agora", POSSIBLE, AT_1),
]


@pytest.mark.parametrize("lang, locale, text, crisis, slots", TOLD)
def test_risk_said_during_the_screen_ends_it_with_the_escalation(team, lang, locale, text, crisis, slots) -> None:
    question = screener.questions(lang)[int(slots["screening_question"])].ask
    said, out = run([("...", [question], POSSIBLE)], text, crisis=crisis, locale=locale, slots=slots)
    escalated(said, out, team, lang)
    assert "told during the C-SSRS screen" in team["requests"][0]


@pytest.mark.parametrize("text", [
    "no", "yes sometimes", "nein, mir geht's gut", "i'll tell my mum i love her more", "i googled how to sleep better",
    "ik kan niet meer nu", "im not going anywhere near the bridge now", "on my way home now, but yes sometimes",
    "thanks, bye", "no lo decía en serio", "we went to the sea last summer", "ik wil niet meer"])
def test_plain_answers_tell_nothing_more(text: str) -> None:
    assert disclosure.disclosed(text, POSSIBLE) is None


# --- "I'm serious" after a risky line read as a joke ---

JOKED = {"risk": 0.82, "level": "possible", "category": "plan", "guards": ["joke"]}
EARNEST = [  # (lang, locale, a way said with a laugh, then that it is meant)
    ("en", "en-US", "might just walk into the sea lol", "im serious actually"),
    ("de", "de-DE", "vielleicht lauf ich einfach ins meer lol", "das ist kein Witz"),
    ("fr", "fr-FR", "je vais peut-être juste marcher dans la mer mdr", "je rigole pas"),
    ("es", "es-ES", "igual me meto en el mar y ya jaja", "no es broma"),
    ("it", "it-IT", "magari entro nel mare e basta ahah", "non sto scherzando"),
    ("nl", "nl-NL", "misschien loop ik gewoon de zee in haha", "ik meen het"),
    ("pt", "pt-BR", "talvez eu entre no mar e pronto kkk", "não é brincadeira"),
]


def test_a_laugh_over_a_way_during_the_screen_is_not_let_pass(team) -> None:
    question = screener.questions("en")[1]
    said, slots = run([("evrything is pointles tbh", [question.ask], POSSIBLE)], "might just walk into the sea lol",
                      crisis=JOKED, slots=AT_1)
    assert not any(line in said for line in lines_of("utter_screen_skipped", "en")), said
    assert question.again in said and slots.get("screening_question", 1.0) == 1.0


@pytest.mark.parametrize("lang, locale, laughed, text", EARNEST)
def test_meant_in_earnest_after_a_risky_line_read_as_a_joke_ends_the_screen(team, lang, locale, laughed, text) -> None:
    joked = (laughed, [screener.questions(lang)[1].again], JOKED)
    # the turn after the screen was let pass as a joke (b13) ...
    said, slots = run([joked], text, crisis=POSSIBLE, locale=locale,
                      slots={"screen_resumable": 1.0, "screen_dismissed": True})
    escalated(said, slots, team, lang)
    # ... and during the screen
    team["requests"].clear()
    said, slots = run([joked], text, crisis=POSSIBLE, locale=locale, slots={**AT_1, "screening_retry": True})
    escalated(said, slots, team, lang)


def test_meant_in_earnest_after_a_plain_answer_is_a_yes_not_an_escalation(team) -> None:
    questions = screener.questions("en")
    said, slots = run([("sometimes", [questions[1].ask], POSSIBLE)], "im serious", crisis=POSSIBLE, slots=AT_1)
    assert questions[2].ask in said and slots["screening_question"] == 2 and not team["requests"]


@pytest.mark.parametrize("text", ["no es broma", "im not joking", "je rigole pas", "non sto scherzando", "não é brincadeira"])
def test_not_joking_is_neither_a_dismissal_nor_a_no(text: str) -> None:
    assert screener.read_answer(text) == "yes" and screener.earnest(text)


@pytest.mark.parametrize("text", ["seriously?", "no lo decía en serio", "niet serieus bedoeld", "lol jk"])
def test_a_question_or_a_denial_is_not_earnest(text: str) -> None:
    assert not screener.earnest(text)


def test_after_a_screen_let_pass_only_words_end_it_not_a_models_reading_alone(team) -> None:
    # d-loneliness-02 (dev): an evening routine read high after the screen was let pass is listened to
    read_high = {"risk": 0.9, "flag": True, "turn_flag": True, "level": "high", "category": "plan"}
    said, slots = run([("le sere in settimana sono lunghissime", [], POSSIBLE)],
                      "mangio davanti alla tv e poi vado a letto presto per far passare il tempo", crisis=read_high,
                      locale="it-IT", slots={"screen_resumable": 1.0})
    assert not team["requests"] and not slots.get("handoff_active"), said
