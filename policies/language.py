"""The language a person writes in, for every bot (the support bot's and the tutor's lines follow it).

``language_of`` reads the person's latest messages with lingua (restricted to the seven languages
the bots have lines for): a message lingua is sure of sets the language; otherwise its reading is
weighed with the previous messages' (a short or mixed line does not switch the conversation's
language); with nothing to tell ("ok", "ja", "hi"), a greeting only one language uses ("ciao",
"bonjour"; each bot passes the greetings its data lists), else the page's locale
(``metadata.locale``), else English. ``telling`` keeps the messages that can tell a language (the
tutor reads only those: its students' answers are mostly numbers). lingua loads only when a message
is first read (or at :func:`warm_up`): the Rasa server, which imports the bots' pure modules, never
loads it.
"""
from __future__ import annotations

import re
from typing import Collection, Dict, List, Mapping, Optional, Sequence

from emotion.language import ENGLISH_CHAT, LANGUAGES, MIN_WORDS, SURE, confidences, has_words, warm_up

__all__ = ["ENGLISH_CHAT", "LANGUAGES", "MIN_WORDS", "SURE", "confidences", "has_words", "warm_up",  # emotion.language's
           "RECENT", "OLDER", "MARGIN", "Greetings", "language_of", "greeting_language", "telling", "FILLERS"]

RECENT = 3
"""How many of the person's latest messages are read, newest first."""
OLDER = 0.6
"""How much less each older message weighs when the newest alone does not tell."""
MARGIN = 0.1
"""The weighed confidence by which the first language must lead the second to tell."""

Greetings = Mapping[str, Collection[str]]
"""Language code -> the greetings people type in it, lower case ("it": {"ciao", "buongiorno"})."""


def language_of(messages: Sequence[str], locale: Optional[str] = None, greetings: Optional[Greetings] = None) -> str:
    """The language of the person's latest ``messages`` (newest first): the newest message's own
    when lingua is at least ``SURE`` of it, else the language with the most confidence over the
    last ``RECENT`` messages, each older one weighing ``OLDER`` times less (a short English line
    such as "then i scroll tiktok till 2", which lingua reads as German, keeps an English
    conversation English; a clear switch of language is followed at once); with no message that
    tells, a greeting only one language of ``greetings`` uses ("ciao"), else the page's ``locale``
    ("de-AT" -> "de") when the bots have lines in it, else "en"."""
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
    greeted = next((found for text in list(messages)[:RECENT] for found in [greeting_language(text, greetings or {})]
                    if found), None)
    if greeted:
        return greeted
    prefix = (locale or "").split("-")[0].lower()
    return prefix if prefix in LANGUAGES.values() else "en"


def greeting_language(text: str, greetings: Greetings) -> Optional[str]:
    """The language whose greeting ``text`` is ("ciao" -> "it", "buenas!" -> "es"), when only one
    language of ``greetings`` greets so ("hallo" is German and Dutch: None)."""
    said = " ".join(re.findall(r"[^\W\d_]+", (text or "").lower()))
    langs = [lang for lang, words in greetings.items() if said in words]
    return langs[0] if len(langs) == 1 else None


FILLERS = frozenset({"ok", "okay", "okk", "okey", "oki", "okie", "kk", "lol", "lmao", "xd", "haha", "hahaha", "hehe",
                     "hihi", "hm", "hmm", "hmmm", "oh", "ohh", "ah", "ahh", "uh", "um", "umm", "eh", "mhm"})
"""Words of every language's chat that tell none: lingua read "ok go" as Dutch (0.38 against English
0.24) and "oh ok" as German."""


def telling(messages: Sequence[str], greetings: Optional[Greetings] = None) -> List[str]:
    """The ``messages`` that can tell a language: ``MIN_WORDS`` words besides ``FILLERS`` ("ok los
    gehts", not "ok go") or a greeting of one language ("hola"). Left out, a lone number, "ok" or
    "ja" keeps the language of the messages before it (a student's answers are mostly numbers: three
    in a row would otherwise leave only the page's locale to tell)."""
    def says_enough(text: str) -> bool:
        words = [w for w in re.findall(r"[^\W\d_]{2,}", (text or "").lower()) if w not in FILLERS]
        return len(words) >= MIN_WORDS

    return [text for text in messages if says_enough(text) or greeting_language(text, greetings or {})]
