"""Machine signals: their sources, counters and unassigned counts; counts that came from a machine; the
namespace publisher's cursor and address.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 03:06:25.558972
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
PAYLOAD = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
QUANTITY = sa.Numeric(precision=18, scale=6)


def upgrade() -> None:
    op.create_table(
        'publish_cursors',
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('event_id', BIG_ID, nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_publish_cursors')),
    )
    op.create_table(
        'machine_counters',
        sa.Column('workstation_id', sa.Integer(), nullable=False),
        sa.Column('signal', sa.String(length=16), nullable=False),
        sa.Column('last_value', QUANTITY, nullable=False),
        sa.Column('last_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['workstation_id'],
            ['workstations.id'],
            name=op.f('fk_machine_counters_workstation_id_workstations'),
            ondelete='RESTRICT',
        ),
        sa.PrimaryKeyConstraint('workstation_id', 'signal', name=op.f('pk_machine_counters')),
    )
    op.create_table(
        'machine_sources',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workstation_id', sa.Integer(), nullable=False),
        sa.Column('url', sa.String(length=255), nullable=False),
        sa.Column('badge', sa.String(length=64), nullable=False),
        sa.Column('poll_ms', sa.Integer(), server_default='1000', nullable=False),
        sa.Column('signals', PAYLOAD, nullable=False),
        sa.Column('online', sa.Boolean(), nullable=True),
        sa.Column('online_changed_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint('poll_ms > 0', name=op.f('ck_machine_sources_poll_positive')),
        sa.ForeignKeyConstraint(
            ['workstation_id'],
            ['workstations.id'],
            name=op.f('fk_machine_sources_workstation_id_workstations'),
            ondelete='RESTRICT',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_machine_sources')),
        sa.UniqueConstraint('workstation_id', 'url', name=op.f('uq_machine_sources_workstation_id_url')),
    )
    op.create_table(
        'machine_counts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('workstation_id', sa.Integer(), nullable=False),
        sa.Column('count_id', sa.Integer(), nullable=True),
        sa.Column('good', QUANTITY, nullable=False),
        sa.Column('scrap', QUANTITY, nullable=False),
        sa.Column('counted_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('unassigned_because', sa.String(length=64), nullable=True),
        sa.CheckConstraint('good > 0 OR scrap > 0', name=op.f('ck_machine_counts_something_counted')),
        sa.CheckConstraint('good >= 0', name=op.f('ck_machine_counts_good_not_negative')),
        sa.CheckConstraint('scrap >= 0', name=op.f('ck_machine_counts_scrap_not_negative')),
        sa.ForeignKeyConstraint(
            ['count_id'], ['counts.id'], name=op.f('fk_machine_counts_count_id_counts'), ondelete='RESTRICT'
        ),
        sa.ForeignKeyConstraint(
            ['workstation_id'],
            ['workstations.id'],
            name=op.f('fk_machine_counts_workstation_id_workstations'),
            ondelete='RESTRICT',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_machine_counts')),
    )
    with op.batch_alter_table('machine_counts', schema=None) as batch_op:
        batch_op.create_index('ix_machine_counts_station_counted', ['workstation_id', 'counted_at'], unique=False)

    # A machine's scrap signal cannot name a reason: its counts may come without one.
    with op.batch_alter_table('counts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=16), server_default='operator', nullable=False))
        batch_op.drop_constraint(op.f('ck_counts_scrap_has_reason'), type_='check')
        batch_op.create_check_constraint(
            op.f('ck_counts_scrap_has_reason'), "scrap = 0 OR scrap_reason_id IS NOT NULL OR source = 'machine'"
        )
        batch_op.create_check_constraint(op.f('ck_counts_known_source'), "source IN ('operator', 'machine')")

    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uns_url', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('uns_root', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_column('uns_root')
        batch_op.drop_column('uns_url')

    op.drop_table('machine_counts')  # before counts: it refers to them
    op.execute("DELETE FROM counts WHERE source = 'machine' AND scrap > 0 AND scrap_reason_id IS NULL")
    with op.batch_alter_table('counts', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_counts_known_source'), type_='check')
        batch_op.drop_constraint(op.f('ck_counts_scrap_has_reason'), type_='check')
        batch_op.create_check_constraint(op.f('ck_counts_scrap_has_reason'), 'scrap = 0 OR scrap_reason_id IS NOT NULL')
        batch_op.drop_column('source')

    op.drop_table('machine_sources')
    op.drop_table('machine_counters')
    op.drop_table('publish_cursors')
