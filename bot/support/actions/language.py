"""The language a person writes in, and the bot's lines in it.

``language_of`` is policies/language.py's reading, shared with the tutor (its constants, ``confidences`` and
``warm_up`` are re-exported from there): lingua over the person's latest messages, restricted to the seven languages
the bot has lines for, starting from the page's locale (``metadata.locale``, else English): the language they have
been writing in, which a short or ambiguous message does not switch (ninth reading, H7); with nothing to tell ("ok",
"ja", "hi"), a greeting only one language uses ("ciao", "bonjour": this bot's ``greetings`` in i18n/<lang>.yml).
``translated(lang)`` is ``i18n/<lang>.yml``: the screen's questions, the domain's responses,
the resources' sentence frames, listening lines per strategy and the tools, in that language
(None for English, whose lines are the domain's and responses.yml).
A regional variant (``VARIANTS``: "pt-PT", European Portuguese with "tu", for a Portuguese speaker on
a pt-PT page) is its own code: ``variant_of`` picks it from the page's locale, ``translated`` lays its
file (i18n/variants/pt-PT.yml, the lines that differ) over its language's, and ``base_language`` is the
language where a code names one (eighth reading, L1: "Oi", "você" to people writing "tu"). These are
policies/variants.py's, shared with the tutor (re-exported here).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Sequence

from policies import language as shared
from policies.language import ENGLISH_CHAT, LANGUAGES, MARGIN, MIN_WORDS, QUOTED, READ, SURE, SWITCH, confidences, warm_up
from policies.variants import VARIANTS, base_language, lines_in, variant_of

__all__ = ["ENGLISH_CHAT", "LANGUAGES", "MARGIN", "MIN_WORDS", "QUOTED", "READ", "SURE", "SWITCH", "confidences", "warm_up",  # shared
           "I18N", "VARIANTS", "base_language", "folded", "plain_text", "greeting_language", "greeting_words", "language_of", "least_recent",
           "translated", "variant_of"]

I18N = Path(__file__).with_name("i18n")


def folded(text: str) -> str:
    """``text`` in lower case without accents ("Österreich" -> "osterreich"), for matching words."""
    return "".join(c for c in unicodedata.normalize("NFKD", (text or "").lower()) if not unicodedata.combining(c))


def plain_text(text: str) -> str:
    """``text`` folded (:func:`folded`), with curly apostrophes straight and single spaces, for matching phrases."""
    return " ".join(folded(text).replace("’", "'").split())


def language_of(messages: Sequence[str], locale: Optional[str] = None) -> str:
    """The language of the person's latest ``messages`` (newest first), the support bot's greetings
    (i18n/<lang>.yml ``greetings``) telling before any message has: policies.language.language_of (the language
    they have been writing in, which a short or ambiguous message does not switch: ninth reading, H7)."""
    return shared.language_of(messages, locale, _greetings())


def greeting_language(text: str) -> Optional[str]:
    """The language whose greeting ``text`` is ("ciao" -> "it", "buenas!" -> "es"), when only one
    language greets so (i18n/<lang>.yml ``greetings``; "hallo" is German and Dutch: None)."""
    return shared.greeting_language(text, _greetings())


def greeting_words() -> set:
    """Every greeting of the six other languages (i18n/<lang>.yml ``greetings``)."""
    return set().union(*_greetings().values())


@lru_cache(maxsize=1)
def _greetings() -> Dict[str, set]:
    return {lang: {str(w).lower() for w in (translated(lang) or {}).get("greetings") or []}
            for lang in LANGUAGES.values() if lang != "en"}


@lru_cache(maxsize=None)
def translated(lang: str) -> Optional[Dict[str, Any]]:
    """The bot's lines in ``lang`` (i18n/<lang>.yml), or None (English, or no file); a variant's
    (``VARIANTS``) are its language's with its own file's laid over them (policies/variants.py)."""
    return lines_in(I18N, lang)


def least_recent(variants: Sequence[str], recent: Sequence[str]) -> str:
    """The variant said least recently in ``recent`` (oldest first); one not said there first."""
    last_said = {line: index for index, line in enumerate(recent)}
    return min(variants, key=lambda v: last_said.get(v, -1))
