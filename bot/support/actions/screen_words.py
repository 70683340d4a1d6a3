"""Word tests the screen's modules share (screen_own_words.py, screen_answers.py, screen_time.py), over screener.yml's
words and screener.fold."""
from __future__ import annotations

from actions import screener

DENIED_WITHIN = 3
"""Words before a phrase read for a denial ("i don't wish i was dead"), as disclosure.py reads them."""


def denied_before(folded: str, start: int, within: int = DENIED_WITHIN) -> bool:
    """Whether the ``within`` words before ``start`` in ``folded`` deny what follows ("i don't", "nie", "jamais")."""
    return screener.denies(" ".join(folded[:start].split()[-within:]))


def over(text: str) -> bool:
    """Whether ``text`` tells of a past that is over ("i used to, not anymore"; screener.yml ``answers.past``) and not
    of now (``answers.recent``)."""
    folded, answers = screener.fold(text or ""), screener.config()["answers"]
    return bool(screener.words_in(answers["past"]).search(folded)) and not screener.words_in(answers["recent"]).search(folded)
