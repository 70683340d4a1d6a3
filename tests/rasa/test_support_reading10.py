"""Brief B of the tenth exploratory reading, support bot: a parent or a friend, "I'm serious" after risk, a supervisor who
claimed and did not write, and the small things (typed commands, a question about a book, resource names).

- M3: "a person has been asked to join" and "everyone is busy" are never said in one answer, and "call one of the
  numbers" comes with the numbers (fr-BE: Belgium's lines); a parent of a child who self-harms gets a parent's lines
  (stay with your child, ask calmly, means out of reach, their doctor, the young people's line) and, when the risk is
  current, a person from the team; a friend's message script is not for a parent.
- H3: "je suis sérieux" a few messages after a goodbye letter is a confirmation of the risk (thanked, the escalation),
  never good news; a laugh after risk: "I'm taking what you said seriously either way" and the numbers, once.
- M5: a claimed handoff whose supervisor has not written for ``CLAIMED_SILENT_S`` since the claim: a turn with a place
  of danger gets the emergency number again, with "the person from our team will answer here".
- L2 / L4: a typed "/session_start" is answered; "/restart" in a handoff says the conversation with the team stays open;
  a question about a book is answered as one; a German line gives resource names in German or neutral.
"""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import bank  # noqa: E402
from actions.conversation import variants  # noqa: E402
from policies.situations import situation_of  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())
GOODBYE_LETTER = {"risk": 0.744, "level": "possible", "category": "preparatory_acts", "categories": ["preparatory_acts"],
                  "explicit": True}


def run(action, turns, text, *, locale="en-US", slots=None, crisis=None, intent="share_feelings", label="neutral",
        now=None):
    """What ``action`` says to ``text`` after ``turns``: ("person", words[, crisis]), ("bot", words), ("team", words: a
    line a person from the team wrote) or ("slot", (name, value), timestamp) tuples; ``now``: the latest message's
    timestamp (s). The message carries the situation SituationEntities reads in it. Returns the lines said and the
    events returned."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    events = []
    for who, words, *more in turns:
        if who == "person":
            meta = {"locale": locale, "session_proven": True}
            if more:
                meta["emotion"] = {"available": True, "turn": {"label": "fear"}, "derived": {"crisis": more[0]}}
            events += [{"event": "action", "name": "action_listen"}, {"event": "user", "text": words, "metadata": meta}]
        elif who == "bot":
            events += [{"event": "action", "name": "action_support_question"}, {"event": "bot", "text": words},
                       {"event": "action", "name": "action_listen"}]
        elif who == "team":
            events.append({"event": "bot", "text": words})
        else:
            events.append({"event": "slot", "name": words[0], "value": words[1], "timestamp": more[0]})
    emotion = {"available": True, "turn": {"label": label}, "derived": {"crisis": crisis or {}}}
    situation = situation_of(text)
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9},
              "metadata": {"emotion": emotion, "locale": locale, "session_proven": True},
              "entities": [{"entity": "situation", "value": situation}] if situation else []}
    events.append({"event": "user", **latest, **({"timestamp": now} if now is not None else {})})
    dispatcher = CollectingDispatcher()
    out = asyncio.run(action.run(dispatcher, Tracker("s", slots or {}, latest, events, False, None, {}, "action_listen"),
                                 DOMAIN))
    return [m["text"] for m in dispatcher.messages if m.get("text")], out


def slots_of(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def history(*messages):
    return [pair for said in messages for pair in (("person", said), ("bot", "..."))]


def lines_of(key, lang):
    return bank.answers(lang)[key]


# --- M3: a friend, a parent, and a busy team -----------------------------------------------------------------

BUSY = {"id": 7, "status": "open", "waiting_s": 10, "expected_wait_s": 90, "busy": True}
HIGH_EXPLICIT = {"risk": 0.99, "level": "high", "flag": True, "turn_flag": True, "explicit": True,
                 "category": "risk_to_others", "categories": ["risk_to_others"]}


def test_a_busy_team_is_said_instead_of_a_person_joining_and_with_belgiums_numbers(team) -> None:
    """a30 (fr-BE): "J'ai demandé à quelqu'un de notre équipe ..." and "Toute notre équipe est occupée ... appelle l'un
    des numéros" in one turn, and no number."""
    from actions.situation_replies import ActionSituation

    team["status"] = dict(BUSY)
    said, events = run(ActionSituation(), [], "mon amie m'a dit qu'elle allait se suicider ce soir", locale="fr-BE",
                       crisis=HIGH_EXPLICIT)
    assert slots_of(events).get("handoff_active") is True and team["requests"], said
    busy = [i for i, line in enumerate(said) if line in lines_of("handoff_busy", "fr")]
    assert busy, said
    assert not set(said) & set(lines_of("person_joining", "fr")), said
    assert any("0800 32 123" in line for line in said), said  # "appelle l'un des numéros" with the numbers


