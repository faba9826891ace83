"""The published plan: each open operation's planned station, start, end and changeover.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 03:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'planned_operations',
        sa.Column('operation_id', sa.Integer(), nullable=False),
        sa.Column('workstation_id', sa.Integer(), nullable=False),
        sa.Column('planned_start', sa.DateTime(timezone=True), nullable=False),
        sa.Column('planned_end', sa.DateTime(timezone=True), nullable=False),
        sa.Column('setup_minutes', sa.Integer(), nullable=False),
        sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('planned_end >= planned_start', name=op.f('ck_planned_operations_ends_after_start')),
        sa.CheckConstraint('setup_minutes >= 0', name=op.f('ck_planned_operations_setup_not_negative')),
        sa.ForeignKeyConstraint(
            ['operation_id'],
            ['work_order_operations.id'],
            name=op.f('fk_planned_operations_operation_id_work_order_operations'),
            ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['workstation_id'],
            ['workstations.id'],
            name=op.f('fk_planned_operations_workstation_id_workstations'),
            ondelete='RESTRICT',
        ),
        sa.PrimaryKeyConstraint('operation_id', name=op.f('pk_planned_operations')),
    )
    op.create_index(
        op.f('ix_planned_operations_workstation_id'), 'planned_operations', ['workstation_id'], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f('ix_planned_operations_workstation_id'), table_name='planned_operations')
    op.drop_table('planned_operations')
