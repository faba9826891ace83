"""Material lots: receive, consume into a job, return, split, merge, hold, release and scrap.

Every consumption is recorded against the work order's output lot as a genealogy link (consumed lot ->
produced lot, with the quantity), so that a recall can be traced both ways.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from mes_terminal.db.records import GenealogyLink, Lot, WorkOrder, WorkOrderOperation, Workstation
from mes_terminal.db.repositories.lots import ScanLocks
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain import materials as rules
from mes_terminal.domain.clock import site_date
from mes_terminal.domain.error_codes import (
    JOB_NOT_RUNNING,
    LOT_EMPTY,
    LOT_EXISTS,
    LOT_EXPIRED,
    LOT_MERGE_MATERIALS,
    LOT_MERGE_NOTHING,
    LOT_NOT_HELD,
    LOT_PICKING_ORDER,
    LOT_RETURN_TOO_MUCH,
    LOT_SPLIT_TOO_MUCH,
    LOT_UNUSABLE,
)
from mes_terminal.domain.errors import Conflict, InvalidState
from mes_terminal.domain.execution import format_quantity
from mes_terminal.domain.roles import SHOP_FLOOR, Role
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import (
    GONE_LOT,
    HELD_LOT,
    REFILLABLE_LOT,
    LotStatus,
    OperationStatus,
    can_move,
    spoken,
)
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.handlers import expected_lots, holds
from mes_terminal.services.commands.handlers.execution import at_station
from mes_terminal.services.commands.results import (
    ConsumptionResult,
    LotMergeResult,
    LotResult,
    LotReturnResult,
    LotScrapResult,
    LotSplitResult,
)

# Holding, releasing and scrapping stock are decisions, not operator routine.
LOT_DECIDERS = frozenset({Role.LEAD, Role.SUPERVISOR, Role.QUALITY, Role.ADMIN})


def receive_lot(cmd: c.ReceiveLot, uow: UnitOfWork) -> LotResult:
    person = uow.users.acting(cmd.actor, SHOP_FLOOR, "receive material")
    return add_received_lot(
        uow,
        lot_number=cmd.lot,
        material_code=cmd.material,
        quantity=cmd.quantity,
        expires=cmd.expires,
        supplier_lot=cmd.supplier_lot,
        at=cmd.issued_at,
        by=person.name,
    )


def add_received_lot(
    uow: UnitOfWork,
    *,
    lot_number: str,
    material_code: str,
    quantity: Decimal,
    expires: date | None,
    supplier_lot: str | None,
    at: datetime,
    by: str,
) -> LotResult:
    """A received lot and its event: the command's work once the actor may act (the ERP import calls it too)."""
    material = expected_lots.material_for_new_lot(uow, lot_number, material_code)
    today = site_date(at, uow.lots.site().timezone)
    if expires is None and material.shelf_life_days:
        expires = today + timedelta(days=material.shelf_life_days)
    if expires is not None and expires < today:
        raise InvalidState(
            Sentence(
                "Lot {lot} expired on {date}; an expired lot is not received.",
                lot=lot_number,
                date=expires.isoformat(),
            ),
            code=LOT_EXPIRED,
        )
    expected_lots.arrived(uow, lot_number)
    lot = Lot(
        number=lot_number,
        material_id=material.id,
        quantity=quantity,
        status=LotStatus.AVAILABLE,
        expires_on=expires,
        supplier_lot=supplier_lot,
        created_at=at,
    )
    uow.session.add(lot)
    uow.session.flush()
    uow.events.add(
        "LotReceived",
        "lot",
        lot.number,
        material=material.code,
        quantity=lot.quantity,
        unit=material.unit,
        expires=expires,
        supplier_lot=supplier_lot,
        by=by,
    )
    return _lot_result(lot, material.code, material.unit)


