"""Qualifications: what a person is qualified for, and which qualification a routing operation needs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 05:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'user_qualifications',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ['user_id'], ['users.id'], name=op.f('fk_user_qualifications_user_id_users'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('user_id', 'code', name=op.f('pk_user_qualifications')),
    )
    with op.batch_alter_table('routing_operations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('qualification', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('routing_operations', schema=None) as batch_op:
        batch_op.drop_column('qualification')
    op.drop_table('user_qualifications')
