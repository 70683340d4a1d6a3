"""A step towards an attempt named in the person's own words while they wait for a human, and consent to the analysis
withdrawn during a handoff (thirteenth exploratory reading, M8, L9: "got about 60 now", "idk, maybe this weekend",
"já escrevi a carta" got "I'm still here"; "please don't read what I write" got no word about it). What
handoff_answers.py adds to its answers, and the alert the team's thread gets for them (crisis.py).

The words are handoff_steps.yml's; each kind's lines the ``answers`` key ``handoff_<kind>`` of responses.yml and
i18n/<lang>.yml:

- ``letter``: a goodbye letter written, not one someone found or read ("You've written the letter: that tells me how
  close this feels. Are you safe right now?"; "my mum will find it", "im ready now" leave it written);
- ``when``: a time, said alone or nearly, after a way (means, medicine, a place, a plan, a way of dying) or a letter
  was told in the person's last ``METHOD_BEFORE`` messages, not right after a denial ("not tomorrow"); a time of today
  after a way is the act coming (handoff_imminent.py), answered before;
- ``counted``: how much of the means they have saved ("got about 60 now" after the sleeping pills);
- ``consent``: the analysis refused: while the person is in danger, the person from the team can still read the chat.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from actions.bank import answers, bank, words_pattern
from actions.handoff_bank import lowered, way_words
from actions.handoff_imminent import METHOD_BEFORE
from actions.question_form import is_question

STEPS_FILE = Path(__file__).with_name("handoff_steps.yml")
ACT_STEPS = ("counted", "letter", "when")
"""The steps towards an attempt: the person's own (handoff_presence.WRITERS_KINDS), answered for safety."""
CONSENT = "consent"
ANSWERED_BY = {"when": {"imminent", "plan", "person", "reasons", "hospital", "off_errand"},
               "counted": {"taken", "sick_taken", "attempt", "medicine", "means"}}
"""A step left out when the message holds one of these: "tonight" after the pills is the act coming, "i'll call my mum
tomorrow" a person to reach; "i have 60 pills" gets the medicine line."""
TIME_DENIED_WITHIN = 1
"""Words before a time read for a denial ("not tomorrow"; "je sais pas, peut-être demain" denies nothing of the time)."""
LETTER_DENIED_WITHIN = 3
"""Words before a letter read for a denial ("i haven't written the letter")."""
NOTICE_ONCE = ("medicine", "means", "means_here", "method", "plan")
"""Handoff answers whose alert goes to the team only when the message names them for the first time in the handoff."""


@lru_cache(maxsize=1)
def steps() -> Dict[str, Any]:
    """handoff_steps.yml: per kind its words (``words``, ``unless``, and the limits of ``when`` and ``counted``), and the
    team's ``notices``."""
    return yaml.safe_load(STEPS_FILE.read_text(encoding="utf-8"))


def _denied(said: str, start: int, within: int) -> bool:
    """Whether the ``within`` words of ``said`` before ``start`` deny what follows ("not tomorrow"); never for 0."""
    from actions.screener import denies

    return within > 0 and denies(" ".join(said[:start].split()[-within:]))


@lru_cache(maxsize=8)
def _whole_words(words: Tuple[str, ...]) -> re.Pattern:
    """``words`` matched as whole words only ("read" is not "ready", "trouvé" not "trouvera")."""
    alternatives = sorted((re.escape(word.lower()) for word in words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _said_of_someone_else(entry: Dict[str, Any], said: str, found: "re.Match[str]") -> bool:
    """Whether one of ``entry``'s ``unless`` words (a past form: "found", "gefunden", "leu") stands within its
    ``unless_within`` words of ``found`` and after no word of the future in the ``future_within`` words before it: the
    letter found or read by someone else, not "my mum will find it", "nobody will ever read it"."""
    if not entry.get("unless"):
        return False
    within, future = entry["unless_within"], _whole_words(tuple(entry["future"]))
    before, after = said[:found.start()].split()[-within:], said[found.end():].split()[:within]
    near = " ".join([*before, found.group(0), *after])
    return any(not future.search(" ".join(near[:other.start()].split()[-entry["future_within"]:]))
               for other in _whole_words(tuple(entry["unless"])).finditer(near))


def _found(kind: str, said: str, denied_within: int = 0) -> bool:
    """Whether ``said`` (lower-cased) holds one of ``kind``'s words with none of its ``unless`` words near it
    (:func:`_said_of_someone_else`; a kind without ``unless_within``: anywhere in ``said``), and no denial in the
    ``denied_within`` words before it."""
    entry = steps()[kind]
    if entry.get("unless") and "unless_within" not in entry and words_pattern(entry["unless"]).search(said):
        return False
    return any(not _denied(said, found.start(), denied_within)
               and not ("unless_within" in entry and _said_of_someone_else(entry, said, found))
               for found in words_pattern(entry["words"]).finditer(said))


def _soon(said: str, denied_within: int = 0) -> bool:
    """Whether ``said`` names a time of today (handoff.imminent ``soon``: "tonight"), not right after a denial."""
    return any(not _denied(said, found.start(), denied_within)
               for found in words_pattern(bank().handoff["imminent"]["soon"]).finditer(said))


def letter_written(text: str) -> bool:
    """Whether ``text`` says a goodbye letter or note is written ("já escrevi a carta")."""
    return _found("letter", lowered(text), LETTER_DENIED_WITHIN)


def names_a_time(text: str) -> bool:
    """Whether ``text`` names a time, of today ("tonight probably") or later ("peut-être demain"): to "have you taken
    any?" it says when, not a dose taken."""
    said = lowered(text)
    return _soon(said) or _found("when", said)


def time_named(text: str, earlier: Sequence[str] = ()) -> bool:
    """Whether ``text`` names a time for the act ("idk, maybe this weekend", "bof, peut-être demain"; handoff.imminent
    ``soon`` too), in at most ``when.most_words`` words, not right after a denial, just after a way or a letter was
    told (one of the last ``METHOD_BEFORE`` of ``earlier``, the person's messages before, oldest first)."""
    said = lowered(text)
    if len(said.split()) > steps()["when"]["most_words"]:
        return False
    if not (_found("when", said, TIME_DENIED_WITHIN) or _soon(said, TIME_DENIED_WITHIN)):
        return False
    way = words_pattern([*way_words(), *bank().handoff["method"]["words"]])
    return any(way.search(lowered(before)) or letter_written(before) for before in list(earlier)[-METHOD_BEFORE:])


def counted(text: str, earlier: Sequence[str] = ()) -> bool:
    """Whether ``text`` tells how much of the means the person has ("got about 60 now"): a number of at least
    ``counted.least`` that counts no unit (minutes, years, floors) and is neither their age ("im 16") nor a number to
    call ("should i call 111"), in a message that asks nothing, of at most
    ``counted.most_words`` words, just after means or medicine were named (the last ``METHOD_BEFORE`` of ``earlier``)."""
    entry, said = steps()["counted"], lowered(text)
    if len(said.split()) > entry["most_words"] or is_question(text):  # "is 988 free?"
        return False
    units = re.compile(r"\s*(?:" + "|".join(re.escape(unit) for unit in entry["units"]) + r")(?!\w)")
    age = re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(words) for words in entry["not_after"]) + r")\W*$")
    number = next((found for found in re.finditer(r"(?<![\w.,])\d+(?![\w.,]*\d)", said)
                   if int(found.group(0)) >= entry["least"] and not units.match(said, found.end())
                   and not age.search(said[:found.start()])), None)
    means = words_pattern([*bank().handoff["means"]["words"], *bank().handoff["medicine"]["words"]])
    return number is not None and any(means.search(lowered(before)) for before in list(earlier)[-METHOD_BEFORE:])


