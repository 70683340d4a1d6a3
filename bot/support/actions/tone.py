"""How a message reads: good news, or a person saying they are not well (seven languages).

An affirmation says "I'm really glad to hear that" only to good news (``good_news``: "i passed my
exam", "ich habs geschafft", or the emotion reading is joy) and never to a person who says they
are not well (``not_well``: "mir gehts nicht gut", "im not doing good"); "i googled it" is neither.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

NOT_WELL = re.compile(
    r"\b(not (doing |feeling |that |so |very |too )?(good|great|ok|okay|fine|well|happy)|nicht (so )?(gut|toll|okay|ok)|gar nicht gut|pas (bien|top|terrible)|"
    r"no (estoy|me siento|muy) bien|nada bien|non (sto|mi sento) bene|non bene|niet (goed|lekker|fijn|oké)|"
    r"não (estou|me sinto|to|tô) bem|nao (estou|to|tô) bem|nem um pouco bem)\b")
"""A message that says the person is not well: an affirmation ("glad to hear that") is never its answer."""
GOOD_NEWS = re.compile(
    r"\b(better|good|great|happy|glad|relieved|proud|managed|passed (?:my|the|an?) \w+|helped|helps|calmer|"
    r"lighter|excited|"
    r"did it|got the job|went well|besser|gut|froh|stolz|geschafft|erleichtert|geholfen|mieux|content|contente|"
    r"fier|fière|soulagée?|réussi|aidé|mejor|feliz|orgullos[oa]|aliviad[oa]|content[oa]|logré|ayudó|meglio|"
    r"felice|sollevat[oa]|ce l'ho fatta|aiutato|beter|blij|trots|opgelucht|gelukt|geholpen|melhor|orgulhos[oa]|"
    r"consegui|ajudou)\b")
"""A message that reads as good news: only then may an affirmation say it is glad (``good_news`` lines)."""
NO_GOOD = re.compile(
    r"\b(nothing|no|not|never|didnt|doesnt|didn't|doesn't|isnt|isn't|nichts|nicht|rien|pas|nada|nunca|niente|non|"
    r"niets|niet|nao|não) (\w+ )?(better|helped|helps|good|great|happy|glad|proud|besser|geholfen|gut|mieux|aidé|"
    r"mejor|ayudó|meglio|aiutato|beter|geholpen|melhor|ajudou)\b")
"""Good-news words denied ("nothing helped", "no better", "nicht besser")."""
BAD_NEWS = re.compile(
    r"\b(got fired|been fired|fired me|laid off|lost my (?:job|home|flat|house|dog|cat|mum|mom|dad|wife|husband)|"
    r"broke down|broke up|dumped|failed|died|passed away|crashed|evicted|diagnosed|in hospital|"
    r"gefeuert|gekündigt|entlassen|kaputt|gestorben|durchgefallen|viré|virée|licencié|licenciée|en panne|mort|morte|raté|"
    r"despedid[oa]|se murió|murió|suspendí|licenziat[oa]|morto|morta|bocciat[oa]|ontslagen|kapot|overleden|gezakt|"
    r"demitid[oa]|morreu|reprovad[oa]|quebrou|"
    r"exhausted|knackered|wiped out|drained|burnt out|burned out|killed me|killing me|so tired|"
    r"fertig|erschöpft|umgebracht|kaputt|épuisé|épuisée|crevé|crevée|agotad[oa]|reventad[oa]|"
    r"sfinit[oa]|distrutt[oa]|uitgeput|kapot|exaust[oa]|acabad[oa])\b")
"""Bad news or being worn out: with no good-news word beside it, a joy reading of it is sarcasm ("I
got fired AND my car broke down. best week ever") or a laugh at one's own tiredness ("diese Woche
hat mich umgebracht 😅"), not good news."""


MILESTONE = re.compile(
    r"\b(?:\d+|one|a|two|three|six) (?:days?|weeks?|months?|years?) (?:sober|clean|dry|without (?:a )?(?:drink|drinking|alcohol"
    r"|using|cutting|self ?harm\w*)|off (?:the )?(?:drink|booze|alcohol))\b|\bsober (?:for|since) \d+\b"
    r"|\b\d+ (?:tage|wochen|monate|jahre) (?:trocken|nuchtern|clean|ohne (?:alkohol|trinken|zu trinken))\b"
    r"|\bseit \d+ (?:tagen|wochen|monaten|jahren) (?:trocken|nuchtern|clean|keinen alkohol|nichts getrunken|nicht mehr getrunken)\b"
    r"|\b\d+ (?:jours|semaines|mois|ans) (?:sans (?:boire|alcool|une goutte)|sobre|clean)\b"
    r"|\b(?:ca fait|cela fait|depuis) \d+ (?:jours|semaines|mois|ans) (?:que je (?:ne bois (?:plus|pas)|n ?ai pas bu)|sans boire)"
    r"|\b(?:hace|llevo) \d+ (?:dias|semanas|meses|anos) (?:que no (?:bebo|tomo)|sin (?:beber|tomar|alcohol))"
    r"|\b\d+ (?:dias|semanas|meses|anos) (?:sin (?:beber|tomar|alcohol)|sobri[oa]|limpi[oa])\b"
    r"|\b\d+ (?:giorni|settimane|mesi|anni) (?:senza (?:bere|alcol)|sobri[oa]|pulit[oa])\b"
    r"|\b(?:da|sono) \d+ (?:giorni|settimane|mesi|anni) (?:che )?non bevo\b"
    r"|\b\d+ (?:dagen|weken|maanden|jaar) (?:nuchter|droog|clean|zonder (?:alcohol|drank|drinken)|niet gedronken)\b"
    r"|\b(?:al|sinds) \d+ (?:dagen|weken|maanden|jaar) (?:nuchter|droog|clean|geen alcohol|niet gedronken)\b"
    r"|\b\d+ (?:dias|semanas|meses|anos) (?:sem (?:beber|alcool)|sobri[oa]|limp[oa])\b"
    r"|\b(?:ha|faz|fazem) \d+ (?:dias|semanas|meses|anos) (?:que )?(?:eu )?(?:nao bebo|sem beber)")
"""A milestone of recovery ("today is 200 days sober", "hoy hace 200 días que no bebo", "seit 100 Tagen trocken"), on
the folded message (no accents): good news, celebrated whatever strategy was chosen (eighth reading, L7)."""


SLIP = re.compile(r"\b(?:relaps\w*|slipped|drank again|drinking again|used again|ruckfall\w*|rechute|recaida|ricadut\w*|terugval\w*)\b")
"""A slip told beside a milestone ("200 days sober and then i relapsed"): no celebration."""


def milestone(text: str) -> bool:
    """Whether ``text`` tells a milestone of recovery (``MILESTONE``), with no slip (``SLIP``) and no "not well" beside it."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", (text or "").lower()) if not unicodedata.combining(c))
    plain = plain.replace("'", " ").replace("’", " ")
    return bool(MILESTONE.search(plain)) and not SLIP.search(plain) and not not_well(plain) and not NO_GOOD.search(plain)


TOOK_A_STEP = re.compile(
    r"\bi (?:finally |actually |just |even |really )?(?:did it|did that|managed|made it|passed|got (?:the job|in|through|it done|a job)"
    r"|went (?:to|for|out)|called|rang|told (?:her|him|them|my|someone|somebody)|asked (?:her|him|them|for|my)|booked|signed up|applied"
    r"|handed (?:it )?in|finished|stood up|said no|left the house|reached out|spoke to|talked to)\b"
    r"|\b(?:geschafft|bestanden|hab(?:e)? (?:es |ihn |sie |ihr |ihm )?(?:endlich |heute |doch )?(?:angerufen|gesagt|gefragt|gebucht|beworben)"
    r"|bin (?:endlich |heute )?(?:hingegangen|rausgegangen|hin gegangen))\b"
    r"|\bj ?ai (?:enfin |finalement )?(?:reussi|fini|appele|dit|demande|ose|postule)\b|\bje l ?ai fait\b|\bj ?y suis allee?\b"
    r"|\b(?:lo )?(?:logre|hice|consegui)\b|\blo he (?:hecho|conseguido|logrado)\b|\b(?:he )?aprobado\b|\baprobe\b"
    r"|\b(?:por fin )?(?:llame|le dije|le pedi|me atrevi|he llamado)\b"
    r"|\bce l ?ho fatta\b|\bl ?ho fatto\b|\bho (?:finalmente )?(?:superato|chiamato|detto|chiesto|finito)\b|\bsono (?:finalmente )?(?:andat[oa]|uscit[oa])\b"
    r"|\b(?:gelukt|gehaald)\b|\bik heb (?:het )?(?:eindelijk )?(?:gedaan|gebeld|gezegd|gevraagd|afgemaakt)\b"
    r"|\b(?:consegui|passei|fiz isso|liguei|contei)\b")
"""A step the person took, told as done ("i finally called her", "ich habs geschafft", "lo logré", "ce l'ho fatta"), on the folded
message (no accents, apostrophes as spaces): only then, or at a milestone, is it praised as "a real step, and you made it"
(thirteenth reading, L7: "Er ist eigentlich voll lieb.", "Gracias por preguntar, pero estoy bien en ese sentido." and "Domani ho il
giorno libero finalmente." got that praise)."""


def took_a_step(text: str) -> bool:
    """Whether ``text`` tells of a step the person took (``TOOK_A_STEP``) or a milestone of recovery."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", (text or "").lower()) if not unicodedata.combining(c))
    plain = plain.replace("'", " ").replace("’", " ")
    return bool(TOOK_A_STEP.search(plain)) or milestone(text)


def not_well(text: str) -> bool:
    """Whether ``text`` (lowercase) says the person is not well."""
    return bool(NOT_WELL.search(text))


def good_news(text: str, label: Optional[str] = None) -> bool:
    """Whether ``text`` (lowercase) reads as good news: a good-news word not denied, or the
    emotion ``label`` is joy and no bad news is told (``BAD_NEWS``: sarcasm); never when the
    person says they are not well."""
    if not_well(text) or NO_GOOD.search(text):
        return False
    if GOOD_NEWS.search(text) or milestone(text):
        return True
    return label == "joy" and not BAD_NEWS.search(text)


LIGHT_IDIOMS = {
    "laughter": re.compile(
        r"\b(?:(?:je suis |j'?suis |on est )?morte?s? de rire|mdr|(?:estoy |me )?muert[oa] de (?:la )?risa|me muero de (?:la )?risa|me mor[ií] de (?:la )?risa"
        r"|(?:sono )?mort[oa] dal ridere|(?:sto )?morendo dal ridere|(?:estou |tô |to )?morrendo de rir|morri de rir|(?:ich )?lach(?:e)? mich (?:halb )?tot"
        r"|totgelacht|(?:ik )?lig (?:helemaal )?dubbel|(?:me )?doodgelachen|dood van het lachen|dying (?:of|from|with) laughter|died laughing"
        r"|dying laughing)\b"),
    "longing": re.compile(
        r"\b(?:me muero de ganas|me muero por (?:ver|verla|verlo|ir)|muero de ganas|muoio dalla voglia|non vedo l'?ora|je meurs d'?envie"
        r"|(?:estou |tô |to )?morrendo de (?:vontade|saudades?)|morro de (?:vontade|saudades?)|dying to (?:see|meet|go|try|hug)|can'?t wait to"
        r"|ich (?:kann es|kanns) kaum erwarten|ik kan (?:bijna )?niet wachten)\b"),
    "hunger": re.compile(
        r"\b(?:(?:ho )?una fame da morire|muoio di fame|(?:me )?muero de hambre|(?:estou |tô |to )?morrendo de fome|morro de fome|je meurs de faim"
        r"|(?:ich )?sterbe vor hunger|ik sterf van de honger|dying of hunger)\b"),
}
"""Idioms of laughter, longing and hunger that speak of dying ("je suis mort de rire devant cette série", "me muero de ganas de ver a
mi novia", "ho una fame da morire"): read as sadness, they got "J'entends combien il y a de tristesse en toi" (tenth reading, M2)."""


def light_idiom(text: str) -> Optional[str]:
    """``laughter``, ``longing`` or ``hunger`` when ``text`` says one of ``LIGHT_IDIOMS``, else None."""
    lowered = (text or "").lower().replace("\u2019", "'")
    return next((kind for kind, pattern in LIGHT_IDIOMS.items() if pattern.search(lowered)), None)


def without_idioms(text: str) -> str:
    """``text`` with its ``LIGHT_IDIOMS`` taken out: what is left to read for risk ("je suis mort de rire" has none)."""
    lowered = (text or "").lower().replace("\u2019", "'")
    for pattern in LIGHT_IDIOMS.values():
        lowered = pattern.sub(" ", lowered)
    return lowered
