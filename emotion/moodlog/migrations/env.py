"""Alembic environment for the mood log (run programmatically by emotion.moodlog.db.migrate)."""
from alembic import context
from sqlalchemy import engine_from_config, pool
from sqlmodel import SQLModel

import emotion.moodlog.models  # noqa: F401  (registers the tables on SQLModel.metadata)
import emotion.moodlog.governance  # noqa: F401  (the dashboard's tables)
import emotion.moodlog.ratelimit  # noqa: F401  (the rate-limit buckets)

target_metadata = SQLModel.metadata
config = context.config


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = engine_from_config(config.get_section(config.config_ini_section, {}),
                                    prefix="sqlalchemy.", poolclass=pool.NullPool)
        with engine.begin() as connection:
            _run(connection)
    else:
        _run(connection)


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
