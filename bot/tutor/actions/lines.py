"""The tutor's lines in the student's language.

English is the source: bot/tutor/lines.yml (every sentence the actions compose, under a key that
names it), domain.yml's responses and curriculum.yml's texts. bot/tutor/i18n/<lang>.yml holds the
same in German, French, Spanish, Italian, Dutch and Portuguese (``lines``, ``responses``,
``curriculum``; see its README). A line a language lacks is said in English. A regional variant
("pt-PT": policies/variants.py, shared with the support bot) has the lines that differ in
bot/tutor/i18n/variants/<variant>.yml, laid over its language's.

Pure Python, no Rasa (the policy reads the curriculum inside the Rasa server, through this module).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Mapping, Union

import yaml

from policies.variants import lines_in

TUTOR = Path(__file__).resolve().parents[1]
ENGLISH_FILE = TUTOR / "lines.yml"
I18N = TUTOR / "i18n"

Line = Union[str, List[str], Dict[Any, str]]
"""A line, its variants (said in turn), or words by what they stand for (``counts``, ``relatives``)."""


class _Kept(dict):
    """Values for ``str.format_map`` that keep a placeholder without a value ("{help}" is filled later)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@lru_cache(maxsize=1)
def english() -> Dict[str, Line]:
    """lines.yml: every line the actions compose, in English."""
    return yaml.safe_load(ENGLISH_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def translation(lang: str) -> Dict[str, Any]:
    """i18n/<lang>.yml (``lines``, ``responses``, ``curriculum``, ``greetings``), a variant's ("pt-PT")
    laid over its language's; {} for English or a language without a file."""
    return lines_in(I18N, lang) or {}


def line(key: str, lang: str = "en") -> Line:
    """The line ``key`` in ``lang`` (English where the language has none)."""
    return (translation(lang).get("lines") or {}).get(key) or english()[key]


def say(key: str, lang: str = "en", variant: int = 0, **values: Any) -> str:
    """The line ``key`` in ``lang`` with its ``{placeholders}`` filled from ``values`` (one without a
    value is kept); of a line with variants, the ``variant``-th (cycling)."""
    text = line(key, lang)
    if isinstance(text, list):
        text = text[variant % len(text)]
    return str(text).format_map(_Kept(values))


def word(key: str, of: Any, lang: str = "en", default: str = "") -> str:
    """What ``of`` is called in the mapping line ``key`` (``word("counts", 2, "de")`` -> "zwei"), else
    ``default``."""
    words = line(key, lang)
    return str(words.get(of, default)) if isinstance(words, Mapping) else default


def response(domain: Mapping[str, Any], name: str, lang: str = "en") -> str:
    """The domain response ``name`` in ``lang`` (i18n/<lang>.yml ``responses``), else the domain's own."""
    translated = (translation(lang).get("responses") or {}).get(name)
    return str(translated[0]) if translated else str(domain["responses"][name][0]["text"])
