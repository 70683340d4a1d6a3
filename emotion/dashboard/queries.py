"""What a supervisor may see of the mood log: the sessions list (filters, keyset paging) and one session.

Tenancy: a bot is a tenant. Admins see every bot; a supervisor sees the bots assigned to them,
and any other session is reported as not found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Sequence

from sqlalchemy import Integer, and_, column as sa_column, exists, false, func, or_, text as text_clause, true
from sqlmodel import Session, col, select

from emotion.labels import LABELS
from emotion.moodlog.governance import CONSENT_DEFAULTS, BotAssignment, Handoff, Supervisor, recorded_consent
from emotion.moodlog.models import ConversationSession, EmotionRecord, Turn

NEGATIVE_VALENCE = -0.3  # state valence below this counts as negative
SUSTAINED_RUN = 3  # this many negative records in a row make a session "sustained negative"


def visible_bots(db: Session, user: Supervisor) -> list[str] | None:
    """The bots ``user`` may see; None means all (admins)."""
    if user.role == "admin":
        return None
    return list(db.exec(select(BotAssignment.bot).where(BotAssignment.supervisor_id == user.id)).all())


def in_tenants(column, bots: list[str] | None):
    return true() if bots is None else col(column).in_(bots)


def distress(state_valence: float) -> float:
    """Distress in [0, 1] of a state valence in [-1, 1]: 0 at valence 1, 1 at valence -1."""
    return (1.0 - state_valence) / 2.0


def _negative_runs(*where):
    """Records (among ``where``) with the state valence of the record and of the speaker's
    ``SUSTAINED_RUN - 1`` records before it in the session, as columns v0, v1, ..."""
    v = col(EmotionRecord.state_valence)
    window = dict(partition_by=(EmotionRecord.session_id, EmotionRecord.speaker_id),
                  order_by=col(EmotionRecord.turn_index))
    lags = [func.lag(v, k).over(**window).label(f"v{k}") for k in range(1, SUSTAINED_RUN)]
    return select(col(EmotionRecord.session_id).label("session_id"), v.label("v0"), *lags).where(*where)


def _all_negative(runs):
    return [runs.c[f"v{k}"] < NEGATIVE_VALENCE for k in range(SUSTAINED_RUN)]


def sustained_negative_sessions(session_ids: Sequence[str]):
    """SELECT of the ids among ``session_ids`` with ``SUSTAINED_RUN`` consecutive records (per
    speaker, in turn order) whose state valence is below ``NEGATIVE_VALENCE``."""
    runs = _negative_runs(col(EmotionRecord.session_id).in_(session_ids)).subquery()
    return select(runs.c.session_id).where(*_all_negative(runs)).distinct()


def is_sustained_negative():
    """A condition on ``sessions``: the same test, run per session (an index scan of its records),
    so a paged list stops after the page is full instead of windowing every record first."""
    runs = _negative_runs(EmotionRecord.session_id == ConversationSession.id).correlate(ConversationSession).subquery()
    return exists(select(runs.c.session_id).where(*_all_negative(runs)))


@dataclass(frozen=True)
class SessionFilters:
    bot: str | None = None
    user_id: str | None = None  # a prefix of the user id
    date_from: date | None = None  # sessions active on or after this day (UTC)
    date_to: date | None = None  # sessions started on or before this day (UTC)
    crisis: bool = False  # has a handoff (any status)
    sustained_negative: bool = False
    min_distress: float | None = None  # peak distress in [0, 1] at least this
    text: str | None = None  # words in the transcript (the database's full-text search)
    tag: str | None = None  # a case-note tag


@dataclass(frozen=True)
class SessionRow:
    id: str
    bot: str | None
    user_id: str | None
    created_at: datetime
    updated_at: datetime
    turn_count: int
    peak_distress: float | None
    sustained_negative: bool
    handoff: str | None  # "open" if any open handoff, else the newest handoff's status, else None


@dataclass
class SessionPage:
    rows: list[SessionRow]
    next_cursor: str | None


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def encode_cursor(row: ConversationSession) -> str:
    return f"{row.updated_at.replace(tzinfo=None).isoformat()}|{row.id}"


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    moment, _, session_id = cursor.partition("|")
    return datetime.fromisoformat(moment).replace(tzinfo=timezone.utc), session_id


def list_sessions(db: Session, bots: list[str] | None, filters: SessionFilters, *, limit: int,
                  cursor: str | None = None) -> SessionPage:
    """One page of sessions, newest activity first, paged by the key (updated_at, id)."""
    s = ConversationSession
    where = [in_tenants(s.bot, bots)]
    if filters.bot:
        where.append(s.bot == filters.bot)
    if filters.user_id:
        prefix = filters.user_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(col(s.user_id).like(prefix + "%", escape="\\"))
    if filters.text:
        where.append(col(s.id).in_(select(Turn.session_id).where(transcript_matches(db, filters.text))))
    if filters.tag:
        tagged = ("SELECT session_id FROM session_notes WHERE jsonb_exists(tags::jsonb, :tag)"
                  if db.get_bind().dialect.name == "postgresql" else
                  "SELECT n.session_id FROM session_notes n, json_each(n.tags) j WHERE j.value = :tag")
        where.append(col(s.id).in_(text_clause(tagged).bindparams(tag=filters.tag).columns(sa_column("session_id"))))
    if filters.date_from:
        where.append(col(s.updated_at) >= _day_start(filters.date_from))
    if filters.date_to:
        where.append(col(s.created_at) < _day_start(filters.date_to + timedelta(days=1)))
    if filters.crisis:
        where.append(exists().where(Handoff.session_id == s.id))
    if filters.min_distress is not None:
        # distress >= d  <=>  state_valence <= 1 - 2d
        where.append(exists().where(EmotionRecord.session_id == s.id,
                                    EmotionRecord.state_valence <= 1 - 2 * filters.min_distress))
    if filters.sustained_negative:
        where.append(is_sustained_negative())
    query = select(s).where(*where)
    if cursor:
        moment, last_id = decode_cursor(cursor)
        query = query.where(or_(col(s.updated_at) < moment, and_(col(s.updated_at) == moment, col(s.id) < last_id)))
    rows = list(db.exec(query.order_by(col(s.updated_at).desc(), col(s.id).desc()).limit(limit + 1)).all())
    more = len(rows) > limit
    rows = rows[:limit]
    return SessionPage(rows=_with_flags(db, rows), next_cursor=encode_cursor(rows[-1]) if more and rows else None)


def transcript_matches(db: Session, words: str):
    """A condition on ``turns``: the text holds every word of ``words`` (SQLite FTS5 with the
    unicode61 tokenizer, diacritics folded; PostgreSQL ``to_tsvector('simple')``, both from
    migration 0011). Words are matched as typed; a trailing ``*`` is a prefix."""
    terms = re.findall(r"\w+\*?", words)
    if not terms:
        return false()
    if db.get_bind().dialect.name == "postgresql":
        query = " & ".join(t.rstrip("*") + (":*" if t.endswith("*") else "") for t in terms)
        return text_clause("to_tsvector('simple', coalesce(turns.text, '')) @@ to_tsquery('simple', :q)").bindparams(q=query)
    match = " ".join(f'"{t.rstrip("*")}"' + ("*" if t.endswith("*") else "") for t in terms)
    return col(Turn.id).in_(text_clause("SELECT rowid FROM turns_fts WHERE turns_fts MATCH :q").bindparams(q=match)
                            .columns(sa_column("rowid", Integer)))


def _with_flags(db: Session, sessions: list[ConversationSession]) -> list[SessionRow]:
    ids = [s.id for s in sessions]
    if not ids:
        return []
    lowest = dict(db.exec(select(EmotionRecord.session_id, func.min(EmotionRecord.state_valence))
                          .where(col(EmotionRecord.session_id).in_(ids)).group_by(EmotionRecord.session_id)).all())
    sustained = set(db.exec(sustained_negative_sessions(ids)).all())
    handoffs: dict[str, str] = {}
    for session_id, status in db.exec(select(Handoff.session_id, Handoff.status)
                                      .where(col(Handoff.session_id).in_(ids)).order_by(col(Handoff.id))).all():
        if handoffs.get(session_id) != "open":
            handoffs[session_id] = status
    return [SessionRow(id=s.id, bot=s.bot, user_id=s.user_id, created_at=s.created_at, updated_at=s.updated_at,
                       turn_count=s.turn_count,
                       peak_distress=distress(lowest[s.id]) if lowest.get(s.id) is not None else None,
                       sustained_negative=s.id in sustained, handoff=handoffs.get(s.id)) for s in sessions]


def get_visible_session(db: Session, bots: list[str] | None, session_id: str) -> ConversationSession | None:
    """The session if it exists and ``bots`` covers it; another tenant's session is None, like a missing one."""
    session = db.get(ConversationSession, session_id)
    if session is None or (bots is not None and session.bot not in bots):
        return None
    return session


