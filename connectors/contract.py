"""The wire contract between the emotion service and the Rasa side, without pydantic.

The service answers each turn with a ``TurnResponse`` (emotion/service/schemas.py, pydantic);
the channels put it in ``UserUttered.metadata[EMOTION_METADATA_KEY]``, and the slots component,
the policies and the actions read it from there. This module is what the Rasa side knows of
that shape: the metadata key, the fields of each derived state, and accessors that never
raise on a turn the service could not answer (an outage, a refusal, an older service).
``tests/service/test_wire_contract.py`` checks the field lists against the service's OpenAPI
document, so the two sides cannot drift apart silently.

Shapes (all optional on the wire; see the service's schemas for the descriptions)::

    metadata["emotion"] = {"available": bool, "turn": Reading, "state": State,
                           "derived": {"crisis": CrisisState, "distress": 0..1,
                                       "tutoring": TutoringState, "service": ServiceState},
                           "transcript": TurnTranscript (a voice message sent with transcribe), ...}
"""
from __future__ import annotations

from typing import Any, Dict, Mapping

EMOTION_METADATA_KEY = "emotion"
"""Where the channels put the service's answer in a user message's metadata."""

CRISIS_LEVELS = ("none", "possible", "high")
DERIVED_FIELDS = ("crisis", "distress", "tutoring", "service")
CRISIS_FIELDS = ("risk", "flag", "level", "category", "explicit", "turn_flag", "categories", "matched", "guards",
                 "obfuscated", "scores", "conversation", "source")
CONVERSATION_CRISIS_FIELDS = ("risk", "flag", "level", "categories", "turns")
TUTORING_FIELDS = ("confusion", "frustration", "boredom", "engagement", "cues")
SERVICE_FIELDS = ("frustration", "satisfaction")
TRANSCRIPT_FIELDS = ("text", "confidence", "speech_s")


def words_of(emotion: Mapping[str, Any] | None) -> str:
    """The words the service recognised in a voice message (``transcript.text``); "" when there are
    none (not a voice message, no speech, an outage)."""
    transcript = emotion.get("transcript") if isinstance(emotion, Mapping) else None
    text = transcript.get("text") if isinstance(transcript, Mapping) else None
    return text if isinstance(text, str) else ""


def emotion_of(metadata: Mapping[str, Any] | None) -> Dict[str, Any]:
    """A user message's emotion metadata ({} when there is none)."""
    emotion = metadata.get(EMOTION_METADATA_KEY) if isinstance(metadata, Mapping) else None
    return dict(emotion) if isinstance(emotion, Mapping) else {}


def derived_of(emotion: Mapping[str, Any] | None) -> Dict[str, Any]:
    """``derived`` of the emotion metadata ({} when absent or malformed)."""
    derived = (emotion or {}).get("derived")
    return dict(derived) if isinstance(derived, Mapping) else {}


def crisis_of(emotion: Mapping[str, Any] | None) -> Dict[str, Any]:
    """``derived.crisis`` of the emotion metadata ({} when the turn carries no screening)."""
    crisis = derived_of(emotion).get("crisis")
    return dict(crisis) if isinstance(crisis, Mapping) else {}


def at_risk(emotion: Mapping[str, Any] | None) -> bool:
    """True when the turn's crisis screening found possible or high risk."""
    crisis = crisis_of(emotion)
    return bool(crisis.get("flag")) or crisis.get("level") in ("possible", "high")
