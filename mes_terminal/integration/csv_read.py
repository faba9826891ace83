"""CSV work orders, for ERPs that export spreadsheets: a header row, one row per order or per operation.

Columns (docs/erp.md), renamed by a --map file when the ERP names them otherwise:
number, product, quantity, due (required); priority, released, product_name, unit (optional, per order);
operation, workstation, run_minutes, setup_minutes (optional, per row: where these are given, the rows
of one order are its operations, used as the segments of a B2MML request are).
"""

from __future__ import annotations

import csv
import hashlib
import io
import tomllib
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from mes_terminal.domain.error_codes import ERP_COLUMN_MAP, ERP_CSV, ERP_TOO_LARGE
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.values import parse_quantity
from mes_terminal.integration.model import ErpDocument, OrderSpec, SegmentSpec
from mes_terminal.integration.safe_xml import DEFAULT_LIMIT

REQUIRED = ("number", "product", "quantity", "due")
OPTIONAL = ("priority", "released", "product_name", "unit", "operation", "workstation", "run_minutes", "setup_minutes")
COLUMNS = REQUIRED + OPTIONAL
_YES = {"1", "true", "yes", "y", "x", "released", "ja"}
_NO = {"", "0", "false", "no", "n", "planned", "nein"}
_MAX_FIELD = 10_000


