"""Crisis escalation of the support bot.

``action_escalate_crisis`` (predicted by EmotionRulesPolicy when the emotion service flags
crisis risk): shows crisis resources, asks the emotion service for a human handoff

    POST {EMOBOT_SERVICE_URL}/v1/sessions/{session_id}/handoffs
    {"reason": str, "user_id": str | null, "bot": "support"}

(the service stores it with the transcript and emotion timeline for the dashboard and calls
its webhook), then pauses the conversation (``ConversationPaused``): Rasa stops answering.

The user cannot cancel it: ``action_restart`` and ``action_session_start`` are overridden to
keep the conversation paused while ``handoff_active`` is set. A human clears it with Rasa's
HTTP API: ``POST /conversations/{id}/tracker/events`` with
``[{"event": "slot", "name": "handoff_active", "value": false}, {"event": "resume"}]``.
"""
from __future__ import annotations

import logging
import os
from typing import Any, Dict, List, Optional, Text
from urllib.parse import quote

import httpx
from connectors.client import service_session_id
from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    ConversationPaused,
    EventType,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
)
from rasa_sdk.executor import CollectingDispatcher

logger = logging.getLogger(__name__)

BOT = "support"
DEFAULT_SERVICE_URL = "http://127.0.0.1:8500"


def crisis_reason(tracker: Tracker) -> str:
    """A short reason from the latest message's derived crisis state."""
    emotion = (tracker.latest_message.get("metadata") or {}).get("emotion") or {}
    crisis = (emotion.get("derived") or {}).get("crisis") or {}
    matched = ", ".join(crisis.get("matched") or []) or "none"
    conversation = crisis.get("conversation") or {}
    return (f"crisis risk {float(crisis.get('risk') or 0.0):.2f}, level {crisis.get('level') or 'high'}, "
            f"category {crisis.get('category') or 'unknown'}, conversation risk "
            f"{float(conversation.get('risk') or 0.0):.2f} (risk language: {matched}; "
            f"screened by {crisis.get('source') or 'service'}{', replayed turn' if emotion.get('replayed') else ''})")


async def request_handoff(session_id: str, reason: str, user_id: Optional[str], bot: str = BOT,
                          retries: int = 1) -> bool:
    """POST the handoff request to the emotion service; True when it answered 2xx."""
    url = (os.environ.get("EMOBOT_SERVICE_URL") or DEFAULT_SERVICE_URL).rstrip("/")
    body = {"reason": reason, "user_id": user_id, "bot": bot}
    async with httpx.AsyncClient(timeout=10.0) as http:
        for attempt in range(retries + 1):
            try:
                response = await http.post(f"{url}/v1/sessions/{quote(service_session_id(session_id), safe='')}/handoffs",
                                           json=body)
            except httpx.HTTPError as exc:
                logger.error("handoff request for %s failed (attempt %d): %r", session_id, attempt + 1, exc)
                continue
            if response.is_success:
                return True
            logger.error("handoff request for %s answered %d: %s", session_id, response.status_code,
                         response.text[:300])
            if response.status_code < 500:
                return False
    return False


def paused() -> List[EventType]:
    """Pause, and mark the bot as listening: the messages that arrive while paused are then
    read by Rasa's rules as answers to ``action_listen`` (as usual), so ``/restart`` still
    reaches ``action_restart`` and, once a human resumes, the next message is understood."""
    return [ConversationPaused(), ActionExecuted("action_listen")]


class ActionEscalateCrisis(Action):
    def name(self) -> Text:
        return "action_escalate_crisis"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_crisis_resources")
        if tracker.get_slot("handoff_active"):
            dispatcher.utter_message(response="utter_handoff_pending")
            return paused()
        metadata = tracker.latest_message.get("metadata") or {}
        user_id = metadata.get("user_id")
        ok = await request_handoff(tracker.sender_id, crisis_reason(tracker), str(user_id) if user_id else None)
        dispatcher.utter_message(response="utter_handoff" if ok else "utter_handoff_failed")
        # paused even when the service could not be reached: the resources are shown, and a
        # supervisor still sees the flagged turn in the mood log
        return [SlotSet("handoff_active", True), *paused()]


class ActionRestart(Action):
    """``/restart``, except during an escalation, which only a human can end."""

    def name(self) -> Text:
        return "action_restart"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if tracker.get_slot("handoff_active"):
            dispatcher.utter_message(response="utter_handoff_pending")
            # the next action is action_listen (no policy is asked: none has a rule for it)
            return [ConversationPaused(), FollowupAction("action_listen")]
        return [Restarted()]


class ActionSessionStart(Action):
    """Rasa's session start (carrying slots over), paused again during an escalation."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        events: List[EventType] = [SessionStarted()]
        events += [SlotSet(key, value) for key, value in tracker.current_slot_values().items()
                   if value is not None]
        if tracker.get_slot("handoff_active"):
            events.append(ConversationPaused())
        events.append(ActionExecuted("action_listen"))
        return events
