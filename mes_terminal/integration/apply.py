"""Apply one ERP document to the database: one transaction, through the same work as the commands.

New orders are made by `add_work_orders` (a batch at a time: what `add_work_order` and `release_order`
make of one order, in a few statements), changed by `edit_order`, lots received by `add_received_lot`:
the work of the CreateWorkOrder, ReleaseWorkOrder, EditWorkOrder and ReceiveLot handlers once their actor
may act. So an order from the ERP carries the same events as one typed in; the actor of its events is
"erp". Materials, workstations and people go through the plant
load's writers (master_data.py). A document is applied whole or not at all, and every
document, applied or refused, leaves a row in erp_messages.

Idempotency: each order remembers the request it came from (document ID, request ID, the hash of what
the request asks). The same request again changes nothing; a changed one updates an order nobody has
started and is refused, with a sentence, for one that has.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_UP, Decimal
from typing import Any

from sqlalchemy import Engine, String, bindparam, delete, insert, select, update
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from mes_terminal.db.bulk import insert_rows
from mes_terminal.db.engine import driver_message
from mes_terminal.db.records import (
    ErpMessage,
    ErpOrderSource,
    Line,
    Lot,
    Material,
    RoutingOperation,
    RoutingOperationStation,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.db.uow import EventLog, UnitOfWork
from mes_terminal.domain.error_codes import (
    ERP_BAD_VALUE,
    ERP_MISSING,
    ERP_ORDER_STARTED,
    ERP_UNKNOWN_PRODUCT,
    ERP_UNKNOWN_WORKSTATION,
    LOT_EXISTS,
)
from mes_terminal.domain.errors import (
    Conflict,
    DatabaseUnavailable,
    InvalidInput,
    InvalidState,
    MesError,
    UnknownEntity,
)
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import WorkOrderStatus
from mes_terminal.domain.work_orders import describe
from mes_terminal.integration.master_data import apply_master_data
from mes_terminal.integration.model import ErpDocument, LotSpec, OrderSpec, SegmentSpec
from mes_terminal.services.commands.handlers.expected_lots import announce_lot
from mes_terminal.services.commands.handlers.material import add_received_lot
from mes_terminal.services.commands.handlers.work_order_edits import edit_order
from mes_terminal.services.commands.handlers.work_orders import NewOrder, add_work_orders, release_order

log = logging.getLogger(__name__)

ACTOR = "erp"
ORIGIN = "erp"
DEFAULT_UNIT = "pcs"
_CODE_LIMIT = 64
_NAME_LIMIT = 200
_SMALLEST_CYCLE = Decimal("0.000001")
_BATCH = 500
# Built once: thousands of orders of one schedule run them (building a statement costs more than running it).
_ORDER_ID = select(WorkOrder.id).where(WorkOrder.number == bindparam("number")).scalar_subquery()
_DELETE_SOURCE = delete(ErpOrderSource).where(ErpOrderSource.work_order_id == _ORDER_ID)
_INSERT_SOURCE = insert(ErpOrderSource).from_select(
    ["work_order_id", "document", "request", "content_hash"],
    select(
        WorkOrder.id,
        bindparam("document", type_=String()),
        bindparam("request", type_=String()),
        bindparam("hash", type_=String()),
    ).where(WorkOrder.number == bindparam("number")),
)
# An order the ERP may still change: nothing has run on it yet.
_CHANGEABLE = (WorkOrderStatus.PLANNED, WorkOrderStatus.RELEASED, WorkOrderStatus.ON_HOLD)


@dataclass(frozen=True)
class _Existing:
    """An order of the document already in the database (id 0: created earlier in this document)."""

    id: int
    status: WorkOrderStatus
    product: str
    content_hash: str | None
    operations: list[int]


@dataclass
class Outcome:
    """One line of `mes-terminal erp import --json` (INTERFACES.md §3)."""

    file: str
    document: str | None
    kind: str
    ok: bool
    work_orders: list[dict[str, Any]] = field(default_factory=list)
    lots: list[dict[str, Any]] = field(default_factory=list)
    # Master data per kind (material, product, workstation, user): {"created", "updated", "unchanged"}.
    master_data: dict[str, dict[str, int]] = field(default_factory=dict)
    code: str | None = None
    message: str | None = None

    @property
    def changed(self) -> bool:
        """Whether applying it wrote anything."""
        rows = self.work_orders + self.lots
        return any(o["action"] != "unchanged" for o in rows) or any(
            counts["created"] or counts["updated"] for counts in self.master_data.values()
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "document": self.document,
            "kind": self.kind,
            "ok": self.ok,
            "work_orders": self.work_orders,
            "lots": self.lots,
            "master_data": self.master_data,
            "code": self.code,
            "message": self.message,
        }


def apply_document(
    engine: Engine, document: ErpDocument, *, now: datetime, requests: Iterable[OrderSpec] | None = None
) -> Outcome:
    """Apply `document` in one transaction; a refusal rolls it all back and is recorded on its own.

    `requests`, when given, are the document's requests as a stream is read (b2mml_read.B2mmlStream):
    they are applied a batch at a time, each batch's rows and events written and forgotten before the
    next is taken, so memory is bounded by a batch, not by the document. Otherwise `document.orders`."""
    try:
        with Session(engine) as session, session.begin():
            events = EventLog(occurred_at=now, recorded_at=now, actor=ACTOR, station=None, command_id=None)
            uow = UnitOfWork(session, events, now)
            applier = _Applier(uow, document)
            outcome = applier.run(document.orders if requests is None else requests)
            changed = outcome.changed
            message_id = _record(
                session, outcome, document.content_hash, "applied" if changed else "unchanged", now, path=document.file
            )
            name = _document_name(document)
            session.execute(
                update(ErpOrderSource)
                .where(ErpOrderSource.message_id.is_(None), ErpOrderSource.document.in_(applier.written_as | {name}))
                .values(message_id=message_id, document=name)
            )
            if changed:
                events.add(
                    "ErpDocumentApplied",
                    "erp_message",
                    message_id,
                    file=outcome.file,
                    document=outcome.document,
                    kind=outcome.kind,
                    work_orders=[o["number"] for o in outcome.work_orders],
                    lots=[lot["lot"] for lot in outcome.lots],
                    master_data=outcome.master_data,
                )
            events.write(session)
        return outcome
    except MesError as error:
        return refuse(
            engine,
            document.file,
            document.kind,
            error,
            now=now,
            document=document.document,
            content_hash=document.content_hash,
        )
    except (OperationalError, InterfaceError) as error:
        # The database is away: nothing was said about the document; the hot folder keeps it for later.
        away = DatabaseUnavailable(f"The database cannot be reached ({driver_message(error)}); nothing was saved.")
        return refuse(
            engine,
            document.file,
            document.kind,
            away,
            now=now,
            document=document.document,
            content_hash=document.content_hash,
        )
    except DBAPIError as error:
        log.warning("ERP document %s refused by the database", document.file, exc_info=True)
        refusal = Conflict(f"The database refused the document ({driver_message(error)}); nothing of it was saved.")
        return refuse(
            engine,
            document.file,
            document.kind,
            refusal,
            now=now,
            document=document.document,
            content_hash=document.content_hash,
        )


def refuse(
    engine: Engine,
    file: str,
    kind: str,
    error: MesError,
    *,
    now: datetime,
    document: str | None = None,
    content_hash: str | None = None,
) -> Outcome:
    """The outcome of a refused document, recorded in erp_messages (when the database takes it)."""
    outcome = Outcome(
        file=_name(file), document=document, kind=kind, ok=False, code=str(error.code), message=error.message
    )
    try:
        with Session(engine) as session, session.begin():
            _record(session, outcome, content_hash, "refused", now, path=file)
    except DBAPIError:
        log.warning("could not record the refusal of %s", file, exc_info=True)
    return outcome


def _document_name(document: ErpDocument) -> str:
    """The document's ID as its order sources hold it."""
    return (document.document or "")[:200]


