"""Passwords (argon2id), throttled sign-in, server-side sessions, CSRF tokens.

Sign-in answers the same way, after the same work (one argon2 verification), whether the
e-mail is unknown, the password wrong, the account disabled or the caller throttled, so
neither the answer nor its timing says which. Failures are counted per (address, account)
and per address in a sliding window (:class:`SignInThrottle`); a stranger who guesses wrong
from elsewhere throttles only themselves, not the account's owner. At most
``max_concurrent_hashes`` verifications run at once (argon2 takes 64 MiB each), so a flood
of sign-ins costs time, not memory; a request that waits longer than ``hash_wait_s`` gets
:class:`Busy` (503).

A signed-in browser holds a random token; the database stores its sha256 in
``dashboard_sessions`` (:func:`open_session`), so sessions end server-side: sign-out, a
password change (other sessions), disabling the account, or an admin's "end sessions".
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import update
from sqlmodel import Session, col, select

from emotion.dashboard.audit import audit
from emotion.moodlog.governance import ROLES, DashboardSession, Supervisor, as_utc
from emotion.moodlog.models import utcnow

hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so every case costs one argon2 verification.
_DUMMY_HASH = hasher.hash(secrets.token_urlsafe(16))
MIN_PASSWORD_CHARS = 12
LAST_SEEN_EVERY = timedelta(seconds=60)  # how often a session's last_seen_at is written


class Busy(Exception):
    """Too many password verifications are waiting; the caller answers 503 and retries later."""


class SignInThrottle:
    """Failed sign-ins per (address, account) and per address within ``window_s`` seconds.

    ``blocked(address, email)`` is true once the pair has ``per_account`` failures or the address
    has ``per_address`` failures in the window; a success clears the pair. In memory, per
    dashboard process (run one, or put the limit in the proxy too); at most ``max_keys`` keys,
    the oldest dropped first, so a flood of made-up e-mails cannot grow it without bound.
    """

    def __init__(self, per_account: int, per_address: int, window_s: float, max_keys: int = 100_000,
                 clock=time.monotonic) -> None:
        self.per_account, self.per_address, self.window_s = per_account, per_address, window_s
        self.max_keys, self.clock = max_keys, clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> int:
        times = self._failures.get(key)
        if not times:
            return 0
        while times and times[0] <= now - self.window_s:
            times.popleft()
        if not times:
            del self._failures[key]
            return 0
        return len(times)

    def blocked(self, address: str, email: str) -> bool:
        now = self.clock()
        with self._lock:
            return (self._recent((address, email), now) >= self.per_account
                    or self._recent((address, ""), now) >= self.per_address)

    def failed(self, address: str, email: str) -> bool:
        """Count a failure; true when it has just blocked the pair or the address."""
        now = self.clock()
        with self._lock:
            for key in ((address, email), (address, "")):
                times = self._failures.pop(key, None) or deque()  # re-inserted: newest last
                times.append(now)
                self._failures[key] = times
            while len(self._failures) > self.max_keys:
                self._failures.pop(next(iter(self._failures)))
            return (self._recent((address, email), now) == self.per_account
                    or self._recent((address, ""), now) == self.per_address)

    def succeeded(self, address: str, email: str) -> None:
        with self._lock:
            self._failures.pop((address, email), None)


class PasswordSlots:
    """At most ``slots`` argon2 verifications at once; waiting longer than ``wait_s`` raises Busy."""

    def __init__(self, slots: int, wait_s: float) -> None:
        self._slots, self.wait_s = threading.BoundedSemaphore(slots), wait_s

    def verify(self, password_hash: str, password: str) -> bool:
        if not self._slots.acquire(timeout=self.wait_s):
            raise Busy()
        try:
            return hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        finally:
            self._slots.release()


def authenticate(db: Session, email: str, password: str, *, address: str, throttle: SignInThrottle,
                 slots: PasswordSlots, account_lockout_threshold: int, lockout_s: int) -> Supervisor | None:
    """The supervisor for ``email``/``password`` signing in from ``address``, or None.

    Refused (None) after one verification either way: unknown e-mail, wrong password, disabled
    account, throttled (address, account) or address, and an account locked for ``lockout_s``
    seconds after ``account_lockout_threshold`` failures in a row from anywhere (a backstop
    against guessing spread over many addresses). Every outcome is audited.
    """
    email = email.strip().lower()[:254]
    user = db.exec(select(Supervisor).where(Supervisor.email == email)).first()
    throttled = throttle.blocked(address, email)
    matches = slots.verify(user.password_hash if user is not None else _DUMMY_HASH, password)
    now = utcnow()
    locked_until = as_utc(user.locked_until) if user is not None else None
    reason = ("throttled" if throttled else "unknown account" if user is None else "wrong password" if not matches
              else "disabled" if user.disabled_at is not None
              else "locked" if locked_until is not None and locked_until > now else None)
    if reason is None:
        throttle.succeeded(address, email)
        if hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hasher.hash(password)
        user.failed_attempts, user.locked_until = 0, None
        db.add(user)
        audit(db, email, "signed_in", f"supervisor:{user.id} from {address}")
        db.commit()
        return user
    action = "sign_in_failed"
    if reason in ("unknown account", "wrong password"):
        if throttle.failed(address, email):
            action = "throttled"
        if user is not None and reason == "wrong password":
            user.failed_attempts += 1
            if user.failed_attempts >= account_lockout_threshold:
                user.locked_until, user.failed_attempts, action = now + timedelta(seconds=lockout_s), 0, "locked_out"
            db.add(user)
    audit(db, email or "?", action, f"{reason} from {address}")
    db.commit()
    return None


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"passwords have at least {MIN_PASSWORD_CHARS} characters")


def create_supervisor(db: Session, email: str, password: str, role: str = "supervisor") -> Supervisor:
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    validate_password(password)
    user = Supervisor(email=email.strip().lower(), password_hash=hasher.hash(password), role=role)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user


def create_admin(db: Session, email: str, password: str) -> Supervisor:
    """A new admin account (the first one is made by ``emobot create-admin``)."""
    return create_supervisor(db, email, password, role="admin")


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(db: Session, user: Supervisor, address: str, max_age_s: int) -> str:
    """A new server-side session for ``user``; returns the token the cookie carries (not stored)."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    db.add(DashboardSession(token_sha256=token_sha256(token), supervisor_id=user.id, address=address[:64],
                            created_at=now, last_seen_at=now, expires_at=now + timedelta(seconds=max_age_s)))
    db.commit()
    return token


