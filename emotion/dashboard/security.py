"""Passwords (argon2id), sign-in with lockout, CSRF tokens, and the first admin."""
from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from emotion.dashboard.audit import audit
from emotion.moodlog.governance import ROLES, Supervisor, as_utc
from emotion.moodlog.models import utcnow

hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so both cases cost one argon2 verification.
_DUMMY_HASH = hasher.hash(secrets.token_urlsafe(16))


def authenticate(db: Session, email: str, password: str, *, threshold: int, lockout_s: int) -> Supervisor | None:
    """The supervisor for ``email``/``password``, or None. ``threshold`` failures in a row lock the
    account for ``lockout_s`` seconds; while locked even the right password is refused."""
    email = email.strip().lower()
    user = db.exec(select(Supervisor).where(Supervisor.email == email)).first()
    if user is None:
        try:
            hasher.verify(_DUMMY_HASH, password)
        except VerificationError:
            pass
        audit(db, email or "?", "sign_in_failed", "unknown account")
        db.commit()
        return None
    now = utcnow()
    locked_until = as_utc(user.locked_until)
    if locked_until is not None and locked_until > now:
        audit(db, email, "sign_in_failed", "locked")
        db.commit()
        return None
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_attempts += 1
        action = "sign_in_failed"
        if user.failed_attempts >= threshold:
            user.locked_until = now + timedelta(seconds=lockout_s)
            user.failed_attempts = 0
            action = "locked_out"
        db.add(user)
        audit(db, email, action, f"supervisor:{user.id}")
        db.commit()
        return None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    user.failed_attempts, user.locked_until = 0, None
    db.add(user)
    audit(db, email, "signed_in", f"supervisor:{user.id}")
    db.commit()
    return user


def create_supervisor(db: Session, email: str, password: str, role: str = "supervisor") -> Supervisor:
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    if len(password) < 12:
        raise ValueError("passwords have at least 12 characters")
    user = Supervisor(email=email.strip().lower(), password_hash=hasher.hash(password), role=role)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user


def create_admin(db: Session, email: str, password: str) -> Supervisor:
    """A new admin account (the first one is made by ``python -m emotion.dashboard.bootstrap``)."""
    return create_supervisor(db, email, password, role="admin")


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected, given)
