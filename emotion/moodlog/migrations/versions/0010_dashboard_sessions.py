"""supervisors.disabled_at; dashboard_sessions: server-side, revocable sign-in sessions

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 08:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('supervisors', schema=None) as batch_op:
        batch_op.add_column(sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        'dashboard_sessions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token_sha256', sa.String(length=64), nullable=False),
        sa.Column('supervisor_id', sa.Integer(), nullable=False),
        sa.Column('address', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['supervisor_id'], ['supervisors.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('token_sha256'),
    )
    op.create_index('ix_dashboard_sessions_supervisor_id', 'dashboard_sessions', ['supervisor_id'])


def downgrade() -> None:
    op.drop_index('ix_dashboard_sessions_supervisor_id', table_name='dashboard_sessions')
    op.drop_table('dashboard_sessions')
    with op.batch_alter_table('supervisors', schema=None) as batch_op:
        batch_op.drop_column('disabled_at')
