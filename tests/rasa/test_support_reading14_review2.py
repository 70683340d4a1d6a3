"""A second reviewer's four regex defects (R2): someone unreachable or ending it read from ordinary words, a writer's past
wish overriding a friend's current risk, "medicine" read as a film, and any train blocking an ordinary goodbye."""
from __future__ import annotations

import pytest

from tests.rasa.test_support_reading14_review import closing, enjoyed, situation_of  # noqa: F401  (puts bot/support on the path)

from actions import listening  # noqa: E402
from actions.relative_danger import danger_key  # noqa: E402


# --- 1: not answering needs an object, whereabouts end the clause, a door shut in play, a break-up ---------------

@pytest.mark.parametrize("text", ["He didn't answer my question, he just walked off", "I don't know where she is going with this",
                                  "Mi hermano no me abre la puerta, está jugando", "no contesta a mi pregunta"])
def test_ordinary_words_are_no_one_unreachable(text) -> None:
    assert danger_key(text) is None


@pytest.mark.parametrize("text", ["she doesn't answer her phone", "he won't answer my calls", "I don't know where she is",
                                  "i dont know where he is right now", "Hij doet de deur niet open", "Mi hermano no me abre la puerta",
                                  "Ze neemt haar telefoon niet op", "ik weet niet waar ze is", "não sei onde ela está"])
def test_someone_unreachable_still_is(text) -> None:
    assert danger_key(text) == "situation_friend_unreachable"


@pytest.mark.parametrize("text", ["my sister wants to end it with her boyfriend, she's cutting bread with a knife",
                                  "il a un couteau et veut en finir avec lui", "mia sorella ha un coltello, vuole farla finita con lui",
                                  "hij heeft een mes en wil er een eind aan maken met haar",
                                  "er hat ein Messer und will der Beziehung ein Ende setzen"])
def test_a_break_up_with_a_knife_is_no_weapon(text) -> None:
    assert danger_key(text) != "situation_friend_weapon"


@pytest.mark.parametrize("text", ["he has a knife and says he will end it", "il a un couteau et veut en finir",
                                  "Mijn vriend zit met een mes in de badkamer en zegt dat hij er een eind aan maakt"])
def test_ending_it_with_a_knife_is_still_a_weapon(text) -> None:
    assert danger_key(text) == "situation_friend_weapon"


# --- 2: a writer's past wish does not override a friend's risk ---------------------------------------------------

@pytest.mark.parametrize("text", ["my brother said he wanted to die, i used to want to die too back then",
                                  "my friend said he wanted to die and i told him i wanted to die once too"])
def test_a_past_wish_of_ones_own_leaves_a_friend_at_risk(text) -> None:
    assert situation_of(text) == "friend_at_risk"


def test_ones_own_past_wish_alone_is_no_friend_at_risk() -> None:
    assert situation_of("i used to want to die back then") is None


# --- 3: medicine, vaccine, sérieux are no film or series ---------------------------------------------------------

@pytest.mark.parametrize("text", ["went to the party with my friends and took my medicine",
                                  "went to the party with my friends and got my vaccine"])
def test_medicine_is_no_film(text) -> None:
    assert not enjoyed(text, "sadness")


# --- 4: a train alone is an ordinary goodbye -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["bye, gotta catch my train", "tengo que irme, pierdo el tren", "ik moet gaan, mijn trein vertrekt"])
def test_a_train_to_catch_is_no_parting(text) -> None:
    assert not listening.parting(text)


def test_a_train_to_catch_is_an_ordinary_goodbye() -> None:
    assert closing("gotta go, my train leaves soon", "en") == "goodbye"
