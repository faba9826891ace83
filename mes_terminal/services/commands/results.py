"""What each handler returns: one `TypedDict` per shape of result, shared by the commands that answer alike.

A result is a plain dict at run time, so the command bus stores it as JSON and a replay returns it
unchanged (INTERFACES.md §2). The types say which keys a result has and what the handler put there.
`Outcome.result` holds the stored form (`db.jsonable`): a `Decimal` arrives as its decimal text, a
`date`/`datetime` as ISO 8601 text (UTC as "Z"), a tuple as a list. Readers of an outcome therefore take
quantities and times through `str()` (as `ui.terminal.wording` does), never as the Python type named here.
`registry.RESULT_TYPES` says which of these each command returns.
"""

# No `from __future__ import annotations`: TypedDict reads NotRequired[...] at run time only from real
# annotations (Python 3.11), and the tests compare results with __required_keys__.
from datetime import date, datetime
from decimal import Decimal
from typing import NotRequired, TypedDict

# --- Personnel ---------------------------------------------------------------------------------


class SignOutResult(TypedDict):
    station: str
    badge: str
    name: str
    operators: list[str]  # who is signed in at the station now


class SignInResult(SignOutResult):
    roles: tuple[str, ...]
    signed_in_at: datetime


class PinChangeResult(TypedDict):
    badge: str
    name: str
    changed_at: datetime


class PinLockoutResetResult(TypedDict):
    badge: str
    name: str
    reason: str


class SupervisorSignInResult(TypedDict):
    badge: str
    name: str
    roles: list[str]


# --- Work orders -------------------------------------------------------------------------------


class WorkOrderResult(TypedDict):
    """A work order after a change of status (release, hold, cancel, close)."""

    number: str
    status: str
    version: int  # what `expected_version` of the next change should say


class OperationSummary(TypedDict):
    seq: int
    name: str
    status: str


class NewWorkOrderResult(WorkOrderResult):
    product: str
    operations: list[OperationSummary]


class WorkOrderEditResult(WorkOrderResult):
    changed: list[str]  # the fields that changed, sorted; empty when the edit changed nothing


class DispatchOrderResult(TypedDict):
    station: str
    operations: list[str]  # operation keys "WO-1/10", in the order given


class ScheduleResult(TypedDict):
    operations: int  # operations in the published plan
    stations: list[str]  # the stations it plans, sorted


class AssignmentResult(TypedDict):
    work_order: str
    operation: int
    station: str | None  # None: any eligible station


# --- Execution ---------------------------------------------------------------------------------


class LotQuantity(TypedDict):
    lot: str
    quantity: Decimal


class JobResult(TypedDict):
    """An operation at a station after start, resume, join or leave (and the base of the other job results)."""

    station: str
    work_order: str
    operation: int
    status: str
    good: Decimal
    scrap: Decimal


class PauseResult(JobResult):
    downtime_id: int | None  # the stop a pause with a reason opened or classified


class CountResult(JobResult):
    output_lot: str | None
    warning: str | None  # reported without material (the site's material_check is warn); a `Sentence`


class CorrectionResult(TypedDict):
    corrects: int  # the corrected event
    work_order: str
    operation: int
    good: Decimal  # the corrected report's figures now
    scrap: Decimal
    good_change: Decimal  # what this correction added (negative: took back)
    scrap_change: Decimal
    total_good: Decimal  # the operation's totals now
    total_scrap: Decimal


class CompletionResult(JobResult):
    short_closed: bool
    order_status: str
    output_lot: str | None
    backflushed: list[LotQuantity]
    warning: str | None  # completed without material (the site's material_check is warn); a `Sentence`


class SupervisorCallResult(TypedDict):
    station: str
    called_by: str


class AndonAnswerResult(TypedDict):
    call_id: int
    station: str
    answered_by: str


class ConflictSettledResult(TypedDict):
    conflict: int
    command_id: str
    type: str
    status: str  # discarded | applied
    settled_by: str


# --- Materials and lots ----------------------------------------------------------------------------


