"""A work order's output lot, and the material an operation takes at completion (backflush).

One lot of the product per work order, numbered like the order: it appears at the first good count
(or when the last operation completes, per product), grows with the last operation's good counts, and
every consumption into the order is linked to it.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from mes_terminal.db.records import Consumption, GenealogyLink, Lot, WorkOrder, WorkOrderOperation
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain import materials as rules
from mes_terminal.domain.clock import site_date
from mes_terminal.domain.error_codes import LOT_BACKFLUSH_SHORT
from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.execution import format_quantity
from mes_terminal.domain.statuses import LotStatus
from mes_terminal.services.commands.results import LotQuantity


def after_count(uow: UnitOfWork, order: WorkOrder, operation: WorkOrderOperation, good: Decimal) -> str | None:
    """Grow (or, at the first good count, create) the order's output lot; returns its number."""
    product = uow.jobs.product(order)
    final = uow.lots.final_operation(order)
    lot = uow.lots.output_lot(final)
    if lot is None:
        if good <= 0 or product.output_lot_at != "first_count":
            return None
        lot = _create_output_lot(uow, order, final, operation.good_quantity if operation.id == final.id else Decimal(0))
        return lot.number
    if operation.id == final.id and good > 0:
        lot.quantity += good
        if lot.status == LotStatus.CONSUMED:
            lot.status = LotStatus.AVAILABLE
    return lot.number


def at_completion(
    uow: UnitOfWork, order: WorkOrder, operation: WorkOrderOperation, person_id: int
) -> list[LotQuantity]:
    """Backflush the operation's BOM lines marked so; at the final operation make sure the output lot exists."""
    station_id = operation.workstation_id
    assert station_id is not None
    taken = _backflush(uow, order, operation, station_id, person_id)
    final = uow.lots.final_operation(order)
    if operation.id == final.id and uow.lots.output_lot(final) is None and final.good_quantity > 0:
        _create_output_lot(uow, order, final, final.good_quantity)
    return taken


def _backflush(
    uow: UnitOfWork, order: WorkOrder, operation: WorkOrderOperation, station_id: int, person_id: int
) -> list[LotQuantity]:
    site = uow.lots.site()
    today = site_date(operation.completed_at or uow.now, site.timezone)
    reported = operation.good_quantity + operation.scrap_quantity
    taken: list[LotQuantity] = []
    for line in uow.lots.bom_needs(order, operation):
        need = line.outstanding(reported)
        if not line.backflush or not line.lot_controlled or need <= 0:
            continue
        candidates = uow.lots.usable(uow.lots.material_ids((line.material, *line.substitutes)), today)
        picks = rules.pick_lots(candidates, need, rules.Picking(site.picking))
        if not picks:
            held = sum((lot.quantity for lot in candidates), Decimal(0))
            raise InvalidState(
                LOT_BACKFLUSH_SHORT.sentence(
                    quantity=format_quantity(need),
                    unit=line.unit,
                    material=line.material,
                    quantity2=format_quantity(held),
                ),
                code=LOT_BACKFLUSH_SHORT,
            )
        for facts, quantity in picks:
            lot = uow.lots.lock(facts.number)
            uow.lots.take(lot, quantity)
            consumption = Consumption(
                operation_id=operation.id,
                lot_id=lot.id,
                workstation_id=station_id,
                user_id=person_id,
                quantity=quantity,
                backflushed=True,
                consumed_at=operation.completed_at or uow.now,
            )
            uow.session.add(consumption)
            uow.session.flush()
            output = output_lot_of(uow, order)
            if output is not None:
                link(uow, consumption, output)
            uow.events.add(
                "LotBackflushed",
                "lot",
                lot.number,
                work_order=order.number,
                operation=operation.seq,
                quantity=quantity,
                unit=facts.unit,
                left=lot.quantity,
            )
            taken.append({"lot": lot.number, "quantity": quantity})
    return taken


def _create_output_lot(uow: UnitOfWork, order: WorkOrder, final: WorkOrderOperation, quantity: Decimal) -> Lot:
    product = uow.jobs.product(order)
    moment = final.completed_at or uow.now
    expires = None
    if product.shelf_life_days:
        expires = site_date(moment, uow.lots.site().timezone) + timedelta(days=product.shelf_life_days)
    lot = Lot(
        number=uow.lots.free_number(order.number),
        material_id=product.id,
        quantity=quantity,
        status=LotStatus.AVAILABLE,
        expires_on=expires,
        produced_by_operation_id=final.id,
        created_at=moment,
    )
    uow.session.add(lot)
    uow.session.flush()
    final.output_lot = lot.number
    for consumption in uow.lots.unlinked_consumptions(order):
        link(uow, consumption, lot)
    uow.events.add("LotProduced", "lot", lot.number, work_order=order.number, material=product.code, quantity=quantity)
    return lot


def output_lot_of(uow: UnitOfWork, order: WorkOrder) -> Lot | None:
    return uow.lots.output_lot(uow.lots.final_operation(order))


def output_lot_number(uow: UnitOfWork, order: WorkOrder) -> str | None:
    lot = output_lot_of(uow, order)
    return lot.number if lot is not None else None


def link(uow: UnitOfWork, consumption: Consumption, output: Lot) -> None:
    quantity = consumption.quantity - consumption.returned_quantity
    consumption.output_lot = output.number
    if quantity > 0 and consumption.lot_id != output.id:
        uow.session.add(
            GenealogyLink(
                consumed_lot_id=consumption.lot_id,
                produced_lot_id=output.id,
                quantity=quantity,
                consumption_id=consumption.id,
                created_at=consumption.consumed_at,
            )
        )
