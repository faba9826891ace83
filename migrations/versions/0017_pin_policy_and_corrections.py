"""PIN policy per role, locked badges, the signing session's idle limit, and count corrections.

`pin_policies` holds the plant file's [[pin_policies]]; users gain when their PIN was set, their wrong
PINs in a row and when that locked them; `used_pins` keeps the hashes of earlier PINs. Sites gain
`signature_idle_minutes` (21 CFR 11.200). A count may now be a correction: source `correction`, the
event it corrects and a reason, its figures the difference it makes (negative to take parts back).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 14:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHECKS_BEFORE = {
    'ck_counts_good_not_negative': 'good >= 0',
    'ck_counts_scrap_not_negative': 'scrap >= 0',
    'ck_counts_something_counted': 'good > 0 OR scrap > 0',
    'ck_counts_scrap_has_reason': "scrap = 0 OR scrap_reason_id IS NOT NULL OR source = 'machine'",
    'ck_counts_known_source': "source IN ('operator', 'machine')",
}
_CHECKS_AFTER = {
    'ck_counts_good_not_negative': "good >= 0 OR source = 'correction'",
    'ck_counts_scrap_not_negative': "scrap >= 0 OR source = 'correction'",
    'ck_counts_something_counted': 'good <> 0 OR scrap <> 0',
    'ck_counts_scrap_has_reason': "scrap <= 0 OR scrap_reason_id IS NOT NULL OR source = 'machine'",
    'ck_counts_known_source': "source IN ('operator', 'machine', 'correction')",
}
_CORRECTION_CHECK = 'ck_counts_correction_names_event_and_reason'


def upgrade() -> None:
    op.create_table(
        'pin_policies',
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('min_length', sa.Integer(), nullable=False),
        sa.Column('remember', sa.Integer(), nullable=False),
        sa.Column('expires_days', sa.Integer(), nullable=False),
        sa.Column('lock_after', sa.Integer(), nullable=False),
        sa.CheckConstraint('min_length BETWEEN 4 AND 12', name=op.f('ck_pin_policies_min_length_range')),
        sa.CheckConstraint(
            'remember >= 0 AND expires_days >= 0 AND lock_after >= 0', name=op.f('ck_pin_policies_limits_not_negative')
        ),
        sa.PrimaryKeyConstraint('role', name=op.f('pk_pin_policies')),
    )
    op.create_table(
        'used_pins',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('pin_hash', sa.String(length=200), nullable=False),
        sa.Column('retired_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_used_pins_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_used_pins')),
    )
    with op.batch_alter_table('used_pins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_used_pins_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pin_changed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('failed_pins', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.add_column(sa.Column('signature_idle_minutes', sa.Integer(), server_default='15', nullable=False))

    with op.batch_alter_table('counts', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('corrects_event_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True)
        )
        batch_op.add_column(sa.Column('reason', sa.String(length=2000), nullable=True))
        batch_op.create_index(batch_op.f('ix_counts_corrects_event_id'), ['corrects_event_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_counts_corrects_event_id_events'), 'events', ['corrects_event_id'], ['id'], ondelete='RESTRICT'
        )
        for name, condition in _CHECKS_AFTER.items():
            batch_op.drop_constraint(op.f(name), type_='check')
            batch_op.create_check_constraint(op.f(name), condition)
        batch_op.create_check_constraint(
            op.f(_CORRECTION_CHECK),
            "(source = 'correction') = (corrects_event_id IS NOT NULL AND reason IS NOT NULL)",
        )


def downgrade() -> None:
    # Corrections cannot exist in the older schema: a downgrade forgets them (their events remain).
    op.execute("DELETE FROM counts WHERE source = 'correction'")
    with op.batch_alter_table('counts', schema=None) as batch_op:
        batch_op.drop_constraint(op.f(_CORRECTION_CHECK), type_='check')
        for name, condition in _CHECKS_BEFORE.items():
            batch_op.drop_constraint(op.f(name), type_='check')
            batch_op.create_check_constraint(op.f(name), condition)
        batch_op.drop_constraint(batch_op.f('fk_counts_corrects_event_id_events'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_counts_corrects_event_id'))
        batch_op.drop_column('reason')
        batch_op.drop_column('corrects_event_id')

    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_column('signature_idle_minutes')

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('locked_at')
        batch_op.drop_column('failed_pins')
        batch_op.drop_column('pin_changed_at')

    with op.batch_alter_table('used_pins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_used_pins_user_id'))
    op.drop_table('used_pins')
    op.drop_table('pin_policies')
