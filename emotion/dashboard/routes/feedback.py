"""People's corrections of what was read from their turns: counts per label read and label said."""
from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Depends, Request
from sqlmodel import Session, col, select

from emotion.dashboard.audit import audit
from emotion.dashboard.deps import current_user, get_db, render, tenant_bots
from emotion.dashboard.queries import in_tenants
from emotion.labels import LABELS
from emotion.moodlog.governance import Supervisor
from emotion.moodlog.models import ConversationSession, ReadingFeedback

router = APIRouter(prefix="/feedback", tags=["feedback"])


@router.get("")
def feedback_page(request: Request, db: Session = Depends(get_db), user: Supervisor = Depends(current_user),
                  bots: list[str] | None = Depends(tenant_bots)):
    """A table: rows are what the service read, columns what people said they felt."""
    pairs = db.exec(select(ReadingFeedback.read_label, ReadingFeedback.label)
                    .join(ConversationSession, col(ConversationSession.id) == ReadingFeedback.session_id)
                    .where(in_tenants(ConversationSession.bot, bots))).all()
    counts = Counter((read or "not analysed", said) for read, said in pairs)
    audit(db, user.email, "listed", f"reading feedback: {len(pairs)} corrections")
    db.commit()
    read_labels = [*LABELS, "not analysed"]
    return render(request, "feedback.html", user, counts=counts, read_labels=read_labels, labels=LABELS,
                  total=len(pairs), said=Counter(said for _, said in pairs))
