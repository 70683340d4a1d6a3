"""A laugh beside ideation is asked about first, not handed to the team at once (thirteenth exploratory reading, M3:
"Bro I died like 40 times to the final boss tonight, I literally want to kill myself lmao" got the crisis block and a
handoff). The service no longer calls such a reading ``explicit`` (tests/service/test_crisis_laughter.py); the bot's
screen opens with a word about the laugh and asks directly."""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading11_crisis import run

from actions import bank, screener  # noqa: E402  (test_support_reading11_crisis puts bot/support on the path)

GAMER = "Bro I died like 40 times to the final boss tonight, I literally want to kill myself lmao"
LAUGHED = {"risk": 0.83, "flag": True, "turn_flag": True, "level": "high", "category": "active_ideation",
           "explicit": False, "categories": ["active_ideation"], "guards": ["idiom", "joke"], "scores": {"lexicon": 0.97}}


@pytest.mark.parametrize("locale, text", [("en-US", GAMER), ("en-GB", "kms lmao"), ("es-MX", "me quiero morir jajaja"),
                                          ("de-DE", "ich bring mich um haha")])
def test_a_laugh_over_ideation_gets_one_gentle_question_and_no_handoff(team, locale, text) -> None:
    from actions.crisis_screen import ActionCrisisScreen

    lang = locale.split("-")[0]
    said, slots = run(ActionCrisisScreen(), [], text, locale=locale, crisis=LAUGHED)
    assert said[0] in bank.answers(lang)["joked_warning_sign"], said
    assert said[-1] == screener.questions(lang)[1].ask and len(said) == 2, said
    assert not slots.get("handoff_active") and not team["requests"], (slots, team)


def test_an_explicit_reading_with_a_laugh_is_not_softened(team) -> None:
    """"lmao im not joking" stays explicit in the service; the bot's lead-in is only for what the service asks first."""
    from actions import direct_ask

    assert not direct_ask.laughed_over_words({**LAUGHED, "explicit": True})
    assert not direct_ask.laughed_over_words({**LAUGHED, "guards": []})
    assert direct_ask.laughed_over_words(LAUGHED)
