"""What the screens show of quality: a job's checklist item by item, due checks, and SPC chart data.

Read-only functions over a connection; the terminal and the supervisor get frozen views, never records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection, select

from mes_terminal.db.records import ChecklistItem, ChecklistResult, RoutingOperation, WorkOrder, WorkOrderOperation
from mes_terminal.domain import checks, spc
from mes_terminal.domain.clock import site_time
from mes_terminal.domain.error_codes import CHECK_NO_CHECKLIST, SPC_UNKNOWN_ITEM, UNKNOWN_OPERATION
from mes_terminal.domain.errors import InvalidInput, InvalidState, UnknownEntity
from mes_terminal.domain.execution import OperationFacts, PreviousOperation, expected
from mes_terminal.services.queries import quality as qq
from mes_terminal.services.queries.documents import site_timezone
from mes_terminal.services.queries.station_views import (
    CheckItemView,
    ChecklistView,
    SpcChartView,
    SpcPoint,
    SpcSignal,
)


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
    stations: Sequence[str] | None = None,
) -> SpcChartView:
    """Chart data of one numeric characteristic: every point judged against limits from the first
    `baseline` values (I-MR) or subgroups (X-bar) in the range (without one, the site's `spc_baseline`),
    a baseline point beyond them left out of them (Phase I); spec breaches apart from rule violations.
    `stations` narrows to the values recorded at those stations (a line's)."""
    spec = qq.newest_checklist(connection, checklist)
    definition = next((i for i in spec.items if i.code == item), None) if spec else None
    if definition is None or definition.kind != checks.Kind.NUMERIC:
        raise InvalidInput(
            SPC_UNKNOWN_ITEM.sentence(checklist=checklist, item=item),
            code=SPC_UNKNOWN_ITEM,
        )
    rows = qq.measurements(connection, checklist, item, start, end, station, stations=stations)
    zone = site_timezone(connection)
    asked = baseline or qq.site_quality_rules(connection).spc_baseline
    lower, upper = _f(definition.lower), _f(definition.upper)
    chart = spc.analyse([float(m.value) for m in rows], asked, subgroup=subgroup, lower_spec=lower, upper_spec=upper)
    # A subgroup's time and job are those of its last value.
    anchors = rows if subgroup == 1 else [rows[i * subgroup + subgroup - 1] for i in range(len(chart.points))]
    breaches = {b.index: b for b in chart.spec}
    signals = sorted(
        [_signal(v.index, anchors[v.index], "control", int(v.rule), None, chart.points[v.index], v.text, zone)
         for v in chart.violations]
        + [_signal(b.index, anchors[b.index], "spec", None, b.side, b.value,
                   _spec_text(b, lower, upper, definition.unit), zone) for b in chart.spec],
        key=lambda s: (s.index, s.kind != "control"),
    )  # fmt: skip
    limits = chart.limits
    return SpcChartView(
        checklist=checklist,
        item=item,
        text=definition.text,
        unit=definition.unit,
        chart=chart.kind,
        subgroup_size=subgroup,
        baseline_size=chart.baseline_size,
        points=tuple(
            SpcPoint(
                p,
                a.recorded_at,
                a.work_order,
                a.station,
                chart.rules_at(i),
                i < chart.baseline_size,
                i in chart.excluded,
                breaches[i].side if i in breaches else None,
            )
            for i, (p, a) in enumerate(zip(chart.points, anchors, strict=True))
        ),
        spread=chart.spread,
        center=limits.location.center if limits else None,
        lower_control=limits.location.lower if limits else None,
        upper_control=limits.location.upper if limits else None,
        spread_center=limits.spread.center if limits else None,
        spread_upper=limits.spread.upper if limits else None,
        lower_spec=lower,
        upper_spec=upper,
        target=_f(definition.target),
        cp=chart.capability.cp,
        cpk=chart.capability.cpk,
        violations=tuple(s.text for s in signals if s.kind == "control"),
        spec_violations=tuple(s.text for s in signals if s.kind == "spec"),
        signals=tuple(signals),
        provisional=chart.provisional,
        baseline_asked=asked,
        excluded=chart.excluded,
        spread_lower=limits.spread.lower if limits else None,
        pp=chart.performance.cp,
        ppk=chart.performance.cpk,
    )


def _signal(
    index: int,
    at: qq.Measurement,
    kind: str,
    rule: int | None,
    limit: str | None,
    value: float,
    text: str,
    timezone: str,
) -> SpcSignal:
    where = _where(at, timezone)
    return SpcSignal(index, at.recorded_at, kind, rule, limit, value, f"point {index + 1} ({where}): {text}")


def _spec_text(breach: spc.SpecBreach, lower: float | None, upper: float | None, unit: str | None) -> str:
    side = "above the upper" if breach.side == "USL" else "below the lower"
    limit = upper if breach.side == "USL" else lower
    suffix = f" {unit}" if unit else ""
    return f"{breach.value:g}{suffix} {side} spec limit {limit:g}{suffix}"


def _where(point: qq.Measurement, timezone: str) -> str:
    """Work order and site time of a point: the sentence is read beside the site's wall clock."""
    return f"{point.work_order}, {site_time(point.recorded_at, timezone)}"


def _f(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _has_shift_items(checklist: qq.Checklist) -> bool:
    return any(item.when == checks.Trigger.SHIFT_START for item in checklist.items)