def test_a_busy_team_after_a_line_without_numbers_brings_the_numbers(team) -> None:
    """The friend cannot be reached: that line names the emergency number only, so the numbers follow "call one of the
    numbers now"."""
    from actions.situation_replies import ActionSituation

    team["status"] = dict(BUSY)
    said, _ = run(ActionSituation(), [], "mon amie ne répond plus, elle m'a dit qu'elle allait se suicider ce soir",
                  locale="fr-BE", crisis=HIGH_EXPLICIT)
    busy = [i for i, line in enumerate(said) if line in lines_of("handoff_busy", "fr")]
    assert busy and not any("0800 32 123" in line for line in said[:busy[0]]), said
    assert any("0800 32 123" in line and "112" in line for line in said[busy[0] + 1:]), said


def test_a_team_with_time_still_says_a_person_is_joining(team) -> None:
    from actions.situation_replies import ActionSituation

    team["status"] = {"id": 7, "status": "open", "waiting_s": 10, "expected_wait_s": 90}
    said, _ = run(ActionSituation(), [], "mon amie m'a dit qu'elle allait se suicider ce soir", locale="fr-BE",
                  crisis=HIGH_EXPLICIT)
    assert set(said) & set(lines_of("person_joining", "fr")), said
    assert not set(said) & set(lines_of("handoff_busy", "fr")), said


@pytest.mark.parametrize("locale, lines", [("fr-BE", ("0800 32 123", "112")), ("nl-BE", ("1813", "112"))])
def test_belgium_has_its_lines(locale, lines) -> None:
    from actions.resources import resources_for

    full = resources_for(locale).full(locale.split("-")[0])
    assert all(number in full for number in lines), full


def child_lines(lang: str) -> list[str]:
    return [line.split("{")[0][:40] for line in lines_of("situation_child_at_risk", lang)]


@pytest.mark.parametrize("locale, text, numbers", [
    ("es-ES", "mi hijo de 14 años se está cortando los brazos", ("112", "900 20 20 10")),        # a31
    ("en-GB", "my 14 year old daughter has been cutting herself", ("999", "0800 1111")),          # a16
    ("de-DE", "mein Sohn ritzt sich seit Wochen", ("112", "116 111")),
    ("fr-FR", "ma fille de 15 ans se scarifie", ("112", "119")),
    ("it-IT", "mia figlia si taglia le braccia", ("112", "19696")),
    ("nl-NL", "mijn dochter van 14 snijdt zichzelf", ("112", "0800 0432")),
    ("pt-BR", "meu filho de 15 anos está se cortando", ("192", "100")),
])
def test_a_parent_of_a_child_who_self_harms_gets_a_parents_lines_and_a_person(team, locale, text, numbers) -> None:
    from actions.situation_replies import ActionSituation

    lang = locale.split("-")[0]
    assert situation_of(text) == "friend_at_risk"
    said, events = run(ActionSituation(), [], text, locale=locale,
                       crisis={"risk": 0.58, "level": "possible", "category": "risk_to_others"})
    assert said[0].startswith(tuple(child_lines(lang))), said
    assert not any(line.startswith(first.split("{")[0][:30]) for line in said
                   for first in lines_of("situation_friend_at_risk", lang)), said
    assert all(any(number in line for line in said) for number in numbers), said
    assert slots_of(events).get("handoff_active") is True and team["requests"], said   # current risk: a person joins
    assert "child" in team["requests"][0]


