"""graph nodes indexed by (session, turn) and (session, speaker, turn)

The service reads a session's last graph nodes and a speaker's newest one on every turn; with
only the session index both queries read and sort every node of the session, so turn 1,000
cost more than turn 10 (benchmarks/turn.py, session phase).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 16:10:00
"""
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('graph_nodes', schema=None) as batch_op:
        batch_op.create_index('ix_graph_nodes_session_turn', ['session_id', 'turn_index'], unique=False)
        batch_op.create_index('ix_graph_nodes_session_speaker_turn', ['session_id', 'speaker_id', 'turn_index'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('graph_nodes', schema=None) as batch_op:
        batch_op.drop_index('ix_graph_nodes_session_speaker_turn')
        batch_op.drop_index('ix_graph_nodes_session_turn')
