"""Curated phrase patterns: explicit risk language (crisis) and tutoring cues.

The risk list is tuned for recall: any match flags a crisis, whatever the model says.
Patterns are matched case-insensitively on the raw text; apostrophes may be missing
("dont", "i cant") as they often are in chat.
"""
from __future__ import annotations

import re

_A = "['’]?"  # optional apostrophe

# (name, regex). Keep names stable: they are returned in ``derive()["crisis"]["matched"]``.
RISK_PATTERNS: list[tuple[str, str]] = [
    ("kill myself", r"\bkill(?:ing)?\s+my\s*self\b|\bkms\b"),
    ("end my life", r"\bend(?:ing)?\s+(?:my|it)\s+(?:own\s+)?life\b|\bend\s+it\s+all\b|\btake\s+my\s+(?:own\s+)?life\b"),
    ("want to die", r"\b(?:want|wanna|wanted|going|ready|wish|deserve|plan(?:ning)?)\s+(?:to\s+)?(?:be\s+)?(?:die|dead)\b|\bwish\s+i\s+(?:was|were)\s+dead\b|\bbetter\s+off\s+dead\b"),
    ("suicide", r"\bsuicid(?:e|al|ality)\b"),
    ("overdose", r"\bover\s*dos(?:e|ed|ing)\b|\bod\s+on\b|\bswallow(?:ed)?\s+(?:all|a\s+bottle|the\s+whole)\b"),
    ("no reason to live", r"\bno\s+(?:reason|point|purpose)\s+(?:to|in|of)\s+(?:liv|go(?:ing)?\s+on|being\s+alive|life)\w*"),
    ("not worth living", r"\b(?:life|living)\s+(?:is|isn" + _A + r"t|is\s+not)\s+(?:not\s+)?worth\s+(?:it|living)\b|\bnot\s+worth\s+living\b"),
    ("self-harm", r"\b(?:cut(?:ting)?|hurt(?:ing)?|harm(?:ing)?|burn(?:ing)?)\s+my\s*self\b|\bself[-\s]?harm\w*\b|\bslit\s+my\s+wrists?\b"),
    ("hang myself", r"\bhang(?:ing)?\s+my\s*self\b|\bnoose\b"),
    ("jump off", r"\bjump(?:ing)?\s+(?:off|in\s*front\s+of)\s+(?:a|the)\s+(?:bridge|building|roof|train|cliff)\b"),
    ("goodbye note", r"\bsuicide\s+note\b|\bgoodbye\s+(?:note|letter)\b|\bthis\s+is\s+(?:my\s+)?goodbye\b"),
    ("can't go on", r"\bcan" + _A + r"?t\s+go\s+on\s+(?:anymore|any\s+more|living|like\s+this)\b|\bdon" + _A + r"?t\s+want\s+to\s+(?:live|be\s+alive|exist|wake\s+up)\b"),
    ("disappear forever", r"\bdisappear\s+forever\b|\bnever\s+wake\s+up\b|\bnot\s+be\s+here\s+anymore\b"),
    ("pills", r"\b(?:took|take|taking|stockpil\w*|sav(?:e|ed|ing))\s+(?:all\s+)?(?:my\s+|the\s+)?(?:pills|sleeping\s+pills)\b"),
]
_RISK = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in RISK_PATTERNS]

