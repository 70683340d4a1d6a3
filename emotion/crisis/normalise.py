"""Canonical text for risk patterns: what people type in chat, reduced to one spelling.

``normalise(text)``:

0. what the reader sees (``visible``): invisible characters dropped (zero-width spaces and joiners,
   soft hyphens, byte-order marks), text after a right-to-left override put in the order it is
   displayed in, Cyrillic and Greek letters that look like Latin ones read as those in a word that
   mixes them with Latin letters ("kіll" with a Cyrillic і; seventh exploratory reading, L6);
1. emoji that carry risk meaning become words (🪦 -> " grave ", 💊 -> " pills ", ...);
2. NFKD, accents dropped, lower case ("Müde" -> "mude", "ÉTÉ" -> "ete");
3. apostrophes dropped ("don't", "dont" and "don’t" all become "dont"), except after an elided
   French or Italian word, where they part two words ("j'ai envie d'en finir" -> "j ai envie d en
   finir", "c'è" -> "c e");
4. leetspeak inside words that also hold letters ("k1ll", "su1c1d3", "$elf" -> "kill", "suicide", "self"),
   but not numbers with a unit ("80s", "10mg", "3am");
5. letters spelt out one by one joined ("k i l l", "k.i.l.l", "k-i-l-l", "k 1 l l" -> "kill") and
   cut back into words where the words of ``spelt_words.txt`` cover them ("i w a n t t o d i e" ->
   "i want to die"; two spaces may part the words);
6. runs of 3+ of the same letter cut to one ("sooo" -> "so", "diiie" -> "die");
   a risk word with letters starred out is read whole ("s*icide", "k**l myself" -> "suicide", "kill");
7. anything but letters, digits and sentence punctuation becomes a space; spaces collapse. Letters of other scripts
   (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, kana, CJK, Hangul) stay, as words set apart by spaces.

Standard library only (the Rasa runtime imports it).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

EMOJI_WORDS = {
    "🪦": "grave", "⚰": "coffin", "⚱": "urn", "💊": "pills", "🪢": "noose", "🔫": "gun", "🔪": "knife",
    "🗡": "knife", "🩸": "blood", "🌉": "bridge", "🚆": "train", "🚂": "train", "🚄": "train", "🧗": "",
    "🪓": "knife", "☠": "death", "🥀": "", "💀": "skull", "😂": " lol ", "🤣": " lol ", "😭": " crying ",
}
_EMOJI = re.compile("|".join(re.escape(e) for e in EMOJI_WORDS))
_APOSTROPHES = re.compile(r"[’'`´ʼ‘]")
_ELISION = re.compile(r"\b(c|d|j|l|m|n|s|t|qu|jusqu|lorsqu|puisqu|quelqu|dell|all|nell|sull|dall|quell|un)[’'`´ʼ‘](?=[a-z])")
_LEET = str.maketrans({"1": "i", "3": "e", "0": "o", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "+": "t"})
_LEET_WORD = re.compile(r"\S*[a-z]\S*")
_LEET_CHARS = re.compile(r"[a-z][013457@$!+]|[013457@$+][a-z]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?(?:s|st|nd|rd|th|am|pm|h|hrs?|mins?|k|x|yo|yrs?|mg|g|kg|ml|m|km|lbs?)?[.,;:!?]*")
"""A number with a unit or suffix ("80s", "10mg", "3am", "2nd") is no leetspeak."""
_SPELT = re.compile(r"(?<![^\W_])(?:[a-z013457@$][ .\-_*]{1,2}){2,}[a-z013457@$](?![^\W_])")
_SPELT_LETTERS = 3  # a spelt run holds at least this many letters ("a 1 b" is not a word)
SPELT_WORDS = Path(__file__).with_name("spelt_words.txt")
_RUNS = re.compile(r"([a-z])\1{2,}")
_STARRED = re.compile(r"(?<![a-z*])[a-z]*\*+[a-z]*(?![a-z*])")
STARRED_WORDS = ("suicide", "suicidal", "suicider", "suicidarme", "suicidio", "kill", "killing", "myself",
                 "die", "dying", "dead", "death", "unalive", "overdose", "hang", "cut", "cutting", "selbstmord",
                 "umbringen", "uccidermi", "matarme", "zelfmoord")
"""Risk words people star letters out of to get past filters."""
_SCRIPTS = ("\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff"
            "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f")  # Hangul: NFKD gives its jamo
"""Letters of scripts other than Latin that people in crisis write in (Greek, Cyrillic, Hebrew, Arabic, Devanagari,
Thai, kana, CJK, Hangul): kept as words of their own (thirteenth exploratory reading, H1: "я хочу покончить с собой",
"もう死にたい" had become nothing)."""
_OTHER_SCRIPT = re.compile(f"[{_SCRIPTS}]+")
_OTHER = re.compile(f"[^a-z0-9.,;:!?\n {_SCRIPTS}]+")
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202d\u2060-\u2064\u206a-\u206f\ufeff]")
_OVERRIDDEN = re.compile("\u202e([^\u202c\n]*)\u202c?")
_WORD = re.compile(r"[^\W\d_]+")
_HOMOGLYPHS = str.maketrans("аеіорсухѕјԁԛԝАВЕНІЈКМОРСТХУѕαβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
                            "aeiopcyxsjdqwABEHIJKMOPCTXYsabeiknoptuxABEZHIKMNOPTYX")
_SPACES = re.compile(r"[ \t]+")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _apart(text: str) -> str:
    """A run of another script's letters set apart by spaces: "kill myselfне" keeps "myself" a word of its own."""
    return _OTHER_SCRIPT.sub(lambda m: f" {m.group(0)} ", text) if _OTHER_SCRIPT.search(text) else text


