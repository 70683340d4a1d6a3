"""The thirteenth exploratory reading, H2 (the bot's side): a message in a language outside the seven the bot reads
(Polish, Turkish, Russian, Japanese) got French or German answers. The bot answers in the page's language (English
where it has no lines in it) that it reads only the seven, with the locale's emergency number and lines, and offers a
person from the team (asks one to join at once when the message is flagged)."""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading11_crisis import FLAGGED, history, run

from actions import bank  # noqa: E402  (test_support_reading11_crisis puts bot/support on the path)
from policies.language import language_of, other_language

CALM = {"risk": 0.19, "level": "none", "flag": False, "explicit": False}


@pytest.mark.parametrize("text", ["chcę się zabić", "mam tabletki, wezmę je dziś w nocy", "kendimi öldürmek istiyorum",
                                  "bu gece köprüden atlayacağım", "я хочу покончить с собой", "сегодня ночью",
                                  "もう死にたい", "今夜、薬を全部飲むつもりです", "vreau să mor"])
def test_another_language_is_told_apart(text) -> None:
    assert other_language(text)


@pytest.mark.parametrize("text", ["I mean it", "ok", "ja", "tô mal", "ok los gehts", "ya no aguanto", "ik wil gewoon dood",
                                  "es wär besser, ich tät einfach einschlafen und nimmer aufwachen. I mean it, I'm just so tired.",
                                  "Ich habe heute mit Søren gesprochen, er war sehr nett zu mir"])
def test_the_seven_short_or_mixed_are_not_another_language(text) -> None:
    assert not other_language(text)


@pytest.mark.parametrize("messages, locale, lang", [
    (["mam tabletki, wezmę je dziś w nocy", "chcę się zabić"], "en-GB", "en"),  # B33: answered in French
    (["bu gece köprüden atlayacağım", "kendimi öldürmek istiyorum"], "en-GB", "en"),  # B34: German
    (["сегодня ночью", "я хочу покончить с собой"], "de-DE", "de"),  # B35
    (["今夜、薬を全部飲むつもりです", "もう死にたい"], "ja-JP", "en"),  # B20
    (["chcę się zabić", "ich will nicht mehr leben"], "de-DE", "de"),
])
def test_another_language_leaves_the_page_language(messages, locale, lang) -> None:
    assert language_of(messages, locale) == lang


@pytest.mark.parametrize("locale, text, lang, number", [
    ("en-GB", "chcę się zabić", "en", "999"),
    ("en-GB", "kendimi öldürmek istiyorum", "en", "116 123"),
    ("de-DE", "я хочу покончить с собой", "de", "112"),
    ("ja-JP", "もう死にたい", "en", "119"),  # Japan's own lines since stop 45 (policies/crisis_resources.yml "ja")
    ("pl-PL", "chcę się zabić", "en", "800 70 2222"),  # B19: a Polish page had the international lines
])
def test_not_flagged_the_bot_says_it_cannot_read_gives_the_lines_and_offers_a_person(team, locale, text, lang, number) -> None:
    from actions.replies import ActionGreet, ActionSupportReflection

    for action in (ActionGreet(), ActionSupportReflection()):
        said, slots = run(action, [], text, locale=locale, crisis=CALM, intent="greet")
        assert said[0] in bank.answers(lang)["other_language"], said
        assert any(number in line for line in said), said
        assert said[-1] in bank.answers(lang)["other_language_offer"] and slots.get("offered_person") is True, said
        assert not team["requests"]


@pytest.mark.parametrize("action_name", ["screen", "escalate"])
def test_flagged_a_person_is_asked_to_join_at_once(team, action_name) -> None:
    """B33 with the lexicon reading Polish: "mam tabletki, wezmę je dziś w nocy" flagged."""
    from actions.crisis import ActionEscalateCrisis
    from actions.crisis_screen import ActionCrisisScreen

    action = ActionCrisisScreen() if action_name == "screen" else ActionEscalateCrisis()
    said, slots = run(action, history("chcę się zabić"), "mam tabletki, wezmę je dziś w nocy", locale="en-GB",
                      crisis={**FLAGGED, "explicit": action_name == "escalate"})
    assert said[0] in bank.answers("en")["other_language"], said
    assert any("999" in line for line in said) and slots.get("handoff_active") is True and team["requests"], said
