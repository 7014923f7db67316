"""cookie sessions (idle time, role at start) and the sign-in throttle

Revision ID: a9d4e2c71b05
Revises: f8c32fa49da2
Create Date: 2026-12-06 00:55:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'a9d4e2c71b05'
down_revision = 'f8c32fa49da2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Sessions from the old `?session=` links end here: they had no idle time or role recorded.
    op.execute("DELETE FROM staffsession")
    with op.batch_alter_table('staffsession', schema=None) as batch_op:
        batch_op.add_column(sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('last_seen_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False,
                                      server_default=sa.func.now()))
    op.create_table('signinfailure',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )


def downgrade() -> None:
    op.drop_table('signinfailure')
    with op.batch_alter_table('staffsession', schema=None) as batch_op:
        batch_op.drop_column('last_seen_at')
        batch_op.drop_column('role')
