"""B2MML master data in: MaterialDefinition, Equipment and Person (V0600 and V0700), as plain values.

Each value is checked by the same readers the plant file uses (domain/plant_values.py): a code, a name,
a unit or a GTIN the plant file would refuse is refused here too, naming the element and its line.
What the document does not say is None: the applier leaves the stored value (or the plant file's
default) for it. A property the MES does not know refuses the document: silently dropping what the ERP
meant to set would leave the two systems disagreeing without anyone knowing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from mes_terminal.domain.error_codes import ERP_UNKNOWN_PROPERTY
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.plant_values import ROLES, gtin, name, unit, whole
from mes_terminal.domain.values import parse_code
from mes_terminal.integration.b2mml_values import bad, child, clean, missing, text
from mes_terminal.integration.model import EquipmentData, LineReference, MaterialData, PersonData
from mes_terminal.integration.safe_xml import local

V0600 = "http://www.mesa.org/xml/B2MML-V0600"

# ISA-95's role-based equipment hierarchy: work centers hold work units. The MES has lines (work
# centers) holding workstations (work units); enterprise, site and area only group them.
LINE_LEVELS = {"workcenter", "productionline", "processcell", "productionunit"}
STATION_LEVELS = {"workunit", "workcell", "unit"}
GROUP_LEVELS = {"enterprise", "site", "area"}
MAX_SHELF_LIFE_DAYS = 100 * 366  # as the plant file
MAX_MICRO_STOP_SECONDS = 24 * 3600

# Property IDs the MES knows, compared without case, spaces, "_" or "-"; each names a field.
MATERIAL_PROPERTIES = {
    "unit": "unit",
    "unitofmeasure": "unit",
    "baseunit": "unit",
    "baseunitofmeasure": "unit",
    "uom": "unit",
    "lotcontrolled": "lot_controlled",
    "lotcontrol": "lot_controlled",
    "batchmanaged": "lot_controlled",
    "serialcontrolled": "serial_controlled",
    "serialcontrol": "serial_controlled",
    "serialized": "serial_controlled",
    "shelflifedays": "shelf_life_days",
    "shelflife": "shelf_life_days",
    "gtin": "gtin",
    "ean": "gtin",
}
EQUIPMENT_PROPERTIES = {
    "microstopseconds": "micro_stop_seconds",
    "microstop": "micro_stop_seconds",
    "badgeonly": "badge_only",
}
PERSON_PROPERTIES = {
    "badge": "badge",
    "badgeid": "badge",
    "badgenumber": "badge",
    "qualification": "qualifications",
    "qualifications": "qualifications",
}
_TRUE = {"true", "1", "yes", "y"}
_FALSE = {"false", "0", "no", "n"}
_DAYS = {None: 1, "d": 1, "day": 1, "days": 1, "wk": 7, "week": 7, "weeks": 7}
_SECONDS = {None: 1, "s": 1, "sec": 1, "second": 1, "seconds": 1, "min": 60, "minute": 60, "minutes": 60}
_KEY = re.compile(r"[^a-z0-9]")

T = TypeVar("T")


# --- materials ------------------------------------------------------------------------------------


def material(element: Any, ns: str) -> MaterialData:
    line = element.sourceline
    code = _code(element, ns, "MaterialDefinition")
    fields: dict[str, Any] = {}
    for field, value in _properties(element, ns, "MaterialDefinitionProperty", MATERIAL_PROPERTIES):
        if field == "unit":
            fields[field] = _checked(unit, value, 'a unit such as "pcs", "kg" or "mm" (at most 16 characters)')
        elif field in ("lot_controlled", "serial_controlled"):
            fields[field] = _flag(value)
        elif field == "shelf_life_days":
            fields[field] = _scaled(value, ns, _DAYS, MAX_SHELF_LIFE_DAYS, "a whole number of days", minimum=1)
        else:
            fields[field] = _read(
                gtin, _gtin14(value), value, "a GTIN (8, 12, 13 or 14 digits with a correct check digit)"
            )
    return MaterialData(code=code, line=line, name=_description(element, ns), **fields)


def _gtin14(value: Any) -> str:
    """EAN-8, UPC-A and EAN-13 are GTINs too; the MES keeps every GTIN as 14 digits."""
    digits = clean(value.text) or ""
    if digits.isascii() and digits.isdigit() and len(digits) in (8, 12, 13):
        return digits.zfill(14)
    return digits


# --- equipment ------------------------------------------------------------------------------------


def equipment(element: Any, ns: str, parent: str | None = None) -> Iterator[EquipmentData | LineReference]:
    """The equipment and the equipment nested in it, in document order: workstations and the lines they name."""
    line = element.sourceline
    code = _code(element, ns, "Equipment")
    level = _level(element, ns)
    scope = _scope_line(element, ns, code)
    if level in LINE_LEVELS:
        yield LineReference(code=code, line=line)
        parent = code
    elif level in GROUP_LEVELS:
        parent = None
    else:
        parent = scope or parent
        if parent is None:
            missing(
                "Equipment",
                line,
                "line (give its EquipmentLevel, nest it in the Equipment of its ProductionLine or name the line "
                "in its HierarchyScope)",
            )
        fields: dict[str, Any] = {}
        for field, value in _properties(element, ns, "EquipmentProperty", EQUIPMENT_PROPERTIES):
            if field == "badge_only":
                fields[field] = _flag(value)
            else:
                fields[field] = _scaled(value, ns, _SECONDS, MAX_MICRO_STOP_SECONDS, "a whole number of seconds")
        yield EquipmentData(code=code, line=line, parent=parent, name=_description(element, ns), **fields)  # type: ignore[arg-type]
    for nested in element.iterchildren(f"{{{ns}}}{'Equipment' if ns == V0600 else 'EquipmentChild'}"):
        if level not in LINE_LEVELS and level not in GROUP_LEVELS:
            bad(nested, text(nested, ns, "ID"), "equipment the MES knows: a workstation holds no equipment of its own")
        yield from equipment(nested, ns, parent)


def _level(element: Any, ns: str) -> str | None:
    """The equipment's level, lower case; V0600 carries it inside a HierarchyScope-shaped EquipmentLevel."""
    holder = child(element, ns, "EquipmentLevel")
    if holder is None:
        return None
    found = child(holder, ns, "EquipmentElementLevel") if ns == V0600 else holder
    if found is None or not clean(found.text):
        return None
    value = clean(found.text) or ""
    level = value.lower()
    if level == "other":
        level = (found.get("OtherValue") or "").strip().lower().replace(" ", "")
    if level not in LINE_LEVELS | STATION_LEVELS | GROUP_LEVELS:
        bad(found, value, "a level the MES has: a ProductionLine or WorkCenter (a line), a WorkCell or WorkUnit")
    return level


