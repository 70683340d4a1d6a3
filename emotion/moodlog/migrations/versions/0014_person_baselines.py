"""person_baselines: each person's running statistics per modality (per-user adaptation of voice and face)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 17:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'person_baselines',
        sa.Column('user_id', sa.String(length=128), primary_key=True),
        sa.Column('modality', sa.String(length=16), primary_key=True),
        sa.Column('space', sa.String(length=64), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('stats', sa.JSON(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('person_baselines')
