"""Publishing a plan: it becomes the plan in force, and the dispatch lists follow it.

Every row of the plan before is replaced. A waiting operation goes to its planned station at the
position of its planned start there; operations a station already holds that the plan leaves out keep
their order after the planned ones. Running and paused operations stay where they run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from mes_terminal.db.records import PlannedOperation, WorkOrder, WorkOrderOperation, Workstation
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import DISPATCH_NOT_ELIGIBLE, UNKNOWN_STATION
from mes_terminal.domain.errors import InvalidInput, InvalidState, UnknownEntity
from mes_terminal.domain.roles import PLANNERS
from mes_terminal.domain.statuses import OPEN_ORDER, WAITING_OPERATION, OperationStatus
from mes_terminal.domain.values import parse_timestamp
from mes_terminal.services.commands.catalog import PublishSchedule
from mes_terminal.services.commands.handlers.dispatch import eligible
from mes_terminal.services.commands.results import ScheduleResult

ops = WorkOrderOperation


@dataclass(frozen=True)
class _Line:
    number: str
    seq: int
    station: str
    start: datetime
    end: datetime
    setup: int


def publish_schedule(cmd: PublishSchedule, uow: UnitOfWork) -> ScheduleResult:
    uow.users.acting(cmd.actor, PLANNERS, "publish a plan")
    lines = [_parse(text, index) for index, text in enumerate(cmd.operations)]
    if len({(line.number, line.seq) for line in lines}) != len(lines):
        raise InvalidInput("The plan names an operation twice; nothing was published.")
    stations = {
        s.code: s
        for s in uow.session.scalars(
            select(Workstation).where(Workstation.code.in_({line.station for line in lines})).with_for_update()
        )
    }
    uow.session.execute(delete(PlannedOperation))
    queues: dict[int, list[tuple[datetime, WorkOrderOperation]]] = defaultdict(list)
    for line in lines:
        station = stations.get(line.station)
        if station is None:
            raise UnknownEntity(UNKNOWN_STATION.sentence(code=line.station), code=UNKNOWN_STATION)
        order, op = uow.jobs.lock(line.number, line.seq)
        label = f"{order.number} operation {op.seq} ({op.name})"
        if order.status not in OPEN_ORDER or op.status == OperationStatus.COMPLETED:
            raise InvalidState(f"{label} is no longer open; nothing was published. Plan again.")
        if op.status in WAITING_OPERATION:
            if not eligible(uow, op, station):
                raise InvalidState(
                    f"{label} cannot run at {station.code}; nothing was published.", code=DISPATCH_NOT_ELIGIBLE
                )
            queues[station.id].append((line.start, op))
        elif op.workstation_id != station.id:
            raise InvalidState(f"{label} runs at another station than the plan says; nothing was published.")
        uow.session.add(
            PlannedOperation(
                operation_id=op.id,
                workstation_id=station.id,
                planned_start=line.start,
                planned_end=line.end,
                setup_minutes=line.setup,
                published_at=uow.now,
            )
        )
    planned_ids = {op.id for queue in queues.values() for _, op in queue}
    for station_id, queue in queues.items():
        rest = uow.session.scalars(
            select(ops)
            .join(WorkOrder, WorkOrder.id == ops.work_order_id)
            .where(
                ops.workstation_id == station_id,
                ops.status.in_(WAITING_OPERATION),
                WorkOrder.status.in_(OPEN_ORDER),
                ops.id.not_in(planned_ids),
            )
            .order_by(ops.dispatch_position.is_(None), ops.dispatch_position, ops.id)
            .with_for_update()
        ).all()
        ordered = [op for _, op in sorted(queue, key=lambda item: (item[0], item[1].id))] + list(rest)
        for position, op in enumerate(ordered, start=1):
            op.workstation_id, op.dispatch_position = station_id, position
    codes = sorted({line.station for line in lines})
    uow.events.add(
        "SchedulePublished",
        "plan",
        f"{uow.now:%Y-%m-%dT%H:%M:%SZ}",
        after={"operations": len(lines), "stations": codes},
    )
    return {"operations": len(lines), "stations": codes}


def _parse(text: str, index: int) -> _Line:
    words = text.split()
    where = f"operations[{index}]"
    if len(words) != 5:
        raise InvalidInput(f"{where} should read 'WO-1/10 WS-01 START END SETUP'; nothing was published.")
    key, station, start_text, end_text, setup_text = words
    number, _, seq = key.rpartition("/")
    if not number or not seq.isdigit() or not setup_text.isdigit():
        raise InvalidInput(f"{where}: {text[:60]!r} is not a plan line; nothing was published.")
    start, end = parse_timestamp(start_text, f"{where} start"), parse_timestamp(end_text, f"{where} end")
    if end < start:
        raise InvalidInput(f"{where} ends before it starts; nothing was published.")
    return _Line(number, int(seq), station, start, end, int(setup_text))
