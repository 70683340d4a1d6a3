"""A milestone of recovery from self-harm, and pride in oneself: celebrated, never taken as a burden.

Thirteenth exploratory reading, M2: "Today is five years since I last self-harmed. Five whole years!" got "It sounds like
today is five years since you last self harmed. No wonder it's been weighing on you.", and "I used to cut every day at uni.
I'm really proud of myself, I wanted to tell someone." got "It sounds like you used to cut every day at uni, and that's
been sitting with you." tone.milestone reads the milestones of drink; this module reads those of self-harm and a person's
pride in themselves, in the seven languages, on the folded message (lower case, no accents, apostrophes as spaces):

    celebration("Today is five years since I last self-harmed. Five whole years!") -> "milestone"
    celebration("I'm really proud of myself, I wanted to tell someone.")           -> "pride"
    span("Today is five years since I last self-harmed.")                         -> "Five years"   (English only)
    without_recovery("Today is five years since I last self-harmed.")              -> "today is  ."  (read for risk)

A milestone told beside a slip ("five years since i last cut, and last night i did again") or beside risk words outside the
milestone itself is no celebration (listening.compose reads ``without_recovery`` for risk words).
"""
from __future__ import annotations

import re
import unicodedata
from typing import List, Optional

from actions.bank import answers
from actions.tone import SLIP, milestone, not_well

NUMBER = (r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred"
          r"|eine?[nm]?|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwolf|hundert"
          r"|une?|deux|trois|quatre|cinq|sept|huit|neuf|dix|cent"
          r"|una?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|cien"
          r"|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|cento"
          r"|een|twee|drie|vijf|zes|zeven|negen|tien|honderd"
          r"|um|dois|duas|quatro|sete|oito|dez|cem)")
"""A number of days, weeks, months or years, in digits or words, in the seven languages (folded)."""
UNIT = (r"(?:days?|weeks?|months?|years?|tage[n]?|wochen?|monate[n]?|jahre[n]?|jours?|semaines?|mois|ans|annees?"
        r"|dias?|semanas?|mes(?:es)?|anos?|giorn[oi]|settiman[ae]|mes[ei]|ann[oi]|dag(?:en)?|weken|week|maand(?:en)?|jaar)")
SPAN = rf"{NUMBER} (?:whole |full |long |ganze |ganzen |longues? |largos? |interi |hele |longos? )?{UNIT}"
EN_SPAN = re.compile(r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty"
                     r"|hundred) (?:days?|weeks?|months?|years?)\b")
"""A span of time in English ("five years", "200 days"): said back in the English celebration (``span``)."""
ACT_EN = r"(?:self ?harm(?:ed|ing)?|harm(?:ed|ing)? myself|hurt(?:ing)? myself|cut(?:ting)?(?: myself)?|burn(?:ed|t|ing)? myself)"
RECOVERY = re.compile(
    rf"\b{SPAN} since i (?:last |ever )?{ACT_EN}\b"
    rf"|\b{SPAN} (?:self ?harm free|free (?:of|from) self ?harm\w*|clean (?:from |of )?(?:self ?harm\w*|cutting)"
    rf"|without (?:self ?harm\w*|cutting|hurting myself|harming myself))"
    rf"|\b(?:haven t|have not|havent|not) (?:self ?harmed|cut(?: myself)?|hurt myself|harmed myself) (?:in|for) {SPAN}"
    rf"|\bseit {SPAN} (?:(?:ritze|verletze|schneide) ich mich (?:selbst )?nicht mehr|(?:nicht mehr )?(?:geritzt|selbst ?verletzt)"
    rf"|ritzfrei|ohne (?:ritzen|selbstverletzung))|\b{SPAN} (?:ohne (?:ritzen|selbstverletzung|mich zu (?:ritzen|verletzen))|ritzfrei)"
    rf"|\b{SPAN} sans (?:me (?:scarifier|faire du mal|couper|blesser)|scarification|automutilation)"
    rf"|\b(?:ca fait|cela fait|depuis) {SPAN} (?:que je ne me (?:scarifie|coupe|blesse|fais (?:plus )?de mal)(?: plus)?"
    rf"|que je ne me suis (?:pas|plus) (?:scarifiee?|coupee?|fait de mal)|sans (?:me scarifier|me couper))"
    rf"|\b{SPAN} sin (?:autolesionarme|cortarme|hacerme dano|autolesiones)"
    rf"|\b(?:hace|llevo|ya son|son) {SPAN} (?:que no me (?:corto|autolesiono|hago dano)|sin (?:cortarme|autolesionarme|hacerme dano))"
    rf"|\b{SPAN} senza (?:tagliarmi|farmi del male|autolesionismo|autolesionarmi)"
    rf"|\b(?:sono|da) {SPAN} (?:che )?non mi (?:taglio|faccio (?:piu )?del male|autolesiono)"
    rf"|\b{SPAN} (?:zonder (?:snijden|zelfbeschadiging|mezelf te (?:snijden|beschadigen|pijn (?:te )?doen))|niet (?:meer )?gesneden)"
    rf"|\b(?:al|sinds) {SPAN} (?:niet meer (?:gesneden|aan het snijden)|geen zelfbeschadiging|mezelf niet (?:meer )?(?:gesneden|beschadigd))"
    rf"|\b{SPAN} sem (?:me cortar|me machucar|me automutilar|automutilacao|autolesao)"
    rf"|\b(?:faz|fazem|ha) {SPAN} (?:que )?(?:eu )?(?:nao me (?:corto|machuco|automutilo)|sem me (?:cortar|machucar))")
