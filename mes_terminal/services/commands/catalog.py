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
LotEntryField = Annotated[str, "lot_entry"]  # domain.materials.LotEntry: scanned | keyed
# A published plan: one text line per operation (up to MAX_PLAN lines, more than an ordinary list).
PlanLines = Annotated[tuple[str, ...], "plan"]


def is_signed(command: object) -> bool:
    """Whether `command` carries an electronic signature (clients follow the signer's session with it)."""
    return isinstance(command, _SignedCommand)


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


@dataclass(frozen=True, kw_only=True)
class ChangePin(Command):
    """A person chooses a new PIN, typing the current one (also when it has expired); the policy of
    their roles decides its length and which earlier PINs may not come back."""

    badge: CodeField
    pin: Secret
    new_pin: Secret

    secret_fields: ClassVar[frozenset[str]] = frozenset({"pin", "new_pin"})


@dataclass(frozen=True, kw_only=True)
class ResetPinLockout(Command):
    """An administrator unlocks a badge locked after too many wrong PINs, saying why."""

    badge: CodeField
    reason: Text


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
    # What the operator adds about the stop (kept on the downtime the pause opens or classifies).
    comment: Text | None = None


@dataclass(frozen=True, kw_only=True)
class ResumeJob(_JobCommand):
    pass


@dataclass(frozen=True, kw_only=True)
class ReportCount(_JobCommand):
    good: Annotated[Decimal, "quantity"] = Decimal(0)
    scrap: Annotated[Decimal, "quantity"] = Decimal(0)
    scrap_reason: CodeField | None = None


@dataclass(frozen=True, kw_only=True)
class CorrectCount(Command):
    """A reported count was wrong: the figures it should have had, and why. The count and its event stay
    as they were; the difference is booked as a correction that names the corrected event."""

    event_id: int  # the CountReported event corrected
    good: Annotated[Decimal, "quantity"]  # what the report should have said
    scrap: Annotated[Decimal, "quantity"] = Decimal(0)
    reason: Text
    scrap_reason: CodeField | None = None  # for added scrap; else the corrected report's own


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
    # How the lot number was entered: "scanned" or "keyed" (typed by hand); absent: not said.
    entry: LotEntryField | None = None


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


# --- Downtime ------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class StartDowntime(Command):
    station: CodeField
    # A leaf of the reason tree; may be left for later (the stop then shows "reason needed").
    reason: CodeField | None = None
    comment: Text | None = None


@dataclass(frozen=True, kw_only=True)
class EndDowntime(Command):
    station: CodeField


@dataclass(frozen=True, kw_only=True)
class ClassifyDowntime(Command):
    downtime_id: int
    reason: CodeField


@dataclass(frozen=True, kw_only=True)
class SplitDowntime(Command):
    # The stop becomes [start, split_at) and [split_at, end); each part keeps its reason unless given one.
    downtime_id: int
    split_at: datetime
    reason_before: CodeField | None = None
    reason_after: CodeField | None = None


@dataclass(frozen=True, kw_only=True)
class MachineState(Command):
    # What a machine reports: running | idle | setup | down | stopped | faulted. Down, stopped and
    # faulted open an unclassified downtime; the others end the machine's own stop.
    station: CodeField
    state: CodeField


@dataclass(frozen=True, kw_only=True)
class MachineCount(Command):
    # A machine's counter reading: `mode` total (a counter that only grows; the difference since the
    # last value counts) or increment (the value counts as it is). `signal` count is good, scrap is scrap.
    station: CodeField
    signal: CodeField = "count"
    value: Annotated[Decimal, "quantity"]
    mode: CodeField = "total"
    wrap: Annotated[Decimal, "quantity"] | None = None  # a total counter's modulus (65536: a 16-bit register)


@dataclass(frozen=True, kw_only=True)
class MachineSourceStatus(Command):
    # A connector reached (online) or lost (offline) a station's signal source.
    station: CodeField
    url: Text
    online: bool


# --- Supervisor console --------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class SignInConsole(Command):
    """Opening the supervisor console: badge and PIN; only leads, supervisors, quality and admins."""

    badge: CodeField
    pin: Secret

    secret_fields: ClassVar[frozenset[str]] = frozenset({"pin"})


@dataclass(frozen=True, kw_only=True)
class EditWorkOrder(_WorkOrderChange):
    # Only the fields given change; an order changed meanwhile (expected_version) is a conflict.
    quantity: PositiveQuantity | None = None
    due: datetime | None = None
    priority: int | None = None


@dataclass(frozen=True, kw_only=True)
class CloseWorkOrder(_WorkOrderChange):
    pass


@dataclass(frozen=True, kw_only=True)
class ReorderDispatch(Command):
    """The station's dispatch list in a new order: operation keys "WO-1/10", first to run first."""

    station: CodeField
    operations: tuple[CodeField, ...]


@dataclass(frozen=True, kw_only=True)
class AssignOperation(Command):
    """Give an operation to one eligible station (at the end of its list); no station: any eligible one."""

    work_order: CodeField
    operation: int
    station: CodeField | None = None


