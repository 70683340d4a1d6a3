"""Reading a long text costs about its length, and reads it as before (eleventh exploratory reading:
24 parallel 60 KB messages took the support bot away from everyone; a 60 KB message that repeats a
guarded risk phrase took the lexicon up to 99 s, its guards searching the whole text for each match).

The reading is compared with the lexicon as it was before (``ThenLexicon``: its matching and
guards, frozen here word for word) over every row of the dev sets' statements and turns
(``data/crisis/dev*/``) and over long synthetic texts with risk words at the start, the middle and the
end, across newlines, control characters and spaced letters. The cost is counted, not timed: the
characters the guards' searches read (``benchmarks/flood.py --lexicon`` prints the seconds).
"""
from __future__ import annotations

import csv
import dataclasses
import random
import re
from pathlib import Path
from typing import Any, List

import pytest

from emotion.crisis import lexicon as lexicon_module
from emotion.crisis import normalise as normalise_module
from emotion.crisis.lexicon import _CLAUSE_END, _MARKUP, Lexicon, LexiconReading, Match, normalise, was_obfuscated

ROOT = Path(__file__).resolve().parents[2]
DEV_FILES = sorted(p for p in (ROOT / "data" / "crisis").glob("dev*/*.csv") if "test" not in p.name)


class ThenLexicon(Lexicon):
    """The lexicon's reading as it was before the change (the same patterns and guards, each match's
    guards searched in the whole text): the oracle the new reading must equal."""

    def _read(self, text: str) -> LexiconReading:
        canonical = normalise(_MARKUP.sub(" ", text))  # "<script>" is no film script
        masked, idioms = self._mask_idioms(canonical)
        matches: list[Match] = []
        for category, language, prior, rx in self.patterns:
            best = None  # the pattern's strongest occurrence: a guarded first one must not hide a later one
            for m in rx.finditer(masked):
                guards = self._guards_then(masked, m.start(), m.end(), prior, language, category)
                strength = prior
                for g in guards:
                    strength *= self.factors[g]
                if best is None or strength > best.strength:
                    best = Match(category, language, strength, prior, guards, m.span())
                if not guards:  # unguarded: no later occurrence is stronger
                    break
            if best is not None:
                matches.append(best)
        guards_seen = set(g for m in matches for g in m.guards) | ({"idiom"} if idioms else set())
        if self.joke.search(canonical) and not self.earnest.search(canonical):  # a laugh said in earnest is none (M3)
            guards_seen.add("joke")
        if self.fiction.search(canonical):
            guards_seen.add("fiction")
        matches.sort(key=lambda m: -m.strength)
        score, category = (matches[0].strength, matches[0].category) if matches else (0.0, None)
        if matches and score >= 0.5 and matches[0].prior >= self.plan_min_prior and self.plan.search(masked) \
                and category not in ("risk_to_others",):
            category, score = "plan", max(score, self.plan_strength)
        categories = tuple(dict.fromkeys(m.category for m in matches if m.strength >= 0.3))
        attempt = self._attempt_then(masked)
        if attempt and score < self.attempt_strength:  # a dose taken is stated risk, whatever else matched
            score, category = self.attempt_strength, category if score >= 0.5 else "method"
            categories = tuple(dict.fromkeys((*categories, category)))
        return LexiconReading(round(score, 4), category, categories, tuple(sorted(guards_seen)),
                              was_obfuscated(text, canonical), tuple(matches), attempt)

    def _attempt_then(self, text: str) -> bool:
        """An attempt pattern matches, neither negated, in the past, in fiction nor asked about."""
        for language, rx in self.attempts:
            for m in rx.finditer(text):
                clause_start = max((c.end() for c in _CLAUSE_END.finditer(text, 0, m.start())), default=0)
                if self.hypothetical.search(text, clause_start, m.start() + 1):
                    continue
                if not set(self._guards_then(text, m.start(), m.end(), 1.0, language)) & {"negated", "past", "fiction"}:
                    return True
        return False

    def _mask_idioms(self, text: str) -> tuple[str, bool]:
        masked, n = self.idiom.subn(lambda m: " " * len(m.group(0)), text)
        return masked, n > 0

    def _guards_then(self, text: str, start: int, end: int, prior: float, language: str,
                category: str | None = None) -> tuple[str, ...]:
        clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
        after = _CLAUSE_END.search(text, end)
        clause_end = after.start() if after else len(text)
        before, clause, matched = text[clause_start:start], text[clause_start:clause_end], text[start:end]
        guards = []
        if (self.negation.search(before) and not self.hedges.search(before + matched)) or \
                (self.negation_after.search(text[end:end + 80]) and not self.hedges.search(matched)):
            guards.append("negated")
        recovered = self.recovered_clause.search(clause) and self.recovered_after.search(text, end)
        # a time long past named earlier in the message carries to a later clause told in the past tense
        # ("when i was 17 i was in a dark place. i had thoughts about ending it most days"), unless
        # something since says it is now
        carried = (self.recovered_clause.search(clause) and self.past.search(text, 0, clause_start)
                   and not self.present.search(text) and not self.recent.search(text) and not self.plan.search(clause))
        if (self.past.search(clause) or recovered or carried) and not self.present.search(clause):
            guards.append("past")
        if self._in_fiction_then(text, clause_start, clause_end, start, end, language):
            guards.append("fiction")
        if prior < self.joke_below and self.joke.search(text) and not self.earnest.search(text):
            guards.append("joke")
        if category == "risk_to_others" and self.generic is not None and self.generic.search(text, clause_start, end):
            guards.append("generic")  # "what should you say if someone says they want to die?": nobody in particular
        return tuple(guards)


    def _in_fiction_then(self, text: str, clause_start: int, clause_end: int, start: int, end: int, language: str) -> bool:
        """A film, a class, the news near the risk words (their clause, between commas; not inside
        the words themselves), or further off unless the risk words' clause is the writer's own
        words about a time."""
        near_start = max(clause_start, text.rfind(",", clause_start, start) + 1)
        comma = text.find(",", end, clause_end)
        near_end = comma if comma >= 0 else clause_end
        if self.fiction.search(f"{text[near_start:start]} {text[end:near_end]}"):
            return True
        if not self.fiction.search(f"{text[:near_start]} {text[near_end:]}"):
            return False
        clause = text[near_start:near_end]
        first_person = self.first_person.get(language)
        own_plan = (first_person is not None and first_person.search(clause) and self.plan.search(clause)
                    and not self.reported.search(clause))
        return not own_plan


