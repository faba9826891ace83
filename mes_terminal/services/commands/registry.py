"""Which handler runs which command: the one place where command types are registered."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from mes_terminal.db.uow import UnitOfWork
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands import results as r
from mes_terminal.services.commands.handlers import (
    conflicts,
    corrections,
    credentials,
    dispatch,
    downtime,
    execution,
    instructions,
    machines,
    material,
    personnel,
    planning,
    printing,
    quality,
    supervision,
    work_order_edits,
    work_orders,
)

C = TypeVar("C", bound=c.Command)
R = TypeVar("R", bound=Mapping[str, object])

Handler = Callable[[Any, UnitOfWork], Mapping[str, object]]
"""A handler takes its command and the unit of work; it returns its command's result (a TypedDict)."""


@dataclass(frozen=True)
class Entry:
    command: type[c.Command]
    handler: Handler
    result: type[Mapping[str, object]]  # the TypedDict of results.py the handler returns


def _entry(command: type[C], handler: Callable[[C, UnitOfWork], R], result: type[R]) -> Entry:
    """One registration; mypy checks that the handler takes `command` and returns `result`."""
    return Entry(command, handler, result)


ENTRIES: tuple[Entry, ...] = (
    _entry(c.SignIn, personnel.sign_in, r.SignInResult),
    _entry(c.SignOut, personnel.sign_out, r.SignOutResult),
    _entry(c.CreateWorkOrder, work_orders.create_work_order, r.NewWorkOrderResult),
    _entry(c.ReleaseWorkOrder, work_orders.release_work_order, r.WorkOrderResult),
    _entry(c.HoldWorkOrder, work_orders.hold_work_order, r.WorkOrderResult),
    _entry(c.CancelWorkOrder, work_orders.cancel_work_order, r.WorkOrderResult),
    _entry(c.StartJob, execution.start_job, r.JobResult),
    _entry(c.PauseJob, execution.pause_job, r.PauseResult),
    _entry(c.ResumeJob, execution.resume_job, r.JobResult),
    _entry(c.ReportCount, execution.report_count, r.CountResult),
    _entry(c.CompleteJob, execution.complete_job, r.CompletionResult),
    _entry(c.JoinJob, execution.join_job, r.JobResult),
    _entry(c.LeaveJob, execution.leave_job, r.JobResult),
    _entry(c.CallSupervisor, execution.call_supervisor, r.SupervisorCallResult),
    _entry(c.ReceiveLot, material.receive_lot, r.LotResult),
    _entry(c.ConsumeLot, material.consume_lot, r.ConsumptionResult),
    _entry(c.ReturnLot, material.return_lot, r.LotReturnResult),
    _entry(c.SplitLot, material.split_lot, r.LotSplitResult),
    _entry(c.MergeLots, material.merge_lots, r.LotMergeResult),
    _entry(c.HoldLot, material.hold_lot, r.LotResult),
    _entry(c.ReleaseLot, material.release_lot, r.LotResult),
    _entry(c.ScrapLot, material.scrap_lot, r.LotScrapResult),
    _entry(c.StartDowntime, downtime.start_downtime, r.DowntimeResult),
    _entry(c.EndDowntime, downtime.end_downtime, r.DowntimeResult),
    _entry(c.ClassifyDowntime, downtime.classify_downtime, r.DowntimeResult),
    _entry(c.SplitDowntime, downtime.split_downtime, r.DowntimeSplitResult),
    _entry(c.MachineState, downtime.machine_state, r.MachineStateResult),
    _entry(c.MachineCount, machines.machine_count, r.MachineCountResult),
    _entry(c.MachineSourceStatus, machines.machine_source_status, r.MachineSourceResult),
    _entry(c.SignInConsole, supervision.sign_in_console, r.SupervisorSignInResult),
    _entry(c.ChangePin, credentials.change_pin, r.PinChangeResult),
    _entry(c.CorrectCount, corrections.correct_count, r.CorrectionResult),
    _entry(c.ResetPinLockout, credentials.reset_pin_lockout, r.PinLockoutResetResult),
    _entry(c.AcknowledgeAndon, supervision.acknowledge_andon, r.AndonAnswerResult),
    _entry(c.EditWorkOrder, work_order_edits.edit_work_order, r.WorkOrderEditResult),
    _entry(c.CloseWorkOrder, work_order_edits.close_work_order, r.WorkOrderResult),
    _entry(c.ReorderDispatch, dispatch.reorder_dispatch, r.DispatchOrderResult),
    _entry(c.AssignOperation, dispatch.assign_operation, r.AssignmentResult),
    _entry(c.PublishSchedule, planning.publish_schedule, r.ScheduleResult),
    _entry(c.PrintLabel, printing.print_label, r.PrintJobResult),
    _entry(c.PrintTraveler, printing.print_traveler, r.PrintJobResult),
    _entry(c.RecordPrintOutcome, printing.record_print_outcome, r.PrintJobResult),
    _entry(c.RecordCheck, quality.record_check, r.CheckResult),
    _entry(c.RaiseNonconformance, quality.raise_nonconformance, r.NonconformanceResult),
    _entry(c.DisposeNonconformance, quality.dispose_nonconformance, r.DispositionResult),
    _entry(c.ReviseInstructions, instructions.revise_instructions, r.InstructionsRevisionResult),
    _entry(c.ApproveInstructions, instructions.approve_instructions, r.InstructionsApprovalResult),
    _entry(c.AcknowledgeInstructions, instructions.acknowledge_instructions, r.InstructionsAcknowledgementResult),
    _entry(c.MoveInstructions, instructions.move_instructions, r.InstructionsMoveResult),
    _entry(c.DiscardConflict, conflicts.discard_conflict, r.ConflictSettledResult),
    _entry(c.ApplyConflict, conflicts.apply_conflict, r.ConflictSettledResult),
)

HANDLERS: Mapping[type[c.Command], Handler] = {entry.command: entry.handler for entry in ENTRIES}
RESULT_TYPES: Mapping[type[c.Command], type[Mapping[str, object]]] = {entry.command: entry.result for entry in ENTRIES}

COMMAND_TYPES: Mapping[str, type[c.Command]] = {cls.__name__: cls for cls in HANDLERS}
