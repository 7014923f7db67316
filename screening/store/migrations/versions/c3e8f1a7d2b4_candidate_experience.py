"""candidate experience: time limits and accommodations, feedback, attempt versions, review and withdrawal requests

Revision ID: c3e8f1a7d2b4
Revises: c3e7a1d0b942
Create Date: 2026-12-07 10:00:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'c3e8f1a7d2b4'
down_revision = 'c3e7a1d0b942'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.add_column(sa.Column('time_limit_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('candidate_feedback', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deadline_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('extra_minutes', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='0'))
    op.create_table('candidaterequest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('handled_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('candidaterequest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidaterequest_candidate_id'), ['candidate_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('candidaterequest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidaterequest_candidate_id'))
    op.drop_table('candidaterequest')
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('version')
        batch_op.drop_column('extra_minutes')
        batch_op.drop_column('deadline_at')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_column('candidate_feedback')
        batch_op.drop_column('time_limit_minutes')
