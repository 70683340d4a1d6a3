"""Clinical warning-sign patterns per category, with negation, past-tense, idiom, fiction and
joke guards: the part of crisis screening that needs no model, so it runs everywhere (the
service, and inside the Rasa process when the service is down or refused the turn).

For a message m, with n = normalise(m) and the idioms of ``guards.idiom`` masked out:

    s(p)     = strength of pattern p (0..1) x the factor of every guard in p's clause
    score(m) = max_p s(p)        over the patterns p that match n; 0 when none does
    category = the category of the argmax pattern ("plan" when a time/place marker joins it)

Patterns and guards are data (``emotion/config/crisis_lexicon.yaml``). Standard library and
PyYAML only: the Rasa runtime imports this module.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from emotion.crisis.normalise import joined_across_controls, normalise, was_obfuscated

EXPLICIT_AT = 0.5
"""A lexicon score at or above this: the message holds warning-sign language, unguarded."""
LEXICON_PATH = Path(__file__).resolve().parent.parent / "config" / "crisis_lexicon.yaml"
POSITIVE_CATEGORIES = ("passive_death_wish", "active_ideation", "method", "intent", "plan", "preparatory_acts",
                       "burdensomeness", "hopelessness_entrapment", "self_harm_urge", "command_hallucination",
                       "risk_to_others")
_CLAUSE_END = re.compile(r"[.!?;\n]|\b(?:but|and now|now|aber|mais|pero|ma|maar|mas|though|however"
                         r"|jetzt|maintenant|ahora|ora|adesso|agora)\b")  # "now" in de/fr/es/it/pt
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


@dataclass(frozen=True)
class Match:
    """One pattern that matched: its category, language, strength after guards and guards seen."""

    category: str
    language: str
    strength: float
    prior: float
    guards: tuple[str, ...]
    span: tuple[int, int]


@dataclass(frozen=True)
class LexiconReading:
    """The lexicon's view of one message.

    score: max guarded strength over the matches (0..1); category: its category or None;
    categories: every category with a match whose guarded strength is >= 0.3;
    guards: every guard seen in the message; obfuscated: normalisation had to undo leetspeak,
    spelt-out letters or risk emoji; attempt: an attempt under way or just made (a dose taken, an
    injury bleeding, the edge reached now), unguarded; matches: all matches, strongest first.
    """

    score: float
    category: str | None
    categories: tuple[str, ...]
    guards: tuple[str, ...]
    obfuscated: bool
    matches: tuple[Match, ...] = field(default=(), repr=False)
    attempt: bool = False

    @property
    def guarded_only(self) -> bool:
        """Risk language is there, but every strong match (prior >= 0.6) is negated, in the past
        or in fiction, and none stands unguarded: "i'd never kill myself", "years ago i cut"."""
        strong = [m for m in self.matches if m.prior >= 0.6]
        return bool(strong) and self.score < 0.5 and all(
            set(m.guards) & {"negated", "past", "fiction"} for m in strong)

    def features(self) -> list[float]:
        """(7,) floats for the stacked detector: score, best prior, and 0/1 per guard kind
        (negated, past, idiom, fiction, joke) seen in the message."""
        best_prior = max((m.prior for m in self.matches), default=0.0)
        return [self.score, best_prior] + [float(g in self.guards) for g in ("negated", "past", "idiom", "fiction", "joke")]


class Lexicon:
    """Compiled warning-sign patterns and guards. ``Lexicon.load()`` reads the YAML once."""

    def __init__(self, spec: dict[str, Any]) -> None:
        macros = {k: str(v) for k, v in (spec.get("macros") or {}).items()}
        expand = lambda rx: _expand(str(rx), macros)  # noqa: E731
        self.patterns: list[tuple[str, str, float, re.Pattern[str]]] = []
        for category, by_language in spec["categories"].items():
            for language, entries in by_language.items():
                for strength, rx in entries:
                    self.patterns.append((category, language, float(strength), re.compile(expand(rx))))
        g = spec["guards"]
        self.negation = re.compile(expand(g["negated"]["before"]))
        self.hedges = re.compile(expand(g["negated"]["hedges"]))
        self.negation_after = re.compile(expand(g["negated"]["after"]))
        self.past = re.compile(expand(g["past"]["any"]))
        self.present = re.compile(expand(g["past"]["present"]))
        self.recovered_clause = re.compile(expand(g["past"]["recovered_clause"]))
        self.recent = re.compile(expand(g["past"].get("recent", r"(?!)")))
        self.recovered_after = re.compile(expand(g["past"]["recovered_after"]))
        self.idiom = re.compile(expand(g["idiom"]["mask"]))
        self.fiction = re.compile(expand(g["fiction"]["any"]))
        self.first_person = {lang: re.compile(expand(rx)) for lang, rx in g["fiction"]["first_person"].items()}
        self.reported = re.compile(expand(g["fiction"]["reported"]))
        self.joke = re.compile(expand(g["joke"]["any"]))
        self.joke_below = float(g["joke"].get("below", 1.0))
        self.generic = re.compile(expand(g["generic"]["before"])) if "generic" in g else None
        self.factors = {name: float(g[name]["factor"]) for name in ("negated", "past", "idiom", "fiction", "joke", "generic")
                        if name in g}
        self.hypothetical = re.compile(expand(spec.get("attempt_hypothetical") or r"(?!)"))
        self.attempts = [(language, re.compile(expand(rx))) for language, entries in (spec.get("attempt") or {}).items()
                         for rx in entries]
        self.plan = re.compile(expand(spec["plan_markers"]["any"]))
        self.plan_strength = float(spec["plan_markers"]["strength"])
        self.plan_min_prior = float(spec["plan_markers"].get("min_prior", 0.0))
        self.attempt_strength = float(spec.get("attempt_strength", 0.0))

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Lexicon":
        return _load(str(path or LEXICON_PATH))

    def read(self, text: str) -> LexiconReading:
        """Score one message (any length; the whole text is read). A message with control characters
        is also read with them taken out with the spaces beside them, and the stronger reading counts
        ("k\\b ill mys\\x7f elf": normalise.joined_across_controls)."""
        reading = self._read(text)
        joined = joined_across_controls(text)
        if joined != text:
            other = self._read(joined)
            if other.score > reading.score or other.attempt and not reading.attempt:
                return other
        return reading

    def _read(self, text: str) -> LexiconReading:
        canonical = normalise(_MARKUP.sub(" ", text))  # "<script>" is no film script
        masked, idioms = self._mask_idioms(canonical)
        matches: list[Match] = []
        for category, language, prior, rx in self.patterns:
            best = None  # the pattern's strongest occurrence: a guarded first one must not hide a later one
            for m in rx.finditer(masked):
                guards = self._guards(masked, m.start(), m.end(), prior, language, category)
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
        if self.joke.search(canonical):
            guards_seen.add("joke")
        if self.fiction.search(canonical):
            guards_seen.add("fiction")
        matches.sort(key=lambda m: -m.strength)
        score, category = (matches[0].strength, matches[0].category) if matches else (0.0, None)
        if matches and score >= 0.5 and matches[0].prior >= self.plan_min_prior and self.plan.search(masked) \
                and category not in ("risk_to_others",):
            category, score = "plan", max(score, self.plan_strength)
        categories = tuple(dict.fromkeys(m.category for m in matches if m.strength >= 0.3))
        attempt = self._attempt(masked)
        if attempt and score < self.attempt_strength:  # a dose taken is stated risk, whatever else matched
            score, category = self.attempt_strength, category if score >= 0.5 else "method"
            categories = tuple(dict.fromkeys((*categories, category)))
        return LexiconReading(round(score, 4), category, categories, tuple(sorted(guards_seen)),
                              was_obfuscated(text, canonical), tuple(matches), attempt)

    def _attempt(self, text: str) -> bool:
        """An attempt pattern matches, neither negated, in the past, in fiction nor asked about."""
        for language, rx in self.attempts:
            for m in rx.finditer(text):
                clause_start = max((c.end() for c in _CLAUSE_END.finditer(text, 0, m.start())), default=0)
                if self.hypothetical.search(text, clause_start, m.start() + 1):
                    continue
                if not set(self._guards(text, m.start(), m.end(), 1.0, language)) & {"negated", "past", "fiction"}:
                    return True
        return False

    def _mask_idioms(self, text: str) -> tuple[str, bool]:
        masked, n = self.idiom.subn(lambda m: " " * len(m.group(0)), text)
        return masked, n > 0

    def _guards(self, text: str, start: int, end: int, prior: float, language: str,
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
        if self._in_fiction(text, clause_start, clause_end, start, end, language):
            guards.append("fiction")
        if prior < self.joke_below and self.joke.search(text):
            guards.append("joke")
        if category == "risk_to_others" and self.generic is not None and self.generic.search(text, clause_start, end):
            guards.append("generic")  # "what should you say if someone says they want to die?": nobody in particular
        return tuple(guards)


    def _in_fiction(self, text: str, clause_start: int, clause_end: int, start: int, end: int, language: str) -> bool:
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


def _expand(rx: str, macros: dict[str, str]) -> str:
    for _ in range(3):  # macros may use macros
        rx = re.sub(r"\{(\w+)\}", lambda m: macros.get(m.group(1), m.group(0)), rx)
    return rx


@lru_cache(maxsize=4)
def _load(path: str) -> Lexicon:
    with open(path, encoding="utf-8") as f:
        return Lexicon(yaml.safe_load(f))
