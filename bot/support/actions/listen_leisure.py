"""A pastime the person enjoyed, told as such: taken up with interest, never probed as a feeling.

Thirteenth exploratory reading, M4: "Hab gestern mit meinen Freunden einen Horrorfilm-Marathon gemacht, sechs Filme, überall
Blut und Leichen." (read as fear) got "Wie lange fühlst du dich schon so?". A message that names a pastime (a film, a series,
a game, a concert, a match, a book) with a word of enjoyment ("I love the genre"), or in company ("mit meinen Freunden")
when it was something watched or played together, and tells of nothing hard, is a hobby: answered with the ``enjoyed``
lines ("That sounds like a good time. What did you enjoy most about it?"), in the seven languages. Company alone makes no
party or night out a good time, nor does a night of being left out, laughed at or regretted ("went to the party with my
friends and they all ignored me the whole night", "Bebi demais na festa ontem e fiz besteira"; reviewer's R1.6); a
negative emotion reading rules it out but for something watched or played, whose content it may be reading (a horror
film read as fear).

    enjoyed("Hab gestern mit meinen Freunden einen Horrorfilm-Marathon gemacht", "de") -> True
    enjoyed("I watched a film and cried all night", "en")                             -> False  (something hard)
"""
from __future__ import annotations

import re
from typing import Optional

from actions.echo import risk_words
from actions.language import plain_text

PASTIME = re.compile(
    r"\b\w*(?:film|movie|kino|cinema|cine|serie|series|netflix|gaming|videogame|zock|concert|konzert|concierto|concerto|festival"
    r"|marathon|maraton|maratona|genre|genero)\w*|\b(?:games?|spiele|jeux|juegos|giochi|spellen|jogos|book|buch|livre|libro|boek|livro"
    r"|football|fussball|futbol|calcio|voetbal|futebol|match|partido|partita|wedstrijd|jogo|party|fete|fiesta|festa|feest)\b")
"""Words that name a pastime, in the seven languages (folded)."""
ENJOYED = re.compile(
    r"\b(?:love|loved|loving|enjoy\w*|fun|awesome|amazing|brilliant|the best|favou?rite"
    r"|liebe|geil|toll|spass|mega|am besten|lieblings\w*"
    r"|j'?adore|adore|genial|trop bien|kiffe"
    r"|me encanta|encanta|chulo|guay|bellissim\w*|divertent\w*"
    r"|leuk|geweldig|gaaf|vet|heerlijk"
    r"|amo|adorei|incrivel|demais|massa)\b")
"""Words of enjoyment, in the seven languages (folded)."""
COMPANY = re.compile(
    r"\b(?:with (?:my )?(?:friends|mates|pals)|mit (?:meinen |den |ein paar )?freunden|avec (?:mes |des )?(?:potes|amis|copains|copines)"
    r"|con (?:mis |unos )?amig[oa]s|con (?:i miei |degli )?amici|met (?:mijn |wat )?vrienden|com (?:os |uns )?(?:meus )?amig[oa]s)\b")
"""Company, in the seven languages (folded): a good time only with something watched or played together (``SHOWN``)."""
SHOWN = re.compile(
    r"\b(?:\w*(?:film|movie|kino|netflix|gaming|videogame|zock|marathon|maraton|maratona)\w*"
    r"|(?:cinema|cine|series?|genre|genero)s?)\b"
    r"|\b(?:games?|spiele|jeux|juegos|giochi|spellen|jogos|book|buch|livre|libro|boek|livro)\b")
