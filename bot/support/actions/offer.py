"""The offer of a person from the team: when a person low for a while is offered one, and whether a
reply takes it up.

The offer comes to a person whose mood has been low for several turns (config.yml "low for a
while"), but only on a message that says they are struggling (``struggling``): words of the bank's
``offer_struggling`` ("the worst", "can't cope", "no puedo más") or a risk reading of its own; not
on an ordinary remark or a question of theirs (seventh exploratory reading, M8: "Is that terrible
of me?" and "my son is 8, he doesnt really understand yet" each got it).

A yes takes it up only when it answers the offer (``accepts``): a clear yes that says nothing else
than words going with a yes ("yes please", "ja bitte gerne", "ok sure why not"), or one that speaks
of a person or the team ("yes, I'd like to talk to someone"); "yeah exactly" agrees with the
reflection the offer followed, and "yeah maybe i'll just tell her it hurt" goes on with the story.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from actions import screener
from actions.bank import bank, says, words_pattern
from actions.question_form import is_question

OWN_RISK = 0.5
"""A message whose own crisis reading is at least this (``derived.crisis.risk``) is struggling,
whatever its words ("i can go from friday to monday without saying a word to anyone", 0.75)."""


def struggling(text: str, crisis: Mapping[str, Any]) -> bool:
    """Whether ``text`` (read as ``crisis``: its ``derived.crisis``) says the person is struggling:
    a risk reading of its own, or struggling words in a message that is no question of theirs."""
    if float(crisis.get("risk") or 0.0) >= OWN_RISK and crisis.get("level") in ("possible", "high"):
        return True
    return not is_question(text or "") and says(bank().answers["offer_struggling"], text)


def accepts(text: str) -> bool:
    """Whether ``text`` takes up the offer of a person: a clear yes (screener.says_yes) with only
    the bank's ``offer_accepting`` words, or with words about a person or the team."""
    if not screener.says_yes(text):
        return False
    if says(bank().answers["offer_about_a_person"], text):
        return True
    accepting = words_pattern([screener.fold(word) for word in bank().answers["offer_accepting"]])
    return not re.findall(r"[^\W\d_]+", accepting.sub(" ", screener.fold(text)))  # "sì grazie" as "si grazie"
