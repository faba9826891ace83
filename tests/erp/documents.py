"""B2MML documents for tests, built element by element and validated against MESA's official schemas
(../shared/standards/b2mml, beside the checkout) before a test uses them: a test document the ERP
could not have sent proves nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from mes_terminal.integration.schema_check import first_error_against

STANDARDS = Path(__file__).resolve().parents[3] / "shared" / "standards" / "b2mml"
V0600 = "http://www.mesa.org/xml/B2MML-V0600"
V0700 = "http://www.mesa.org/xml/B2MML"
SCHEMAS = {
    "ProductionSchedule": STANDARDS / "V0600" / "B2MML-V0600-ProductionSchedule.xsd",
    "MaterialInformation-V0600": STANDARDS / "V0600" / "B2MML-V0600-Material.xsd",
    "ProductionPerformance": STANDARDS / "V0600" / "B2MML-V0600-ProductionPerformance.xsd",
    "OperationsSchedule": STANDARDS / "V0700" / "Schema" / "B2MML-OperationsSchedule.xsd",
    "MaterialInformation-V0700": STANDARDS / "V0700" / "Schema" / "B2MML-Material.xsd",
    "OperationsPerformance": STANDARDS / "V0700" / "Schema" / "B2MML-OperationsPerformance.xsd",
    "Material-V0600": STANDARDS / "V0600" / "B2MML-V0600-Material.xsd",
    "Equipment-V0600": STANDARDS / "V0600" / "B2MML-V0600-Equipment.xsd",
    "Person-V0600": STANDARDS / "V0600" / "B2MML-V0600-Personnel.xsd",
    "Material-V0700": STANDARDS / "V0700" / "Schema" / "B2MML-Material.xsd",
    "Equipment-V0700": STANDARDS / "V0700" / "Schema" / "B2MML-Equipment.xsd",
    "Person-V0700": STANDARDS / "V0700" / "Schema" / "B2MML-Personnel.xsd",
}


def validated(data: bytes, name: str) -> bytes:
    """`data` if it is valid against the official schema `name` (checked as the export checks its own
    documents, integration/schema_check.py); the first error otherwise."""
    error = first_error_against(etree.fromstring(data), SCHEMAS[name])
    if error is not None:
        raise AssertionError(f"not valid {name}: {error[0]} (line {error[1]})")
    return data


@dataclass
class Segment:
    id: str
    equipment: str | None = None
    duration: str | None = None  # xsd:duration
    setup: str | None = None  # the SetupTime parameter's ValueString
    setup_unit: str | None = None
    process_segment: str | None = None
    description: str | None = None
    produced: tuple[str, str, str | None] | None = None  # material, QuantityString, unit
    children: list[Segment] = field(default_factory=list)


@dataclass
class Request:
    id: str
    end: str | None = "2026-12-20T14:00:00Z"
    priority: str | None = None
    state: str | None = None
    segments: list[Segment] = field(default_factory=list)


def _sub(parent: Any, ns: str, name: str, text: str | None = None) -> Any:
    element = etree.SubElement(parent, f"{{{ns}}}{name}")
    if text is not None:
        element.text = text
    return element


def _quantity(parent: Any, ns: str, value: str, unit: str | None) -> None:
    quantity = _sub(parent, ns, "Quantity")
    _sub(quantity, ns, "QuantityString", value)
    if unit:
        _sub(quantity, ns, "UnitOfMeasure", unit)


def _segment_v0600(parent: Any, segment: Segment, name: str = "SegmentRequirement") -> None:
    ns = V0600
    element = _sub(parent, ns, name)
    _sub(element, ns, "ID", segment.id)
    if segment.process_segment:
        _sub(element, ns, "ProcessSegmentID", segment.process_segment)
    if segment.description:
        _sub(element, ns, "Description", segment.description)
    if segment.duration:
        _sub(element, ns, "Duration", segment.duration)
    if segment.setup is not None:
        parameter = _sub(_sub(element, ns, "ProductionParameter"), ns, "Parameter")
        _sub(parameter, ns, "ID", "SetupTime")
        value = _sub(parameter, ns, "Value")
        _sub(value, ns, "ValueString", segment.setup)
        if segment.setup_unit:
            _sub(value, ns, "UnitOfMeasure", segment.setup_unit)
    if segment.equipment:
        _sub(_sub(element, ns, "EquipmentRequirement"), ns, "EquipmentID", segment.equipment)
    if segment.produced:
        material, quantity, unit = segment.produced
        produced = _sub(element, ns, "MaterialProducedRequirement")
        _sub(produced, ns, "MaterialDefinitionID", material)
        _sub(produced, ns, "Description", f"{material} from the ERP")
        _quantity(produced, ns, quantity, unit)
    for child in segment.children:
        _segment_v0600(element, child)


def production_schedule(
    requests: list[Request], *, schedule_id: str = "PS-1", bod: str | None = None, envelope: str | None = None
) -> bytes:
    """A V0600 ProductionSchedule, optionally inside a Process/Sync BOD and a foreign envelope."""
    ns = V0600
    schedule = etree.Element(f"{{{ns}}}ProductionSchedule", nsmap={None: ns})
    _sub(schedule, ns, "ID", schedule_id)
    for request in requests:
        element = _sub(schedule, ns, "ProductionRequest")
        _sub(element, ns, "ID", request.id)
        if request.end:
            _sub(element, ns, "EndTime", request.end)
        if request.priority is not None:
            _sub(element, ns, "Priority", request.priority)
        for segment in request.segments:
            _segment_v0600(element, segment)
        if request.state:
            _sub(element, ns, "RequestState", request.state)
    validated(etree.tostring(schedule), "ProductionSchedule")
    root = schedule
    if bod:
        root = etree.Element(f"{{{ns}}}{bod}ProductionSchedule", nsmap={None: ns}, releaseID="6.0")
        area = _sub(root, ns, "ApplicationArea")
        _sub(area, ns, "CreationDateTime", "2026-12-07T06:00:00Z")
        _sub(area, ns, "BODID", f"BOD-{schedule_id}")
        data = _sub(root, ns, "DataArea")
        _sub(data, ns, bod)
        data.append(schedule)
        validated(etree.tostring(root), "ProductionSchedule")
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if envelope:
        body = text.split(b"?>", 1)[1]
        text = envelope.encode().replace(b"{}", body)
    return text


def _segment_v0700(parent: Any, segment: Segment, name: str = "SegmentRequirement") -> None:
    ns = V0700
    element = _sub(parent, ns, name)
    _sub(element, ns, "ID", segment.id)
    if segment.description:
        _sub(element, ns, "Description", segment.description)
    _sub(element, ns, "ProcessSegmentID", segment.process_segment or segment.id)
    if segment.duration:
        _sub(element, ns, "Duration", segment.duration)
    _sub(element, ns, "OperationsDefinitionID", "DEF-1")
    _sub(element, ns, "OperationsSegmentID", segment.id)
    if segment.setup is not None:
        parameter = _sub(element, ns, "SegmentParameter")
        _sub(parameter, ns, "ID", "SetupTime")
        value = _sub(parameter, ns, "Value")
        _sub(value, ns, "ValueString", segment.setup)
        if segment.setup_unit:
            _sub(value, ns, "UnitOfMeasure", segment.setup_unit)
    if segment.equipment:
        requirement = _sub(element, ns, "EquipmentRequirement")
        _sub(requirement, ns, "ID", f"EQ-{segment.id}")
        _sub(requirement, ns, "EquipmentID", segment.equipment)
    if segment.produced:
        material, quantity, unit = segment.produced
        produced = _sub(element, ns, "MaterialRequirement")
        _sub(produced, ns, "ID", f"MR-{segment.id}")
        _sub(produced, ns, "MaterialDefinitionID", material)
        _sub(produced, ns, "Description", f"{material} from the ERP")
        _sub(produced, ns, "MaterialUse", "Produced")
        _quantity(produced, ns, quantity, unit)
    for child in segment.children:
        _segment_v0700(element, child, "SegmentRequirementChild")


def operations_schedule(requests: list[Request], *, schedule_id: str = "OS-1", kind: str = "Production") -> bytes:
    ns = V0700
    schedule = etree.Element(f"{{{ns}}}OperationsSchedule", nsmap={None: ns})
    _sub(schedule, ns, "ID", schedule_id)
    _sub(schedule, ns, "OperationsType", kind)
    for request in requests:
        element = _sub(schedule, ns, "OperationsRequest")
        _sub(element, ns, "ID", request.id)
        if request.end:
            _sub(element, ns, "EndTime", request.end)
        if request.priority is not None:
            _sub(element, ns, "Priority", request.priority)
        if request.state:
            _sub(element, ns, "RequestState", request.state)
        for segment in request.segments:
            _segment_v0700(element, segment)
    data = etree.tostring(schedule, xml_declaration=True, encoding="UTF-8")
    return validated(data, "OperationsSchedule")


@dataclass
class LotLine:
    id: str
    material: str
    quantity: str
    unit: str | None = "kg"
    expires: str | None = None
    supplier_lot: str | None = None
    status: str | None = None  # "Expected", "In Transit": on its way
    available: str | None = None  # when it may be used: V0700 EffectiveStartDate, V0600 an ExpectedDate property


def material_information(lots: list[LotLine], *, version: str = "V0600", info_id: str = "MI-1") -> bytes:
    ns = V0600 if version == "V0600" else V0700
    info = etree.Element(f"{{{ns}}}MaterialInformation", nsmap={None: ns})
    _sub(info, ns, "ID", info_id)
    for lot in lots:
        element = _sub(info, ns, "MaterialLot")
        _sub(element, ns, "ID", lot.id)
        if version == "V0700" and lot.available:
            _sub(element, ns, "EffectiveStartDate", lot.available)
        _sub(element, ns, "MaterialDefinitionID", lot.material)
        if lot.status:
            _sub(element, ns, "Status", lot.status)
        expected = lot.available if version == "V0600" else None
        properties = (("ExpirationDate", lot.expires), ("SupplierLotID", lot.supplier_lot), ("ExpectedDate", expected))
        for key, value in properties:
            if value is None:
                continue
            prop = _sub(element, ns, "MaterialLotProperty")
            _sub(prop, ns, "ID", key)
            _sub(_sub(prop, ns, "Value"), ns, "ValueString", value)
        _quantity(element, ns, lot.quantity, lot.unit)
    data = etree.tostring(info, xml_declaration=True, encoding="UTF-8")
    return validated(data, f"MaterialInformation-{version}")


# --- master data: MaterialDefinition, Equipment, Person ------------------------------------------------


@dataclass
class Record:
    """One MaterialDefinition, Equipment or Person, with what the schemas let it carry that the MES reads."""

    id: str
    description: str | None = None
    properties: list[tuple[str, str, str | None]] = field(default_factory=list)  # ID, ValueString, unit
    level: str | None = None  # Equipment: EquipmentLevel
    scope: list[tuple[str, str]] = field(default_factory=list)  # HierarchyScope: (EquipmentID, level), outer first
    children: list[Record] = field(default_factory=list)  # Equipment nested in it
    name: str | None = None  # Person: PersonName
    classes: list[str] = field(default_factory=list)  # PersonnelClassID, EquipmentClassID, MaterialClassID


_INFORMATION = {"MaterialDefinition": "MaterialInformation", "Equipment": "EquipmentInformation"}
_INFORMATION["Person"] = "PersonnelInformation"
_SCHEMA_OF = {"MaterialDefinition": "Material", "Equipment": "Equipment", "Person": "Person"}


def _scope(parent: Any, ns: str, chain: list[tuple[str, str]]) -> None:
    holder, tag = parent, "HierarchyScope"
    for equipment, level in chain:
        holder = _sub(holder, ns, tag)
        _sub(holder, ns, "EquipmentID", equipment)
        _sub(holder, ns, "EquipmentElementLevel", level)
        tag = "HierarchyScope" if ns == V0600 else "HierarchyScopeChild"


def _properties(element: Any, ns: str, tag: str, record: Record) -> None:
    for key, value, unit in record.properties:
        prop = _sub(element, ns, tag)
        _sub(prop, ns, "ID", key)
        holder = _sub(prop, ns, "Value")
        _sub(holder, ns, "ValueString", value)
        if unit:
            _sub(holder, ns, "UnitOfMeasure", unit)


def _record(parent: Any, ns: str, kind: str, record: Record, tag: str | None = None) -> Any:
    return _fill(_sub(parent, ns, tag or kind), ns, kind, record)


def _fill(element: Any, ns: str, kind: str, record: Record) -> Any:
    """The record in its schema's element order (V0600 and V0700 differ in the optional elements only)."""
    _sub(element, ns, "ID", record.id)
    if record.description:
        _sub(element, ns, "Description", record.description)
    _scope(element, ns, record.scope)
    if kind == "MaterialDefinition":
        _properties(element, ns, "MaterialDefinitionProperty", record)
        for name in record.classes:
            _sub(element, ns, "MaterialClassID", name)
    elif kind == "Equipment":
        if record.level:
            if ns == V0600:  # V0600 types EquipmentLevel as a hierarchy scope
                level = _sub(element, ns, "EquipmentLevel")
                _sub(level, ns, "EquipmentID", record.id)
                _sub(level, ns, "EquipmentElementLevel", record.level)
            else:
                _sub(element, ns, "EquipmentLevel", record.level)
        _properties(element, ns, "EquipmentProperty", record)
        for nested in record.children:
            _record(element, ns, kind, nested, "Equipment" if ns == V0600 else "EquipmentChild")
        for name in record.classes:
            _sub(element, ns, "EquipmentClassID", name)
    else:
        if record.name:
            _sub(element, ns, "PersonName", record.name)
        _properties(element, ns, "PersonProperty", record)
        for name in record.classes:
            _sub(element, ns, "PersonnelClassID", name)
    return element


