"""The fractions curriculum (bot/tutor/curriculum.yml) and how answers are graded.

Four skills (levels 1..4: simplify, add_same, add_unlike, multiply), each with three
difficulty steps of several items; every item has two hints, a worked example of a similar
item and the reasoning of its own answer; every skill has several explanations.

Pure Python (no Rasa): the action server imports it as ``actions.curriculum`` and the tutor's
policy, inside the Rasa server, as ``bot.tutor.actions.curriculum``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

import yaml

CURRICULUM_FILE = Path(__file__).resolve().parents[1] / "curriculum.yml"
DIFFICULTIES = (1, 2, 3)

Grade = Literal["correct", "wrong", "not_lowest", "two_answers", "decimal"]


@dataclass(frozen=True)
class Item:
    """One exercise. ``level`` is its skill's level (1..4), ``difficulty`` its step (1..3)."""

    id: str
    level: int
    difficulty: int
    question: str
    answer: Fraction
    lowest_terms: bool
    hints: tuple[str, ...]
    worked_example: str
    reasoning: str


@dataclass(frozen=True)
class Skill:
    id: str
    level: int
    name: str
    explanations: tuple[str, ...]
    glossary: dict[str, str]
    steps: dict[int, tuple[Item, ...]]  # difficulty -> items, easiest first


@dataclass(frozen=True)
class Curriculum:
    skills: dict[int, Skill]  # level -> skill

    @property
    def levels(self) -> tuple[int, ...]:
        return tuple(sorted(self.skills))

    def item(self, item_id: str) -> Optional[Item]:
        """The item with this id, or None (an id from an older curriculum)."""
        return self._items().get(item_id)

    def _items(self) -> dict[str, Item]:
        return {it.id: it for skill in self.skills.values() for items in skill.steps.values() for it in items}

    def first(self) -> Item:
        return self.skills[self.levels[0]].steps[DIFFICULTIES[0]][0]

    def glossary(self) -> dict[str, str]:
        return {term: text for skill in self.skills.values() for term, text in skill.glossary.items()}

    def pick(self, level: int, difficulty: int, seen: set[str], avoid: str | None = None) -> Item:
        """An item at (level, difficulty), clamped to the curriculum: the first not in ``seen``,
        else the first that is not ``avoid`` (the current item), so the question always changes."""
        level = min(max(level, self.levels[0]), self.levels[-1])
        difficulty = min(max(difficulty, DIFFICULTIES[0]), DIFFICULTIES[-1])
        items = self.skills[level].steps[difficulty]
        fresh = [it for it in items if it.id not in seen and it.id != avoid]
        return (fresh or [it for it in items if it.id != avoid] or list(items))[0]

    def easier(self, item: Item) -> Optional[tuple[int, int]]:
        """(level, difficulty) one step easier than ``item``, or None at the very first step."""
        if item.difficulty > DIFFICULTIES[0]:
            return item.level, item.difficulty - 1
        if item.level > self.levels[0]:
            return item.level - 1, DIFFICULTIES[-1]
        return None

    def harder(self, item: Item) -> Optional[tuple[int, int]]:
        """(level, difficulty) one step harder than ``item``, or None at the very last step."""
        if item.difficulty < DIFFICULTIES[-1]:
            return item.level, item.difficulty + 1
        if item.level < self.levels[-1]:
            return item.level + 1, DIFFICULTIES[0]
        return None


def _item(level: int, difficulty: int, raw: dict) -> Item:
    return Item(id=str(raw["id"]), level=level, difficulty=difficulty, question=str(raw["question"]),
                answer=Fraction(str(raw["answer"])), lowest_terms=bool(raw.get("lowest_terms", False)),
                hints=tuple(str(h) for h in raw["hints"]), worked_example=str(raw["worked_example"]),
                reasoning=str(raw["reasoning"]))


def parse_curriculum(data: dict) -> Curriculum:
    """A curriculum from the YAML's mapping; raises ValueError when a skill lacks a step,
    an explanation (two or more) or an item lacks its two hints."""
    skills = {}
    for level, raw in enumerate(data["skills"], start=1):
        steps = {int(s["difficulty"]): tuple(_item(level, int(s["difficulty"]), it) for it in s["items"])
                 for s in raw["steps"]}
        skill = Skill(id=str(raw["id"]), level=level, name=str(raw["name"]),
                      explanations=tuple(str(e) for e in raw["explanations"]),
                      glossary={str(k).lower(): str(v) for k, v in (raw.get("glossary") or {}).items()},
                      steps=steps)
        if sorted(steps) != list(DIFFICULTIES) or any(not items for items in steps.values()):
            raise ValueError(f"skill {skill.id}: needs items at difficulties {DIFFICULTIES}")
        if len(skill.explanations) < 2:
            raise ValueError(f"skill {skill.id}: needs two or more explanations")
        for items in steps.values():
            for it in items:
                if len(it.hints) < 2:
                    raise ValueError(f"item {it.id}: needs two hints")
        skills[level] = skill
    return Curriculum(skills)


@lru_cache(maxsize=4)
def load_curriculum(path: Path = CURRICULUM_FILE) -> Curriculum:
    with open(path, encoding="utf-8") as f:
        return parse_curriculum(yaml.safe_load(f))


