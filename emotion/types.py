"""Value types and text normalisation shared by every layer: the bottom of the import graph
(it imports nothing of the project), so any module may import it."""
from __future__ import annotations

import re
import unicodedata


class ModalityInputError(ValueError):
    """The input of one modality cannot be analysed (corrupt, empty, silent, no face...).

    ``code`` is a stable machine-readable reason (e.g. ``corrupt_audio``, ``not_an_image``);
    the message is for people.
    """

    def __init__(self, modality: str, code: str, message: str):
        super().__init__(message)
        self.modality = modality
        self.code = code


_ASCII_PUNCT = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": " - ", "\u2026": "...", "\u00a0": " ",
})
# Signs of UTF-8 text that was decoded as cp1252/latin-1 (e.g. "donâ€™t", "CafÃ©").
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u20ac\u201a-\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")


def normalise_text(text: str) -> str:
    """Repair mojibake, map typographic quotes/dashes to ASCII and collapse whitespace."""
    if _MOJIBAKE.search(text):
        for codec in ("cp1252", "latin-1"):
            try:
                text = text.encode(codec).decode("utf-8")
                break
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
    # Stray C1 control characters are cp1252 punctuation decoded as latin-1 (\x92 is ’).
    text = "".join(bytes([ord(c)]).decode("cp1252", "replace") if 0x80 <= ord(c) <= 0x9F else c for c in text)
    text = unicodedata.normalize("NFC", text).translate(_ASCII_PUNCT)
    return " ".join(text.split())


def _folded_words(text: str) -> str:
    """`` word word ``: lower case, punctuation dropped, a space at each end (so ``in`` finds whole words)."""
    return " " + " ".join(re.findall(r"\w+", (text or "").lower())) + " "


def message_text(typed: str, spoken: str) -> str:
    """The words of a turn that carries typed text and a voice clip: both, typed first, a line apart
    ("ok" typed, "I'm going to kill myself tonight" said: both are the person's words and both are
    screened; seventh exploratory reading, H5). The typed text alone when nothing was heard or the
    clip says what was typed (a client that sends its own transcript); the spoken words alone when
    nothing was typed.

    >>> message_text("ok", "I can't do this anymore."), message_text("", "hi"), message_text("Hi there", "hi there")
    ("ok\\nI can't do this anymore.", 'hi', 'Hi there')
    """
    typed, spoken = (typed or "").strip(), (spoken or "").strip()
    if not spoken or _folded_words(spoken) in _folded_words(typed):
        return typed
    if not typed or _folded_words(typed) in _folded_words(spoken):
        return spoken
    return f"{typed}\n{spoken}"