# Tutoring cues (names are returned in ``derive()["tutoring"]["cues"]``).
CONFUSION_PATTERNS: list[tuple[str, str]] = [
    ("don't get it", r"\b(?:i\s+)?(?:don" + _A + r"?t|do\s+not|still\s+don" + _A + r"?t)\s+(?:get|understand|see)\b"),
    ("confused", r"\bconfus(?:ed|ing)\b|\blost\b|\bmakes?\s+no\s+sense\b"),
    ("what does it mean", r"\bwhat\s+(?:does|do)\s+(?:that|this|it)\s+mean\b|\bhow\s+(?:do|did)\s+you\s+get\b|\bwhy\s+is\s+that\b"),
    ("no idea", r"\bno\s+idea\b|\bi\s+have\s+no\s+clue\b|\bhuh\b|\?\?+"),
    # de, fr, es, it, nl, pt
    ("don't get it (other languages)",
     r"\bversteh\w*\s+(?:das\s+|es\s+|ich\s+)?(?:nicht|nix)\b|\bkeine\s+ahnung\b|\bcompren\w*\s+(?:pas|rien)\b|"
     r"\bpas\s+compris\b|\bno\s+(?:lo\s+)?entiendo\b|\bni\s+idea\b|\bnon\s+(?:capisco|ho\s+capito)\b|"
     r"\bsnap\s+(?:het\s+|er\s+)?(?:niet|niks)\b|\bbegrijp\s+(?:het\s+)?niet\b|\bn[ãa]o\s+(?:entendo|percebo)\b"),
]
FRUSTRATION_PATTERNS: list[tuple[str, str]] = [
    ("give up", r"\bi\s+give\s+up\b|\bforget\s+it\b|\bi\s+quit\b"),
    ("too hard", r"\b(?:too|so)\s+hard\b|\bi\s+can" + _A + r"?t\s+do\s+(?:this|it)\b|\bimpossible\b"),
    ("annoyed", r"\bugh+\b|\bargh+\b|\bannoy\w*\b|\bstupid\b|\bhate\s+(?:this|fractions|math)\b|\bfrustrat\w*\b"),
    ("give up / too hard (other languages)",
     r"\bich\s+geb\w*\s+auf\b|\bzu\s+schwer\b|\bnervt\b|\bj'?abandonne\b|\btrop\s+dur\b|\bj'?en\s+ai\s+marre\b|"
     r"\bme\s+rindo\b|\bdemasiado\s+dif[ií]cil\b|\bestoy\s+hart[oa]\b|\bmi\s+arrendo\b|\btroppo\s+difficile\b|"
     r"\bik\s+geef\s+(?:het\s+)?op\b|\bte\s+moeilijk\b|\bdesisto\b|\bmuito\s+dif[ií]cil\b"),
]
BOREDOM_PATTERNS: list[tuple[str, str]] = [
    ("bored", r"\bbor(?:ed|ing)\b|\bwhatever\b|\bmeh\b|\bso\s+easy\b|\btoo\s+easy\b"),
    ("something else", r"\bsomething\s+else\b|\bcan\s+we\s+(?:stop|do\s+something)\b|\bare\s+we\s+done\b"),
    ("bored (other languages)",
     r"\blangweil\w*\b|\bzu\s+einfach\b|\bm'?ennuie\b|\bennuyeux\b|\btrop\s+facile\b|\baburrid[oa]\b|\bme\s+aburro\b|"
     r"\bmuy\s+f[aá]cil\b|\bnoios[oa]\b|\bmi\s+annoio\b|\btroppo\s+facile\b|\bsaai\b|\bte\s+makkelijk\b|\bchato\b|"
     r"\bmuito\s+f[aá]cil\b"),
]


def _compile(patterns: list[tuple[str, str]]) -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(rx, re.IGNORECASE)) for name, rx in patterns]


_CONFUSION, _FRUSTRATION, _BOREDOM = map(_compile, (CONFUSION_PATTERNS, FRUSTRATION_PATTERNS, BOREDOM_PATTERNS))


def _names(compiled: list[tuple[str, re.Pattern[str]]], text: str) -> list[str]:
    return [name for name, rx in compiled if rx.search(text or "")]


def match_risk(text: str) -> list[str]:
    """Names of the risk patterns found in ``text`` (empty list: no explicit risk language)."""
    return _names(_RISK, text)


def match_confusion(text: str) -> list[str]:
    return _names(_CONFUSION, text)


def match_frustration(text: str) -> list[str]:
    return _names(_FRUSTRATION, text)


def match_boredom(text: str) -> list[str]:
    return _names(_BOREDOM, text)
