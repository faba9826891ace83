"""Expected lots: lots the ERP announced that have not arrived, the scheduler's material release dates.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 17:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "expected_lots",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=18, scale=6), nullable=False),
        sa.Column("expected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("supplier_lot", sa.String(length=64), nullable=True),
        sa.Column("announced_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_expected_lots_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["materials.id"],
            name=op.f("fk_expected_lots_material_id_materials"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expected_lots")),
        sa.UniqueConstraint("number", name=op.f("uq_expected_lots_number")),
    )
    with op.batch_alter_table("expected_lots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_expected_lots_material_id"), ["material_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("expected_lots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_expected_lots_material_id"))
    op.drop_table("expected_lots")
