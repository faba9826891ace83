"""The master data of an ERP document applied as the plant file's changes are.

Materials, workstations and people go through the plant load's own writers (services/plant): the same
comparison with what is stored, the same columns written, the same `MasterDataChanged` event per
record created or changed (the actor "erp"), nothing written for what is already so. Inside the
document's transaction: a refusal leaves nothing of it behind.

What the ERP does not say keeps the stored value (a new record takes the plant file's default); the
plant file, which says everything about a record it names, stays the whole truth when it is loaded.
Lines are the plant file's (they carry shifts, which B2MML equipment does not): an equipment in a line
the MES does not know refuses the document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import select

from mes_terminal.db.records import Line, Material, User, Workstation
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import ERP_MISSING, ERP_UNKNOWN_LINE
from mes_terminal.domain.errors import InvalidInput, UnknownEntity
from mes_terminal.domain.plant import MaterialSpec, ProductSpec, UserSpec, WorkstationSpec
from mes_terminal.integration.model import EquipmentData, ErpDocument, MaterialData, PersonData
from mes_terminal.services.plant.changes import ChangeLog
from mes_terminal.services.plant.loader import load_users, load_workstations
from mes_terminal.services.plant.products import load_materials

ORIGIN = "erp"
# The kinds reported, in the plant load's words (services/plant/changes.py KINDS).
REPORTED = ("material", "product", "workstation", "user")

Keyed = TypeVar("Keyed", MaterialData, EquipmentData, PersonData)


def has_master_data(document: ErpDocument) -> bool:
    return bool(document.materials or document.equipment or document.lines or document.people)


def apply_master_data(uow: UnitOfWork, document: ErpDocument) -> dict[str, dict[str, int]]:
    """Apply the document's materials, workstations and people; counts per kind the document touched."""
    if not has_master_data(document):
        return {}
    changes = ChangeLog(uow.events)
    session = uow.session
    lines = _lines(uow, document)
    materials = _last(document.materials, lambda m: m.code)
    if materials:
        _materials(uow, changes, materials, document.file)
    stations = _last(document.equipment, lambda e: e.code)
    if stations:
        stored = _by(session, Workstation, Workstation.code, [e.code for e in stations])
        specs = [(e.parent, _workstation(e, stored.get(e.code))) for e in stations]
        load_workstations(session, changes, specs, lines)
    people = _last(document.people, lambda p: p.badge)
    if people:
        users = _by(session, User, User.badge, [p.badge for p in people])
        load_users(session, changes, [_user(p, users.get(p.badge)) for p in people], uow.now, document.file)
    counts = changes.summary("").counts
    return {
        kind: vars(counts[kind])
        for kind in REPORTED
        if counts[kind].created or counts[kind].updated or counts[kind].unchanged
    }


def _last(records: Iterable[Keyed], key: Any) -> list[Keyed]:
    """A record named twice in one document: the later one is what the ERP means."""
    return list({key(record): record for record in records}.values())


def _by(session: Any, model: Any, column: Any, codes: list[str]) -> dict[str, Any]:
    return {getattr(row, column.key): row for row in session.scalars(select(model).where(column.in_(codes)))}


def _lines(uow: UnitOfWork, document: ErpDocument) -> dict[str, Line]:
    """Every line the document names, which must all exist: lines are the plant file's."""
    named = [(ref.code, ref.code, ref.line) for ref in document.lines]
    named += [(e.code, e.parent, e.line) for e in document.equipment]
    lines = _by(uow.session, Line, Line.code, sorted({parent for _, parent, _ in named}))
    for equipment, parent, at in named:
        if parent not in lines:
            raise UnknownEntity(
                ERP_UNKNOWN_LINE.sentence(equipment=equipment, line=at, parent=parent), code=ERP_UNKNOWN_LINE
            )
    return lines


def _materials(uow: UnitOfWork, changes: ChangeLog, materials: list[MaterialData], source: str) -> None:
    stored = _by(uow.session, Material, Material.code, [m.code for m in materials])
    specs: list[tuple[str, MaterialSpec | ProductSpec]] = []
    for data in materials:
        record = stored.get(data.code)
        spec = _material(data, record)
        if record is not None and record.is_product:
            # A product made here stays one: the ERP's definition changes the material, not its routing.
            product = ProductSpec(
                **vars(spec), routing=(), bom=(), output_lot_at=record.output_lot_at, family=record.family
            )
            specs.append(("product", product))
        else:
            specs.append(("material", spec))
    written = load_materials(uow.session, changes, specs, source)
    for code in set(written) - set(stored):
        written[code].origin = ORIGIN  # created from the ERP, as the products its schedules bring
    uow.session.flush()


def _material(data: MaterialData, record: Material | None) -> MaterialSpec:
    unit = data.unit or (record.unit if record is not None else None)
    if unit is None:
        raise InvalidInput(
            ERP_MISSING.sentence(
                element="MaterialDefinition",
                line=data.line,
                what=f"unit for the new material {data.code} (a MaterialDefinitionProperty UnitOfMeasure)",
            ),
            code=ERP_MISSING,
        )
    return MaterialSpec(
        code=data.code,
        name=data.name or (record.name if record is not None else data.code),
        unit=unit,
        lot_controlled=_said(data.lot_controlled, record, "lot_controlled", True),
        serial_controlled=_said(data.serial_controlled, record, "serial_controlled", False),
        shelf_life_days=_said(data.shelf_life_days, record, "shelf_life_days", None),
        gtin=_said(data.gtin, record, "gtin", None),
    )


def _workstation(data: EquipmentData, record: Workstation | None) -> WorkstationSpec:
    return WorkstationSpec(
        code=data.code,
        name=data.name or (record.name if record is not None else data.code),
        micro_stop_seconds=_said(data.micro_stop_seconds, record, "micro_stop_seconds", None),
        badge_only=_said(data.badge_only, record, "badge_only", False),
        capacity=record.capacity if record is not None else 1,  # planning's, never the ERP's
    )


def _user(data: PersonData, record: User | None) -> UserSpec:
    stored_roles: tuple[str, ...]
    stored_skills: tuple[str, ...]
    if record is None:
        if data.name is None:
            _missing_for_new(data, "PersonName (the person's name)")
        if not data.roles:
            _missing_for_new(data, "PersonnelClassID (a role of the MES)")
        stored_name, stored_roles, stored_skills = data.badge, (), ()
    else:
        stored_name, stored_roles = record.name, tuple(record.role_names)
        stored_skills = tuple(sorted(q.code for q in record.qualifications))
    return UserSpec(
        badge=data.badge,
        name=data.name or stored_name,
        pin=None,  # the ERP never sets a PIN: the stored one stays
        roles=data.roles if data.roles is not None else stored_roles,
        qualifications=data.qualifications if data.qualifications is not None else stored_skills,
    )


def _missing_for_new(data: PersonData, what: str) -> None:
    raise InvalidInput(
        ERP_MISSING.sentence(element="Person", line=data.line, what=f"{what}, which a new person needs"),
        code=ERP_MISSING,
    )


def _said(value: Any, record: Any, column: str, default: Any) -> Any:
    """What the document says; else what is stored; else the plant file's default."""
    if value is not None:
        return value
    return getattr(record, column) if record is not None else default