def consume_lot(cmd: c.ConsumeLot, uow: UnitOfWork) -> ConsumptionResult:
    # The scan's hot path: a few Core statements, each reading what it can at once; no records loaded for
    # the lot, its links or the site.
    station, person, _ = at_station(cmd, uow, "take material into jobs")
    site = uow.jobs.site_rules(station)  # read with the station
    today = site_date(cmd.issued_at, site.timezone)
    picking = rules.Picking(site.picking)
    scan = uow.lots.lock_scan(cmd.work_order, cmd.operation, cmd.lot, today, picking)
    if scan is None:  # something is unknown: the single lookups say what, in the order a person checks
        order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
        _check_running(order, operation, station)
        lot = uow.lots.lock_facts(cmd.lot)
        scan = ScanLocks(
            order, operation, lot, uow.lots.first_in_line(lot, today, picking), uow.lots.output_lot_ref(order.id)
        )
    order, operation, lot, output = scan.order, scan.operation, scan.lot, scan.output
    _check_running(order, operation, station)
    facts = lot.facts
    rules.check_usable(facts, today)
    line = rules.bom_line_for(facts, uow.lots.bom_needs(order, operation), order.number, operation.seq)
    quantity = cmd.quantity or rules.default_quantity(
        line, operation.good_quantity + operation.scrap_quantity, order.quantity, facts
    )
    rules.check_enough(facts, quantity)
    warning = None
    first = scan.first_in_line
    if first is not None and rules.first_choice(facts, [first], picking) is not None:
        warning = rules.picking_sentence(facts, first, picking)
        if rules.PickingRule(site.picking_rule) == rules.PickingRule.BLOCK:
            raise InvalidState(warning, code=LOT_PICKING_ORDER)

    left = uow.lots.take_into_job(
        lot,
        quantity,
        output,
        operation_id=operation.id,
        workstation_id=station.id,
        user_id=person.id,
        consumed_at=cmd.issued_at,
    )
    uow.events.add(
        "LotConsumed",
        "lot",
        lot.number,
        work_order=order.number,
        operation=operation.seq,
        material=facts.material,
        quantity=quantity,
        unit=facts.unit,
        left=left,
        output_lot=None if output is None else output[1],
        warning=warning,
        by=person.name,
        **({"entry": cmd.entry} if cmd.entry else {}),  # scanned or keyed, where the terminal said
    )
    return {
        "lot": lot.number,
        "material": facts.material,
        "quantity": left,
        "unit": facts.unit,
        "status": LotStatus.CONSUMED if left == 0 else facts.status,
        "expires": facts.expires_on,
        "work_order": order.number,
        "operation": operation.seq,
        "consumed": quantity,
        "bom_material": line.material,
        "warning": warning,
    }


def _check_running(order: WorkOrder, operation: WorkOrderOperation, station: Workstation) -> None:
    if operation.status != OperationStatus.RUNNING or operation.workstation_id != station.id:
        raise InvalidState(
            Sentence(
                "No job of {order} operation {operation} runs at {station}; start it before scanning material.",
                order=order.number,
                operation=operation.seq,
                station=station.code,
            ),
            code=JOB_NOT_RUNNING,
        )


def return_lot(cmd: c.ReturnLot, uow: UnitOfWork) -> LotReturnResult:
    station, person, _ = at_station(cmd, uow, "return material")
    order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
    lot = uow.lots.lock(cmd.lot)
    facts = uow.lots.facts(lot)
    consumptions = uow.lots.consumptions(operation, lot)
    taken = sum((x.quantity - x.returned_quantity for x in consumptions), Decimal(0))
    if cmd.quantity > taken:
        raise InvalidState(
            LOT_RETURN_TOO_MUCH.sentence(
                quantity=format_quantity(taken),
                unit=facts.unit,
                lot=lot.number,
                order=order.number,
                operation=operation.seq,
                quantity2=format_quantity(cmd.quantity),
            ),
            code=LOT_RETURN_TOO_MUCH,
        )
    if lot.status not in REFILLABLE_LOT:
        raise InvalidState(
            Sentence(
                "Lot {lot} is {status}; return it after its release.",
                lot=lot.number,
                status=spoken(lot.status),
            )
        )
    left = cmd.quantity
    for consumption in consumptions:  # newest first
        part = min(left, consumption.quantity - consumption.returned_quantity)
        if part <= 0:
            continue
        consumption.returned_quantity += part
        link = uow.lots.link_of(consumption)
        if link is not None:
            if link.quantity > part:
                link.quantity -= part
            else:
                uow.session.delete(link)
        left -= part
        if left == 0:
            break
    lot.quantity += cmd.quantity
    lot.status = LotStatus.AVAILABLE
    uow.events.add(
        "LotReturned",
        "lot",
        lot.number,
        work_order=order.number,
        operation=operation.seq,
        quantity=cmd.quantity,
        unit=facts.unit,
        station=station.code,
        by=person.name,
    )
    return {**_lot_result(lot, facts.material, facts.unit), "returned": cmd.quantity}


