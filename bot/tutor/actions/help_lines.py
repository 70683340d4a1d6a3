"""Where a student can get help right now, for the country the page's locale names.

The tutor's safety lines say "{help}" where the numbers go; :func:`with_help` fills it with the
locale's lines for children and young people and its first two crisis lines, and the emergency number
(policies/crisis_lines.py, the same table the support bot uses). Sixth exploratory reading, H7:
Mexican, Austrian and German children were given only 988 (US) and Samaritans (UK).
The sentences around the numbers are English: the tutor teaches in English (its replies in other
languages are not written yet).
"""
from __future__ import annotations

from typing import Any, Mapping, Optional

from policies.crisis_lines import lines_for


def locale_of(tracker: Any) -> Optional[str]:
    """The page's locale of the student's latest message that has one (``metadata.locale``), or None."""
    messages = [tracker.latest_message, *(e for e in reversed(tracker.events) if e.get("event") == "user")]
    for message in messages:
        locale = (message.get("metadata") or {}).get("locale")
        if locale:
            return str(locale)
    return None


def help_text(locale: Optional[str]) -> str:
    """"call or text Rat auf Draht, ...: [147](tel:147); TelefonSeelsorge: [142](tel:142); if you are
    in danger, call 112" for de-AT: the children's lines, then the first two crisis lines."""
    lines = lines_for(locale)
    links = lines.links(lines.child) + lines.links()[:2]
    return f"call or text {'; '.join(links)}; if you are in danger, call {lines.emergency}"


def with_help(text: str, locale: Optional[str]) -> str:
    """``text`` with its "{help}" filled for ``locale`` (unchanged when it has none)."""
    return text.replace("{help}", help_text(locale)) if "{help}" in text else text


def response_text(domain: Mapping[str, Any], name: str, locale: Optional[str]) -> str:
    """The domain response ``name`` with its help lines for ``locale``."""
    return with_help(domain["responses"][name][0]["text"], locale)
