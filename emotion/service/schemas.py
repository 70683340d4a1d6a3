"""Request/response models of the emotion service API (separate from the mood-log tables).

(Over 300 lines for a reason: this is the whole wire contract, one small model per shape of the
API; the Rasa side's ``connectors/contract.py`` is checked against it through the OpenAPI
document (tests/service/test_wire_contract.py), so it stays one file to read against the other.)"""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from emotion.labels import LABELS
from emotion.moodlog.models import EmotionRecord
from emotion.tracking import EmotionReading, TrackedState

ModalityStatus = Literal["used", "not_used", "error", "absent"]
# Strings that reach the mood log: PostgreSQL text cannot hold NUL (U+0000).
NO_NUL = r"^[^\x00]*$"


class ModalityReport(BaseModel):
    """What happened to one modality of a turn. ``code`` is machine-readable, ``message`` for people."""

    status: ModalityStatus
    code: Optional[str] = None
    message: Optional[str] = None
    notes: list[str] = Field(default_factory=list)


class Reading(BaseModel):
    """One turn's emotion. probabilities: label -> [0, 1] over the 7 labels; valence/arousal in [-1, 1]."""

    label: str
    probabilities: dict[str, float]
    valence: float
    arousal: float
    confidence: float = Field(ge=0, le=1)

    @classmethod
    def of(cls, reading: EmotionReading) -> "Reading":
        valence, arousal = reading.valence_arousal
        return cls(label=reading.label, probabilities=dict(zip(LABELS, reading.probs)),
                   valence=valence, arousal=arousal, confidence=reading.confidence)

    @classmethod
    def of_record(cls, record: EmotionRecord) -> "Reading":
        return cls(label=record.label, probabilities=record.probabilities, valence=record.valence,
                   arousal=record.arousal, confidence=record.confidence)


class Trend(BaseModel):
    """Least-squares slopes per turn over the speaker's recent turns (valence/arousal units per turn)."""

    valence: float
    arousal: float
    labels: dict[str, float]


class State(Reading):
    """A speaker's tracked state: smoothed over their turns, with a trend and the evidence behind it."""

    trend: Trend
    turns_observed: int

    @classmethod
    def of_state(cls, state: TrackedState) -> "State":
        return cls(label=state.label, probabilities=dict(zip(LABELS, state.probs)), valence=state.valence,
                   arousal=state.arousal, confidence=state.confidence,
                   trend=Trend(valence=state.trend_valence, arousal=state.trend_arousal, labels=state.trend_labels),
                   turns_observed=state.turns_observed)

    @classmethod
    def of_record_state(cls, record: EmotionRecord) -> "State":
        return cls(label=record.state_label, probabilities=record.state_probabilities, valence=record.state_valence,
                   arousal=record.state_arousal, confidence=record.state_confidence,
                   trend=Trend(valence=record.trend_valence, arousal=record.trend_arousal, labels=record.trend_labels),
                   turns_observed=record.turns_observed)


CrisisLevel = Literal["none", "possible", "high"]


class _Open(BaseModel):
    """A derived state: the fields below are the contract; a newer service may add others.
    Values are not range-checked on the way out: a rounding slip must never fail a turn."""

    model_config = ConfigDict(extra="allow")


class CrisisEpisode(_Open):
    """One turn of the conversation's crisis history."""

    turn_index: Optional[int] = Field(default=None, description="the turn's index (null: this turn)")
    category: Optional[str] = None
    risk: float = Field(description="0..1")


class ConversationCrisis(_Open):
    """Risk built up over the session's recent turns (emotion/crisis/conversation.py)."""

    risk: float = Field(description="0..1")
    flag: bool
    level: CrisisLevel = "none"
    categories: list[CrisisEpisode] = Field(default_factory=list, description="the risky turns, oldest first")
    turns: int = Field(default=0, ge=0, description="turns read together")


class CrisisState(_Open):
    """``derived.crisis``: this turn's screening joined with the conversation's risk.

    Without text consent only ``risk``, ``flag``, ``level``, ``category`` and ``attempt`` are kept."""

    risk: float = Field(description="calibrated probability of current risk, 0..1")
    flag: bool = Field(description="escalate: the turn's or the conversation's risk is high")
    level: CrisisLevel = "none"
    category: Optional[str] = Field(default=None, description="the warning-sign category that fired")
    explicit: Optional[bool] = Field(default=None, description="the message itself holds unguarded warning-sign language")
    turn_flag: Optional[bool] = Field(default=None, description="this message alone is high risk")
    uncorroborated: Optional[bool] = Field(
        default=None, description="the models alone read this message as high risk on a calm conversation: "
                                  "counted as possible (its own risk in scores.alone); ask, do not hand off")
    categories: list[str] = Field(default_factory=list)
    matched: list[str] = Field(default_factory=list)
    guards: list[str] = Field(default_factory=list, description="negation, past, idiom, fiction or joke cues seen")
    obfuscated: bool = False
    attempt: bool = Field(default=False, description="an attempt under way or just made (a dose taken, an injury "
                                                     "bleeding, the edge reached now): always high, first in the queue")
    scores: dict[str, float] = Field(default_factory=dict, description="each component's score, for the record")
    conversation: Optional[ConversationCrisis] = None
    source: Optional[str] = Field(default=None, description="service | rasa_fallback | ...")


