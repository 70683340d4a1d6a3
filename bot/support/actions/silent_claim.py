"""A claim left silent (twelfth exploratory reading, H5): a person from the team claimed the handoff and has not written
for ``CLAIMED_SILENT_S`` (handoff_presence.claimer_silent) while the person kept writing "still on the balcony", and the
bot kept promising "A person from our team has joined and will answer you here".

What the person hears then: once, and afterwards when they ask ("are you still there?", "is anyone coming?") or write
risk or a place, the honest line (``answers.handoff_silent_claim``: nobody has written yet, the team has been told again,
call now if in danger), with the numbers after it and the line for the place or means they named; never the promise.
What the team's thread is told: an ``alert`` whenever that line is said and no alert went out in the last
``SILENT_ALERT_S`` (one for risk or a place on its own clock, as before), so "I've told the team again" is true."""
from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from connectors import contract
from connectors.contract import emotion_of
from rasa_sdk import Tracker

from actions import bank, handoff_answers, handoff_presence as presence
from actions.conversation import Say, crisis_of
from actions.echo import risk_words
from actions.language import least_recent
from actions.still_here import still_there

SILENT_CLAIM_NOTICE = ("The person is still at risk and nobody from the team has written to them since the claim. "
                       "Please write to them now.")
"""The thread's alert when the claimer stays silent while the person writes risk or a place."""
SILENT_WAITING_NOTICE = ("Nobody from the team has written to the person since the claim, and the bot has told them so. "
                         "Please write to them now.")
"""The thread's alert when the person is told that nobody has written yet, on a message without risk ("are you still
there?"): what the bot says to them ("I've told the team again") has happened."""


def risk_or_place(text: str, crisis: Dict[str, Any]) -> bool:
    """Whether a message ``text`` with its crisis reading ``crisis`` carries risk (its own reading of at least
    ``RISK_OF_ITS_OWN`` or its flag, risk words in any language) or names a place of danger ("still on the balcony",
    read risk 0.01)."""
    flagged = crisis.get("turn_flag", crisis.get("flag")) or float(crisis.get("risk") or 0.0) >= presence.RISK_OF_ITS_OWN
    return bool(flagged) or risk_words(text) or bank.says(bank.bank().handoff["place"]["words"], text)


def silent_lines(lang: str) -> List[str]:
    """The honest lines (``handoff_silent_claim``), in English and ``lang``."""
    return [line for code in {"en", lang} for line in bank.answers(code)["handoff_silent_claim"]]


def asks_for_the_team(text: str) -> bool:
    """Whether ``text`` asks whether anyone is there or coming ("are you still there?", "why is nobody answering?")."""
    return still_there(text) or bank.says(bank.bank().handoff["wait"]["words"], text)


def tell_silence(say: Say, tracker: Tracker, kinds: Sequence[str]) -> bool:
    """Whether the person is told this turn that nobody from the team has written yet (the claim is silent: the caller
    asks :func:`handoff_presence.claimer_silent`): the first time in this handoff, when they ask
    (:func:`asks_for_the_team`), or for a message at risk (its own flag, risk or a place, an answer for safety:
    ``kinds``, the handoff answers said this turn)."""
    text, crisis = tracker.latest_message.get("text") or "", crisis_of(tracker)
    told = set(silent_lines(say.lang)) & set(_lines_in_handoff(tracker))
    # the turn's own flag, not the conversation's level, which stays "possible" after a crisis (the review of stop 44:
    # every "ok" got "I've told the team again")
    at_risk = bool(crisis.get("turn_flag")) or risk_or_place(text, crisis) \
        or bool(set(kinds) & set(handoff_answers.SAFETY_KINDS))
    return not told or asks_for_the_team(text) or at_risk


def say_silence(say: Say, kinds: Sequence[str], earlier: Sequence[str]) -> None:
    """The honest line; before it, when this turn said no line for the person's safety, the line for the place or means
    they named in one of ``earlier`` (their messages, oldest first: "are you still there?" after "im on my balcony")."""
    if not set(kinds) & set(handoff_answers.SAFETY_KINDS):
        from actions.crisis import means_told_before  # crisis.py imports this module

        for line in means_told_before(earlier, say):
            say(line)
    say(least_recent(bank.answers(say.lang)["handoff_silent_claim"], say.recent))


def alert_due(tracker: Tracker, status: Optional[Dict[str, Any]], told: bool, lang: str = "en") -> Optional[str]:
    """The alert the team's thread gets this turn, or None. While the claim is silent: ``SILENT_CLAIM_NOTICE`` for a
    message with risk or a place (:func:`risk_or_place`) when no such alert went out in the last ``SILENT_ALERT_S``;
    else ``SILENT_WAITING_NOTICE`` when the person is told so this turn (``told``) and no alert of either kind went
    out in that time. The person's earlier messages since the claim went silent are replayed (each alerted as it would
    have been; one answered with a line of :func:`silent_lines` counts as told); without times on the events, every
    such message is alerted."""
    if not presence.claimer_silent(tracker, status):
        return None
    risky = risk_or_place(tracker.latest_message.get("text") or "", crisis_of(tracker))
    if not risky and not told:
        return None
    claimed, now = presence.claimed_at(tracker, status), presence.said_at(tracker)
    if claimed is None or now is None:
        return SILENT_CLAIM_NOTICE if risky else SILENT_WAITING_NOTICE
    every, honest = presence.SILENT_ALERT_S, set(silent_lines(lang))
    last_risk: Optional[float] = None
    last_any: Optional[float] = None
    for event, answer in _earlier_turns(tracker):
        said = event.get("timestamp")
        if said is None or float(said) - claimed < presence.CLAIMED_SILENT_S:
            continue
        if risk_or_place(event.get("text") or "", contract.crisis_of(emotion_of(event.get("metadata")))):
            if last_risk is None or float(said) - last_risk >= every:
                last_risk = last_any = float(said)
        elif honest & set(answer) and (last_any is None or float(said) - last_any >= every):
            last_any = float(said)
    if risky and (last_risk is None or now - last_risk >= every):
        return SILENT_CLAIM_NOTICE
    if told and (last_any is None or now - last_any >= every):
        return SILENT_WAITING_NOTICE
    return None


def _earlier_turns(tracker: Tracker) -> Iterator[Tuple[Dict[str, Any], List[str]]]:
    """Each of the person's messages before the latest, with the lines the bot said after it."""
    turns: List[Tuple[Dict[str, Any], List[str]]] = []
    for event in tracker.events:
        if event.get("event") == "user":
            turns.append((event, []))
        elif event.get("event") == "bot" and turns:
            turns[-1][1].append(event.get("text") or "")
    return iter(turns[:-1])


def _lines_in_handoff(tracker: Tracker) -> List[str]:
    """The lines said since the latest handoff opened (slot ``handoff_active`` set)."""
    lines: List[str] = []
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") == "handoff_active" and event.get("value"):
            lines = []
        elif event.get("event") == "bot":
            lines.append(event.get("text") or "")
    return lines
