"""The declarative base, its naming convention and the column types every record uses."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from sqlalchemy import JSON, BigInteger, CheckConstraint, DateTime, Integer, MetaData, Numeric, String
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints make migrations reproducible on both databases (SQLite batch mode needs names).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on both databases.

    PostgreSQL stores `timestamptz`; SQLite stores text without a zone, so values are converted to
    UTC on the way in and marked UTC on the way out. A naive datetime is refused, never guessed.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


E = TypeVar("E", bound=StrEnum)


class StatusType(TypeDecorator[E], Generic[E]):
    """A status column: the enum's value stored as VARCHAR(16), the enum member read back.

    Values are written as given: a string outside the enum reaches the CHECK constraint, which refuses it
    in the database (as for any other writer), rather than failing in Python first.
    """

    impl = String(16)
    cache_ok = True

    def __init__(self, enum: type[E]) -> None:
        super().__init__()
        self.enum = enum

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | None:
        return None if value is None else self.enum(value)


def status_check(enum: type[StrEnum], column: str = "status") -> CheckConstraint:
    """The CHECK that keeps `column` to the enum's values, named `known_<column>` (ck_<table>_known_<column>)."""
    values = ", ".join(f"'{member.value}'" for member in enum)
    return CheckConstraint(f"{column} IN ({values})", name=f"known_{column}")


# Quantities: twelve digits before the point, six after, always Decimal.
QUANTITY = Numeric(18, 6, asdecimal=True)
# Event ids grow without bound on PostgreSQL; SQLite's rowid is already 64-bit.
BIG_ID = BigInteger().with_variant(Integer(), "sqlite")
# JSON payloads: binary JSON on PostgreSQL.
PAYLOAD = JSON().with_variant(postgresql.JSONB(), "postgresql")

Code = Annotated[str, mapped_column(String(64))]
Name = Annotated[str, mapped_column(String(200))]
Quantity = Annotated[Decimal, mapped_column(QUANTITY)]
Timestamp = Annotated[datetime, mapped_column(UtcDateTime())]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {}  # noqa: RUF012 - SQLAlchemy reads it from the class
