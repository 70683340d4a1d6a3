"""The language the tutor writes to a student in: the one they write in.

policies/language.py reads it, as it does for the support bot: lingua over the student's latest
messages, a greeting only one language uses ("hola", "ciao": i18n/<lang>.yml ``greetings``), else
the page's locale (``metadata.locale``: it decides before the student has written words), else
English. Only messages with words are read (``policies.language.telling``): a lone number, "ok",
"ja" or "ok go" keeps the language of the messages before it (most of a student's turns are answers). A message the system sent
("/handoff_waiting", "EXTERNAL: handoff_waiting" from the dashboard) is no words of the student's.
Portuguese on a pt-PT page is "pt-PT" (policies/variants.py, as the support bot reads it: reading 10, "você"
and Brazilian words to a student in Portugal): its lines are i18n/variants/pt-PT.yml laid over pt.yml.

The language models load when the action server imports this module (~4 s), not on a student's
first message.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Set

from policies.language import LANGUAGES, language_of, telling, warm_up
from policies.variants import variant_of

from .help_lines import locale_of
from .lines import translation


@lru_cache(maxsize=1)
def greetings() -> Dict[str, Set[str]]:
    """Language code -> the greetings students type in it (i18n/<lang>.yml ``greetings``, lower case)."""
    return {lang: {str(w).lower() for w in translation(lang).get("greetings") or []}
            for lang in LANGUAGES.values() if lang != "en"}


def from_the_system(text: str) -> bool:
    """A message the system sent for the student (a dashboard's triggered intent), not theirs."""
    return not text or text.lstrip().startswith(("/", "EXTERNAL: "))


def student_messages(tracker: Any) -> List[str]:
    """The student's messages, newest first (the latest one included once), the system's left out."""
    said = [e.get("text") or "" for e in reversed(tracker.events) if e.get("event") == "user"]
    latest = tracker.latest_message.get("text") or ""
    if latest and (not said or said[0] != latest):
        said.insert(0, latest)
    return [text for text in said if not from_the_system(text)]


def language(tracker: Any) -> str:
    """The student's language ("en", "de", "fr", "es", "it", "nl", "pt", or "pt-PT" on a pt-PT page; see the module
    doc)."""
    locale = locale_of(tracker)
    return variant_of(language_of(telling(student_messages(tracker), greetings()), locale, greetings()), locale)


warm_up()
