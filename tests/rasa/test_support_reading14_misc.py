"""Two of the fourteenth exploratory reading's findings (data/exploratory/2026-12-07/reading14/FINDINGS.md).

M6: "manchmal denk ich es wär besser wenn ich nicht mehr da wär" from a bullied 15-year-old got "Es tut mir so leid um
deinen Verlust" before the screen: "nicht mehr da" (and Dutch "er niet meer", "sterven") had been words of grief, of
someone else no longer here. L7: "alguém vai vir?" while waiting got "Estou te ouvindo, e continuo aqui."."""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading11_crisis import history  # noqa: F401  (puts bot/support on the path)

from actions import bank, direct_ask  # noqa: E402
from actions.listening import topic_of  # noqa: E402


@pytest.mark.parametrize("lang, text", [("de", "manchmal denk ich es wär besser wenn ich nicht mehr da wär"),
                                        ("nl", "ik wil er niet meer zijn"), ("nl", "ik wil sterven")])
def test_ones_own_wish_to_be_gone_is_no_loss(lang: str, text: str) -> None:
    assert topic_of(text, lang) != "grief"
    assert not direct_ask.grieving(text, ["ich bin 15 und in der schule mobben mich alle"], lang)


@pytest.mark.parametrize("lang, text", [("de", "seit oma nicht mehr da ist, bin ich allein"),
                                        ("nl", "sinds opa er niet meer is voel ik me leeg"), ("nl", "mijn oma is gestorven")])
def test_someone_elses_death_is_still_a_loss(lang: str, text: str) -> None:
    assert topic_of(text, lang) == "grief"


@pytest.mark.parametrize("text", ["alguém vai vir?", "vai vir alguém?", "tem alguém aí?"])
def test_will_someone_come_is_asked_in_portuguese(text: str) -> None:
    assert bank.says(bank.bank().handoff["wait"]["words"], text)


@pytest.mark.parametrize("text", ["without me i mean", "than anyone i mean", "unless i stay home"])
def test_the_rest_of_an_earlier_message_is_not_said_back(text: str) -> None:
    """M5: "i keep thinking everyone would be better off" / "without me i mean" got "I hear that without you you mean."."""
    from actions.echo import said_back

    assert said_back(text) is None


def test_a_sentence_is_still_said_back() -> None:
    from actions.echo import said_back

    assert said_back("for my exams i study all night") == "for your exams you study all night"


@pytest.mark.parametrize("lang, text", [("fr", "Je n'ai plus envie de vivre, je suis un poids pour mes enfants."),
                                        ("de", "ich bin eine Last für meine Kinder"),
                                        ("en", "i'm just a burden to my kids")])
def test_a_burden_to_ones_children_is_answered_as_a_burden(lang: str, text: str) -> None:
    """M4: "je suis un poids pour mes enfants" got "On dirait que quelqu'un compte beaucoup pour toi. Accroche-toi à ça"."""
    from actions import handoff_answers

    assert [kind for kind, _ in handoff_answers.answered(text, [], lang, [])] == ["burden"]


def test_someone_held_on_to_is_still_heard() -> None:
    from actions import handoff_answers

    assert [kind for kind, _ in handoff_answers.answered("i couldnt do that to my sister", [], "en", [])] == ["reasons"]
