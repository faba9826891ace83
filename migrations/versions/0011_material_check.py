"""Material check: whether a count or completion needing more material than the job has taken warns or is refused.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 03:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.add_column(sa.Column('material_check', sa.String(length=8), server_default='warn', nullable=False))
        batch_op.create_check_constraint(op.f('ck_sites_known_material_check'), "material_check IN ('warn', 'block')")


def downgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_sites_known_material_check'), type_='check')
        batch_op.drop_column('material_check')
