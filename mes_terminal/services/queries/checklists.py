"""What the screens show of quality: a job's checklist item by item, due checks, and SPC chart data.

Read-only functions over a connection; the terminal and the supervisor get frozen views, never records.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection, select

from mes_terminal.db.records import ChecklistItem, ChecklistResult, RoutingOperation, WorkOrder, WorkOrderOperation
from mes_terminal.domain import checks, spc
from mes_terminal.domain.error_codes import CHECK_NO_CHECKLIST, SPC_UNKNOWN_ITEM, UNKNOWN_OPERATION
from mes_terminal.domain.errors import InvalidInput, InvalidState, UnknownEntity
from mes_terminal.domain.execution import OperationFacts, PreviousOperation, expected
from mes_terminal.services.queries import quality as qq
from mes_terminal.services.queries.station_views import CheckItemView, ChecklistView, SpcChartView, SpcPoint


def job_checklist(connection: Connection, work_order: str, operation: int, now: datetime) -> ChecklistView:
    row = connection.execute(
        select(WorkOrderOperation.id, WorkOrderOperation.status, WorkOrder.number)
        .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .where(WorkOrder.number == work_order, WorkOrderOperation.seq == operation)
    ).one_or_none()
    if row is None:
        raise UnknownEntity(
            UNKNOWN_OPERATION.sentence(
                work_order=work_order,
                operation=operation,
            ),
            code=UNKNOWN_OPERATION,
        )
    checklist = qq.checklist_of(connection, row.id)
    if checklist is None:
        raise InvalidState(
            CHECK_NO_CHECKLIST.sentence(
                work_order=work_order,
                operation=operation,
            ),
            code=CHECK_NO_CHECKLIST,
        )
    due = {d.item.code: d.why for d in _due(connection, row.id, checklist, now)}
    last = _last_results(connection, row.id)
    items = tuple(_item_view(item, due.get(item.code), last.get(item.code)) for item in checklist.items)
    return ChecklistView(checklist.code, checklist.version, checklist.name, work_order, operation, items)


def due_for_operations(
    connection: Connection, operation_ids: Iterable[int], now: datetime
) -> dict[int, tuple[str, ...]]:
    """Operation id -> the checks due on it now, in words ("Length (first piece)")."""
    found: dict[int, tuple[str, ...]] = {}
    for operation_id in operation_ids:
        checklist = qq.checklist_of(connection, operation_id)
        if checklist is not None:
            found[operation_id] = tuple(d.sentence for d in _due(connection, operation_id, checklist, now))
    return found


def checks_at_start(connection: Connection, operation_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Operation id -> the required checks that fall due the moment it starts (for the dispatch list).

    One query for the operations' checklists, one read of each distinct checklist: not a query per row."""
    operation_ids = list(operation_ids)
    if not operation_ids:
        return {}
    codes: list[tuple[int, str]] = [
        (operation_id, code)
        for operation_id, code in connection.execute(
            select(WorkOrderOperation.id, RoutingOperation.checklist_code)
            .join(RoutingOperation, RoutingOperation.id == WorkOrderOperation.routing_operation_id)
            .where(WorkOrderOperation.id.in_(operation_ids), RoutingOperation.checklist_code.is_not(None))
        )
        if code is not None
    ]
    at_start: dict[str, tuple[str, ...]] = {}
    for code in {code for _, code in codes}:
        checklist = qq.newest_checklist(connection, code)
        items = checklist.items if checklist is not None else ()
        at_start[code] = tuple(
            i.text for i in items if i.required and i.when in (checks.Trigger.START, checks.Trigger.SHIFT_START)
        )
    return {operation_id: at_start[code] for operation_id, code in codes if at_start[code]}


def _due(connection: Connection, operation_id: int, checklist: qq.Checklist, now: datetime) -> list[checks.DueCheck]:
    facts = _facts(connection, operation_id)
    ready = facts is not None and facts.reported >= expected(facts)
    progress = qq.progress(connection, operation_id, now, ready_to_complete=ready, shifts=_has_shift_items(checklist))
    return checks.due_checks(checklist.items, qq.records(connection, operation_id), progress, now)


def _facts(connection: Connection, operation_id: int) -> OperationFacts | None:
    this = connection.execute(
        select(
            WorkOrderOperation.work_order_id,
            WorkOrderOperation.seq,
            WorkOrderOperation.name,
            WorkOrderOperation.status,
            WorkOrderOperation.good_quantity,
            WorkOrderOperation.scrap_quantity,
            WorkOrder.number,
            WorkOrder.status.label("order_status"),
            WorkOrder.quantity,
        )
        .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .where(WorkOrderOperation.id == operation_id)
    ).one_or_none()
    if this is None:
        return None
    previous = connection.execute(
        select(
            WorkOrderOperation.seq, WorkOrderOperation.name, WorkOrderOperation.status, WorkOrderOperation.good_quantity
        )
        .where(WorkOrderOperation.work_order_id == this.work_order_id, WorkOrderOperation.seq < this.seq)
        .order_by(WorkOrderOperation.seq.desc())
        .limit(1)
    ).one_or_none()
    return OperationFacts(
        work_order=this.number,
        order_status=this.order_status,
        order_quantity=this.quantity,
        seq=this.seq,
        name=this.name,
        status=this.status,
        good=this.good_quantity,
        scrap=this.scrap_quantity,
        station=None,
        previous=None if previous is None else PreviousOperation(*previous),
    )


