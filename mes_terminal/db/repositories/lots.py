"""What the material handlers read, lock and change: lots, BOM lines as they stand, output lots."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, case, func, insert, select, true, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.attributes import set_committed_value

from mes_terminal.db.records import (
    BomLine,
    BomSubstitute,
    Consumption,
    ExpectedLot,
    GenealogyLink,
    Lot,
    Material,
    Site,
    WorkOrder,
    WorkOrderOperation,
)
from mes_terminal.domain.clock import site_date
from mes_terminal.domain.error_codes import (
    AMBIGUOUS_LOT,
    LOT_NOT_ARRIVED,
    LOT_NOT_ENOUGH,
    NO_SITE,
    UNKNOWN_GTIN,
    UNKNOWN_LOT,
)
from mes_terminal.domain.errors import Conflict, InvalidState, MesError, UnknownEntity
from mes_terminal.domain.materials import BomNeed, LotFacts, Picking
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import LotStatus


@dataclass(frozen=True)
class LockedLot:
    """A lot's row locked for the rest of the transaction, with what the rules need to know of it."""

    id: int
    material_id: int
    number: str
    facts: LotFacts


@dataclass(frozen=True)
class ScanLocks:
    """What a scan into a job locks and reads before its rules run."""

    order: WorkOrder
    operation: WorkOrderOperation
    lot: LockedLot
    first_in_line: LotFacts | None  # the usable lot of the same material the picking rule puts first
    output: tuple[int, str] | None  # the order's output lot (id, number), once it exists


_LOCK_LOT = (
    select(
        Lot.id,
        Lot.material_id,
        Lot.number,
        Lot.status,
        Lot.quantity,
        Lot.expires_on,
        Lot.created_at,
        Material.code,
        Material.unit,
    )
    .join(Material, Material.id == Lot.material_id)
    .where(Lot.number == bindparam("number"))
    .with_for_update(of=Lot)
)
_OTHER = aliased(Lot, name="other_lot")


def _first_in_line(material_id: Any, lot_id: Any, today: Any, picking: Picking) -> Select:
    """The usable lot of `material_id` other than `lot_id` that the picking rule puts first (a query of
    `_OTHER`'s columns, to be narrowed)."""
    usable = select(_OTHER.number, _OTHER.status, _OTHER.quantity, _OTHER.expires_on, _OTHER.created_at).where(
        _OTHER.material_id == material_id,
        _OTHER.id != lot_id,
        _OTHER.status == LotStatus.AVAILABLE,
        _OTHER.quantity > 0,
        (_OTHER.expires_on.is_(None)) | (_OTHER.expires_on >= today),
    )
    if picking == Picking.FEFO:
        usable = usable.order_by(_OTHER.expires_on.is_(None), _OTHER.expires_on, _OTHER.created_at, _OTHER.number)
    else:
        usable = usable.order_by(_OTHER.created_at, _OTHER.number)
    return usable.limit(1)


_FIRST_IN_LINE = {
    picking: _first_in_line(bindparam("material_id"), bindparam("lot_id"), bindparam("today"), picking)
    for picking in Picking
}


def _output_lot_id(order_id: Any) -> Any:
    """The id of the order's output lot: the first lot its final operation made (parts split off it later
    carry the same operation; the output grows on)."""
    final_operation, made = aliased(WorkOrderOperation, name="final_operation"), aliased(Lot, name="made_lot")
    final = (
        select(final_operation.id)
        .where(final_operation.work_order_id == order_id)
        .order_by(final_operation.seq.desc())
        .limit(1)
        .correlate(WorkOrder)  # inside a scan's statement, two levels down: named, or it reads work_orders anew
        .scalar_subquery()
    )
    return select(func.min(made.id)).where(made.produced_by_operation_id == final).scalar_subquery()


_OUTPUT_LOT = select(Lot.id, Lot.number).where(Lot.id == _output_lot_id(bindparam("order_id")))


