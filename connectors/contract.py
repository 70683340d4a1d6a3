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
    metadata["session_proven"] = bool    # set by the channel, never the client's (SESSION_PROOF_KEY)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Mapping

EMOTION_METADATA_KEY = "emotion"
"""Where the channels put the service's answer in a user message's metadata."""
SESSION_PROOF_KEY = "session_proven"
"""Set by the emobot channels in every user message's metadata, after the client's own (which it
overwrites), so no client sets it: True when the turn proved the conversation it writes into (a
server-issued session's token: cookie, bearer, a confirmed socket.io session; or the socket's own
connection), False when it only named a sender (anyone who knows the id could have sent it).
Actions say back earlier turns of the conversation only to a proven turn (:func:`session_proven`)."""
LEFT_TO_THE_TEAM = {"handoff": "with_team"}
"""The custom message a bot sends to a turn it leaves to the person from the team who has joined and written
(ninth exploratory reading, M11: the bot had talked over the supervisor). The emobot channels count it as an
answer (no safety net: "I'm having trouble answering right now") and pass it to no client."""

FROM_THE_TEAM = "emobot_from_team"
"""Set (True) in the metadata of the ``bot`` event the dashboard appends to a conversation for a supervisor's reply:
a reloaded chat page's history shows it as the team's words, not the bot's (thirteenth exploratory reading, M12: a
person on a bridge could no longer tell that a human was with them)."""

CRISIS_LEVELS = ("none", "possible", "high")
DERIVED_FIELDS = ("crisis", "distress", "tutoring", "service")
CRISIS_FIELDS = ("risk", "flag", "level", "category", "explicit", "turn_flag", "uncorroborated", "categories",
                 "matched", "guards", "obfuscated", "attempt", "scores", "conversation", "source")
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


def session_proven(metadata: Mapping[str, Any] | None) -> bool:
    """Whether the channel proved the session of the user message with this ``metadata``
    (``metadata["session_proven"]`` is exactly True). A message without it (a channel that knows no
    sessions, a system turn) has proven nothing: the answer to it draws on no earlier turn."""
    return isinstance(metadata, Mapping) and metadata.get(SESSION_PROOF_KEY) is True


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


# --- the typed answers of the service's HTTP API (connectors/client.py returns them) ---

@dataclass(frozen=True)
class EmotionReading:
    """One emotion estimate: a distribution over the label set plus circumplex coordinates.

    Attributes:
        label: the most probable label (neutral, joy, sadness, anger, fear, disgust, surprise).
        probabilities: label -> probability, summing to 1.
        valence: pleasantness in [-1, 1].
        arousal: activation in [-1, 1].
        confidence: how much the service trusts this estimate, in [0, 1].
    """

    label: str
    probabilities: dict[str, float]
    valence: float
    arousal: float
    confidence: float

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "EmotionReading":
        return cls(
            label=str(data["label"]),
            probabilities={str(k): float(v) for k, v in data["probabilities"].items()},
            valence=float(data["valence"]),
            arousal=float(data["arousal"]),
            confidence=float(data["confidence"]),
        )


@dataclass(frozen=True)
class EmotionState(EmotionReading):
    """A speaker's tracked state across turns: a reading plus its trend.

    Attributes:
        trend_valence: recent change of valence per turn (positive = improving).
        trend_arousal: recent change of arousal per turn.
        trend_labels: label -> recent change of its probability per turn.
        turns_observed: how many turns of this speaker fed the state.
    """

    trend_valence: float = 0.0
    trend_arousal: float = 0.0
    trend_labels: dict[str, float] = field(default_factory=dict)
    turns_observed: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "EmotionState":
        reading = EmotionReading.from_json(data)
        trend = data.get("trend") or {}
        return cls(
            **reading.__dict__,
            trend_valence=float(trend.get("valence", 0.0)),
            trend_arousal=float(trend.get("arousal", 0.0)),
            trend_labels={str(k): float(v) for k, v in (trend.get("labels") or {}).items()},
            turns_observed=int(data.get("turns_observed", 0)),
        )


@dataclass(frozen=True)
class ModalityReport:
    """What happened to one modality (text, audio, face) this turn.

    Attributes:
        status: "used", "not_used", "error" or "absent".
        code: a machine-readable reason when not used, e.g. ``"no_face_detected"``.
        message: a human-readable explanation.
        notes: extra remarks (e.g. ``"clipped to 10 s"``).
    """

    status: str
    code: str | None = None
    message: str | None = None
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ModalityReport":
        return cls(
            status=str(data["status"]),
            code=data.get("code"),
            message=data.get("message"),
            notes=[str(n) for n in data.get("notes") or []],
        )


@dataclass(frozen=True)
class TurnAnalysis:
    """The service's answer to one analysed turn.

    Attributes:
        session_id, turn_index (0-based), speaker_id: which turn this is.
        available: False when no modality could be analysed this turn.
        turn: the reading of this turn alone, or None.
        state: the speaker's tracked state after this turn, or None.
        modalities: modality name -> report.
        modalities_used: the modalities that fed ``turn``.
        raw: the response JSON as received (what the Rasa channel puts into metadata).
    """

    session_id: str
    turn_index: int
    speaker_id: str
    available: bool
    turn: EmotionReading | None
    state: EmotionState | None
    modalities: dict[str, ModalityReport]
    modalities_used: list[str]
    raw: dict[str, Any]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "TurnAnalysis":
        return cls(
            session_id=str(data["session_id"]),
            turn_index=int(data["turn_index"]),
            speaker_id=str(data["speaker_id"]),
            available=bool(data["available"]),
            turn=EmotionReading.from_json(data["turn"]) if data.get("turn") else None,
            state=EmotionState.from_json(data["state"]) if data.get("state") else None,
            modalities={
                name: ModalityReport.from_json(report)
                for name, report in (data.get("modalities") or {}).items()
            },
            modalities_used=[str(m) for m in data.get("modalities_used") or []],
            raw=data,
        )


@dataclass(frozen=True)
class SpeakerState:
    """A speaker's current state, as returned by ``GET /v1/sessions/{id}/state``.

    Attributes:
        speaker_id: the speaker asked for, or the session's latest analysed speaker.
        turn_index: the index of the last turn that fed the state, or None.
        turns_received: how many turns the session holds (analysed or not).
        state: the tracked state, or None when no turn of this speaker was analysable.
        raw: the response JSON as received.
    """

    session_id: str
    speaker_id: str | None
    turn_index: int | None
    turns_received: int
    state: EmotionState | None
    raw: dict[str, Any]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "SpeakerState":
        turn_index = data.get("turn_index")
        return cls(
            session_id=str(data["session_id"]),
            speaker_id=data.get("speaker_id"),
            turn_index=None if turn_index is None else int(turn_index),
            turns_received=int(data.get("turns_received", 0)),
            state=EmotionState.from_json(data["state"]) if data.get("state") else None,
            raw=data,
        )
