"""Someone else's "he says he'll kill himself" in the seven languages (fix-brief S4): a partner, friend or relative
who says, wants or is going to end their life is ``friend_at_risk``; the writer's own words stay their own, and a
break-up, an idiom or a father "who says he'll kill himself" (no threat to the writer) are read as before."""
from __future__ import annotations

import pytest

from policies.situations import situation_of

REPORTED = [
    "My friend says he will end his life",
    "my brother keeps saying he wants to end it all",
    "my dad says he'll kill himself",
    "my girlfriend told me she is going to end her life",
    "Mein Freund sitzt im Bad und sagt, dass er sich umbringt",
    "Mein Mann sagt, er bringt sich um",
    "Meine Tochter sagt, dass sie ihrem Leben ein Ende setzen will",
    "Mein Sohn sagt, dass er sich das Leben nimmt",
    "Mon copain dit qu'il va en finir",
    "Mon mari veut mettre fin à ses jours",
    "Ma copine dit qu'elle va mettre fin à sa vie",
    "mon ami m'a dit qu'il allait en finir",
    "Mi marido dijo que va a acabar con todo",
    "mi hijo dice que se mata",
    "Mi padre dijo que se iba a matar",
    "mi novia dice que quiere acabar con su vida",
    "Il mio ragazzo dice che la fa finita",
    "Mio marito dice che si ammazza",
    "mio padre ha detto che la farà finita",
    "mia madre dice che vuole porre fine alla sua vita",
    "Mijn man zei dat hij zichzelf van kant maakt",
    "Mijn zoon zegt dat hij zelfmoord gaat plegen",
    "mijn vader zei dat hij een eind aan zijn leven maakt",
    "mijn moeder zegt dat ze zichzelf iets aandoet",
    "Meu marido diz que vai acabar com tudo",
    "O meu namorado diz que se vai matar",
    "O meu marido disse que vai pôr fim à vida",
    "minha mãe diz que vai acabar com a vida dela",
]


@pytest.mark.parametrize("text", REPORTED)
def test_someone_elses_reported_wish_to_end_their_life_is_friend_at_risk(text: str) -> None:
    assert situation_of(text) == "friend_at_risk"


OWN_OR_NOTHING = [
    "ich sage dir, ich bring mich um",
    "I said I'd end it",
    "I said I'd end it all",
    "je lui ai dit que j'allais en finir",
    "le dije que me voy a matar",
    "ho detto che la faccio finita",
    "ik zei dat ik er een eind aan maak",
    "eu disse que vou acabar com tudo",
    "They knew I wanted to die and nobody did anything",
    "my boyfriend said he'll end it with her",
    "mon copain dit qu'il va en finir avec ce projet",
    "mi novio dice que va a acabar con todo el pastel",
    "il mio capo dice che si ammazza di lavoro",
    "mi hermano se mata a trabajar",
    "mein Freund sagt, das bringt sich um den Schlaf",
    "mi jefe me va a matar si llego tarde",
]


@pytest.mark.parametrize("text", OWN_OR_NOTHING)
def test_own_words_break_ups_and_idioms_are_no_one_else_at_risk(text: str) -> None:
    assert situation_of(text) is None


@pytest.mark.parametrize("text", ["i want to end it all", "im going to end it all", "my boyfriend left and i want to end it all"])
def test_the_writers_own_end_it_all_stays_the_crisis_flows(text: str) -> None:
    assert situation_of(text) is None
