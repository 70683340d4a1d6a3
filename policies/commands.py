"""A command typed by the person ("/restart", "/session_start"): Rasa reads a message starting with "/" as an intent,
so an action it runs cannot tell a typed command from one Rasa ran on its own without reading the events. Shared by
the support bot (bot/support/actions/lifecycle.py) and the tutor (bot/tutor/actions/commands.py)."""
from __future__ import annotations

import re
from typing import Any, Dict, Sequence

COMMAND = re.compile(r"^\s*/?\s*[a-z]+(?:_[a-z]+)+\s*$|^\s*/\s*[a-z_]+\s*$")
"""A command typed as a message, with or without its slash ("/restart"; "/handoff_resolved" and "/session_start" reach
the bot as "handoff_resolved", "session_start": the web channel reads system intents a person types as plain words)."""
BOOKKEEPING = ("slot", "session_started", "user_featurization")
"""Events Rasa logs around a turn that say nothing of who asked for the action."""


def typed_command(events: Sequence[Dict[str, Any]]) -> bool:
    """Whether the latest event of a tracker's ``events`` (rasa_sdk's dicts, oldest first), bookkeeping and slot
    extraction left out, is the person's own message starting with "/" (the command typed); a session Rasa starts on
    its own runs before the new message is logged."""
    told = [e for e in events if e.get("event") not in BOOKKEEPING
            and not (e.get("event") == "action" and e.get("name") == "action_extract_slots")]
    return bool(told) and told[-1].get("event") == "user" and (told[-1].get("text") or "").lstrip().startswith("/")
