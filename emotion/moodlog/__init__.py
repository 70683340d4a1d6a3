"""The mood log: every turn and its emotion reading, persisted with sqlmodel (SQLite or PostgreSQL)."""
