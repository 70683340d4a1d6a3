"""An act said to be coming while a person waits for a human, and the line for it (split from handoff_answers.py, which
reads it first of every message): a jump, a train or the act now, the act on means told just before, a time or the
place chosen in a short message after a means, a place or a plan (tenth exploratory reading, H3; twelfth, H2, M3), and
the means it is about, so that its line names them ("put the pills away from you now")."""
from __future__ import annotations

import re
from typing import List, Optional, Sequence

from actions.bank import bank, says, words_pattern
from actions.echo import risk_words
from actions.handoff_bank import kind_lines, lowered as low, way_words
from actions.language import translated

SOON_WORDS = 5
"""An ``imminent`` time or place chosen ("stasera", "i know which tree") counts in a message of at most this many words
told just after a means, a place, a plan or risk words (tenth reading, H3)."""
BESIDE_THE_TIME = 2
"""Or in a message with at most this many words besides its times ("at 3 when everyone is asleep")."""
ALONE_BESIDE = 1
"""After a plan or risk words without a means: a time with at most this many other words ("maybe tonight")."""
CLOCK = re.compile(r"\b(?:at|um|à|a las|a la|alle|om|às|as)\s+\d{1,2}(?:[:h.]\d{2})?(?:\s*(?:h|uhr|uur|am|pm))?\b")
"""A time of day for the act ("at 3", "um 3 Uhr", "à 3h", "a las 3", "alle 3", "om 3 uur", "às 3")."""
PLAN = re.compile(r"\b(?:plan|plano|piano per)\b")
"""A plan said ("ja ik heb er een plan voor") before a time (fourteenth reading, H1)."""
METHOD_BEFORE = 2
"""How many of the person's last messages are read for that means, place or plan."""
DENIED_WITHIN = 3
"""Words before an act coming read for a denial ("i'm not going to jump")."""


def imminent(text: str, earlier: Sequence[str] = ()) -> bool:
    """Whether ``text`` tells an act about to happen (tenth exploratory reading, H3): a jump or the act now, a train
    coming ("je vais sauter", "vou pular", "der nächste Zug kommt in fünf Minuten": responses.yml ``handoff.imminent``
    ``words``), not denied just before ("i'm not going to jump"); or, in a short message just after a means, a place or
    a plan was told (one of ``earlier``, the person's messages before, oldest first), a time ("stasera" after "ho
    comprato una corda", "vanavond" after "ik heb pillen gespaard") or the place chosen ("i know which tree")."""
    from actions.screener import denies

    lowered = low(text)
    entry = bank().handoff["imminent"]
    for found in words_pattern([*entry["words"], *entry["doing"]]).finditer(lowered):
        if not denies(" ".join(lowered[:found.start()].split()[-DENIED_WITHIN:])):
            return True
    if acts_on_means(lowered, earlier):
        return True
    soon = words_pattern(entry["soon"])
    beside = CLOCK.sub(" ", soon.sub(" ", lowered)).split()
    if (len(lowered.split()) > SOON_WORDS and len(beside) > BESIDE_THE_TIME) or denies(lowered):
        return False
    when = soon.search(lowered) or CLOCK.search(lowered) or words_pattern(entry["chosen"]).search(lowered)
    recent = [low(said) for said in list(earlier)[-METHOD_BEFORE:]]
    if any(words_pattern(way_words()).search(said) for said in recent):  # a means or a place told (tenth reading, H3)
        return bool(when)
    # a plan (not denied) or risk words of their own: only a time of night or of the clock said nearly alone ("stanotte"
    # after "voglio farla finita", "vanavond" after "ik heb er een plan voor": fourteenth reading, H1), not a day ("today
    # was awful") nor a time in a sentence of its own ("at 3 i have therapy", "i'll call my mum tonight": the review)
    told = any((PLAN.search(said) and not denies(said)) or risk_words(said) for said in recent)
    days = set(entry["soon_days"])
    night = any(found.group(0) not in days for found in soon.finditer(lowered)) or CLOCK.search(lowered)
    return told and bool(night) and len(beside) <= ALONE_BESIDE


