"""Reading 14, T1: a child's safeguarding handoff claimed and left silent. The person from the team claimed it and wrote
nothing, and the tutor kept telling the child "The person from our team is reading your messages" to every message.

Once nobody from the team has written for ``CLAIMED_SILENT_S`` (the service's ``since_claim_s``): the honest line
instead (nobody has written yet, the team told again, tell a grown-up near you or call, the children's line before the
emergency number), once, then when the child asks ("is anyone there?", "hello??") or writes risk; no promise that
anyone reads in between; and an alert in the team's thread whenever the honest line is said, at most once per
``SILENT_ALERT_S`` (a message at risk on its own clock). Each test failed before the fix."""
from __future__ import annotations

from typing import Optional

import pytest

from bot.tutor.actions import silent_claim
from bot.tutor.actions.lines import say
from tests.rasa.test_tutor_eighth_reading import decide
from tests.rasa.test_tutor_reading11 import Child

SILENT_S = 120.0
DISCLOSURE = "im 9 and my dad hits me when i get my maths homework wrong. i dont want to go home"
FLAGGED = {"emotion": {"available": True, "derived": {"crisis": {"risk": 0.93, "flag": True, "turn_flag": True}}}}
"""The metadata of a message the crisis rule answers (action_tutor_crisis)."""
# locale, the child's language, the disclosure, "is anyone there?", risk again, the children's line, the emergency number
CHILDREN = [
    ("en-GB", "en", DISCLOSURE, "is anyone there?", "he said he will hurt me more if i tell", "0800 1111", "999"),
    ("de-DE", "de", "mein Papa schlägt mich, wenn ich die Hausaufgaben falsch mache", "bist du noch da?",
     "er schlägt mich wieder", "116 111", "112"),
    ("fr-FR", "fr", "mon père me frappe quand je me trompe dans mes devoirs", "il y a quelqu'un ?", "il me frappe encore",
     "119", "112"),
    ("es-ES", "es", "mi padre me pega cuando hago mal los deberes", "¿hay alguien?", "me pegó otra vez", "900 20 20 10", "112"),
    ("it-IT", "it", "mio padre mi picchia quando sbaglio i compiti", "c'è qualcuno?", "mi picchia ancora", "19696", "112"),
    ("nl-NL", "nl", "mijn vader slaat me als ik mijn huiswerk fout maak", "is er iemand?", "hij slaat me weer",
     "0800 0432", "112"),
    ("pt-BR", "pt", "meu pai me bate quando erro a lição de casa", "tem alguém aí?", "ele disse que vai me bater mais",
     "100", "192"),
    ("pt-PT", "pt-PT", "o meu pai bate-me quando erro os trabalhos de casa", "está aí alguém?",
     "ele disse que me bate mais se eu contar", "116 111", "112"),
]


@pytest.fixture(autouse=True)
def two_minutes(monkeypatch) -> None:
    """Two minutes of silence, and between alerts, whatever the environment sets."""
    monkeypatch.setattr(silent_claim, "CLAIMED_SILENT_S", SILENT_S)
    monkeypatch.setattr(silent_claim, "SILENT_ALERT_S", SILENT_S)


@pytest.fixture
def service(monkeypatch) -> dict:
    """The handoff service: handoff 54, the status the test sets (claimed ``since_claim_s`` ago), its live thread."""
    from connectors import handoff

    state: dict = {"alerts": [], "status": None, "thread": []}

    async def request_handoff(session_id, reason, **kwargs):
        state["alerts"].append(reason)
        state["status"] = state["status"] or {"id": 54, "status": "open", "since_claim_s": None}
        return dict(state["status"])

    async def handoff_status(session_id):
        return dict(state["status"]) if state["status"] else None

    async def add_to_thread(session_id, messages):
        state["thread"].extend(messages)
        return True

    monkeypatch.setattr(handoff, "request_handoff", request_handoff)
    monkeypatch.setattr(handoff, "handoff_status", handoff_status)
    monkeypatch.setattr(handoff, "add_to_thread", add_to_thread)
    return state


class ClockedChild(Child):
    """A child's conversation on the tracker's clock: the handoff claimed at 0 s; each message said ``at`` seconds after
    the claim, the service's status saying so."""

    def __init__(self, service: dict, locale: str = "en-GB") -> None:
        super().__init__()
        self.service, self.locale = service, locale

    def says_at(self, text: str, at: float, action=None, metadata: Optional[dict] = None) -> list[str]:
        from bot.tutor.actions.wellbeing_actions import ActionWellbeing

        self.service["status"] = {"id": 54, "status": "claimed", "since_claim_s": at}
        latest = {"text": text, "intent": {"name": "lesson", "confidence": 0.9},
                  "metadata": {"locale": self.locale, **(metadata or {})}}
        self.events.append({"event": "user", "text": text, "parse_data": latest, "metadata": latest["metadata"],
                            "timestamp": 1000.0 + at})
        return self.run(action or ActionWellbeing(), latest)

    def alerts(self) -> list[str]:
        return [text for kind, text in self.service["thread"] if kind == "alert"]


