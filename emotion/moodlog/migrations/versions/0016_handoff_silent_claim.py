"""handoffs.silent_alerted_at: when the bot last told the team that a claimed handoff's person is still at risk
while nobody from the team has written since the claim (twelfth exploratory reading, H5); the dashboard's queue
shows it with the urgent ones, and any supervisor may take it over

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 19:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('silent_alerted_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.drop_column('silent_alerted_at')
