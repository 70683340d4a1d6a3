"""A time said during the C-SSRS screen (fourteenth reading, S1): "um 3 Uhr", "over 5 minuten", "will mich einfach nur
wegmachen, am besten heut nacht" got "That's a fair question, and I'll come back to it." (the line for a question of
the person's own) or the question again. A time said at risk is a plan with a time: the crisis answer (the locale's
lines and a person), as the same words get outside the screen.

A time: screener.yml ``disclosures.time`` ("tonight", "heute", "hoy") or ``times_said`` (a clock time, minutes or
hours from now), not denied just before ("not tonight"), not in a question of the person's own ("tonight?"). At risk:
the time is the whole answer (at most ``disclosures.time_alone`` words), or the message carries risk itself (risk
words, doing it, its own flag or warning-sign language), or means or a place were named since the screen began.
"I'll try it tonight, no promises" after a sleep tip is none.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping, Optional, Sequence

from actions import disclosure, screen_words, screener
from actions.echo import risk_words
from actions.question_form import is_question


@lru_cache(maxsize=1)
def _times_said() -> re.Pattern:
    """screener.yml ``times_said`` as one pattern over folded text."""
    return re.compile("|".join(f"(?:{p})" for p in screener.config()["times_said"]))


def says_a_time(text: str) -> bool:
    """Whether ``text`` names a time (the module docstring), not denied just before it."""
    folded = screener.fold(text or "")
    found = [*_disclosures("time").finditer(folded), *_times_said().finditer(folded)]
    return any(not screen_words.denied_before(folded, match.start()) for match in found)


def _disclosures(kind: str) -> re.Pattern:
    """screener.yml ``disclosures.<kind>`` as whole words."""
    return screener.words_in(screener.config()["disclosures"][kind])


def at_risk(text: str, since: Sequence[str], crisis: Mapping[str, Any]) -> bool:
    """Whether ``text`` is said at risk (the module docstring); ``since``: the person's messages since the screen began,
    oldest first; ``crisis``: the message's own reading (``derived.crisis``)."""
    folded = screener.fold(text or "")
    if len(folded.split()) <= int(screener.config()["disclosures"]["time_alone"]):
        return True
    if risk_words(text) or _disclosures("doing_it").search(folded):
        return True
    if crisis.get("turn_flag", crisis.get("flag")) or crisis.get("explicit"):
        return True
    return any(disclosure.named(said) == "means" for said in since)


def time_at_risk(text: str, since: Sequence[str], crisis: Mapping[str, Any]) -> Optional[str]:
    """"a time said at risk" when ``text``, a message during the screen, names a time at risk (:func:`at_risk`) and is
    no question of the person's own; else None."""
    if not text or is_question(text) or not says_a_time(text) or not at_risk(text, since, crisis):
        return None
    return "a time said at risk"