def _scan(picking: Picking) -> Select:
    """A scan's locks and facts in one statement: the order and its operation, the lot with its material
    (all three locked, in the order the single lookups lock them), the lot the picking rule puts first and
    the order's output lot. No row when the order, the operation or the lot is unknown."""
    first, output = aliased(Lot, name="first_lot"), aliased(Lot, name="output_lot")
    first_id = (
        _first_in_line(Lot.material_id, Lot.id, bindparam("today"), picking)
        .with_only_columns(_OTHER.id)
        .scalar_subquery()
    )
    return (
        select(
            WorkOrder,
            WorkOrderOperation,
            *_LOCK_LOT.selected_columns,
            first.number.label("first_number"),
            first.status.label("first_status"),
            first.quantity.label("first_quantity"),
            first.expires_on.label("first_expires_on"),
            first.created_at.label("first_created_at"),
            output.id.label("output_id"),
            output.number.label("output_number"),
        )
        .join(
            WorkOrderOperation,
            and_(WorkOrderOperation.work_order_id == WorkOrder.id, WorkOrderOperation.seq == bindparam("seq")),
        )
        .join(Lot, Lot.number == bindparam("lot"))
        .join(Material, Material.id == Lot.material_id)
        .outerjoin(first, first.id == first_id)
        .outerjoin(output, output.id == _output_lot_id(WorkOrder.id))
        .where(WorkOrder.number == bindparam("number"))
        .with_for_update(of=[WorkOrder, WorkOrderOperation, Lot])
    )


_SCAN = {picking: _scan(picking) for picking in Picking}
_SUBSTITUTE = aliased(Material)


def _taken_of(material_id: Any) -> Any:
    """What the operation (`operation_id`) took of a material so far, net of returns."""
    return (
        select(func.coalesce(func.sum(Consumption.quantity - Consumption.returned_quantity), 0))
        .join(Lot, Lot.id == Consumption.lot_id)
        .where(Consumption.operation_id == bindparam("operation_id"), Lot.material_id == material_id)
        .scalar_subquery()
    )


_BOM_LINES = (
    select(
        BomLine.id,
        BomLine.component_id,
        BomLine.quantity_per,
        BomLine.backflush,
        Material.code,
        Material.name,
        Material.unit,
        Material.lot_controlled,
        _taken_of(BomLine.component_id).label("taken"),
        _SUBSTITUTE.id.label("substitute_id"),
        _SUBSTITUTE.code.label("substitute_code"),
        _taken_of(_SUBSTITUTE.id).label("substitute_taken"),
    )
    .join(Material, Material.id == BomLine.component_id)
    .outerjoin(BomSubstitute, BomSubstitute.bom_line_id == BomLine.id)
    .outerjoin(_SUBSTITUTE, _SUBSTITUTE.id == BomSubstitute.material_id)
    .where(BomLine.product_id == bindparam("product_id"), BomLine.operation_seq == bindparam("seq"))
    .order_by(Material.code, _SUBSTITUTE.code)
)
_ADD_CONSUMPTION = insert(Consumption).returning(Consumption.id)
_ADD_LINK = insert(GenealogyLink)
_TAKE = (
    update(Lot)
    .where(Lot.id == bindparam("lot_id"), Lot.status == LotStatus.AVAILABLE, Lot.quantity >= bindparam("quantity"))
    .values(
        quantity=Lot.quantity - bindparam("quantity"),
        status=case((Lot.quantity == bindparam("quantity"), LotStatus.CONSUMED), else_=Lot.status),
    )
    .returning(Lot.quantity, Lot.status)
)

_CONSUMPTION_COLUMNS = (
    "operation_id",
    "lot_id",
    "workstation_id",
    "user_id",
    "quantity",
    "returned_quantity",
    "backflushed",
    "consumed_at",
    "output_lot",
)
_LINK_COLUMNS = ("consumed_lot_id", "produced_lot_id", "quantity", "consumption_id", "created_at")


