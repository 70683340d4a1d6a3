"""A small fractions curriculum: four levels, exercises with hints and worked examples.

Level 1 simplify, 2 add like denominators, 3 add unlike denominators, 4 multiply.
Answers are checked by value with :func:`check`; level 1 also wants lowest terms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Optional


@dataclass(frozen=True)
class Exercise:
    level: int
    question: str
    answer: Fraction
    hint: str
    lowest_terms: bool = False


@dataclass(frozen=True)
class Level:
    name: str
    explanation: str
    worked_example: str  # simpler than the exercises: used when the student is confused
    exercises: tuple[Exercise, ...]


def _ex(level: int, question: str, answer: str, hint: str, lowest: bool = False) -> Exercise:
    return Exercise(level, question, Fraction(answer), hint, lowest)


LEVELS: dict[int, Level] = {
    1: Level("simplifying fractions",
             "To simplify a fraction, divide the top and the bottom by the same number.",
             "Think of a pizza cut into 2 slices: 1 slice out of 2 is 1/2. If you cut the same pizza "
             "into 4 slices, 2 slices out of 4 is the same amount. So 2/4 = 1/2: we divided top and "
             "bottom by 2.",
             (_ex(1, "Simplify 2/4.", "1/2", "Both 2 and 4 can be divided by 2.", True),
              _ex(1, "Simplify 3/9.", "1/3", "Both 3 and 9 can be divided by 3.", True),
              _ex(1, "Simplify 4/10.", "2/5", "Both 4 and 10 are even: divide by 2.", True))),
    2: Level("adding fractions with the same denominator",
             "When the bottoms are the same, add the tops and keep the bottom.",
             "1/4 + 1/4: one quarter of a cake plus one more quarter is two quarters, 2/4 "
             "(which is 1/2). The bottom stays 4 because the slices are the same size.",
             (_ex(2, "What is 1/5 + 2/5?", "3/5", "The bottoms are both 5: add 1 + 2 on top."),
              _ex(2, "What is 2/7 + 3/7?", "5/7", "Keep the 7 and add 2 + 3."),
              _ex(2, "What is 1/8 + 5/8?", "6/8", "Keep the 8 and add the tops."))),
    3: Level("adding fractions with different denominators",
             "Rewrite both fractions with a common bottom first, then add the tops.",
             "1/2 + 1/4: a half is the same as two quarters (2/4). Now both are quarters: "
             "2/4 + 1/4 = 3/4.",
             (_ex(3, "What is 1/2 + 1/4?", "3/4", "Write 1/2 as quarters: 1/2 = 2/4."),
              _ex(3, "What is 1/3 + 1/6?", "1/2", "Write 1/3 as sixths: 1/3 = 2/6."),
              _ex(3, "What is 2/5 + 1/10?", "1/2", "Write 2/5 as tenths: 2/5 = 4/10."))),
    4: Level("multiplying fractions",
             "Multiply the tops together and the bottoms together.",
             "1/2 × 1/2 means half of a half: a quarter. Tops 1 × 1 = 1, bottoms 2 × 2 = 4, so 1/4.",
             (_ex(4, "What is 2/3 × 3/4?", "1/2", "Tops: 2 × 3. Bottoms: 3 × 4. Then simplify."),
              _ex(4, "What is 1/2 × 4/5?", "2/5", "Tops: 1 × 4. Bottoms: 2 × 5."),
              _ex(4, "What is 3/4 × 2/9?", "1/6", "Tops: 3 × 2. Bottoms: 4 × 9. Then simplify."))),
}
MIN_LEVEL, MAX_LEVEL = min(LEVELS), max(LEVELS)

_NUMBER = re.compile(r"(-?\d+)\s*/\s*(\d+)|(-?\d+(?:\.\d+)?)")


def exercise(level: int, index: int) -> Exercise:
    """The ``index``-th exercise of ``level`` (cycling)."""
    items = LEVELS[clamp(level)].exercises
    return items[index % len(items)]


def clamp(level: int) -> int:
    return max(MIN_LEVEL, min(MAX_LEVEL, int(level)))


def parse_answer(text: str) -> Optional[tuple[Fraction, str]]:
    """The last number in ``text`` ("3/4", "0.75", "2") as (value, written form), or None."""
    matches = list(_NUMBER.finditer(text or ""))
    if not matches:
        return None
    m = matches[-1]
    try:
        if m.group(1) is not None:
            if int(m.group(2)) == 0:
                return None
            return Fraction(int(m.group(1)), int(m.group(2))), m.group(0).replace(" ", "")
        return Fraction(m.group(3)), m.group(3)
    except (ValueError, ZeroDivisionError):
        return None


def check(item: Exercise, text: str) -> tuple[bool, str]:
    """(correct, feedback key): "correct", "no_number", "wrong" or "not_lowest"."""
    parsed = parse_answer(text)
    if parsed is None:
        return False, "no_number"
    value, written = parsed
    if value != item.answer:
        return False, "wrong"
    if item.lowest_terms and "/" in written:
        top, bottom = (int(x) for x in written.split("/"))
        if Fraction(top, bottom).denominator != bottom:
            return False, "not_lowest"
    return True, "correct"
