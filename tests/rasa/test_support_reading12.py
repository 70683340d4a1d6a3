"""The twelfth exploratory reading, support bot (/work/helper_explore12/FINDINGS.md).

- H2: in an open handoff, a follow-up that makes the danger immediate ("j'en ai déjà pris quelques-uns" after the
  médicaments, "i'm going to take them" after the pills, "its in the closet, loaded" after the gun, "the bottle of oxy
  is right here" after "tonight") got only "I hear you, and I'm still here": now the line for medicine taken or the
  act-now line, the numbers, and an URGENT notice in the team's thread.
- H3: after a supervisor resolved a handoff without writing, "warum habt ihr zugemacht? das seil hängt noch" got a
  therapy prompt: now the means line, the numbers and a new handoff.
"""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading11_crisis import IN_HANDOFF, OPEN, RESOLVED, history, run

from actions import handoff_answers  # noqa: E402  (test_support_reading11_crisis puts bot/support on the path)

@pytest.mark.parametrize("locale, before, text, number", [
    ("fr-FR", "j'ai gardé mes médicaments pour ce soir, je vais tout prendre", "j'en ai déjà pris quelques-uns", "3114"),
    ("de-DE", "ich habe meine Tabletten für heute Abend gesammelt", "ich hab schon welche genommen", "112"),
    ("it-IT", "ho conservato le pillole per stasera", "ne ho già prese alcune", "112"),
])
def test_medicine_already_taken_while_waiting_gets_the_taken_line_and_an_urgent_notice(team, locale, before, text,
                                                                                       number) -> None:
    """a08 (fr-FR): only "Je t'entends, et je suis toujours là."."""
    from actions.crisis import TAKEN_NOTICE, ActionHandoffPresent

    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history(before), text, locale=locale, slots=dict(IN_HANDOFF),
                  crisis={"risk": 0.435, "level": "possible", "category": "active_ideation"})
    assert handoff_answers.kind_lines("taken", locale.split("-")[0])[0] in said, said
    assert any(number in line for line in said), said
    assert ("alert", TAKEN_NOTICE) in team["thread"], team["thread"]


@pytest.mark.parametrize("before, text, number", [
    ("i still have the pills next to me", "i'm going to take them", "911"),                     # b1
    ("honestly just thinking about eating my gun tonight", "its in the closet, loaded", "911"),  # a01
    ("gonna unalive myself tonight fr", "the bottle of oxy is right here", "911"),               # a40
])
def test_the_act_on_means_named_before_gets_the_act_now_line_and_an_urgent_notice(team, before, text, number) -> None:
    """b1, a01, a40: only "I hear you, and I'm still here."."""
    from actions.crisis import URGENT_NOTICE, ActionHandoffPresent

    team["status"] = dict(OPEN)
    said, _ = run(ActionHandoffPresent(), history(before), text, slots=dict(IN_HANDOFF),
                  crisis={"risk": 0.15, "level": "possible", "category": "method"})
    assert said[0] == handoff_answers.imminent_lines(text, "en", [before])[0], said  # the means' line (M3)
    assert "Put the" in said[0] and "away from you now" in said[0], said
    assert any(number in line for line in said), said
    assert ("alert", URGENT_NOTICE) in team["thread"], team["thread"]


def test_a_denied_act_or_nothing_named_before_is_not_an_act_about_to_happen() -> None:
    assert not handoff_answers.imminent("i'm not going to take them", ["i still have the pills next to me"])
    assert not handoff_answers.imminent("i'm going to take them to the park", ["my mum is coming later"])
    assert not handoff_answers.imminent("the pills are right here", ["i had a long day"])


@pytest.mark.parametrize("locale, before, text, number", [
    ("de-AT", "ich hab das Seil schon im Keller aufgehängt", "warum habt ihr zugemacht? das seil hängt noch", "142"),
    ("fr-FR", "j'ai accroché une corde dans le garage", "pourquoi vous avez fermé ? la corde pend toujours", "3114"),
    ("es-ES", "tengo una cuerda colgada en el garaje", "¿por qué cerrasteis? la cuerda sigue colgada", "024"),
    ("it-IT", "ho appeso una corda in cantina", "perché avete chiuso? la corda è ancora appesa", "112"),
    ("nl-NL", "ik heb een touw opgehangen in de schuur", "waarom hebben jullie gesloten? het touw hangt nog", "113"),
    ("pt-BR", "pendurei uma corda na garagem", "por que fecharam? a corda ainda está pendurada", "188"),
])
def test_the_rope_still_hanging_after_a_resolve_opens_a_new_handoff(team, locale, before, text, number) -> None:
    """b4 (de-AT): "Gibt es einen Teil davon, mit dem du anfangen möchtest?" and no handoff."""
    from actions.replies import ActionSupportAtRisk, ActionSupportQuestion

    for action in (ActionSupportQuestion(), ActionSupportAtRisk()):
        team["requests"].clear()
        said, slots = run(action, history(before, "ist da jemand?"), text, locale=locale,
                          slots={**RESOLVED, "handoff_joined": True},
                          crisis={"risk": 0.7176, "level": "possible", "category": "method", "explicit": True})
        assert slots.get("handoff_active") is True and "resolved" in team["requests"][0], said
        assert any(number in line for line in said), said
        assert set(said) & set(handoff_answers.kind_lines("means", locale.split("-")[0])
                               + handoff_answers.kind_lines("means_here", locale.split("-")[0])), said
