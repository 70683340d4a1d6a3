"""handoffs.kind: what the requester says the handoff is ("safeguarding": a child's abuse, harm at
home or self-harm), which the dashboard's queue ranks with the urgent cases (eighth reading, M11)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 12:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.drop_column('kind')
