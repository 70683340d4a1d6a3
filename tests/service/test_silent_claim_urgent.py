"""The fourteenth exploratory reading, M7, on the service's side (data/exploratory/2026-12-07/reading14/transcripts/
D03_en_silent_claim.txt, D05_nl_silent_claim_takeover.txt): a claim nobody wrote in, then "actually tonight" and the bot's
URGENT alert to the team (an attempt about to happen); a colleague's take-over was refused for the claimer's grace of
``silent_claim_after_s`` (120 s). An URGENT alert since the claim marks it a silent claim at once (the webhook
re-alerted); any other alert still waits out the grace, and nothing marks a claim someone from the team wrote in."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import Session

from emotion.moodlog.governance import HandoffMessage
from emotion.moodlog.models import utcnow
from emotion.moodlog.silent_claim import URGENT_ALERT_PREFIX, silent_claim, urgent_alert
from tests.service.test_consent_handoffs import make_client
from tests.service.test_handoff_eighth_reading import engine_of, open_for
from tests.service.test_handoff_reading12 import WEBHOOK, claim, handoff_of, report, silent_events, webhook  # noqa: F401

BOT_ACTIONS = Path(__file__).resolve().parents[2] / "bot" / "support" / "actions"
URGENT = "URGENT: the person says an attempt is about to happen (a jump, a train, a time after a means). Please join now."
STEP = "While waiting, the person named medicine at hand (their last message in the thread). Please join as soon as you can."


def bot_notice(name: str) -> str:
    """A notice constant of the support bot's crisis actions, read from its source (the bot runs in another venv)."""
    found = re.search(rf'^{name} = "([^"]+)"$', (BOT_ACTIONS / "crisis.py").read_text(encoding="utf-8"), re.M)
    assert found, name
    return found.group(1)


@pytest.mark.parametrize("name", ["URGENT_NOTICE", "TAKEN_NOTICE"])
def test_the_bots_urgent_alerts_are_recognised(name) -> None:
    assert urgent_alert(bot_notice(name)) and bot_notice(name).startswith(URGENT_ALERT_PREFIX)


def test_the_bots_other_alerts_are_not_urgent() -> None:
    steps = (BOT_ACTIONS / "handoff_steps.yml").read_text(encoding="utf-8")
    notice = re.search(r'^\s*notice: "([^"]+)"$', steps, re.M).group(1)
    assert not urgent_alert(notice) and not urgent_alert(STEP)
    assert not urgent_alert("Please join now, this is not URGENT: ...")


def test_an_urgent_alert_seven_seconds_after_a_claim_marks_it_silent_at_once(sqlite_url, webhook) -> None:  # noqa: F811
    client, _ = make_client(sqlite_url, handoff_webhook_url=WEBHOOK)
    with client:
        open_for(client, "tonight")
        claim(client, "tonight", ago_s=5)
        report(client, "tonight", ("person", "paracetamol. been saving them"), ("alert", STEP))
        assert not silent_claim(handoff_of(client, "tonight")) and silent_events(webhook) == []  # the claimer's grace
        report(client, "tonight", ("person", "actually tonight"), ("alert", URGENT))
        assert silent_claim(handoff_of(client, "tonight"))
        [event] = silent_events(webhook)
        assert event["alert"] == URGENT and event["since_claim_s"] < 60


def test_an_urgent_alert_before_the_claim_leaves_the_claimer_their_grace(sqlite_url, webhook) -> None:  # noqa: F811
    client, _ = make_client(sqlite_url, handoff_webhook_url=WEBHOOK)
    with client:
        open_for(client, "known")
        report(client, "known", ("person", "tonight"), ("alert", URGENT))  # open: the claimer claims knowing it
        claim(client, "known", ago_s=0)  # (``claim`` dates the claim: not before the alert)
        report(client, "known", ("person", "hello?"), ("alert", STEP))
        assert not silent_claim(handoff_of(client, "known")) and silent_events(webhook) == []


def test_an_urgent_alert_marks_no_claim_the_team_wrote_in(sqlite_url, webhook) -> None:  # noqa: F811
    client, _ = make_client(sqlite_url, handoff_webhook_url=WEBHOOK)
    with client:
        open_for(client, "talking")
        claim(client, "talking", ago_s=5)
        with Session(engine_of(client)) as db:
            db.add(HandoffMessage(handoff_id=handoff_of(client, "talking").id, kind="supervisor", text="I'm here.",
                                  author="sup@example.org", created_at=utcnow()))
            db.commit()
        report(client, "talking", ("person", "actually tonight"), ("alert", URGENT))
        assert not silent_claim(handoff_of(client, "talking")) and silent_events(webhook) == []
