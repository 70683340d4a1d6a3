"""How a student's answer is read and graded: numbers as students write them, in seven languages.

"3/4", "0.75", "0,75", ".75", "75%", "3:4" (the division sign of many schools), "1 1/2", "½",
"three quarters", "tres cuartos", "zwei Drittel", "la moitié"; the last number the student stands
by counts ("1/3 no wait 2/3" is 2/3; "1/2 not 2/4" is 1/2), a number only denied ("not 1/2") is
asked about, and two numbers offered as options ("1/4 or 1/2") are neither right nor wrong.

Pure Python (no Rasa): the action server imports it as ``actions.answers``, the tutor's policy
inside the Rasa server as ``bot.tutor.actions.answers``. Number words: bot/tutor/number_words.yml.
"""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Optional

import yaml

if TYPE_CHECKING:
    from .curriculum import Item

NUMBER_WORDS_FILE = Path(__file__).resolve().parents[1] / "number_words.yml"

Grade = Literal["correct", "wrong", "not_lowest", "two_answers", "decimal", "percent", "negated"]

_PERCENT_WORDS = r"%|\s*(?:percent|per cent|prozent|pour ?cent|por ?ciento|per ?cento|procent|por ?cento)\b"
_NUMBER = re.compile(r"(?:(\d+)\s+(?=\d+\s*[/:]))?(-?\d+)\s*[/:]\s*(\d+)"
                     rf"|(-?(?:\d+(?:[.,]\d+)?|(?<!\d)[.,]\d+))(?:\s*({_PERCENT_WORDS}))?", re.IGNORECASE)
"""A fraction (with a whole part: "1 1/2" is 3/2; "3:4" is 3/4), or a whole, decimal (".5") or
percentage ("50%") number."""

_NEGATED = re.compile(r"(?:\bnot|\bisn'?t|\bis not|\bnicht|\bkein\w*|\bpas|\bno es|\bno son|\bnon [eè]|\bniet|\bgeen|"
                      r"\bn[aã]o [eé])\s*$", re.IGNORECASE)
"""A denial right before a number: "not 1/2", "isn't 3/4", "nicht 2/4", "no es 1/2"."""

_OR = re.compile(r"^\W*(?:or|oder|ou|o|of)(?:\s+(?:maybe|perhaps|is it|vielleicht|peut-etre|peut-être|quizas|quizás|forse|"
                 r"misschien|talvez))?\W*$", re.IGNORECASE)  # what joins two options: "1/4 or 1/2", "1/3 or maybe 1/9"

_REASONING = re.compile(
    r"\s*(?:,\s*)?\b(?:because|cause|'cause|cuz|coz|bc|since|weil|denn|parce que?|parce qu'|puisque|porque|pois|perch[eéè]|"
    r"omdat)\b", re.IGNORECASE)
"""Where a student's reasoning starts: "1/2 because i divided both by 2" (sixth reading, H11: the 2 in the
reasoning was graded); "cause", "since", "weil", "parce que", "porque", "perché", "omdat"."""

_VULGAR = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅖": "2/5", "⅗": "3/5", "⅘": "4/5",
           "⅙": "1/6", "⅚": "5/6", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8", "⅞": "7/8"}


