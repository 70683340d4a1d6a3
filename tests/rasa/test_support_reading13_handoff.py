"""The thirteenth exploratory reading, support bot in a handoff (data/exploratory/2026-12-07/reading13/FINDINGS.md).

- H4: after "I took 30 paracetamol about an hour ago", "I feel sick. I don't want an ambulance." got "I hear you, and
  I'm still here.": now the line for a body already reacting (emergency now, or at least a poison line or a doctor),
  the numbers, and an URGENT notice in the team's thread.
"""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading11_crisis import IN_HANDOFF, OPEN, history, run

from actions import handoff_answers  # noqa: E402  (test_support_reading11_crisis puts bot/support on the path)


@pytest.mark.parametrize("locale, before, text, number", [
    ("en-US", "I took 30 paracetamol about an hour ago.", "I feel sick. I don't want an ambulance.", "911"),  # b36
    ("de-DE", "ich hab 20 tabletten genommen", "mir ist schlecht, ich will keinen krankenwagen", "112"),
    ("es-ES", "me tomé todas las pastillas", "tengo ganas de vomitar", "112"),
    ("pt-PT", "tomei os comprimidos todos", "estou enjoada", "112"),
])
def test_sick_after_medicine_gets_the_body_reacting_line_and_an_urgent_notice(team, locale, before, text, number) -> None:
    from actions.crisis import ActionHandoffPresent
    from policies.variants import variant_of

    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history(before), text, locale=locale, slots=dict(IN_HANDOFF),
                  crisis={"risk": 0.09, "level": "possible"})
    assert handoff_answers.kind_lines("sick_taken", variant_of(locale.split("-")[0], locale))[0] in said, said
    assert any(number in line for line in said), said
    assert any(kind == "alert" and "URGENT" in text for kind, text in team["thread"]), team["thread"]


def test_feeling_sick_without_medicine_named_is_not_an_overdose() -> None:
    assert not [kind for kind, _ in handoff_answers.answered("i feel sick, the bus was awful", [], "en", ["long day"])
                if kind == "sick_taken"]


def test_a_service_weapon_is_no_request_for_a_service() -> None:
    """A number asked for at risk now brings a person (H6 of the reading); "got my service pistol" had read as asking for
    a service, and the gun's means line was lost."""
    from policies import situations

    assert not situations.load().matches("asks_helpline", "Still got my service pistol in the closet.")
    assert situations.load().matches("asks_helpline", "do you know any services that can help")


def test_sick_after_medicine_is_answered_after_the_team_has_written_too() -> None:
    """The review of stop 44: sick_taken was missing from what the bot answers once the team has written."""
    answers = handoff_answers.answered("I feel sick. I don't want an ambulance.", [], "en",
                                       ["I took 30 paracetamol about an hour ago."], True, handoff_answers.WITH_THE_TEAM)
    assert [kind for kind, _ in answers] == ["sick_taken"]


@pytest.mark.parametrize("text, country", [
    ("I am staying at my sisters in Spain and I want to die", "ES"),
    ("I have been living with my dad in Germany for a year", "DE"),
    ("My son is in Australia. I don't want to bother him.", None),
])
def test_a_place_is_the_writers_when_they_are_in_the_sentence(text, country) -> None:
    """The review of stop 44: only the four words before the place were read for whose it is."""
    from actions.resources import country_locale

    found = country_locale(text, "en")
    assert (found.split("-")[-1] if found else None) == country
