"""`mes-terminal erp export`: what production did, as B2MML V0600 ProductionPerformance, V0700
OperationsPerformance (one document per work order, each validated against MESA's schema before it is
written) or CSV (one row per operation confirmation).

Incremental by default: without --from an export starts where the last export of the same format
ended, and each export is recorded in erp_messages with its range.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from itertools import groupby
from pathlib import Path
from typing import Any

from lxml import etree
from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import ErpMessage
from mes_terminal.domain.error_codes import ERP_EXPORT_INVALID
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.integration.b2mml_read import V0600, V0700
from mes_terminal.integration.schema_check import first_error
from mes_terminal.services.queries.erp_performance import OperationPerformance, performance

FORMATS = ("b2mml-v0600", "b2mml-v0700", "csv")
BEGINNING = datetime(1970, 1, 1, tzinfo=UTC)
CSV_COLUMNS = (
    "work_order",
    "operation",
    "operation_name",
    "product",
    "status",
    "started_at",
    "completed_at",
    "good",
    "scrap",
    "unit",
    "output_lot",
    "workstations",
    "personnel",
    "labour_hours",
    "consumed",
)


@dataclass(frozen=True)
class ExportResult:
    format: str
    start: datetime
    end: datetime
    files: tuple[str, ...]
    work_orders: tuple[str, ...]
    operations: int

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "from": _time(self.start),
            "to": _time(self.end),
            "files": list(self.files),
            "work_orders": list(self.work_orders),
            "operations": self.operations,
        }


def last_export_end(engine: Engine, fmt: str) -> datetime | None:
    with engine.connect() as connection:
        return connection.scalar(
            select(ErpMessage.range_to)
            .where(ErpMessage.direction == "out", ErpMessage.kind == fmt, ErpMessage.status == "written")
            .order_by(ErpMessage.range_to.desc())
            .limit(1)
        )


def export(
    engine: Engine, fmt: str, out: Path, *, start: datetime | None, end: datetime, now: datetime
) -> ExportResult:
    """Build, validate, then write; nothing is written when any document does not validate."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}.")
    if start is None:
        start = last_export_end(engine, fmt) or BEGINNING
    if end <= start:
        raise InvalidInput(f"The range ends ({_time(end)}) before it starts ({_time(start)}); nothing to export.")
    operations = performance(engine, start, end)
    stamp = f"{end:%Y%m%dT%H%M%SZ}"
    files: list[tuple[str, bytes]] = []
    if fmt == "csv":
        if operations:
            files.append((f"operations-{stamp}.csv", performance_csv(operations)))
    else:
        for number, group in groupby(operations, key=lambda op: op.work_order):
            document = build_performance(fmt, number, list(group), start=start, end=end, now=now)
            error = first_error(document, fmt)
            if error is not None:
                raise InvalidInput(
                    ERP_EXPORT_INVALID.sentence(
                        kind=fmt, subject=f"work order {number}", reason=error[0], line=error[1]
                    ),
                    code=ERP_EXPORT_INVALID,
                )
            files.append(
                (
                    f"{_safe(number)}-{stamp}.xml",
                    etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True),
                )
            )
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files:
        _write_atomically(out / name, data)
    result = ExportResult(
        format=fmt,
        start=start,
        end=end,
        files=tuple(name for name, _ in files),
        work_orders=tuple(dict.fromkeys(op.work_order for op in operations)),
        operations=len(operations),
    )
    with Session(engine) as session, session.begin():
        session.execute(
            insert(ErpMessage),
            {
                "direction": "out",
                "kind": fmt,
                "file": str(out)[-1000:],
                "document": None,
                "content_hash": None,
                "status": "written",
                "code": None,
                "message": None,
                "summary": result.to_json(),
                "recorded_at": now,
                "range_from": start,
                "range_to": end,
            },
        )
    return result


