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


def test_a_laugh_over_ideation_soon_after_a_screen_is_not_only_listened_to(team) -> None:
    """The review of stop 45: a screen ended 3 turns ago let only ``explicit`` messages start another, so a flagged
    "honestly i want to kill myself lmao" (no longer explicit) got a listening line and the short help line."""
    from actions.conversation import recently_screened, words_of_its_own
    from actions.crisis_screen import ActionCrisisScreen

    assert words_of_its_own(LAUGHED) and not words_of_its_own({**LAUGHED, "flag": False, "turn_flag": False})
    assert not words_of_its_own({"flag": True, "turn_flag": True, "categories": []})  # a model's reading alone
    history_ = [("person", "i feel low"), ("bot", "..."), ("person", "no"), ("bot", "..."), ("person", "ok"), ("bot", "...")]
    said, _ = run(ActionCrisisScreen(), history_, "honestly i want to kill myself lmao", locale="en-GB", crisis=LAUGHED,
                  slots={"screened_at_turn": 2.0})
    assert said[-1] == screener.questions("en")[1].ask, said