@dataclass(frozen=True, kw_only=True)
class PublishSchedule(Command):
    """The plan in force, replacing the one before: one line per operation,
    "WO-1/10 WS-01 2026-12-07T06:00:00Z 2026-12-07T07:30:00Z 15" (key, station, start, end in UTC,
    changeover minutes). Waiting operations go to their planned station, in the order of their starts."""

    operations: PlanLines


@dataclass(frozen=True, kw_only=True)
class AcknowledgeAndon(Command):
    # The id of the SupervisorCalled event being answered.
    call_id: int


# --- Conflicts: commands a terminal took offline that no longer applied (docs/offline.md) -----------


@dataclass(frozen=True, kw_only=True)
class DiscardConflict(Command):
    """A supervisor decides a kept conflict's command is not to be done; the reason is kept with it."""

    conflict: int
    reason: Text


@dataclass(frozen=True, kw_only=True)
class ApplyConflict(Command):
    """A supervisor settles a kept conflict as applied: its original command has run since (the console or
    `mes-terminal conflicts apply` runs it first, with its own id)."""

    conflict: int


# --- Printing --------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class _PrintCommand(Command):
    # Where it goes: FILE.pdf, pdf:FOLDER, tcp://HOST:9100, serial:PORT, printer:NAME (domain.print_targets).
    target: Text
    copies: int = 1
    # A document printed before is a reprint whether or not this says so; a reprint needs a reason.
    reprint: bool = False
    reason: Text | None = None


@dataclass(frozen=True, kw_only=True)
class PrintLabel(_PrintCommand):
    lot: CodeField
    size: CodeField = "4x6"  # 4x6, 4x2 or 100x50 (resources/labels/lot-SIZE.toml)
    dpi: int = 203  # thermal printers (ZPL): 203 or 300
    datamatrix: bool = False  # a GS1 DataMatrix besides the GS1-128 (PDF labels)
    digital_link: bool = False  # or a QR code of the GS1 Digital Link in its place (PDF labels)


@dataclass(frozen=True, kw_only=True)
class PrintTraveler(_PrintCommand):
    work_order: CodeField
    page_size: CodeField = "A4"  # A4 or letter


@dataclass(frozen=True, kw_only=True)
class RecordPrintOutcome(Command):
    """How a print job ended: sent whole to its printer, or failed with the printer's reason."""

    job: int
    printed: bool
    error: Text | None = None


# --- Quality ---------------------------------------------------------------------------------------

# A check's answer: pass or fail, a measurement (a JSON number or decimal text), a text or a choice.
Answer = Annotated[str, "answer"]


@dataclass(frozen=True, kw_only=True)
class RecordCheck(_JobCommand):
    """One checklist item's result for a running job, against the newest version of the checklist."""

    checklist: CodeField
    item: CodeField
    value: Answer
    comment: Text | None = None


@dataclass(frozen=True, kw_only=True)
class _SignedCommand(Command):
    """Signed electronically by the actor: the PIN re-authenticates them (checked, never stored)."""

    pin: Secret
    meaning: CodeField  # what the signature means: reported, reviewed, approved, verified, released
    comment: Text | None = None
    # The PIN alone was typed, the badge (`actor`) came from the signer's session: allowed only within
    # a continuous signing session (21 CFR 11.200(a)(1)); else the signer scans the badge as well.
    pin_only: bool = False

    secret_fields: ClassVar[frozenset[str]] = frozenset({"pin"})


@dataclass(frozen=True, kw_only=True)
class RaiseNonconformance(_SignedCommand):
    """Material or work that does not conform: a lot, a job, or both."""

    defect_code: CodeField
    description: Text
    lot: CodeField | None = None
    work_order: CodeField | None = None
    operation: int | None = None
    quantity: PositiveQuantity | None = None
    hold: bool = False  # put the lot on hold until the nonconformance is disposed of


@dataclass(frozen=True, kw_only=True)
class DisposeNonconformance(_SignedCommand):
    """The quality decision: use_as_is, rework, scrap or return_to_supplier (quality role only)."""

    nonconformance: CodeField
    decision: CodeField
    quantity: PositiveQuantity | None = None  # scrap or return: without one, the whole lot


# --- Work instructions -----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ApproveInstructions(_SignedCommand):
    """A quality signature releasing a pending revision of an operation's instructions to the floor."""

    product: CodeField
    operation: int
    revision: int


@dataclass(frozen=True, kw_only=True)
class AcknowledgeInstructions(_JobCommand):
    """The operator at the station has read this revision of the operation's instructions."""

    revision: int


@dataclass(frozen=True, kw_only=True)
class RevisedStep:
    """One step of a revision written in the console: its text and caution, and the image or PDF page of a
    step it keeps as is (named by content address; new files come through the plant file)."""

    text: Text | None = None
    caution: Text | None = None
    media_sha256: CodeField | None = None
    page: int | None = None


@dataclass(frozen=True, kw_only=True)
class ReviseInstructions(Command):
    """A new pending revision of an operation's steps, written in the console; the floor sees it once approved."""

    product: CodeField
    operation: int
    steps: tuple[RevisedStep, ...]
    acknowledge: bool = False


@dataclass(frozen=True, kw_only=True)
class MoveInstructions(Command):
    """A released order's operations (one, or all not completed) show the newest approved revision."""

    work_order: CodeField
    operation: int | None = None