def _write_atomically(path: Path, data: bytes) -> None:
    """A reader of the outbox never sees half a file: write beside it, then rename."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:80] or "order"


def _time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}" if value else "0"


# --- B2MML ----------------------------------------------------------------------------------------


def build_performance(
    fmt: str, number: str, operations: list[OperationPerformance], *, start: datetime, end: datetime, now: datetime
) -> Any:
    """The performance document of one work order (not yet validated)."""
    if fmt == "b2mml-v0600":
        return _v0600(number, operations, start, end, now)
    return _v0700(number, operations, start, end, now)


class _Builder:
    def __init__(self, ns: str) -> None:
        self.ns = ns

    def root(self, name: str) -> Any:
        return etree.Element(f"{{{self.ns}}}{name}", nsmap={None: self.ns})

    def add(self, parent: Any, name: str, text: str | None = None) -> Any:
        element = etree.SubElement(parent, f"{{{self.ns}}}{name}")
        if text is not None:
            element.text = text
        return element

    def quantity(self, parent: Any, value: Decimal, unit: str, key: str | None = None) -> None:
        quantity = self.add(parent, "Quantity")
        self.add(quantity, "QuantityString", _number(value))
        self.add(quantity, "UnitOfMeasure", unit)
        if key:
            self.add(quantity, "Key", key)


def _state(op: OperationPerformance) -> str:
    return "Completed" if op.completed_at is not None and op.status == "completed" else "Running"


def _v0600(number: str, operations: list[OperationPerformance], start: datetime, end: datetime, now: datetime) -> Any:
    b = _Builder(V0600)
    root = b.root("ProductionPerformance")
    b.add(root, "ID", f"{number}-{end:%Y%m%dT%H%M%SZ}")
    b.add(root, "PublishedDate", _time(now))
    b.add(root, "StartTime", _time(start))
    b.add(root, "EndTime", _time(end))
    response = b.add(root, "ProductionResponse")
    b.add(response, "ID", number)
    b.add(response, "ProductionRequestID", number)
    for op in operations:
        segment = b.add(response, "SegmentResponse")
        b.add(segment, "ID", f"{number}/{op.seq}")
        b.add(segment, "ProcessSegmentID", str(op.seq))
        b.add(segment, "Description", op.name)
        if op.started_at:
            b.add(segment, "ActualStartTime", _time(op.started_at))
        if op.completed_at:
            b.add(segment, "ActualEndTime", _time(op.completed_at))
        for person in op.labour:
            actual = b.add(segment, "PersonnelActual")
            b.add(actual, "PersonID", person.badge)
            b.add(actual, "Description", person.name)
            b.quantity(actual, person.hours, "h", "LabourTime")
        for code in op.equipment:
            b.add(b.add(segment, "EquipmentActual"), "EquipmentID", code)
        produced = b.add(segment, "MaterialProducedActual")
        b.add(produced, "MaterialDefinitionID", op.product)
        if op.output_lot:
            b.add(produced, "MaterialLotID", op.output_lot)
        b.quantity(produced, op.good, op.unit, "Good")
        b.quantity(produced, op.scrap, op.unit, "Scrap")
        for lot in op.consumed:
            consumed = b.add(segment, "MaterialConsumedActual")
            b.add(consumed, "MaterialDefinitionID", lot.material)
            b.add(consumed, "MaterialLotID", lot.lot)
            b.quantity(consumed, lot.quantity, lot.unit)
        b.add(segment, "SegmentState", _state(op))
    b.add(response, "ResponseState", "Completed" if all(_state(op) == "Completed" for op in operations) else "Running")
    return root


def _v0700(number: str, operations: list[OperationPerformance], start: datetime, end: datetime, now: datetime) -> Any:
    b = _Builder(V0700)
    root = b.root("OperationsPerformance")
    b.add(root, "ID", f"{number}-{end:%Y%m%dT%H%M%SZ}")
    b.add(root, "PublishedDate", _time(now))
    b.add(root, "StartTime", _time(start))
    b.add(root, "Endtime", _time(end))  # sic: the V0700 schema spells it so
    b.add(root, "OperationsType", "Production")
    response = b.add(root, "OperationsResponse")
    b.add(response, "ID", number)
    b.add(response, "OperationsType", "Production")
    b.add(response, "OperationsRequestID", number)
    b.add(response, "ResponseState", "Completed" if all(_state(op) == "Completed" for op in operations) else "Running")
    for op in operations:
        segment = b.add(response, "SegmentResponse")
        b.add(segment, "ID", f"{number}/{op.seq}")
        b.add(segment, "Description", op.name)
        if op.started_at:
            b.add(segment, "ActualStartTime", _time(op.started_at))
        if op.completed_at:
            b.add(segment, "ActualEndTime", _time(op.completed_at))
        b.add(segment, "OperationsType", "Production")
        b.add(segment, "ProcessSegmentID", str(op.seq))
        b.add(segment, "OperationsRequestID", number)
        b.add(segment, "SegmentState", _state(op))
        for index, person in enumerate(op.labour, start=1):
            actual = b.add(segment, "PersonnelActual")
            b.add(actual, "ID", f"P{index}")
            b.add(actual, "PersonID", person.badge)
            b.add(actual, "Description", person.name)
            b.quantity(actual, person.hours, "h", "LabourTime")
        for index, code in enumerate(op.equipment, start=1):
            actual = b.add(segment, "EquipmentActual")
            b.add(actual, "ID", f"E{index}")
            b.add(actual, "EquipmentID", code)
        produced = b.add(segment, "MaterialActual")
        b.add(produced, "ID", "M0")
        b.add(produced, "MaterialDefinitionID", op.product)
        if op.output_lot:
            b.add(produced, "MaterialLotID", op.output_lot)
        b.add(produced, "MaterialUse", "Produced")
        b.quantity(produced, op.good, op.unit, "Good")
        b.quantity(produced, op.scrap, op.unit, "Scrap")
        for index, lot in enumerate(op.consumed, start=1):
            consumed = b.add(segment, "MaterialActual")
            b.add(consumed, "ID", f"M{index}")
            b.add(consumed, "MaterialDefinitionID", lot.material)
            b.add(consumed, "MaterialLotID", lot.lot)
            b.add(consumed, "MaterialUse", "Consumed")
            b.quantity(consumed, lot.quantity, lot.unit)
    return root


# --- CSV ------------------------------------------------------------------------------------------


def performance_csv(operations: Iterable[OperationPerformance]) -> bytes:
    """One row per operation confirmation; columns in CSV_COLUMNS (docs/erp.md)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for op in operations:
        writer.writerow(
            [
                op.work_order,
                op.seq,
                op.name,
                op.product,
                op.status,
                _time(op.started_at) if op.started_at else "",
                _time(op.completed_at) if op.completed_at else "",
                _number(op.good),
                _number(op.scrap),
                op.unit,
                op.output_lot or "",
                "|".join(op.equipment),
                "|".join(person.badge for person in op.labour),
                _number(sum((person.hours for person in op.labour), Decimal(0))),
                "|".join(f"{lot.lot}:{lot.material}:{_number(lot.quantity)}:{lot.unit}" for lot in op.consumed),
            ]
        )
    return buffer.getvalue().encode("utf-8")
