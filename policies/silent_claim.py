"""When a claimed handoff is silent, for both bots: a person from the team claimed it and has not written since.

The support bot (bot/support/actions/silent_claim.py) and the tutor (bot/tutor/actions/silent_claim.py) then stop
promising that someone is answering, tell the person honestly, and alert the team's thread again; they read the same
thresholds from here (twelfth exploratory reading, H5; the tutor's since stop 45).
"""
from __future__ import annotations

import os
from typing import Any, Mapping, Optional

CLAIMED_SILENT_S = float(os.environ.get("EMOBOT_CLAIMED_SILENT_S", "120"))
"""Seconds after a claim without a word from the person who claimed (``$EMOBOT_CLAIMED_SILENT_S``): the claim is silent
(tenth exploratory reading, M5; twelfth, H5)."""
SILENT_ALERT_S = float(os.environ.get("EMOBOT_SILENT_ALERT_S", str(CLAIMED_SILENT_S)))
"""Seconds between two alerts to the team's thread that the claimer is still silent (``$EMOBOT_SILENT_ALERT_S``): one,
then again once the last is this old."""
RISK_OF_ITS_OWN = 0.5
"""A message whose own crisis reading is at least this carries risk."""


def silent_since_claim(status: Optional[Mapping[str, Any]], after_s: float = CLAIMED_SILENT_S) -> Optional[bool]:
    """Whether the service's handoff ``status`` ({"status", "since_claim_s", ...}) is a claim at least ``after_s``
    seconds old (``CLAIMED_SILENT_S``); None when it carries no ``since_claim_s`` (the caller may read the time elsewhere), False
    when it is no claim. Whether the team wrote since is the caller's to tell (a line of theirs in the conversation)."""
    if not status or status.get("status") != "claimed":
        return False
    if status.get("since_claim_s") is None:
        return None
    return float(status["since_claim_s"]) >= after_s