class LotResult(TypedDict):
    """A lot as it is after the command (receive, hold, release, and the base of the other lot results)."""

    lot: str
    material: str
    quantity: Decimal  # on hand
    unit: str
    status: str
    expires: date | None


class ConsumptionResult(LotResult):
    work_order: str
    operation: int
    consumed: Decimal
    bom_material: str
    warning: str | None  # e.g. taken out of FEFO order; a `Sentence`


class LotReturnResult(LotResult):
    returned: Decimal


class LotSplitResult(LotResult):
    new_lot: str
    new_quantity: Decimal


class LotMergeResult(LotResult):
    merged: list[str]


class LotScrapResult(LotResult):
    scrapped: Decimal


# --- Downtime ------------------------------------------------------------------------------------


class DowntimeResult(TypedDict):
    downtime_id: int
    station: str
    started_at: datetime
    ended_at: datetime | None
    reason: str | None
    source: str  # operator or machine
    reason_needed: bool


class DowntimeSplitResult(TypedDict):
    downtime_id: int
    new_downtime_id: int
    station: str
    parts: list[DowntimeResult]


class MachineStateResult(TypedDict):
    station: str
    state: str
    down: bool
    downtime_id: int | None
    reason_needed: bool
    micro_stop: bool  # the machine's stop it ended was shorter than the station's micro_stop_seconds


class MachineCountResult(TypedDict):
    station: str
    signal: str  # count | scrap
    counter: str  # baseline | counted | wrapped | reset (domain.machine_signals.CounterEvent)
    counted: Decimal  # parts this reading adds (0 for a baseline)
    work_order: str | None  # the job it went to; None: kept as an unassigned machine count
    operation: int | None
    unassigned_because: str | None  # "no_job", or the code of the count rule that refused it


class MachineSourceResult(TypedDict):
    station: str
    url: str
    online: bool
    changed: bool


# --- Printing --------------------------------------------------------------------------------------


class PrintJobResult(TypedDict):
    job: int
    document: str
    subject: str
    target: str
    copies: int
    reprint: bool
    reason: str | None
    status: str
    error: str | None


# --- Quality ---------------------------------------------------------------------------------------


class FailedCheck(TypedDict):
    nonconformance: str
    held_lot: str | None


class SpcJudgement(TypedDict):
    spc: list[str]  # the broken rules in words; empty when the value is in control
    reaction: NotRequired[str]
    spc_held_lot: NotRequired[str | None]


class CheckFacts(TypedDict):
    """A recorded check before its warning is worded; `spc` keys only for a numeric value."""

    work_order: str
    operation: int
    checklist: str
    version: int
    item: str
    text: str
    unit: str | None
    value: str
    passed: bool
    deviation: str | None
    nonconformance: str | None
    held_lot: str | None
    spc: NotRequired[list[str]]
    reaction: NotRequired[str]
    spc_held_lot: NotRequired[str | None]


class CheckResult(CheckFacts):
    warning: str | None  # what the operator must know: a failure, an SPC signal


class SignatureResult(TypedDict):
    """The manifestation of an electronic signature, part of every signed command's result."""

    signed_by: str
    meaning: str
    signed_at: datetime
    signature: str


class NonconformanceResult(SignatureResult):
    nonconformance: str
    status: str
    held_lot: str | None


class DispositionResult(SignatureResult):
    nonconformance: str
    decision: str
    status: str
    lot: str | None
    lot_status: str | None
    quantity: Decimal | None


class InstructionsApprovalResult(SignatureResult):
    product: str
    operation: int
    revision: int
    status: str


class InstructionsRevisionResult(TypedDict):
    product: str
    operation: int
    revision: int
    steps: int
    status: str


class InstructionsAcknowledgementResult(TypedDict):
    work_order: str
    operation: int
    revision: int
    already: bool  # this person had acknowledged this revision before; nothing new was recorded


class InstructionsMove(TypedDict):
    operation: int
    before: int | None  # the revision shown before (None: none was pinned)
    after: int


class InstructionsMoveResult(TypedDict):
    work_order: str
    moved: list[InstructionsMove]
