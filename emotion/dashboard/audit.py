"""The audit log: one row per access to or change of personal data, readable by admins."""
from __future__ import annotations

from sqlmodel import Session

from emotion.moodlog.governance import AuditEntry


def audit(db: Session, actor: str, action: str, target: str = "") -> None:
    """Add an entry to ``db``'s transaction (it is written when the caller commits)."""
    db.add(AuditEntry(actor=actor[:254], action=action, target=target[:300]))
