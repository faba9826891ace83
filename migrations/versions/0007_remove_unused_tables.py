"""Remove tables nothing reads or writes: integration messages, crews and serial units.

They return with the features that use them (ERP exchange, crews, serialised parts); the downgrade
recreates them exactly as revision 0001 made them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 00:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('serial_units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_serial_units_lot_id'))
    op.drop_table('serial_units')
    op.drop_table('crew_members')
    op.drop_table('crews')
    op.drop_table('integration_messages')


def downgrade() -> None:
    op.create_table(
        'integration_messages',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('direction', sa.String(length=16), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('idempotency_key', sa.String(length=200), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "direction IN ('inbound', 'outbound')", name=op.f('ck_integration_messages_known_direction')
        ),
        sa.CheckConstraint(
            "status IN ('received', 'processed', 'failed', 'pending', 'sent')",
            name=op.f('ck_integration_messages_known_status'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_integration_messages')),
        sa.UniqueConstraint(
            'direction', 'idempotency_key', name=op.f('uq_integration_messages_direction_idempotency_key')
        ),
    )
    op.create_table(
        'crews',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_crews')),
        sa.UniqueConstraint('code', name=op.f('uq_crews_code')),
    )
    op.create_table(
        'crew_members',
        sa.Column('crew_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['crew_id'], ['crews.id'], name=op.f('fk_crew_members_crew_id_crews'), ondelete='CASCADE'
        ),
        sa.ForeignKeyConstraint(
            ['user_id'], ['users.id'], name=op.f('fk_crew_members_user_id_users'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('crew_id', 'user_id', name=op.f('pk_crew_members')),
    )
    op.create_table(
        'serial_units',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('material_id', sa.Integer(), nullable=False),
        sa.Column('serial', sa.String(length=64), nullable=False),
        sa.Column('lot_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['lot_id'], ['lots.id'], name=op.f('fk_serial_units_lot_id_lots'), ondelete='RESTRICT'
        ),
        sa.ForeignKeyConstraint(
            ['material_id'], ['materials.id'], name=op.f('fk_serial_units_material_id_materials'), ondelete='RESTRICT'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_serial_units')),
        sa.UniqueConstraint('material_id', 'serial', name=op.f('uq_serial_units_material_id_serial')),
    )
    with op.batch_alter_table('serial_units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_serial_units_lot_id'), ['lot_id'], unique=False)