def _alternatives(words) -> str:
    """A regex alternation of ``words``, longest first (so "eleven" is tried before "one")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class _Words:
    """The number words of every language (number_words.yml) as patterns: a fraction ("zwei Drittel"), a mixed number
    ("one and a half", "zweieinhalb"), a whole number or a half said alone ("drei", "la mitad")."""

    def __init__(self, data: dict) -> None:
        def merged(key: str) -> dict:
            return {str(w).lower(): v for lang in data.values() for w, v in (lang.get(key) or {}).items()}

        def listed(key: str) -> list[str]:
            return [str(w).lower() for lang in data.values() for w in lang.get(key) or []]

        self.counts = {w: int(n) for w, n in merged("counts").items()}
        self.parts = {w: int(n) for w, n in merged("parts").items()}
        self.wholes = {w: int(n) for w, n in merged("wholes").items()}
        self.mixed = {w: str(n) for w, n in merged("mixed").items()}
        alt = _alternatives
        hedges = rf"(\W*(?:(?:{alt(listed('hedges'))})\s+)*)"
        # "two over three", "3 over 5", "zwei durch drei", "deux sur trois" (eighth reading, M7: "two over three"
        # and "one over two" got "type your answer as a fraction")
        self.tops = {w: n for w, n in {**self.counts, **self.wholes}.items() if w not in ("a", "an")}
        number = rf"(\d+|{alt(self.tops)})"
        self.in_words = re.compile(rf"(?<![\w/.,])(\d+|{alt(self.counts)})[\s-]*({alt(self.parts)})(?![\w])"
                                   rf"|(?<![\w/]){number}\s+(?:over|durch|sur|sobre|su|fratto|op)\s+{number}(?![\w/])",
                                   re.IGNORECASE)
        self.half_alone = re.compile(rf"^{hedges}({alt(listed('halves'))})(\W*)$", re.IGNORECASE)
        # a whole number said alone: words of one or two letters ("un", "um", "a") are no answer by themselves
        self.whole_alone = re.compile(rf"^{hedges}({alt(w for w in self.wholes if len(w) > 2)})(\W*)$", re.IGNORECASE)
        # "one and a half", "deux et trois quarts", "uno y medio", "2 and 1/4" (reading 11, M3: "one and a half" was read
        # as "one and 1/2", so 1/2); "zweieinhalb", "anderhalf"
        self.mixed_number = re.compile(
            rf"(?<![\w/.,])(?P<whole>\d+|{alt(self.tops)})\s+(?:(?:{alt(listed('whole_word'))})\s+)?"
            rf"(?:{alt(listed('and'))})\s+(?:(?P<count>\d+|{alt(self.counts)})[\s-]*(?P<part>{alt(self.parts)})"
            rf"|(?P<top>\d+)\s*/\s*(?P<bottom>\d+)|(?P<lone_part>{alt(self.parts)}))(?![\w/])"
            rf"|(?<![\w/.,])(?P<compound>{alt(self.mixed)})(?![\w/])", re.IGNORECASE)

    def number(self, said: str) -> int:
        return int(said) if said.isdigit() else self.tops[said.lower()]

    def count(self, said: str) -> int:
        return int(said) if said.isdigit() else self.counts[said.lower()]

    def digits(self, m: re.Match) -> str:
        if m.group(3):
            return f"{self.number(m.group(3))}/{self.number(m.group(4))}"
        return f"{self.count(m.group(1))}/{self.parts[m.group(2).lower()]}"

    def mixed_digits(self, m: re.Match) -> str:
        """A mixed number as "<whole> <top>/<bottom>", the form ``_NUMBER`` reads as their sum."""
        if m.group("compound"):
            return self.mixed[m.group("compound").lower()]
        if m.group("top"):
            fraction = f"{m.group('top')}/{m.group('bottom')}"
        elif m.group("part"):
            fraction = f"{self.count(m.group('count'))}/{self.parts[m.group('part').lower()]}"
        else:  # "et demi", "y cuarto": one part
            fraction = f"1/{self.parts[m.group('lone_part').lower()]}"
        return f"{self.number(m.group('whole'))} {fraction}"


@lru_cache(maxsize=2)
def _words(path: Path = NUMBER_WORDS_FILE) -> _Words:
    with open(path, encoding="utf-8") as f:
        return _Words(yaml.safe_load(f))


def in_digits(text: str) -> str:
    """Numbers written in words or one character as digits: "one half" -> "1/2", "three quarters" -> "3/4", "tres
    cuartos" -> "3/4", "1 fifth" (Whisper's way) -> "1/5", "3 over 5" -> "3/5", "two over three" -> "2/3", "½" -> "1/2";
    a mixed number, "one and a half" -> "1 1/2", "zweieinhalb" -> "2 1/2", "deux et trois quarts" -> "2 3/4"; a half
    said alone ("half", "la mitad", "die Hälfte") -> "1/2"; a whole number said alone, "three", "its three" or "drei"
    -> "3" ("i have three cats" stays words)."""
    words = _words()
    text = "".join(_VULGAR.get(c, c) for c in text or "")
    text = words.mixed_number.sub(words.mixed_digits, text)
    text = words.whole_alone.sub(lambda m: f"{m.group(1)}{words.wholes[m.group(2).lower()]}{m.group(3)}", text)
    text = words.half_alone.sub(lambda m: f"{m.group(1)}1/2{m.group(3)}", text)
    return words.in_words.sub(words.digits, text)


def without_reasoning(text: str) -> str:
    """``text`` up to the reasoning that follows the answer ("1/2 because i divided both by 2" ->
    "1/2"); the whole text when no number comes before the reasoning ("since 2 goes into both,
    it's 1/2")."""
    found = _REASONING.search(text or "")
    if found is None or not _NUMBER.search(in_digits(text[:found.start()])):
        return text or ""
    return text[:found.start()]


def answer_digits(text: str) -> str:
    """The answer part of ``text`` (without its reasoning) with fractions in words as digits."""
    return in_digits(without_reasoning(text))


def _value(m: re.Match) -> Optional[tuple[Fraction, str]]:
    """(value, written form) of one ``_NUMBER`` match; a percentage's written form ends in "%"."""
    whole, top, bottom, number, percent = m.groups()
    try:
        if top is not None:
            if int(bottom) == 0:
                return None
            return int(whole or 0) + Fraction(int(top), int(bottom)), " ".join(filter(None, (whole, f"{top}/{bottom}")))
        if percent:
            return Fraction(number.replace(",", ".")) / 100, f"{number}%"
        return Fraction(number.replace(",", ".")), number
    except (ValueError, ZeroDivisionError):
        return None


def _numbers(text: str) -> list[re.Match]:
    return list(_NUMBER.finditer(answer_digits(text)))


def _stood_by(text: str) -> tuple[Optional[re.Match], bool]:
    """The number the student stands by (the last one not denied) and whether every number in
    ``text`` was denied ("not 1/2")."""
    text = answer_digits(text)
    matches = list(_NUMBER.finditer(text))
    kept = [m for m in matches if not _NEGATED.search(text[:m.start()])]
    if kept:
        return kept[-1], False
    return (matches[-1] if matches else None), bool(matches)


def parse_answer(text: str) -> Optional[tuple[Fraction, str]]:
    """The number the student stands by in ``text`` ("3/4", "0.75", ".75", "75%", "2", "one half")
    as (value, written form), or None: the last one not denied, so that "1/3 no wait 2/3" is 2/3
    and "1/2 not 2/4" is 1/2 (a number only denied, "not 1/2", is still returned: see ``grade``)."""
    match, _ = _stood_by(text)
    return _value(match) if match else None


def answer_options(text: str) -> list[str]:
    """The written forms of two or more different numbers offered as options ("1/4 or 1/2",
    "1/2 oder 1/4?"): each joined to the next by "or" alone, the last number among them ("between
    1/4 or 1/2 i pick 1/2" picks one); [] for one answer."""
    text = answer_digits(text)
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


def grade(item: "Item", text: str) -> Optional[Grade]:
    """"correct", "wrong", "not_lowest" (the right value, not simplified where the item asks
    for lowest terms), "two_answers" (options offered, ``answer_options``: neither is graded),
    "decimal" (a long decimal of the answer: 0.666... for 2/3, asked again as a fraction),
    "percent" (the answer as a percentage, asked again as a fraction), "negated" (every number
    denied, "not 1/2": asked what the student means), or None when ``text`` holds no number."""
    if answer_options(text):
        return "two_answers"
    match, denied = _stood_by(text)
    parsed = _value(match) if match else None
    if parsed is None:
        return None
    if denied:
        return "negated"
    value, written = parsed
    if value != item.answer:
        # a decimal written out to three or more places that rounds to the answer: 0.666... for 2/3
        places = len(re.split(r"[.,]", written)[1]) if re.search(r"[.,]", written) and "%" not in written else 0
        return "decimal" if places >= 3 and abs(value - item.answer) < Fraction(1, 200) else "wrong"
    if written.endswith("%"):
        return "percent"
    if item.lowest_terms and "/" in written:
        top, bottom = (int(x) for x in written.split()[-1].split("/"))
        if Fraction(top, bottom).denominator != bottom:
            return "not_lowest"
    return "correct"


def fraction_text(value: Fraction) -> str:
    """3/4, or 2 for a whole number."""
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def graded_as_asked(item: "Item", text: str) -> Optional[Grade]:
    """The grade of ``text`` as the exercise asks for it: ``grade`` reads the value ("0.5" is the right value of
    "Simplify 2/4."); an exercise that asks for a fraction in lowest terms takes a decimal of the answer as the right
    value and asks for it as a fraction, "decimal" (ninth reading, L4: "0.5" and "0.4" got "Spot on: 1/2", "Correct,
    2/5"). A whole number ("1" for 4/4) and a fraction or a half in words are no decimal."""
    result = grade(item, text)
    if result != "correct" or not item.lowest_terms or item.answer.denominator == 1:
        return result
    written = (parse_answer(text) or (None, ""))[1]
    return "decimal" if re.fullmatch(r"-?\d*[.,]\d+", written) else result
