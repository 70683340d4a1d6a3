"""The mood log's records about people and their care rather than their turns: consent, the
audit log, and handoffs to a human with their live threads. ``MoodLog`` inherits them: one object
per process over one engine."""
from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from emotion.moodlog import governance
from emotion.moodlog.governance import AuditEntry, ConsentRecord, Handoff, HandoffMessage
from emotion.moodlog.handoff_queue import QueueLoad, expected_wait_s, queue_load
from emotion.moodlog.silent_claim import mark_silent_claim


class GovernanceLog:
    engine: Engine

    # --- consent and audit ---------------------------------------------------------------

    def answers_of(self, user_id: str) -> dict[str, bool]:
        """The person's own consent answers in force per modality (the newest record wins); absent:
        never asked, or asked no more since an erasure, whose refusals the turns still honour
        (``governance.answered_consent``), so that the person's client asks again."""
        with Session(self.engine) as db:
            return governance.answered_consent(db, user_id)

    def audit(self, actor: str, action: str, target: str) -> None:
        """One audit-log entry (who read or changed what through the service's API)."""
        with Session(self.engine) as db:
            db.add(AuditEntry(actor=actor[:254], action=action, target=target[:300]))
            db.commit()

    def record_consent(self, user_id: str, decisions: dict[str, bool], source: str,
                       client: str = "anonymous") -> dict[str, bool]:
        """Store the decisions as ``<client>/<declared source>`` and audit the change under
        ``service-client:<client>`` (the authenticated caller, not what it says about itself);
        returns the person's answers in force (:meth:`answers_of`)."""
        recorded_source = f"{client}/{source}"[:64]
        with Session(self.engine) as db:
            for modality, granted in decisions.items():
                db.add(ConsentRecord(user_id=user_id, modality=modality, granted=granted, source=recorded_source))
            changes = ", ".join(f"{m}={'yes' if g else 'no'}" for m, g in decisions.items()) or "nothing"
            db.add(AuditEntry(actor=f"service-client:{client}"[:254], action="consent_changed",
                              target=f"user:{user_id} {changes} (declared source: {source})"[:300]))
            db.commit()
        return self.answers_of(user_id)

    # --- handoffs to a human -------------------------------------------------------------

    def open_handoff(self, session_id: str, reason: str, kind: str | None = None) -> tuple[Handoff, bool]:
        """Open a handoff (transcript + emotion timeline snapshot) unless one is already open or
        claimed for the session; then that one is returned, given ``kind`` when it had none (a
        safeguarding concern told after a request for a person makes the waiting one urgent).
        Returns (handoff, created)."""
        with Session(self.engine, expire_on_commit=False) as db:
            existing = db.exec(select(Handoff).where(Handoff.session_id == session_id,
                                                     col(Handoff.status).in_(["open", "claimed"]))).first()
            if existing is not None:
                if kind and not existing.kind:
                    existing.kind = kind
                    db.add(existing)
                    db.commit()
                return existing, False
            return governance.open_handoff(db, session_id, reason, kind), True

    def latest_handoff(self, session_id: str) -> tuple[Handoff, float | None, QueueLoad] | None:
        """The session's newest handoff, the bot's expected wait for a human (seconds, None when
        unknown) and the queue in front of it (``handoff_queue.queue_load``); None when the
        session was never handed off."""
        with Session(self.engine, expire_on_commit=False) as db:
            handoff = governance.latest_handoff(db, session_id)
            if handoff is None:
                return None
            expected = expected_wait_s(db, handoff.bot)
            return handoff, expected, queue_load(db, handoff, expected)

    def withdraw_handoff(self, session_id: str) -> tuple[Handoff, bool] | None:
        """The person withdrew their request: the newest handoff, resolved if it was still
        ``open`` (governance.withdraw_handoff); (handoff, withdrawn), or None when there is none."""
        with Session(self.engine, expire_on_commit=False) as db:
            handoff = governance.latest_handoff(db, session_id)
            if handoff is None:
                return None
            return handoff, governance.withdraw_handoff(db, handoff)

    def add_thread_messages(self, session_id: str, messages: list[tuple[str, str]],
                            silent_after_s: float) -> tuple[list[HandoffMessage], Handoff | None] | None:
        """Append (kind, text) messages to the thread of the session's newest handoff: the messages, and the handoff
        when an alert among them made it a silent claim (``silent_claim.mark_silent_claim``: the team is re-alerted),
        else None; None when the session has no handoff. ``silent_after_s``: the claimer's time to write first, the
        caller's ``Settings.silent_claim_after_s`` (its one default)."""
        with Session(self.engine, expire_on_commit=False) as db:
            handoff = governance.latest_handoff(db, session_id)
            if handoff is None:
                return None
            rows = governance.add_thread_messages(db, handoff, messages)
            silent = mark_silent_claim(db, handoff, [kind for kind, _ in messages], silent_after_s)
            return rows, handoff if silent else None

    def pushed_messages(self, session_id: str, after: int) -> list[HandoffMessage]:
        """Pushed thread messages after id ``after``, oldest first (marked seen)."""
        with Session(self.engine, expire_on_commit=False) as db:
            return governance.pushed_messages(db, session_id, after)

    def thread_cursor(self, session_id: str) -> int:
        with Session(self.engine) as db:
            return governance.thread_cursor(db, session_id)

    def handoffs(self, session_id: str) -> list[Handoff]:
        with Session(self.engine) as db:
            return list(db.exec(select(Handoff).where(Handoff.session_id == session_id).order_by(col(Handoff.id))).all())
