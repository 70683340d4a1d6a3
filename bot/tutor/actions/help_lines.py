"""Where a student can get help right now, for the country the page's locale names.

The tutor's safety lines say "{help}" where the numbers go; :func:`with_help` fills it with the
locale's lines for children and young people and its first two crisis lines, and the emergency number
(policies/crisis_lines.py, the same table the support bot uses). Sixth exploratory reading, H7:
Mexican, Austrian and German children were given only 988 (US) and Samaritans (UK).
The sentences, and the words around the numbers (lines.yml ``help``), are in the student's language;
a page without a locale gets the lines of that language.
"""
from __future__ import annotations

from typing import Any, Mapping, Optional

from policies.crisis_lines import lines_for

from .lines import response, say


def locale_of(tracker: Any) -> Optional[str]:
    """The page's locale of the student's latest message that has one (``metadata.locale``), or None."""
    messages = [tracker.latest_message, *(e for e in reversed(tracker.events) if e.get("event") == "user")]
    for message in messages:
        locale = (message.get("metadata") or {}).get("locale")
        if locale:
            return str(locale)
    return None


def help_text(locale: Optional[str], lang: str = "en") -> str:
    """"call or text Rat auf Draht, ...: [147](tel:147); TelefonSeelsorge: [142](tel:142); if you are
    in danger, call 112" for de-AT: the children's lines, then the first two crisis lines (the words
    around them in ``lang``). Without a locale, the lines of the student's language ("es": Spain's and
    Mexico's, each named with its country), as the support bot gives them; English has none: the
    default ones."""
    lines = lines_for(locale or lang)
    links = lines.links(lines.child) + lines.links()[:2]
    return say("help", lang, lines="; ".join(links), emergency=lines.emergency)


def with_help(text: str, locale: Optional[str], lang: str = "en") -> str:
    """``text`` with its "{help}" filled for ``locale`` in ``lang`` (unchanged when it has none), and its
    "{emergency}" (the emergency number) and "{help_lines}" (the lines of ``help``, without the words around them:
    the lines about a friend at risk say them in their own words, ninth reading, M16)."""
    if "{help}" in text:
        text = text.replace("{help}", help_text(locale, lang))
    if "{emergency}" in text or "{help_lines}" in text:
        lines = lines_for(locale or lang)
        links = "; ".join(lines.links(lines.child) + lines.links()[:2])
        text = text.replace("{emergency}", lines.emergency).replace("{help_lines}", links)
    return text


def response_text(domain: Mapping[str, Any], name: str, locale: Optional[str], lang: str = "en") -> str:
    """The domain response ``name`` in ``lang`` with its help lines for ``locale``."""
    return with_help(response(domain, name, lang), locale, lang)
