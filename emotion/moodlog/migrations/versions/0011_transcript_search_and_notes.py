"""full-text search of transcripts (SQLite FTS5 / PostgreSQL tsvector); session notes and tags

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 15:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# SQLite: an external-content FTS5 index over turns.text, kept in step by triggers (an erased or
# withheld text leaves the index with it).
SQLITE_UP = [
    "CREATE VIRTUAL TABLE turns_fts USING fts5(text, content='turns', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER turns_fts_insert AFTER INSERT ON turns WHEN new.text IS NOT NULL BEGIN "
    "INSERT INTO turns_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER turns_fts_delete AFTER DELETE ON turns WHEN old.text IS NOT NULL BEGIN "
    "INSERT INTO turns_fts(turns_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER turns_fts_update AFTER UPDATE OF text ON turns BEGIN "
    "INSERT INTO turns_fts(turns_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.text IS NOT NULL; "
    "INSERT INTO turns_fts(rowid, text) SELECT new.id, new.text WHERE new.text IS NOT NULL; END",
    "INSERT INTO turns_fts(rowid, text) SELECT id, text FROM turns WHERE text IS NOT NULL",
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS turns_fts_update", "DROP TRIGGER IF EXISTS turns_fts_delete",
               "DROP TRIGGER IF EXISTS turns_fts_insert", "DROP TABLE IF EXISTS turns_fts"]
POSTGRES_UP = ["CREATE INDEX IF NOT EXISTS ix_turns_text_fts ON turns USING gin (to_tsvector('simple', coalesce(text, '')))"]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS ix_turns_text_fts"]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}.get(dialect, []):
        op.execute(statement)
    op.create_table(
        'session_notes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.String(length=128), nullable=False),
        sa.Column('author', sa.String(length=254), nullable=False),
        sa.Column('text', sa.String(length=4000), nullable=False),
        sa.Column('tags', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['session_id'], ['sessions.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_session_notes_session_id', 'session_notes', ['session_id'])


def downgrade() -> None:
    op.drop_index('ix_session_notes_session_id', table_name='session_notes')
    op.drop_table('session_notes')
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}.get(dialect, []):
        op.execute(statement)
