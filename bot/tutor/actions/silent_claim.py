"""A child's handoff claimed and left silent (reading 14, T1): a person from the team claimed it and nobody from the team
has written for ``CLAIMED_SILENT_S``, while the tutor kept answering every message with "The person from our team is
reading your messages" (``team_reading``).

What the child hears then, never the promise: once, and afterwards when they ask ("is anyone there?", "hello??") or
write risk, the honest line (lines.yml ``team_silent``: nobody has written yet, the team has been told again, tell a
grown-up near you or call, the children's line first, then the emergency number: help_lines.py); to anything else an
honest line that promises no reader (``not_yet``). What the team's thread is told: an ``alert`` on each turn the
honest line is said, at most once per ``SILENT_ALERT_S`` (a message at risk on its own clock), appended after the
turn's copy (team_thread.copy_turn), so "I've told them again" is true.

The support bot has the same rule for adults (bot/support/actions/silent_claim.py, handoff_presence.claimer_silent);
both read the thresholds and the claim's age from policies/silent_claim.py. Pure functions of the tracker and the service's handoff status ``{"status", "since_claim_s", ...}``."""
from __future__ import annotations

from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from connectors.contract import crisis_of, emotion_of
from policies.silent_claim import CLAIMED_SILENT_S, RISK_OF_ITS_OWN, SILENT_ALERT_S, silent_since_claim  # noqa: F401

from . import means, wellbeing
from .help_lines import with_help
from .lines import say

RISK_CONCERNS = frozenset(wellbeing.ASKS_IF_SAFE | set(wellbeing.ALERTS))
"""The concerns (wellbeing.concern) that are risk: harm, self-harm, a wish to die or disappear, a friend at risk."""
LINE = "team_silent"
"""The honest line (lines.yml)."""
SILENT_RISK_NOTICE = ("The child is still at risk and nobody from the team has written to them since the claim. "
                      "Please write to them now.")
"""The thread's alert when the child writes risk while the claim is silent."""
SILENT_WAITING_NOTICE = ("Nobody from the team has written to the child since the claim, and the tutor has told them so. "
                         "Please write to them now.")
"""The thread's alert when the child is told that nobody has written yet, on a message without risk ("hello??")."""

Turn = Tuple[Mapping[str, Any], List[str], Optional[float]]
"""A child's message (a user event), the tutor's lines after it, and when it came (None without a time)."""


def claimer_silent(status: Optional[Mapping[str, Any]], team_wrote: bool) -> bool:
    """Whether the handoff ``status`` was claimed at least ``CLAIMED_SILENT_S`` ago (its ``since_claim_s``) and nobody
    from the team has written since (``team_wrote``: wellbeing_actions.team_wrote); False without ``since_claim_s``."""
    return not team_wrote and bool(silent_since_claim(status, CLAIMED_SILENT_S))


def at_risk(message: Mapping[str, Any]) -> bool:
    """Whether a child's ``message`` ({"text", "metadata"}, the latest message or a user event) carries risk: its own
    crisis flag or a reading of at least ``RISK_OF_ITS_OWN``, a concern of ``RISK_CONCERNS`` or means named."""
    text = message.get("text") or ""
    metadata = message.get("metadata") or (message.get("parse_data") or {}).get("metadata")
    crisis = crisis_of(emotion_of(metadata))
    flagged = crisis.get("turn_flag", crisis.get("flag")) or float(crisis.get("risk") or 0.0) >= RISK_OF_ITS_OWN
    return bool(flagged) or wellbeing.concern(text) in RISK_CONCERNS or means.named(text) is not None


def asks_for_someone(text: str) -> bool:
    """Whether ``text`` asks whether anyone is there or coming ("is anyone there?", "hello??", "bist du noch da?")."""
    return wellbeing.WAITING.search((text or "").lower()) is not None


def honest(lines: Sequence[str], lang: str) -> bool:
    """Whether one of ``lines`` (said, their "{help}" filled) is the honest line, in English or ``lang``."""
    return any(wellbeing.said_recently(LINE, code, lines) for code in {"en", lang})


