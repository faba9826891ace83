"""What the material handlers read, lock and change: lots, BOM lines as they stand, output lots."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.orm import Session

from mes_terminal.db.records import (
    BomLine,
    BomSubstitute,
    Consumption,
    GenealogyLink,
    Lot,
    Material,
    Site,
    WorkOrder,
    WorkOrderOperation,
)
from mes_terminal.domain.errors import Conflict, InvalidState, UnknownEntity
from mes_terminal.domain.materials import BomNeed, LotFacts


class Lots:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- lots ----------------------------------------------------------------------------------------

    def lock(self, number: str) -> Lot:
        """The lot, locked until the transaction ends (SQLite: the write transaction already is)."""
        lot = self._session.scalars(select(Lot).where(Lot.number == number).with_for_update()).one_or_none()
        if lot is None:
            raise UnknownEntity(f"There is no lot {number}.", code="unknown_lot")
        return lot

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
            raise UnknownEntity(f"No material has the GTIN {gtin}.", code="unknown_gtin")
        for column in (Lot.number, Lot.supplier_lot):
            numbers = list(
                self._session.scalars(select(Lot.number).where(Lot.material_id == material_id, column == batch))
            )
            if len(numbers) == 1:
                return numbers[0]
            if len(numbers) > 1:
                raise Conflict(
                    f"Several lots of GTIN {gtin} carry the supplier lot {batch}; scan our own lot label instead.",
                    code="ambiguous_lot",
                )
        raise UnknownEntity(f"There is no lot {batch} of GTIN {gtin}.", code="unknown_lot")

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
                Lot.status == "available",
                Lot.quantity > 0,
                (Lot.expires_on.is_(None)) | (Lot.expires_on >= today),
            )
        )
        return [_facts(lot, code, unit) for lot, code, unit in rows]

    def take(self, lot: Lot, quantity: Decimal) -> None:
        """Take from a lot; the conditional update and the CHECK refuse to take more than it holds."""
        done = self._session.execute(
            update(Lot)
            .where(Lot.id == lot.id, Lot.status == "available", Lot.quantity >= quantity)
            .values(
                quantity=Lot.quantity - quantity,
                status=case((Lot.quantity == quantity, "consumed"), else_=Lot.status),
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        if done != 1:
            raise InvalidState(f"Lot {lot.number} no longer holds {quantity}; scan it again.", code="lot.not_enough")
        self._session.refresh(lot)

    # --- the bill of materials of one operation ------------------------------------------------------

    def bom_needs(self, order: WorkOrder, operation: WorkOrderOperation) -> list[BomNeed]:
        lines = list(
            self._session.execute(
                select(BomLine, Material.code, Material.name, Material.unit, Material.lot_controlled)
                .join(Material, Material.id == BomLine.component_id)
                .where(BomLine.product_id == order.product_id, BomLine.operation_seq == operation.seq)
                .order_by(Material.code)
            )
        )
        if not lines:
            return []
        substitutes: dict[int, list[tuple[int, str]]] = {}
        for line_id, material_id, code in self._session.execute(
            select(BomSubstitute.bom_line_id, Material.id, Material.code)
            .join(Material, Material.id == BomSubstitute.material_id)
            .where(BomSubstitute.bom_line_id.in_([line.id for line, *_ in lines]))
        ):
            substitutes.setdefault(line_id, []).append((material_id, code))
        consumed = self.consumed_by_material(operation)
        needs = []
        for line, code, name, unit, lot_controlled in lines:
            alternatives = substitutes.get(line.id, [])
            taken = consumed.get(line.component_id, Decimal(0)) + sum(
                (consumed.get(material_id, Decimal(0)) for material_id, _ in alternatives), Decimal(0)
            )
            needs.append(
                BomNeed(
                    material=code,
                    name=name,
                    unit=unit,
                    quantity_per=line.quantity_per,
                    substitutes=tuple(sorted(c for _, c in alternatives)),
                    backflush=line.backflush,
                    consumed=taken,
                    lot_controlled=lot_controlled,
                )
            )
        return needs

    def material_ids(self, codes: Sequence[str]) -> list[int]:
        return list(self._session.scalars(select(Material.id).where(Material.code.in_(list(codes)))))

    def consumed_by_material(self, operation: WorkOrderOperation) -> dict[int, Decimal]:
        rows = self._session.execute(
            select(Lot.material_id, func.sum(Consumption.quantity - Consumption.returned_quantity))
            .join(Lot, Lot.id == Consumption.lot_id)
            .where(Consumption.operation_id == operation.id)
            .group_by(Lot.material_id)
        )
        return {material_id: Decimal(total or 0) for material_id, total in rows}

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
        return self._session.scalars(
            select(Lot).where(Lot.produced_by_operation_id == final.id).with_for_update()
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
            raise UnknownEntity("No plant file has been loaded yet.", code="no_site")
        return site

    def bom_material_ids(self, order: WorkOrder, seq: int) -> list[int]:
        """Components of the order's product at this operation, and their substitutes."""
        components = select(BomLine.component_id).where(
            BomLine.product_id == order.product_id, BomLine.operation_seq == seq
        )
        substitutes = select(BomSubstitute.material_id).join(
            BomLine, and_(BomLine.id == BomSubstitute.bom_line_id, BomLine.product_id == order.product_id)
        )
        return list(self._session.scalars(components.union(substitutes.where(BomLine.operation_seq == seq))))


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


def as_of(moment: datetime, timezone: str) -> date:
    """The site's local date at a moment: what 'expired' is judged by."""
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(timezone)).date()
