"""The sessions list and one session's timeline, whole conversation (its handoffs' human part
included), case notes and export."""
from __future__ import annotations

import re
from datetime import date
from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from sqlmodel import Session, col, select

from emotion.dashboard.audit import audit
from emotion.dashboard.charts import label_distribution_figure, valence_arousal_figure
from emotion.dashboard.conversation import case_notes, human_part, in_time_order
from emotion.dashboard.deps import check_csrf, current_user, get_db, get_settings, render, tenant_bots
from emotion.dashboard.privacy import export_response, export_session
from emotion.dashboard.queries import (SessionFilters, consent_in_force, get_visible_session, list_sessions,
                                       session_turns, timeline)
from emotion.dashboard.settings import DashboardSettings
from emotion.moodlog.governance import Handoff, SessionNote, Supervisor

router = APIRouter(tags=["sessions"])


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


@router.get("/")
def home():
    return RedirectResponse("/sessions", status_code=303)


@router.get("/sessions")
def sessions_list(request: Request, bot: str | None = None, user_id: str | None = None,
                  date_from: str | None = None, date_to: str | None = None, crisis: bool = False,
                  sustained_negative: bool = False, min_distress: str | None = None, cursor: str | None = None,
                  q: str | None = None, tag: str | None = None,
                  db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
                  bots: list[str] | None = Depends(tenant_bots), settings: DashboardSettings = Depends(get_settings)):
    try:
        filters = SessionFilters(
            bot=_blank_to_none(bot), user_id=_blank_to_none(user_id),
            date_from=date.fromisoformat(date_from) if _blank_to_none(date_from) else None,
            date_to=date.fromisoformat(date_to) if _blank_to_none(date_to) else None,
            crisis=crisis, sustained_negative=sustained_negative,
            min_distress=float(min_distress) if _blank_to_none(min_distress) else None,
            text=_blank_to_none(q), tag=_blank_to_none(tag.lower() if tag else tag))
    except ValueError:
        raise HTTPException(status_code=422, detail="dates are YYYY-MM-DD, minimum distress a number in 0..1")
    if filters.min_distress is not None and not 0 <= filters.min_distress <= 1:
        raise HTTPException(status_code=422, detail="minimum distress is in 0..1")
    page = list_sessions(db, bots, filters, limit=settings.page_size, cursor=_blank_to_none(cursor))
    if filters.text:  # a transcript is searchable only while its user's text consent is in force
        page.rows = [row for row in page.rows if consent_in_force(db, row.user_id)["text"]]
    query = {k: v for k, v in request.query_params.items() if k != "cursor"}
    audit(db, user.email, "listed", ("sessions " + " ".join(f"{k}={v}" for k, v in sorted(query.items()))).strip())
    db.commit()
    return render(request, "sessions.html", user, page=page, filters=filters, query=query,
                  bot_choices=bots if bots is not None else None)


def _visible(db: Session, bots: list[str] | None, session_id: str):
    session = get_visible_session(db, bots, session_id)
    if session is None:
        raise HTTPException(status_code=404, detail="no such session")
    return session


@router.get("/sessions/{session_id}")
def session_view(request: Request, session_id: str, db: Session = Depends(get_db),
                 user: Supervisor = Depends(current_user), bots: list[str] | None = Depends(tenant_bots)):
    session = _visible(db, bots, session_id)
    consent = consent_in_force(db, session.user_id)
    handoffs = db.exec(select(Handoff).where(Handoff.session_id == session.id).order_by(col(Handoff.id))).all()
    views = session_turns(db, session, consent, handoffs)
    points = timeline(views)
    rows = in_time_order(views, human_part(db, handoffs, consent["text"]))
    notes = case_notes(db, session.id, handoffs)
    audit(db, user.email, "viewed", f"session:{session.id}")
    db.commit()
    return render(request, "session.html", user, session=session, rows=rows, consent=consent, handoffs=handoffs,
                  notes=notes,
                  charts={"labels": label_distribution_figure(points), "valence": valence_arousal_figure(points)},
                  analysed=len(points["turn_index"]))


TAG = re.compile(r"[\w-]{1,40}")


@router.post("/sessions/{session_id}/notes", dependencies=[Depends(check_csrf)])
def add_note(session_id: str, text: str = Form(..., max_length=4000), tags: str = Form("", max_length=400),
             db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
             bots: list[str] | None = Depends(tenant_bots)):
    """A case note with tags (comma- or space-separated words, lower-cased) on a visible session."""
    session = _visible(db, bots, session_id)
    if not text.strip():
        raise HTTPException(status_code=422, detail="a note needs some text")
    words = [w.lower() for w in re.split(r"[,\s]+", tags) if w]
    bad = [w for w in words if not TAG.fullmatch(w)]
    if bad:
        raise HTTPException(status_code=422, detail=f"tags are words of letters, digits, - or _: {bad}")
    db.add(SessionNote(session_id=session.id, author=user.email, text=text.strip(), tags=sorted(set(words))))
    audit(db, user.email, "noted", f"session:{session.id} tags={' '.join(sorted(set(words)))}")
    db.commit()
    return RedirectResponse(f"/sessions/{quote(session.id, safe='')}#notes", status_code=303)


@router.get("/sessions/{session_id}/export.{fmt}")
def session_export(session_id: str, fmt: Literal["csv", "json"], db: Session = Depends(get_db),
                   user: Supervisor = Depends(current_user), bots: list[str] | None = Depends(tenant_bots)):
    session = _visible(db, bots, session_id)
    data = export_session(db, session)
    audit(db, user.email, "exported", f"session:{session.id} ({fmt})")
    db.commit()
    return export_response(data, f"session-{session.id}", fmt)
