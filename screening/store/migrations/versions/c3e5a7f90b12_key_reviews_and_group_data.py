"""expert key reviews; voluntary group data for aggregate adverse-impact reports

Revision ID: c3e5a7f90b12
Revises: c5e1f0a7d3b2
Create Date: 2026-11-26 10:00:00.000000
"""
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'c3e5a7f90b12'
down_revision = 'c5e1f0a7d3b2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('keyreview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('item_ids', sa.JSON(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('keyreviewer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['keyreview.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('review_id', 'user_id')
    )
    op.create_index(op.f('ix_keyreviewer_review_id'), 'keyreviewer', ['review_id'], unique=False)
    op.create_index(op.f('ix_keyreviewer_user_id'), 'keyreviewer', ['user_id'], unique=False)
    op.create_table('keyrating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('item_version', sa.Integer(), nullable=False),
    sa.Column('option_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('expert_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['expert_id'], ['user.id'], ),
    sa.ForeignKeyConstraint(['review_id'], ['keyreview.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('review_id', 'item_id', 'option_id', 'expert_id')
    )
    op.create_index(op.f('ix_keyrating_review_id'), 'keyrating', ['review_id'], unique=False)
    groupfield = op.create_table('groupfield',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('candidategroup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('candidate_id', 'field')
    )
    op.create_index(op.f('ix_candidategroup_candidate_id'), 'candidategroup', ['candidate_id'], unique=False)
    now = datetime.now(UTC)
    op.bulk_insert(groupfield, [
        {"name": "sex_or_gender", "enabled": True, "legal_basis": "default", "created_by": None, "created_at": now},
        {"name": "age_band", "enabled": True, "legal_basis": "default", "created_by": None, "created_at": now},
    ])


def downgrade() -> None:
    op.drop_index(op.f('ix_candidategroup_candidate_id'), table_name='candidategroup')
    op.drop_table('candidategroup')
    op.drop_table('groupfield')
    op.drop_index(op.f('ix_keyrating_review_id'), table_name='keyrating')
    op.drop_table('keyrating')
    op.drop_index(op.f('ix_keyreviewer_user_id'), table_name='keyreviewer')
    op.drop_index(op.f('ix_keyreviewer_review_id'), table_name='keyreviewer')
    op.drop_table('keyreviewer')
    op.drop_table('keyreview')