def test_a_parent_telling_of_the_past_gets_the_parents_lines_without_a_handoff(team) -> None:
    from actions.situation_replies import ActionSituation

    said, events = run(ActionSituation(), [], "my son cut himself last year and i worry it will start again",
                       crisis={"risk": 0.3, "level": "possible", "category": "risk_to_others", "guards": ["past"]})
    assert said[0].startswith(tuple(child_lines("en"))), said
    assert not team["requests"] and not slots_of(events).get("handoff_active")


def test_a_parents_follow_up_gets_the_parents_next_line(team) -> None:
    from actions.situation_replies import ActionSituation

    text = "mi hijo de 14 años se está cortando los brazos"
    said, _ = run(ActionSituation(), [("person", text), ("bot", "...")], "¿qué hago?", locale="es-ES", intent="ask_advice",
                  slots={"situation_open": "friend_at_risk", "situation_until": 4.0, "handoff_active": True})
    starts = tuple(line.split("{")[0][:30] for line in lines_of("situation_child_at_risk_after", "es"))
    assert said and said[0].startswith(starts), said


def test_a_friends_message_still_gets_the_friends_script(team) -> None:
    from actions.situation_replies import ActionSituation

    said, _ = run(ActionSituation(), [], "my best friend texted me that she wants to kill herself",
                  crisis={"risk": 0.6, "level": "possible", "category": "risk_to_others"})
    assert any(line.startswith(first.split("{")[0][:30]) for line in said
               for first in lines_of("situation_friend_at_risk", "en")), said
    assert not said[0].startswith(tuple(child_lines("en"))), said


# --- H3: "I'm serious" and a laugh after risk ----------------------------------------------------------------

@pytest.mark.parametrize("locale, risky, between, earnest, number", [
    ("fr-FR", "j'ai écrit une lettre d'adieu", "elle est sur mon bureau", "je suis sérieux", "3114"),          # a25
    ("en-GB", "i've written a goodbye letter", "it's on my desk", "i'm serious", "116 123"),
    ("es-MX", "ya escribí una carta de despedida", "está en mi escritorio", "lo digo en serio", "800 911 2000"),
    ("de-DE", "ich habe einen Abschiedsbrief geschrieben", "er liegt auf meinem Schreibtisch", "ich meine das ernst", "0800 111 0 111"),
    ("it-IT", "ho scritto una lettera d'addio", "è sulla mia scrivania", "dico sul serio", "02 2327 2327"),
    ("nl-NL", "ik heb een afscheidsbrief geschreven", "hij ligt op mijn bureau", "ik meen het", "113"),
    ("pt-BR", "escrevi uma carta de despedida", "está na minha mesa", "é sério", "188"),
])
def test_im_serious_after_risk_is_a_confirmation_not_good_news(team, locale, risky, between, earnest, number) -> None:
    from actions.replies import ActionSupportAffirmation

    lang = locale.split("-")[0]
    turns = [("person", risky, GOODBYE_LETTER), ("bot", "..."), ("person", between), ("bot", "...")]
    said, events = run(ActionSupportAffirmation(), turns, earnest, locale=locale, label="joy",
                       crisis={"risk": 0.1, "level": "none"})
    assert said[0] in lines_of("earnest_after_risk", lang), said
    assert slots_of(events).get("handoff_active") is True and "earnest" in team["requests"][0], said
    assert any(number in line for line in said), said
    good_news = set(bank.listening_in(lang).good_news) | set(bank.listening_in("en").good_news)
    assert not set(said) & good_news


def test_im_serious_about_something_harmless_is_listened_to(team) -> None:
    from actions.replies import ActionSupportAffirmation

    said, events = run(ActionSupportAffirmation(), history("we went to the new pizza place", "it was amazing"),
                       "i'm serious, best pizza ever", label="joy")
    assert not team["requests"] and not slots_of(events).get("handoff_active"), said
    assert not set(said) & set(lines_of("earnest_after_risk", "en"))


