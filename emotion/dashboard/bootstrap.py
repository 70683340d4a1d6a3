"""Create the first dashboard admin: ``emobot create-admin --email admin@example.org``.

Does nothing (exit 0) when an admin exists. Without ``--password`` a random one is generated and
printed once. The database is the dashboard's (EMOBOT_DASHBOARD_DATABASE_URL or EMOBOT_DATABASE_URL),
migrated first.
"""
from __future__ import annotations

import secrets
import sys

from sqlmodel import Session, select

from emotion.dashboard.security import create_admin
from emotion.dashboard.settings import DashboardSettings
from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.governance import Supervisor


def bootstrap_admin(database_url: str, email: str, password: str | None = None) -> str | None:
    """Create an admin unless one exists; returns the password used, or None when nothing was created."""
    engine = make_engine(database_url)
    try:
        migrate(engine)
        with Session(engine) as db:
            if db.exec(select(Supervisor).where(Supervisor.role == "admin")).first() is not None:
                return None
            password = password or secrets.token_urlsafe(18)
            create_admin(db, email, password)
            return password
    finally:
        engine.dispose()


def create_first_admin(email: str, password: str | None = None, database_url: str | None = None) -> int:
    """``emobot create-admin``: create the admin, say so on stdout; returns the exit status (2: refused)."""
    url = database_url or DashboardSettings().resolved_database_url()
    try:
        used = bootstrap_admin(url, email, password)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if used is None:
        print("an admin already exists; nothing created")
    elif password:
        print(f"created admin {email.strip().lower()}")
    else:
        print(f"created admin {email.strip().lower()} with password: {used}")
    return 0
