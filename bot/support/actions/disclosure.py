"""What a person tells while the C-SSRS questions run that cannot wait for the next question: a
plan, a time ("tonight"), means at hand, a note or letter, "I've got everything ready".

The screen asks about such things in order; a person who says them unasked has answered more than
the question, and the questionnaire ends at once with the escalation a clear high-risk message gets
outside it (seventh exploratory reading, H2: "actually tonight. i've got everything ready" got
"Have you been thinking about how you might do it?"). Told by either:

- the message's own crisis reading: high, with a category of ``ACUTE_CATEGORIES`` (the service's
  ``derived.crisis``: ``turn_flag`` / ``flag``, ``level``, ``category``), or warning-sign language
  of those categories that the message states (``explicit``, ``categories``: "ik heb al een
  afscheidsbrief geschreven" read only "possible 0.64");
- its words, in seven languages (screener.yml ``disclosures``: ``told``; a ``time`` that is the
  answer or comes with ``doing_it``; means at hand, one of ``having`` before one of the means the
  bank knows: "ya tengo todo preparado" read 0.46), not denied in the words just before them ("no,
  not tonight", "ik heb geen afscheidsbrief").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping, Optional, Sequence

from actions import screener
from actions.bank import bank

ACUTE_CATEGORIES = ("plan", "intent", "method", "preparatory_acts")
"""The crisis categories that say what the screen's later questions ask about (a way, an intent, a
plan, preparations): read high, or stated, during the screen they end it."""
DENIED_WITHIN = 3
"""Words before a disclosure read for a denial ("i haven't written a note"); a no earlier in a message
that goes on ("nee, maar ik heb al een brief geschreven") denies nothing."""
HAVING_GAP = 2
"""Means at hand: at most this many words between the having and the means ("i've got all the pills")."""


def disclosed(text: str, crisis: Mapping[str, Any]) -> Optional[str]:
    """What ``text`` (a message during the screen, read as ``crisis``: its ``derived.crisis``) tells
    that ends the screen: the crisis category read or stated, else the kind of words ("told",
    "at_hand", "time"), else None."""
    own_flag = crisis.get("turn_flag", crisis.get("flag"))
    if own_flag and crisis.get("level") == "high" and crisis.get("category") in ACUTE_CATEGORIES:
        return str(crisis["category"])
    stated = [c for c in crisis.get("categories") or [] if c in ACUTE_CATEGORIES]
    if crisis.get("explicit") and stated:
        return stated[0]
    folded = screener.fold(text or "")
    words = screener.config()["disclosures"]
    timed = len(folded.split()) <= words["time_alone"] or _pattern("doing_it").search(folded)
    for kind in ("told", "at_hand", *(["time"] if timed else [])):
        for found in _pattern(kind).finditer(folded):
            if not screener.denies(" ".join(folded[:found.start()].split()[-DENIED_WITHIN:])):
                return kind
    return None


@lru_cache(maxsize=4)
def _pattern(kind: str) -> re.Pattern:
    """The words of screener.yml ``disclosures.<kind>`` as one pattern; ``at_hand``: one of
    ``having`` at most ``HAVING_GAP`` words before one of the bank's means or medicine."""
    words = screener.config()["disclosures"]
    if kind == "at_hand":
        means = [*bank().handoff["means"]["words"], *bank().handoff["medicine"]["words"]]
        body = f"(?:{_alternatives(words['having'])})(?: \\w+){{0,{HAVING_GAP}}} (?:{_alternatives(means)})"
    else:
        body = _alternatives(words[kind])
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _alternatives(words: Sequence[str]) -> str:
    """``words`` folded, escaped and joined, the longest first."""
    return "|".join(sorted({re.escape(screener.fold(w)) for w in words}, key=len, reverse=True))
