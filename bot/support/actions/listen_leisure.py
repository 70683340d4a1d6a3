"""A pastime the person enjoyed, told as such: taken up with interest, never probed as a feeling.

Thirteenth exploratory reading, M4: "Hab gestern mit meinen Freunden einen Horrorfilm-Marathon gemacht, sechs Filme, überall
Blut und Leichen." (read as fear) got "Wie lange fühlst du dich schon so?". A message that names a pastime (a film, a series,
a game, a concert, a match, a book) with a word of enjoyment or company ("mit meinen Freunden", "I love the genre"), and
tells of nothing hard, is a hobby: answered with the ``enjoyed`` lines ("That sounds like a good time. What did you enjoy most
about it?"), in the seven languages, whatever the emotion reading says.

    enjoyed("Hab gestern mit meinen Freunden einen Horrorfilm-Marathon gemacht", "de") -> True
    enjoyed("I watched a film and cried all night", "en")                             -> False  (something hard)
"""
from __future__ import annotations

import re

from actions.echo import risk_words
from actions.language import plain_text

PASTIME = re.compile(
    r"\b\w*(?:film|movie|kino|cinema|cine|serie|series|netflix|gaming|videogame|zock|concert|konzert|concierto|concerto|festival"
    r"|marathon|maraton|maratona|genre|genero)\w*|\b(?:games?|spiele|jeux|juegos|giochi|spellen|jogos|book|buch|livre|libro|boek|livro"
    r"|football|fussball|futbol|calcio|voetbal|futebol|match|partido|partita|wedstrijd|jogo|party|fete|fiesta|festa|feest)\b")
"""Words that name a pastime, in the seven languages (folded)."""
ENJOYED = re.compile(
    r"\b(?:love|loved|loving|enjoy\w*|fun|awesome|amazing|brilliant|the best|favou?rite|with (?:my )?(?:friends|mates|pals)"
    r"|liebe|geil|toll|spass|mega|mit (?:meinen |den |ein paar )?freunden|am besten|lieblings\w*"
    r"|j'?adore|adore|genial|trop bien|kiffe|avec (?:mes |des )?(?:potes|amis|copains|copines)"
    r"|me encanta|encanta|chulo|guay|con (?:mis |unos )?amig[oa]s|bellissim\w*|divertent\w*|con (?:i miei |degli )?amici"
    r"|leuk|geweldig|gaaf|vet|met (?:mijn |wat )?vrienden|heerlijk"
    r"|amo|adorei|incrivel|demais|com (?:os |uns )?(?:meus )?amig[oa]s|massa)\b")
"""Words of enjoyment or company, in the seven languages (folded)."""
HARD = re.compile(
    r"\b(?:cri(?:ed|es)|cry\w*|sad|lonely|alone|scared|afraid|nightmares?|can'?t sleep|couldn'?t sleep|panic\w*|anxious|upset|hate"
    r"|wein\w*|traurig|einsam|allein|angst|albtr\w*|alptr\w*|panik|schlaflos|pleur\w*|triste|seule?|peur|cauchemar\w*|angoiss\w*"
    r"|llor\w*|sol[oa]|miedo|pesadilla\w*|ansiedad|piang\w*|paura|incub\w*|ansia|huil\w*|verdrietig|eenzaam|alleen|bang|nachtmerrie\w*"
    r"|chor\w*|sozinh[oa]|medo|pesadelo\w*|ansiedade)\b|\b(?:not|wasn'?t|isn'?t|no|nicht|kein|pas|nada|non|niet|geen|nao) (?:\w+ )?"
    r"(?:fun|spass|drole|marrant|divertid[oa]|divertente|leuk|divertid[oa])\b")
"""Words of something hard in the seven languages (folded): a pastime told with them is no hobby to take up lightly."""


def enjoyed(text: str) -> bool:
    """Whether ``text`` tells of a pastime the person enjoyed (``PASTIME`` and ``ENJOYED``), with no question, no word of
    something hard (``HARD``) and no risk words."""
    plain = plain_text(text)
    return "?" not in plain and bool(PASTIME.search(plain)) and bool(ENJOYED.search(plain)) and not HARD.search(plain) \
        and not risk_words(text)