def split_lot(cmd: c.SplitLot, uow: UnitOfWork) -> LotSplitResult:
    person = uow.users.acting(cmd.actor, SHOP_FLOOR, "split lots")
    lot = uow.lots.lock(cmd.lot)
    facts = uow.lots.facts(lot)
    if lot.status in GONE_LOT:  # says why (a held lot may be split: its parts stay held)
        rules.check_usable(facts, site_date(cmd.issued_at, uow.lots.site().timezone))
    if cmd.quantity >= lot.quantity:
        raise InvalidState(
            LOT_SPLIT_TOO_MUCH.sentence(
                lot=lot.number,
                quantity=format_quantity(lot.quantity),
                unit=facts.unit,
            ),
            code=LOT_SPLIT_TOO_MUCH,
        )
    number = cmd.new_lot or uow.lots.free_number(f"{lot.number}-1")
    if uow.lots.exists(number):
        raise Conflict(LOT_EXISTS.sentence(lot=number), code=LOT_EXISTS)
    part = Lot(
        number=number,
        material_id=lot.material_id,
        quantity=cmd.quantity,
        status=lot.status,  # a held lot's parts stay held
        expires_on=lot.expires_on,
        supplier_lot=lot.supplier_lot,
        produced_by_operation_id=lot.produced_by_operation_id,
        created_at=lot.created_at,  # the same material, as old as the original for FIFO
    )
    lot.quantity -= cmd.quantity
    uow.session.add(part)
    uow.session.flush()
    uow.session.add(
        GenealogyLink(consumed_lot_id=lot.id, produced_lot_id=part.id, quantity=cmd.quantity, created_at=cmd.issued_at)
    )
    uow.events.add(
        "LotSplit", "lot", lot.number, new_lot=number, quantity=cmd.quantity, left=lot.quantity, by=person.name
    )
    return {**_lot_result(lot, facts.material, facts.unit), "new_lot": number, "new_quantity": cmd.quantity}


def merge_lots(cmd: c.MergeLots, uow: UnitOfWork) -> LotMergeResult:
    person = uow.users.acting(cmd.actor, SHOP_FLOOR, "merge lots")
    sources = list(dict.fromkeys(n for n in cmd.lots if n != cmd.into))
    if not sources:
        raise InvalidState(LOT_MERGE_NOTHING.sentence(), code=LOT_MERGE_NOTHING)
    target = uow.lots.lock(cmd.into)
    target_facts = uow.lots.facts(target)
    today = site_date(cmd.issued_at, uow.lots.site().timezone)
    if target.status not in REFILLABLE_LOT:
        raise InvalidState(
            Sentence(
                "Lot {target} is {status}; lots are merged only into an available lot.",
                target=target.number,
                status=spoken(target.status),
            ),
            code=LOT_UNUSABLE[target.status],
        )
    moved: list[dict[str, Any]] = []
    for number in sorted(sources):  # a fixed locking order: two merges cannot deadlock each other
        lot = uow.lots.lock(number)
        facts = uow.lots.facts(lot)
        if facts.material != target_facts.material:
            raise InvalidState(
                LOT_MERGE_MATERIALS.sentence(
                    lot=lot.number,
                    material=facts.material,
                    target=target.number,
                    material2=target_facts.material,
                ),
                code=LOT_MERGE_MATERIALS,
            )
        rules.check_usable(facts, today)
        quantity = lot.quantity
        uow.lots.take(lot, quantity)
        target.quantity += quantity
        if lot.expires_on is not None and (target.expires_on is None or lot.expires_on < target.expires_on):
            target.expires_on = lot.expires_on  # the merged lot is as fresh as its oldest part
        uow.session.add(
            GenealogyLink(
                consumed_lot_id=lot.id, produced_lot_id=target.id, quantity=quantity, created_at=cmd.issued_at
            )
        )
        moved.append({"lot": lot.number, "quantity": quantity})
    if target.status == LotStatus.CONSUMED:
        target.status = LotStatus.AVAILABLE
    uow.events.add("LotsMerged", "lot", target.number, merged=moved, quantity=target.quantity, by=person.name)
    return {**_lot_result(target, target_facts.material, target_facts.unit), "merged": [m["lot"] for m in moved]}