def consent_withdrawn(text: str) -> bool:
    """Whether ``text`` refuses the analysis or asks that its words not be read ("please don't read what I write")."""
    return _found(CONSENT, lowered(text))


READERS = {"letter": lambda text, earlier: letter_written(text), "when": time_named, "counted": counted,
           CONSENT: lambda text, earlier: consent_withdrawn(text)}
"""How each kind is read in a message (``text``) after the person's ``earlier`` ones."""


def step_lines(kind: str, lang: str = "en") -> List[str]:
    """The lines of ``kind`` in ``lang`` (``answers`` ``handoff_<kind>``)."""
    return list(answers(lang)[f"handoff_{kind}"])


def with_steps(out: List[Tuple[str, str]], text: str, recent: Sequence[str], lang: str = "en", earlier: Sequence[str] = (),
               kinds: Optional[Sequence[str]] = None, leave_out: Sequence[str] = ()) -> List[Tuple[str, str]]:
    """``out`` (handoff_answers.answered's (kind, line) pairs, in its order) with the steps ``text`` names: each after
    the safety answers (:func:`said_before_steps`: "im on the bridge with the pills" keeps the medicine and the place
    line within handoff_answers.MAX_HANDOFF_LINES), before the rest, consent last; only ``kinds`` when given, never those
    in ``leave_out`` or answered by what ``out`` holds (``ANSWERED_BY``), none whose line is in ``recent``."""
    heard = {kind for kind, _ in out}
    found = []
    for kind in (*ACT_STEPS, CONSENT):
        if (kinds is not None and kind not in kinds) or kind in leave_out or ANSWERED_BY.get(kind, set()) & heard:
            continue
        if READERS[kind](text, earlier):
            fresh = [line for line in step_lines(kind, lang) if line not in recent]
            found += [(kind, line) for line in fresh[:1]]
    ahead = said_before_steps()
    first = [pair for pair in out if pair[0] in ahead]
    acts = [pair for pair in found if pair[0] != CONSENT]
    return [*first, *acts, *[pair for pair in out if pair[0] not in ahead], *[pair for pair in found if pair[0] == CONSENT]]


def said_before_steps() -> Tuple[str, ...]:
    """The answers said before a step: handoff_answers.SAFETY_KINDS but the steps themselves (an act coming, an attempt,
    medicine taken or at hand, means, a place, a plan, a way, sudden calm, things given away); a step takes the room that
    is left (reviewer's R1.1: the letter before the medicine cut the place line, said every time)."""
    from actions.handoff_answers import SAFETY_KINDS

    return tuple(kind for kind in SAFETY_KINDS if kind not in ACT_STEPS)


def step_notice(kinds: Sequence[str], text: str, earlier: Sequence[str] = ()) -> Optional[str]:
    """The alert for the team's thread when the handoff answers ``kinds`` said to ``text`` name a step, a time, means or
    a way (``notices``; those of ``NOTICE_ONCE`` only when none of the person's ``earlier`` messages named them: the
    means first told get one, the same pills again none), or None. The person's words are in the thread, not here."""
    from actions.handoff_answers import told_before

    notices = steps()["notices"]
    named = [kind for kind in kinds if kind in notices and not (kind in NOTICE_ONCE and told_before(kind, text, earlier))]
    what = list(dict.fromkeys(notices[kind] for kind in named))
    return notices["notice"].format(steps=", ".join(what)) if what else None