class TutoringState(_Open):
    """``derived.tutoring``: a student's affect (emotion/affect), each 0..1."""

    confusion: float
    frustration: float
    boredom: float
    engagement: float
    cues: list[str] = Field(default_factory=list, description="the phrases that matched")


class ServiceState(_Open):
    """``derived.service``: a customer's affect in a service or help-desk chat (emotion/affect), each 0..1."""

    frustration: float = Field(description="annoyed, fed up or disappointed with the service, the wait or the bot")
    satisfaction: float = Field(description="pleased, grateful or relieved with the help or the outcome")


class Derived(_Open):
    """States derived from a turn: crisis for every turn with text (screening needs no
    emotion-analysis consent), distress, tutoring and service when the text was analysed."""

    crisis: Optional[CrisisState] = None
    distress: Optional[float] = Field(default=None, description="0..1")
    tutoring: Optional[TutoringState] = None
    service: Optional[ServiceState] = None


class TurnTranscript(BaseModel):
    """The words of a voice message, recognised in the same request (``transcribe``)."""

    text: str = Field(description="the recognised words; empty when speech was heard but no word recognised")
    confidence: float = Field(ge=0, le=1, description="posterior probability of the text")
    speech_s: float = Field(description="seconds of speech after silence trimming")


class TurnResponse(BaseModel):
    session_id: str
    turn_index: int = Field(description="0-based index of this turn in the session")
    speaker_id: str
    available: bool = Field(description="false when no modality could be analysed this turn")
    turn: Optional[Reading] = Field(description="this turn's reading (null when unavailable)")
    state: Optional[State] = Field(description="the speaker's tracked state after this turn (null before any analysed turn)")
    modalities: dict[str, ModalityReport]
    modalities_used: list[str]
    derived: Optional[Derived] = None
    client_turn_id: Optional[str] = Field(default=None, description="the channel's id of the turn, as sent")
    duplicate: bool = Field(default=False, description=(
        "true when the turn was already logged (a replay): the answer is the logged turn, not analysed again"))
    transcript: Optional[TurnTranscript] = Field(default=None, description=(
        "a voice message sent with transcribe=true: the words recognised in its clip, which the turn was "
        "screened and read with (null when not asked, when the clip had no usable speech, or on a replay)"))
    timings_ms: Optional[dict[str, float]] = Field(default=None, description=(
        "milliseconds per stage of this turn: text (text_encoder, affect, text_queue; text_batch = texts read "
        "together), audio (audio_decode, vad, speech_encoder), face_encoder, analysis (all encoders), "
        "moodlog_read (the turn's one read of the log), asr (recognising a voice message's words), crisis_screening, "
        "graph, tracking, derive, moodlog_write"))


class StateResponse(BaseModel):
    session_id: str
    speaker_id: Optional[str]
    turn_index: Optional[int] = Field(description="index of the turn the state was last updated at")
    turns_received: int
    state: Optional[State]
    modalities_used: list[str] = Field(default_factory=list)


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorDetail
    turn_logged: bool = False
    turn_index: Optional[int] = None
    crisis: Optional[CrisisState] = Field(default=None, description=(
        "a refused turn's crisis screening (screening runs before every limit), as derived.crisis"))
    transcript: Optional[TurnTranscript] = Field(default=None, description=(
        "a refused voice message sent with transcribe: its words, heard and screened before any limit"))


class HistoryTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=2_000)
    user: str = Field(default="Student", max_length=32, description='"Student" or "Teacher"')


class DialogueCues(BaseModel):
    """What the channel knows about the dialogue, for the derived states (emotion/affect); all optional."""

    # strict: the schema says integer / number, so true/false or "3" are refused, not coerced
    # (the API fuzz found {"wrong_in_a_row": false} accepted)
    model_config = ConfigDict(extra="forbid", strict=True)

    wrong_in_a_row: Optional[int] = Field(default=None, ge=0, le=1_000, description="wrong answers in a row")
    hint_requests: Optional[int] = Field(default=None, ge=0, le=1_000, description="hints asked for this problem")
    response_time_s: Optional[float] = Field(default=None, ge=0, le=86_400, allow_inf_nan=False,
                                             description="seconds the user took to answer")
    history: list[HistoryTurn] = Field(default_factory=list, max_length=50, description="earlier turns, oldest first")


class Health(BaseModel):
    status: Literal["ok"]
    database: str
    compliance_profile: str
    encoders: dict[str, str] = Field(description="modality -> 'loaded' or why it is not")


