"""Equipment hierarchy (ISA-95): site > area > line (work center) > workstation (work unit)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mes_terminal.db.base import QUANTITY, Base, Code, Name


class Site(Base):
    __tablename__ = "sites"
    __table_args__ = (
        CheckConstraint("start_when IN ('quantity_available', 'previous_finished')", name="known_start_when"),
        CheckConstraint("labour_split IN ('equal', 'quantity')", name="known_labour_split"),
        CheckConstraint("overrun_percent >= 0", name="overrun_not_negative"),
        CheckConstraint("picking IN ('fefo', 'fifo')", name="known_picking"),
        CheckConstraint("picking_rule IN ('warn', 'block')", name="known_picking_rule"),
        CheckConstraint("checks_block IN ('counts', 'completion')", name="known_checks_block"),
        CheckConstraint("spc_reaction IN ('none', 'remeasure', 'hold', 'call_quality')", name="known_spc_reaction"),
        CheckConstraint("spc_baseline >= 8", name="spc_baseline_enough"),
        CheckConstraint("material_check IN ('warn', 'block')", name="known_material_check"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    timezone: Mapped[str] = mapped_column(String(64))
    # Execution rules (plant file [site]): see docs/plant-file.md.
    start_when: Mapped[str] = mapped_column(String(24), server_default="quantity_available")
    overrun_percent: Mapped[Decimal] = mapped_column(QUANTITY, server_default="0")
    labour_split: Mapped[str] = mapped_column(String(16), server_default="equal")
    # Which lot of a material should be used first (first expiring or first received), and whether
    # scanning another one is a warning or refused.
    picking: Mapped[str] = mapped_column(String(8), server_default="fefo")
    picking_rule: Mapped[str] = mapped_column(String(8), server_default="warn")
    # A count or completion needing more lot-controlled material than the job has taken: let it
    # through with an exception event (warn) or refuse it (block).
    material_check: Mapped[str] = mapped_column(String(8), server_default="warn")
    # Quality rules (plant file [site], docs/quality.md): a failed check holds the job's output lot; a
    # due required check blocks counts as well as completion; signatures need a second person; what
    # an SPC rule violation asks for; how many first values of a characteristic set its control limits.
    hold_on_failed_check: Mapped[bool] = mapped_column(Boolean, server_default=false())
    checks_block: Mapped[str] = mapped_column(String(16), server_default="completion")
    two_person_signatures: Mapped[bool] = mapped_column(Boolean, server_default=false())
    spc_reaction: Mapped[str] = mapped_column(String(16), server_default="none")
    spc_baseline: Mapped[int] = mapped_column(Integer, server_default="25")
    # 21 CFR 11.200: after a first signature with badge and PIN, later ones in the same session need
    # the PIN only, until the signer has not signed for this many minutes (0: both components every time).
    signature_idle_minutes: Mapped[int] = mapped_column(Integer, server_default="15")
    # The plant's MQTT namespace (plant file [uns]): where `mes-terminal connect` publishes events.
    uns_url: Mapped[str | None] = mapped_column(String(255))
    uns_root: Mapped[str | None] = mapped_column(String(64))


class Area(Base):
    __tablename__ = "areas"
    __table_args__ = (UniqueConstraint("site_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"))
    code: Mapped[Code]
    name: Mapped[Name]


class Line(Base):
    __tablename__ = "lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"), index=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id", ondelete="RESTRICT"))
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]

    workstations: Mapped[list[Workstation]] = relationship(back_populates="line", order_by="Workstation.code")


class Workstation(Base):
    __tablename__ = "workstations"
    __table_args__ = (
        CheckConstraint("micro_stop_seconds IS NULL OR micro_stop_seconds >= 0", name="micro_stop_not_negative"),
        CheckConstraint("capacity > 0", name="capacity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("lines.id", ondelete="RESTRICT"), index=True)
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    micro_stop_seconds: Mapped[int | None] = mapped_column(Integer)
    # A station may let operators sign in by badge alone (no PIN), e.g. behind a guarded door.
    badge_only: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # How many operations the station runs at once (an oven, a multi-spindle cell): the scheduler's capacity.
    capacity: Mapped[int] = mapped_column(Integer, server_default="1")

    line: Mapped[Line] = relationship(back_populates="workstations")
