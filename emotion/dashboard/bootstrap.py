"""Create the first dashboard admin: ``python -m emotion.dashboard.bootstrap --email admin@example.org``.

Does nothing (exit 0) when an admin exists. Without ``--password`` a random one is generated and
printed once. The database is the dashboard's (EMOBOT_DASHBOARD_DATABASE_URL or EMOBOT_DATABASE_URL),
migrated first.
"""
from __future__ import annotations

import argparse
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", help="at least 12 characters; random and printed when left out")
    parser.add_argument("--database-url", help="defaults to the dashboard's database")
    args = parser.parse_args(argv)
    url = args.database_url or DashboardSettings().resolved_database_url()
    try:
        password = bootstrap_admin(url, args.email, args.password)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if password is None:
        print("an admin already exists; nothing created")
    elif args.password:
        print(f"created admin {args.email.strip().lower()}")
    else:
        print(f"created admin {args.email.strip().lower()} with password: {password}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