def tells_silence(tracker: Any, lang: str) -> bool:
    """Whether the child is told this turn that nobody has written yet (the claim is silent: the caller asks
    :func:`claimer_silent`): the first time in this handoff, when they ask (:func:`asks_for_someone`), or for a message
    at risk (:func:`at_risk`)."""
    latest = tracker.latest_message or {}
    return not honest(lines_in_handoff(tracker), lang) or asks_for_someone(latest.get("text") or "") or at_risk(latest)


def answer(tracker: Any, lang: str, locale: Optional[str], recent: Sequence[str]) -> str:
    """What the child is told this turn while the claim is silent: the honest line (:func:`tells_silence`), else an
    honest line without a promise that someone reads (``not_yet``, varied from ``recent``), the help lines filled."""
    text = say(LINE, lang) if tells_silence(tracker, lang) else wellbeing.fresh("not_yet", lang, recent)
    return with_help(text, locale, lang)


def instead_of_again(lines: Sequence[str], lang: str) -> List[str]:
    """The crisis path's ``lines`` (unfilled) while the claim is silent: the honest line instead of ``crisis_again``
    ("a person from our team has been told"), after any line about the means."""
    kept = [line for line in lines if not wellbeing.said_recently("crisis_again", lang, [line])]
    return [*kept, say(LINE, lang)]


def thread_alerts(tracker: Any, said: Sequence[str], lang: str) -> List[Tuple[str, str]]:
    """The ``("alert", notice)`` the team's thread gets after this turn's copy (:func:`alert_due`), or []."""
    notice = alert_due(tracker, said, lang)
    return [("alert", notice)] if notice else []


def alert_due(tracker: Any, said: Sequence[str], lang: str) -> Optional[str]:
    """The alert for a turn whose lines ``said`` include the honest line, or None: ``SILENT_RISK_NOTICE`` for a message
    at risk when no such alert went out in the last ``SILENT_ALERT_S``, else ``SILENT_WAITING_NOTICE`` when no alert
    of either kind went out in that time. The earlier turns answered with the honest line are replayed (each alerted
    as it would have been); without times on the events, every such turn is alerted."""
    if not honest(said, lang):
        return None
    risky = at_risk(tracker.latest_message or {})
    turns = list(_turns(tracker))
    now = turns[-1][2] if turns else None
    if now is None:
        return SILENT_RISK_NOTICE if risky else SILENT_WAITING_NOTICE
    last_risk: Optional[float] = None
    last_any: Optional[float] = None
    for message, answered, at in turns[:-1]:
        if at is None or not honest(answered, lang):
            continue
        if at_risk(message) and (last_risk is None or at - last_risk >= SILENT_ALERT_S):
            last_risk = last_any = at
        elif last_any is None or at - last_any >= SILENT_ALERT_S:
            last_any = at
    if risky and (last_risk is None or now - last_risk >= SILENT_ALERT_S):
        return SILENT_RISK_NOTICE
    if last_any is None or now - last_any >= SILENT_ALERT_S:
        return SILENT_WAITING_NOTICE
    return None


def lines_in_handoff(tracker: Any) -> List[str]:
    """The lines said since the latest handoff was remembered (slot ``handoff_id`` set to a new id:
    team_thread.remember_handoff; every alert sets it again, to the same id while the handoff lasts)."""
    lines: List[str] = []
    remembered: Optional[float] = None
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") == wellbeing.HANDOFF_SLOT:
            if event.get("value") is not None and event.get("value") != remembered:
                lines = []
            remembered = event.get("value")
        elif event.get("event") == "bot":
            lines.append(event.get("text") or "")
    return lines


def _turns(tracker: Any) -> Iterator[Turn]:
    """Each of the child's messages with the lines said after it and its time, oldest first."""
    turns: List[Tuple[Dict[str, Any], List[str], Optional[float]]] = []
    for event in tracker.events:
        if event.get("event") == "user":
            at = event.get("timestamp")
            turns.append((event, [], None if at is None else float(at)))
        elif event.get("event") == "bot" and turns:
            turns[-1][1].append(event.get("text") or "")
    return iter(turns)
