"""conversation graph nodes, derived states on emotion records

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 13:05:07.931635
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('graph_nodes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('turn_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('turn_index', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('features', sa.LargeBinary(), nullable=False),
    sa.Column('traits', sa.JSON(), nullable=False),
    sa.Column('trait_conf', sa.Float(), nullable=False),
    sa.Column('evidence_sum', sa.LargeBinary(), nullable=False),
    sa.Column('evidence_turns', sa.Integer(), nullable=False),
    sa.Column('evidence_chars', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['turn_id'], ['turns.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('turn_id')
    )
    with op.batch_alter_table('graph_nodes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_graph_nodes_session_id'), ['session_id'], unique=False)
    with op.batch_alter_table('emotion_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('derived', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('emotion_records', schema=None) as batch_op:
        batch_op.drop_column('derived')
    with op.batch_alter_table('graph_nodes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_graph_nodes_session_id'))

    op.drop_table('graph_nodes')
