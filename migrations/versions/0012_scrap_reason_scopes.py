"""Scrap reason scopes: the lines, stations and routing operations a scrap reason is offered at.

A reason without scope rows applies everywhere, so every reason loaded before keeps applying
everywhere.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 03:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'scrap_reason_scopes',
        sa.Column('scrap_reason_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('code', sa.String(length=64), nullable=False),
        sa.Column('operation', sa.Integer(), autoincrement=False, nullable=False),
        sa.CheckConstraint("kind IN ('line', 'station', 'operation')", name=op.f('ck_scrap_reason_scopes_known_kind')),
        sa.CheckConstraint(
            "(kind = 'operation' AND operation > 0) OR (kind <> 'operation' AND operation = 0)",
            name=op.f('ck_scrap_reason_scopes_operation_only_for_operations'),
        ),
        sa.ForeignKeyConstraint(
            ['scrap_reason_id'],
            ['scrap_reasons.id'],
            name=op.f('fk_scrap_reason_scopes_scrap_reason_id_scrap_reasons'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('scrap_reason_id', 'kind', 'code', 'operation', name=op.f('pk_scrap_reason_scopes')),
    )


def downgrade() -> None:
    op.drop_table('scrap_reason_scopes')
