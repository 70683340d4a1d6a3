"""The twelfth exploratory reading, H5, the person's side (data/exploratory/2026-12-07/reading12/FINDINGS.md, B2): a
supervisor claimed the handoff and wrote nothing while the person wrote "still on the balcony" every 30 s.

- The bot kept promising "A person from our team has joined and will answer you here" for 2.5 minutes: once the claim is
  silent (``CLAIMED_SILENT_S``), the truth instead (nobody has written yet, the team told again, call now), once, then
  when asked or at risk, and an alert in the team's thread whenever it says so (what it says has happened).
- The third "still on the balcony" (90 s, read at level none) got only the promise: a place told again while nobody
  from the team has written gets the step-away line and the numbers every time, in every language.
- "are you still there?" during the silent claim gets the truth; after the resolve, that the conversation with the
  team was closed, how to get a person again and the numbers, not "I'm an automated listening assistant".
"""
from __future__ import annotations

import asyncio
import re
from typing import Dict, List, Optional

import pytest

from tests.rasa.test_support_reading12_claim import DOMAIN, SLOTS, two_minutes  # noqa: F401  (autouse: 120 s)

from actions import bank, handoff_answers  # noqa: E402  (the module above puts bot/support on the path)
from actions.conversation import variants  # noqa: E402
from actions.silent_claim import SILENT_CLAIM_NOTICE, SILENT_WAITING_NOTICE  # noqa: E402

LOW = {"risk": 0.0144, "level": "none", "flag": False}
"""The reading of "still on the balcony" in B2 from 90 s on."""
FIRST = {"risk": 0.98, "level": "high", "flag": True, "turn_flag": True, "category": "method"}
EVERY = 30.0

# locale, the first message, the place told again, "are you still there?", the emergency number
PEOPLE = [
    ("en-US", "im on my balcony on the 9th floor and i want to jump", "still on the balcony", "are you still there?", "911"),
    ("de-DE", "ich stehe auf meinem Balkon im 9. Stock und will springen", "immer noch auf dem Balkon", "bist du noch da?", "112"),
    ("fr-FR", "je suis sur mon balcon au 9e étage et je veux sauter", "toujours sur le balcon", "tu es là ?", "112"),
    ("es-ES", "estoy en mi balcón en el noveno piso y quiero saltar", "sigo en el balcón", "¿sigues ahí?", "112"),
    ("it-IT", "sono sul balcone al nono piano e voglio buttarmi", "sono ancora sul balcone", "ci sei ancora?", "112"),
    ("nl-NL", "ik sta op mijn balkon op de 9e verdieping en wil springen", "nog steeds op het balkon", "ben je er nog?", "112"),
    ("pt-PT", "estou na varanda do 9.º andar e quero saltar", "ainda estou na varanda", "ainda estás aí?", "112"),
]


