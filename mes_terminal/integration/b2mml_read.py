"""B2MML documents in: V0600 ProductionSchedule (bare or in a Process/Sync BOD), V0700 OperationsSchedule
of OperationsType Production, MaterialInformation lots, and the master data of MaterialDefinition,
Equipment and Person (both versions; b2mml_master.py); found by namespace wherever they sit in an
envelope, read as a stream so a large file never lies in memory whole.

What the MES needs and the schemas leave optional (an order's ID, product, quantity and due time) is
checked here, and a refusal names the element and its line.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from mes_terminal.domain.error_codes import (
    ERP_NOT_PRODUCTION,
    ERP_UNKNOWN_DOCUMENT,
    ERP_UNKNOWN_NAMESPACE,
)
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.values import parse_quantity
from mes_terminal.integration import b2mml_master as master
from mes_terminal.integration.b2mml_values import bad as _bad
from mes_terminal.integration.b2mml_values import child as _child
from mes_terminal.integration.b2mml_values import clean as _clean
from mes_terminal.integration.b2mml_values import missing as _missing
from mes_terminal.integration.b2mml_values import text as _text
from mes_terminal.integration.model import (
    ErpDocument,
    LineReference,
    LotSpec,
    OrderSpec,
    SegmentSpec,
    Unreadable,
)
from mes_terminal.integration.safe_xml import DEFAULT_LIMIT, XmlStream, local, release

V0600 = "http://www.mesa.org/xml/B2MML-V0600"
V0700 = "http://www.mesa.org/xml/B2MML"
NAMESPACES = {V0600: "V0600", V0700: "V0700"}

# The document elements the import takes, by namespace, and the kind each becomes.
DOCUMENTS = {
    (V0600, "ProductionSchedule"): "production_schedule",
    (V0700, "OperationsSchedule"): "operations_schedule",
    (V0600, "MaterialInformation"): "material_information",
    (V0700, "MaterialInformation"): "material_information",
    **{(ns, "MaterialDefinition"): "material_definition" for ns in (V0600, V0700)},
    **{(ns, name): "equipment" for ns in (V0600, V0700) for name in ("Equipment", "EquipmentInformation")},
    **{(ns, name): "personnel" for ns in (V0600, V0700) for name in ("Person", "PersonnelInformation")},
}
# Master-data records: a document of their own, or the children of an *Information document.
_RECORDS = {"MaterialDefinition", "Equipment", "Person"}
# BODs that carry a document to act on; Get, Show, Cancel... of a schedule are not schedules to apply.
_CARRIERS = {
    f"{verb}{noun}"
    for verb in ("Process", "Sync")
    for noun in (
        "ProductionSchedule",
        "OperationsSchedule",
        "MaterialInformation",
        "MaterialDefinition",
        "Equipment",
        "EquipmentInformation",
        "Person",
        "PersonnelInformation",
    )
}
_BOD_PARTS = {"DataArea", "Process", "Sync", "ApplicationArea"}
_REQUEST = {V0600: "ProductionRequest", V0700: "OperationsRequest"}
_CHILD_SEGMENT = {V0600: "SegmentRequirement", V0700: "SegmentRequirementChild"}
_PRODUCED_USES = {"produced", "material produced", "yield produced"}
_SETUP_IDS = {"setuptime", "setup", "setup_time"}
_EXPIRY_IDS = {"expirationdate", "expirydate", "expiry", "bestbeforedate", "expires"}
_SUPPLIER_LOT_IDS = {"supplierlotid", "supplierlot", "vendorlot", "vendorlotid"}
_AVAILABLE_IDS = {"expecteddate", "expectedreceiptdate", "expectedarrival", "availablefrom", "deliverydate"}
# A lot's Status for one that is on its way, compared without case, spaces, hyphens or underscores.
_ANNOUNCED = {"expected", "planned", "intransit", "ordered", "announced", "notreceived"}
_MAX_PRIORITY = 1_000_000
_DURATION = re.compile(
    r"^P(?:(?P<days>\d+(?:\.\d+)?)D)?(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$"
)
_UNIT_SECONDS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "seconds": 1,
    "min": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hour": 3600,
    "hours": 3600,
}


def read_b2mml(path: Path, *, limit: int = DEFAULT_LIMIT) -> ErpDocument:
    """The one B2MML document in `path`, or `InvalidInput` with the sentence of what is wrong."""
    stream = XmlStream(path, limit=limit)
    reader = _Reader(path.name)
    for event, element in stream:
        reader.take(event, element)
    return reader.finish(stream.sha256)


class B2mmlStream:
    """The B2MML document in `path`, its requests handed out as they are read so the import holds a batch
    of them, never the document: `for spec in stream.requests(): ...`.

    `document` fills in as the file is read: its kind and ID (which come before the requests in any
    document the schemas allow), master data and lots (kept: they are few), and, once `requests()` has
    run to the end, the hash of the file; its `orders` stay empty. Anything wrong with the file, found
    wherever it lies, raises `Unreadable` with the sentence `read_b2mml` would have raised.
    """

    def __init__(self, path: Path, *, limit: int = DEFAULT_LIMIT) -> None:
        self.path = path
        self._stream = XmlStream(path, limit=limit)
        self._reader = _Reader(path.name)
        self._reader.orders = []  # drained as read: the document's list stays empty
        self.document = self._reader.document

    def requests(self) -> Generator[OrderSpec, None, None]:
        reader = self._reader
        try:
            for event, element in self._stream:
                reader.take(event, element)
                if reader.orders:
                    yield from reader.orders
                    reader.orders.clear()
            reader.finish(self._stream.sha256)
        except InvalidInput as error:
            raise Unreadable(error) from None
        except OSError as error:
            cannot = InvalidInput(f"Cannot read {self.path.name}: {error.strerror or error}.")
            raise Unreadable(cannot) from None


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.root: tuple[str, str, int] | None = None
        self.doc: Any = None
        self.ns = ""
        self.document = ErpDocument(file=file, kind="")
        self.orders = self.document.orders  # where each request goes once read
        self.bod_id: str | None = None
        self.first_record: str | None = None
        self.schedule_end: datetime | None = None

    def take(self, event: str, element: Any) -> None:
        # Most elements lie deep inside a request and are read with it: they are passed over first, cheaply.
        if event == "start":
            if self.doc is None:
                ns, name = local(element.tag)
                if self.root is None:
                    self.root = (ns, name, element.sourceline or 1)
                self._before_document(ns, name, element)
            return
        if self.doc is None:
            ns, name = local(element.tag)
            if ns in NAMESPACES and name == "BODID":
                self.bod_id = _clean(element.text)
            return
        if element is self.doc:  # a BOD may carry several schedules: they are one document together
            name = local(element.tag)[1]
            if name in _RECORDS:
                self._record(name, element)
            self.doc = None
            release(element)
            return
        parent = element.getparent()
        if parent is not self.doc:
            return
        ns, name = local(element.tag)
        if ns != self.ns or local(parent.tag)[1] in _RECORDS:
            return
        if name in _RECORDS:
            self._record(name, element)
            release(element)
        elif name == _REQUEST.get(ns):
            self.orders.append(_order(element, ns, self.schedule_end))
            release(element)
        elif name == "MaterialLot":
            self.document.lots.append(_lot(element, ns))
            release(element)
        elif name == "ID":
            self.document.document = _clean(element.text)
        elif name == "EndTime":
            self.schedule_end = _time(element)
        elif name == "OperationsType" and (_clean(element.text) or "") != "Production":
            raise InvalidInput(
                ERP_NOT_PRODUCTION.sentence(element=name, line=element.sourceline, kind=_clean(element.text) or ""),
                code=ERP_NOT_PRODUCTION,
            )

    def _record(self, name: str, element: Any) -> None:
        if name == "MaterialDefinition":
            self.document.materials.append(master.material(element, self.ns))
        elif name == "Person":
            self.document.people.append(master.person(element, self.ns))
        else:
            for found in master.equipment(element, self.ns):
                if isinstance(found, LineReference):
                    self.document.lines.append(found)
                else:
                    self.document.equipment.append(found)
        if self.first_record is None:
            self.first_record = _text(element, self.ns, "ID")

    def _before_document(self, ns: str, name: str, element: Any) -> None:
        if ns not in NAMESPACES:
            if ns.startswith("http://www.mesa.org/xml/B2MML"):  # another version: say which
                self._unknown_namespace(ns, name, element.sourceline)
            return
        kind = DOCUMENTS.get((ns, name))
        if kind is not None:
            self.doc, self.ns = element, ns
            self.document.kind = self.document.kind or kind
            return
        if name in _CARRIERS or name in _BOD_PARTS or _inside(element, "ApplicationArea"):
            return
        raise InvalidInput(
            ERP_UNKNOWN_DOCUMENT.sentence(file=self.file, element=name, line=element.sourceline),
            code=ERP_UNKNOWN_DOCUMENT,
        )

    def _unknown_namespace(self, ns: str, name: str, line: int) -> None:
        raise InvalidInput(
            ERP_UNKNOWN_NAMESPACE.sentence(file=self.file, element=name, namespace=ns, line=line),
            code=ERP_UNKNOWN_NAMESPACE,
        )

    def finish(self, sha256: str) -> ErpDocument:
        if not self.document.kind:
            ns, name, line = self.root or ("", "", 1)
            self._unknown_namespace(ns, name, line)
        self.document.content_hash = sha256
        if self.document.document is None:
            self.document.document = self.bod_id or self.first_record
        return self.document


def _inside(element: Any, name: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if local(parent.tag)[1] == name:
            return True
        parent = parent.getparent()
    return False


# --- one request ----------------------------------------------------------------------------------


def _order(request: Any, ns: str, schedule_end: datetime | None) -> OrderSpec:
    line = request.sourceline
    name = local(request.tag)[1]
    number = _text(request, ns, "ID")
    if not number:
        _missing(name, line, "ID (the work order number)")
    segments = list(_segments(request, ns))
    product, product_name, quantity, unit = _produced(request, ns)
    if product is None:
        product = _text_anywhere(request, ns, "ProductProductionRuleID")
        if product is None and ns == V0700:
            product = _text(request, ns, "OperationsDefinitionID")
        top = _child(request, ns, "SegmentRequirement")
        if product is None and top is not None:
            product = _text(top, ns, "ProductSegmentID" if ns == V0600 else "OperationsDefinitionID")
    if not product:
        _missing(
            name,
            line,
            "product (MaterialRequirement with MaterialUse Produced, ProductProductionRuleID or ProductSegmentID)",
        )
    if quantity is None:
        _missing(name, line, "quantity to produce (the Quantity of the produced material)")
    due = _time(_child(request, ns, "EndTime"))
    if due is None:
        ends = [t for t in (_time(e) for e in request.iter(f"{{{ns}}}LatestEndTime")) if t is not None]
        due = max(ends) if ends else schedule_end
    if due is None:
        _missing(name, line, "EndTime (the due time)")
    priority = 0
    priority_element = _child(request, ns, "Priority")
    if priority_element is not None and _clean(priority_element.text):
        priority = _priority(priority_element)
    state = _text(request, ns, "RequestState")
    return OrderSpec(
        request=number,  # type: ignore[arg-type]  # _missing raised when empty
        line=line,
        product=product,  # type: ignore[arg-type]
        product_name=product_name,
        quantity=quantity,  # type: ignore[arg-type]
        unit=unit,
        due=due,  # type: ignore[arg-type]
        priority=priority,
        released=(state or "").lower() == "released",
        segments=tuple(segments),
    )


def _produced(request: Any, ns: str) -> tuple[str | None, str | None, Decimal | None, str | None]:
    """The first produced material in document order: its code, description, quantity and unit."""
    for element in request.iter(f"{{{ns}}}MaterialProducedRequirement", f"{{{ns}}}MaterialRequirement"):
        if local(element.tag)[1] == "MaterialRequirement":
            use = (_text(element, ns, "MaterialUse") or "").lower()
            if use not in _PRODUCED_USES:
                continue
        code = _text(element, ns, "MaterialDefinitionID")
        quantity_element = _child(element, ns, "Quantity")
        quantity = unit = None
        if quantity_element is not None:
            quantity = _quantity(_child(quantity_element, ns, "QuantityString"), quantity_element)
            unit = _text(quantity_element, ns, "UnitOfMeasure")
        return code, _text(element, ns, "Description"), quantity, unit
    return None, None, None, None


def _segments(parent: Any, ns: str) -> Iterator[SegmentSpec]:
    """The segments in document order, nested ones flattened; a segment that only groups others is no operation."""
    for segment in parent.iterchildren(f"{{{ns}}}SegmentRequirement", f"{{{ns}}}{_CHILD_SEGMENT[ns]}"):
        children = [c for c in segment.iterchildren(f"{{{ns}}}SegmentRequirement", f"{{{ns}}}{_CHILD_SEGMENT[ns]}")]
        equipment = _equipment(segment, ns)
        if not children or equipment is not None:
            yield _segment(segment, ns, equipment)
        yield from _segments(segment, ns)


def _segment(segment: Any, ns: str, equipment: str | None) -> SegmentSpec:
    line = segment.sourceline
    process_segment = _text(segment, ns, "ProcessSegmentID")
    segment_id = _text(segment, ns, "ID") or process_segment
    if not segment_id:
        _missing(local(segment.tag)[1], line, "ID")
    duration_element = _child(segment, ns, "Duration")
    duration = _duration(duration_element) if duration_element is not None and _clean(duration_element.text) else None
    return SegmentSpec(
        id=segment_id,  # type: ignore[arg-type]
        line=line,
        process_segment=process_segment,
        description=_text(segment, ns, "Description"),
        equipment=equipment,
        duration_seconds=duration,
        setup_seconds=_setup(segment, ns),
    )


def _equipment(segment: Any, ns: str) -> str | None:
    for requirement in segment.iterchildren(f"{{{ns}}}EquipmentRequirement"):
        code = _text(requirement, ns, "EquipmentID")
        if code:
            return code
    return None


def _setup(segment: Any, ns: str) -> Decimal | None:
    """The SetupTime parameter: an xsd:duration, or a number in the unit given (minutes without one)."""
    if ns == V0600:
        parameters = [
            p
            for holder in segment.iterchildren(f"{{{ns}}}ProductionParameter")
            for p in holder.iterchildren(f"{{{ns}}}Parameter")
        ]
    else:
        parameters = list(segment.iterchildren(f"{{{ns}}}SegmentParameter"))
    for parameter in parameters:
        if (_text(parameter, ns, "ID") or "").lower() not in _SETUP_IDS:
            continue
        value = _child(parameter, ns, "Value")
        text_element = _child(value, ns, "ValueString") if value is not None else None
        if text_element is None or not _clean(text_element.text):
            return None
        if (_clean(text_element.text) or "").startswith("P"):
            return _duration(text_element)
        unit = (_text(value, ns, "UnitOfMeasure") or "min").lower()
        factor = _UNIT_SECONDS.get(unit)
        if factor is None:
            _bad(text_element, f"{text_element.text} {unit}", "a time in seconds, minutes or hours")
            return None
        return _quantity(text_element, text_element, positive=False) * factor
    return None


# --- one lot --------------------------------------------------------------------------------------


def _lot(lot: Any, ns: str) -> LotSpec:
    line = lot.sourceline
    number = _text(lot, ns, "ID")
    if not number:
        _missing("MaterialLot", line, "ID (the lot number)")
    material = _text(lot, ns, "MaterialDefinitionID")
    if not material:
        _missing("MaterialLot", line, "MaterialDefinitionID")
    quantity_element = _child(lot, ns, "Quantity")
    if quantity_element is None:
        _missing("MaterialLot", line, "Quantity")
    quantity = _quantity(_child(quantity_element, ns, "QuantityString"), quantity_element)
    expires: date | None = None
    supplier_lot: str | None = None
    end = _child(lot, ns, "EffectiveEndDate")  # V0700: the end of the lot's use
    if end is not None and _clean(end.text):
        expires = _date(end)
    available_from = _time(_child(lot, ns, "EffectiveStartDate"))  # V0700: the start of the lot's use
    for prop in lot.iterchildren(f"{{{ns}}}MaterialLotProperty"):
        key = (_text(prop, ns, "ID") or "").lower()
        value = _child(prop, ns, "Value")
        value_text = _child(value, ns, "ValueString") if value is not None else None
        if value_text is None or not _clean(value_text.text):
            continue
        if key in _EXPIRY_IDS:
            expires = _date(value_text)
        elif key in _SUPPLIER_LOT_IDS:
            supplier_lot = _clean(value_text.text)
        elif key in _AVAILABLE_IDS:
            available_from = _time(value_text)
    status = re.sub(r"[\s_-]", "", _text(lot, ns, "Status") or "").lower()
    announced = status in _ANNOUNCED
    if announced and available_from is None:
        _missing("MaterialLot", line, "EffectiveStartDate or an ExpectedDate property (when the expected lot arrives)")
    return LotSpec(
        lot=number,  # type: ignore[arg-type]
        line=line,
        material=material,  # type: ignore[arg-type]
        quantity=quantity,
        unit=_text(quantity_element, ns, "UnitOfMeasure"),
        expires=expires,
        supplier_lot=supplier_lot,
        announced=announced,
        available_from=available_from,
    )


# --- values ---------------------------------------------------------------------------------------


def _text_anywhere(element: Any, ns: str, name: str) -> str | None:
    for child in element.iter(f"{{{ns}}}{name}"):
        if _clean(child.text):
            return _clean(child.text)
    return None


def _quantity(element: Any, owner: Any, *, positive: bool = True) -> Decimal:
    """QuantityString as a Decimal: "1000", "250.5" and "0.4E1" alike, never a float."""
    if element is None or not _clean(element.text):
        _missing(local(owner.tag)[1], owner.sourceline, "QuantityString")
    text = _clean(element.text) or ""
    try:
        number = parse_quantity(text, "quantity", allow_zero=not positive)
    except InvalidInput:
        _bad(
            element,
            text,
            "a quantity (a number above zero with at most six decimals)" if positive else "a number of zero or more",
        )
    return number + 0  # a plain value: 0.4E1 becomes 4


def _time(element: Any) -> datetime | None:
    if element is None or not _clean(element.text):
        return None
    text = _clean(element.text) or ""
    try:
        value = datetime.fromisoformat(text.replace("z", "Z"))
        # A time without an offset is taken as UTC, as B2MML's xsd:dateTime leaves it to the parties.
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (ValueError, OverflowError):
        _bad(element, text, "a date and time (2026-12-08T14:00:00Z)")
    raise AssertionError("unreachable")


def _date(element: Any) -> date:
    text = _clean(element.text) or ""
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        _bad(element, text, "a date (2026-12-31)")
    raise AssertionError("unreachable")


def _duration(element: Any) -> Decimal:
    """xsd:duration in seconds; years and months are refused (their length depends on the calendar)."""
    text = _clean(element.text) or ""
    match = _DURATION.match(text)
    if match is None or text in ("P", "PT") or text.endswith("T"):
        _bad(element, text, "a duration such as PT2H30M")
    parts = {name: Decimal(value) for name, value in match.groupdict().items() if value}  # type: ignore[union-attr]
    seconds = (
        parts.get("days", Decimal(0)) * 86400
        + parts.get("hours", Decimal(0)) * 3600
        + parts.get("minutes", Decimal(0)) * 60
        + parts.get("seconds", Decimal(0))
    )
    if seconds > Decimal(10) ** 9:
        _bad(element, text, "a duration the MES can plan with")
    return seconds


def _priority(element: Any) -> int:
    text = _clean(element.text) or ""
    try:
        number = Decimal(text)
    except InvalidOperation:
        _bad(element, text, "a whole number")
    if not number.is_finite() or number != number.to_integral_value() or abs(number) > _MAX_PRIORITY:
        _bad(element, text, f"a whole number up to {_MAX_PRIORITY}")
    return int(number)
