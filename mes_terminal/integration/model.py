"""What an ERP document asks of the MES, read from B2MML or CSV: plain values, nothing of XML left."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Any

from mes_terminal.domain.errors import MesError


@dataclass(frozen=True)
class SegmentSpec:
    """A segment of a request, flattened: one operation when the segments define the routing."""

    id: str
    line: int
    process_segment: str | None = None
    description: str | None = None
    equipment: str | None = None
    duration_seconds: Decimal | None = None
    setup_seconds: Decimal | None = None


@dataclass(frozen=True)
class OrderSpec:
    """One production request: becomes one work order."""

    request: str
    line: int
    product: str
    quantity: Decimal
    due: datetime
    unit: str | None = None
    product_name: str | None = None
    priority: int = 0
    released: bool = False
    segments: tuple[SegmentSpec, ...] = ()

    @cached_property
    def content_hash(self) -> str:
        """What the request asks for, hashed: reformatting the file changes nothing, a new quantity does."""
        # What dataclasses.asdict gives less the lines, without its deep copies (a schedule has thousands).
        values = _fields(self)
        values["segments"] = [_fields(segment) for segment in self.segments]
        text = json.dumps(values, default=str, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


def _fields(spec: OrderSpec | SegmentSpec) -> dict[str, Any]:
    return {name: getattr(spec, name) for name in spec.__dataclass_fields__ if name != "line"}


@dataclass(frozen=True)
class LotSpec:
    """A material lot the ERP says arrived, or announces: expected, usable from `available_from`."""

    lot: str
    line: int
    material: str
    quantity: Decimal
    unit: str | None = None
    expires: date | None = None
    supplier_lot: str | None = None
    announced: bool = False  # its Status says it is on its way (expected, in transit, ordered)
    available_from: datetime | None = None  # V0700 EffectiveStartDate, or an expected-date property

    def expected_at(self, now: datetime) -> datetime | None:
        """When a lot not here yet may be used (announced, or usable only later); None for one that is here."""
        if self.available_from is not None and (self.announced or self.available_from > now):
            return self.available_from
        return None


@dataclass(frozen=True)
class MaterialData:
    """A MaterialDefinition: None is "not said", and leaves what the MES holds (or its default)."""

    code: str
    line: int
    name: str | None = None
    unit: str | None = None
    lot_controlled: bool | None = None
    serial_controlled: bool | None = None
    shelf_life_days: int | None = None
    gtin: str | None = None


@dataclass(frozen=True)
class EquipmentData:
    """An Equipment at workstation level, in its line; None is "not said", as for materials."""

    code: str
    line: int
    parent: str  # the code of its line
    name: str | None = None
    micro_stop_seconds: int | None = None
    badge_only: bool | None = None


@dataclass(frozen=True)
class LineReference:
    """An Equipment at line level: the MES takes lines from the plant file, so it must exist."""

    code: str
    line: int


@dataclass(frozen=True)
class PersonData:
    """A Person: found by badge; None is "not said", as for materials. The ERP never sets a PIN."""

    badge: str
    line: int
    name: str | None = None
    roles: tuple[str, ...] | None = None
    qualifications: tuple[str, ...] | None = None


@dataclass
class ErpDocument:
    """One document: applied in one transaction, or refused whole."""

    file: str
    # production_schedule, operations_schedule, material_information, material_definition, equipment,
    # personnel, csv_work_orders
    kind: str
    document: str | None = None
    content_hash: str = ""
    orders: list[OrderSpec] = field(default_factory=list)
    lots: list[LotSpec] = field(default_factory=list)
    materials: list[MaterialData] = field(default_factory=list)
    equipment: list[EquipmentData] = field(default_factory=list)
    lines: list[LineReference] = field(default_factory=list)
    people: list[PersonData] = field(default_factory=list)


class Unreadable(Exception):
    """A document found wrong while it was being applied (read as a stream): refused as one that could not
    be read, its transaction rolled back."""

    def __init__(self, error: MesError) -> None:
        super().__init__(error.message)
        self.error = error