"""A pastime watched, played or read, whose content an emotion reading may take for the person's (a horror film read as
fear), in the seven languages (folded), "cine" and "serie" whole words ("medicine", "sérieux" are none: R2.3):
not a party, a concert or a match, where the company is the evening."""
LEFT_OUT = re.compile(
    r"\b(?:ignor(?:ed|ing) me|(?:they|everyone|everybody|all) (?:\w+ )?ignored|left (?:me )?out|laugh(?:ed|ing) at me|made fun of me|mocked me"
    r"|(?:no ?one|nobody) (?:talked|spoke|danced) (?:to|with) me|excluded|humiliat\w*|embarrass\w*|regret\w*|drank (?:way )?too much"
    r"|(?:did|said) something stupid|made a fool of myself"
    r"|ignoriert|ausgelacht|lachten mich aus|ausgeschlossen|links liegen gelassen|(?:keiner|niemand) hat mit mir (?:geredet|gesprochen|getanzt)"
    r"|blamiert|peinlich|bereue\w*|zu viel getrunken|(?:mist|scheisse) gebaut"
    r"|(?:m'|m)?ont ignore\w*|m'?a ignore\w*|m'?ignor\w*|ignoree|moque\w* de moi|se sont moque\w*|exclue?|personne (?:ne )?m'?a parle|honte|regrett?\w*"
    r"|trop bu|fait (?:n'?importe quoi|une betise|des betises|le con)|ridiculise\w*"
    r"|ignoraron|me ignoraron|ignorad[oa]|se (?:rieron|burlaron) de mi|burlaron|excluid[oa]|nadie me hablo|verguenza"
    r"|me arrepiento|arrepentid[oa]|bebi demasiado|hice el ridiculo|la cague|hice una tonteria"
    r"|ignorat[oa]|mi hanno ignorat[oa]|pres[oa] in giro|deris[oa]|esclus[oa]|nessuno mi ha parlato|vergogn\w*|mi pento|pentit[oa]"
    r"|bevuto troppo|(?:ho fatto|fatto) una cazzata|figuraccia"
    r"|genegeerd|negeerden|lachten (?:me|mij) uit|uitgelachen|buitengesloten|niemand praatte met (?:me|mij)|schaam\w*|spijt"
    r"|te veel gedronken|stomme dingen|voor schut"
    r"|ignoraram|me ignoraram|riram (?:de mim|da minha cara|na minha cara)|me zoaram|zoaram (?:comigo|de mim)|gozaram (?:comigo|de mim|com a minha cara)|ninguem falou comigo|vergonha|arrependid[oa]|me arrependo"
    r"|bebi (?:demais|muito|de mais)|fiz (?:besteira|merda|asneira|figura triste)|paguei mico)\b")
"""Being left out, laughed at or regretting the night, in the seven languages (folded): something hard, however good the
evening was meant to be (reviewer's R1.6)."""
HARD = re.compile(
    r"\b(?:cri(?:ed|es)|cry\w*|sad|lonely|alone|scared|afraid|nightmares?|can'?t sleep|couldn'?t sleep|panic\w*|anxious|upset|hate"
    r"|wein\w*|traurig|einsam|allein|angst|albtr\w*|alptr\w*|panik|schlaflos|pleur\w*|triste|seule?|peur|cauchemar\w*|angoiss\w*"
    r"|llor\w*|sol[oa]|miedo|pesadilla\w*|ansiedad|piang\w*|paura|incub\w*|ansia|huil\w*|verdrietig|eenzaam|alleen|bang|nachtmerrie\w*"
    r"|chor\w*|sozinh[oa]|medo|pesadelo\w*|ansiedade)\b|\b(?:not|wasn'?t|isn'?t|no|nicht|kein|pas|nada|non|niet|geen|nao) (?:\w+ )?"
    r"(?:fun|spass|drole|marrant|divertid[oa]|divertente|leuk|divertid[oa])\b")
"""Words of something hard in the seven languages (folded): a pastime told with them is no hobby to take up lightly."""


def left_out(text: str) -> bool:
    """Whether ``text`` tells of being left out, laughed at or regretting what one did (``LEFT_OUT``)."""
    return bool(LEFT_OUT.search(plain_text(text)))


def enjoyed(text: str, label: Optional[str] = None) -> bool:
    """Whether ``text`` tells of a pastime the person enjoyed (``PASTIME`` with ``ENJOYED``, or ``COMPANY`` with something
    ``SHOWN``), with no question, no word of something hard (``HARD``, ``LEFT_OUT``), no risk words, and no negative
    emotion ``label`` (listening.NEGATIVE_LABELS) but for something ``SHOWN``."""
    from actions.listening import NEGATIVE_LABELS

    plain = plain_text(text)
    shown = bool(SHOWN.search(plain))
    return "?" not in plain and bool(PASTIME.search(plain)) \
        and (bool(ENJOYED.search(plain)) or (shown and bool(COMPANY.search(plain)))) \
        and not (label in NEGATIVE_LABELS and not shown) \
        and not HARD.search(plain) and not LEFT_OUT.search(plain) and not risk_words(text)
