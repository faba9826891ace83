"""Quality rules of the site: hold the output lot on a failed check, what a due check blocks, the
two-person rule for signatures, the reaction to an SPC rule violation and the SPC baseline.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 04:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hold_on_failed_check', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('checks_block', sa.String(length=16), server_default='completion', nullable=False))
        batch_op.add_column(sa.Column('two_person_signatures', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('spc_reaction', sa.String(length=16), server_default='none', nullable=False))
        batch_op.add_column(sa.Column('spc_baseline', sa.Integer(), server_default='25', nullable=False))
        batch_op.create_check_constraint(op.f('ck_sites_known_checks_block'), "checks_block IN ('counts', 'completion')")
        batch_op.create_check_constraint(
            op.f('ck_sites_known_spc_reaction'), "spc_reaction IN ('none', 'remeasure', 'hold', 'call_quality')"
        )
        batch_op.create_check_constraint(op.f('ck_sites_spc_baseline_enough'), 'spc_baseline >= 8')


def downgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_sites_spc_baseline_enough'), type_='check')
        batch_op.drop_constraint(op.f('ck_sites_known_spc_reaction'), type_='check')
        batch_op.drop_constraint(op.f('ck_sites_known_checks_block'), type_='check')
        batch_op.drop_column('spc_baseline')
        batch_op.drop_column('spc_reaction')
        batch_op.drop_column('two_person_signatures')
        batch_op.drop_column('checks_block')
        batch_op.drop_column('hold_on_failed_check')
