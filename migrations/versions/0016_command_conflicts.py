"""Command conflicts: commands a terminal took offline that a rule refused when they were delivered.

Kept whole with the refusal until a supervisor settles them (docs/offline.md). Numbered 0016 beside the
other change of this wave (0015); the one merged second is rebased onto the first.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 14:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PAYLOAD = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')


def upgrade() -> None:
    op.create_table(
        'command_conflicts',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('command_id', sa.Uuid(), nullable=False),
        sa.Column('type', sa.String(length=64), nullable=False),
        sa.Column('actor', sa.String(length=64), nullable=False),
        sa.Column('station', sa.String(length=64), nullable=True),
        sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('command', _PAYLOAD, nullable=False),
        sa.Column('code', sa.String(length=64), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('settled_by', sa.String(length=64), nullable=True),
        sa.Column('settled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('settle_reason', sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'discarded', 'applied')", name=op.f('ck_command_conflicts_known_status')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_command_conflicts')),
        sa.UniqueConstraint('command_id', name=op.f('uq_command_conflicts_command_id')),
    )
    with op.batch_alter_table('command_conflicts', schema=None) as batch_op:
        batch_op.create_index('ix_command_conflicts_status', ['status', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('command_conflicts', schema=None) as batch_op:
        batch_op.drop_index('ix_command_conflicts_status')
    op.drop_table('command_conflicts')
