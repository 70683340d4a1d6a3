"""handoffs: claim and re-alert times; handoff_messages: the live thread (kind, seen_at)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 15:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('realerted_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('handoff_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), nullable=False, server_default='supervisor'))
        batch_op.add_column(sa.Column('seen_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('handoff_messages', schema=None) as batch_op:
        batch_op.drop_column('seen_at')
        batch_op.drop_column('kind')
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.drop_column('realerted_at')
        batch_op.drop_column('claimed_at')
