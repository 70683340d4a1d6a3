"""Messages the support bot asks about directly (the C-SSRS screen, with a lead-in) instead of
listening, although their own crisis reading is low.

- **After a loss by suicide** (sixth exploratory reading, H1: "my brother killed himself in march",
  then "sometimes i think i'll do the same as him" was answered "That sounds like a good step").
  Neither message alone reads as risk to the crisis detector (a loss is grief; "do the same" says
  nothing without what came before), so the bot reads the two together: a message that says the
  person may follow (``follows``) within their last ``WINDOW`` messages after one that names a
  suicide (``loss``), with no word that it will never happen. Patterns: responses.yml
  ``suicide_loss``, seven languages.
- **A death wish said with a laugh** (H3/H4: "i want to die lol" got "Feeling low like this is
  hard", and with a smiling face "I'm really glad to hear that"): the detector rightly does not
  flag a joke, but a short message whose only guard is a laugh over warning-sign words
  (``derived.crisis``: guard "joke", lexicon score at least ``JOKED_AT``) is checked, not taken as
  a joke: "even if it was a joke, I'd rather ask".
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping, Optional, Sequence, Tuple

from actions.bank import RESPONSES_FILE
from actions.listening import NEVER_AGAIN

WINDOW = 10
"""How many of the person's earlier messages are read for the loss."""
JOKED_AT = 0.28
"""The lexicon's score of a warning sign of strength 0.8 or more after the joke guard (x 0.35)."""
JOKED_WORDS = 10
"""A joke guard over warning signs in a message of at most this many words is asked about (a
longer one says what the joke is about: "this meeting is so long i want to die lol")."""


@lru_cache(maxsize=1)
def _patterns() -> Tuple[re.Pattern, re.Pattern]:
    import yaml

    raw = yaml.safe_load(RESPONSES_FILE.read_text(encoding="utf-8"))["suicide_loss"]
    return tuple(re.compile("|".join(f"(?:{p})" for p in raw[key]), re.IGNORECASE) for key in ("loss", "follows"))


def follows_a_suicide(text: str, earlier: Sequence[str]) -> bool:
    """Whether ``text`` says the person may follow someone whose suicide one of ``earlier`` (their
    messages before it, oldest first) names: "i'll do the same as him" after "my brother killed
    himself"; not "i'll never do the same", and not without the loss."""
    loss, follows = _patterns()
    lowered = (text or "").lower().replace("’", "'")
    if not follows.search(lowered) or NEVER_AGAIN.search(lowered):
        return False
    return any(loss.search((said or "").lower().replace("’", "'")) for said in [*earlier[-WINDOW:], lowered])


def joked_warning_sign(text: str, crisis: Mapping[str, Any]) -> bool:
    """Whether ``text`` is a short message whose warning-sign words only a laugh guards ("i want to
    die lol"), as the turn's crisis reading (``derived.crisis``) tells."""
    guards = set(crisis.get("guards") or [])
    lexicon = float((crisis.get("scores") or {}).get("lexicon") or 0.0)
    return guards == {"joke"} and lexicon >= JOKED_AT and len((text or "").split()) <= JOKED_WORDS


def grieving(text: str, earlier: Sequence[str], lang: str = "en") -> bool:
    """Whether the person named a loss in ``text`` or their last three messages ("everyone says it
    gets better" after "my mum died in june"): the screen then opens by acknowledging it (sixth
    reading, M7: the C-SSRS asked mid-grief without a word about the loss); not when the person may
    follow someone lost to suicide (that lead-in, ``suicide_loss``, speaks of the loss already)."""
    from actions.listening import topic_of

    if follows_a_suicide(text, earlier):
        return False
    return any(topic_of(said, lang) == "grief" for said in [*earlier[-3:], text])


def lead_in(text: str, earlier: Sequence[str], crisis: Mapping[str, Any]) -> Optional[str]:
    """The ``answers`` key of the lead-in before the screen when ``text`` is to be asked about
    directly ("suicide_loss", "joked_warning_sign"), else None."""
    if follows_a_suicide(text, earlier):
        return "suicide_loss"
    if joked_warning_sign(text, crisis):
        return "joked_warning_sign"
    return None