class Chat:
    """A conversation in a claimed handoff, turn by turn through ``ActionHandoffPresent``, on the tracker's clock: the
    handoff opened on the first message at 0 s and was claimed at once; what the bot said goes back into the events."""

    def __init__(self, team: Dict, locale: str, first: str) -> None:
        self.team, self.locale = team, locale
        self.events: List[Dict] = [*self.person(first, FIRST, 0.0),
                                   {"event": "action", "name": "action_escalate_crisis", "timestamp": 0.0},
                                   {"event": "bot", "text": "...", "timestamp": 0.0},
                                   {"event": "slot", "name": "handoff_active", "value": True, "timestamp": 0.0},
                                   {"event": "slot", "name": "handoff_id", "value": 7.0, "timestamp": 0.0},
                                   {"event": "action", "name": "action_listen", "timestamp": 0.0}]

    def person(self, text: str, crisis: Dict, at: float) -> List[Dict]:
        meta = {"locale": self.locale, "session_proven": True,
                "emotion": {"available": True, "turn": {"label": "neutral"}, "derived": {"crisis": crisis}}}
        return [{"event": "user", "text": text, "metadata": meta, "timestamp": at,
                 "intent": {"name": "share_feelings", "confidence": 0.9}, "entities": []}]

    def says(self, text: str, at: float, crisis: Optional[Dict] = None, status: str = "claimed") -> List[str]:
        """What the bot answers ``text`` said ``at`` seconds after the claim; the team's thread gets what it reports."""
        from rasa_sdk import Tracker
        from rasa_sdk.executor import CollectingDispatcher

        from actions.crisis import ActionHandoffPresent

        self.team["status"] = {"id": 7, "status": status, "waiting_s": 0.2, "expected_wait_s": None,
                               "claimed": True, "since_claim_s": at}
        self.events += self.person(text, crisis or LOW, at)
        latest = {k: v for k, v in self.events[-1].items() if k not in ("event", "timestamp")}
        dispatcher = CollectingDispatcher()
        tracker = Tracker("s", dict(SLOTS), latest, self.events, False, None, {}, "action_listen")
        asyncio.run(ActionHandoffPresent().run(dispatcher, tracker, DOMAIN))
        said = [m["text"] for m in dispatcher.messages if m.get("text")]
        self.events += [{"event": "action", "name": "action_handoff_present", "timestamp": at}]
        self.events += [{"event": "bot", "text": line, "timestamp": at} for line in said]
        self.events += [{"event": "action", "name": "action_listen", "timestamp": at}]
        return said

    def team_writes(self, text: str, at: float) -> None:
        self.events += [{"event": "bot", "text": text, "timestamp": at}]  # the dashboard appends it, after action_listen


def lang_of(locale: str) -> str:
    return locale if locale == "pt-PT" else locale.split("-")[0]


def silent_lines(locale: str) -> set:
    return set(bank.answers(lang_of(locale))["handoff_silent_claim"])


def claimed_lines(locale: str) -> set:
    return set(variants(DOMAIN, "utter_handoff_claimed", lang_of(locale)))


def place_lines(said: List[str], locale: str) -> List[str]:
    """The lines of ``said`` that ask the person to step away from a place (the English ones name it: ``{place}``)."""
    templates = [re.compile(".+".join(re.escape(part) for part in re.split(r"\{\w+\}", line)) + "$")
                 for line in handoff_answers.kind_lines("place", lang_of(locale))]
    return [line for line in said if any(template.match(line) for template in templates)]


def alerts(team: Dict) -> List[str]:
    return [line for kind, line in team["thread"] if kind == "alert"]


# --- "still on the balcony" every 30 s after the claim ----------------------------------------------------------

@pytest.mark.parametrize("locale, first, again, _still, number", PEOPLE)
def test_a_place_told_again_gets_its_line_and_the_numbers_every_time_and_the_truth_once_the_claim_is_silent(
        team, locale, first, again, _still, number) -> None:
    """B2: at 30 s and 60 s no number; at 90 s only "A person from our team has joined"; at 120 s and 150 s the same
    promise."""
    chat = Chat(team, locale, first)
    for turn in range(1, 6):
        said, silent = chat.says(again, turn * EVERY), turn * EVERY >= 120
        assert place_lines(said, locale), (turn, said)
        assert any(number in line for line in said), (turn, said)
        assert bool(set(said) & silent_lines(locale)) is silent, (turn, said)
        assert bool(set(said) & claimed_lines(locale)) is not silent, (turn, said)
    assert locale == "en-US" or not set(said) & silent_lines("en-US"), said  # in the person's language


# --- a silent claim: the truth instead of the promise ----------------------------------------------------------

@pytest.mark.parametrize("locale, first, _again, still, number", PEOPLE)
def test_are_you_still_there_during_a_silent_claim_gets_the_truth_the_place_line_and_the_numbers(
        team, locale, first, _again, still, number) -> None:
    chat = Chat(team, locale, first)
    said = chat.says(still, 130.0)
    assert set(said) & silent_lines(locale), said
    assert place_lines(said, locale), said  # the balcony said before
    assert any(number in line for line in said), said
    assert not set(said) & claimed_lines(locale), said
    assert not set(said) & {t["text"] for t in DOMAIN["responses"]["utter_iamabot"]}, said
    assert alerts(team) == [SILENT_WAITING_NOTICE], team["thread"]  # "I've told the team again" is true