def _name(file: str) -> str:
    return file.replace("\\", "/").rsplit("/", 1)[-1]


def _record(
    session: Session, outcome: Outcome, content_hash: str | None, status: str, now: datetime, *, path: str
) -> int:
    return int(
        session.execute(
            insert(ErpMessage).returning(ErpMessage.id),
            {
                "direction": "in",
                "kind": outcome.kind[:40] or "unknown",
                "file": path[-1000:],
                "document": (outcome.document or "")[:200] or None,
                "content_hash": content_hash,
                "status": status,
                "code": outcome.code,
                "message": outcome.message,
                "summary": outcome.to_json(),
                "recorded_at": now,
            },
        ).scalar_one()
    )


class _Applier:
    def __init__(self, uow: UnitOfWork, document: ErpDocument) -> None:
        self.uow = uow
        self.session = uow.session
        self.document = document
        self.notes: list[str] = []
        self.products: dict[str, tuple[Material | None, list[RoutingOperation]]] = {}
        self.existing: dict[str, _Existing] = {}
        self.pending: list[tuple[OrderSpec, NewOrder]] = []  # new orders not written yet
        self.master_data: dict[str, dict[str, int]] = {}
        self.master_applied = (0, 0, 0, 0)  # how many materials, equipment, lines, people are applied
        self.written_as: set[str] = set()  # the document names order sources were written with
        # The outcome's line of each order stays to the end (--json, erp_messages): as small as it can be.
        self.operation_lists: dict[tuple[int, ...], list[int]] = {}

    def run(self, requests: Iterable[OrderSpec]) -> Outcome:
        work_orders: list[dict[str, Any]] = []
        batch: list[OrderSpec] = []
        for spec in requests:
            batch.append(spec)
            if len(batch) >= _BATCH:
                self._orders(batch, work_orders)
                self.uow.events.write(self.session)  # the batch's events, before the next batch is read
                batch = []
        self._orders(batch, work_orders)  # its events go with the document's own, at the end
        self._master_data()  # what came after the last request (a document the schemas do not allow)
        lots = [self._lot(lot) for lot in self.document.lots]
        outcome = Outcome(
            file=_name(self.document.file),
            document=self.document.document,
            kind=self.document.kind,
            ok=True,
            work_orders=work_orders,
            lots=lots,
            master_data=self.master_data,
        )
        if self.notes:
            outcome.message = " ".join(self.notes)
        return outcome

    def _master_data(self) -> None:
        """The master data read and not applied yet: before any request after it, as the document says."""
        document = self.document
        applied = self.master_applied
        fresh = ErpDocument(
            file=document.file,
            kind=document.kind,
            materials=document.materials[applied[0] :],
            equipment=document.equipment[applied[1] :],
            lines=document.lines[applied[2] :],
            people=document.people[applied[3] :],
        )
        self.master_applied = (
            len(document.materials),
            len(document.equipment),
            len(document.lines),
            len(document.people),
        )
        for kind, counts in apply_master_data(self.uow, fresh).items():
            total = self.master_data.setdefault(kind, {})
            for action, count in counts.items():
                total[action] = total.get(action, 0) + count

    def _orders(self, batch: list[OrderSpec], lines: list[dict[str, Any]]) -> None:
        """One batch of requests applied, its rows and events written, and forgotten."""
        # Master data first: an order of the same document may name a material it defines.
        self._master_data()
        if not batch:
            return
        self._preload([spec.request for spec in batch])
        for spec in batch:
            lines.append(self._order(spec))
        self._write_pending()
        # What the database now holds answers for the next batches (a request twice in one document too).
        self.existing.clear()

    # --- work orders ------------------------------------------------------------------------------

    def _preload(self, numbers: list[str]) -> None:
        """The orders of the document that exist already, with their source and operations: few statements."""
        for first in range(0, len(numbers), _BATCH):
            batch = numbers[first : first + _BATCH]
            rows = self.session.execute(
                select(WorkOrder.id, WorkOrder.number, WorkOrder.status, Material.code, ErpOrderSource.content_hash)
                .join(Material, Material.id == WorkOrder.product_id)
                .outerjoin(ErpOrderSource, ErpOrderSource.work_order_id == WorkOrder.id)
                .where(WorkOrder.number.in_(batch))
            ).all()
            seqs: dict[int, list[int]] = {}
            for order_id, seq in self.session.execute(
                select(WorkOrderOperation.work_order_id, WorkOrderOperation.seq)
                .where(WorkOrderOperation.work_order_id.in_([row.id for row in rows]))
                .order_by(WorkOrderOperation.work_order_id, WorkOrderOperation.seq)
            ):
                seqs.setdefault(order_id, []).append(seq)
            for row in rows:
                self.existing[row.number] = _Existing(
                    row.id, WorkOrderStatus(row.status), row.code, row.content_hash, seqs.get(row.id, [])
                )

    def _product(self, code: str) -> tuple[Material | None, list[RoutingOperation]]:
        if code not in self.products:
            product = self.session.scalars(select(Material).where(Material.code == code)).one_or_none()
            self.products[code] = (product, self.uow.products.routing(product) if product is not None else [])
        return self.products[code]

    def _order(self, spec: OrderSpec) -> dict[str, Any]:
        _check_code(spec.request, "ID", spec.line)
        _check_code(spec.product, "MaterialDefinitionID", spec.line)
        order = self.existing.get(spec.request)
        if order is None:
            return self._create(spec)
        if order.content_hash == spec.content_hash:
            return _line(spec, order.operations, "unchanged")
        self._write_pending()  # the order may be one of them; and its events come after theirs
        locked = self.uow.work_orders.lock(spec.request)
        if self.uow.work_orders.work_started(locked) or locked.status not in _CHANGEABLE:
            raise InvalidState(
                ERP_ORDER_STARTED.sentence(request=spec.request, number=locked.number, status=describe(locked.status)),
                code=ERP_ORDER_STARTED,
            )
        if order.product != spec.product:
            raise InvalidState(
                Sentence(
                    "Request {request} now asks for product {product}, but work order {number} makes {made}; "
                    "a work order's product does not change. Cancel it and send a new request.",
                    request=spec.request,
                    product=spec.product,
                    number=locked.number,
                    made=order.product,
                ),
                code=ERP_ORDER_STARTED,
            )
        edit_order(self.uow, locked.number, None, quantity=spec.quantity, due=spec.due, priority=spec.priority)
        if spec.released and locked.status in (WorkOrderStatus.PLANNED, WorkOrderStatus.ON_HOLD):
            release_order(self.uow, locked.number, None, at=self.uow.now)
        self._remember(spec, replace=order.content_hash is not None)
        self.existing[spec.request] = _Existing(
            order.id, locked.status, order.product, spec.content_hash, order.operations
        )
        return _line(spec, order.operations, "updated")

    def _create(self, spec: OrderSpec) -> dict[str, Any]:
        product, routing = self._product(spec.product)
        if routing:
            self._match(spec, routing)
        else:
            self._write_pending()  # the product's event comes after the orders before it
            product = self._define(spec, product)
            self.products.pop(spec.product, None)
            product, routing = self._product(spec.product)
        assert product is not None  # _define made it
        new = NewOrder(spec.request, product, routing, spec.quantity, spec.due, spec.priority, spec.released)
        self.pending.append((spec, new))
        if len(self.pending) >= _BATCH:
            self._write_pending()
        seqs = tuple(step.seq for step in routing)
        operations = self.operation_lists.setdefault(seqs, list(seqs))  # one list for the orders of a routing
        # A request twice in one document: the second is compared with the first.
        self.existing[spec.request] = _Existing(0, WorkOrderStatus.PLANNED, spec.product, spec.content_hash, operations)
        return _line(spec, operations, "created")

    def _match(self, spec: OrderSpec, routing: list[RoutingOperation]) -> None:
        """The MES's routing applies; segments that match none of its operations are named."""
        names = {op.name.strip().lower() for op in routing}
        numbers = {str(op.seq) for op in routing}
        unmatched = []
        for segment in spec.segments:
            keys = {segment.id.lower(), (segment.process_segment or "").lower()}
            numeric = {str(int(k)) for k in keys if k.isdigit()}
            if not (keys & names or keys & numbers or numeric & numbers):
                unmatched.append(segment.id)
        if unmatched:
            self.notes.append(
                f"Request {spec.request}: segment{'s' if len(unmatched) > 1 else ''} {', '.join(unmatched)} "
                f"match{'' if len(unmatched) > 1 else 'es'} no operation of {spec.product}'s routing, which applies."
            )

    def _define(self, spec: OrderSpec, product: Material | None) -> Material:
        """An ERP-owned routing: the segments with equipment become the product's operations."""
        if not any(segment.equipment for segment in spec.segments):
            raise UnknownEntity(
                ERP_UNKNOWN_PRODUCT.sentence(request=spec.request, line=spec.line, product=spec.product),
                code=ERP_UNKNOWN_PRODUCT,
            )
        created = product is None
        if product is None:
            product = Material(
                code=spec.product,
                name=(spec.product_name or spec.product)[:_NAME_LIMIT],
                unit=(spec.unit or DEFAULT_UNIT)[:16],
                lot_controlled=True,
                is_product=True,
                origin=ORIGIN,
            )
            self.session.add(product)
        else:
            product.is_product = True
        self.session.flush()
        seqs = _operation_numbers(spec.segments)
        operations = []
        for seq, segment in zip(seqs, spec.segments, strict=True):
            if segment.equipment is None:
                raise InvalidInput(
                    ERP_MISSING.sentence(
                        element="SegmentRequirement", line=segment.line, what="EquipmentID (where the operation runs)"
                    ),
                    code=ERP_MISSING,
                )
            stations = self._stations(segment)
            setup = segment.setup_seconds or Decimal(0)
            operation = RoutingOperation(
                product_id=product.id,
                seq=seq,
                name=(segment.description or segment.process_segment or segment.id)[:_NAME_LIMIT],
                ideal_cycle_seconds=_cycle(segment, setup, spec.quantity),
                setup_minutes=(setup / 60).quantize(Decimal("0.000001")),
            )
            self.session.add(operation)
            self.session.flush()
            self.session.execute(
                insert(RoutingOperationStation),
                [{"routing_operation_id": operation.id, "workstation_id": s.id} for s in stations],
            )
            operations.append({"seq": seq, "name": operation.name, "workstations": [s.code for s in stations]})
        self.uow.events.add(
            "ProductRoutingFromErp",
            "material",
            product.code,
            created=created,
            origin=ORIGIN,
            request=spec.request,
            operations=operations,
        )
        return product

    def _stations(self, segment: SegmentSpec) -> list[Workstation]:
        station = self.session.scalars(
            select(Workstation).where(Workstation.code == segment.equipment, Workstation.active)
        ).one_or_none()
        if station is not None:
            return [station]
        line = self.session.scalars(select(Line).where(Line.code == segment.equipment)).one_or_none()
        stations = [s for s in line.workstations if s.active] if line is not None else []
        if not stations:
            raise UnknownEntity(
                ERP_UNKNOWN_WORKSTATION.sentence(segment=segment.id, line=segment.line, equipment=segment.equipment),
                code=ERP_UNKNOWN_WORKSTATION,
            )
        return stations

    def _write_pending(self) -> None:
        """The new orders collected so far, written together, each with the request it came from."""
        if not self.pending:
            return
        ids = add_work_orders(self.uow, [new for _, new in self.pending], at=self.uow.now)
        document = _document_name(self.document)
        self.written_as.add(document)
        insert_rows(
            self.session.connection(),
            ErpOrderSource,
            [
                {
                    "work_order_id": order_id,
                    "document": document,
                    "request": spec.request,
                    "content_hash": spec.content_hash,
                }
                for order_id, (spec, _) in zip(ids, self.pending, strict=True)
            ],
        )
        self.pending = []

    def _remember(self, spec: OrderSpec, *, replace: bool) -> None:
        document = _document_name(self.document)
        self.written_as.add(document)
        values = {
            "number": spec.request,
            "document": document,
            "request": spec.request,
            "hash": spec.content_hash,
        }
        connection = self.session.connection()
        if replace:
            connection.execute(_DELETE_SOURCE, values)
        connection.execute(_INSERT_SOURCE, values)

    # --- lots ---------------------------------------------------------------------------------------

    def _lot(self, spec: LotSpec) -> dict[str, Any]:
        _check_code(spec.lot, "ID", spec.line)
        existing = self.session.execute(
            select(Lot.id, Material.code).join(Material, Material.id == Lot.material_id).where(Lot.number == spec.lot)
        ).one_or_none()
        if existing is not None:
            if existing.code != spec.material:
                raise Conflict(LOT_EXISTS.sentence(lot=spec.lot), code=LOT_EXISTS)
            return _lot_line(spec, "unchanged")
        expected_at = spec.expected_at(self.uow.now)
        if expected_at is not None:
            action = announce_lot(
                self.uow,
                lot_number=spec.lot,
                material_code=spec.material,
                quantity=spec.quantity,
                expected_at=expected_at,
                supplier_lot=spec.supplier_lot[:64] if spec.supplier_lot else None,
                at=self.uow.now,
                by="ERP",
            )
            return _lot_line(spec, action)
        add_received_lot(
            self.uow,
            lot_number=spec.lot,
            material_code=spec.material,
            quantity=spec.quantity,
            expires=spec.expires,
            supplier_lot=spec.supplier_lot[:64] if spec.supplier_lot else None,
            at=self.uow.now,
            by="ERP",
        )
        return _lot_line(spec, "received")