def _take_into_job(linked: bool) -> Select:
    """PostgreSQL: `_TAKE`, the consumption it makes and (when `linked`) its genealogy link to the output lot
    (`output_lot_id`), in one statement. No row when the take was refused: then nothing was written."""
    taken = _TAKE.cte("taken")
    values = select(
        *(bindparam(name, type_=Consumption.__table__.c[name].type) for name in _CONSUMPTION_COLUMNS)
    ).select_from(taken)
    consumption = (
        insert(Consumption).from_select(_CONSUMPTION_COLUMNS, values).returning(Consumption.id).cte("consumption")
    )
    statement = select(taken.c.quantity, consumption.c.id).select_from(taken.join(consumption, true()))  # a row each
    if linked:
        link_values = select(
            bindparam("lot_id", type_=GenealogyLink.consumed_lot_id.type),
            bindparam("output_lot_id", type_=GenealogyLink.produced_lot_id.type),
            bindparam("quantity", type_=GenealogyLink.quantity.type),
            consumption.c.id,
            bindparam("consumed_at", type_=GenealogyLink.created_at.type),
        ).select_from(consumption)
        statement = statement.add_cte(insert(GenealogyLink).from_select(_LINK_COLUMNS, link_values).cte("link"))
    return statement


_TAKE_INTO_JOB = {linked: _take_into_job(linked) for linked in (False, True)}