def read_column_map(path: Path) -> dict[str, str]:
    """A TOML file `[columns]` of `our_name = "their name"`; its sentence when unusable."""
    name = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidInput(
            ERP_COLUMN_MAP.sentence(file=name, reason=f"{error.strerror or error}."), code=ERP_COLUMN_MAP
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InvalidInput(
            ERP_COLUMN_MAP.sentence(file=name, reason=f"it is not TOML ({error})."), code=ERP_COLUMN_MAP
        ) from None
    columns = data.get("columns")
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise InvalidInput(
            ERP_COLUMN_MAP.sentence(file=name, reason='it needs a [columns] table of name = "header".'),
            code=ERP_COLUMN_MAP,
        )
    unknown = sorted(set(columns) - set(COLUMNS))
    if unknown:
        raise InvalidInput(
            ERP_COLUMN_MAP.sentence(file=name, reason=f"{unknown[0]!r} is not a column; known: {', '.join(COLUMNS)}."),
            code=ERP_COLUMN_MAP,
        )
    return {str(ours): str(theirs) for ours, theirs in columns.items()}


def read_csv(path: Path, column_map: Mapping[str, str] | None = None, *, limit: int = DEFAULT_LIMIT) -> ErpDocument:
    size = path.stat().st_size
    if size > limit:
        raise InvalidInput(
            ERP_TOO_LARGE.sentence(file=path.name, size=round(size / 2**20, 1), limit=limit // 2**20),
            code=ERP_TOO_LARGE,
        )
    data = path.read_bytes()
    return parse_csv(data, path.name, column_map)


def parse_csv(data: bytes, file: str, column_map: Mapping[str, str] | None = None) -> ErpDocument:
    """The work orders of a CSV file's bytes, or `InvalidInput` naming the row and what is wrong."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        _refuse(file, 1, "the file is not UTF-8 text; export it as UTF-8.")
    if "\x00" in text:
        _refuse(file, 1, "the file holds NUL characters; it is not a text export.")
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(rows, None)
        if header is None or not any(cell.strip() for cell in header):
            raise InvalidInput(ERP_CSV.sentence(file=file, row=1, reason="the file has no header row."), code=ERP_CSV)
        index = _columns(header, file, column_map or {})
        orders: dict[str, list[tuple[int, dict[str, str]]]] = {}
        for row_number, row in enumerate(rows, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if any(len(cell) > _MAX_FIELD for cell in row):
                _refuse(file, row_number, "a field is longer than 10,000 characters.")
            values = {name: (row[i].strip() if i < len(row) else "") for name, i in index.items()}
            if not values["number"]:
                _refuse(file, row_number, "the number (work order) is empty.")
            orders.setdefault(values["number"], []).append((row_number, values))
    except csv.Error as error:
        _refuse(file, rows.line_num, f"the row cannot be read as CSV ({error}).")
    document = ErpDocument(
        file=file, kind="csv_work_orders", document=Path(file).stem, content_hash=hashlib.sha256(data).hexdigest()
    )
    document.orders = [_order(file, number, group) for number, group in orders.items()]
    return document


def _columns(header: list[str], file: str, column_map: Mapping[str, str]) -> dict[str, int]:
    positions = {cell.strip().lower(): i for i, cell in enumerate(header)}
    index: dict[str, int] = {}
    for name in COLUMNS:
        wanted = column_map.get(name, name).strip().lower()
        if wanted in positions:
            index[name] = positions[wanted]
    missing = [column_map.get(name, name) for name in REQUIRED if name not in index]
    if missing:
        _refuse(file, 1, f"the header has no column {', '.join(repr(m) for m in missing)}.")
    return index


def _order(file: str, number: str, group: list[tuple[int, dict[str, str]]]) -> OrderSpec:
    row_number, first = group[0]
    segments: list[SegmentSpec] = []
    for row, values in group:
        if values.get("operation") or values.get("workstation"):
            segments.append(
                SegmentSpec(
                    id=values.get("operation") or str(10 * (len(segments) + 1)),
                    line=row,
                    equipment=values.get("workstation") or None,
                    duration_seconds=_minutes(file, row, values, "run_minutes", "setup_minutes"),
                    setup_seconds=_minutes(file, row, values, "setup_minutes"),
                )
            )
    return OrderSpec(
        request=number,
        line=row_number,
        product=first["product"] or _refuse(file, row_number, "the product is empty."),
        product_name=first.get("product_name") or None,
        unit=first.get("unit") or None,
        quantity=_quantity(file, row_number, first["quantity"]),
        due=_due(file, row_number, first["due"]),
        priority=_priority(file, row_number, first.get("priority", "")),
        released=_released(file, row_number, first.get("released", "")),
        segments=tuple(segments),
    )


def _refuse(file: str, row: int, reason: str) -> str:
    raise InvalidInput(ERP_CSV.sentence(file=file, row=row, reason=reason), code=ERP_CSV)


def _quantity(file: str, row: int, text: str) -> Decimal:
    try:
        return (
            parse_quantity(
                text.replace(",", ".") if text.count(",") == 1 and "." not in text else text,
                "quantity",
                allow_zero=False,
            )
            + 0
        )
    except InvalidInput:
        _refuse(file, row, f"the quantity {text[:40]!r} is not a number above zero with at most six decimals.")
    raise AssertionError("unreachable")


def _minutes(file: str, row: int, values: Mapping[str, str], *names: str) -> Decimal | None:
    """The sum of the named minute columns, in seconds (run time includes setup, as a segment's Duration does)."""
    total = None
    for name in names:
        text = values.get(name, "")
        if not text:
            continue
        try:
            minutes = parse_quantity(text.replace(",", "."), name)
        except InvalidInput:
            _refuse(file, row, f"{name} {text[:40]!r} is not a number of minutes.")
        total = (total or Decimal(0)) + minutes * 60
    return total


def _due(file: str, row: int, text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (ValueError, OverflowError):
        _refuse(
            file, row, f"the due time {text[:40]!r} is not a date or date and time (2026-12-08 or 2026-12-08T14:00Z)."
        )
    raise AssertionError("unreachable")


def _priority(file: str, row: int, text: str) -> int:
    if not text:
        return 0
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number != number.to_integral_value() or abs(number) > 1_000_000:
        _refuse(file, row, f"the priority {text[:40]!r} is not a whole number up to 1000000.")
    return int(number)


def _released(file: str, row: int, text: str) -> bool:
    lowered = text.lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    _refuse(file, row, f"released {text[:40]!r} is neither yes nor no.")
    raise AssertionError("unreachable")
