"""The thirteenth exploratory reading, M11: an 11-year-old wrote "i want to kill myself", then "i have my mom's pills", and
got the same block of help lines twice, with no question about the pills. Each test failed before its fix."""
from __future__ import annotations

import pytest

from bot.tutor.actions.help_lines import with_help
from bot.tutor.actions.lines import say, word
from policies.crisis_lines import lines_for
from tests.rasa.test_tutor_eighth_reading import decide
from tests.rasa.test_tutor_reading11 import LOCALES, Child, team  # noqa: F401 (fixture)

PILLS = {"en": "i have my mom's pills", "de": "ich hab die Tabletten von meiner Mama", "fr": "j'ai les médicaments de ma mère",
         "es": "tengo las pastillas de mi madre", "it": "ho le pillole di mia madre", "nl": "ik heb de pillen van mijn moeder",
         "pt": "tenho os remédios da minha mãe"}
WISH = {"en": "i'm 11. i want to kill myself. everyone at school hates me", "de": "ich bin 11 und will mich umbringen",
        "fr": "j'ai 11 ans et je veux me tuer", "es": "tengo 11 años y me quiero matar", "it": "ho 11 anni e voglio uccidermi",
        "nl": "ik ben 11 en ik wil mezelf doden", "pt": "tenho 11 anos e quero me matar"}
YES = {"en": "yes i took some", "de": "ja", "fr": "oui j'en ai pris", "es": "sí, me tomé unas", "it": "sì ne ho prese",
       "nl": "ja ik heb er een paar genomen", "pt": "sim, tomei"}


@pytest.mark.parametrize("lang", sorted(PILLS))
def test_the_pills_are_asked_about_once_and_a_yes_gets_the_emergency_number_first(team: dict, lang: str) -> None:
    """D5: the second message got the identical block; now a line about the pills, in the child's language, then on a yes
    the emergency number and the children's line before anything else."""
    from bot.tutor.actions.wellbeing_actions import ActionTutorCrisis

    child = Child(lang)
    first = child.says(WISH[lang], ActionTutorCrisis())
    second = child.says(PILLS[lang], ActionTutorCrisis())
    assert first[0] not in second, second  # never the same block word for word
    asked = with_help(word("means_line", "pills", lang), LOCALES[lang], lang)
    assert second == [asked] and child.slots["wellbeing_check"] == "means"
    again = child.says(PILLS[lang], ActionTutorCrisis())
    assert asked not in again and first[0] not in again  # once, and varied
    child.slots["wellbeing_check"] = "means"
    said = child.says(YES[lang], ActionTutorCrisis())
    lines = lines_for(LOCALES[lang])
    assert said == [with_help(say("means_taken", lang), LOCALES[lang], lang)]
    emergency, child_line = said[0].find(lines.emergency), said[0].find(lines.links(lines.child)[0])
    assert 0 <= emergency < child_line, said
    assert any("taken pills" in reason for reason in team["alerts"])


def test_a_yes_read_below_the_crisis_threshold_gets_the_same_answer(team: dict) -> None:
    """The answer "yes" alone is read at low risk: the policy sends it to action_wellbeing, which reads it the same way;
    a "no" is told to give the pills to a grown-up."""
    from bot.tutor.actions.wellbeing_actions import ActionWellbeing

    assert decide("yes", risk=0.05, wellbeing_check="means").action == "action_wellbeing"
    child = Child()
    child.slots["wellbeing_check"] = "means"
    said = child.says("yes", ActionWellbeing())
    assert said == [with_help(say("means_taken"), LOCALES["en"])] and any("taken pills" in r for r in team["alerts"])
    other = Child()
    other.slots["wellbeing_check"] = "means"
    assert other.says("no not yet", ActionWellbeing()) == [with_help(say("means_not_taken"), LOCALES["en"])]


def test_a_knife_gets_its_own_line_and_homework_none(team: dict) -> None:
    from bot.tutor.actions import means

    assert means.named("i have a knife in my room") == "other" and means.named("i have my mom's pills") == "pills"
    assert means.named("i have a test tomorrow") is None and means.named("i want to kill myself") is None