def _scope_line(element: Any, ns: str, own: str) -> str | None:
    """The line named in the equipment's HierarchyScope: the scope entry at a line's level."""
    scope = child(element, ns, "HierarchyScope")
    nested = "HierarchyScope" if ns == V0600 else "HierarchyScopeChild"
    while scope is not None:
        level_element = child(scope, ns, "EquipmentElementLevel")
        if level_element is None:
            level_element = child(scope, ns, "EquipmentLevel")
        level = (clean(level_element.text) if level_element is not None else None) or ""
        scoped = text(scope, ns, "EquipmentID")
        if level.lower() in LINE_LEVELS and scoped and scoped != own:
            return _checked(parse_code, child(scope, ns, "EquipmentID"), _CODE)
        scope = child(scope, ns, nested)
    return None


# --- people ---------------------------------------------------------------------------------------


def person(element: Any, ns: str) -> PersonData:
    line = element.sourceline
    person_id = _code(element, ns, "Person")
    badge = person_id
    qualifications: list[str] | None = None
    for field, value in _properties(element, ns, "PersonProperty", PERSON_PROPERTIES, every=True):
        if field == "badge":
            badge = _checked(parse_code, value, _CODE)
        else:
            qualifications = qualifications or []
            for part in (clean(value.text) or "").split(","):
                code = _read(parse_code, part, value, _CODE)
                if code not in qualifications:
                    qualifications.append(code)
    roles: list[str] | None = None
    for role_element in element.iterchildren(f"{{{ns}}}PersonnelClassID"):
        role = (clean(role_element.text) or "").lower()
        if role not in ROLES:
            bad(role_element, role_element.text, f"a role of the MES ({', '.join(ROLES)})")
        roles = roles or []
        if role not in roles:
            roles.append(role)
    person_name = child(element, ns, "PersonName")
    said = _checked(name, person_name, _NAME) if person_name is not None and clean(person_name.text) else None
    return PersonData(
        badge=badge,
        line=line,
        name=said or _description(element, ns),
        roles=tuple(roles) if roles is not None else None,
        qualifications=tuple(qualifications) if qualifications is not None else None,
    )


