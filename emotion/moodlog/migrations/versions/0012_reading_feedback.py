"""reading_feedback: people's corrections of what was read from their turns

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 15:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reading_feedback',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.String(length=128), nullable=False),
        sa.Column('turn_index', sa.Integer(), nullable=False),
        sa.Column('read_label', sa.String(length=16), nullable=True),
        sa.Column('label', sa.String(length=16), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['session_id'], ['sessions.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_reading_feedback_session_id', 'reading_feedback', ['session_id'])


def downgrade() -> None:
    op.drop_index('ix_reading_feedback_session_id', table_name='reading_feedback')
    op.drop_table('reading_feedback')
