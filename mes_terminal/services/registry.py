"""Which handler runs which command: the one place where command types are registered."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mes_terminal.db.uow import UnitOfWork
from mes_terminal.services import commands as c
from mes_terminal.services.handlers import execution, material, personnel, work_orders

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
}

COMMAND_TYPES: Mapping[str, type[c.Command]] = {cls.__name__: cls for cls in HANDLERS}
