"""The answer to the mood check-in ("from 0 to 10, how is your mood?"), in the person's language.

``score_of`` reads a digit ("7", "6,5", "maybe 3/10") or a number word of the person's language
or English ("fünf", "cinq", "five"). Words that are also articles or pronouns ("een", "un",
"ein", "one", ...) count only when they are the whole answer, so "een beetje beter" or "no one
asks me that" is not read as 1. ``reply`` is the line that answers it, compared with the last score.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, Optional

from actions.language import translated
from actions.bank import bank

DIGITS = re.compile(r"(?<![\d.])(10|[0-9])(?:[.,]5)?(?![\d])")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
AMBIGUOUS = {"een", "één", "un", "une", "uno", "una", "ein", "eine", "um", "uma", "one", "none", "nil", "meia"}
"""Number words that are also everyday words: a score only when they are the whole answer."""


def lines(lang: str) -> Dict:
    """The check-in answer's lines and number words in ``lang`` (English where not translated)."""
    return ((translated(lang) or {}).get("checkin_answer")) or bank().checkin_answer


@lru_cache(maxsize=16)
def _number_words(lang: str) -> Dict[str, int]:
    words: Dict[str, int] = {}
    for source in (bank().checkin_answer, lines(lang)):  # the person's language wins over English
        for value, names in source["numbers"].items():
            words.update({str(name).lower(): int(value) for name in names})
    return words


def score_of(text: str, lang: str = "en") -> Optional[int]:
    """The 0-10 score in ``text`` (a digit first, else a number word), or None."""
    match = DIGITS.search(text or "")
    if match is not None:
        return int(match.group(1))
    words = [w.lower() for w in WORD.findall(text or "")]
    numbers = _number_words(lang)
    for word in words:
        if word in numbers and (word not in AMBIGUOUS or len(words) == 1):
            return numbers[word]
    return None


def reply(score: Optional[int], last: Optional[float], lang: str = "en") -> str:
    """The bot's answer: ask for words when there is no score, else the score compared with ``last``."""
    said = lines(lang)
    if score is None:
        return said["skip"]
    if last is None:
        return said["first"].format(score=score)
    key = "up" if score > last else "down" if score < last else "same"
    return said[key].format(score=score, last=int(last))
