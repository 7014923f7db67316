"""evidence notes on ratings, candidate raters, panel debrief (openings, consensus), rater calibration

Revision ID: c5e1f0a7d3b2
Revises: c3f1a7e5d920
Create Date: 2026-12-07 10:00:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'c5e1f0a7d3b2'
down_revision = 'c3f1a7e5d920'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('rating', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evidence_note', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('revision_note', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('confirmed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.create_table('candidaterater',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('rater_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], ),
    sa.ForeignKeyConstraint(['rater_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('candidate_id', 'rater_id')
    )
    op.create_index(op.f('ix_candidaterater_candidate_id'), 'candidaterater', ['candidate_id'], unique=False)
    op.create_index(op.f('ix_candidaterater_rater_id'), 'candidaterater', ['rater_id'], unique=False)
    op.create_table('debriefopening',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('opened_by', sa.Integer(), nullable=False),
    sa.Column('opened_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], ),
    sa.ForeignKeyConstraint(['opened_by'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('candidate_id', 'question_id')
    )
    op.create_index(op.f('ix_debriefopening_candidate_id'), 'debriefopening', ['candidate_id'], unique=False)
    op.create_table('consensusrating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], ),
    sa.ForeignKeyConstraint(['decided_by'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('candidate_id', 'question_id')
    )
    op.create_index(op.f('ix_consensusrating_candidate_id'), 'consensusrating', ['candidate_id'], unique=False)
    op.create_table('calibrationset',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rater_id', sa.Integer(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('completed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['rater_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_calibrationset_rater_id'), 'calibrationset', ['rater_id'], unique=False)
    op.create_table('calibrationrating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('question_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('question_version', sa.Integer(), nullable=False),
    sa.Column('exemplar_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('keyed_level', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('rated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['set_id'], ['calibrationset.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('set_id', 'question_id', 'exemplar_id')
    )
    op.create_index(op.f('ix_calibrationrating_set_id'), 'calibrationrating', ['set_id'], unique=False)


def downgrade() -> None:
    for table in ('calibrationrating', 'calibrationset', 'consensusrating', 'debriefopening', 'candidaterater'):
        op.drop_table(table)
    with op.batch_alter_table('rating', schema=None) as batch_op:
        batch_op.drop_column('confirmed_at')
        batch_op.drop_column('revision_note')
        batch_op.drop_column('evidence_note')
