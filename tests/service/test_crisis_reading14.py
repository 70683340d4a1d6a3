"""The fourteenth exploratory reading's lines for the lexicon (data/exploratory/2026-12-07/reading14/FINDINGS.md).

H4: "sigo pensando en no despertar" after a pause was read at 0.03 and answered as a sleep problem; H2: "lol not even
joking i want to die" was read at 0.27, level none (the "not" of "not joking" negated the wish)."""
from __future__ import annotations

import pytest

from emotion.crisis.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.mark.parametrize("text", ["sigo pensando en no despertar", "a veces pienso que sería mejor no despertar",
                                  "penso ancora a non svegliarmi", "continuo pensando em não acordar",
                                  "lol not even joking i want to die"])
def test_a_wish_not_to_wake_up_or_to_die_is_read(lexicon: Lexicon, text: str) -> None:
    r = lexicon.read(text)
    assert r.score >= 0.8 and not set(r.guards) & {"negated", "joke"}, (r.score, r.guards)


@pytest.mark.parametrize("text", ["pienso en no despertarme tarde mañana", "penso a non svegliarmi tardi domani",
                                  "penso em não acordar cedo amanhã", "no pienso en no despertar, estoy bien",
                                  # the second review of stop 45: not waking someone else
                                  "Es mejor no despertar a los niños todavía", "mejor no despertar al bebé",
                                  "É melhor não acordar o bebê agora", "pensei em não acordar a minha mãe",
                                  "Estou pensando em não acordar ninguém amanhã"])
def test_waking_up_late_and_a_denial_are_not(lexicon: Lexicon, text: str) -> None:
    assert lexicon.read(text).score < 0.5


@pytest.mark.parametrize("text", ["je vais me jeter par la fenêtre", "je vais me défenestrer ce soir",
                                  "j'ai envie de sauter par la fenêtre"])
def test_a_window_in_french_is_a_method(lexicon: Lexicon, text: str) -> None:
    """M2's transcript: "je vais me jeter par la fenêtre" was read as nothing at all (0.0), with or without a laugh."""
    r = lexicon.read(text)
    assert r.score >= 0.85 and "method" in r.categories, (r.score, r.categories)


@pytest.mark.parametrize("text", ["il a jeté son téléphone par la fenêtre", "jeter l'argent par les fenêtres"])
def test_things_thrown_out_of_a_window_are_not(lexicon: Lexicon, text: str) -> None:
    assert lexicon.read(text).score == 0.0