def test_the_truth_is_said_once_then_only_when_asked_or_at_risk(team) -> None:
    chat = Chat(team, "en-US", PEOPLE[0][1])
    assert set(chat.says("ok", 125.0)) & silent_lines("en-US")
    quiet = chat.says("ok", 140.0)
    assert not set(quiet) & silent_lines("en-US") and not set(quiet) & claimed_lines("en-US"), quiet
    assert quiet, "a turn without the truth is still answered"
    assert set(chat.says("is anyone there?", 150.0)) & silent_lines("en-US")
    assert set(chat.says("still on the balcony", 160.0)) & silent_lines("en-US")


def test_every_time_the_person_is_told_the_team_was_told_again_within_the_alert_time(team) -> None:
    """The first silent turn without risk alerts the team; the place told 30 s later gets its own alert (risk has
    its own clock); the next ones within two minutes none; two minutes later again."""
    chat = Chat(team, "en-US", PEOPLE[0][1])
    chat.says("ok", 125.0)
    assert alerts(team) == [SILENT_WAITING_NOTICE]
    chat.says("still on the balcony", 155.0)
    assert alerts(team) == [SILENT_WAITING_NOTICE, SILENT_CLAIM_NOTICE]
    chat.says("are you still there?", 185.0)
    chat.says("still on the balcony", 215.0)
    assert len(alerts(team)) == 2
    chat.says("still on the balcony", 275.0)
    assert alerts(team)[-1] == SILENT_CLAIM_NOTICE and len(alerts(team)) == 3


def test_no_truth_line_and_no_alert_once_the_team_wrote(team) -> None:
    chat = Chat(team, "en-US", PEOPLE[0][1])
    chat.team_writes("Hi, I'm Sam from the team. Are you still on the balcony?", 100.0)
    said = chat.says("are you still there?", 150.0)
    assert not set(said) & silent_lines("en-US") and alerts(team) == [], said


# --- after the resolve: "are you still there?" ------------------------------------------------------------------

@pytest.mark.parametrize("locale, still, number", [("en-US", "are you still there?", "988"),
                                                   ("de-DE", "bist du noch da?", "0800"),
                                                   ("pt-PT", "ainda estás aí?", "213")])
def test_are_you_still_there_after_the_resolve_says_the_conversation_was_closed(team, locale, still, number) -> None:
    """B2: "I'm an automated listening assistant, not a person..." (read as bot_challenge)."""
    from tests.rasa.test_support_tenth_reading_crisis import history, run

    from actions.questions import ActionAnswerQuestion

    team["status"] = {"id": 7, "status": "resolved", "claimed": True, "since_claim_s": 194.6}
    said, _ = run(ActionAnswerQuestion(), history(PEOPLE[0][2]), still, locale=locale, intent="bot_challenge",
                  slots={"handoff_active": False, "handoff_id": None, "handoff_joined": True, "handoff_resolved_at": 1.0},
                  crisis=LOW)
    back = bank.answers(lang_of(locale))["back_after_handoff"][0].split("{help}")[0]
    assert said and said[0].startswith(back), said
    assert any(number in line for line in said), said
    assert not set(said) & {t["text"] for t in DOMAIN["responses"]["utter_iamabot"]}, said


def test_a_calm_ok_in_a_conversation_still_read_possible_is_not_told_again(team) -> None:
    """The review of stop 44: the conversation's level stays "possible" after a crisis, so every "ok" had got "I've told
    the team again" while the team was alerted at most once per window. The turn's own reading counts."""
    chat = Chat(team, "en-US", PEOPLE[0][1])
    calm_but_possible = {"risk": 0.01, "flag": False, "turn_flag": False, "level": "possible"}
    assert set(chat.says("ok", 125.0, calm_but_possible)) & silent_lines("en-US")
    assert not set(chat.says("ok", 140.0, calm_but_possible)) & silent_lines("en-US")
