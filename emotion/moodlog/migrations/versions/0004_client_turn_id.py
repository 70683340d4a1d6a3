"""turns: the channel's turn id (unique per session, for idempotent replays) and when it was sent

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 15:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('turns', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_turn_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.add_column(sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint('uq_turn_client_id', ['session_id', 'client_turn_id'])


def downgrade() -> None:
    with op.batch_alter_table('turns', schema=None) as batch_op:
        batch_op.drop_constraint('uq_turn_client_id', type_='unique')
        batch_op.drop_column('sent_at')
        batch_op.drop_column('client_turn_id')
