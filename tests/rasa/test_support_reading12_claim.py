"""The twelfth exploratory reading, a silent claim and the means line (data/exploratory/2026-12-07/reading12/FINDINGS.md).

- H5: a supervisor claimed the handoff and wrote nothing for 2.5 minutes while the person kept writing "still on the
  balcony": the team's thread gets ONE alert that the person is still at risk and nobody has written, then again only
  once the last alert is ``SILENT_ALERT_S`` old; none before the claim is silent, for a message without risk or a place,
  or once the claimer wrote.
- M3: "tonight" after "eating my gun" (or after "the pills are in my drawer") got "step back from the edge, the tracks":
  the line for an act coming names the means the person named; a jump or a place keeps the edge's line.
"""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import yaml

SUPPORT = Path(__file__).resolve().parents[2] / "bot" / "support"
sys.path.insert(0, str(SUPPORT))

from actions import handoff_answers, handoff_presence  # noqa: E402
from actions.crisis import SILENT_CLAIM_NOTICE  # noqa: E402

DOMAIN = yaml.safe_load((SUPPORT / "domain.yml").read_text())
OPENED = 1000.0
"""When the handoff opened (the tracker's event clock, seconds); it was claimed ``WAITED`` later."""
WAITED = 10.0
EVERY = 30.0
"""The person writes every this many seconds after the claim."""
BALCONY = "still on the balcony"
LOW = {"risk": 0.0144, "level": "none", "flag": False}
CLAIMED = {"id": 7, "status": "claimed", "waiting_s": WAITED, "expected_wait_s": None}
SLOTS = {"handoff_active": True, "handoff_id": 7.0, "handoff_asked": False}


@pytest.fixture(autouse=True)
def two_minutes(monkeypatch):
    """The reading's two minutes of silence and between alerts, whatever the environment sets."""
    monkeypatch.setattr(handoff_presence, "CLAIMED_SILENT_S", 120.0)
    monkeypatch.setattr(handoff_presence, "SILENT_ALERT_S", 120.0)


def person(text: str, at: float) -> list:
    """The events of one message of the person's at ``at`` seconds, read as low risk (the reading's 0.0144)."""
    meta = {"locale": "en-US", "session_proven": True,
            "emotion": {"available": True, "turn": {"label": "fear"}, "derived": {"crisis": LOW}}}
    return [{"event": "action", "name": "action_listen", "timestamp": at},
            {"event": "user", "text": text, "metadata": meta, "timestamp": at}]


def bot(text: str, at: float, by: str = "action_handoff_present") -> list:
    """A line said at ``at``: the bot's (after its action) or, ``by`` None, the team's (the dashboard appends it)."""
    return ([{"event": "action", "name": by, "timestamp": at}] if by else []) + [{"event": "bot", "text": text, "timestamp": at}]


def alerts(team, texts, team_line_after=None) -> list:
    """The silent-claim alerts the team's thread gets for the last of ``texts``, the person's messages ``EVERY`` seconds
    apart after the claim (the bot's answer after each earlier one; the team's line after message ``team_line_after``)."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.crisis import ActionHandoffPresent

    team["status"] = dict(CLAIMED)
    events = [{"event": "slot", "name": "handoff_active", "value": True, "timestamp": OPENED},
              {"event": "slot", "name": "handoff_id", "value": 7.0, "timestamp": OPENED}]
    claim = OPENED + WAITED
    for number, text in enumerate(texts[:-1], start=1):
        events += person(text, claim + number * EVERY) + bot("...", claim + number * EVERY + 1)
        events.append({"event": "action", "name": "action_listen", "timestamp": claim + number * EVERY + 1})
        if team_line_after == number:
            events += bot("hi, I'm here", claim + number * EVERY + 2, by=None)
    events += person(texts[-1], claim + len(texts) * EVERY)
    latest = {k: v for k, v in events[-1].items() if k not in ("event", "timestamp")}
    latest["intent"] = {"name": "share_feelings", "confidence": 0.9}
    tracker = Tracker("s", SLOTS, latest, events, False, None, {}, "action_listen")
    team["thread"] = []
    asyncio.run(ActionHandoffPresent().run(CollectingDispatcher(), tracker, DOMAIN))
    return [line for kind, line in team["thread"] if kind == "alert" and line == SILENT_CLAIM_NOTICE]


# --- H5: the claimer silent while the person is still at risk ------------------------------------------------

@pytest.mark.parametrize("turns, expected", [(1, 0), (3, 0), (4, 1), (5, 0), (7, 0), (8, 1)])
def test_a_silent_claim_alerts_the_team_once_per_wait(team, turns, expected) -> None:
    """Every 30 s "still on the balcony" after a claim: nothing before two minutes of silence, one alert at two minutes
    (the fourth message), none on the next three, the next once the last alert is two minutes old."""
    assert len(alerts(team, [BALCONY] * turns)) == expected


def test_no_silent_claim_alert_for_a_message_without_risk_or_a_place(team) -> None:
    assert alerts(team, [BALCONY] * 3 + ["ok"]) == []


def test_no_silent_claim_alert_once_the_claimer_wrote(team) -> None:
    assert alerts(team, [BALCONY] * 4, team_line_after=2) == []


def test_the_alert_is_the_teams_only(team) -> None:
    """The alert goes to the thread as ``alert`` (never pushed to the person), with its exact words."""
    assert alerts(team, [BALCONY] * 4) == ["The person is still at risk and nobody from the team has written to them "
                                            "since the claim. Please write to them now."]


# --- M3: the means line follows the means named -------------------------------------------------------------

@pytest.mark.parametrize("earlier, text, means", [
    (["honestly just thinking about eating my gun tonight", "its in the closet, loaded"], "tonight", "gun"),
    (["yeah ive thought about ending it", "the pills are in my drawer"], "tonight probably", "pills"),
])
def test_a_time_after_means_names_those_means_not_the_edge(earlier, text, means) -> None:
    lines = [line for kind, line in handoff_answers.answered(text, [], "en", earlier) if kind == "imminent"]
    assert lines and f"Put the {means} away from you now" in lines[0], lines
    assert "edge" not in lines[0] and "tracks" not in lines[0]


@pytest.mark.parametrize("earlier, text", [
    (["im on the bridge"], "tonight"),
    ([], "i'm going to jump"),
])
def test_a_jump_or_a_place_keeps_the_edge_line(earlier, text) -> None:
    lines = [line for kind, line in handoff_answers.answered(text, [], "en", earlier) if kind == "imminent"]
    assert lines and "away from the edge" in lines[0], lines


@pytest.mark.parametrize("text", ["my dad has pills in the cabinet", "mon père a des médicaments dans l'armoire"])
def test_a_parent_who_owns_the_means_is_not_the_persons_support(text) -> None:
    """a20 (a 14-year-old): "my dad has pills in the cabinet" got "Reaching out to your dad sounds like a really good
    idea": the dad owns the pills; he is not named as someone to call."""
    kinds = [kind for kind, _ in handoff_answers.answered(text, [], "en", [])]
    assert "person" not in kinds and "reasons" not in kinds, kinds
    assert {"medicine", "means"} & set(kinds), kinds


def test_a_parent_named_as_support_still_is() -> None:
    kinds = [kind for kind, _ in handoff_answers.answered("my dad is at home, he could come", [], "en", [])]
    assert "person" in kinds, kinds