def claimed_child(service: dict, locale: str = "en-GB", disclosure: str = DISCLOSURE) -> ClockedChild:
    """A child who disclosed harm at home (handoff 54 opened) and whose handoff was then claimed."""
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    child = ClockedChild(service, locale)
    child.says(disclosure, ActionWellbeing())
    assert service["alerts"] and child.slots["handoff_id"] == 54.0 and child.slots["wellbeing_check"] == "asked"
    return child


def promises(lines: list[str], lang: str = "en") -> bool:
    """Whether a line promises that the person from the team reads or answers (``team_reading``, ``person_joined``)."""
    promised = {say("person_joined", lang), *(say("team_reading", lang, v) for v in (0, 1))}
    return bool(promised & set(lines))


def test_before_the_silence_the_child_still_hears_that_the_person_reads(service: dict) -> None:
    child = claimed_child(service)
    child.says_at("ok", 10.0)
    assert promises(child.says_at("im at school", 60.0))  # 60 s after the claim: not silent yet
    assert child.alerts() == []


def test_a_silent_claim_gets_the_truth_once_then_when_asked_and_the_team_is_told_again(service: dict) -> None:
    """The reading's child: "im at school", "ok", "hello??" with nobody from the team writing."""
    child = claimed_child(service)
    child.says_at("ok", 10.0)
    first = child.says_at("im at school", 130.0)
    assert len(first) == 1 and first[0].startswith(say("team_silent").split("{")[0]), first
    assert first[0].index("0800 1111") < first[0].index("999")  # the children's line, then the emergency number
    assert service["thread"][-3:] == [("person", "im at school"), ("bot", first[0]),
                                      ("alert", silent_claim.SILENT_WAITING_NOTICE)]  # what the child was told is true
    between = child.says_at("ok", 160.0)
    assert not promises(between) and not silent_claim.honest(between, "en")  # no promise, and not the truth every turn
    assert between[0].startswith(say("not_yet", "en", 0).split("{")[0]) and len(child.alerts()) == 1
    assert decide("hello??", wellbeing_check=child.slots["wellbeing_check"]).action == "action_wellbeing"
    asked = child.says_at("hello??", 190.0)
    assert silent_claim.honest(asked, "en") and len(child.alerts()) == 1  # the truth again, the alert not before 120 s
    assert silent_claim.honest(child.says_at("is anyone there?", 260.0), "en")
    assert child.alerts() == [silent_claim.SILENT_WAITING_NOTICE] * 2  # 130 s after the first


def test_risk_during_the_silence_gets_the_truth_and_its_own_alert(service: dict) -> None:
    child = claimed_child(service)
    child.says_at("ok", 130.0)
    risky = child.says_at("he said he will hurt me more if i tell", 150.0)
    assert silent_claim.honest(risky, "en") and not promises(risky)
    assert child.alerts() == [silent_claim.SILENT_WAITING_NOTICE, silent_claim.SILENT_RISK_NOTICE]
    child.says_at("he will hurt me more", 180.0)
    assert len(child.alerts()) == 2  # the risk alert once per SILENT_ALERT_S too


def test_a_flagged_message_during_the_silence_gets_the_truth_not_a_person_has_been_told(service: dict) -> None:
    from bot.tutor.actions.wellbeing_actions import ActionTutorCrisis

    child = claimed_child(service)
    child.says_at("ok", 130.0)
    said = child.says_at("i want to kill myself", 200.0, ActionTutorCrisis(), FLAGGED)
    assert silent_claim.honest(said, "en") and not any(line.startswith("I'm still here with you, and a person") for line in said)
    assert child.alerts()[-1] == silent_claim.SILENT_RISK_NOTICE


def test_no_truth_line_and_no_alert_once_the_team_wrote(service: dict) -> None:
    child = claimed_child(service)
    child.team_writes("Hi, I'm Jo, a grown-up from the team. Are you safe right now?")
    said = child.says_at("im at school", 200.0)
    assert said[0] in {say("team_reading", variant=v) for v in (0, 1)} and child.alerts() == []


@pytest.mark.parametrize("locale, lang, disclosure, asks, risk, childrens, emergency", CHILDREN)
def test_the_truth_in_the_childs_language_with_the_childrens_line_first(service: dict, locale: str, lang: str, disclosure: str,
                                                                        asks: str, risk: str, childrens: str,
                                                                        emergency: str) -> None:
    child = claimed_child(service, locale, disclosure)
    child.says_at("ok", 10.0)
    first = child.says_at(asks, 130.0)
    assert len(first) == 1 and first[0].startswith(say("team_silent", lang).split("{")[0]), first
    assert first[0].index(childrens) < first[0].index(emergency), first
    assert silent_claim.honest(child.says_at(risk, 150.0), lang)
    assert child.alerts() == [silent_claim.SILENT_WAITING_NOTICE, silent_claim.SILENT_RISK_NOTICE]


@pytest.mark.parametrize("lang", ["de", "fr", "es", "it", "nl", "pt", "pt-PT"])
def test_the_honest_line_is_translated(lang: str) -> None:
    assert say("team_silent", lang) != say("team_silent") and "{help}" in say("team_silent", lang)
    assert say("team_silent", "pt-PT") != say("team_silent", "pt")
