"""What a listening bot cannot answer, answered honestly, and a figure of speech explained: no exercise, no probe.

Thirteenth exploratory reading, M4 and L7: a novelist's "How do I write that scene honestly without glamorising it?" got a
breathing exercise; a horror-film fan's "Welche Horrorfilme magst du?" got "Das ist eine echte Frage zur Geschichte ...";
"Nee, das sagt man halt so." (it was only a saying) got "Das klingt nach einem echten Schritt, und du hast ihn gemacht."
Each kind names its ``answers`` lines (responses.yml, i18n/<lang>.yml), in the seven languages:

    asked("Welche Horrorfilme magst du?")                         -> "bot_taste"      ("I'm a listening bot, ... no favourites")
    asked("How do I write that scene honestly?")                 -> "how_to_write"   ("I can't help much with the writing itself")
    asked("Nee, das sagt man halt so. Er ist eigentlich voll lieb.") -> "just_a_saying"  ("Got it: just a way of saying it.")

Read on the folded message (lower case, no accents); never with risk words (the crisis flow answers those).
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from actions.echo import risk_words
from actions.language import plain_text

THING = (r"\w*(?:film|movie|book|buch|bucher|music|musik|musique|musica|muziek|song|lied|chanson|cancion|canzon|band|show|serie"
         r"|game|spiel|jeu|jogo|juego|gioc|spel|livre|libr|livro|boek|pelicul|genre|genero|sport)\w*")
"""What a person enjoys and may ask the bot's taste in (films, books, music, series, games, a genre), as word parts."""
KINDS = {
    "bot_taste": re.compile(
        rf"\b(?:what|which) (?:kind of |sort of |type of )?(?:\w+ )?{THING} (?:do|would) (?:you|u) (?:\w+ )?(?:like|love|enjoy|prefer"
        rf"|recommend|watch|read|listen to|play)\b|\bdo (?:you|u) (?:even |actually )?(?:like|love|enjoy|watch|read|listen to|play) (?:\w+ ){{0,2}}{THING}"
        rf"|\b(?:what'?s|what is|whats) your (?:fav(?:ou?rite|e)|top) |\bdo (?:you|u) have (?:a )?fav(?:ou?rite|e)\b"
        rf"|\b(?:welche|was fur) (?:\w+ )?{THING} (?:magst|liest|horst|schaust|guckst|spielst|empfiehlst) du\b"
        rf"|\b(?:magst|liest|horst|schaust|guckst|spielst) du (?:auch |gern |gerne )*(?:\w+ ){{0,2}}{THING}|\b(?:was ist|hast du) (?:dein|deine|einen|eine|ein) lieblings"
        rf"|\b(?:quels?|quelles?) (?:\w+ )?{THING} (?:tu aimes|aimes-tu|tu preferes|preferes-tu|tu regardes|tu me conseilles)\b"
        rf"|\b(?:tu aimes|aimes-tu) (?:\w+ ){{0,2}}{THING}|\b(?:quel|quelle) est ton \w+ prefere|\bc'?est quoi ton \w+ prefere"
        rf"|\b(?:que|cuales?) (?:\w+ )?{THING} te gustan?\b|\bte gustan? (?:\w+ ){{0,2}}{THING}|\bcual es tu \w+ favorit"
        rf"|\b(?:quali|che) (?:\w+ )?{THING} ti piacciono\b|\bti piac(?:e|ciono) (?:\w+ ){{0,2}}{THING}|\bqual e il tuo \w+ preferit"
        rf"|\b(?:welke|wat voor) (?:\w+ )?{THING} (?:vind je leuk|kijk je|lees je|luister je|speel je)\b|\bwat is (?:je|jouw) favoriete\b"
        rf"|\bhou je van (?:\w+ ){{0,2}}{THING}"
        rf"|\b(?:que|quais|qual) (?:\w+ )?{THING} (?:voce gosta|vc gosta|tu gostas|gostas|curtes|voce curte)\b"
        rf"|\b(?:voce gosta|vc gosta|gostas|tu gostas) de (?:\w+ ){{0,2}}{THING}|\bqual (?:e )?o (?:seu|teu) \w+ favorit"),
    "how_to_write": re.compile(
        r"\bhow (?:do|can|should|would|could|might) i (?:\w+ ){0,2}?(?:write|portray|describe|depict) (?:a |the |that |this |my |her "
        r"|his |their |such a )?(?:\w+ )?(?:scene|chapter|character|story|book|novel|poem|script|screenplay|essay|article|song|ending)\b"
        r"|\bhow to (?:write|portray|depict) (?:a |the |that |this )?(?:\w+ )?(?:scene|chapter|character|story|novel|poem|script)\b"
        r"|\bwie (?:schreibe|beschreibe|zeige|erzahle) ich (?:\w+ ){0,3}(?:szene|kapitel|figur|geschichte|roman|gedicht|buch|drehbuch)\b"
        r"|\bcomment (?:ecrire|decrire|representer|j'?ecris|je decris) (?:\w+ ){0,3}(?:scene|chapitre|personnage|histoire|roman|poeme|livre)"
        r"|\bcomo (?:escribo|escribir|describo|describir|retrato|represento) (?:\w+ ){0,3}(?:escena|capitulo|personaje|historia|novela|poema|libro)"
        r"|\bcome (?:scrivo|scrivere|descrivo|descrivere|rappresento|rappresentare) (?:\w+ ){0,3}(?:scena|capitolo|personaggio|storia|romanzo"
        r"|poesia|libro)|\bhoe (?:schrijf|beschrijf) ik (?:\w+ ){0,3}(?:scene|hoofdstuk|personage|verhaal|roman|gedicht|boek)"
        r"|\bcomo (?:escrevo|escrever|descrevo|descrever|retrato|retratar) (?:\w+ ){0,3}(?:cena|capitulo|personagem|historia|romance|poema|livro)"),
    "just_a_saying": re.compile(
        r"\b(?:it'?s|thats|that'?s|it was|that was) (?:just|only) (?:a|an) (?:saying|expression|figure of speech|way of (?:saying|talking|speaking)"
        r"|turn of phrase)\b|\bi didn'?t mean it literally\b"
        r"|\b(?:das )?sagt man (?:halt |ja |doch |nur |eben |einfach )*so\b|\b(?:ist|war) (?:nur |halt |bloss |einfach )*(?:eine redewendung"
        r"|ein spruch|so ein spruch|so eine redensart|eine redensart)\b|\bnicht wortlich gemeint\b"
        r"|\bc'?est (?:juste |seulement |qu'?)?(?:une (?:expression|facon de parler|maniere de parler))\b|\bau sens figure\b"
        r"|\bes (?:solo |nada mas )?(?:un decir|una forma de hablar|una manera de hablar|una expresion)\b"
        r"|\b(?:e|era) (?:solo |soltanto )?(?:un modo di dire|un'?espressione)\b"
        r"|\b(?:dat|het) (?:zeg je|zeg ik|zeggen we|zegt men) (?:gewoon |maar |zomaar )*zo\b|\bbij wijze van spreken\b"
        r"|\b(?:is|was) (?:maar |gewoon )?een (?:uitdrukking|gezegde)\b"
        r"|\b(?:e|foi) (?:so |apenas )?(?:uma expressao|um jeito de falar|uma maneira de falar|forca de expressao|modo de dizer|maneira de dizer)\b"),
}
"""The kinds of message, in the order they are tried; each names its ``answers`` lines."""
HARD_STORY = "how_to_write_hard"
"""The answer to a writing question whose story the person told with words of suicide or self-harm: it names the guidance
for portraying them safely."""


def asked(text: str, earlier: Sequence[str] = ()) -> Optional[str]:
    """The ``answers`` key for ``text`` (see ``KINDS``), or None; a writing question after ``earlier`` messages (oldest first)
    with risk words ("my protagonist writes a suicide note and takes pills") gets ``HARD_STORY``."""
    if risk_words(text):
        return None
    plain = plain_text(text)
    kind = next((key for key, pattern in KINDS.items() if pattern.search(plain)), None)
    if kind == "how_to_write" and any(risk_words(message) for message in earlier):
        return HARD_STORY
    return kind
