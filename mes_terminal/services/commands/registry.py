"""Which handler runs which command: the one place where command types are registered."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mes_terminal.db.uow import UnitOfWork
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.handlers import (
    dispatch,
    downtime,
    execution,
    material,
    personnel,
    printing,
    quality,
    supervision,
    work_order_edits,
    work_orders,
)

Handler = Callable[[Any, UnitOfWork], dict[str, Any]]

HANDLERS: Mapping[type[c.Command], Handler] = {
    c.SignIn: personnel.sign_in,
    c.SignOut: personnel.sign_out,
    c.CreateWorkOrder: work_orders.create_work_order,
    c.ReleaseWorkOrder: work_orders.release_work_order,
    c.HoldWorkOrder: work_orders.hold_work_order,
    c.CancelWorkOrder: work_orders.cancel_work_order,
    c.StartJob: execution.start_job,
    c.PauseJob: execution.pause_job,
    c.ResumeJob: execution.resume_job,
    c.ReportCount: execution.report_count,
    c.CompleteJob: execution.complete_job,
    c.JoinJob: execution.join_job,
    c.LeaveJob: execution.leave_job,
    c.CallSupervisor: execution.call_supervisor,
    c.ReceiveLot: material.receive_lot,
    c.ConsumeLot: material.consume_lot,
    c.ReturnLot: material.return_lot,
    c.SplitLot: material.split_lot,
    c.MergeLots: material.merge_lots,
    c.HoldLot: material.hold_lot,
    c.ReleaseLot: material.release_lot,
    c.ScrapLot: material.scrap_lot,
    c.StartDowntime: downtime.start_downtime,
    c.EndDowntime: downtime.end_downtime,
    c.ClassifyDowntime: downtime.classify_downtime,
    c.SplitDowntime: downtime.split_downtime,
    c.MachineState: downtime.machine_state,
    c.SignInConsole: supervision.sign_in_console,
    c.AcknowledgeAndon: supervision.acknowledge_andon,
    c.EditWorkOrder: work_order_edits.edit_work_order,
    c.CloseWorkOrder: work_order_edits.close_work_order,
    c.ReorderDispatch: dispatch.reorder_dispatch,
    c.AssignOperation: dispatch.assign_operation,
    c.PrintLabel: printing.print_label,
    c.PrintTraveler: printing.print_traveler,
    c.RecordPrintOutcome: printing.record_print_outcome,
    c.RecordCheck: quality.record_check,
    c.RaiseNonconformance: quality.raise_nonconformance,
    c.DisposeNonconformance: quality.dispose_nonconformance,
}

COMMAND_TYPES: Mapping[str, type[c.Command]] = {cls.__name__: cls for cls in HANDLERS}