def session_user(db: Session, token: str | None) -> Supervisor | None:
    """The supervisor of a live session: not revoked, not expired, account not disabled."""
    if not isinstance(token, str) or not token:
        return None
    row = db.exec(select(DashboardSession).where(DashboardSession.token_sha256 == token_sha256(token))).first()
    now = utcnow()
    if row is None or row.revoked_at is not None or as_utc(row.expires_at) <= now:
        return None
    user = db.get(Supervisor, row.supervisor_id)
    if user is None or user.disabled_at is not None:
        return None
    if now - as_utc(row.last_seen_at) >= LAST_SEEN_EVERY:
        row.last_seen_at = now
        db.add(row)
        db.commit()
    return user


def revoke_sessions(db: Session, supervisor_id: int, *, keep_token: str | None = None) -> int:
    """End every live session of ``supervisor_id`` except ``keep_token``'s; returns how many (uncommitted)."""
    query = (update(DashboardSession).where(col(DashboardSession.supervisor_id) == supervisor_id,
                                            col(DashboardSession.revoked_at).is_(None))
             .values(revoked_at=utcnow()))
    if keep_token:
        query = query.where(col(DashboardSession.token_sha256) != token_sha256(keep_token))
    return db.exec(query).rowcount  # type: ignore[call-overload]


def revoke_session(db: Session, token: str | None) -> None:
    if token:
        db.exec(update(DashboardSession).where(col(DashboardSession.token_sha256) == token_sha256(token))
                .values(revoked_at=utcnow()))  # type: ignore[call-overload]


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected, given)
