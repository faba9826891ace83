"""ERP exchange: the messages in and out, the request each imported work order came from, and a
material's origin (a product created from an ERP document).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 03:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PAYLOAD = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "erp_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("file", sa.String(length=1000), nullable=False),
        sa.Column("document", sa.String(length=200), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("summary", PAYLOAD, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("range_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("range_to", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("direction IN ('in', 'out')", name=op.f("ck_erp_messages_known_direction")),
        sa.CheckConstraint(
            "status IN ('applied', 'unchanged', 'refused', 'written')", name=op.f("ck_erp_messages_known_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erp_messages")),
    )
    with op.batch_alter_table("erp_messages", schema=None) as batch_op:
        batch_op.create_index("ix_erp_messages_direction_recorded", ["direction", "recorded_at"], unique=False)
        batch_op.create_index("ix_erp_messages_document", ["document", "content_hash"], unique=False)
    op.create_table(
        "erp_order_sources",
        sa.Column("work_order_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.String(length=200), nullable=False),
        sa.Column("request", sa.String(length=200), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["erp_messages.id"],
            name=op.f("fk_erp_order_sources_message_id_erp_messages"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["work_order_id"],
            ["work_orders.id"],
            name=op.f("fk_erp_order_sources_work_order_id_work_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("work_order_id", name=op.f("pk_erp_order_sources")),
    )
    with op.batch_alter_table("materials", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("materials", schema=None) as batch_op:
        batch_op.drop_column("origin")
    op.drop_table("erp_order_sources")
    with op.batch_alter_table("erp_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_erp_messages_document")
        batch_op.drop_index("ix_erp_messages_direction_recorded")
    op.drop_table("erp_messages")
