"""Clinical warning-sign patterns per category, with negation, past-tense, idiom, fiction and
joke guards: the part of crisis screening that needs no model, so it runs everywhere (the
service, and inside the Rasa process when the service is down or refused the turn).

For a message m, with n = normalise(m) and the idioms of ``guards.idiom`` masked out:

    s(p)     = strength of pattern p (0..1) x the factor of every guard in p's clause
    score(m) = max_p s(p)        over the patterns p that match n; 0 when none does
    category = the category of the argmax pattern ("plan" when a time/place marker joins it)

Patterns and guards are data (``emotion/config/crisis_lexicon.yaml``). Standard library and
PyYAML only: the Rasa runtime imports this module.

Cost: every character is read, but what the guards of all matches share is found once per text
(:class:`_TextFacts`: where clauses end, the whole-text searches, each clause's searches), and an
occurrence of a pattern that cannot be stronger than the one already found is not guarded further
(the factors are <= 1). A flood that repeats a guarded risk phrase thousands of times made the
old per-match searches of the whole text quadratic (a 60 KB message took up to 99 s; the reading
is the same, tests/service/test_crisis_lexicon_speed.py compares it with the old code).

Over 300 lines for a reason: the guards and the facts they share are one algorithm; split, each
half would need the other's internals.
"""
from __future__ import annotations

import re
import warnings
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional

import yaml

from emotion.crisis.normalise import joined_across_controls, logical, normalise, was_obfuscated

EXPLICIT_AT = 0.5
"""A lexicon score at or above this: the message holds warning-sign language, unguarded."""
LEXICON_PATH = Path(__file__).resolve().parent.parent / "config" / "crisis_lexicon.yaml"
POSITIVE_CATEGORIES = ("passive_death_wish", "active_ideation", "method", "intent", "plan", "preparatory_acts",
                       "burdensomeness", "hopelessness_entrapment", "self_harm_urge", "command_hallucination",
                       "risk_to_others")