def then_lexicon() -> ThenLexicon:
    then = ThenLexicon.__new__(ThenLexicon)
    then.__dict__.update(Lexicon.load().__dict__)
    return then


def reading_of(reading: LexiconReading) -> tuple:
    return (reading.score, reading.category, reading.categories, reading.guards, reading.obfuscated, reading.attempt,
            [dataclasses.astuple(m) for m in reading.matches])


def dev_texts() -> List[str]:
    texts = []
    for path in DEV_FILES:
        with path.open(encoding="utf-8") as f:
            texts += [row["text"] for row in csv.DictReader(f) if row.get("text")]
    return texts


def test_every_dev_statement_and_turn_is_read_as_before() -> None:
    texts, now, then = dev_texts(), Lexicon.load(), then_lexicon()
    assert len(texts) > 5000
    differ = [t for t in texts if reading_of(now.read(t)) != reading_of(then.read(t))]
    assert differ == []


RISK = ["i am going to kill myself tonight", "i want to die", "k i l l m y s e l f", "kill\x00myself",
        "i would never kill myself", "years ago i wanted to die", "in the film he wanted to kill himself",
        "lol i want to die", "i took all my pills", "ich will nicht mehr leben", "je vais me suicider ce soir",
        "what should you say if someone says they want to kill themselves"]
FILL = ["blah ", "the weather was fine today. ", "we watched a film, ", "but now ", "i used to ", "\n", "\x07 ",
        "s o m e t h i n g ", "and ", "tonight "]
SEPARATORS = [" ", ". ", ", ", "\n", "\x00", "\x7f ", " but ", ""]