def _last_results(connection: Connection, operation_id: int) -> dict[str, tuple[str, bool]]:
    rows = connection.execute(
        select(ChecklistItem.code, ChecklistResult.value, ChecklistResult.passed)
        .join(ChecklistItem, ChecklistItem.id == ChecklistResult.item_id)
        .where(ChecklistResult.operation_id == operation_id)
        .order_by(ChecklistResult.recorded_at, ChecklistResult.id)
    ).all()
    return {code: (value, passed) for code, value, passed in rows}


def _item_view(item: checks.CheckItem, due: str | None, last: tuple[str, bool] | None) -> CheckItemView:
    low, high = checks.plausible_range(item) if item.kind == checks.Kind.NUMERIC else (None, None)
    return CheckItemView(
        code=item.code,
        text=item.text,
        kind=item.kind,
        required=item.required,
        when=item.when,
        unit=item.unit,
        lower=item.lower,
        target=item.target,
        upper=item.upper,
        plausible_low=low,
        plausible_high=high,
        choices=item.choices,
        limits_text=checks.limits_text(item) if item.kind == checks.Kind.NUMERIC else "",
        due=due,
        last_value=last[0] if last else None,
        last_passed=last[1] if last else None,
    )


# --- SPC ------------------------------------------------------------------------------------------


def spc_chart(
    connection: Connection,
    checklist: str,
    item: str,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    station: str | None = None,
    baseline: int | None = None,
    subgroup: int = 1,
) -> SpcChartView:
    """Chart data of one numeric characteristic. The baseline is its first `baseline` values (I-MR) or
    subgroups (X-bar/R) in the range; without one, the site's `spc_baseline`."""
    spec = qq.newest_checklist(connection, checklist)
    definition = next((i for i in spec.items if i.code == item), None) if spec else None
    if definition is None or definition.kind != checks.Kind.NUMERIC:
        raise InvalidInput(
            SPC_UNKNOWN_ITEM.sentence(checklist=checklist, item=item),
            code=SPC_UNKNOWN_ITEM,
        )
    rows = qq.measurements(connection, checklist, item, start, end, station)
    size = baseline or qq.site_quality_rules(connection).spc_baseline
    values = [float(m.value) for m in rows]
    if subgroup > 1:
        groups = spc.subgroups(values, subgroup)
        points = [sum(g) / len(g) for g in groups]
        spread = [max(g) - min(g) for g in groups]
        anchors = [rows[i * subgroup + subgroup - 1] for i in range(len(groups))]
        limits = spc.xbar_r_limits(groups[:size]) if len(groups) >= 2 else None
    else:
        points, spread, anchors = values, spc.moving_ranges(values), rows
        limits = spc.imr_limits(values[:size]) if len(values) >= 2 else None
    found = spc.nelson(points, limits.location) if limits and len(points) > size else []
    judged = [v for v in found if v.index >= size]  # the baseline is not judged against itself
    by_point: dict[int, list[int]] = {}
    for v in judged:
        by_point.setdefault(v.index, []).append(int(v.rule))
    capability = (
        spc.capability(limits.location.center, limits.process_sigma, _f(definition.lower), _f(definition.upper))
        if limits
        else spc.Capability(None, None)
    )
    return SpcChartView(
        checklist=checklist,
        item=item,
        text=definition.text,
        unit=definition.unit,
        chart="xbar-r" if subgroup > 1 else "i-mr",
        subgroup_size=subgroup,
        baseline_size=min(size, len(points)),
        points=tuple(
            SpcPoint(p, a.recorded_at, a.work_order, a.station, tuple(by_point.get(i, ())), i < size)
            for i, (p, a) in enumerate(zip(points, anchors, strict=True))
        ),
        spread=tuple(spread),
        center=limits.location.center if limits else None,
        lower_control=limits.location.lower if limits else None,
        upper_control=limits.location.upper if limits else None,
        spread_center=limits.spread.center if limits else None,
        spread_upper=limits.spread.upper if limits else None,
        lower_spec=_f(definition.lower),
        upper_spec=_f(definition.upper),
        target=_f(definition.target),
        cp=capability.cp,
        cpk=capability.cpk,
        violations=tuple(f"point {v.index + 1} ({_where(anchors[v.index])}): {v.text}" for v in judged),
    )


def _where(point: qq.Measurement) -> str:
    return f"{point.work_order}, {point.recorded_at:%Y-%m-%d %H:%M}"


def _f(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _has_shift_items(checklist: qq.Checklist) -> bool:
    return any(item.when == checks.Trigger.SHIFT_START for item in checklist.items)