def test_a_laugh_after_risk_is_taken_seriously_with_the_numbers_once(team) -> None:
    """a14's laugh outside a handoff."""
    from actions.replies import ActionSupportQuestion

    turns = [("person", "sometimes i think about killing myself", {"risk": 0.6, "level": "possible"}), ("bot", "...")]
    said, _ = run(ActionSupportQuestion(), turns, "lol only on mondays", locale="en-GB",
                  crisis={"risk": 0.05, "level": "none", "guards": ["joke"]})
    assert said[0] in lines_of("joke_after_risk", "en") and "116 123" in said[1], said
    again, _ = run(ActionSupportQuestion(), [*turns, ("person", "lol only on mondays"), *[("bot", line) for line in said]],
                   "haha jk", locale="en-GB", crisis={"risk": 0.05, "level": "none", "guards": ["joke"]})
    assert not set(again) & set(lines_of("joke_after_risk", "en")), again


# --- M5: a claimed handoff whose supervisor has not written ---------------------------------------------------

def claimed_silent_turns(opened_at: float):
    return [("person", "estoy en el balcón", {"risk": 0.9, "level": "high", "flag": True}),
            ("slot", ("handoff_active", True), opened_at), ("slot", ("handoff_id", 7.0), opened_at),
            ("bot", "..."), ("person", "¿hola? ¿hay alguien?"), ("bot", "Una persona de nuestro equipo se ha unido y te responderá aquí.")]


@pytest.mark.parametrize("seconds_since_claim, silent", [(150, True), (60, False)])
def test_a_silent_claim_gives_the_emergency_number_again_to_a_place_of_danger(team, seconds_since_claim, silent) -> None:
    """d07 (es-ES): "sigo en el balcón" got only "Tu mensaje le llega a la persona de nuestro equipo". A place told while
    nobody from the team has written gets the numbers before the claim is silent too (twelfth reading, H5); once it is
    silent, the truth instead of "se ha unido" (test_support_reading12_silent.py)."""
    from actions.crisis import ActionHandoffPresent

    team["status"] = {"id": 7, "status": "claimed", "waiting_s": 30}
    said, _ = run(ActionHandoffPresent(), claimed_silent_turns(1000.0), "sigo en el balcón", locale="es-ES",
                  slots={"handoff_active": True, "handoff_id": 7.0, "handoff_asked": False},
                  crisis={"risk": 0.3, "level": "possible"}, now=1000.0 + 30 + seconds_since_claim)
    assert bool(set(said) & set(variants(DOMAIN, "utter_handoff_claimed", "es"))) is not silent, said
    assert any("112" in line and "024" in line for line in said), said


def test_no_number_again_once_the_supervisor_has_written(team) -> None:
    from actions.crisis import ActionHandoffPresent

    team["status"] = {"id": 7, "status": "claimed", "waiting_s": 30}
    turns = [*claimed_silent_turns(1000.0), ("team", "Hola, soy Ana del equipo. ¿Estás a salvo ahora?")]
    said, _ = run(ActionHandoffPresent(), turns, "sigo en el balcón", locale="es-ES",
                  slots={"handoff_active": True, "handoff_id": 7.0, "handoff_asked": False},
                  crisis={"risk": 0.3, "level": "possible"}, now=1500.0)
    assert not any("024" in line for line in said), said


# --- L2 / L4 -------------------------------------------------------------------------------------------------

def test_a_typed_session_start_is_answered_and_the_slots_carry_over(team) -> None:
    """e06: "/session_start" got no message at all."""
    from rasa_sdk.events import SessionStarted, SlotSet

    from actions.lifecycle import ActionSessionStart

    said, events = run(ActionSessionStart(), history("hi"), "/session_start", intent="session_start",
                       slots={"last_strategy": "question"})
    assert said == lines_of("command", "en") and events[0] == SessionStarted()
    assert SlotSet("last_strategy", "question") in events
    said, _ = run(ActionSessionStart(), [], "/session_start", intent="session_start",
                  slots={"handoff_active": True, "handoff_id": 7.0})
    assert said == lines_of("restart_in_handoff", "en"), said


