"""The planning calendar: a station's capacity, a product's changeover family, a routing operation's
transfer time and whether it may pause over a break, and per site the changeover matrix, holidays
and maintenance windows.

Every existing row keeps the behaviour planned so far: capacity 1, the product its own family, no
transfer time, interruptible.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 14:18:12.401804
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('changeovers',
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('from_family', sa.String(length=64), nullable=False),
    sa.Column('to_family', sa.String(length=64), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.CheckConstraint('from_family <> to_family', name=op.f('ck_changeovers_between_families')),
    sa.CheckConstraint('minutes >= 0', name=op.f('ck_changeovers_minutes_not_negative')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_changeovers_site_id_sites'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('site_id', 'from_family', 'to_family', name=op.f('pk_changeovers'))
    )
    op.create_table('holidays',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_holidays_site_id_sites'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holidays')),
    sa.UniqueConstraint('site_id', 'day', name=op.f('uq_holidays_site_id_day'))
    )
    op.create_table('holiday_lines',
    sa.Column('holiday_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['holiday_id'], ['holidays.id'], name=op.f('fk_holiday_lines_holiday_id_holidays'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['line_id'], ['lines.id'], name=op.f('fk_holiday_lines_line_id_lines'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('holiday_id', 'line_id', name=op.f('pk_holiday_lines'))
    )
    with op.batch_alter_table('holiday_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_holiday_lines_line_id'), ['line_id'], unique=False)

    op.create_table('maintenance_windows',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workstation_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=True),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_maintenance_windows_ends_after_start')),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_maintenance_windows_workstation_id_workstations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_maintenance_windows')),
    sa.UniqueConstraint('workstation_id', 'starts_at', name=op.f('uq_maintenance_windows_workstation_id_starts_at'))
    )
    with op.batch_alter_table('materials', schema=None) as batch_op:
        batch_op.add_column(sa.Column('family', sa.String(length=64), nullable=True))

    with op.batch_alter_table('routing_operations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('transfer_minutes', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('interruptible', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.create_check_constraint(
            op.f('ck_routing_operations_transfer_not_negative'), 'transfer_minutes >= 0'
        )

    with op.batch_alter_table('workstations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('capacity', sa.Integer(), server_default='1', nullable=False))
        batch_op.create_check_constraint(op.f('ck_workstations_capacity_positive'), 'capacity > 0')



def downgrade() -> None:
    with op.batch_alter_table('workstations', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_workstations_capacity_positive'), type_='check')
        batch_op.drop_column('capacity')

    with op.batch_alter_table('routing_operations', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_routing_operations_transfer_not_negative'), type_='check')
        batch_op.drop_column('interruptible')
        batch_op.drop_column('transfer_minutes')

    with op.batch_alter_table('materials', schema=None) as batch_op:
        batch_op.drop_column('family')

    op.drop_table('maintenance_windows')
    with op.batch_alter_table('holiday_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_holiday_lines_line_id'))

    op.drop_table('holiday_lines')
    op.drop_table('holidays')
    op.drop_table('changeovers')