class FeedbackIn(BaseModel):
    """What the person says they felt, when the reading of their turn was not right."""

    model_config = ConfigDict(extra="forbid")

    label: Literal[LABELS] = Field(description="one of the common labels (neutral, joy, sadness, anger, fear, "  # type: ignore[valid-type]
                                                "disgust, surprise)")


class RepliesIn(BaseModel):
    """What the bot answered to one turn, line by line, as the channel sent it to the person."""

    model_config = ConfigDict(extra="forbid")

    replies: list[Annotated[str, StringConstraints(max_length=4000, pattern=NO_NUL)]] = Field(
        max_length=20, description="the bot's messages to the turn, in order (texts only)")


class RepliesOut(BaseModel):
    session_id: str
    turn_index: int
    kept: bool = Field(description="false when the person gave no text consent: the replies were not stored")


class FeedbackOut(BaseModel):
    id: int
    session_id: str
    turn_index: int
    read_label: Optional[str] = Field(description="what the service read from the turn (null: it was not analysed)")
    label: str


class ConsentUpdate(BaseModel):
    """Opt-in (true) or opt-out (false) per modality; omitted modalities keep their decision.
    Only JSON true/false count: 0, 1 or "no" are refused, not guessed at."""

    text: Optional[StrictBool] = None
    audio: Optional[StrictBool] = None
    face: Optional[StrictBool] = None
    source: str = Field(default="api", max_length=64, pattern=NO_NUL,
                        description="where the decision was taken (web, voice, admin...)")

    def decisions(self) -> dict[str, bool]:
        return {m: v for m, v in (("text", self.text), ("audio", self.audio), ("face", self.face)) if v is not None}


class Consent(BaseModel):
    user_id: str
    consent: dict[str, bool] = Field(description="modality -> granted; a modality never asked is absent")


class HandoffRequest(BaseModel):
    """The user and bot of the handoff are the session's (from the mood log); ``bot`` and
    ``user_id`` name them for a session the mood log does not hold yet."""

    reason: str = Field(min_length=1, max_length=300, pattern=NO_NUL)
    bot: Optional[str] = Field(default=None, max_length=64, pattern=NO_NUL)
    user_id: Optional[str] = Field(default=None, max_length=128, pattern=NO_NUL)
    kind: Optional[Literal["safeguarding"]] = Field(
        default=None, description="what the handoff is, when the requester knows: safeguarding (a child's abuse, "
                                  "harm at home or self-harm), ranked with the high-risk handoffs in the queue; null: "
                                  "the crisis screening of the conversation decides")


class HandoffOut(BaseModel):
    id: int
    session_id: str
    status: str
    reason: str
    kind: Optional[str] = Field(default=None, description="safeguarding, or null")
    created: bool = Field(description="false when an open handoff for the session already existed")
    turns_in_snapshot: int


class ThreadMessageIn(BaseModel):
    """A message of a handoff's live thread, as the bot side reports it."""

    kind: Literal["person", "bot", "notice", "alert"] = Field(
        description="person, bot, notice (a line for the person, pushed to them) or alert (for the team only)")
    text: str = Field(min_length=1, max_length=4000, pattern=NO_NUL)


class ThreadMessagesIn(BaseModel):
    messages: list[ThreadMessageIn] = Field(min_length=1, max_length=20)


class ThreadMessageOut(BaseModel):
    id: int = Field(description="increasing; poll with ?after=<the last id seen>")
    kind: str = Field(description="person | bot | supervisor | notice | alert (the team only)")
    text: str
    created_at: datetime


class HandoffStatus(BaseModel):
    """The session's newest handoff as the person's side may know it (no supervisor identity). Readers cope with
    ``expected_wait_s`` null: it is null whenever ``busy`` (twelfth exploratory reading, L6)."""

    id: int
    status: Literal["open", "claimed", "resolved"]
    waiting_s: float = Field(description="seconds since it was opened (to its claim, once claimed)")
    expected_wait_s: Optional[float] = Field(
        description="seconds: the median time from opening to a claim over this bot's last claimed handoffs, the "
                    "usual wait and never a promise; null when it is nothing to go by: no claims to tell from, or the "
                    "queue is busy (then say a person joins as soon as one is free)")
    cursor: int = Field(description="the newest thread message id: poll pushed messages after it")
    queue_ahead: int = Field(default=0, description="open handoffs of this bot opened before this one, nobody claimed")
    queue_overdue: int = Field(default=0, description="open handoffs of this bot nobody claimed in time")
    busy: bool = Field(default=False, description="open, and the queue is long or overdue: expected_wait_s is null; "
                                                  "say a person joins as soon as one is free")
    claimed: bool = Field(default=False, description="a person from the team claimed it (it may since be resolved)")
    since_claim_s: Optional[float] = Field(default=None, description="seconds since the claim; null when never claimed")


class PushedMessages(BaseModel):
    """Messages pushed to the person outside a reply (human replies, notices), oldest first."""

    messages: list[ThreadMessageOut]
    handoff: Optional[HandoffStatus] = Field(description="the newest handoff; null when never handed off")
