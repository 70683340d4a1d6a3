"""Canonical text for risk patterns: what people type in chat, reduced to one spelling.

``normalise(text)``:

1. emoji that carry risk meaning become words (🪦 -> " grave ", 💊 -> " pills ", ...);
2. NFKD, accents dropped, lower case ("Müde" -> "mude", "ÉTÉ" -> "ete");
3. apostrophes dropped ("don't", "dont" and "don’t" all become "dont"), except after an elided
   French or Italian word, where they part two words ("j'ai envie d'en finir" -> "j ai envie d en
   finir", "c'è" -> "c e");
4. leetspeak inside words that also hold letters ("k1ll", "su1c1d3", "$elf" -> "kill", "suicide", "self");
5. letters spelt out one by one joined ("k i l l", "k.i.l.l", "k-i-l-l" -> "kill");
6. runs of 3+ of the same letter cut to one ("sooo" -> "so", "diiie" -> "die");
7. anything but letters, digits and sentence punctuation becomes a space; spaces collapse.

Standard library only (the Rasa runtime imports it).
"""
from __future__ import annotations

import re
import unicodedata

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
_SPELT = re.compile(r"\b(?:[a-z][ .\-_*]){2,}[a-z]\b")
_RUNS = re.compile(r"([a-z])\1{2,}")
_OTHER = re.compile(r"[^a-z0-9.,;:!?\n ]+")
_SPACES = re.compile(r"[ \t]+")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _drop_apostrophes(text: str) -> str:
    """Step 3: "don't" -> "dont", but "d'en" -> "d en" (an elided word stays a word)."""
    return _APOSTROPHES.sub("", _ELISION.sub(r"\1 ", text))


def _unleet(match: re.Match[str]) -> str:
    word = match.group(0)
    if not _LEET_CHARS.search(word) or word[0].isdigit() and word.rstrip(".,!?").isdigit():
        return word
    core = word.rstrip(".,;:!?")  # keep sentence punctuation at the end of the word
    return core.translate(_LEET) + word[len(core):]


def _join_spelt(match: re.Match[str]) -> str:
    return re.sub(r"[ .\-_*]", "", match.group(0))


def normalise(text: str) -> str:
    """The canonical form of ``text`` (see the module docstring); "" for None or blank."""
    if not text:
        return ""
    text = _EMOJI.sub(lambda m: f" {EMOJI_WORDS[m.group(0)]} ", text.replace("\ufe0f", ""))
    text = _strip_accents(text).lower()
    text = _drop_apostrophes(text)
    text = _LEET_WORD.sub(_unleet, text)
    text = _SPELT.sub(_join_spelt, text)
    text = _RUNS.sub(r"\1", text)
    text = _OTHER.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def was_obfuscated(raw: str, canonical: str) -> bool:
    """True when leetspeak, spelt-out letters or risk emoji had to be undone to read ``raw``."""
    plain = _SPACES.sub(" ", _OTHER.sub(" ", _drop_apostrophes(_strip_accents(raw or "").lower()))).strip()
    return bool(_EMOJI.search(raw or "")) or _RUNS.sub(r"\1", plain) != canonical
