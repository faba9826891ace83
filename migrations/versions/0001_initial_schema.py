"""Initial schema: the whole domain model of DESIGN.md §4.

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 02:00:51.830238
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('checklist_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.CheckConstraint('version > 0', name=op.f('ck_checklist_templates_version_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_templates')),
    sa.UniqueConstraint('code', 'version', name=op.f('uq_checklist_templates_code_version'))
    )
    op.create_table('crews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crews')),
    sa.UniqueConstraint('code', name=op.f('uq_crews_code'))
    )
    op.create_table('downtime_reasons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('loss', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.CheckConstraint("category IN ('planned', 'unplanned')", name=op.f('ck_downtime_reasons_known_category')),
    sa.CheckConstraint("loss IN ('availability', 'performance', 'quality')", name=op.f('ck_downtime_reasons_known_loss')),
    sa.CheckConstraint('parent_id IS NULL OR parent_id <> id', name=op.f('ck_downtime_reasons_not_own_parent')),
    sa.ForeignKeyConstraint(['parent_id'], ['downtime_reasons.id'], name=op.f('fk_downtime_reasons_parent_id_downtime_reasons'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_downtime_reasons')),
    sa.UniqueConstraint('code', name=op.f('uq_downtime_reasons_code'))
    )
    with op.batch_alter_table('downtime_reasons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_downtime_reasons_parent_id'), ['parent_id'], unique=False)

    op.create_table('integration_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('idempotency_key', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("direction IN ('inbound', 'outbound')", name=op.f('ck_integration_messages_known_direction')),
    sa.CheckConstraint("status IN ('received', 'processed', 'failed', 'pending', 'sent')", name=op.f('ck_integration_messages_known_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_integration_messages')),
    sa.UniqueConstraint('direction', 'idempotency_key', name=op.f('uq_integration_messages_direction_idempotency_key'))
    )
    op.create_table('materials',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('lot_controlled', sa.Boolean(), nullable=False),
    sa.Column('serial_controlled', sa.Boolean(), nullable=False),
    sa.Column('shelf_life_days', sa.Integer(), nullable=True),
    sa.Column('gtin', sa.String(length=14), nullable=True),
    sa.Column('is_product', sa.Boolean(), nullable=False),
    sa.CheckConstraint('shelf_life_days IS NULL OR shelf_life_days > 0', name=op.f('ck_materials_shelf_life_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_materials')),
    sa.UniqueConstraint('code', name=op.f('uq_materials_code')),
    sa.UniqueConstraint('gtin', name=op.f('uq_materials_gtin'))
    )
    op.create_table('processed_commands',
    sa.Column('command_id', sa.Uuid(), nullable=False),
    sa.Column('type', sa.String(length=64), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('station', sa.String(length=64), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('result', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.PrimaryKeyConstraint('command_id', name=op.f('pk_processed_commands'))
    )
    op.create_table('scrap_reasons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scrap_reasons')),
    sa.UniqueConstraint('code', name=op.f('uq_scrap_reasons_code'))
    )
    op.create_table('sites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sites')),
    sa.UniqueConstraint('code', name=op.f('uq_sites_code'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('badge', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=True),
    sa.Column('password_hash', sa.String(length=200), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('badge', name=op.f('uq_users_badge'))
    )
    op.create_table('areas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_areas_site_id_sites'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_areas')),
    sa.UniqueConstraint('site_id', 'code', name=op.f('uq_areas_site_id_code'))
    )
    op.create_table('bom_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('component_id', sa.Integer(), nullable=False),
    sa.Column('quantity_per', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('operation_seq', sa.Integer(), nullable=False),
    sa.Column('backflush', sa.Boolean(), nullable=False),
    sa.CheckConstraint('product_id <> component_id', name=op.f('ck_bom_lines_not_self')),
    sa.CheckConstraint('quantity_per > 0', name=op.f('ck_bom_lines_quantity_positive')),
    sa.ForeignKeyConstraint(['component_id'], ['materials.id'], name=op.f('fk_bom_lines_component_id_materials'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['product_id'], ['materials.id'], name=op.f('fk_bom_lines_product_id_materials'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bom_lines')),
    sa.UniqueConstraint('product_id', 'component_id', 'operation_seq', name=op.f('uq_bom_lines_product_id_component_id_operation_seq'))
    )
    with op.batch_alter_table('bom_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bom_lines_product_id'), ['product_id'], unique=False)

    op.create_table('checklist_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('text', sa.String(length=400), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=True),
    sa.Column('lower_limit', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('target', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('upper_limit', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('choices', sa.Text(), nullable=True),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('trigger', sa.String(length=16), nullable=False),
    sa.Column('every_n', sa.Integer(), nullable=True),
    sa.Column('every_minutes', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('pass_fail', 'numeric', 'text', 'choice')", name=op.f('ck_checklist_items_known_kind')),
    sa.CheckConstraint("trigger IN ('start', 'first_piece', 'every_n', 'every_minutes', 'completion', 'shift_start')", name=op.f('ck_checklist_items_known_trigger')),
    sa.CheckConstraint('every_minutes IS NULL OR every_minutes > 0', name=op.f('ck_checklist_items_every_minutes_positive')),
    sa.CheckConstraint('every_n IS NULL OR every_n > 0', name=op.f('ck_checklist_items_every_n_positive')),
    sa.CheckConstraint('lower_limit IS NULL OR upper_limit IS NULL OR lower_limit <= upper_limit', name=op.f('ck_checklist_items_limits_ordered')),
    sa.ForeignKeyConstraint(['template_id'], ['checklist_templates.id'], name=op.f('fk_checklist_items_template_id_checklist_templates'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_items')),
    sa.UniqueConstraint('template_id', 'code', name=op.f('uq_checklist_items_template_id_code'))
    )
    op.create_table('crew_members',
    sa.Column('crew_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['crew_id'], ['crews.id'], name=op.f('fk_crew_members_crew_id_crews'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_crew_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('crew_id', 'user_id', name=op.f('pk_crew_members'))
    )
    op.create_table('events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('station', sa.String(length=64), nullable=True),
    sa.Column('type', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('command_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['command_id'], ['processed_commands.command_id'], name=op.f('fk_events_command_id_processed_commands'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_command_id'), ['command_id'], unique=False)
        batch_op.create_index('ix_events_entity', ['entity', 'entity_id'], unique=False)
        batch_op.create_index('ix_events_station_occurred', ['station', 'occurred_at'], unique=False)

    op.create_table('routing_operations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('ideal_cycle_seconds', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('setup_minutes', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('work_instruction', sa.Text(), nullable=True),
    sa.Column('checklist_code', sa.String(length=64), nullable=True),
    sa.CheckConstraint('ideal_cycle_seconds > 0', name=op.f('ck_routing_operations_cycle_positive')),
    sa.CheckConstraint('seq > 0', name=op.f('ck_routing_operations_seq_positive')),
    sa.CheckConstraint('setup_minutes >= 0', name=op.f('ck_routing_operations_setup_not_negative')),
    sa.ForeignKeyConstraint(['product_id'], ['materials.id'], name=op.f('fk_routing_operations_product_id_materials'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_routing_operations')),
    sa.UniqueConstraint('product_id', 'seq', name=op.f('uq_routing_operations_product_id_seq'))
    )
    op.create_table('shifts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('days', sa.String(length=40), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_shifts_site_id_sites'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shifts')),
    sa.UniqueConstraint('site_id', 'code', name=op.f('uq_shifts_site_id_code'))
    )
    op.create_table('user_roles',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.CheckConstraint("role IN ('operator', 'lead', 'supervisor', 'quality', 'admin')", name=op.f('ck_user_roles_known_role')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_roles_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'role', name=op.f('pk_user_roles'))
    )
    op.create_table('work_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('planned', 'released', 'in_progress', 'on_hold', 'completed', 'closed', 'cancelled')", name=op.f('ck_work_orders_known_status')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_work_orders_quantity_positive')),
    sa.ForeignKeyConstraint(['product_id'], ['materials.id'], name=op.f('fk_work_orders_product_id_materials'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_orders')),
    sa.UniqueConstraint('number', name=op.f('uq_work_orders_number'))
    )
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_orders_product_id'), ['product_id'], unique=False)
        batch_op.create_index('ix_work_orders_status_due', ['status', 'due_at'], unique=False)

    op.create_table('bom_substitutes',
    sa.Column('bom_line_id', sa.Integer(), nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['bom_line_id'], ['bom_lines.id'], name=op.f('fk_bom_substitutes_bom_line_id_bom_lines'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['material_id'], ['materials.id'], name=op.f('fk_bom_substitutes_material_id_materials'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('bom_line_id', 'material_id', name=op.f('pk_bom_substitutes'))
    )
    op.create_table('lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_lines_area_id_areas'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_lines_site_id_sites'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lines')),
    sa.UniqueConstraint('code', name=op.f('uq_lines_code'))
    )
    with op.batch_alter_table('lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lines_site_id'), ['site_id'], unique=False)

    op.create_table('shift_breaks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.CheckConstraint('minutes > 0', name=op.f('ck_shift_breaks_minutes_positive')),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_shift_breaks_shift_id_shifts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_breaks'))
    )
    with op.batch_alter_table('shift_breaks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shift_breaks_shift_id'), ['shift_id'], unique=False)

    op.create_table('signatures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('signer_id', sa.Integer(), nullable=False),
    sa.Column('signer_name', sa.String(length=200), nullable=False),
    sa.Column('meaning', sa.String(length=40), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('event_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_signatures_event_id_events'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['signer_id'], ['users.id'], name=op.f('fk_signatures_signer_id_users'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signatures'))
    )
    with op.batch_alter_table('signatures', schema=None) as batch_op:
        batch_op.create_index('ix_signatures_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('line_shifts',
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['line_id'], ['lines.id'], name=op.f('fk_line_shifts_line_id_lines'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_line_shifts_shift_id_shifts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('line_id', 'shift_id', name=op.f('pk_line_shifts'))
    )
    op.create_table('workstations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('micro_stop_seconds', sa.Integer(), nullable=True),
    sa.Column('badge_only', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.CheckConstraint('micro_stop_seconds IS NULL OR micro_stop_seconds >= 0', name=op.f('ck_workstations_micro_stop_not_negative')),
    sa.ForeignKeyConstraint(['line_id'], ['lines.id'], name=op.f('fk_workstations_line_id_lines'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workstations')),
    sa.UniqueConstraint('code', name=op.f('uq_workstations_code'))
    )
    with op.batch_alter_table('workstations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workstations_line_id'), ['line_id'], unique=False)

    op.create_table('print_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=400), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('is_reprint', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('workstation_id', sa.Integer(), nullable=True),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("document IN ('lot_label', 'traveler')", name=op.f('ck_print_jobs_known_document')),
    sa.CheckConstraint("status IN ('queued', 'printed', 'failed')", name=op.f('ck_print_jobs_known_status')),
    sa.CheckConstraint('NOT is_reprint OR reason IS NOT NULL', name=op.f('ck_print_jobs_reprint_has_reason')),
    sa.CheckConstraint('copies > 0', name=op.f('ck_print_jobs_copies_positive')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_print_jobs_requested_by_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_print_jobs_workstation_id_workstations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_jobs'))
    )
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.create_index('ix_print_jobs_subject', ['document', 'subject'], unique=False)

    op.create_table('routing_operation_stations',
    sa.Column('routing_operation_id', sa.Integer(), nullable=False),
    sa.Column('workstation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['routing_operation_id'], ['routing_operations.id'], name=op.f('fk_routing_operation_stations_routing_operation_id_routing_operations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_routing_operation_stations_workstation_id_workstations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('routing_operation_id', 'workstation_id', name=op.f('pk_routing_operation_stations'))
    )
    with op.batch_alter_table('routing_operation_stations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_routing_operation_stations_workstation_id'), ['workstation_id'], unique=False)

    op.create_table('station_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workstation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('signed_in_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('signed_out_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('signed_out_at IS NULL OR signed_out_at >= signed_in_at', name=op.f('ck_station_sessions_ends_after_start')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_station_sessions_user_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_station_sessions_workstation_id_workstations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station_sessions'))
    )
    with op.batch_alter_table('station_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_sessions_user_id'), ['user_id'], unique=False)
        batch_op.create_index('uq_station_sessions_open', ['workstation_id', 'user_id'], unique=True, sqlite_where=sa.text('signed_out_at IS NULL'), postgresql_where=sa.text('signed_out_at IS NULL'))

    op.create_table('work_order_operations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('routing_operation_id', sa.Integer(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('workstation_id', sa.Integer(), nullable=True),
    sa.Column('dispatch_position', sa.Integer(), nullable=True),
    sa.Column('good_quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('scrap_quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('short_closed', sa.Boolean(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('output_lot', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('pending', 'ready', 'running', 'paused', 'completed')", name=op.f('ck_work_order_operations_known_status')),
    sa.CheckConstraint('good_quantity >= 0', name=op.f('ck_work_order_operations_good_not_negative')),
    sa.CheckConstraint('scrap_quantity >= 0', name=op.f('ck_work_order_operations_scrap_not_negative')),
    sa.ForeignKeyConstraint(['routing_operation_id'], ['routing_operations.id'], name=op.f('fk_work_order_operations_routing_operation_id_routing_operations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_work_order_operations_work_order_id_work_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_work_order_operations_workstation_id_workstations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_order_operations')),
    sa.UniqueConstraint('work_order_id', 'seq', name=op.f('uq_work_order_operations_work_order_id_seq'))
    )
    with op.batch_alter_table('work_order_operations', schema=None) as batch_op:
        batch_op.create_index('ix_work_order_operations_dispatch', ['workstation_id', 'status', 'dispatch_position'], unique=False)

    op.create_table('checklist_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('operation_id', sa.Integer(), nullable=False),
    sa.Column('workstation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('numeric_value', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['checklist_items.id'], name=op.f('fk_checklist_results_item_id_checklist_items'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['operation_id'], ['work_order_operations.id'], name=op.f('fk_checklist_results_operation_id_work_order_operations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_checklist_results_user_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_checklist_results_workstation_id_workstations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_results'))
    )
    with op.batch_alter_table('checklist_results', schema=None) as batch_op:
        batch_op.create_index('ix_checklist_results_operation_item', ['operation_id', 'item_id'], unique=False)

    op.create_table('downtime_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workstation_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('operation_id', sa.Integer(), nullable=True),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('classified_by_id', sa.Integer(), nullable=True),
    sa.Column('classified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('split_from_id', sa.Integer(), nullable=True),
    sa.Column('machine_state', sa.String(length=64), nullable=True),
    sa.CheckConstraint("source IN ('operator', 'machine')", name=op.f('ck_downtime_events_known_source')),
    sa.CheckConstraint('ended_at IS NULL OR ended_at >= started_at', name=op.f('ck_downtime_events_ends_after_start')),
    sa.ForeignKeyConstraint(['classified_by_id'], ['users.id'], name=op.f('fk_downtime_events_classified_by_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['opened_by_id'], ['users.id'], name=op.f('fk_downtime_events_opened_by_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['operation_id'], ['work_order_operations.id'], name=op.f('fk_downtime_events_operation_id_work_order_operations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['reason_id'], ['downtime_reasons.id'], name=op.f('fk_downtime_events_reason_id_downtime_reasons'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['split_from_id'], ['downtime_events.id'], name=op.f('fk_downtime_events_split_from_id_downtime_events'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_downtime_events_workstation_id_workstations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_downtime_events'))
    )
    with op.batch_alter_table('downtime_events', schema=None) as batch_op:
        batch_op.create_index('ix_downtime_events_station_started', ['workstation_id', 'started_at'], unique=False)
        batch_op.create_index('uq_downtime_events_open', ['workstation_id'], unique=True, sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))

    op.create_table('job_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('operation_id', sa.Integer(), nullable=False),
    sa.Column('workstation_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('end_reason', sa.String(length=16), nullable=True),
    sa.CheckConstraint("end_reason IS NULL OR end_reason IN ('paused', 'completed')", name=op.f('ck_job_runs_known_end_reason')),
    sa.CheckConstraint('ended_at IS NULL OR ended_at >= started_at', name=op.f('ck_job_runs_ends_after_start')),
    sa.ForeignKeyConstraint(['operation_id'], ['work_order_operations.id'], name=op.f('fk_job_runs_operation_id_work_order_operations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_job_runs_workstation_id_workstations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_runs'))
    )
    with op.batch_alter_table('job_runs', schema=None) as batch_op:
        batch_op.create_index('ix_job_runs_station_started', ['workstation_id', 'started_at'], unique=False)
        batch_op.create_index('uq_job_runs_open', ['operation_id'], unique=True, sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))

    op.create_table('lots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('supplier_lot', sa.String(length=64), nullable=True),
    sa.Column('produced_by_operation_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('available', 'on_hold', 'quarantined', 'consumed', 'scrapped')", name=op.f('ck_lots_known_status')),
    sa.CheckConstraint('quantity >= 0', name=op.f('ck_lots_quantity_not_negative')),
    sa.ForeignKeyConstraint(['material_id'], ['materials.id'], name=op.f('fk_lots_material_id_materials'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['produced_by_operation_id'], ['work_order_operations.id'], name=op.f('fk_lots_produced_by_operation_id_work_order_operations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lots')),
    sa.UniqueConstraint('number', name=op.f('uq_lots_number'))
    )
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.create_index('ix_lots_material_status_expiry', ['material_id', 'status', 'expires_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_lots_produced_by_operation_id'), ['produced_by_operation_id'], unique=False)

    op.create_table('consumptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('operation_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('workstation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('returned_quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('backflushed', sa.Boolean(), nullable=False),
    sa.Column('consumed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('output_lot', sa.String(length=64), nullable=True),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_consumptions_quantity_positive')),
    sa.CheckConstraint('returned_quantity >= 0 AND returned_quantity <= quantity', name=op.f('ck_consumptions_returned_within_taken')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_consumptions_lot_id_lots'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['operation_id'], ['work_order_operations.id'], name=op.f('fk_consumptions_operation_id_work_order_operations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_consumptions_user_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_consumptions_workstation_id_workstations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consumptions'))
    )
    with op.batch_alter_table('consumptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consumptions_lot_id'), ['lot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consumptions_operation_id'), ['operation_id'], unique=False)

    op.create_table('counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('operation_id', sa.Integer(), nullable=False),
    sa.Column('workstation_id', sa.Integer(), nullable=False),
    sa.Column('job_run_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('good', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('scrap', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('scrap_reason_id', sa.Integer(), nullable=True),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('good > 0 OR scrap > 0', name=op.f('ck_counts_something_counted')),
    sa.CheckConstraint('good >= 0', name=op.f('ck_counts_good_not_negative')),
    sa.CheckConstraint('scrap = 0 OR scrap_reason_id IS NOT NULL', name=op.f('ck_counts_scrap_has_reason')),
    sa.CheckConstraint('scrap >= 0', name=op.f('ck_counts_scrap_not_negative')),
    sa.ForeignKeyConstraint(['job_run_id'], ['job_runs.id'], name=op.f('fk_counts_job_run_id_job_runs'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['operation_id'], ['work_order_operations.id'], name=op.f('fk_counts_operation_id_work_order_operations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['scrap_reason_id'], ['scrap_reasons.id'], name=op.f('fk_counts_scrap_reason_id_scrap_reasons'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_counts_user_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_counts_workstation_id_workstations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_counts'))
    )
    with op.batch_alter_table('counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_counts_operation_id'), ['operation_id'], unique=False)
        batch_op.create_index('ix_counts_station_reported', ['workstation_id', 'reported_at'], unique=False)

    op.create_table('labour_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job_run_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('ended_at IS NULL OR ended_at >= started_at', name=op.f('ck_labour_entries_ends_after_start')),
    sa.ForeignKeyConstraint(['job_run_id'], ['job_runs.id'], name=op.f('fk_labour_entries_job_run_id_job_runs'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_labour_entries_user_id_users'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_labour_entries'))
    )
    with op.batch_alter_table('labour_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_labour_entries_job_run_id'), ['job_run_id'], unique=False)
        batch_op.create_index('ix_labour_entries_user_started', ['user_id', 'started_at'], unique=False)

    op.create_table('nonconformances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=True),
    sa.Column('operation_id', sa.Integer(), nullable=True),
    sa.Column('checklist_result_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('defect_code', sa.String(length=64), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('raised_by_id', sa.Integer(), nullable=False),
    sa.Column('raised_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('open', 'dispositioned', 'closed')", name=op.f('ck_nonconformances_known_status')),
    sa.CheckConstraint('quantity IS NULL OR quantity >= 0', name=op.f('ck_nonconformances_quantity_not_negative')),
    sa.ForeignKeyConstraint(['checklist_result_id'], ['checklist_results.id'], name=op.f('fk_nonconformances_checklist_result_id_checklist_results'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_nonconformances_lot_id_lots'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['operation_id'], ['work_order_operations.id'], name=op.f('fk_nonconformances_operation_id_work_order_operations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['raised_by_id'], ['users.id'], name=op.f('fk_nonconformances_raised_by_id_users'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nonconformances')),
    sa.UniqueConstraint('number', name=op.f('uq_nonconformances_number'))
    )
    with op.batch_alter_table('nonconformances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nonconformances_lot_id'), ['lot_id'], unique=False)

    op.create_table('serial_units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=64), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_serial_units_lot_id_lots'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['material_id'], ['materials.id'], name=op.f('fk_serial_units_material_id_materials'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_serial_units')),
    sa.UniqueConstraint('material_id', 'serial', name=op.f('uq_serial_units_material_id_serial'))
    )
    with op.batch_alter_table('serial_units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_serial_units_lot_id'), ['lot_id'], unique=False)

    op.create_table('dispositions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nonconformance_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=24), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("decision IN ('use_as_is', 'rework', 'scrap', 'return_to_supplier')", name=op.f('ck_dispositions_known_decision')),
    sa.CheckConstraint('quantity IS NULL OR quantity >= 0', name=op.f('ck_dispositions_quantity_not_negative')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_dispositions_decided_by_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['nonconformance_id'], ['nonconformances.id'], name=op.f('fk_dispositions_nonconformance_id_nonconformances'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispositions'))
    )
    with op.batch_alter_table('dispositions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispositions_nonconformance_id'), ['nonconformance_id'], unique=False)

    op.create_table('genealogy_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consumed_lot_id', sa.Integer(), nullable=False),
    sa.Column('produced_lot_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=6), nullable=False),
    sa.Column('consumption_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('consumed_lot_id <> produced_lot_id', name=op.f('ck_genealogy_links_not_self')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_genealogy_links_quantity_positive')),
    sa.ForeignKeyConstraint(['consumed_lot_id'], ['lots.id'], name=op.f('fk_genealogy_links_consumed_lot_id_lots'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['consumption_id'], ['consumptions.id'], name=op.f('fk_genealogy_links_consumption_id_consumptions'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['produced_lot_id'], ['lots.id'], name=op.f('fk_genealogy_links_produced_lot_id_lots'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_genealogy_links'))
    )
    with op.batch_alter_table('genealogy_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_genealogy_links_consumed_lot_id'), ['consumed_lot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_genealogy_links_produced_lot_id'), ['produced_lot_id'], unique=False)

    op.create_table('holds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=True),
    sa.Column('work_order_id', sa.Integer(), nullable=True),
    sa.Column('nonconformance_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('placed_by_id', sa.Integer(), nullable=False),
    sa.Column('placed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('released_by_id', sa.Integer(), nullable=True),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('lot_id IS NOT NULL OR work_order_id IS NOT NULL', name=op.f('ck_holds_holds_something')),
    sa.CheckConstraint('released_at IS NULL OR released_at >= placed_at', name=op.f('ck_holds_released_after_placed')),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_holds_lot_id_lots'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['nonconformance_id'], ['nonconformances.id'], name=op.f('fk_holds_nonconformance_id_nonconformances'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['placed_by_id'], ['users.id'], name=op.f('fk_holds_placed_by_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['released_by_id'], ['users.id'], name=op.f('fk_holds_released_by_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_holds_work_order_id_work_orders'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holds'))
    )
    with op.batch_alter_table('holds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_holds_lot_id'), ['lot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_holds_work_order_id'), ['work_order_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('holds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_holds_work_order_id'))
        batch_op.drop_index(batch_op.f('ix_holds_lot_id'))

    op.drop_table('holds')
    with op.batch_alter_table('genealogy_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_genealogy_links_produced_lot_id'))
        batch_op.drop_index(batch_op.f('ix_genealogy_links_consumed_lot_id'))

    op.drop_table('genealogy_links')
    with op.batch_alter_table('dispositions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispositions_nonconformance_id'))

    op.drop_table('dispositions')
    with op.batch_alter_table('serial_units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_serial_units_lot_id'))

    op.drop_table('serial_units')
    with op.batch_alter_table('nonconformances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nonconformances_lot_id'))

    op.drop_table('nonconformances')
    with op.batch_alter_table('labour_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_labour_entries_user_started')
        batch_op.drop_index(batch_op.f('ix_labour_entries_job_run_id'))

    op.drop_table('labour_entries')
    with op.batch_alter_table('counts', schema=None) as batch_op:
        batch_op.drop_index('ix_counts_station_reported')
        batch_op.drop_index(batch_op.f('ix_counts_operation_id'))

    op.drop_table('counts')
    with op.batch_alter_table('consumptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consumptions_operation_id'))
        batch_op.drop_index(batch_op.f('ix_consumptions_lot_id'))

    op.drop_table('consumptions')
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lots_produced_by_operation_id'))
        batch_op.drop_index('ix_lots_material_status_expiry')

    op.drop_table('lots')
    with op.batch_alter_table('job_runs', schema=None) as batch_op:
        batch_op.drop_index('uq_job_runs_open', sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))
        batch_op.drop_index('ix_job_runs_station_started')

    op.drop_table('job_runs')
    with op.batch_alter_table('downtime_events', schema=None) as batch_op:
        batch_op.drop_index('uq_downtime_events_open', sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))
        batch_op.drop_index('ix_downtime_events_station_started')

    op.drop_table('downtime_events')
    with op.batch_alter_table('checklist_results', schema=None) as batch_op:
        batch_op.drop_index('ix_checklist_results_operation_item')

    op.drop_table('checklist_results')
    with op.batch_alter_table('work_order_operations', schema=None) as batch_op:
        batch_op.drop_index('ix_work_order_operations_dispatch')

    op.drop_table('work_order_operations')
    with op.batch_alter_table('station_sessions', schema=None) as batch_op:
        batch_op.drop_index('uq_station_sessions_open', sqlite_where=sa.text('signed_out_at IS NULL'), postgresql_where=sa.text('signed_out_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_station_sessions_user_id'))

    op.drop_table('station_sessions')
    with op.batch_alter_table('routing_operation_stations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_routing_operation_stations_workstation_id'))

    op.drop_table('routing_operation_stations')
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_print_jobs_subject')

    op.drop_table('print_jobs')
    with op.batch_alter_table('workstations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workstations_line_id'))

    op.drop_table('workstations')
    op.drop_table('line_shifts')
    with op.batch_alter_table('signatures', schema=None) as batch_op:
        batch_op.drop_index('ix_signatures_entity')

    op.drop_table('signatures')
    with op.batch_alter_table('shift_breaks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shift_breaks_shift_id'))

    op.drop_table('shift_breaks')
    with op.batch_alter_table('lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lines_site_id'))

    op.drop_table('lines')
    op.drop_table('bom_substitutes')
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.drop_index('ix_work_orders_status_due')
        batch_op.drop_index(batch_op.f('ix_work_orders_product_id'))

    op.drop_table('work_orders')
    op.drop_table('user_roles')
    op.drop_table('shifts')
    op.drop_table('routing_operations')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_station_occurred')
        batch_op.drop_index('ix_events_entity')
        batch_op.drop_index(batch_op.f('ix_events_command_id'))

    op.drop_table('events')
    op.drop_table('crew_members')
    op.drop_table('checklist_items')
    with op.batch_alter_table('bom_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bom_lines_product_id'))

    op.drop_table('bom_lines')
    op.drop_table('areas')
    op.drop_table('users')
    op.drop_table('sites')
    op.drop_table('scrap_reasons')
    op.drop_table('processed_commands')
    op.drop_table('materials')
    op.drop_table('integration_messages')
    with op.batch_alter_table('downtime_reasons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_downtime_reasons_parent_id'))

    op.drop_table('downtime_reasons')
    op.drop_table('crews')
    op.drop_table('checklist_templates')