_CLAUSE_END = re.compile(r"[.!?;\n]|\b(?:but|and now|now|aber|mais|pero|ma|maar|mas|though|however"
                         r"|jetzt|maintenant|ahora|ora|adesso|agora)\b")  # "now" in de/fr/es/it/pt
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
HYPOTHETICAL_REACH = 200
"""How far before an attempt's words an "if" ("what if i took all my pills") is looked for, in characters."""
_CLAUSE_REACH = 32
"""More characters than one attempt of ``_CLAUSE_END`` reads from where it starts (its longest word,
"maintenant", and the boundary after it: 11): see :meth:`_TextFacts.clause_start`."""


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
        self.earnest = re.compile(expand(g["joke"].get("earnest") or r"(?!)"))
        self.generic = re.compile(expand(g["generic"]["before"])) if "generic" in g else None
        self.factors = {name: float(g[name]["factor"]) for name in ("negated", "past", "idiom", "fiction", "joke", "generic")
                        if name in g}
        self.hypothetical = re.compile(expand(spec.get("attempt_hypothetical") or r"(?!)"))
        self.attempt_past = re.compile(expand(spec.get("attempt_past") or r"(?!)"))
        self.attempts = [(language, re.compile(expand(rx))) for language, entries in (spec.get("attempt") or {}).items()
                         for rx in entries]
        self.plan = re.compile(expand(spec["plan_markers"]["any"]))
        self.plan_strength = float(spec["plan_markers"]["strength"])
        self.plan_min_prior = float(spec["plan_markers"].get("min_prior", 0.0))
        self.attempt_strength = float(spec.get("attempt_strength", 0.0))
        self.factors_at_most_one = all(0.0 <= f <= 1.0 for f in self.factors.values())
        self.fiction_reach = _reach(self.fiction)

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Lexicon":
        return _load(str(path or LEXICON_PATH))

    def read(self, text: str) -> LexiconReading:
        """Score one message (any length; the whole text is read). A message with control characters
        is also read with them taken out with the spaces beside them, and one with direction controls in
        the order it was typed, and the stronger reading counts ("k\\b ill mys\\x7f elf":
        normalise.joined_across_controls; "kill my\\u202eself": normalise.logical)."""
        reading = self._read(text)
        for other_text in dict.fromkeys((joined_across_controls(text), logical(text))):  # each once, if it differs
            if other_text != text:
                other = self._read(other_text)
                if other.score > reading.score or other.attempt and not reading.attempt:
                    reading = other
        return reading

    def _read(self, text: str) -> LexiconReading:
        canonical = normalise(_MARKUP.sub(" ", text))  # "<script>" is no film script
        masked, idioms = self._mask_idioms(canonical)
        facts = _TextFacts(self, masked)
        matches: list[Match] = []
        for category, language, prior, rx in self.patterns:
            best = None  # the pattern's strongest occurrence: a guarded first one must not hide a later one
            for m in rx.finditer(masked):
                guards = self._guards(facts, m.start(), m.end(), prior, language, category,
                                      beat=best.strength if best is not None else None)
                if guards is None:  # cannot be stronger than the best so far
                    continue
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
        if self.joke.search(canonical) and not self.earnest.search(canonical):
            guards_seen.add("joke")
        if self.fiction.search(canonical):
            guards_seen.add("fiction")
        matches.sort(key=lambda m: -m.strength)
        score, category = (matches[0].strength, matches[0].category) if matches else (0.0, None)
        if matches and score >= 0.5 and matches[0].prior >= self.plan_min_prior and self.plan.search(masked) \
                and category not in ("risk_to_others",):
            category, score = "plan", max(score, self.plan_strength)
        categories = tuple(dict.fromkeys(m.category for m in matches if m.strength >= 0.3))
        attempt = self._attempt(facts)
        if attempt and score < self.attempt_strength:  # a dose taken is stated risk, whatever else matched
            score, category = self.attempt_strength, category if score >= 0.5 else "method"
            categories = tuple(dict.fromkeys((*categories, category)))
        return LexiconReading(round(score, 4), category, categories, tuple(sorted(guards_seen)),
                              was_obfuscated(text, canonical), tuple(matches), attempt)

    def _attempt(self, facts: "_TextFacts") -> bool:
        """An attempt pattern matches, neither negated, in the past, in fiction nor asked about, and its
        clause names no time days or more ago (``attempt_past``: "last month i took all my pills" is an
        attempt made, for the person's history, not one under way; yesterday's overdose still is)."""
        text = facts.text
        for language, rx in self.attempts:
            for m in rx.finditer(text):
                clause_start = facts.clause_start(m.start())
                # "if"/"what if" governs the words right before the match (at most HYPOTHETICAL_REACH characters of
                # its clause: a run-on clause of 60 KB was searched again for each of its matches)
                if self.hypothetical.search(text, max(clause_start, m.start() - HYPOTHETICAL_REACH), m.start() + 1):
                    continue
                clause_end = facts.clause_end(m.end())
                if facts.once(("attempt_past", clause_start, clause_end),
                              lambda: bool(self.attempt_past.search(text, clause_start, clause_end))):
                    continue
                if not set(self._guards(facts, m.start(), m.end(), 1.0, language) or ()) & {"negated", "past", "fiction"}:
                    return True
        return False

    def _mask_idioms(self, text: str) -> tuple[str, bool]:
        masked, n = self.idiom.subn(lambda m: " " * len(m.group(0)), text)
        return masked, n > 0

    def _guards(self, facts: "_TextFacts", start: int, end: int, prior: float, language: str,
                category: str | None = None, beat: float | None = None) -> tuple[str, ...] | None:
        """The guards of the match ``facts.text[start:end]``; None when ``beat`` is given and the
        match cannot be stronger than it whatever guards it has left (each factor is <= 1)."""
        text = facts.text
        clause_start, clause_end = facts.clause_start(start), facts.clause_end(end)
        before, matched = text[clause_start:start], text[start:end]
        clause = lambda: text[clause_start:clause_end]  # noqa: E731 - only when a clause search is not known yet
        in_clause = lambda rx: facts.once((id(rx), clause_start, clause_end), lambda: bool(rx.search(clause())))  # noqa: E731
        guards = []
        if (self.negation.search(before) and not self.hedges.search(before + matched)) or \
                (self.negation_after.search(text[end:end + 80]) and not self.hedges.search(matched)):
            guards.append("negated")
        joke = prior < self.joke_below and facts.joke
        if self._cannot_beat(beat, prior, guards, joke):
            return None
        recovered = in_clause(self.recovered_clause) and facts.recovered_after(end)
        # a time long past named earlier in the message carries to a later clause told in the past tense
        # ("when i was 17 i was in a dark place. i had thoughts about ending it most days"), unless
        # something since says it is now
        carried = (in_clause(self.recovered_clause) and facts.past_before(clause_start)
                   and not facts.present and not facts.recent and not in_clause(self.plan))
        if (in_clause(self.past) or recovered or carried) and not in_clause(self.present):
            guards.append("past")
        if self._cannot_beat(beat, prior, guards, joke):
            return None
        if self._in_fiction(facts, clause_start, clause_end, start, end, language):
            guards.append("fiction")
        if joke:
            guards.append("joke")
        if category == "risk_to_others" and self.generic is not None and self.generic.search(text, clause_start, end):
            guards.append("generic")  # "what should you say if someone says they want to die?": nobody in particular
        return tuple(guards)

    def _cannot_beat(self, beat: float | None, prior: float, guards: list[str], joke: bool) -> bool:
        """Whether a match of ``prior`` with ``guards`` so far (and the joke guard, which holds for the
        whole text) is at most ``beat`` whatever guards follow: factors <= 1 only lower it."""
        if beat is None or not self.factors_at_most_one:
            return False
        bound = prior
        for g in guards:
            bound *= self.factors[g]  # in the order _read multiplies them: the same float
        if joke:
            bound *= self.factors["joke"]
        return bound <= beat

    def _in_fiction(self, facts: "_TextFacts", clause_start: int, clause_end: int, start: int, end: int,
                    language: str) -> bool:
        """A film, a class, the news near the risk words (their clause, between commas; not inside
        the words themselves), or further off unless the risk words' clause is the writer's own
        words about a time."""
        text = facts.text
        near_start = max(clause_start, text.rfind(",", clause_start, start) + 1)
        comma = text.find(",", end, clause_end)
        near_end = comma if comma >= 0 else clause_end
        if self.fiction.search(f"{text[near_start:start]} {text[end:near_end]}"):
            return True
        if not facts.fiction_apart(near_start, near_end):
            return False
        clause = text[near_start:near_end]
        first_person = self.first_person.get(language)
        own_plan = (first_person is not None and first_person.search(clause) and self.plan.search(clause)
                    and not self.reported.search(clause))
        return not own_plan