def consent_in_force(db: Session, user_id: str | None) -> dict[str, bool]:
    """modality -> granted, from the newest consent record per modality (defaults where none)."""
    return {**CONSENT_DEFAULTS, **(recorded_consent(db, user_id) if user_id else {})}


@dataclass
class TurnView:
    turn: Turn
    record: EmotionRecord | None
    text: str | None  # None where consent withholds it
    replies: list[str] | None  # what the bot answered; None where consent withholds it
    handoff_ids: list[int] = field(default_factory=list)


def session_turns(db: Session, session: ConversationSession, consent: dict[str, bool],
                  handoffs: Sequence[Handoff] = ()) -> list[TurnView]:
    """The session's turns in order with their emotion records; transcripts only with text consent.
    Each handoff is flagged on the last turn of its snapshot (the turn that triggered it)."""
    pairs = db.exec(select(Turn, EmotionRecord).join(EmotionRecord, col(EmotionRecord.turn_id) == Turn.id, isouter=True)
                    .where(Turn.session_id == session.id).order_by(col(Turn.turn_index))).all()
    flagged: dict[int, list[int]] = {}
    for handoff in handoffs:
        snapshot_turns = handoff.snapshot.get("turns") or []
        if snapshot_turns:
            flagged.setdefault(snapshot_turns[-1]["turn_index"], []).append(handoff.id)
    shown = consent.get("text", True)
    return [TurnView(turn=t, record=r, text=t.text if shown else None,
                     replies=list(t.bot_replies or []) if shown else None, handoff_ids=flagged.get(t.turn_index, [])) for t, r in pairs]


def timeline(views: list[TurnView]) -> dict[str, Any]:
    """Per analysed turn: turn_index, state label distribution (7 series over LABELS), valence, arousal."""
    records = [v.record for v in views if v.record is not None]
    return {
        "turn_index": [r.turn_index for r in records],
        "labels": list(LABELS),
        "state_probabilities": {label: [float(r.state_probabilities.get(label, 0.0)) for r in records]
                                for label in LABELS},
        "state_valence": [r.state_valence for r in records],
        "state_arousal": [r.state_arousal for r in records],
        "valence": [r.valence for r in records],
    }
