"""each staff member's language, kept with their account

Revision ID: e2a7c4f19b36
Revises: d4b8e2a6c913
Create Date: 2026-12-06 07:15:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'e2a7c4f19b36'
down_revision = 'd4b8e2a6c913'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default='en'))


def downgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('language')
