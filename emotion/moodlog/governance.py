"""Governance tables of the mood log: who may see it, what end users consented to, who did what.

The mood log holds emotion inferences about identifiable people: health data under GDPR Art. 9.
These tables back the supervisor dashboard (emotion/dashboard/):

supervisors          dashboard accounts (argon2 hash, role admin | supervisor, lockout counters,
                     disabled_at: a disabled account cannot sign in and its sessions end)
dashboard_sessions   server-side sign-in sessions (sha256 of the cookie's token): revocable
bot_assignments      supervisor -> bot name; a bot is a tenant, a supervisor sees only its bots
consent_records      an end user's consent per modality (text | audio | face), newest record wins
audit_log            who viewed / exported / erased / signed in, and what
handoffs             a conversation handed to a human (open | claimed | resolved), with a snapshot
handoff_messages     the live thread of a handoff: what the person wrote and the bot answered
                     while waiting, the human's replies, and the bot's notices (re-alert,
                     check-in); a client that cannot be pushed to polls the pushed kinds
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import JSON, Column, DateTime, Index, UniqueConstraint
from sqlmodel import Field, Session, SQLModel, col, select

from emotion.moodlog.models import ConversationSession, EmotionRecord, Turn, utcnow

ROLES = ("admin", "supervisor")
CONSENT_MODALITIES = ("text", "audio", "face")
HANDOFF_STATUSES = ("open", "claimed", "resolved")
MESSAGE_KINDS = ("person", "bot", "supervisor", "notice", "note", "alert")
HANDOFF_KINDS = ("safeguarding",)
"""``person``: the person's message during the handoff; ``bot``: the bot's answer to it;
``supervisor``: a human's reply; ``notice``: a bot message sent without a person's message
(re-alert, check-in on resolve); ``note``: why a supervisor resolved without writing to the
person (for the team only); ``alert``: the bot's word to the team ("URGENT: ... Please join now"; twelfth reading, M2:
it was a notice, pushed to the person in English). ``supervisor`` and ``notice`` are *pushed*: a client polls them."""
PUSHED_KINDS = ("supervisor", "notice")


def _timestamp(index: bool = False) -> Any:
    return Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False, index=index))


class Supervisor(SQLModel, table=True):
    __tablename__ = "supervisors"

    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True)
    password_hash: str = Field(max_length=255)
    role: str = Field(default="supervisor", max_length=16)
    failed_attempts: int = 0
    locked_until: Optional[datetime] = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    disabled_at: Optional[datetime] = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    created_at: datetime = _timestamp()


class DashboardSession(SQLModel, table=True):
    """One signed-in browser. The cookie holds a random token; only its sha256 is stored, so a
    copy of the database signs nobody in. Sign-out, a password change, disabling the account
    or an admin's "end sessions" set ``revoked_at``; the row is then refused."""

    __tablename__ = "dashboard_sessions"

    id: Optional[int] = Field(default=None, primary_key=True)
    token_sha256: str = Field(max_length=64, unique=True)
    supervisor_id: int = Field(foreign_key="supervisors.id", index=True)
    address: str = Field(default="", max_length=64)
    created_at: datetime = _timestamp()
    last_seen_at: datetime = _timestamp()
    expires_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    revoked_at: Optional[datetime] = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


