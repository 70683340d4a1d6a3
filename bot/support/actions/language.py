"""The language a person writes in, and the bot's lines in it.

``language_of`` reads the person's latest messages with lingua (restricted to the seven languages
the bot has lines for): a message lingua is sure of sets the language; otherwise its reading is
weighed with the previous messages' (a short or mixed line does not switch the conversation's
language); with nothing to tell ("ok", "ja", "hi"), a greeting only one language uses ("ciao",
"bonjour"), else the page's locale (``metadata.locale``), else English.
``translated(lang)`` is ``i18n/<lang>.yml``: the screen's questions, the domain's responses,
the resources' sentence frames, listening lines per strategy and the tools, in that language
(None for English, whose lines are the domain's and responses.yml).
"""
from __future__ import annotations

import re
import unicodedata
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
SURE = 0.9
"""lingua's confidence in the newest message alone that switches the conversation's language."""
OLDER = 0.6
"""How much less each older message weighs when the newest alone does not tell."""
MARGIN = 0.1
"""The weighed confidence by which the first language must lead the second to tell."""


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder  # the action server's; translated() needs no lingua

    return (LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES))
            .with_minimum_relative_distance(0.1).with_preloaded_language_models().build())


def folded(text: str) -> str:
    """``text`` in lower case without accents ("Österreich" -> "osterreich"), for matching words."""
    return "".join(c for c in unicodedata.normalize("NFKD", (text or "").lower()) if not unicodedata.combining(c))


def warm_up() -> None:
    """Load the language models now (about 4 s), e.g. when the action server starts."""
    _detector()


ENGLISH_CHAT = {"idk": "i don't know", "tbh": "to be honest", "ngl": "not going to lie", "rn": "right now",
                "imo": "in my opinion", "bc": "because", "cuz": "because", "ppl": "people", "smth": "something",
                "w": "with", "ty": "thank you", "thx": "thanks", "pls": "please",
                "plz": "please", "btw": "by the way", "dunno": "don't know", "wanna": "want to", "gonna": "going to",
                "whats": "what is", "thats": "that is", "ive": "i have", "dont": "do not",
                "cant": "cannot", "wont": "will not", "idc": "i don't care", "omg": "oh my god"}
"""English chat shorthand, read in full for the language only: lingua has no model of "idk ... tbh"
and read "idk whats wrong w me tbh" as Dutch (0.37 against English 0.22). Not "u" (Dutch "u") nor
"im" (German "im")."""


def _spelt_out(text: str) -> str:
    return re.sub(r"[^\W\d_]+", lambda m: ENGLISH_CHAT.get(m.group(0).lower(), m.group(0)), text or "")


def confidences(text: str) -> Dict[str, float]:
    """Language code -> lingua's confidence (summing to 1) for ``text`` (English chat shorthand
    spelt out); empty when it is too short."""
    if len(re.findall(r"[^\W\d_]{2,}", text or "")) < MIN_WORDS:
        return {}
    text = _spelt_out(text)
    return {LANGUAGES[v.language.name]: v.value for v in _detector().compute_language_confidence_values(text)}


def language_of(messages: Sequence[str], locale: Optional[str] = None) -> str:
    """The language of the person's latest ``messages`` (newest first): the newest message's own
    when lingua is at least ``SURE`` of it, else the language with the most confidence over the
    last ``RECENT`` messages, each older one weighing ``OLDER`` times less (a short English line
    such as "then i scroll tiktok till 2", which lingua reads as German, keeps an English
    conversation English; a clear switch of language is followed at once); with no message that
    tells, a greeting only one language uses ("ciao"), else the page's ``locale`` ("de-AT" -> "de")
    when the bot has lines in it, else "en"."""
    read = [confidences(text) for text in list(messages)[:RECENT]]
    if read and read[0] and max(read[0].values()) >= SURE:
        return max(read[0], key=read[0].get)
    total: Dict[str, float] = {}
    weight = sum(OLDER ** age for age, values in enumerate(read) if values)
    for age, values in enumerate(read):
        for lang, value in values.items():
            total[lang] = total.get(lang, 0.0) + value * OLDER ** age / weight
    ranked = sorted(total.values(), reverse=True) + [0.0, 0.0]
    if ranked[0] - ranked[1] >= MARGIN:  # "whats up": German 0.22, English 0.21 tells nothing
        return max(total, key=total.get)
    greeted = next((found for text in list(messages)[:RECENT] for found in [greeting_language(text)] if found), None)
    if greeted:
        return greeted
    prefix = (locale or "").split("-")[0].lower()
    return prefix if prefix in LANGUAGES.values() else "en"


def greeting_language(text: str) -> Optional[str]:
    """The language whose greeting ``text`` is ("ciao" -> "it", "buenas!" -> "es"), when only one
    language greets so (i18n/<lang>.yml ``greetings``; "hallo" is German and Dutch: None)."""
    said = " ".join(re.findall(r"[^\W\d_]+", (text or "").lower()))
    langs = [lang for lang, words in _greetings().items() if said in words]
    return langs[0] if len(langs) == 1 else None


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
