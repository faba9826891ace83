"""Material rules: which lot to pick first (FEFO/FIFO, warn or block) and when a product's output lot appears.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 04:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.add_column(sa.Column('picking', sa.String(length=8), server_default='fefo', nullable=False))
        batch_op.add_column(sa.Column('picking_rule', sa.String(length=8), server_default='warn', nullable=False))
        batch_op.create_check_constraint(op.f('ck_sites_known_picking'), "picking IN ('fefo', 'fifo')")
        batch_op.create_check_constraint(op.f('ck_sites_known_picking_rule'), "picking_rule IN ('warn', 'block')")
    with op.batch_alter_table('materials', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('output_lot_at', sa.String(length=16), server_default='first_count', nullable=False)
        )
        batch_op.create_check_constraint(
            op.f('ck_materials_known_output_lot_at'), "output_lot_at IN ('first_count', 'completion')"
        )


def downgrade() -> None:
    with op.batch_alter_table('materials', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_materials_known_output_lot_at'), type_='check')
        batch_op.drop_column('output_lot_at')
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_sites_known_picking_rule'), type_='check')
        batch_op.drop_constraint(op.f('ck_sites_known_picking'), type_='check')
        batch_op.drop_column('picking_rule')
        batch_op.drop_column('picking')
