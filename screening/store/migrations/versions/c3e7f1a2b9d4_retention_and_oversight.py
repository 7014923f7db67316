"""retention from the campaign's closing date; suggested levels switchable per campaign and installation

Revision ID: c3e7f1a2b9d4
Revises: c3e8f1a7d2b4
Create Date: 2026-12-07 10:00:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'c3e7f1a2b9d4'
down_revision = 'c3e8f1a7d2b4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        # campaign.closed_at comes with the pipeline's migration, c3e7a1d0b942
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
