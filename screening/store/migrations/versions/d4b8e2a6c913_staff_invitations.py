"""one-time staff invitation links (set your password)

Revision ID: d4b8e2a6c913
Revises: c3e7f1a2b9d4
Create Date: 2026-12-06 03:30:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'd4b8e2a6c913'
down_revision = 'c3e7f1a2b9d4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('staffinvitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('revoked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('sent_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['user.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('staffinvitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staffinvitation_token_hash'), ['token_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_staffinvitation_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('staffinvitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staffinvitation_user_id'))
        batch_op.drop_index(batch_op.f('ix_staffinvitation_token_hash'))
    op.drop_table('staffinvitation')
