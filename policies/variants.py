"""Regional variants of the bots' languages: a variant's own lines, laid over its language's.

A variant (``VARIANTS``: "pt-PT", European Portuguese with "tu", for a Portuguese speaker on a pt-PT page) is a
language code of its own for a bot's lines: ``variant_of`` picks it from the page's locale, ``lines_in`` lays its file
(``<i18n>/variants/pt-PT.yml``, only the lines that differ) over its language's (``<i18n>/pt.yml``), and
``base_language`` is the language a code names. The support bot (bot/support/actions/language.py) and the tutor
(bot/tutor/actions/lines.py, student_language.py) read their translations through it, each from its own i18n folder
(eighth reading, L1: the support bot said "Oi", "você" to people writing "tu"; the tutor did until reading 10).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Optional

import yaml

from policies.locales import parse_locale

VARIANTS = {"pt-PT": "pt"}
"""Regional variants with lines of their own -> their language: ``<i18n>/variants/<variant>.yml`` holds only the lines
that differ from ``<i18n>/<language>.yml``."""


def variant_of(lang: str, locale: Optional[str]) -> str:
    """``lang`` as the page's ``locale`` speaks it: the variant of ``VARIANTS`` ("pt" on a "pt-PT" or "pt_pt"
    page -> "pt-PT"), else ``lang``."""
    code = parse_locale(locale).tag
    return code if code and VARIANTS.get(code) == lang else lang


def base_language(lang: str) -> str:
    """The language of ``lang``, a language or a variant ("pt-PT" -> "pt")."""
    return VARIANTS.get(lang, lang)


def lines_in(i18n: Path, lang: str) -> Optional[Dict[str, Any]]:
    """A bot's lines in ``lang`` from its folder ``i18n`` (``<i18n>/<lang>.yml``), or None (English, or no file); a
    variant's (``VARIANTS``) are its language's with its own file (``<i18n>/variants/<lang>.yml``) laid over them.
    Not cached: each bot caches its own reading."""
    path = i18n / ("variants" if lang in VARIANTS else "") / f"{lang}.yml"
    if lang == "en" or not path.is_file():
        return None
    own = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return laid_over(lines_in(i18n, VARIANTS[lang]) or {}, own) if lang in VARIANTS else own


def laid_over(base: Dict[str, Any], over: Dict[str, Any]) -> Dict[str, Any]:
    """``base`` with ``over``'s entries in place of its own, key by key into nested blocks (a list is replaced whole)."""
    merged = dict(base)
    for key, value in over.items():
        merged[key] = laid_over(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged
