"""Data-subject rights and retention over the whole mood log.

export_user / export_session   GDPR Art. 20: everything kept about a user or a session, as JSON or CSV
erase_user                     GDPR Art. 17: delete a user's rows from every table
purge_older_than               storage limitation (Art. 5(1)(e)): delete conversations idle for N days

Transcripts follow the text consent in force, as on screen. Consent records and the audit log
survive a purge (they prove what was allowed and done); erasure removes the user's consent records,
leaves a refusal of every modality in their place (the person's conversation may still be open: see
``governance.refuse_after_erasure``) and keeps audit entries that name the erasure.
"""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from typing import Any

from fastapi.responses import JSONResponse, Response
from sqlalchemy import delete, or_, text
from sqlmodel import Session, col, select

from emotion.dashboard.queries import consent_in_force
from emotion.labels import LABELS
from emotion.moodlog.governance import ConsentRecord, Handoff, HandoffMessage, SessionNote, refuse_after_erasure
from emotion.moodlog.models import ConversationSession, EmotionRecord, ReadingFeedback, Turn, PersonBaselineRow, utcnow

CSV_COLUMNS = ["session_id", "bot", "user_id", "turn_index", "speaker_id", "sent_at", "received_at", "status",
               "error_code", "text", "bot_replies", "modalities_used", "label", "valence", "arousal", "confidence", "state_label",
               "state_valence", "state_arousal", "crisis_risk", "crisis_flag", "crisis_level", "crisis_category",
               *(f"p_{label}" for label in LABELS)]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _session_export(db: Session, session: ConversationSession, text_allowed: bool) -> dict[str, Any]:
    pairs = db.exec(select(Turn, EmotionRecord).join(EmotionRecord, col(EmotionRecord.turn_id) == Turn.id, isouter=True)
                    .where(Turn.session_id == session.id).order_by(col(Turn.turn_index))).all()
    turns = []
    for turn, record in pairs:
        emotion = None
        if record is not None:
            emotion = {k: getattr(record, k) for k in (
                "modalities_used", "label", "probabilities", "valence", "arousal", "confidence", "state_label",
                "state_probabilities", "state_valence", "state_arousal", "state_confidence", "trend_valence",
                "trend_arousal", "trend_labels", "turns_observed")}
        turns.append({"turn_index": turn.turn_index, "speaker_id": turn.speaker_id,
                      "sent_at": _iso(turn.sent_at), "received_at": _iso(turn.received_at), "status": turn.status,
                      "error_code": turn.error_code,
                      "text": turn.text if text_allowed else None, "text_withheld": not text_allowed,
                      "bot_replies": list(turn.bot_replies or []) if text_allowed else None,
                      "crisis": _crisis_export(turn.crisis, text_allowed),
                      "modalities": turn.modalities, "emotion": emotion})
    handoffs = db.exec(select(Handoff).where(Handoff.session_id == session.id).order_by(col(Handoff.id))).all()
    return {"session_id": session.id, "bot": session.bot, "user_id": session.user_id,
            "created_at": _iso(session.created_at), "updated_at": _iso(session.updated_at), "turns": turns,
            "handoffs": [_handoff_export(db, h) for h in handoffs],
            "notes": [{"author": n.author, "text": n.text, "tags": n.tags, "created_at": _iso(n.created_at)}
                      for n in db.exec(select(SessionNote).where(SessionNote.session_id == session.id)
                                       .order_by(col(SessionNote.id))).all()]}


def _handoff_export(db: Session, handoff: Handoff) -> dict[str, Any]:
    messages = db.exec(select(HandoffMessage).where(HandoffMessage.handoff_id == handoff.id)
                       .order_by(col(HandoffMessage.id))).all()
    return {"status": handoff.status, "reason": handoff.reason, "created_at": _iso(handoff.created_at),
            "resolved_at": _iso(handoff.resolved_at),
            "messages": [{"author": m.author, "text": m.text, "created_at": _iso(m.created_at),
                          "delivered": m.delivered} for m in messages]}


def export_session(db: Session, session: ConversationSession) -> dict[str, Any]:
    consent = consent_in_force(db, session.user_id)
    return {"exported_at": utcnow().isoformat(), "sessions": [_session_export(db, session, consent["text"])]}


def export_user(db: Session, user_id: str, bots: list[str] | None = None) -> dict[str, Any]:
    """Everything about ``user_id`` (in ``bots`` only, unless None)."""
    consent = consent_in_force(db, user_id)
    query = select(ConversationSession).where(ConversationSession.user_id == user_id)
    if bots is not None:
        query = query.where(col(ConversationSession.bot).in_(bots))
    sessions = db.exec(query.order_by(col(ConversationSession.created_at))).all()
    records = db.exec(select(ConsentRecord).where(ConsentRecord.user_id == user_id)
                      .order_by(col(ConsentRecord.recorded_at))).all()
    return {"user_id": user_id, "exported_at": utcnow().isoformat(),
            "consent": [{"modality": r.modality, "granted": r.granted, "recorded_at": _iso(r.recorded_at),
                         "source": r.source} for r in records],
            "baselines": [_baseline_export(row) for row in db.exec(
                select(PersonBaselineRow).where(PersonBaselineRow.user_id == user_id)).all()],
            "sessions": [_session_export(db, s, consent["text"]) for s in sessions]}


