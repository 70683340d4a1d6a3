"""The language a person writes in, and the bot's lines in it.

``language_of`` reads lingua (policies/language.py's constants, ``confidences`` and ``warm_up``, re-exported from
there) over the person's latest messages, restricted to the seven languages the bot has lines for, starting from the
page's locale (``metadata.locale``, else English): the language they have been writing in, which a short or
ambiguous message does not switch (ninth reading, H7); with nothing to tell ("ok", "ja", "hi"), a greeting only one
language uses ("ciao", "bonjour": this bot's ``greetings`` in i18n/<lang>.yml), else the page's locale.
``translated(lang)`` is ``i18n/<lang>.yml``: the screen's questions, the domain's responses,
the resources' sentence frames, listening lines per strategy and the tools, in that language
(None for English, whose lines are the domain's and responses.yml).
A regional variant (``VARIANTS``: "pt-PT", European Portuguese with "tu", for a Portuguese speaker on
a pt-PT page) is its own code: ``variant_of`` picks it from the page's locale, ``translated`` lays its
file (i18n/variants/pt-PT.yml, the lines that differ) over its language's, and ``base_language`` is the
language where a code names one (eighth reading, L1: "Oi", "você" to people writing "tu").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Sequence

import yaml

from policies import language as shared
from policies.language import ENGLISH_CHAT, LANGUAGES, MARGIN, MIN_WORDS, OLDER, RECENT, SURE, confidences, warm_up

__all__ = ["ENGLISH_CHAT", "LANGUAGES", "MARGIN", "MIN_WORDS", "OLDER", "RECENT", "SURE", "confidences", "warm_up",  # shared
           "I18N", "QUOTED", "READ", "SWITCH", "VARIANTS", "base_language", "folded", "greeting_language", "greeting_words", "language_of", "least_recent",
           "translated", "variant_of"]

I18N = Path(__file__).with_name("i18n")
VARIANTS = {"pt-PT": "pt"}
"""Regional variants with lines of their own -> their language: i18n/variants/<variant>.yml holds only the lines
that differ from i18n/<language>.yml."""


def folded(text: str) -> str:
    """``text`` in lower case without accents ("Österreich" -> "osterreich"), for matching words."""
    return "".join(c for c in unicodedata.normalize("NFKD", (text or "").lower()) if not unicodedata.combining(c))


SWITCH = 0.3
"""The lead over the page's language (or English) by which one message lingua is not sure of switches the language
before any message has told one: "to mal mano" (Italian 0.33, Portuguese 0.17) on a pt-BR page stays Portuguese."""
READ = 12
"""How many of the person's latest messages are read for the conversation's language."""
QUOTED = re.compile(r"[\"“„«][^\"“”„«»]{2,}[\"”“»]|(?<!\w)['‘][^'‘’\n]{2,}['’](?!\w)")
"""Words in quotes (a lyric, what someone said): not the person's own language."""


def language_of(messages: Sequence[str], locale: Optional[str] = None) -> str:
    """The language of the person's latest ``messages`` (newest first): the language they have been writing in, which
    a short or ambiguous message does not switch (ninth reading, H7: "no i'm fine" in an English conversation on an
    en-GB page was answered in Italian, "to mal mano" on a pt-BR page in Italian, "ok." in Dutch after "are you
    chatgpt?", a quoted lyric with "auf wiedersehen" in German).

    Read from the oldest of the last ``READ`` messages on, starting from the page's locale (else English): a message
    lingua is ``SURE`` of sets its language; one it is not sure of switches only with clear evidence: while no message
    has told the language yet, a lead of ``SWITCH`` over the language so far; after that, a lead of ``MARGIN`` when
    the page's locale or the message before agrees (back to the page's language after an English line, "¿por qué
    nadie contesta?" on an es-ES page; two messages in a row in the same other language). Words in quotes tell nothing; nor do "ok" or a
    number. A greeting only one language uses ("ciao", "bonjour": i18n/<lang>.yml ``greetings``) tells before any
    message has. (policies/language.py's ``language_of``, which the tutor reads, weighs only the last three messages
    and not the page's locale.)"""
    lang = page = _code(locale)
    told, pending = False, None
    for text in reversed(list(messages)[:READ]):
        own = QUOTED.sub(" ", text or "")
        read = confidences(own) if own.strip() else {}
        if not read:
            greeted = None if told else shared.greeting_language(own, _greetings())
            lang = greeted or lang
            continue
        top = max(read, key=read.get)
        lead = read[top] - read.get(lang, 0.0)
        agreed = top == page or pending == top  # the page's language, or the message before read so: corroborated
        if read[top] >= SURE or top == lang or (not told and lead >= SWITCH) or (agreed and lead >= MARGIN):
            lang, told, pending = top, True, None
        else:
            pending = top if lead >= MARGIN else None
    return lang


def _code(locale: Optional[str]) -> str:
    """The language of the page's ``locale`` ("de-AT" -> "de") when the bot has lines in it, else "en"."""
    prefix = (locale or "").replace("_", "-").split("-")[0].lower()
    return prefix if prefix in LANGUAGES.values() else "en"


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


def variant_of(lang: str, locale: Optional[str]) -> str:
    """``lang`` as the page's ``locale`` speaks it: the variant of ``VARIANTS`` ("pt" on a "pt-PT" or "pt_pt"
    page -> "pt-PT"), else ``lang``."""
    parts = (locale or "").replace("_", "-").split("-")
    code = f"{parts[0].lower()}-{parts[1].upper()}" if len(parts) > 1 else ""
    return code if VARIANTS.get(code) == lang else lang


def base_language(lang: str) -> str:
    """The language of ``lang``, a language or a variant ("pt-PT" -> "pt")."""
    return VARIANTS.get(lang, lang)


@lru_cache(maxsize=None)
def translated(lang: str) -> Optional[Dict[str, Any]]:
    """The bot's lines in ``lang`` (i18n/<lang>.yml), or None (English, or no file); a variant's
    (``VARIANTS``) are its language's with its own file's laid over them."""
    path = I18N / ("variants" if lang in VARIANTS else "") / f"{lang}.yml"
    if lang == "en" or not path.is_file():
        return None
    own = yaml.safe_load(path.read_text(encoding="utf-8"))
    return _laid_over(translated(VARIANTS[lang]) or {}, own) if lang in VARIANTS else own


def _laid_over(base: Dict[str, Any], over: Dict[str, Any]) -> Dict[str, Any]:
    """``base`` with ``over``'s entries in place of its own, key by key into nested blocks (a list is replaced whole)."""
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _laid_over(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


def least_recent(variants: Sequence[str], recent: Sequence[str]) -> str:
    """The variant said least recently in ``recent`` (oldest first); one not said there first."""
    last_said = {line: index for index, line in enumerate(recent)}
    return min(variants, key=lambda v: last_said.get(v, -1))