# --- values ---------------------------------------------------------------------------------------

_CODE = "a code of letters, digits, '.', '_', '/' or '-' (at most 64)"
_NAME = "a name of at most 200 characters on one line"
_GTIN = "a GTIN (8, 12, 13 or 14 digits with a correct check digit)"


def _code(element: Any, ns: str, what: str) -> str:
    found = child(element, ns, "ID")
    if found is None or not clean(found.text):
        missing(what, element.sourceline, "ID")
    return _checked(parse_code, found, _CODE)


def _description(element: Any, ns: str) -> str | None:
    found = child(element, ns, "Description")
    if found is None or not clean(found.text):
        return None
    return _checked(name, found, _NAME)


def _checked(read: Callable[[object, str], T], element: Any, what: str) -> T:
    """`element`'s text through a plant-file reader; its refusal worded for the ERP document."""
    return _read(read, element.text or "", element, what)


def _read(read: Callable[[object, str], T], value: object, element: Any, what: str) -> T:
    try:
        return read(value, local(element.tag)[1])
    except InvalidInput:
        bad(element, str(value), what)
    raise AssertionError("unreachable")


def _flag(value: Any) -> bool:
    said = (clean(value.text) or "").lower()
    if said in _TRUE:
        return True
    if said not in _FALSE:
        bad(value, value.text, "true or false")
    return False


def _scaled(value: Any, ns: str, units: dict[str | None, int], maximum: int, what: str, *, minimum: int = 0) -> int:
    """A whole number in the unit its Value gives (days or weeks; seconds or minutes)."""
    unit_text = text(value.getparent(), ns, "UnitOfMeasure")
    factor = units.get(unit_text.lower() if unit_text else None)
    said = clean(value.text) or ""
    if factor is None or not said.isascii() or not said.isdigit() or len(said) > 12:
        bad(value, f"{said} {unit_text or ''}".strip(), what)
    number = int(said) * (factor or 1)
    return _read(whole(minimum, maximum), number, value, f"{what} from {minimum} to {maximum}")


def _properties(
    element: Any, ns: str, tag: str, known: dict[str, str], *, every: bool = False
) -> Iterator[tuple[str, Any]]:
    """(field, ValueString element) for each property: every Value with `every`, else the first."""
    for prop in element.iterchildren(f"{{{ns}}}{tag}"):
        key_element = child(prop, ns, "ID")
        said = clean(key_element.text) if key_element is not None else None
        if said is None:
            missing(tag, prop.sourceline, "ID")
        field = known.get(_KEY.sub("", (said or "").lower()))
        if field is None:
            raise InvalidInput(
                ERP_UNKNOWN_PROPERTY.sentence(
                    element=tag,
                    property=(said or "")[:60],
                    line=prop.sourceline,
                    known=", ".join(sorted({_SPELLED[field] for field in known.values()})),
                ),
                code=ERP_UNKNOWN_PROPERTY,
            )
        strings = [child(v, ns, "ValueString") for v in prop.iterchildren(f"{{{ns}}}Value")]
        strings = [s for s in strings if s is not None and clean(s.text)]
        if not strings:
            missing(tag, prop.sourceline, f"Value/ValueString for {said}")
        for string in strings if every else strings[:1]:
            yield field, string


_SPELLED = {
    "unit": "UnitOfMeasure",
    "lot_controlled": "LotControlled",
    "serial_controlled": "SerialControlled",
    "shelf_life_days": "ShelfLifeDays",
    "gtin": "GTIN",
    "micro_stop_seconds": "MicroStopSeconds",
    "badge_only": "BadgeOnly",
    "badge": "Badge",
    "qualifications": "Qualification",
}
