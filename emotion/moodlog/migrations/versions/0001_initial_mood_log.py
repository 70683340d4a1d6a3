"""initial mood log

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 11:59:24.321409
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sessions',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('bot', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('user_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('turn_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sessions_bot'), ['bot'], unique=False)
        batch_op.create_index(batch_op.f('ix_sessions_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_sessions_user_id'), ['user_id'], unique=False)

    op.create_table('turns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('turn_index', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('text_chars', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('error_code', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('modalities', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'turn_index', name='uq_turn_session_index')
    )
    with op.batch_alter_table('turns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_turns_session_id'), ['session_id'], unique=False)

    op.create_table('emotion_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('turn_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('speaker_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('turn_index', sa.Integer(), nullable=False),
    sa.Column('modalities_used', sa.JSON(), nullable=False),
    sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('probabilities', sa.JSON(), nullable=False),
    sa.Column('valence', sa.Float(), nullable=False),
    sa.Column('arousal', sa.Float(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('state_label', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('state_probabilities', sa.JSON(), nullable=False),
    sa.Column('state_valence', sa.Float(), nullable=False),
    sa.Column('state_arousal', sa.Float(), nullable=False),
    sa.Column('state_confidence', sa.Float(), nullable=False),
    sa.Column('trend_valence', sa.Float(), nullable=False),
    sa.Column('trend_arousal', sa.Float(), nullable=False),
    sa.Column('trend_labels', sa.JSON(), nullable=False),
    sa.Column('turns_observed', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ),
    sa.ForeignKeyConstraint(['turn_id'], ['turns.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('turn_id')
    )
    with op.batch_alter_table('emotion_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emotion_records_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_emotion_records_speaker_id'), ['speaker_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('emotion_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emotion_records_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_emotion_records_session_id'))

    op.drop_table('emotion_records')
    with op.batch_alter_table('turns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_turns_session_id'))

    op.drop_table('turns')
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sessions_user_id'))
        batch_op.drop_index(batch_op.f('ix_sessions_updated_at'))
        batch_op.drop_index(batch_op.f('ix_sessions_bot'))

    op.drop_table('sessions')
