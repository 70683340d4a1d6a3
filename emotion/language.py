"""Which of the seven languages emobot reads (en, de, fr, es, it, nl, pt) a message is in.

lingua, restricted to those seven, reads the message with English chat shorthand spelt out
("idk whats wrong w me tbh" is English, not Dutch); a message with fewer than ``MIN_WORDS`` words
tells nothing. The service reads each message's own language with lingua's low-accuracy models
(``sure_language``: the text emotion model outside English); the bots weigh a conversation's
recent messages with all of lingua's models (policies/language.py).
lingua loads on first use or at :func:`warm_up` (about 4 s).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, Optional

LANGUAGES = {"ENGLISH": "en", "GERMAN": "de", "FRENCH": "fr", "SPANISH": "es", "ITALIAN": "it", "DUTCH": "nl",
             "PORTUGUESE": "pt"}
"""lingua's names of the languages emobot reads -> their codes."""
MIN_WORDS = 2
"""Shorter messages ("ok", "no", "hallo") are too short to tell."""
SURE = 0.9
"""lingua's confidence in one message alone that tells its language."""


@lru_cache(maxsize=2)
def _detector(low_accuracy: bool = False):
    """lingua over the seven languages. ``low_accuracy``: its trigram models only (about 14 MiB
    against 280 MiB for all its models; the service's choice, which has a memory target)."""
    from lingua import Language, LanguageDetectorBuilder

    builder = (LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES))
               .with_minimum_relative_distance(0.1))
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).with_preloaded_language_models().build()


def warm_up(low_accuracy: bool = False) -> None:
    """Load the language models now (about 4 s), e.g. when a server starts."""
    _detector(low_accuracy)


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


def has_words(text: str) -> bool:
    """Whether ``text`` has enough words (``MIN_WORDS`` of two letters or more) to tell a language:
    not "ok", "3/4", "ja" or "i think 1/2"."""
    return len(re.findall(r"[^\W\d_]{2,}", text or "")) >= MIN_WORDS


def confidences(text: str, low_accuracy: bool = False) -> Dict[str, float]:
    """Language code -> lingua's confidence (summing to 1) for ``text`` (English chat shorthand
    spelt out); empty when it is too short."""
    return dict(_confidences(text or "", low_accuracy))


@lru_cache(maxsize=256)
def _confidences(text: str, low_accuracy: bool) -> tuple[tuple[str, float], ...]:
    """:func:`confidences`, kept for the last texts: a turn's message is read once, for crisis
    screening (emotion/crisis/multilingual.py) and for its emotion (emotion/encoders/text_multilingual.py)."""
    if not has_words(text):
        return ()
    spelt = _spelt_out(text)
    return tuple((LANGUAGES[v.language.name], v.value)
                 for v in _detector(low_accuracy).compute_language_confidence_values(spelt))


def sure_language(text: str, sure: float = SURE, low_accuracy: bool = False) -> Optional[str]:
    """The code of the language lingua is at least ``sure`` of for ``text`` alone, else None."""
    read = confidences(text, low_accuracy)
    if not read:
        return None
    best = max(read, key=read.get)
    return best if read[best] >= sure else None
