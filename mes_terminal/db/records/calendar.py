"""The planning calendar of a site beyond its shifts: changeover times between product families,
holidays and planned maintenance (plant file [[changeovers]], [[holidays]], [[maintenance]])."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mes_terminal.db.base import Base, Name, UtcDateTime


class Changeover(Base):
    """Minutes a station needs to change over from one product family to another (one cell of the matrix)."""

    __tablename__ = "changeovers"
    __table_args__ = (
        CheckConstraint("minutes >= 0", name="minutes_not_negative"),
        CheckConstraint("from_family <> to_family", name="between_families"),
    )

    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True)
    from_family: Mapped[str] = mapped_column(String(64), primary_key=True)
    to_family: Mapped[str] = mapped_column(String(64), primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)


class Holiday(Base):
    """A site-local day without work, on the lines listed (none listed: the whole site)."""

    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("site_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    name: Mapped[Name]

    lines: Mapped[list[HolidayLine]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class HolidayLine(Base):
    __tablename__ = "holiday_lines"

    holiday_id: Mapped[int] = mapped_column(ForeignKey("holidays.id", ondelete="CASCADE"), primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("lines.id", ondelete="CASCADE"), primary_key=True, index=True)


class MaintenanceWindow(Base):
    """Planned maintenance: the station does no work from `starts_at` to `ends_at`."""

    __tablename__ = "maintenance_windows"
    __table_args__ = (
        UniqueConstraint("workstation_id", "starts_at"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime())
    reason: Mapped[str | None] = mapped_column(String(200))