"""A milestone of recovery from self-harm, in the seven languages (folded)."""
PAST_HARM = re.compile(r"\bi used to (?:self ?harm|cut|hurt myself|harm myself)(?: myself)?\b|\bi used to burn myself\b")
"""Self-harm told as the past in a message that celebrates ("I used to cut every day at uni. I'm really proud of myself"):
no risk word of now (read only beside a celebration)."""
AGAIN = re.compile(r"\b(?:did it|cut(?: myself)?|self ?harmed|harmed myself|hurt myself) again\b|\bwieder (?:geritzt|verletzt)\b"
                   r"|\bme suis (?:re)?coupee? (?:encore|de nouveau)\b|\bme (?:volvi|he vuelto) a cortar\b|\bmi sono tagliat[oa] (?:di nuovo|ancora)\b"
                   r"|\bweer gesneden\b|\bme cortei (?:de novo|outra vez)\b")
"""A slip of self-harm told beside a milestone ("five years, and last night i cut again"): no celebration."""
PRIDE = re.compile(
    r"\b(?:i m|im|i am|i feel|feeling|i m feeling)(?: so| really| very| actually| kind of| kinda| genuinely| super| quite| pretty| bloody)*"
    r" proud of (?:myself|me)\b"
    r"|\bich bin (?:so |richtig |wirklich |echt |ziemlich |total |mega |schon )*stolz auf mich\b"
    r"|\bje suis (?:tellement |vraiment |trop |super |tres |assez |quand meme )*fiere? de moi\b"
    r"|\b(?:estoy|me siento) (?:tan |muy |super |realmente |bien )*orgullos[oa] de mi\b"
    r"|\b(?:sono|mi sento) (?:cosi |molto |davvero |proprio |tanto |super )*orgoglios[oa] di me\b"
    r"|\bik ben (?:zo |echt |heel |best |erg |super )*trots op (?:mezelf|mij)\b"
    r"|\b(?:estou|to|sinto-me|me sinto) (?:tao |muito |mesmo |super |bem )*orgulhos[oa] de mim\b")
"""A person proud of themselves, in the seven languages (folded); "not proud of myself" is none (no "not" is allowed in it)."""


def folded(text: str) -> str:
    """``text`` in lower case, without accents, with apostrophes and hyphens as spaces (as ``RECOVERY`` is written)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", (text or "").lower()) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"['’\-]", " ", plain))


def celebration(text: str) -> Optional[str]:
    """``"milestone"`` when ``text`` tells a milestone of recovery (self-harm here, drink in tone.milestone), ``"pride"`` when
    the person says they are proud of themselves, else None; never with a slip or "not well" beside it."""
    plain = folded(text)
    if SLIP.search(plain) or AGAIN.search(plain) or not_well(plain):
        return None
    if RECOVERY.search(plain) or milestone(text):
        return "milestone"
    return "pride" if PRIDE.search(plain) else None


def span(text: str) -> Optional[str]:
    """The span of time an English milestone names, as a sentence starts it ("Five years", "200 days"); None when none."""
    found = EN_SPAN.search(folded(text))
    return found.group(0)[:1].upper() + found.group(0)[1:] if found else None


def without_recovery(text: str) -> str:
    """``text`` (lower case, as typed: "brücke" stays a risk word) without its milestone and the past self-harm a celebration
    tells: what is left to read for risk words."""
    lowered = (text or "").lower()
    plain, origin = "", []  # the folded text, and for each of its characters the index of the typed one it comes from
    for i, char in enumerate(lowered):
        piece = folded(char) if char not in "'’-" else " "
        plain += piece
        origin += [i] * len(piece)
    cut = set()
    for pattern in (RECOVERY, PAST_HARM):
        for found in pattern.finditer(plain):
            cut.update(origin[found.start():found.end()])
    return "".join(" " if i in cut else char for i, char in enumerate(lowered))


def celebration_lines(kind: str, text: str, lang: str = "en") -> List[str]:
    """The lines that celebrate ``kind`` (``celebration``) in ``lang`` (responses.yml / i18n ``answers``: ``milestone``, ``pride``);
    in English a milestone says back its span ("Five years is huge: congratulations. What helped you get here?")."""
    said = span(text) if kind == "milestone" and lang == "en" else None
    if said:
        return [line.format(span=said) for line in answers(lang)["milestone_said"]]
    return list(answers(lang)[kind])
