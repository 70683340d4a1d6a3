"""The language a person writes in, and the bot's lines in it.

``language_of`` is policies/language.py's reading (shared with the tutor): lingua over the
person's latest messages, restricted to the seven languages the bot has lines for; with nothing
to tell ("ok", "ja", "hi"), a greeting only one language uses ("ciao", "bonjour": this bot's
``greetings`` in i18n/<lang>.yml), else the page's locale (``metadata.locale``), else English.
Its constants, ``confidences`` and ``warm_up`` are re-exported from there.
``translated(lang)`` is ``i18n/<lang>.yml``: the screen's questions, the domain's responses,
the resources' sentence frames, listening lines per strategy and the tools, in that language
(None for English, whose lines are the domain's and responses.yml).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Sequence

import yaml

from policies import language as shared
from policies.language import ENGLISH_CHAT, LANGUAGES, MARGIN, MIN_WORDS, OLDER, RECENT, SURE, confidences, warm_up

__all__ = ["ENGLISH_CHAT", "LANGUAGES", "MARGIN", "MIN_WORDS", "OLDER", "RECENT", "SURE", "confidences", "warm_up",  # shared
           "I18N", "folded", "greeting_language", "greeting_words", "language_of", "least_recent", "translated"]

I18N = Path(__file__).with_name("i18n")


def folded(text: str) -> str:
    """``text`` in lower case without accents ("Österreich" -> "osterreich"), for matching words."""
    return "".join(c for c in unicodedata.normalize("NFKD", (text or "").lower()) if not unicodedata.combining(c))


def language_of(messages: Sequence[str], locale: Optional[str] = None) -> str:
    """The language of the person's latest ``messages`` (newest first), the support bot's greetings
    (i18n/<lang>.yml ``greetings``) telling when nothing else does: policies.language.language_of."""
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
    """The bot's lines in ``lang`` (i18n/<lang>.yml), or None (English, or no file)."""
    path = I18N / f"{lang}.yml"
    if lang == "en" or not path.is_file():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def least_recent(variants: Sequence[str], recent: Sequence[str]) -> str:
    """The variant said least recently in ``recent`` (oldest first); one not said there first."""
    last_said = {line: index for index, line in enumerate(recent)}
    return min(variants, key=lambda v: last_said.get(v, -1))
