"""Reading and writing the mood log's turns. One ``MoodLog`` per process, shared by all requests.

(Over 300 lines for a reason: a turn's one read (``read_for_turn``) and one write
(``append_turn``: the turn, its reading, graph node, tracked state and the person's baselines in
one transaction) are the unit of work the service relies on, and they stay side by side;
consent, audit and handoffs are in :mod:`emotion.moodlog.governance_log`.)"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Sequence

import numpy as np

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from emotion.labels import LABELS
from emotion.moodlog import governance
from emotion.moodlog.governance_log import GovernanceLog
from emotion.moodlog.models import (ConversationSession, EmotionRecord, GraphNode, ReadingFeedback, Turn,
                                    PersonBaselineRow, utcnow)
from emotion.tracking import EmotionReading, TrackedState
from emotion.tracking.baseline import PersonBaseline


@dataclass(frozen=True)
class TurnToLog:
    """Everything about a received turn that the mood log keeps (no raw audio or images)."""

    session_id: str
    speaker_id: str
    bot: str | None
    user_id: str | None
    text: str | None
    text_chars: int
    status: str
    error_code: str | None
    modalities: dict[str, Any]
    client_turn_id: str | None = None  # the channel's id of the turn: a second turn with it is a replay
    sent_at: datetime | None = None  # when the user sent it (a replayed turn arrives later)
    crisis: dict[str, Any] | None = None  # the turn's crisis screening (emotion/crisis)
    baselines: dict[str, tuple[str, list[float]]] | None = None  # modality -> (space, (F,) features) added to the user's baseline


class DuplicateTurn(Exception):
    """The session already holds a turn with this ``client_turn_id``: ``row`` and ``record`` are it."""

    def __init__(self, row: Turn, record: EmotionRecord | None):
        super().__init__(f"turn {row.client_turn_id!r} of session {row.session_id!r} is already logged")
        self.row, self.record = row, record


@dataclass
class TurnReads:
    """What one turn reads from the mood log (:meth:`MoodLog.read_for_turn`)."""

    logged: tuple[Turn, EmotionRecord | None] | None  # the turn's logged copy (a replay), if any
    consent: dict[str, bool]  # modality -> granted, as recorded (absent: never asked)
    recent_crisis: list[tuple[int, dict[str, Any], str | None]]  # (turn index, crisis, text), oldest first
    graph_window: list[GraphNode]  # the conversation graph's recent nodes, oldest first
    speaker_last: GraphNode | None  # the speaker's last node
    baselines: dict[str, PersonBaselineRow] = field(default_factory=dict)  # modality -> the user's baseline


class SessionOfAnotherBot(Exception):
    """The session id is already another bot's: a bot never writes into another bot's conversation."""

    def __init__(self, session_id: str, owner: str):
        super().__init__(f"session {session_id!r} belongs to another bot ({owner!r})")
        self.session_id, self.owner = session_id, owner


def _as_dict(probs: Sequence[float]) -> dict[str, float]:
    return {label: float(p) for label, p in zip(LABELS, probs)}


def _as_tuple(probs: dict[str, float]) -> tuple[float, ...]:
    return tuple(float(probs[label]) for label in LABELS)


def reading_of(record: EmotionRecord) -> EmotionReading:
    return EmotionReading(probs=_as_tuple(record.probabilities), confidence=record.confidence)


def state_of(record: EmotionRecord) -> TrackedState:
    return TrackedState(
        probs=_as_tuple(record.state_probabilities),
        valence=record.state_valence,
        arousal=record.state_arousal,
        confidence=record.state_confidence,
        trend_valence=record.trend_valence,
        trend_arousal=record.trend_arousal,
        trend_labels=dict(record.trend_labels),
        turns_observed=record.turns_observed,
    )


Tracker = Callable[[TrackedState | None, list[EmotionReading]], TrackedState]
"""(speaker's previous state or None, speaker's earlier readings oldest first) -> new state"""

Deriver = Callable[[EmotionRecord], "dict[str, Any] | None"]
"""(the turn's emotion record, state filled in) -> its derived states, stored with it"""


class MoodLog(GovernanceLog):
    """The mood log's turns (append, read for a turn, feedback, replies); consent, audit and
    handoffs come from :class:`GovernanceLog`."""

    def __init__(self, engine: Engine, history_window: int = 8):
        self.engine = engine
        self.history_window = history_window
        self._sqlite_lock = threading.Lock()

    @staticmethod
    def _speaker_history(db: Session, session_id: str, speaker_id: str, limit: int) -> list[EmotionRecord]:
        """The speaker's last ``limit`` emotion records in this session, oldest first."""
        rows = db.exec(
            select(EmotionRecord)
            .where(EmotionRecord.session_id == session_id, EmotionRecord.speaker_id == speaker_id)
            .order_by(col(EmotionRecord.turn_index).desc())
            .limit(limit)
        ).all()
        return list(reversed(rows))

    def append_turn(
        self,
        turn: TurnToLog,
        reading: EmotionReading | None = None,
        update_state: Tracker | None = None,
        modalities_used: Sequence[str] = (),
        graph_node: GraphNode | None = None,
        derive: Deriver | None = None,
    ) -> tuple[Turn, EmotionRecord | None]:
        """Write a turn (and, when analysed, its emotion record and derived states) in one transaction.

        The turn gets the session's next ``turn_index`` (0-based). The session row is locked
        (``SELECT ... FOR UPDATE`` on PostgreSQL, a process lock on SQLite) while the index is
        taken and ``update_state(previous_state, speaker_history)`` computes the tracked state,
        so concurrent writers and replicas never interleave a session's turns. Raises
        :class:`DuplicateTurn` when the session already holds ``turn.client_turn_id`` (a turn
        logged as rejected is instead completed in place: one row per turn, however often it
        was retried), and :class:`SessionOfAnotherBot` when ``turn.bot`` is not the session's.
        """
        for attempt in range(3):
            try:
                if self.engine.dialect.name == "sqlite":
                    with self._sqlite_lock:
                        return self._append(turn, reading, update_state, modalities_used, graph_node, derive)
                return self._append(turn, reading, update_state, modalities_used, graph_node, derive)
            except IntegrityError:
                # Two writers created the same session at once; the loser retries and finds it.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _append(self, turn, reading, update_state, modalities_used, graph_node, derive):
        with Session(self.engine, expire_on_commit=False) as db:
            session = db.exec(
                select(ConversationSession).where(ConversationSession.id == turn.session_id).with_for_update()
            ).first()
            if session is not None and turn.bot and session.bot and session.bot != turn.bot:
                raise SessionOfAnotherBot(turn.session_id, session.bot)
            retried = None
            if session is not None and turn.client_turn_id is not None:
                # under the session lock, so a replay racing its original finds it here
                existing = self._find(db, turn.session_id, turn.client_turn_id)
                if existing is not None and not (existing[0].status == "rejected" and turn.status != "rejected"):
                    raise DuplicateTurn(*existing)
                retried = existing[0] if existing is not None else None
            if session is None:
                session = ConversationSession(id=turn.session_id, bot=turn.bot, user_id=turn.user_id)
                db.add(session)
                db.flush()
            session.updated_at = utcnow()
            if turn.bot and not session.bot:
                session.bot = turn.bot
            if retried is not None:
                # a turn refused before (rate limit, bad input) and accepted now: one row per turn,
                # at the index it was first received under
                row, index = retried, retried.turn_index
                row.text, row.text_chars, row.status, row.error_code = turn.text, turn.text_chars, turn.status, turn.error_code
                row.modalities, row.sent_at, row.crisis = turn.modalities, turn.sent_at or row.sent_at, turn.crisis
            else:
                index = session.turn_count
                session.turn_count = index + 1
                row = Turn(
                    session_id=turn.session_id, turn_index=index, speaker_id=turn.speaker_id, text=turn.text,
                    text_chars=turn.text_chars, status=turn.status, error_code=turn.error_code,
                    modalities=turn.modalities, client_turn_id=turn.client_turn_id, sent_at=turn.sent_at,
                    crisis=turn.crisis,
                )
            db.add(row)
            db.flush()
            for modality, (space, features) in (turn.baselines or {}).items():
                self._add_to_baseline(db, turn.user_id or turn.speaker_id, modality, space, features)
            if graph_node is not None:
                graph_node.turn_id, graph_node.turn_index = row.id, index
                db.add(graph_node)
            record = None
            if reading is not None and update_state is not None:
                history = self._speaker_history(db, turn.session_id, turn.speaker_id, self.history_window)
                previous = state_of(history[-1]) if history else None
                state = update_state(previous, [reading_of(r) for r in history])
                record = EmotionRecord(
                    turn_id=row.id, session_id=turn.session_id, speaker_id=turn.speaker_id, turn_index=index,
                    modalities_used=list(modalities_used), label=reading.label,
                    probabilities=_as_dict(reading.probs), valence=reading.valence_arousal[0],
                    arousal=reading.valence_arousal[1], confidence=reading.confidence,
                    state_label=state.label, state_probabilities=_as_dict(state.probs),
                    state_valence=state.valence, state_arousal=state.arousal,
                    state_confidence=state.confidence, trend_valence=state.trend_valence,
                    trend_arousal=state.trend_arousal, trend_labels=state.trend_labels,
                    turns_observed=state.turns_observed,
                )
                # in the same transaction: a turn is never logged without its derived states
                record.derived = derive(record) if derive is not None else None
                db.add(record)
            db.commit()
            return row, record

    @staticmethod
    def _add_to_baseline(db: Session, user_id: str, modality: str, space: str, features: list[float]) -> None:
        """Count one clip's or face's features in the user's baseline of ``modality`` (row-locked;
        a baseline measured in another space starts over)."""
        row = db.exec(select(PersonBaselineRow).where(PersonBaselineRow.user_id == user_id,
                                                      PersonBaselineRow.modality == modality).with_for_update()).first()
        if row is None or row.space != space or not row.stats:
            baseline = PersonBaseline.empty(len(features))
            row = row or PersonBaselineRow(user_id=user_id, modality=modality, space=space)
        else:
            baseline = PersonBaseline.from_json({"n": row.count, **row.stats})
        baseline.add(np.asarray(features, np.float64))
        stats = baseline.to_json()
        row.space, row.count, row.updated_at = space, stats.pop("n"), utcnow()
        row.stats = stats
        db.add(row)

    @staticmethod
    def _find(db: Session, session_id: str, client_turn_id: str) -> tuple[Turn, EmotionRecord | None] | None:
        row = db.exec(select(Turn).where(Turn.session_id == session_id, Turn.client_turn_id == client_turn_id)).first()
        if row is None:
            return None
        return row, db.exec(select(EmotionRecord).where(EmotionRecord.turn_id == row.id)).first()

    def read_for_turn(self, session_id: str, speaker_id: str, user_id: str, client_turn_id: str | None,
                      crisis_turns: int, graph_turns: int) -> "TurnReads":
        """Everything a turn reads from the log, in one transaction before it is analysed: the
        logged copy of a replay, the user's consent, the last ``crisis_turns`` screenings and
        (``graph_turns`` > 0) the conversation graph's window and the speaker's last node. The
        turn's one write is :meth:`append_turn`."""
        with Session(self.engine, expire_on_commit=False) as db:
            return TurnReads(
                logged=self._find(db, session_id, client_turn_id) if client_turn_id is not None else None,
                consent=governance.recorded_consent(db, user_id),
                recent_crisis=self._recent_crisis(db, session_id, crisis_turns),
                graph_window=self._graph_window(db, session_id, graph_turns) if graph_turns > 0 else [],
                speaker_last=self._latest_graph_node(db, session_id, speaker_id) if graph_turns > 0 else None,
                baselines={row.modality: row for row in db.exec(
                    select(PersonBaselineRow).where(PersonBaselineRow.user_id == user_id)).all()})

    @staticmethod
    def _graph_window(db: Session, session_id: str, limit: int) -> list[GraphNode]:
        rows = db.exec(select(GraphNode).where(GraphNode.session_id == session_id)
                       .order_by(col(GraphNode.turn_index).desc()).limit(limit)).all()
        return list(reversed(rows))

    @staticmethod
    def _latest_graph_node(db: Session, session_id: str, speaker_id: str) -> GraphNode | None:
        return db.exec(select(GraphNode).where(GraphNode.session_id == session_id, GraphNode.speaker_id == speaker_id)
                       .order_by(col(GraphNode.turn_index).desc()).limit(1)).first()

    @staticmethod
    def _recent_crisis(db: Session, session_id: str, limit: int) -> list[tuple[int, dict[str, Any], str | None]]:
        rows = db.exec(select(Turn.turn_index, Turn.crisis, Turn.text).where(Turn.session_id == session_id)
                       .order_by(col(Turn.turn_index).desc()).limit(limit)).all()
        return [(i, c, t) for i, c, t in reversed(rows) if isinstance(c, dict)]

    def graph_window(self, session_id: str, limit: int) -> list[GraphNode]:
        """The session's last ``limit`` conversation-graph nodes, oldest first."""
        with Session(self.engine) as db:
            return self._graph_window(db, session_id, limit)

    def ensure_session(self, session_id: str, bot: str | None = None, user_id: str | None = None) -> None:
        """Create the session row unless it exists (a handoff may come before the session's turns)."""
        if self.get_session(session_id) is not None:
            return
        try:
            with Session(self.engine) as db:
                db.add(ConversationSession(id=session_id, bot=bot, user_id=user_id))
                db.commit()
        except IntegrityError:  # created meanwhile by the session's first turn
            pass

    def get_session(self, session_id: str) -> ConversationSession | None:
        with Session(self.engine) as db:
            return db.get(ConversationSession, session_id)

    def latest_record(self, session_id: str, speaker_id: str | None = None) -> EmotionRecord | None:
        with Session(self.engine) as db:
            query = select(EmotionRecord).where(EmotionRecord.session_id == session_id)
            if speaker_id is not None:
                query = query.where(EmotionRecord.speaker_id == speaker_id)
            return db.exec(query.order_by(col(EmotionRecord.turn_index).desc()).limit(1)).first()

    def turns(self, session_id: str) -> list[Turn]:
        with Session(self.engine) as db:
            return list(db.exec(select(Turn).where(Turn.session_id == session_id).order_by(col(Turn.turn_index))).all())

    # --- what people said about their turns ----------------------------------------------

    def add_feedback(self, session_id: str, turn_index: int, label: str) -> ReadingFeedback | None:
        """Store a person's correction of turn ``turn_index``'s reading; None when there is no such turn."""
        with Session(self.engine, expire_on_commit=False) as db:
            turn = db.exec(select(Turn).where(Turn.session_id == session_id, Turn.turn_index == turn_index)).first()
            if turn is None:
                return None
            record = db.exec(select(EmotionRecord).where(EmotionRecord.turn_id == turn.id)).first()
            feedback = ReadingFeedback(session_id=session_id, turn_index=turn_index, label=label,
                                       read_label=record.label if record else None)
            db.add(feedback)
            db.commit()
            return feedback

    def record_replies(self, session_id: str, turn_index: int, replies: list[str],
                       words_allowed: Callable[[dict[str, bool]], bool] = lambda consent: True) -> bool | None:
        """Keep what the bot answered to turn ``turn_index`` (replacing an earlier report) when
        ``words_allowed(the turn's user's consent)``: replies say back the person's words, so they
        are kept under the same consent. True: kept; False: not kept (no consent); None: no such turn."""
        with Session(self.engine) as db:
            turn = db.exec(select(Turn).where(Turn.session_id == session_id, Turn.turn_index == turn_index)).first()
            if turn is None:
                return None
            session = db.get(ConversationSession, session_id)
            user_id = (session.user_id if session is not None else None) or turn.speaker_id
            if not words_allowed(governance.recorded_consent(db, user_id)):
                return False
            turn.bot_replies = list(replies)
            db.add(turn)
            db.commit()
            return True