def synthetic(seed: int, length: int) -> str:
    """About ``length`` characters of filler with risk phrases at the start, the middle and the end."""
    rng = random.Random(seed)
    parts: List[str] = [rng.choice(RISK), rng.choice(SEPARATORS)]
    while sum(map(len, parts)) < length:
        if sum(map(len, parts)) > length // 2 > sum(map(len, parts[:-2])):
            parts.append(rng.choice(RISK))
        parts.append(rng.choice(FILL) * rng.randint(1, 40) if rng.random() > 0.1 else rng.choice(RISK))
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts + [rng.choice(RISK)])


@pytest.mark.parametrize("seed", range(12))
def test_long_texts_are_read_as_before(seed: int) -> None:
    text = synthetic(seed, 3000 if seed % 3 else 12_000)
    assert reading_of(Lexicon.load().read(text)) == reading_of(then_lexicon().read(text))


class Counted:
    """A compiled pattern that counts the characters its searches may read (from ``pos`` to ``endpos``)."""

    def __init__(self, rx: "re.Pattern[str]", tally: List[int]) -> None:
        self.rx, self.tally = rx, tally
        self.pattern, self.flags = rx.pattern, rx.flags

    def _count(self, text: str, pos: int = 0, endpos: int = 1 << 62) -> None:
        self.tally[0] += max(0, min(len(text), endpos) - pos)

    def search(self, text: str, *args: Any) -> Any:
        self._count(text, *args)
        return self.rx.search(text, *args)

    def finditer(self, text: str, *args: Any) -> Any:
        self._count(text, *args)
        return self.rx.finditer(text, *args)

    def match(self, text: str, *args: Any) -> Any:
        return self.rx.match(text, *args)

    def subn(self, *args: Any) -> Any:
        return self.rx.subn(*args)


FLOODS = {"filler, then a plan": "blah " * 11_900 + " i am going to kill myself tonight",
          "a denied phrase, sentence after sentence": "i would never kill myself. " * 2_200,
          "fiction, sentence after sentence": "in the film he wanted to kill himself. " * 1_500,
          "a past phrase, clause after clause": "years ago i wanted to die, " * 2_200,
          "spaced letters": "k i l l m y s e l f " * 3_000,
          "a dose taken, no punctuation, a month ago": "i took all my pills " * 3_000 + "last month"}


@pytest.mark.parametrize("name", sorted(FLOODS))
def test_a_60_kb_flood_is_guarded_in_about_its_length(name: str, monkeypatch) -> None:
    """The guards' searches read a few times the text, not the text once per match (before: about
    2,200 characters read per character of "i would never kill myself. " x 2,200, 1,500 for the film
    flood; now 8 and 16; a dose taken 3,000 times in one clause searched the clause again for each: 18 s)."""
    text, now, tally = FLOODS[name], Lexicon.load(), [0]
    reading = now.read(text)
    counted = Lexicon.__new__(Lexicon)
    counted.__dict__.update(now.__dict__)
    for attribute in ("negation", "hedges", "negation_after", "past", "present", "recovered_clause", "recent",
                      "recovered_after", "fiction", "reported", "joke", "earnest", "generic", "hypothetical", "attempt_past", "plan"):
        monkeypatch.setattr(counted, attribute, Counted(getattr(now, attribute), tally))
    monkeypatch.setattr(lexicon_module, "_CLAUSE_END", Counted(_CLAUSE_END, tally))
    assert reading_of(counted.read(text)) == reading_of(reading)
    assert tally[0] <= 40 * len(text), tally[0] / len(text)


def then_segment(letters: str) -> Any:
    """``normalise._segment`` as it was (each prefix's list copied: quadratic in a long run)."""
    words, longest = normalise_module._spelt_words(), 12
    best: List[Any] = [[]] + [None] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - longest), end):
            head = best[start]
            if head is not None and letters[start:end] in words and (best[end] is None or len(head) + 1 < len(best[end])):
                best[end] = head + [letters[start:end]]
    return best[-1]


@pytest.mark.parametrize("letters", ["iwanttodie", "iwanttokillmyself", "plzhelp", "a" * 300, "killmyself" * 40,
                                     "iwanttodieiwanttodieitookallmypills", ""])
def test_spelt_letters_are_cut_into_words_as_before(letters: str) -> None:
    assert normalise_module._segment(letters) == then_segment(letters)