def _baseline_export(row: PersonBaselineRow) -> dict[str, Any]:
    """One of the person's baselines: statistics of their clips' or faces' features (no audio, no images)."""
    return {"modality": row.modality, "space": row.space, "count": row.count, "updated_at": _iso(row.updated_at),
            "statistics": row.stats}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _crisis_export(crisis: dict[str, Any] | None, text_allowed: bool) -> dict[str, Any] | None:
    """The turn's crisis screening: risk, flag, level and category (and the rest of what was kept
    only where the text may be shown)."""
    if not crisis:
        return None
    kept = {k: crisis.get(k) for k in ("risk", "flag", "level", "category")}
    return {**crisis, **kept} if text_allowed else kept


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
    leading apostrophe (OWASP's CSV injection advice); numbers and other cells stay as they are."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def export_csv(export: dict[str, Any]) -> str:
    """One CSV row per turn of an export (``export_user`` or ``export_session``); text cells are
    :func:`spreadsheet_safe`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for session in export["sessions"]:
        for turn in session["turns"]:
            row = {"session_id": session["session_id"], "bot": session["bot"], "user_id": session["user_id"],
                   **{k: turn[k] for k in ("turn_index", "speaker_id", "sent_at", "received_at", "status",
                                           "error_code", "text")}}
            row["bot_replies"] = "\n".join(turn.get("bot_replies") or [])
            crisis = turn.get("crisis") or {}
            row.update({f"crisis_{k}": crisis.get(k) for k in ("risk", "flag", "level", "category")})
            emotion = turn["emotion"]
            if emotion:
                row.update({k: emotion[k] for k in ("label", "valence", "arousal", "confidence", "state_label",
                                                    "state_valence", "state_arousal")})
                row["modalities_used"] = " ".join(emotion["modalities_used"])
                row.update({f"p_{label}": emotion["probabilities"].get(label) for label in LABELS})
            writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
    return out.getvalue()


def _delete_sessions(db: Session, session_ids) -> dict[str, int]:
    """Delete the sessions selected by ``session_ids`` (a SELECT of ids) and every row hanging off them."""
    handoff_ids = select(Handoff.id).where(col(Handoff.session_id).in_(session_ids))
    counts = {
        "handoff_messages": db.exec(delete(HandoffMessage).where(col(HandoffMessage.handoff_id).in_(handoff_ids))).rowcount,
        "handoffs": db.exec(delete(Handoff).where(col(Handoff.session_id).in_(session_ids))).rowcount,
        "session_notes": db.exec(delete(SessionNote).where(col(SessionNote.session_id).in_(session_ids))).rowcount,
        "reading_feedback": db.exec(delete(ReadingFeedback).where(col(ReadingFeedback.session_id).in_(session_ids))).rowcount,
        "emotion_records": db.exec(delete(EmotionRecord).where(col(EmotionRecord.session_id).in_(session_ids))).rowcount,
        "turns": db.exec(delete(Turn).where(col(Turn.session_id).in_(session_ids))).rowcount,
    }
    counts["sessions"] = db.exec(delete(ConversationSession).where(col(ConversationSession.id).in_(session_ids))).rowcount
    return counts


def erase_user(db: Session, user_id: str) -> dict[str, int]:
    """Delete ``user_id`` everywhere: their sessions with all turns, records and handoffs, their own
    turns in other sessions, handoffs naming them, and their consent records, which a refusal of
    every modality replaces in the same transaction (nothing is analysed until the person answers
    again). Commits; returns rows deleted per table."""
    counts = _delete_sessions(db, select(ConversationSession.id).where(ConversationSession.user_id == user_id))
    handoff_ids = select(Handoff.id).where(Handoff.user_id == user_id)
    counts["handoff_messages"] += db.exec(delete(HandoffMessage).where(col(HandoffMessage.handoff_id).in_(handoff_ids))).rowcount
    counts["handoffs"] += db.exec(delete(Handoff).where(Handoff.user_id == user_id)).rowcount
    spoken = select(Turn.id).where(Turn.speaker_id == user_id)
    counts["emotion_records"] += db.exec(delete(EmotionRecord).where(
        or_(EmotionRecord.speaker_id == user_id, col(EmotionRecord.turn_id).in_(spoken)))).rowcount
    counts["turns"] += db.exec(delete(Turn).where(Turn.speaker_id == user_id)).rowcount
    counts["consent_records"] = db.exec(delete(ConsentRecord).where(ConsentRecord.user_id == user_id)).rowcount
    refuse_after_erasure(db, user_id)
    counts["person_baselines"] = db.exec(delete(PersonBaselineRow).where(PersonBaselineRow.user_id == user_id)).rowcount
    db.commit()
    _out_of_the_wal(db)
    return counts


def _out_of_the_wal(db: Session) -> None:
    """SQLite: copy the write-ahead log into the file and truncate it, so deleted rows' old pages
    do not linger there (the file's own free pages are zeroed by secure_delete, see moodlog/db.py)."""
    if db.get_bind().dialect.name == "sqlite":
        db.exec(text("PRAGMA wal_checkpoint(TRUNCATE)"))


def idle_sessions(db: Session, days: int, now: datetime | None = None) -> list[tuple[str, str | None]]:
    """(session id, bot) of the conversations whose last turn is more than ``days`` days old."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    return [(s.id, s.bot) for s in db.exec(select(ConversationSession)
                                           .where(col(ConversationSession.updated_at) < cutoff)).all()]


def purge_older_than(db: Session, days: int, now: datetime | None = None) -> dict[str, int]:
    """Delete conversations whose last turn is more than ``days`` days old. Commits; returns counts."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    counts = _delete_sessions(db, select(ConversationSession.id).where(col(ConversationSession.updated_at) < cutoff))
    db.commit()
    _out_of_the_wal(db)
    return counts


def export_response(export: dict[str, Any], stem: str, fmt: str) -> Response:
    """An export as a CSV or JSON download named after ``stem`` (reduced to safe characters)."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in stem)[:60]
    headers = {"Content-Disposition": f'attachment; filename="{safe}.{fmt}"'}
    if fmt == "csv":
        return Response(export_csv(export), media_type="text/csv; charset=utf-8", headers=headers)
    return JSONResponse(export, headers=headers)