# --- grading ----------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?:(\d+)\s+(?=\d+\s*/))?(-?\d+)\s*/\s*(\d+)|(-?\d+(?:[.,]\d+)?)")
"""A fraction (with a whole part: "1 1/2" is 3/2), or a whole or decimal number."""


_OR = re.compile(r"^\W*(?:or|oder|ou|o|of)(?:\s+(?:maybe|perhaps|is it|vielleicht|peut-etre|peut-être|quizas|quizás|forse|"
                 r"misschien|talvez))?\W*$", re.IGNORECASE)  # what joins two options: "1/4 or 1/2", "1/3 or maybe 1/9"


def _value(m: re.Match) -> Optional[tuple[Fraction, str]]:
    whole, top, bottom, number = m.groups()
    try:
        if top is not None:
            if int(bottom) == 0:
                return None
            written = re.sub(r"\s*/\s*", "/", m.group(0).strip())
            return int(whole or 0) + Fraction(int(top), int(bottom)), written
        return Fraction(number.replace(",", ".")), number
    except (ValueError, ZeroDivisionError):
        return None


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
          "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
          "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_IN_WORDS = re.compile(r"\b(" + "|".join(_COUNTS) + r")[\s-]+(" + "|".join(sorted(_PARTS, key=len, reverse=True)) + r")\b"
                       r"|\b(\d+)\s+over\s+(\d+)\b", re.IGNORECASE)


_WHOLES = {**_COUNTS, "zero": 0, "eleven": 11, "twelve": 12}
_WHOLE_ALONE = re.compile(r"^(\W*(?:(?:it'?s|its|is it|the answer is|answer|i think(?: it'?s| its)?|maybe|umm?)\s+)*)("
                          + "|".join(w for w in _WHOLES if len(w) > 2) + r")(\W*)$", re.IGNORECASE)
_VULGAR = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅖": "2/5", "⅗": "3/5", "⅘": "4/5",
           "⅙": "1/6", "⅚": "5/6", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8", "⅞": "7/8"}


def in_digits(text: str) -> str:
    """Fractions written in words or one character as digits: "one half" -> "1/2", "three
    quarters" -> "3/4", "3 over 5" -> "3/5", "½" -> "1/2"; a whole number said alone, "three" or
    "its three" -> "3" (English; "i have three cats" stays words)."""
    def digits(m: re.Match) -> str:
        if m.group(3):
            return f"{m.group(3)}/{m.group(4)}"
        return f"{_COUNTS[m.group(1).lower()]}/{_PARTS[m.group(2).lower()]}"
    text = "".join(_VULGAR.get(c, c) for c in text or "")
    text = _WHOLE_ALONE.sub(lambda m: f"{m.group(1)}{_WHOLES[m.group(2).lower()]}{m.group(3)}", text)
    return _IN_WORDS.sub(digits, text)


def parse_answer(text: str) -> Optional[tuple[Fraction, str]]:
    """The last number in ``text`` ("3/4", "0.75", "0,75", "2", "one half") as (value, written form),
    or None (the last, so that "1/3 no wait 2/3" is 2/3)."""
    matches = list(_NUMBER.finditer(in_digits(text)))
    return _value(matches[-1]) if matches else None


def answer_options(text: str) -> list[str]:
    """The written forms of two or more different numbers offered as options ("1/4 or 1/2",
    "1/2 oder 1/4?"): each joined to the next by "or" alone, the last number among them ("between
    1/4 or 1/2 i pick 1/2" picks one); [] for one answer."""
    text = in_digits(text)
    matches = list(_NUMBER.finditer(text))
    joined = [(a, b) for a, b in zip(matches, matches[1:]) if _OR.match(text[a.end():b.start()])]
    if not joined or joined[-1][1] is not matches[-1]:
        return []
    options: dict[Fraction, str] = {}
    for m in (m for pair in joined for m in pair):
        value = _value(m)
        if value is not None:
            options.setdefault(*value)
    return list(options.values()) if len(options) >= 2 else []


def grade(item: Item, text: str) -> Optional[Grade]:
    """"correct", "wrong", "not_lowest" (the right value, not simplified where the item asks
    for lowest terms), "two_answers" (options offered, ``answer_options``: neither is graded),
    "decimal" (a long decimal of the answer: 0.666... for 2/3, asked again as a fraction), or None
    when ``text`` holds no number."""
    if answer_options(text):
        return "two_answers"
    parsed = parse_answer(text)
    if parsed is None:
        return None
    value, written = parsed
    if value != item.answer:
        # a decimal written out to three or more places that rounds to the answer: 0.666... for 2/3
        places = len(re.split(r"[.,]", written)[1]) if re.search(r"[.,]", written) else 0
        return "decimal" if places >= 3 and abs(value - item.answer) < Fraction(1, 200) else "wrong"
    if item.lowest_terms and "/" in written:
        top, bottom = (int(x) for x in written.split()[-1].split("/"))
        if Fraction(top, bottom).denominator != bottom:
            return "not_lowest"
    return "correct"


def fraction_text(value: Fraction) -> str:
    """3/4, or 2 for a whole number."""
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
