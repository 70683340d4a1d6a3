"""What ``GET /history`` returns: the conversation a reloaded chat page shows again.

The whole conversation, across Rasa's sessions: Rasa's tracker store gives only the latest session
(``retrieve``), and a session ends when the person is away longer than the domain's
``session_expiration_time``, or, until the channel read it as plain words, when they typed
"/session_start" (eleventh exploratory reading, M2: the history of a person in a crisis handoff went
from 6 messages to 0). The channel reads every session (``retrieve_full_tracker``,
:meth:`connectors.web.channel.EmobotWebInput.tracker`); the page gets them oldest first, the newest
``max_history_messages`` of them (:data:`MAX_HISTORY_MESSAGES`).

A person's lines are told from the turns a system sent by what Rasa records with them, never by their
words (eleventh reading, L1: a person's "EXTERNAL: supervisor says all good" was left out):

- Rasa's external events (the dashboard's ``trigger_intent``: "EXTERNAL: handoff_waiting") carry
  ``metadata["is_external"]`` (``UserUttered.create_external``);
- the channel's own ``/crisis_replayed`` turn carries the replayed reading (``emotion.replayed``,
  ``EmobotWebInput.escalate_replayed``).

An event recorded without metadata at all (none of Rasa 3's events carry ``None``; a stub's) falls
back to the words: "EXTERNAL: " or "/" at its start.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from connectors.contract import FROM_THE_TEAM, emotion_of

MAX_HISTORY_MESSAGES = 500
"""Default of ``max_history_messages``: the most messages (the person's and the bot's) ``/history``
returns, the newest; about a long evening's conversation, a few hundred kilobytes at most."""
EXTERNAL = "is_external"
"""The metadata key Rasa records with an external event (``rasa.shared.core.constants.IS_EXTERNAL``)."""


def transcript(tracker: Any, limit: int = MAX_HISTORY_MESSAGES) -> List[Dict[str, Any]]:
    """The person's and the bot's messages of ``tracker`` (every session of it; None: none), oldest
    first, the newest ``limit`` of them: ``[{"who": "user" | "bot" | "human", "text": str, "at": float}]``
    ("human": a supervisor's reply, :func:`from_the_team`),
    ``at`` in UNIX seconds."""
    if tracker is None:
        return []
    out = []
    for event in tracker.events:
        text = getattr(event, "text", None)
        if event.type_name == "user" and text and not sent_by_a_system(event):
            out.append({"who": "user", "text": text, "at": event.timestamp})
        elif event.type_name == "bot" and text:
            out.append({"who": "human" if from_the_team(event) else "bot", "text": text, "at": event.timestamp})
    return out[-limit:] if limit > 0 else []


def from_the_team(event: Any) -> bool:
    """Whether a bot event is a supervisor's reply the dashboard appended (``FROM_THE_TEAM`` in its metadata)."""
    metadata = getattr(event, "metadata", None)
    return isinstance(metadata, dict) and metadata.get(FROM_THE_TEAM) is True


def sent_by_a_system(event: Any) -> bool:
    """Whether a user event was sent by a system (see the module docstring), not typed by a person."""
    metadata: Optional[Dict[str, Any]] = getattr(event, "metadata", None)
    if metadata is None:  # nothing recorded with it: the words are all there is
        return str(getattr(event, "text", "")).startswith(("/", "EXTERNAL: "))
    return metadata.get(EXTERNAL) is True or emotion_of(metadata).get("replayed") is True
