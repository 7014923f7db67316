"""campaign pipeline: deadlines, closing and archiving, invite delivery times, references, assigned raters

Revision ID: c3e7a1d0b942
Revises: c3e5a7f90b12
Create Date: 2026-12-06 12:00:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = 'c3e7a1d0b942'
down_revision = 'c3e5a7f90b12'
branch_labels = None
depends_on = None

_WHEN = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        for name in ('deadline_at', 'first_invite_at', 'closed_at', 'archived_at'):
            batch_op.add_column(sa.Column(name, _WHEN(), nullable=True))
    # Campaigns that already issued links are fixed from their first link on.
    op.execute("UPDATE campaign SET first_invite_at = (SELECT MIN(invitation.created_at) FROM invitation "
               "JOIN candidate ON candidate.id = invitation.candidate_id WHERE candidate.campaign_id = campaign.id)")
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        for name in ('sent_at', 'opened_at', 'last_reminder_at'):
            batch_op.add_column(sa.Column(name, _WHEN(), nullable=True))
    # candidaterater (raters assigned per candidate) comes with the panel's migration, c5e1f0a7d3b2.


def downgrade() -> None:
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        for name in ('last_reminder_at', 'opened_at', 'sent_at'):
            batch_op.drop_column(name)
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.drop_column('reference')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        for name in ('archived_at', 'closed_at', 'first_invite_at', 'deadline_at'):
            batch_op.drop_column(name)
