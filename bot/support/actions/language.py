"""The language a person writes in, and the bot's lines in it.

``language_of`` reads the person's latest messages with lingua (restricted to the seven languages
the bot has lines for); a message too short to tell ("ok", "ja", "hi") takes the language of
their previous messages, else the page's locale (``metadata.locale``), else English.
``translated(lang)`` is ``i18n/<lang>.yml``: the screen's questions, the domain's responses,
the resources' sentence frames, listening lines per strategy and the tools, in that language
(None for English, whose lines are the domain's and responses.yml).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Sequence

import yaml

LANGUAGES = {"ENGLISH": "en", "GERMAN": "de", "FRENCH": "fr", "SPANISH": "es", "ITALIAN": "it", "DUTCH": "nl",
             "PORTUGUESE": "pt"}
"""lingua's names of the languages the bot has lines for -> their codes."""
I18N = Path(__file__).with_name("i18n")
MIN_WORDS = 2
"""Shorter messages ("ok", "no", "hallo") are too short to tell."""
RECENT = 3
"""How many of the person's latest messages are read, newest first."""


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder  # the action server's; translated() needs no lingua

    return (LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES))
            .with_minimum_relative_distance(0.1).with_preloaded_language_models().build())


def warm_up() -> None:
    """Load the language models now (about 4 s), e.g. when the action server starts."""
    _detector()


def detect(text: str) -> Optional[str]:
    """The language code of ``text``, or None when it is too short or ambiguous."""
    if len(re.findall(r"[^\W\d_]{2,}", text or "")) < MIN_WORDS:
        return None
    found = _detector().detect_language_of(text)
    return LANGUAGES.get(found.name) if found is not None else None


def language_of(messages: Sequence[str], locale: Optional[str] = None) -> str:
    """The language of the newest of ``messages`` (newest first) that tells, else of ``locale``
    ("de-AT" -> "de") when the bot has lines in it, else "en"."""
    for text in list(messages)[:RECENT]:
        found = detect(text)
        if found:
            return found
    prefix = (locale or "").split("-")[0].lower()
    return prefix if prefix in LANGUAGES.values() else "en"


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