def _line(spec: OrderSpec, operations: list[int], action: str) -> dict[str, Any]:
    return {
        "number": spec.request,
        "product": spec.product,
        "quantity": _plain(spec.quantity),
        "operations": operations,
        "action": action,
    }


def _lot_line(spec: LotSpec, action: str) -> dict[str, Any]:
    return {"lot": spec.lot, "material": spec.material, "quantity": _plain(spec.quantity), "action": action}


def _plain(quantity: Decimal) -> str:
    return f"{quantity.normalize():f}"


def _check_code(value: str, element: str, line: int) -> None:
    if len(value) > _CODE_LIMIT or any(ord(ch) < 32 for ch in value):
        raise InvalidInput(
            ERP_BAD_VALUE.sentence(
                element=element,
                line=line,
                value=value[:60],
                what=f"an identifier of at most {_CODE_LIMIT} printable characters",
            ),
            code=ERP_BAD_VALUE,
        )


def _operation_numbers(segments: tuple[SegmentSpec, ...]) -> list[int]:
    """Segment IDs that are distinct numbers ("0010", "20 ") are the operation numbers; else 10, 20, 30..."""
    numbers = [int(s.id) if s.id.isdigit() and len(s.id) <= 6 else 0 for s in segments]
    if all(n > 0 for n in numbers) and len(set(numbers)) == len(numbers):
        return numbers
    return [10 * (index + 1) for index in range(len(segments))]


def _cycle(segment: SegmentSpec, setup: Decimal, quantity: Decimal) -> Decimal:
    """The planned run time per piece: the segment's duration less its setup, over the quantity."""
    if segment.duration_seconds is None:
        raise InvalidInput(
            ERP_MISSING.sentence(element="SegmentRequirement", line=segment.line, what="Duration (the planned time)"),
            code=ERP_MISSING,
        )
    run = segment.duration_seconds - setup if segment.duration_seconds > setup else segment.duration_seconds
    cycle = (run / quantity).quantize(_SMALLEST_CYCLE, rounding=ROUND_UP)
    return max(cycle, _SMALLEST_CYCLE)
