"""A time said during an open handoff after a wish to die or a plan is the act coming (fourteenth exploratory reading,
H1: "stanotte" after "voglio farla finita", "vanavond" after "ik heb er een plan voor", "heute nacht" after "ich will
mich umbringen", "at 3 when everyone is asleep" after the pills got "thank you, I'm still here" and no alert; only a
means told before had counted)."""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading14_handoff import alerts, waiting

from actions.handoff_imminent import imminent, imminent_lines  # noqa: E402  (the imports above put bot/support on the path)


@pytest.mark.parametrize("locale, before, text", [
    ("it-IT", "non ce la faccio più, voglio farla finita", "stanotte"),
    ("nl-NL", "ja ik heb er een plan voor", "vanavond"),
    ("de-DE", "ich will mich umbringen", "heute nacht"),
    ("de-CH", "ich will mich umbringen", "heut nacht"),
    ("en-US", "i have the pills right here", "at 3 when everyone is asleep"),
])
def test_a_time_after_a_wish_or_a_plan_is_the_act_coming(team, locale, before, text) -> None:
    from tests.rasa.test_support_reading11_crisis import OPEN

    team["status"] = dict(OPEN)
    said = waiting(locale, [before], text, {"risk": 0.05, "level": "possible"})
    lang = locale.split("-")[0]
    assert set(imminent_lines(text, lang, [before])) & set(said), said  # the act coming (on the pills: their line)
    assert any(alert.startswith("URGENT") for alert in alerts(team)), team["thread"]


@pytest.mark.parametrize("before, text", [
    ("i went to the cinema with my sister", "tonight"),  # nothing of risk before
    ("my appointment is tomorrow", "at 3"),
    ("ich will mich umbringen", "ich habe heute nacht schlecht geschlafen und muss morgen früh raus"),  # a long story
    # the second review of stop 45: a day, a time in a sentence of its own, a plan denied
    ("i want to die", "today was awful"), ("quero morrer", "hoje foi horrível"), ("i want to die", "i'll call my mum tonight"),
    ("i feel like ending it", "at 3 i have therapy"), ("ik wil dood", "om 5 uur eet ik"), ("ik heb geen plan", "vanavond"),
    ("no, i don't have a plan", "maybe tonight"),
])
def test_a_time_without_risk_before_or_in_a_story_is_not(before, text) -> None:
    assert not imminent(text, [before])
