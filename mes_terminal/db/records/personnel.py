"""People, their roles, qualifications, sign-ins at stations and shifts."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mes_terminal.db.base import Base, Code, Name, UtcDateTime

ROLE_NAMES = ("operator", "lead", "supervisor", "quality", "admin")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    badge: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The PIN policy's bookkeeping (domain/pin_policy.py): when the PIN was set (for its expiry), wrong
    # PINs in a row, and when that count locked the badge (until an administrator's ResetPinLockout).
    pin_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    failed_pins: Mapped[int] = mapped_column(Integer, server_default="0", default=0)
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    roles: Mapped[list[UserRole]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    qualifications: Mapped[list[UserQualification]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def role_names(self) -> list[str]:
        return sorted(r.role for r in self.roles)


class UsedPin(Base):
    """A PIN a person had before (its hash only): the policy's `remember` refuses choosing it again."""

    __tablename__ = "used_pins"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    pin_hash: Mapped[str] = mapped_column(String(200))
    retired_at: Mapped[datetime] = mapped_column(UtcDateTime())


class PinPolicyRecord(Base):
    """The PIN policy of one role, from the plant file's [[pin_policies]]; a role without one has the default."""

    __tablename__ = "pin_policies"
    __table_args__ = (
        CheckConstraint("min_length BETWEEN 4 AND 12", name="min_length_range"),
        CheckConstraint("remember >= 0 AND expires_days >= 0 AND lock_after >= 0", name="limits_not_negative"),
    )

    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    min_length: Mapped[int] = mapped_column(Integer)
    remember: Mapped[int] = mapped_column(Integer)
    expires_days: Mapped[int] = mapped_column(Integer)
    lock_after: Mapped[int] = mapped_column(Integer)


class UserRole(Base):
    __tablename__ = "user_roles"
    __table_args__ = (
        CheckConstraint("role IN ('operator', 'lead', 'supervisor', 'quality', 'admin')", name="known_role"),
    )

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class UserQualification(Base):
    """A skill a person is qualified for (a code the plant file chooses, e.g. LASER); routing operations
    may require one."""

    __tablename__ = "user_qualifications"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[Code] = mapped_column(primary_key=True)


class StationSession(Base):
    """An operator signed in at a workstation; open while `signed_out_at` is empty."""

    __tablename__ = "station_sessions"
    __table_args__ = (
        # One open sign-in per person and station; a second SignIn is a no-op, not a duplicate.
        Index(
            "uq_station_sessions_open",
            "workstation_id",
            "user_id",
            unique=True,
            sqlite_where=text("signed_out_at IS NULL"),
            postgresql_where=text("signed_out_at IS NULL"),
        ),
        CheckConstraint("signed_out_at IS NULL OR signed_out_at >= signed_in_at", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    signed_in_at: Mapped[datetime] = mapped_column(UtcDateTime())
    signed_out_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Shift(Base):
    """A weekly shift pattern; times are local to the site's time zone."""

    __tablename__ = "shifts"
    __table_args__ = (UniqueConstraint("site_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"))
    code: Mapped[Code]
    name: Mapped[Name]
    # Comma-separated lower-case day names: "mon,tue,wed".
    days: Mapped[str] = mapped_column(String(40))
    start_time: Mapped[time] = mapped_column(Time())
    end_time: Mapped[time] = mapped_column(Time())

    breaks: Mapped[list[ShiftBreak]] = relationship(
        cascade="all, delete-orphan", order_by="ShiftBreak.start_time", lazy="selectin"
    )


class ShiftBreak(Base):
    __tablename__ = "shift_breaks"
    __table_args__ = (CheckConstraint("minutes > 0", name="minutes_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="CASCADE"), index=True)
    start_time: Mapped[time] = mapped_column(Time())
    minutes: Mapped[int] = mapped_column(Integer)


class LineShift(Base):
    """Which shifts a line works: its planned production time."""

    __tablename__ = "line_shifts"

    line_id: Mapped[int] = mapped_column(ForeignKey("lines.id", ondelete="CASCADE"), primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="CASCADE"), primary_key=True)
