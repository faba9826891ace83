"""The commands: every action a person or machine takes, as a frozen value.

A command carries a client-generated `command_id` (the same id twice runs once), the acting user's
badge (`actor`), the `station` where it happened (when station-bound) and `issued_at`, the time the
action happened. Fields marked `CodeField` are codes (station, order number...), `Text` free text,
`PositiveQuantity` a decimal above zero. Later features add their commands here, in the same form,
and register a handler in `registry.py`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, ClassVar

CodeField = Annotated[str, "code"]
Text = Annotated[str, "text"]
Secret = Annotated[str, "secret"]
PositiveQuantity = Annotated[Decimal, "positive"]


@dataclass(frozen=True, kw_only=True)
class Command:
    command_id: uuid.UUID
    actor: CodeField
    issued_at: datetime
    station: CodeField | None = None

    # Fields kept out of event payloads and stored results (PINs).
    secret_fields: ClassVar[frozenset[str]] = frozenset()

    @property
    def type(self) -> str:
        return type(self).__name__


# --- Personnel ---------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class SignIn(Command):
    station: CodeField
    badge: CodeField
    pin: Secret | None = None

    secret_fields: ClassVar[frozenset[str]] = frozenset({"pin"})


@dataclass(frozen=True, kw_only=True)
class SignOut(Command):
    station: CodeField
    badge: CodeField


# --- Work orders -------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CreateWorkOrder(Command):
    number: CodeField
    product: CodeField
    quantity: PositiveQuantity
    due: datetime
    priority: int = 0


@dataclass(frozen=True, kw_only=True)
class _WorkOrderChange(Command):
    number: CodeField
    # The order's version the issuer saw; when given, a change made meanwhile is a conflict.
    expected_version: int | None = None


@dataclass(frozen=True, kw_only=True)
class ReleaseWorkOrder(_WorkOrderChange):
    pass


@dataclass(frozen=True, kw_only=True)
class HoldWorkOrder(_WorkOrderChange):
    reason: Text | None = None


@dataclass(frozen=True, kw_only=True)
class CancelWorkOrder(_WorkOrderChange):
    reason: Text | None = None


# --- Execution at a workstation --------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class _JobCommand(Command):
    station: CodeField
    work_order: CodeField
    operation: int


@dataclass(frozen=True, kw_only=True)
class StartJob(_JobCommand):
    pass


@dataclass(frozen=True, kw_only=True)
class PauseJob(_JobCommand):
    # A downtime reason code; when given, the pause opens a downtime of the station with it.
    reason: CodeField | None = None


@dataclass(frozen=True, kw_only=True)
class ResumeJob(_JobCommand):
    pass


@dataclass(frozen=True, kw_only=True)
class ReportCount(_JobCommand):
    good: Annotated[Decimal, "quantity"] = Decimal(0)
    scrap: Annotated[Decimal, "quantity"] = Decimal(0)
    scrap_reason: CodeField | None = None


@dataclass(frozen=True, kw_only=True)
class CompleteJob(_JobCommand):
    # Completing with less than expected must be said explicitly, and is recorded as such.
    short_close: bool = False


@dataclass(frozen=True, kw_only=True)
class JoinJob(_JobCommand):
    pass


@dataclass(frozen=True, kw_only=True)
class LeaveJob(_JobCommand):
    pass


@dataclass(frozen=True, kw_only=True)
class CallSupervisor(Command):
    station: CodeField
    message: Text | None = None


# --- Materials and lots ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ReceiveLot(Command):
    """Material arrives: a plant can start without an ERP by receiving its lots here."""

    lot: CodeField
    material: CodeField
    quantity: PositiveQuantity
    # Without an expiry, a material with a shelf life expires that many days after receipt.
    expires: date | None = None
    supplier_lot: Text | None = None


@dataclass(frozen=True, kw_only=True)
class ConsumeLot(_JobCommand):
    lot: CodeField
    # Without a quantity: what the bill of materials still needs for what has been reported so far.
    quantity: PositiveQuantity | None = None


@dataclass(frozen=True, kw_only=True)
class ReturnLot(_JobCommand):
    """Put back what was taken into a job and not used."""

    lot: CodeField
    quantity: PositiveQuantity


@dataclass(frozen=True, kw_only=True)
class SplitLot(Command):
    lot: CodeField
    quantity: PositiveQuantity
    # The new lot's number; without one it is the old number with the next free suffix (-1, -2...).
    new_lot: CodeField | None = None


@dataclass(frozen=True, kw_only=True)
class MergeLots(Command):
    lots: tuple[CodeField, ...]
    into: CodeField


@dataclass(frozen=True, kw_only=True)
class HoldLot(Command):
    lot: CodeField
    reason: Text


@dataclass(frozen=True, kw_only=True)
class ReleaseLot(Command):
    lot: CodeField
    reason: Text | None = None


@dataclass(frozen=True, kw_only=True)
class ScrapLot(Command):
    lot: CodeField
    scrap_reason: CodeField
    # Without a quantity the whole lot is scrapped.
    quantity: PositiveQuantity | None = None