def test_a_session_rasa_starts_on_its_own_says_nothing() -> None:
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.lifecycle import ActionSessionStart

    tracker = Tracker("s", {}, {}, [{"event": "action", "name": "action_listen"}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionSessionStart().run(dispatcher, tracker, DOMAIN))
    assert dispatcher.messages == []


@pytest.mark.parametrize("locale, before", [("en-GB", "i can't do this anymore"), ("de-DE", "ich kann einfach nicht mehr"),
                                            ("es-ES", "ya no puedo más con todo esto")])
def test_restart_in_a_handoff_says_the_conversation_with_the_team_stays_open(team, locale, before) -> None:
    from rasa_sdk.events import Restarted

    from actions.lifecycle import ActionRestart

    team["status"] = {"id": 7, "status": "open", "waiting_s": 30}
    said, events = run(ActionRestart(), history(before), "/restart", intent="restart", locale=locale,
                       slots={"handoff_active": True, "handoff_id": 7.0})
    assert said == lines_of("restart_in_handoff", locale.split("-")[0]), said
    assert Restarted() not in events
    assert ("bot", said[0]) in team["thread"]


STORY_BEFORE = ["hi", "im reading anna karenina for my literature class"]


@pytest.mark.parametrize("action_name, crisis", [
    ("question", {"risk": 0.3, "level": "possible"}),
    ("screen", {"risk": 0.8, "level": "possible"}),
])
def test_a_question_about_a_book_is_answered_as_one(team, action_name, crisis) -> None:
    """l05: "why did she throw herself under the train?" after the novel was named got "What would help you most right
    now: to talk it through, or just to let it out?"."""
    from actions.crisis_screen import ActionCrisisScreen
    from actions.replies import ActionSupportQuestion

    action = ActionSupportQuestion() if action_name == "question" else ActionCrisisScreen()
    said, events = run(action, history(*STORY_BEFORE), "why did she throw herself under the train?", crisis=crisis)
    assert said and said[0] in lines_of("story_question", "en"), said
    assert not slots_of(events).get("screening_question") and not team["requests"]


def test_a_question_about_oneself_after_a_book_is_not_a_question_about_the_book(team) -> None:
    from actions.replies import ActionSupportQuestion

    said, _ = run(ActionSupportQuestion(), history(*STORY_BEFORE), "why do i feel so empty all the time?",
                  crisis={"risk": 0.3, "level": "possible"})
    assert not set(said) & set(lines_of("story_question", "en")), said
    said, _ = run(ActionSupportQuestion(), history("hi", "work was awful"), "why did she say that to me?")
    assert not set(said) & set(lines_of("story_question", "en")), said


def test_a_german_line_names_english_lines_neutrally() -> None:
    """b09: "Wenn du gerade in Gefahr bist, ruf 999 an oder Samaritans, free, any time: 116 123."."""
    from actions.resources import resources_for

    uk = resources_for("en-GB")
    for line in (uk.short("de"), uk.full("de"), uk.texting("de"), uk.sentence("child", "de")):
        assert "free" not in line and "any time" not in line and "text SHOUT to" not in line, line
    assert "Samaritans" in uk.short("de") and "116 123" in uk.short("de") and "999" in uk.short("de")
    assert "SHOUT" in uk.full("de") and "85258" in uk.full("de")
    assert "Samaritans, free, any time" in uk.short("en")                       # in English, as written
    assert "findahelpline.com" in resources_for("xx").full("de")
    assert resources_for("en-IE").short("de").count("112 / 999") == 1


def test_a_german_speakers_thanks_in_the_uk_gets_no_english_words(team) -> None:
    from actions.replies import ActionSupportAtRisk

    said, _ = run(ActionSupportAtRisk(), history("ich bin so müde von allem"), "danke", locale="en-GB", intent="thank",
                  crisis={"risk": 0.6, "level": "possible"})
    assert said and not any("free, any time" in line for line in said), said
