"""The tenth exploratory reading, support bot in a crisis.

- H2: means at hand said just after an attempt (or after a message at high risk) get the means-safety line and a handoff,
  in seven languages ("ainda tenho os comprimidos em casa" after "tive alta ontem depois de tentar matar-me" got
  "Parece que isto é importante para ti").
- H3: while waiting for a person, an act about to happen ("je vais sauter", "vou pular", "der nächste Zug kommt in
  fünf Minuten", "stasera" after "ho comprato una corda", "i know which tree" after a rope) is answered as one, with the
  numbers, and the team's thread is told it is urgent.
- M3: "no, en serio, lo digo en serio" confirms the risk (thanked, the numbers now); a laugh gets "I'm taking what you
  said seriously either way", not "Your words are being passed on"; a person already discharged is not told "you don't
  have to decide anything about the hospital".
"""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import bank, handoff_answers  # noqa: E402
DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())
OPEN = {"id": 7, "status": "open", "waiting_s": 120, "expected_wait_s": None, "busy": True}
IN_HANDOFF = {"handoff_active": True, "handoff_id": 7.0, "handoff_asked": False}


def run(action, turns, text, *, locale="en-US", slots=None, crisis=None, intent="share_feelings", before=(),
        bot_action="action_handoff_present"):
    """What ``action`` says to ``text`` after ``turns``: (who, words) or ("person", words, crisis) pairs, the bot's
    words said by ``bot_action``; ``before``: raw tracker events first. Returns the lines said and the slots set."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    events = list(before)
    for who, words, *read in turns:
        if who == "person":
            meta = {"locale": locale, "session_proven": True}
            if read:
                meta["emotion"] = {"available": True, "turn": {"label": "fear"}, "derived": {"crisis": read[0]}}
            events += [{"event": "action", "name": "action_listen"}, {"event": "user", "text": words, "metadata": meta}]
        else:
            events += [{"event": "action", "name": bot_action}, {"event": "bot", "text": words},
                       {"event": "action", "name": "action_listen"}]
    emotion = {"available": True, "turn": {"label": "neutral"}, "derived": {"crisis": crisis or {}}}
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9},
              "metadata": {"emotion": emotion, "locale": locale, "session_proven": True}, "entities": []}
    events.append({"event": "user", **latest})
    dispatcher = CollectingDispatcher()
    out = asyncio.run(action.run(dispatcher, Tracker("s", slots or {}, latest, events, False, None, {}, "action_listen"),
                                 DOMAIN))
    return [m["text"] for m in dispatcher.messages if m.get("text")], {e["name"]: e["value"] for e in out if e.get("event") == "slot"}


def history(*messages):
    return [pair for said in messages for pair in (("person", said), ("bot", "..."))]


# --- H2: means at hand after an attempt -------------------------------------------------------------------

def test_pills_at_home_after_an_attempt_in_european_portuguese_are_handed_over(team) -> None:
    """a19 (pt-PT): the means-safety line in European Portuguese, and a handoff marked so."""
    from actions.replies import ActionSupportReflection

    said, slots = run(ActionSupportReflection(), history("olá", "tive alta ontem depois de tentar matar-me"),
                      "ainda tenho os comprimidos em casa", locale="pt-PT", crisis={"risk": 0.222, "level": "possible"})
    assert slots.get("handoff_active") is True, said
    assert any(line.startswith("Já tomaste algum?") for line in said), said
    assert not any("Parece que isto é importante" in line for line in said)
    assert team["requests"] and "means at hand" in team["requests"][0]


@pytest.mark.parametrize("locale, attempt, means", [
    ("en-US", "i tried to kill myself last week", "i still have the rest of the pills"),
    ("de-DE", "ich habe letzte woche versucht, mich umzubringen", "ich habe die tabletten noch zu hause"),
    ("fr-FR", "j'ai fait une tentative de suicide la semaine dernière", "j'ai encore les médicaments chez moi"),
    ("es-ES", "intenté matarme la semana pasada", "todavía tengo las pastillas en casa"),
    ("it-IT", "ho tentato il suicidio la settimana scorsa", "ho ancora le pillole a casa"),
    ("nl-NL", "ik heb vorige week een zelfmoordpoging gedaan", "ik heb de pillen nog thuis"),
    ("pt-BR", "tentei me matar semana passada", "ainda tenho os remédios em casa"),
])
def test_means_after_an_attempt_in_every_language(team, locale, attempt, means) -> None:
    from actions.replies import ActionSupportQuestion

    said, slots = run(ActionSupportQuestion(), history("hi", attempt), means, locale=locale,
                      crisis={"risk": 0.2, "level": "possible"})
    assert slots.get("handoff_active") is True and team["requests"], said
    lang = locale.split("-")[0] if locale != "pt-PT" else locale
    assert handoff_answers.asked_if_taken(said, lang), said


def test_means_after_a_message_at_high_risk_are_handed_over(team) -> None:
    from actions.replies import ActionSupportQuestion

    turns = [("person", "i can't go on anymore", {"risk": 0.9, "level": "high", "flag": True, "turn_flag": True}), ("bot", "...")]
    said, slots = run(ActionSupportQuestion(), turns, "i have a knife in my room", crisis={"risk": 0.3, "level": "possible"})
    assert slots.get("handoff_active") is True, said
    assert any("knife" in line for line in said), said


@pytest.mark.parametrize("before, text", [
    (["hi", "work has been awful"], "i still have the pills from my back surgery"),            # no attempt, no risk
    (["hi", "i tried to kill myself last week"], "should i keep taking the meds they gave me?"),  # a question
])
def test_means_without_an_attempt_or_as_a_question_are_not_handed_over(team, before, text) -> None:
    from actions.replies import ActionSupportQuestion

    said, slots = run(ActionSupportQuestion(), history(*before), text, crisis={"risk": 0.05, "level": "none"})
    assert not slots.get("handoff_active") and not team["requests"], said


# --- H3: an act about to happen while waiting -------------------------------------------------------------

@pytest.mark.parametrize("locale, before, text, number", [
    ("fr-FR", ["je suis sur le pont là"], "je vais sauter", "3114"),
    ("pt-BR", ["tô na ponte agora"], "vou pular", "188"),
    ("de-DE", ["ich stehe gerade an den Gleisen"], "der nächste Zug kommt in fünf Minuten", "0800"),
    ("en-US", ["i bought a rope today", "it's in my car"], "i know which tree", "988"),
    ("it-IT", ["non ce la faccio più", "ho comprato una corda"], "stasera", "112"),
    ("nl-BE", ["ik zie het niet meer zitten", "ik heb pillen gespaard"], "vanavond", "1813"),
    ("es-ES", ["estoy en el puente"], "voy a saltar", "024"),
])
def test_an_act_coming_while_waiting_is_answered_with_the_numbers_and_told_urgent(team, locale, before, text, number) -> None:
    from actions.crisis import URGENT_NOTICE, ActionHandoffPresent

    team["status"] = dict(OPEN)
    lang = locale.split("-")[0]
    said, _ = run(ActionHandoffPresent(), history(*before), text, locale=locale, slots=dict(IN_HANDOFF),
                  crisis={"risk": 0.2, "level": "possible"})
    assert said[0] in handoff_answers.imminent_lines(text, lang, before), said  # a time after the rope: its line (reading 12, M3)
    assert any(number in line for line in said[1:]), said
    assert ("alert", URGENT_NOTICE) in team["thread"]


def test_pt_pt_gets_its_own_words_for_an_act_coming(team) -> None:
    from actions.crisis import ActionHandoffPresent

    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history("estou na ponte"), "vou saltar", locale="pt-PT", slots=dict(IN_HANDOFF))
    assert said[0] in handoff_answers.kind_lines("imminent", "pt-PT") and "equipa" in said[0], said


@pytest.mark.parametrize("before, text", [
    (["i'm on the bridge"], "i'm not going to jump, i promise"),
    (["my sister has been really kind"], "tonight"),          # a time with no means, place or plan before it
])
def test_no_act_coming_is_read_where_none_is_said(team, before, text) -> None:
    from actions.crisis import URGENT_NOTICE, ActionHandoffPresent

    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history(*before), text, slots=dict(IN_HANDOFF))
    assert not set(said) & set(handoff_answers.kind_lines("imminent", "en")), said
    assert ("alert", URGENT_NOTICE) not in team["thread"]


def test_an_act_coming_is_answered_even_with_the_team_there(team) -> None:
    from actions.crisis import ActionHandoffPresent

    team["status"] = {"id": 7, "status": "claimed", "waiting_s": 30}
    turns = [("person", "i'm at the station"), ("bot", "..."), ("person", "hi"),
             ("bot", "Hi, I'm Sam from the support team. Are you safe right now?")]
    said, _ = run(ActionHandoffPresent(), turns, "the next train comes in two minutes", slots=dict(IN_HANDOFF))
    assert said and said[0] in handoff_answers.kind_lines("imminent", "en"), said


# --- M3: odd lines ----------------------------------------------------------------------------------------

def test_i_mean_it_after_risk_is_thanked_with_the_numbers(team) -> None:
    """a08 (es-MX)."""
    from actions.crisis import ActionHandoffPresent

    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history("ya no quiero vivir", "no sé"), "no, en serio, lo digo en serio",
                  locale="es-MX", slots=dict(IN_HANDOFF), crisis={"risk": 0.188, "level": "none"})
    assert said[0] in bank.answers("es")["handoff_earnest"], said
    assert len(said) >= 2 and any(c.isdigit() for c in said[-1]), said
    assert not any("transmitiendo" in line for line in said)


def test_a_laugh_in_a_crisis_handoff_is_taken_seriously(team) -> None:
    """a14 (en-GB)."""
    from actions.crisis import ActionHandoffPresent

    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history("sometimes i think about killing myself"), "lol only on mondays",
                  locale="en-GB", slots=dict(IN_HANDOFF), crisis={"risk": 0.05, "level": "none", "guards": ["joke"]})
    assert said[0] in bank.answers("en")["handoff_joke"], said
    assert not any("passed on" in line for line in said)


def test_already_discharged_is_not_told_about_deciding_on_the_hospital(team) -> None:
    """a15 (en-US)."""
    from actions.crisis import ActionEscalateCrisis

    said, _ = run(ActionEscalateCrisis(), history("hi"), "got out of the psych ward on friday after i overdosed",
                  crisis={"risk": 0.83, "level": "high", "flag": True, "turn_flag": True, "attempt": True})
    assert not any("decide anything about the hospital" in line for line in said), said
    assert team["requests"]
    said, _ = run(ActionEscalateCrisis(), history("hi"), "i'm scared they'll put me in the psych ward",
                  crisis={"risk": 0.83, "level": "high", "flag": True, "turn_flag": True})
    assert any("decide anything about the hospital" in line for line in said), said
