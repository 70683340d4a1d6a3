"""A laugh beside words of ideation is asked about first; a laugh said in earnest is no laugh (thirteenth exploratory
reading, M3: "Bro I died like 40 times to the final boss tonight, I literally want to kill myself lmao" was a high-risk
"plan", handed to the team at once with no check question). The flag and the risk stay: only ``explicit`` changes, so
the support bot asks directly (its screen) before it hands over."""
from __future__ import annotations

import pytest

from emotion.crisis.detector import CrisisReading
from emotion.crisis.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def reading(lexicon: Lexicon, text: str, attempt: bool = False) -> CrisisReading:
    """The detector's reading of ``text`` as its lexicon makes it (the models' risk is beside the point here)."""
    lex = lexicon.read(text)
    return CrisisReading(0.9, True, "high", lex.category, lex.categories, lex.guards, False, {"lexicon": lex.score},
                         attempt)


@pytest.mark.parametrize("text", [
    "Bro I died like 40 times to the final boss tonight, I literally want to kill myself lmao",
    "lol me and my mates always say 'I'll kms if this meeting runs over' haha",
    "kms lmao",
    "me quiero morir jajaja",
])
def test_ideation_beside_a_laugh_is_asked_about_first(lexicon: Lexicon, text: str) -> None:
    r = reading(lexicon, text)
    assert r.scores["lexicon"] >= 0.9 and "joke" in r.guards  # the words are read, the laugh too
    assert not r.explicit


def test_a_games_deaths_carry_no_time_of_a_plan(lexicon: Lexicon) -> None:
    """"tonight" belonged to the boss fight: the reading was a plan."""
    assert lexicon.read("Bro I died like 40 times to the final boss tonight, I literally want to kill myself lmao").category \
        == "active_ideation"
    assert lexicon.read("I literally want to kill myself tonight lmao").category == "plan"


@pytest.mark.parametrize("text", [
    "i want to kill myself lmao im not joking",
    "honestly i want to kill myself lol not even joking",
    "i'm gonna kms lol fr this time",
    "ngl i wanna unalive myself. not the joke way. fr",
    "tengo ganas de desvivirme jaja no es broma",
    "lol id love to just not wake up tmrw, jk... kinda not jk tho",
    "i keep typing k m s in my notes app over and over. it started as a joke but now i really mean it",
])
def test_a_laugh_said_in_earnest_is_no_laugh(lexicon: Lexicon, text: str) -> None:
    assert "joke" not in lexicon.read(text).guards


@pytest.mark.parametrize("text", [
    "i want to kill myself lmao im not joking",
    "honestly i want to kill myself lol not even joking",
    "lol i wrote my goodbye letters today",  # a preparatory act beside a laugh stays explicit
    "i want to kill myself",
])
def test_earnest_words_plans_and_acts_stay_explicit(lexicon: Lexicon, text: str) -> None:
    assert reading(lexicon, text).explicit


def test_an_attempt_is_explicit_whatever_the_laugh(lexicon: Lexicon) -> None:
    assert reading(lexicon, "kms lmao", attempt=True).explicit


def test_everyday_words_are_not_read_earnest(lexicon: Lexicon) -> None:
    """Risk-free look-alikes keep their laugh: "i wasnt invited lol" is no earnest "i wasnt joking"."""
    for text in ("everyones going out tonight and i wasnt invited lol whatever", "gonna kms if this wifi doesnt start working lol jk"):
        assert "joke" in lexicon.read(text).guards


@pytest.mark.parametrize("text", ["its not funny i want to die lol", "lmao im not joking i want to die",
                                  "no es broma, me quiero morir jaja"])
def test_the_not_of_not_joking_denies_nothing(lexicon: Lexicon, text: str) -> None:
    """The review of stop 45: with the laugh gone, the "not" of "not joking" had negated the risk words after it."""
    r = lexicon.read(text)
    assert r.score >= 0.8 and "negated" not in r.guards, (r.score, r.guards)


def test_killing_oneself_laughing_stays_an_idiom_whatever_follows(lexicon: Lexicon) -> None:
    assert lexicon.read("this video has me killing myself laughing fr").score == 0.0
    assert lexicon.read("i would never kill myself").guards == ("negated",)  # a real "not" still denies