class Lots:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- lots ----------------------------------------------------------------------------------------

    def lock(self, number: str) -> Lot:
        """The lot, locked until the transaction ends (SQLite: the write transaction already is)."""
        lot = self._session.scalars(select(Lot).where(Lot.number == number).with_for_update()).one_or_none()
        if lot is None:
            raise self._no_lot(number)
        return lot

    def _no_lot(self, number: str) -> MesError:
        """Why there is no lot `number`: not arrived yet (the ERP announced it), or unknown."""
        expected_at = self._session.scalar(select(ExpectedLot.expected_at).where(ExpectedLot.number == number))
        if expected_at is None:
            return UnknownEntity(UNKNOWN_LOT.sentence(number=number), code=UNKNOWN_LOT)
        day = site_date(expected_at, self.site().timezone).isoformat()
        return InvalidState(LOT_NOT_ARRIVED.sentence(lot=number, date=day), code=LOT_NOT_ARRIVED)

    def exists(self, number: str) -> bool:
        return self._session.scalar(select(Lot.id).where(Lot.number == number)) is not None

    def material(self, lot: Lot) -> Material:
        return self._session.get_one(Material, lot.material_id)

    def facts(self, lot: Lot) -> LotFacts:
        material = self.material(lot)
        return _facts(lot, material.code, material.unit)

    def number_for_gs1(self, gtin: str, batch: str) -> str:
        """Our lot for a GS1 (01) GTIN + (10) batch pair: our number, else the supplier's lot number."""
        material_id = self._session.scalar(select(Material.id).where(Material.gtin == gtin))
        if material_id is None:
            raise UnknownEntity(UNKNOWN_GTIN.sentence(gtin=gtin), code=UNKNOWN_GTIN)
        for column in (Lot.number, Lot.supplier_lot):
            numbers = list(
                self._session.scalars(select(Lot.number).where(Lot.material_id == material_id, column == batch))
            )
            if len(numbers) == 1:
                return numbers[0]
            if len(numbers) > 1:
                raise Conflict(
                    AMBIGUOUS_LOT.sentence(
                        gtin=gtin,
                        batch=batch,
                    ),
                    code=AMBIGUOUS_LOT,
                )
        raise UnknownEntity(
            Sentence("There is no lot {batch} of GTIN {gtin}.", batch=batch, gtin=gtin), code=UNKNOWN_LOT
        )

    def free_number(self, base: str) -> str:
        """`base`, or `base-2`, `base-3`... whichever no lot has yet."""
        taken = set(self._session.scalars(select(Lot.number).where(Lot.number.like(f"{_like(base)}%", escape="\\"))))
        if base not in taken:
            return base
        return next(f"{base}-{n}" for n in range(2, len(taken) + 3) if f"{base}-{n}" not in taken)

    def usable(self, material_ids: Iterable[int], today: date) -> list[LotFacts]:
        """Lots of these materials that could be taken today (for picking order and backflush)."""
        rows = self._session.execute(
            select(Lot, Material.code, Material.unit)
            .join(Material, Material.id == Lot.material_id)
            .where(
                Lot.material_id.in_(list(material_ids)),
                Lot.status == LotStatus.AVAILABLE,
                Lot.quantity > 0,
                (Lot.expires_on.is_(None)) | (Lot.expires_on >= today),
            )
        )
        return [_facts(lot, code, unit) for lot, code, unit in rows]

    def take(self, lot: Lot | LockedLot, quantity: Decimal) -> Decimal:
        """Take from a lot and return what is left; the conditional update (and the CHECK behind it)
        refuse to take more than the lot holds, whatever another terminal did meanwhile."""
        row = self._connection().execute(_TAKE, {"lot_id": lot.id, "quantity": quantity}).one_or_none()
        if row is None:
            raise _no_longer_holds(lot, quantity)
        if isinstance(lot, Lot):  # keep a loaded record in step without writing it again
            set_committed_value(lot, "quantity", row.quantity)
            set_committed_value(lot, "status", row.status)
        return Decimal(row.quantity)

    def lock_facts(self, number: str) -> LockedLot:
        """The lot with its material, locked: one statement for the scan's hot path."""
        row = self._connection().execute(_LOCK_LOT, {"number": number}).one_or_none()
        if row is None:
            raise self._no_lot(number)
        return _locked_lot(row)

    def first_in_line(self, lot: LockedLot, today: date, picking: Picking) -> LotFacts | None:
        """The usable lot of the same material that the picking rule puts first, other than `lot`."""
        row = (
            self._connection()
            .execute(_FIRST_IN_LINE[picking], {"material_id": lot.material_id, "lot_id": lot.id, "today": today})
            .one_or_none()
        )
        if row is None:
            return None
        return LotFacts(
            row.number, lot.facts.material, lot.facts.unit, row.status, row.quantity, row.expires_on, row.created_at
        )

    def lock_scan(self, work_order: str, seq: int, number: str, today: date, picking: Picking) -> ScanLocks | None:
        """The order's operation and the lot locked, with the lot first in line and the output lot: one
        statement. None when something is unknown (the single lookups then say what)."""
        parameters = {"number": work_order, "seq": seq, "lot": number, "today": today}
        row = self._session.execute(_SCAN[picking], parameters).one_or_none()
        if row is None:
            return None
        first = None
        if row.first_number is not None:
            first = LotFacts(
                row.first_number,
                row.code,
                row.unit,
                row.first_status,
                row.first_quantity,
                row.first_expires_on,
                row.first_created_at,
            )
        return ScanLocks(
            row.WorkOrder,
            row.WorkOrderOperation,
            _locked_lot(row),
            first,
            None if row.output_id is None else (row.output_id, row.output_number),
        )

    def take_into_job(
        self, lot: LockedLot, quantity: Decimal, output_lot: tuple[int, str] | None, **consumption: Any
    ) -> Decimal:
        """Take `quantity` from the lot into a job (as `take`), record the consumption (its other columns in
        `consumption`) and, once the order has an output lot, the genealogy link to it; return what is
        left. One statement on PostgreSQL, three elsewhere."""
        values = {
            **consumption,
            "lot_id": lot.id,
            "quantity": quantity,
            "returned_quantity": Decimal(0),
            "backflushed": False,
            "output_lot": None if output_lot is None else output_lot[1],
        }
        connection = self._connection()
        if connection.dialect.name == "postgresql":
            statement = _TAKE_INTO_JOB[output_lot is not None]
            row = connection.execute(statement, {**values, "output_lot_id": output_lot and output_lot[0]}).first()
            if row is None:
                raise _no_longer_holds(lot, quantity)
            return Decimal(row.quantity)
        left = self.take(lot, quantity)
        consumption_id = connection.execute(_ADD_CONSUMPTION, values).scalar_one()
        if output_lot is not None:
            link = {"consumed_lot_id": lot.id, "produced_lot_id": output_lot[0], "consumption_id": consumption_id}
            connection.execute(_ADD_LINK, {**link, "quantity": quantity, "created_at": values["consumed_at"]})
        return left

    def output_lot_ref(self, order_id: int) -> tuple[int, str] | None:
        """The id and number of a work order's output lot, if it exists yet."""
        row = self._connection().execute(_OUTPUT_LOT, {"order_id": order_id}).first()
        return None if row is None else (row.id, row.number)

    def _connection(self) -> Connection:
        # Core statements run on the session's connection: same transaction, without the ORM's bookkeeping.
        return self._session.connection()

    # --- the bill of materials of one operation ------------------------------------------------------

    def bom_needs(self, order: WorkOrder, operation: WorkOrderOperation) -> list[BomNeed]:
        """The operation's BOM lines with their substitutes and what was taken of each so far: one statement."""
        parameters = {"product_id": order.product_id, "seq": operation.seq, "operation_id": operation.id}
        lines: dict[int, list] = {}
        for row in self._connection().execute(_BOM_LINES, parameters):
            line = lines.setdefault(row.id, [row, []])
            if row.substitute_id is not None:
                line[1].append((row.substitute_code, Decimal(row.substitute_taken)))
        needs = []
        for row, alternatives in lines.values():
            needs.append(
                BomNeed(
                    material=row.code,
                    name=row.name,
                    unit=row.unit,
                    quantity_per=row.quantity_per,
                    substitutes=tuple(code for code, _ in alternatives),
                    backflush=row.backflush,
                    consumed=sum((taken for _, taken in alternatives), Decimal(row.taken)),
                    lot_controlled=row.lot_controlled,
                )
            )
        return needs

    def material_ids(self, codes: Sequence[str]) -> list[int]:
        return list(self._session.scalars(select(Material.id).where(Material.code.in_(list(codes)))))

    def consumptions(self, operation: WorkOrderOperation, lot: Lot) -> list[Consumption]:
        """This lot's consumptions into the operation, newest first (a return undoes the latest first)."""
        return list(
            self._session.scalars(
                select(Consumption)
                .where(Consumption.operation_id == operation.id, Consumption.lot_id == lot.id)
                .order_by(Consumption.consumed_at.desc(), Consumption.id.desc())
            )
        )

    # --- the work order's output lot -----------------------------------------------------------------

    def output_lot(self, final: WorkOrderOperation) -> Lot | None:
        # The first lot it made: parts split off it later carry the same operation; the output grows on.
        return self._session.scalars(
            select(Lot).where(Lot.produced_by_operation_id == final.id).order_by(Lot.id).limit(1).with_for_update()
        ).one_or_none()

    def final_operation(self, order: WorkOrder) -> WorkOrderOperation:
        return self._session.scalars(
            select(WorkOrderOperation)
            .where(WorkOrderOperation.work_order_id == order.id)
            .order_by(WorkOrderOperation.seq.desc())
            .limit(1)
        ).one()

    def unlinked_consumptions(self, order: WorkOrder) -> list[Consumption]:
        """Consumptions into the order made before its output lot existed."""
        return list(
            self._session.scalars(
                select(Consumption)
                .join(WorkOrderOperation, WorkOrderOperation.id == Consumption.operation_id)
                .where(
                    WorkOrderOperation.work_order_id == order.id,
                    Consumption.output_lot.is_(None),
                    Consumption.quantity > Consumption.returned_quantity,
                )
                .order_by(Consumption.id)
            )
        )

    def link_of(self, consumption: Consumption) -> GenealogyLink | None:
        return self._session.scalars(
            select(GenealogyLink).where(GenealogyLink.consumption_id == consumption.id)
        ).one_or_none()

    def site(self) -> Site:
        site = self._session.scalars(select(Site).order_by(Site.id).limit(1)).one_or_none()
        if site is None:
            raise UnknownEntity(NO_SITE.sentence(), code=NO_SITE)
        return site


def _facts(lot: Lot, material: str, unit: str) -> LotFacts:
    return LotFacts(
        number=lot.number,
        material=material,
        unit=unit,
        status=lot.status,
        quantity=lot.quantity,
        expires_on=lot.expires_on,
        received_at=lot.created_at,
    )


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _locked_lot(row: Any) -> LockedLot:
    """A row of `_LOCK_LOT`'s columns (alone or within a scan's statement) as the locked lot."""
    facts = LotFacts(row.number, row.code, row.unit, row.status, row.quantity, row.expires_on, row.created_at)
    return LockedLot(row.id, row.material_id, row.number, facts)


def _no_longer_holds(lot: Lot | LockedLot, quantity: Decimal) -> MesError:
    return InvalidState(
        Sentence("Lot {lot} no longer holds {quantity}; scan it again.", lot=lot.number, quantity=quantity),
        code=LOT_NOT_ENOUGH,
    )
