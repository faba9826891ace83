"""Work instructions: revisions of an operation's steps, their images and PDFs (content-addressed
blobs), who acknowledged which revision, and the revision a released operation shows.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 06:01:04.575872
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('media_blobs',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=40), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.CheckConstraint("media_type IN ('image/png', 'image/jpeg', 'application/pdf')", name=op.f('ck_media_blobs_known_type')),
    sa.CheckConstraint('size > 0', name=op.f('ck_media_blobs_not_empty')),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_media_blobs'))
    )
    op.create_table('instruction_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('operation_seq', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('acknowledge', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("(status = 'approved') = (approved_by_id IS NOT NULL AND approved_at IS NOT NULL)", name=op.f('ck_instruction_revisions_approved_with_signer')),
    sa.CheckConstraint("status IN ('pending', 'approved')", name=op.f('ck_instruction_revisions_known_status')),
    sa.CheckConstraint('revision > 0', name=op.f('ck_instruction_revisions_revision_positive')),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_instruction_revisions_approved_by_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['product_id'], ['materials.id'], name=op.f('fk_instruction_revisions_product_id_materials'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instruction_revisions')),
    sa.UniqueConstraint('product_id', 'operation_seq', 'revision', name=op.f('uq_instruction_revisions_product_id_operation_seq_revision'))
    )
    op.create_table('instruction_steps',
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('caution', sa.Text(), nullable=True),
    sa.Column('media_sha256', sa.String(length=64), nullable=True),
    sa.Column('pdf_page', sa.Integer(), nullable=True),
    sa.CheckConstraint('pdf_page IS NULL OR pdf_page > 0', name=op.f('ck_instruction_steps_page_positive')),
    sa.CheckConstraint('position > 0', name=op.f('ck_instruction_steps_position_positive')),
    sa.CheckConstraint('text IS NOT NULL OR media_sha256 IS NOT NULL', name=op.f('ck_instruction_steps_shows_something')),
    sa.ForeignKeyConstraint(['media_sha256'], ['media_blobs.sha256'], name=op.f('fk_instruction_steps_media_sha256_media_blobs'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['revision_id'], ['instruction_revisions.id'], name=op.f('fk_instruction_steps_revision_id_instruction_revisions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('revision_id', 'position', name=op.f('pk_instruction_steps'))
    )
    with op.batch_alter_table('instruction_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_instruction_steps_media_sha256'), ['media_sha256'], unique=False)

    op.create_table('instruction_acknowledgements',
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('workstation_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['revision_id'], ['instruction_revisions.id'], name=op.f('fk_instruction_acknowledgements_revision_id_instruction_revisions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_instruction_acknowledgements_user_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['workstation_id'], ['workstations.id'], name=op.f('fk_instruction_acknowledgements_workstation_id_workstations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('revision_id', 'user_id', name=op.f('pk_instruction_acknowledgements'))
    )
    with op.batch_alter_table('instruction_acknowledgements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_instruction_acknowledgements_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('work_order_operations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('instruction_revision_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_work_order_operations_instruction_revision_id_instruction_revisions'), 'instruction_revisions', ['instruction_revision_id'], ['id'], ondelete='RESTRICT')



def downgrade() -> None:
    with op.batch_alter_table('work_order_operations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_work_order_operations_instruction_revision_id_instruction_revisions'), type_='foreignkey')
        batch_op.drop_column('instruction_revision_id')

    with op.batch_alter_table('instruction_acknowledgements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_instruction_acknowledgements_user_id'))

    op.drop_table('instruction_acknowledgements')
    with op.batch_alter_table('instruction_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_instruction_steps_media_sha256'))

    op.drop_table('instruction_steps')
    op.drop_table('instruction_revisions')
    op.drop_table('media_blobs')
