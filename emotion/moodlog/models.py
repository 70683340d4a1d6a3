"""Mood-log tables. Labels and probabilities only: no raw audio or images are ever stored.

sessions         one row per conversation (the channel's sender / conversation id)
turns            one row per received turn, analysed or not, in arrival order (turn_index)
emotion_records  one row per analysed turn: this turn's fused reading and the tracked state after it
graph_nodes      the conversation-graph node of each turn with text (cached node input and the
                 speaker's running personality evidence), so any replica continues a session's graph
person_baselines one row per person and modality (audio, face): running statistics of what that
                 person's clips or faces gave (no audio, no images, no words), so each new one is
                 read against how that person usually sounds or looks
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Index, Integer, LargeBinary, UniqueConstraint
from sqlmodel import AutoString, Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class ConversationSession(SQLModel, table=True):
    __tablename__ = "sessions"

    id: str = Field(primary_key=True, max_length=128)
    bot: Optional[str] = Field(default=None, max_length=64, index=True)
    # the end user behind the conversation (the channel's user id; defaults to the speaker id)
    user_id: Optional[str] = Field(default=None, max_length=128, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False, index=True))
    turn_count: int = 0


class Turn(SQLModel, table=True):
    """A received turn. ``status``: analysed | unanalysed (no usable modality) | rejected (bad request).

    ``client_turn_id`` is the channel's id of the turn (unique per session), so a turn the channel
    sends again (a replay from its outbox) is logged once; ``sent_at`` is when the user sent it,
    which for a replayed turn is earlier than ``received_at``.
    """

    __tablename__ = "turns"
    __table_args__ = (UniqueConstraint("session_id", "turn_index", name="uq_turn_session_index"),
                      UniqueConstraint("session_id", "client_turn_id", name="uq_turn_client_id"))

    id: Optional[int] = Field(default=None, primary_key=True)
    session_id: str = Field(foreign_key="sessions.id", index=True, max_length=128)
    turn_index: int
    speaker_id: str = Field(max_length=128)
    received_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    client_turn_id: Optional[str] = Field(default=None, max_length=64)
    sent_at: Optional[datetime] = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    text: Optional[str] = None
    text_chars: int = 0
    status: str = Field(max_length=16)
    error_code: Optional[str] = Field(default=None, max_length=64)
    # per-modality outcome: {"text": {"status": "used", "code": None, "message": None, "notes": []}, ...}
    modalities: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # crisis screening of the turn's text (emotion/crisis), kept for every turn, rejected ones too:
    # {"risk", "flag", "level", "category", "conversation": {...}}; only risk, flag, level and
    # category when the user gave no text consent
    crisis: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    # what the bot answered to this turn, line by line (the channel reports it after the bot ran);
    # kept only where the person's own words are (text consent), None when nothing was reported
    bot_replies: Optional[list[str]] = Field(default=None, sa_column=Column(JSON, nullable=True))


class EmotionRecord(SQLModel, table=True):
    """The emotion of one analysed turn. Probabilities are dicts label -> [0, 1]; valence/arousal in [-1, 1]."""

    __tablename__ = "emotion_records"

    id: Optional[int] = Field(default=None, primary_key=True)
    turn_id: int = Field(foreign_key="turns.id", unique=True)
    session_id: str = Field(foreign_key="sessions.id", index=True, max_length=128)
    speaker_id: str = Field(max_length=128, index=True)
    turn_index: int
    modalities_used: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # this turn's reading
    label: str = Field(max_length=16)
    probabilities: dict[str, float] = Field(sa_column=Column(JSON, nullable=False))
    valence: float
    arousal: float
    confidence: float
    # the speaker's tracked state after this turn
    state_label: str = Field(max_length=16)
    state_probabilities: dict[str, float] = Field(sa_column=Column(JSON, nullable=False))
    state_valence: float
    state_arousal: float
    state_confidence: float
    trend_valence: float
    trend_arousal: float
    trend_labels: dict[str, float] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    turns_observed: int
    # derived states of the turn (emotion/affect): crisis risk/flag, distress, tutoring states
    derived: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))


class GraphNode(SQLModel, table=True):
    """The cached input of one turn's node in the conversation graph (see emotion/graph/model.py).

    features, audio_features, face_features: float16 bytes of the turn's text node feature (D,),
    speech-emotion embedding (128,) and face-emotion embedding (256,), each None when the graph
    did not read that modality this turn; traits: the speaker's Big-Five estimate used for this
    node (5 floats in [0, 1]) and its confidence; evidence_*: the speaker's running personality
    evidence after this turn (float32 bytes of the embedding sum, turn and char counts).
    Derived numbers only: no transcript, audio or image (the embeddings are the emotion
    encoders', not identity features). Deleted with its turn.
    """

    __tablename__ = "graph_nodes"
    # the per-turn reads: a session's last nodes, a speaker's newest node (migration 0007)
    __table_args__ = (Index("ix_graph_nodes_session_turn", "session_id", "turn_index"),
                      Index("ix_graph_nodes_session_speaker_turn", "session_id", "speaker_id", "turn_index"))

    id: Optional[int] = Field(default=None, primary_key=True)
    turn_id: int = Field(sa_column=Column(Integer, ForeignKey("turns.id", ondelete="CASCADE"), unique=True, nullable=False))
    session_id: str = Field(sa_column=Column(AutoString(128), ForeignKey("sessions.id", ondelete="CASCADE"),
                                             index=True, nullable=False))
    turn_index: int
    speaker_id: str = Field(max_length=128)
    features: Optional[bytes] = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    audio_features: Optional[bytes] = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    face_features: Optional[bytes] = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    traits: list[float] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    trait_conf: float = 0.0
    evidence_sum: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    evidence_turns: int = 0
    evidence_chars: int = 0


class ReadingFeedback(SQLModel, table=True):
    """A person's correction of what was read from one of their turns ("that's not right":
    they felt ``label``, the service read ``read_label``), for supervisors' per-label counts and,
    later, per-user calibration."""

    __tablename__ = "reading_feedback"

    id: Optional[int] = Field(default=None, primary_key=True)
    session_id: str = Field(foreign_key="sessions.id", index=True, max_length=128)
    turn_index: int
    read_label: Optional[str] = Field(default=None, max_length=16)
    label: str = Field(max_length=16)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class PersonBaselineRow(SQLModel, table=True):
    """A person's baseline in one modality (``emotion.tracking.baseline.PersonBaseline``): ``count``
    of clips or faces seen, and ``stats`` = {"mean": [F floats], "m2": [F floats]} in the feature
    ``space`` they were measured in (a baseline from another space is started again). Erased with
    the person."""

    __tablename__ = "person_baselines"

    user_id: str = Field(primary_key=True, max_length=128)
    modality: str = Field(primary_key=True, max_length=16)
    space: str = Field(max_length=64)
    count: int = 0
    stats: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