def master_data(
    kind: str,
    records: list[Record],
    *,
    version: str = "V0600",
    bod: str | None = None,
    information: str | None = None,
    envelope: str | None = None,
) -> bytes:
    """MaterialDefinition, Equipment or Person documents: bare (one record), in a Process/Sync BOD, or
    in a *Information document (`information`: its ID); validated against MESA's schema of the version."""
    ns = V0600 if version == "V0600" else V0700
    schema_name = f"{_SCHEMA_OF[kind]}-{version}"
    if information is not None:
        root = etree.Element(f"{{{ns}}}{_INFORMATION[kind]}", nsmap={None: ns})
        _sub(root, ns, "ID", information)
        for record in records:
            _record(root, ns, kind, record)
    elif bod is not None:
        root = etree.Element(f"{{{ns}}}{bod}{kind}", nsmap={None: ns}, releaseID="6.0")
        area = _sub(root, ns, "ApplicationArea")
        _sub(area, ns, "CreationDateTime", "2026-12-07T06:00:00Z")
        _sub(area, ns, "BODID", f"BOD-{kind}-{records[0].id}")
        data = _sub(root, ns, "DataArea")
        _sub(data, ns, bod)
        for record in records:
            _record(data, ns, kind, record)
    else:
        (record,) = records
        root = _fill(etree.Element(f"{{{ns}}}{kind}", nsmap={None: ns}), ns, kind, record)
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    validated(text, schema_name)
    if envelope:
        text = envelope.encode().replace(b"{}", text.split(b"?>", 1)[1])
    return text
