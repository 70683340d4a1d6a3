"""graph nodes: audio and face embeddings beside the text feature, any of them absent

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 15:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('graph_nodes', schema=None) as batch_op:
        batch_op.alter_column('features', existing_type=sa.LargeBinary(), nullable=True)
        batch_op.add_column(sa.Column('audio_features', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('face_features', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM graph_nodes WHERE features IS NULL")  # text-less nodes cannot be kept
    with op.batch_alter_table('graph_nodes', schema=None) as batch_op:
        batch_op.drop_column('face_features')
        batch_op.drop_column('audio_features')
        batch_op.alter_column('features', existing_type=sa.LargeBinary(), nullable=False)
