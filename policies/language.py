"""The language a person writes in, for every bot (the support bot's and the tutor's lines follow it).

``language_of`` reads the person's latest messages with lingua (restricted to the seven languages
the bots have lines for), from the page's locale on: a message lingua is sure of sets the language;
a short or mixed line switches it only with clear evidence (see its docstring); with nothing to
tell ("ok", "ja", "hi"), a greeting only one language uses ("ciao",
"bonjour"; each bot passes the greetings its data lists), else the page's locale
(``metadata.locale``), else English. ``telling`` keeps the messages that can tell a language (the
tutor reads only those: its students' answers are mostly numbers). ``other_language`` tells a message in a language
outside the seven (Polish, Turkish, Russian, Japanese...), which tells the bots' language nothing: read as one of the
seven, "chcę się zabić" had French answers on an en-GB page (thirteenth reading, H2). lingua loads only when a message
is first read (or at :func:`warm_up`): the Rasa server, which imports the bots' pure modules, never
loads it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Collection, List, Mapping, Optional, Sequence

from emotion.language import ENGLISH_CHAT, LANGUAGES, MIN_WORDS, SURE, confidences, has_words
from emotion.language import warm_up as _warm_up_seven
from policies.locales import parse_locale

__all__ = ["ENGLISH_CHAT", "LANGUAGES", "MIN_WORDS", "SURE", "confidences", "has_words", "warm_up",  # emotion.language's
           "MARGIN", "SWITCH", "READ", "QUOTED", "Greetings", "language_of", "greeting_language", "telling", "FILLERS",
           "OTHER_LATIN", "OTHER_SURE", "OTHER_LEAD", "other_language"]

MARGIN = 0.1
"""The confidence by which a message's first language must lead the language so far to switch it, with the page's
locale or the message before agreeing."""

Greetings = Mapping[str, Collection[str]]
"""Language code -> the greetings people type in it, lower case ("it": {"ciao", "buongiorno"})."""


SWITCH = 0.3
"""The lead over the page's language (or English) by which one message lingua is not sure of switches the language
before any message has told one: "to mal mano" (Italian 0.33, Portuguese 0.17) on a pt-BR page stays Portuguese."""
READ = 12
"""How many of the person's latest messages are read for the conversation's language."""
QUOTED = re.compile(r"[\"“„«][^\"“”„«»]{2,}[\"”“»]|(?<!\w)['‘][^'‘’\n]{2,}['’](?!\w)")
"""Words in quotes (a lyric, what someone said): not the person's own language."""


def language_of(messages: Sequence[str], locale: Optional[str] = None, greetings: Optional[Greetings] = None) -> str:
    """The language of the person's latest ``messages`` (newest first): the language they have been writing in, which
    a short or ambiguous message does not switch (ninth exploratory reading, H7: "no i'm fine" in an English
    conversation on an en-GB page was answered in Italian, "to mal mano" on a pt-BR page in Italian, "ok." in Dutch
    after "are you chatgpt?", a quoted lyric with "auf wiedersehen" in German).

    Read from the oldest of the last ``READ`` messages on, starting from the page's ``locale`` ("de-AT" -> "de" when
    the bots have lines in it, else English): a message lingua is ``SURE`` of sets its language; one it is not sure
    of switches only with clear evidence: while no message has told the language yet, a lead of ``SWITCH`` over the
    language so far; after that, a lead of ``MARGIN`` when the page's locale or the message before agrees (back to
    the page's language after an English line; two messages in a row in the same other language). Words in quotes
    tell nothing; nor do "ok" or a number. A greeting only one language of ``greetings`` uses ("ciao", "bonjour")
    tells before any message has."""
    lang = page = _code(locale)
    told, pending = False, None
    for text in reversed(list(messages)[:READ]):
        own = QUOTED.sub(" ", text or "")
        read = confidences(own) if own.strip() and not other_language(own) else {}
        if not read:
            greeted = None if told else greeting_language(own, greetings or {})
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


OTHER_LATIN = ("POLISH", "TURKISH", "ROMANIAN", "CZECH", "SLOVAK", "HUNGARIAN", "CROATIAN", "SWEDISH", "DANISH", "BOKMAL",
               "FINNISH", "VIETNAMESE")
"""lingua's names of the languages in Latin letters, besides the seven, that a message with a letter none of the seven
writes ("ę", "ı", "ș", "å") is weighed against. Other scripts (Cyrillic, Japanese, Arabic...) are another language
by their letters alone."""
OTHER_SURE = 0.4
"""lingua's confidence in a language of ``OTHER_LATIN`` that makes a message another language ("vreau să mor":
Romanian 0.49)."""
OTHER_LEAD = 0.2
"""... and its lead over the likeliest of the seven (a German line naming "Søren" stays German)."""
SEVEN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzàâäæçéèêëîïôœùûüÿßáíñóúìòãõ")
"""The letters the seven languages write (lower case)."""


def other_language(text: str) -> bool:
    """Whether ``text`` is in a language outside the seven the bots have lines for: most of its letters are of another
    script than Latin ("もう死にたい", "я хочу покончить с собой"), or it has a letter none of the seven writes and
    lingua over the seven and ``OTHER_LATIN`` reads one of those (``OTHER_SURE``, leading the seven by ``OTHER_LEAD``:
    "chcę się zabić", "kendimi öldürmek istiyorum"). Too short to tell (``has_words``): False; so is a line of the seven
    with a word of English in it ("I mean it")."""
    letters = [c for c in (text or "").lower() if c.isalpha()]
    if not has_words(text) and not _other_script(letters):
        return False
    if _other_script(letters):
        return True
    if not set(letters) - SEVEN_LETTERS:
        return False
    read = {v.language.name: v.value for v in _wide_detector().compute_language_confidence_values(text)}
    other = max(OTHER_LATIN, key=lambda name: read.get(name, 0.0))
    seven = max(read.get(name, 0.0) for name in LANGUAGES)
    return read.get(other, 0.0) >= OTHER_SURE and read.get(other, 0.0) - seven >= OTHER_LEAD


def _other_script(letters: Sequence[str]) -> bool:
    """Whether most of ``letters`` are of a script other than Latin."""
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return bool(letters) and latin * 2 < len(letters)


def warm_up() -> None:
    """Load the bots' language models now, when an action server starts (a few seconds), not on a person's first
    message: lingua over the seven, and the wide detector that tells a message in another language."""
    _warm_up_seven()
    _wide_detector()


@lru_cache(maxsize=1)
def _wide_detector():
    """lingua over the seven and ``OTHER_LATIN`` in its low-accuracy mode (trigram models only: tens of MiB and a
    fraction of a second to load, where the full models took about 660 MiB and 12 s), loaded by :func:`warm_up`."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in (*LANGUAGES, *OTHER_LATIN))) \
        .with_minimum_relative_distance(0.1).with_low_accuracy_mode().build()


def _code(locale: Optional[str]) -> str:
    """The language of the page's ``locale`` ("de-AT" -> "de") when the bots have lines in it, else "en"."""
    prefix = parse_locale(locale).language
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