def _drop_apostrophes(text: str) -> str:
    """Step 3: "don't" -> "dont", but "d'en" -> "d en" (an elided word stays a word)."""
    return _APOSTROPHES.sub("", _ELISION.sub(r"\1 ", text))


def _unleet(match: re.Match[str]) -> str:
    word = match.group(0)
    if not _LEET_CHARS.search(word) or _NUMBER.fullmatch(word):
        return word
    core = word.rstrip(".,;:!?")  # keep sentence punctuation at the end of the word
    return core.translate(_LEET) + word[len(core):]


def _unstar(match: re.Match[str]) -> str:
    word = match.group(0)
    if sum(c.isalpha() for c in word) < 2:
        return word
    pattern = re.compile("[a-z]{1,3}".join(re.escape(part) for part in re.split(r"\*+", word)))
    return next((w for w in STARRED_WORDS if pattern.fullmatch(w)), word)


def _join_spelt(match: re.Match[str]) -> str:
    run = match.group(0)
    if sum(c.isalpha() for c in run) < _SPELT_LETTERS:
        return run
    joined = re.sub(r"[ .\-_*]", "", run).translate(_LEET)
    return " ".join(_segment(joined) or [joined])


@lru_cache(maxsize=1)
def _spelt_words() -> frozenset[str]:
    lines = (line.split("#", 1)[0] for line in SPELT_WORDS.read_text(encoding="utf-8").splitlines())
    return frozenset(word for line in lines for word in line.split())


def _segment(letters: str) -> list[str] | None:
    """``letters`` cut into the fewest words of ``spelt_words.txt``; None when they do not cover it."""
    words, longest = _spelt_words(), 12
    fewest: list[int | None] = [0] + [None] * len(letters)  # fewest[k]: the fewest words for letters[:k]
    cut = [0] * (len(letters) + 1)  # cut[k]: where the last of those words begins
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - longest), end):
            head = fewest[start]
            if head is not None and letters[start:end] in words and (fewest[end] is None or head + 1 < fewest[end]):
                fewest[end], cut[end] = head + 1, start
    if fewest[-1] is None:
        return None
    found, end = [], len(letters)
    while end > 0:  # back along the cuts: linear (copying each prefix's list was quadratic in a long run)
        found.append(letters[cut[end]:end])
        end = cut[end]
    return found[::-1]


_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def logical(text: str) -> str:
    """``text`` in the order it was typed, its direction controls dropped ("kill my\u202eself\u202c" -> "kill
    myself"): read beside ``visible`` (twelfth exploratory reading, H4: a right-to-left override inside a risk word
    turned "myself" into "myfles" as displayed, and nothing was read)."""
    return _BIDI_CONTROLS.sub("", text) if text else ""


def visible(text: str) -> str:
    """Step 0: ``text`` as a reader sees it (invisible characters dropped, a right-to-left
    override's text in displayed order, look-alike Cyrillic and Greek letters read as Latin)."""
    if not text:
        return ""
    text = _OVERRIDDEN.sub(lambda m: m.group(1)[::-1], _INVISIBLE.sub("", text))
    return _WORD.sub(_latin_if_mixed, text)


def _latin_if_mixed(match: re.Match[str]) -> str:
    """A word that mixes Latin letters with look-alikes of them, read in Latin ("kіll"); a word
    all in Cyrillic or Greek is that language's and stays."""
    word = match.group(0)
    latin = word.translate(_HOMOGLYPHS)
    return latin if latin != word and any("a" <= c.lower() <= "z" for c in word) else word


def normalise(text: str) -> str:
    """The canonical form of ``text`` (see the module docstring); "" for None or blank."""
    if not text:
        return ""
    text = _EMOJI.sub(lambda m: f" {EMOJI_WORDS[m.group(0)]} ", visible(text).replace("\ufe0f", ""))
    text = _apart(_strip_accents(text).lower())
    text = _drop_apostrophes(text)
    text = _LEET_WORD.sub(_unleet, text)
    text = _SPELT.sub(_join_spelt, text)
    text = _RUNS.sub(r"\1", text)
    text = _STARRED.sub(_unstar, text)
    text = _OTHER.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


_CONTROL = re.compile(r"[ \t]*[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+[ \t]*")


def joined_across_controls(text: str) -> str:
    """``text`` with each control character (a NUL, a backspace, a DEL...) dropped together with the
    spaces beside it: "k\\b ill mys\\x7f elf" -> "kill myself" (ninth exploratory reading, M14: a reader
    sees the words whole). ``text`` itself when it holds none. A control character may also stand
    between two words ("kill\\x00myself"), which ``normalise`` reads as a space: read both."""
    return _CONTROL.sub("", text) if _CONTROL.search(text or "") else text


def was_obfuscated(raw: str, canonical: str) -> bool:
    """True when leetspeak, spelt-out letters or risk emoji had to be undone to read ``raw``."""
    plain = _SPACES.sub(" ", _OTHER.sub(" ", _drop_apostrophes(_apart(_strip_accents(raw or "").lower())))).strip()
    return bool(_EMOJI.search(raw or "")) or _RUNS.sub(r"\1", plain) != canonical
