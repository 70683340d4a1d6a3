"""handoff_messages.refused: a supervisor's reply the bot's Rasa server did not accept; it is kept for the person's
chat page to fetch and counts as written only once it has been (the review of stop 45: dropping it lost the reply,
counting it let a claimer who had reached nobody resolve a person at risk)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08 01:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('handoff_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('refused', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('handoff_messages', schema=None) as batch_op:
        batch_op.drop_column('refused')