def hold_lot(cmd: c.HoldLot, uow: UnitOfWork) -> LotResult:
    person = uow.users.acting(cmd.actor, LOT_DECIDERS, "put lots on hold")
    lot = uow.lots.lock(cmd.lot)
    facts = uow.lots.facts(lot)
    if lot.status == LotStatus.ON_HOLD:
        return _lot_result(lot, facts.material, facts.unit)  # held already: nothing changes
    if not can_move(lot.status, LotStatus.ON_HOLD):
        raise InvalidState(
            Sentence(
                "Lot {lot} is {status}; only an available lot can be held.",
                lot=lot.number,
                status=spoken(lot.status),
            )
        )
    lot.status = LotStatus.ON_HOLD
    holds.record_hold(uow, lot, person.id, cmd.reason, cmd.issued_at)
    uow.events.add("LotHeld", "lot", lot.number, reason=cmd.reason, by=person.name)
    return _lot_result(lot, facts.material, facts.unit)


def release_lot(cmd: c.ReleaseLot, uow: UnitOfWork) -> LotResult:
    person = uow.users.acting(cmd.actor, LOT_DECIDERS, "release lots")
    lot = uow.lots.lock(cmd.lot)
    facts = uow.lots.facts(lot)
    if lot.status not in HELD_LOT:
        raise InvalidState(LOT_NOT_HELD.sentence(lot=lot.number), code=LOT_NOT_HELD)
    holds.close_holds(uow, lot, person.id, cmd.issued_at)  # a hold for an open nonconformance stays
    before = lot.status
    lot.status = holds.released_status(lot)
    uow.events.add("LotReleased", "lot", lot.number, before=before, reason=cmd.reason, by=person.name)
    return _lot_result(lot, facts.material, facts.unit)


def scrap_lot(cmd: c.ScrapLot, uow: UnitOfWork) -> LotScrapResult:
    person = uow.users.acting(cmd.actor, LOT_DECIDERS, "scrap lots")
    reason = uow.jobs.scrap_reason(cmd.scrap_reason)
    lot = uow.lots.lock(cmd.lot)
    facts = uow.lots.facts(lot)
    if not can_move(lot.status, LotStatus.SCRAPPED) or lot.quantity <= 0:
        raise InvalidState(Sentence("Lot {lot} holds nothing to scrap.", lot=lot.number), code=LOT_EMPTY)
    quantity = cmd.quantity or lot.quantity
    rules.check_enough(facts, quantity)
    lot.quantity -= quantity
    if lot.quantity == 0:
        lot.status = LotStatus.SCRAPPED
    uow.events.add(
        "LotScrapped", "lot", lot.number, quantity=quantity, unit=facts.unit, reason=reason.code, by=person.name
    )
    return {**_lot_result(lot, facts.material, facts.unit), "scrapped": quantity}


def _lot_result(lot: Lot, material: str, unit: str) -> LotResult:
    return {
        "lot": lot.number,
        "material": material,
        "quantity": lot.quantity,
        "unit": unit,
        "status": lot.status,
        "expires": lot.expires_on,
    }
