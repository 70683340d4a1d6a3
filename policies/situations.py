"""Situations a message reports that call for their own answer, whatever its emotion or crisis
risk: someone else's medical emergency now, abuse by a partner or family member, someone else at
risk of suicide or self-harm, a panic attack now, and a request for a helpline or a person to talk
to (``situations.yml``).

The crisis detector reads the writer's own risk; these are what it cannot tell apart ("my 5 year
old swallowed some pills" and "my boyfriend hit me again" both read as risk to others, and got a
grounding exercise and the suicide screen). A situation is a pattern of its language matched in
one clause of the message (split at sentence ends and "but") that none of the situation's guards
matches in that clause (``MESSAGE_WIDE`` guards: in the message) (a past that is over, unless the clause says it is back or now; a film or
an assignment; a laugh); the first of
``ORDER`` that matches wins. ``friend_at_risk`` is not read when the message also states the
writer's own risk (``own_risk``): that is the crisis flow's.

Text is matched folded: lower case, no accents, apostrophes dropped ("can't" -> "cant", "j'ai" ->
"jai"), one space between words. In a pattern, ``{name}`` is the language's macro ``name``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

DEFAULT_FILE = Path(__file__).with_name("situations.yml")
ORDER = ("emergency_other", "abuse", "friend_at_risk", "panic", "asks_helpline")
"""The situations, most urgent first: the first that matches is the message's."""
MESSAGE_WIDE = ("voices", "own_risk")
"""Guards read over the whole message, not one clause: voices the person hears ("... says i should end
it. nobody else hears it"), the writer's own risk ("cant breathe. theres no way out of this")."""
ACUTE = ORDER[:4]
"""Situations the support bot answers with their own lines (a request for a helpline is a question)."""
_CLAUSE = re.compile(r"(?<=[.!?;\n])|\b(?:but|aber|mais|pero|maar|though)\b|,\s*(?:ma|mas)\b")
"""Where a clause ends: after a sentence end (kept: "hotline for eating disorders?"), or "but" in one of the seven languages (Italian "ma" and
Portuguese "mas" only after a comma: "ma fille", "mas o menos")."""


LONGEST_WORD = 40
"""A longer run of characters without a space is read as its first ``LONGEST_WORD`` (a laugh, a URL, a
pasted blob): the patterns' word loops are quadratic in a word's length, and a 3 MB message of letters
blocked the bot's event loop for every conversation (ninth exploratory reading, H4: 8,000 letters 8.7 s)."""
_LONG_WORD = re.compile(r"\S{%d,}" % (LONGEST_WORD + 1))
READ_ENDS = 1000
"""Of a longer message, the first and the last ``READ_ENDS`` characters are read (a situation told in a long
paste is told at its start or its end): reading costs about 0.15 ms a character in the bot's event loop."""


def fold(text: str) -> str:
    """``text`` as patterns read it: lower case, no accents, no apostrophes, single spaces, no word
    longer than ``LONGEST_WORD``, at most its first and last ``READ_ENDS`` characters."""
    text = text or ""
    if len(text) > 2 * READ_ENDS:
        text = f"{text[:READ_ENDS]}\n{text[-READ_ENDS:]}"
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    plain = _LONG_WORD.sub(lambda m: m.group(0)[:LONGEST_WORD], re.sub(r"['’`´]", "", plain))
    return " ".join(plain.split())


@dataclass(frozen=True)
class Situations:
    """Compiled ``situations.yml``: per situation its patterns and the guards that cancel them."""

    patterns: Dict[str, re.Pattern]
    guards: Dict[str, Tuple[str, ...]]
    guard_patterns: Dict[str, re.Pattern]

    def of(self, text: str) -> Optional[str]:
        """The situation ``text`` reports (the first of ``ORDER`` that matches), or None."""
        return next((name for name in ORDER if self.matches(name, text)), None)

    def matches(self, name: str, text: str) -> bool:
        """Whether ``text`` reports the situation ``name``, whatever else it reports."""
        folded = fold(text)
        if not folded or (name == "friend_at_risk" and self.guard_patterns["own_risk"].search(folded)):
            return False
        if any(g in MESSAGE_WIDE and self.guard_patterns[g].search(folded) for g in self.guards[name]):
            return False
        told_past = False  # a past marker in an earlier clause: the story goes on in this one (eighth reading, M2)
        for clause in (c.strip() for c in _CLAUSE.split(folded)):
            if not clause:
                continue
            if self.patterns[name].search(clause) and not any(self._guarded(g, clause, told_past) for g in self.guards[name]):
                return True
            told_past = told_past or self._guarded("past", clause)
        return False

    def _guarded(self, guard: str, clause: str, told_past: bool = False) -> bool:
        """Whether ``guard`` cancels a situation in ``clause``; a past marker does not when the
        clause also says it is back or now ("tried last year and now hes acting the same way again").
        A past told in an earlier clause of the message (``told_past``) cancels it too unless the
        clause says it is now ("three years ago i tried to kill myself. i took an overdose and my
        flatmate found me": eighth reading, M2); a day ago (``days_ago``) unless the clause says it is
        still going on or now ("i found her passed out yesterday")."""
        if guard == "past" and self.guard_patterns["recent"].search(clause):
            return False
        if guard == "past" and told_past and not self.guard_patterns["present"].search(clause):
            return True
        if guard == "days_ago":
            return bool(self.guard_patterns[guard].search(clause)) and not self.guard_patterns["present"].search(clause)
        return bool(self.guard_patterns[guard].search(clause))


def _expand(pattern: str, macros: Dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: f"(?:{macros[m.group(1)]})", pattern)


def _compile(by_language: Dict[str, List[str]], macros: Dict[str, Dict[str, str]]) -> re.Pattern:
    parts = [_expand(p, {name: per.get(lang, "(?!)") for name, per in macros.items()})
             for lang, patterns in by_language.items() for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in parts) or "(?!)")


@lru_cache(maxsize=4)
def load(path: str = str(DEFAULT_FILE)) -> Situations:
    """The situations of the YAML file at ``path`` (default: ``situations.yml`` beside this module)."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    macros = raw.get("macros") or {}
    patterns = {name: _compile({k: v for k, v in raw["situations"][name].items() if k != "guards"}, macros)
                for name in ORDER}
    guards = {name: tuple(raw["situations"][name].get("guards") or ()) for name in ORDER}
    guard_patterns = {name: _compile(per, macros) for name, per in raw["guards"].items()}
    return Situations(patterns, guards, guard_patterns)


def situation_of(text: str) -> Optional[str]:
    """The situation ``text`` reports with the default patterns (see :class:`Situations`)."""
    return load().of(text)