def acts_on_means(lowered: str, earlier: Sequence[str] = ()) -> bool:
    """Whether ``lowered`` (a message, lower-cased) tells the act on means named in the last ``METHOD_BEFORE`` of
    ``earlier`` (twelfth reading, H2; means named in the message itself get their own line, "put the pills out of
    reach"): the ``imminent`` ``take_now`` words ("i'm going to take them" after the pills,
    "its in the closet, loaded" after the gun), not denied just before; or means at hand (``means_here``: "the bottle of
    oxy is right here") not named before, just after a time was told ("gonna unalive myself tonight")."""
    from actions.screener import denies

    entry, here = bank().handoff["imminent"], bank().handoff["means_here"]
    recent = [lowered, *(low(said) for said in list(earlier)[-METHOD_BEFORE:])]
    means = words_pattern([*bank().handoff["means"]["words"], *bank().handoff["medicine"]["words"], *here["with"]])
    for found in words_pattern(entry["take_now"]).finditer(lowered):
        if not denies(" ".join(lowered[:found.start()].split()[-DENIED_WITHIN:])) and any(means.search(t) for t in recent[1:]):
            return True
    at_hand = words_pattern(here["words"]).search(lowered) and words_pattern(here["with"]).search(lowered)
    new_means = not any(means.search(t) for t in recent[1:])  # the same pills told again are the means_here line's
    return bool(at_hand) and new_means and not denies(lowered) and any(words_pattern(entry["soon"]).search(t) for t in recent[1:])


def means_of_act(text: str, earlier: Sequence[str] = ()) -> Optional[str]:
    """The means an act told as coming (:func:`imminent`) is about (twelfth reading, M3: "tonight" after "eating my gun",
    and "its in the closet, loaded" after it, got "step back from the edge, the tracks"): the first means or medicine
    word in ``text`` or, newest first, the last ``METHOD_BEFORE`` of ``earlier`` (the person's messages, oldest first), as
    the person wrote it ("gun", "pills"); None for a jump, a train or the place chosen (``imminent`` ``words``,
    ``chosen``: their own line), or a place named there (the edge is the place's)."""
    lowered = low(text)
    recent = [lowered, *(low(said) for said in reversed(list(earlier)[-METHOD_BEFORE:]))]
    entry = bank().handoff["imminent"]
    if words_pattern([*entry["words"], *entry["chosen"]]).search(lowered) \
            or any(words_pattern(bank().handoff["place"]["words"]).search(t) for t in recent):
        return None
    means = words_pattern([*bank().handoff["means"]["words"], *bank().handoff["medicine"]["words"],
                           *bank().handoff["means_here"]["with"]])
    return next((found.group(0) for t in recent for found in [means.search(t)] if found), None)


def means_kind(means: str) -> Optional[str]:
    """Which of the ``imminent`` ``means_kinds`` (pills, gun, rope, knife) the means word ``means`` names, or None."""
    return next((kind for kind, words in bank().handoff["imminent"]["means_kinds"].items() if says(words, means)), None)


def imminent_lines(text: str, lang: str = "en", earlier: Sequence[str] = ()) -> List[str]:
    """The lines for an act coming (``imminent``): on means (:func:`means_of_act`), the ``means_lines`` naming them in
    English, a language's ``imminent_means`` line of their kind (:func:`means_kind`); else the edge, the tracks."""
    means = means_of_act(text, earlier)
    if means is None:
        return kind_lines("imminent", lang)
    if lang == "en":
        return [line.format(means=means) for line in bank().handoff["imminent"]["means_lines"]]
    own = ((translated(lang) or {}).get("handoff") or {}).get("imminent_means") or {}
    return list(own.get(means_kind(means) or "") or []) or kind_lines("imminent", lang)
