"""Execution rules of the site: when an operation may start, overrun allowance, labour split.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 02:47:43.872115
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start_when', sa.String(length=24), server_default='quantity_available', nullable=False))
        batch_op.add_column(sa.Column('overrun_percent', sa.Numeric(precision=18, scale=6), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('labour_split', sa.String(length=16), server_default='equal', nullable=False))
        batch_op.create_check_constraint(
            op.f('ck_sites_known_start_when'), "start_when IN ('quantity_available', 'previous_finished')"
        )
        batch_op.create_check_constraint(op.f('ck_sites_known_labour_split'), "labour_split IN ('equal', 'quantity')")
        batch_op.create_check_constraint(op.f('ck_sites_overrun_not_negative'), 'overrun_percent >= 0')



def downgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_sites_overrun_not_negative'), type_='check')
        batch_op.drop_constraint(op.f('ck_sites_known_labour_split'), type_='check')
        batch_op.drop_constraint(op.f('ck_sites_known_start_when'), type_='check')
        batch_op.drop_column('labour_split')
        batch_op.drop_column('overrun_percent')
        batch_op.drop_column('start_when')

