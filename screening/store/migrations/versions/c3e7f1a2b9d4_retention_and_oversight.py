"""retention from the campaign's closing date; suggested levels switchable per campaign and installation

Revision ID: c3e7f1a2b9d4
Revises: a9d4e2c71b05
Create Date: 2026-12-07 10:00:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'c3e7f1a2b9d4'
down_revision = 'a9d4e2c71b05'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.add_column(sa.Column('closed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('suggestions_enabled', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
    op.create_table('setting',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )


def downgrade() -> None:
    op.drop_table('setting')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_column('suggestions_enabled')
        batch_op.drop_column('closed_at')
