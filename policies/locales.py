"""A page's or client's locale read once, as browsers and clients write it ("de-AT", "pt_br", "IT-ch", "en").

The crisis lines (``policies.crisis_lines``), the bots' language variants (``policies.variants``) and the web
channel (the voice clip's language, the safety net's frame) all read a locale through :func:`parse_locale`.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional


class Locale(NamedTuple):
    """A locale's language ("de", lower case) and country ("AT", upper case); either None when absent or malformed."""

    language: Optional[str]
    country: Optional[str]

    @property
    def tag(self) -> Optional[str]:
        """"de-AT" for a language with a country, else None."""
        return f"{self.language}-{self.country}" if self.language and self.country else None


def parse_locale(locale: Optional[str]) -> Locale:
    """``locale`` as a :class:`Locale`: "pt_br" -> ("pt", "BR"), "de" -> ("de", None), "x y" or "" -> (None, None).
    A language is two or three letters, a country two letters or three digits (BCP 47's region)."""
    parts = re.split(r"[-_]", str(locale or "").strip())
    language = parts[0].lower() if re.fullmatch(r"[A-Za-z]{2,3}", parts[0]) else None
    country = parts[1].upper() if language and len(parts) > 1 and re.fullmatch(r"[A-Za-z]{2}|\d{3}", parts[1]) else None
    return Locale(language, country)