class BotAssignment(SQLModel, table=True):
    __tablename__ = "bot_assignments"
    __table_args__ = (UniqueConstraint("supervisor_id", "bot", name="uq_bot_assignment"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    supervisor_id: int = Field(foreign_key="supervisors.id", index=True)
    bot: str = Field(max_length=64)


class ConsentRecord(SQLModel, table=True):
    """One consent decision. The newest record per (user_id, modality) is the one in force."""

    __tablename__ = "consent_records"

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: str = Field(max_length=128, index=True)
    modality: str = Field(max_length=8)
    granted: bool
    recorded_at: datetime = _timestamp()
    source: str = Field(default="", max_length=64, description="where the decision was taken (channel, form, admin)")


class AuditEntry(SQLModel, table=True):
    """``action``: viewed | exported | erased | purged | signed_in | sign_in_failed | locked_out |
    claimed | took_over | reassigned | resolved | resolved_over_risk | replied | supervisor_created |
    assignments_changed. ``target``
    names the object, e.g. ``session:abc``, ``user:u1`` or ``handoff:3 to night@example.org``."""

    __tablename__ = "audit_log"

    id: Optional[int] = Field(default=None, primary_key=True)
    actor: str = Field(max_length=254)
    action: str = Field(max_length=32)
    target: str = Field(default="", max_length=300)
    at: datetime = _timestamp(index=True)


class Handoff(SQLModel, table=True):
    """A conversation handed to a human. ``snapshot``: {"turns": [...]} as the bot saw them at hand-off;
    ``kind``: what the requester says it is (``HANDOFF_KINDS``: "safeguarding", a child's abuse, harm
    at home or self-harm, ranked with the urgent cases), None when its turns' screening decides.
    ``silent_alerted_at``: when the bot last told the team (an ``alert`` in the thread) that the person is still at
    risk while nobody from the team has written since the claim; None once someone writes or takes it over
    (``emotion.moodlog.silent_claim``; twelfth exploratory reading, H5)."""

    __tablename__ = "handoffs"

    id: Optional[int] = Field(default=None, primary_key=True)
    session_id: str = Field(foreign_key="sessions.id", index=True, max_length=128)
    user_id: Optional[str] = Field(default=None, max_length=128, index=True)
    bot: Optional[str] = Field(default=None, max_length=64, index=True)
    status: str = Field(default="open", max_length=16, index=True)
    claimed_by: Optional[str] = Field(default=None, max_length=254)
    reason: str = Field(default="", max_length=300)
    kind: Optional[str] = Field(default=None, max_length=16)
    created_at: datetime = _timestamp()
    resolved_at: Optional[datetime] = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    claimed_at: Optional[datetime] = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    realerted_at: Optional[datetime] = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    silent_alerted_at: Optional[datetime] = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class SessionNote(SQLModel, table=True):
    """A supervisor's case note on a session, with tags (lower-case words) to find it again."""

    __tablename__ = "session_notes"

    id: Optional[int] = Field(default=None, primary_key=True)
    session_id: str = Field(foreign_key="sessions.id", index=True, max_length=128)
    author: str = Field(max_length=254)
    text: str = Field(max_length=4000)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = _timestamp()


class HandoffMessage(SQLModel, table=True):
    """One message of a handoff's thread. ``kind``: one of MESSAGE_KINDS; ``author``: the
    supervisor's email for ``supervisor``, else ``person`` / ``bot``. ``delivered``: a
    supervisor reply that Rasa pushed to the person's live channel (socket.io); every pushed
    message also waits for pollers, and ``seen_at`` is when the person's client fetched it."""

    __tablename__ = "handoff_messages"

    id: Optional[int] = Field(default=None, primary_key=True)
    handoff_id: int = Field(foreign_key="handoffs.id", index=True)
    author: str = Field(max_length=254)
    kind: str = Field(default="supervisor", max_length=16)
    text: str
    created_at: datetime = _timestamp()
    delivered: bool = False
    refused: bool = False  # a reply the bot's Rasa server did not accept: written only once the person's page fetched it
    seen_at: Optional[datetime] = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


# Indexes on the lead's mood-log tables that the dashboard's queries need (created in 0002):
# the sessions list pages by (updated_at, id) within a bot; the session view and the
# sustained-negative flag read a speaker's records in turn order.
Index("ix_sessions_bot_updated_at_id", ConversationSession.__table__.c.bot,
      ConversationSession.__table__.c.updated_at, ConversationSession.__table__.c.id)
Index("ix_emotion_records_session_turn", EmotionRecord.__table__.c.session_id,
      EmotionRecord.__table__.c.turn_index)


# --- shared by the emotion service and the dashboard ---------------------------------------

CONSENT_DEFAULTS = {"text": True, "audio": True, "face": True}
"""What counts as allowed for a modality the user was never asked about."""


ERASED = "erasure"  # the source of an erasure's refusals; a client's is "<client>/<source>", never this


def _newest_consent(db: Session, user_id: str) -> dict[str, ConsentRecord]:
    rows = db.exec(select(ConsentRecord).where(ConsentRecord.user_id == user_id)
                   .order_by(col(ConsentRecord.recorded_at), col(ConsentRecord.id))).all()
    return {row.modality: row for row in rows}


def recorded_consent(db: Session, user_id: str) -> dict[str, bool]:
    """modality -> granted from the newest record per modality; modalities never asked are absent.
    What the service and the dashboard enforce: an erasure's refusals count as refusals."""
    return {modality: row.granted for modality, row in _newest_consent(db, user_id).items()}


def answered_consent(db: Session, user_id: str) -> dict[str, bool]:
    """The person's own answers in force: :func:`recorded_consent` without the modalities whose
    newest record is an erasure's refusal. Those count as not asked here, so the person's client
    asks the consent question again, while the refusal holds until they answer."""
    return {modality: row.granted for modality, row in _newest_consent(db, user_id).items() if row.source != ERASED}


def refuse_after_erasure(db: Session, user_id: str) -> None:
    """Record a refusal of every modality for a user whose data is being erased (not committed).
    Erasure deletes their consent records; without one ``CONSENT_DEFAULTS`` (all allowed) would
    apply to their still-open conversation, and a face they had refused would be analysed
    (seventh exploratory reading, L5). The rows hold the user id, modality and time, nothing the
    person said or felt; the person's next answer is newer and wins."""
    db.add_all([ConsentRecord(user_id=user_id, modality=modality, granted=False, source=ERASED)
                for modality in CONSENT_MODALITIES])


def open_handoff(db: Session, session_id: str, reason: str = "", kind: Optional[str] = None) -> Handoff:
    """Open a handoff for a session (``kind``: ``HANDOFF_KINDS`` or None), snapshotting its transcript
    (per text consent) and emotion timeline."""
    session = db.get(ConversationSession, session_id)
    if session is None:
        raise LookupError(f"no session {session_id!r}")
    text_allowed = {**CONSENT_DEFAULTS, **recorded_consent(db, session.user_id or "")}["text"]
    pairs = db.exec(select(Turn, EmotionRecord).join(EmotionRecord, col(EmotionRecord.turn_id) == Turn.id, isouter=True)
                    .where(Turn.session_id == session_id).order_by(col(Turn.turn_index))).all()
    snapshot = {"turns": [{"turn_index": t.turn_index, "speaker_id": t.speaker_id,
                           "text": t.text if text_allowed else None,
                           "label": r.state_label if r else None,
                           "state_valence": r.state_valence if r else None} for t, r in pairs]}
    handoff = Handoff(session_id=session_id, user_id=session.user_id, bot=session.bot, reason=reason[:300],
                      kind=kind, snapshot=snapshot)
    db.add(handoff)
    db.commit()
    db.refresh(handoff)
    return handoff


def latest_handoff(db: Session, session_id: str) -> Optional[Handoff]:
    """The session's newest handoff (any status), or None."""
    return db.exec(select(Handoff).where(Handoff.session_id == session_id)
                   .order_by(col(Handoff.id).desc()).limit(1)).first()


WITHDRAWN_NOTE = "The person withdrew their request for a person before anyone joined."


def withdraw_handoff(db: Session, handoff: Handoff) -> bool:
    """The person no longer wants the person they asked for: an ``open`` handoff is resolved,
    with a note in its thread for the supervisor; False (nothing changes) once it was claimed
    or resolved."""
    if handoff.status != "open":
        return False
    handoff.status, handoff.resolved_at = "resolved", utcnow()
    db.add(handoff)
    db.add(HandoffMessage(handoff_id=handoff.id, kind="bot", author="bot", text=WITHDRAWN_NOTE))  # not pushed
    db.commit()
    db.refresh(handoff)
    return True


def add_thread_messages(db: Session, handoff: Handoff, messages: list[tuple[str, str]]) -> list[HandoffMessage]:
    """Append (kind, text) messages to the handoff's thread; returns them with their ids."""
    rows = [HandoffMessage(handoff_id=handoff.id, kind=kind, author=kind, text=text) for kind, text in messages]
    db.add_all(rows)
    db.commit()
    for row in rows:
        db.refresh(row)
    return rows


def pushed_messages(db: Session, session_id: str, after: int, limit: int = 50) -> list[HandoffMessage]:
    """The session's pushed messages (replies, notices) with an id above ``after``, oldest first; marks them seen."""
    rows = list(db.exec(select(HandoffMessage).join(Handoff, col(Handoff.id) == HandoffMessage.handoff_id)
                        .where(Handoff.session_id == session_id, col(HandoffMessage.id) > after,
                               col(HandoffMessage.kind).in_(PUSHED_KINDS))
                        .order_by(col(HandoffMessage.id)).limit(limit)).all())
    unseen = [row for row in rows if row.seen_at is None]
    for row in unseen:
        row.seen_at = utcnow()
        db.add(row)
    for row in (r for r in unseen if r.kind == "supervisor" and r.refused):  # a refused reply of this claim, now seen
        if as_utc(row.created_at) >= as_utc((handoff := db.get(Handoff, row.handoff_id)).claimed_at or row.created_at):
            handoff.silent_alerted_at = None  # (a previous claimer's reply ends no silent claim: the second review)
    if unseen:
        db.commit()
        for row in rows:
            db.refresh(row)
    return rows


def thread_cursor(db: Session, session_id: str) -> int:
    """The id of the session's newest thread message (0 when none): a client that has shown the
    conversation so far polls pushed messages after it."""
    newest = db.exec(select(HandoffMessage.id).join(Handoff, col(Handoff.id) == HandoffMessage.handoff_id)
                     .where(Handoff.session_id == session_id).order_by(col(HandoffMessage.id).desc()).limit(1)).first()
    return int(newest or 0)


def as_utc(moment: Optional[datetime]) -> Optional[datetime]:
    """SQLite returns naive datetimes for timezone-aware columns: they are UTC."""
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=timezone.utc)