class _TextFacts:
    """What the guards of every match in one (normalised, masked) text share, each found once.

    Every answer is the one the plain search of the old code gives (``clause_start``:
    ``max(m.end() for m in _CLAUSE_END.finditer(text, 0, start))``; ``clause_end``:
    ``_CLAUSE_END.search(text, end)``; ``fiction_apart``: ``fiction.search(text[:a] + " " + text[b:])``),
    found from the text's own matches, found once: reading a text costs about its length times the
    patterns, not that times its matches.
    """

    def __init__(self, lexicon: Lexicon, text: str) -> None:
        self.lexicon, self.text = lexicon, text
        spans = [m.span() for m in _CLAUSE_END.finditer(text)]
        self._clause_starts = [a for a, _ in spans]
        self._clause_ends = [b for _, b in spans]
        self._memo: dict[Any, Any] = {}

    def once(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, computed once per ``key`` for this text."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def joke(self) -> bool:
        return self.once("joke", lambda: bool(self.lexicon.joke.search(self.text)) and not self.lexicon.earnest.search(self.text))

    @property
    def present(self) -> bool:
        return self.once("present", lambda: bool(self.lexicon.present.search(self.text)))

    @property
    def recent(self) -> bool:
        return self.once("recent", lambda: bool(self.lexicon.recent.search(self.text)))

    def past_before(self, clause_start: int) -> bool:
        """``past.search(text, 0, clause_start)`` (the text before the clause, cut there)."""
        return self.once(("past_before", clause_start),
                         lambda: bool(self.lexicon.past.search(self.text, 0, clause_start)))

    def recovered_after(self, end: int) -> bool:
        """``recovered_after.search(text, end)``: a match starting at ``end`` or later."""
        last = self.once("recovered_after", lambda: _last_match_start(self.lexicon.recovered_after, self.text))
        return last is not None and last >= end

    def clause_start(self, start: int) -> int:
        """Where the clause of a match at ``start`` begins: the end of the last ``_CLAUSE_END`` match of
        ``text[:start]``, else 0. The text's own matches that start ``_CLAUSE_REACH`` or more before
        ``start`` read nothing at or after it, so the cut text has them too; only the last few
        characters are searched again, cut at ``start``."""
        shared = bisect_right(self._clause_starts, start - _CLAUSE_REACH)
        last_end = self._clause_ends[shared - 1] if shared else 0
        tail = None
        for tail in _CLAUSE_END.finditer(self.text, max(last_end, start - _CLAUSE_REACH + 1, 0), start):
            pass
        return tail.end() if tail is not None else last_end

    def clause_end(self, end: int) -> int:
        """Where the clause of a match ending at ``end`` ends: the start of ``_CLAUSE_END.search(text,
        end)``, else the text's length. The first of the text's own matches from ``end`` on, unless
        one starts inside the match that covers ``end`` (tried there)."""
        following = bisect_left(self._clause_starts, end)
        covering = following - 1
        if covering >= 0 and self._clause_ends[covering] > end:
            for at in range(end, self._clause_ends[covering]):
                if _CLAUSE_END.match(self.text, at):
                    return at
        return self._clause_starts[following] if following < len(self._clause_starts) else len(self.text)

    def fiction_apart(self, near_start: int, near_end: int) -> bool:
        """``fiction.search(text[:near_start] + " " + text[near_end:])``: a film, a class... away from the
        risk words. True at once when a fiction match of the whole text lies, with all it reads,
        before ``near_start`` or after ``near_end`` (the joined text holds the same characters
        there); else the joined text is searched."""
        fiction = self.lexicon.fiction
        reach = self.lexicon.fiction_reach
        if reach is not None:
            before, after = reach
            for a, b in self.once("fiction", lambda: [m.span() for m in fiction.finditer(self.text)]):
                if b + after + 1 <= near_start or a - before >= near_end:
                    return True
        return bool(fiction.search(f"{self.text[:near_start]} {self.text[near_end:]}"))


def _parser() -> Any:
    """The standard library's regular-expression parser (``re._parser``; ``sre_parse`` before 3.11)."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]  # Python >= 3.11
    except ImportError:  # Python 3.10 (the Rasa runtime)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import sre_parse as parser  # type: ignore[no-redef]
    return parser


def _last_match_start(rx: re.Pattern[str], text: str) -> Optional[int]:
    """The last position at which ``rx`` matches ``text`` (as ``rx.search(text, pos)`` would find it),
    None when none: the last match ``finditer`` reports, or a later one that starts inside it."""
    last = None
    for last in rx.finditer(text):
        pass
    if last is None:
        return None
    inner = [at for at in range(last.start() + 1, last.end()) if rx.match(text, at)]
    return inner[-1] if inner else last.start()


def _reach(pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """(characters before a match's start, characters after its end) that matching ``pattern`` may
    read (lookbehinds and lookaheads, word boundaries), or None when a lookaround is unbounded."""
    parser = _parser()
    before, after = 1, 1  # a word boundary reads the characters beside it

    def walk(items: Any) -> bool:
        nonlocal before, after
        for op, av in items:
            if op in (parser.ASSERT, parser.ASSERT_NOT):
                direction, sub = av
                width = sub.getwidth()[1]
                if width >= parser.MAXREPEAT:
                    return False
                if direction < 0:
                    before = max(before, width + 1)
                else:
                    after = max(after, width + 1)
                if not walk(sub):
                    return False
            elif isinstance(av, (list, tuple)):
                for part in av:
                    if isinstance(part, parser.SubPattern) and not walk(part):
                        return False
                    if isinstance(part, (list, tuple)):
                        for inner in part:
                            if isinstance(inner, parser.SubPattern) and not walk(inner):
                                return False
        return True

    return (before, after) if walk(parser.parse(pattern.pattern, pattern.flags)) else None


def _expand(rx: str, macros: dict[str, str]) -> str:
    for _ in range(3):  # macros may use macros
        rx = re.sub(r"\{(\w+)\}", lambda m: macros.get(m.group(1), m.group(0)), rx)
    return rx


@lru_cache(maxsize=4)
def _load(path: str) -> Lexicon:
    with open(path, encoding="utf-8") as f:
        return Lexicon(yaml.safe_load(f))
