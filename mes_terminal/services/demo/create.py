"""The demo: a database with the demo plant and work orders in every state, created once."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session

from mes_terminal.db import migrate
from mes_terminal.db.engine import safe_url
from mes_terminal.db.records import (
    BomLine,
    Line,
    Lot,
    Material,
    RoutingOperation,
    RoutingOperationStation,
    Site,
    User,
    UserRole,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.plant import PlantDefinition
from mes_terminal.domain.statuses import LotStatus, OperationStatus, WorkOrderStatus
from mes_terminal.paths import demo_plant_file
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.demo.history import create_history, scanned_lines
from mes_terminal.services.demo.inspector import pass_due_checks
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.queries.instructions import revision_rows
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.queries.reasons import scrap_reasons

# (quantity, due in days, priority, what happens after creation)
_ORDERS = [
    (Decimal(500), 1, 10, "release"),
    (Decimal(250), 2, 5, "release"),
    (Decimal(120), 3, 5, "release"),
    (Decimal(80), 4, 0, "hold"),
    (Decimal(300), 6, 0, "plan"),
]


def create_demo(engine: Engine, bus: CommandBus, clock: Clock) -> str:
    """Build the demo in this database unless it is there; returns what was created (or found) in plain words.

    The rule: the demo is written only into an empty database (no file yet, no tables, or no site). A
    database that holds the demo already is left as it is; one that holds another plant is refused
    (`InvalidState`) before anything is written, not even a schema upgrade.
    """
    where = safe_url(engine.url)
    plant = read_plant_file(demo_plant_file())
    sites = _site_codes(engine)
    if sites and plant.site.code not in sites:
        raise InvalidState(
            f"The database {where} holds another plant (site {', '.join(sites)}); the demo never writes into it. "
            f"Try the demo in a file of its own: mes-terminal demo --database-url sqlite:///PATH/demo.sqlite"
        )
    migrate.upgrade(engine)
    existing = _work_order_count(engine)
    if existing:
        return f"The demo database {where} already exists with {existing} work orders; nothing was changed."

    summary = load_plant(engine, plant, now=clock.now())
    supervisor, products = _supervisor_and_products(engine)
    now = clock.now()
    lines = [f"Created the demo database {where}.", summary.describe()]
    lines.append(_approve_instructions(engine, bus, plant, now))
    lines.append(_receive_stock(engine, bus, supervisor, now))
    lines.append("Work orders:")
    for index, (quantity, days, priority, then) in enumerate(_ORDERS):
        product = products[index % len(products)]
        number = f"WO-{now:%y%m}-{index + 1:03d}"
        bus.execute(
            c.CreateWorkOrder(
                command_id=uuid.uuid4(),
                actor=supervisor,
                issued_at=now,
                number=number,
                product=product,
                quantity=quantity,
                due=now + timedelta(days=days),
                priority=priority,
            )
        )
        status: str = WorkOrderStatus.PLANNED
        if then in ("release", "hold"):
            status = _do(bus, c.ReleaseWorkOrder, supervisor, now, number)
        if then == "hold":
            status = _do(bus, c.HoldWorkOrder, supervisor, now, number, reason="Waiting for the customer's drawing")
        due = "tomorrow" if days == 1 else f"in {days} days"
        lines.append(
            f"  {number}  {product:<14} {quantity:>6}  due {due:<11} priority {priority:>2}  {status.replace('_', ' ')}"
        )
    lines.append(create_history(engine, bus, clock, supervisor))
    lines.append(_job_in_progress(engine, bus, supervisor, now))
    return "\n".join(lines)


def _job_in_progress(engine: Engine, bus: CommandBus, supervisor: str, now: datetime) -> str:
    """Start the first released order's first operation 45 minutes ago, with counts, so stations show work.

    The counts are what the job's ideal cycle allows at a believable speed (about 85 % of it), so the
    terminal's actual cycle and the OEE's performance read like a real line's."""
    with Session(engine) as session:
        order, seq, station, line = session.execute(
            select(WorkOrder.number, WorkOrderOperation.seq, Workstation.code, Line.code)
            .join(WorkOrderOperation, WorkOrderOperation.work_order_id == WorkOrder.id)
            .join(
                RoutingOperationStation,
                RoutingOperationStation.routing_operation_id == WorkOrderOperation.routing_operation_id,
            )
            .join(Workstation, Workstation.id == RoutingOperationStation.workstation_id)
            .join(Line, Line.id == Workstation.line_id)
            .where(WorkOrder.status == WorkOrderStatus.RELEASED, WorkOrderOperation.status == OperationStatus.READY)
            .order_by(Workstation.code, WorkOrder.priority.desc(), WorkOrder.number)
            .limit(1)
        ).one()
    job: dict[str, Any] = {"actor": supervisor, "station": station, "work_order": order, "operation": seq}
    bus.execute(c.StartJob(command_id=uuid.uuid4(), issued_at=now - timedelta(minutes=45), **job))
    ideal = _ideal_cycle_seconds(engine, order, seq)
    with read_connection(engine) as connection:
        product = connection.scalar(
            select(Material.code).join(WorkOrder, WorkOrder.product_id == Material.id).where(WorkOrder.number == order)
        )
        scanned = scanned_lines(connection, str(product)).get(seq, [])
        # The first reason (by code) the terminal would offer for this job at its station (domain.scrap_scope).
        scrap_reason = min(
            (
                reason.code
                for reason in scrap_reasons(connection)
                if reason.scope.applies(line=line, station=station, product=str(product), operation=seq)
            ),
            default=None,
        )
    # Two reports: 25 and 17 minutes of running at 88 % and 85 % of the ideal speed, one part scrapped
    # (where a reason applies).
    reports = [
        (minutes_ago, int(Decimal(minutes * 60) / ideal * speed), scrap if scrap_reason else 0)
        for minutes_ago, minutes, speed, scrap in ((20, 25, Decimal("0.88"), 1), (3, 17, Decimal("0.85"), 0))
    ]
    for material, per in scanned:  # the oldest lot of each scanned material, as much as the counts below need
        bus.execute(
            c.ConsumeLot(
                command_id=uuid.uuid4(),
                issued_at=now - timedelta(minutes=44),
                lot=_lots_for(engine, order, seq, material)[0],
                quantity=per * sum(parts for _, parts, _ in reports),
                **job,
            )
        )
    made = {"good": Decimal(0), "scrap": Decimal(0)}
    for minutes_ago, parts, scrap in reports:
        bus.execute(
            c.ReportCount(
                command_id=uuid.uuid4(),
                issued_at=now - timedelta(minutes=minutes_ago),
                good=Decimal(parts - scrap),
                scrap=Decimal(scrap),
                scrap_reason=scrap_reason if scrap else None,
                **job,
            )
        )
        made["good"] += parts - scrap
        made["scrap"] += scrap
        if minutes_ago == 20:
            # The first piece was inspected and passed (so the terminal opens without a check due).
            checked_at = now - timedelta(minutes=19)
            pass_due_checks(
                bus, supervisor, checked_at, station=station, work_order=order, operation=seq, completing=False
            )
    return (
        f"Running at {station}: {order} operation {seq}, started 45 minutes ago, "
        f"{made['good']} good and {made['scrap']} scrap so far."
    )


def _ideal_cycle_seconds(engine: Engine, order: str, seq: int) -> Decimal:
    with Session(engine) as session:
        return Decimal(
            session.execute(
                select(RoutingOperation.ideal_cycle_seconds)
                .join(WorkOrderOperation, WorkOrderOperation.routing_operation_id == RoutingOperation.id)
                .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
                .where(WorkOrder.number == order, WorkOrderOperation.seq == seq)
            ).scalar_one()
        )


def _receive_stock(engine: Engine, bus: CommandBus, supervisor: str, now: datetime) -> str:
    """Two lots of every purchased lot-controlled material, received a week apart, so that material
    scans, FEFO warnings and the Materials panel have something to show."""
    with Session(engine) as session:
        materials = session.execute(
            select(Material.code, Material.unit)
            .where(Material.lot_controlled, ~Material.is_product)
            .order_by(Material.code)
        ).all()
    received = []
    for index, (code, unit) in enumerate(materials):
        quantity = Decimal(400) if unit == "kg" else Decimal(1000)
        for age_days, suffix in ((14, "A"), (7, "B")):
            number = f"R-{now:%y%m}-{index + 1:02d}{suffix}"
            bus.execute(
                c.ReceiveLot(
                    command_id=uuid.uuid4(),
                    actor=supervisor,
                    issued_at=now - timedelta(days=age_days),
                    lot=number,
                    material=code,
                    quantity=quantity,
                    supplier_lot=f"S{index + 1:02d}-{suffix}{now:%m%d}",
                )
            )
            received.append(number)
    return f"Received {len(received)} lots of {len(materials)} materials ({received[0]} to {received[-1]})."


def _do(bus: CommandBus, cls: Callable[..., c.Command], actor: str, at, number: str, **extra: object) -> str:
    outcome = bus.execute(cls(command_id=uuid.uuid4(), actor=actor, issued_at=at, number=number, **extra))
    return str(outcome.result["status"])


def _lots_for(engine: Engine, order: str, seq: int, material: str) -> list[str]:
    """Available lots of `material`, which the order's product takes at this operation, oldest first."""
    with Session(engine) as session:
        product = select(WorkOrder.product_id).where(WorkOrder.number == order).scalar_subquery()
        return list(
            session.scalars(
                select(Lot.number)
                .join(BomLine, BomLine.component_id == Lot.material_id)
                .join(Material, Material.id == Lot.material_id)
                .where(
                    BomLine.product_id == product,
                    BomLine.operation_seq == seq,
                    Material.code == material,
                    Lot.status == LotStatus.AVAILABLE,
                )
                .order_by(Lot.created_at, Lot.number)
            )
        )


def _site_codes(engine: Engine) -> list[str]:
    """The sites the database holds; none when it has no schema yet (read before any migration)."""
    if not inspect(engine).has_table(Site.__tablename__):
        return []
    with Session(engine) as session:
        return list(session.scalars(select(Site.code).order_by(Site.code)))


def _work_order_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(WorkOrder)) or 0


def _approve_instructions(engine: Engine, bus: CommandBus, plant: PlantDefinition, now: datetime) -> str:
    """The demo's quality engineer approves the instructions the plant file brought, before orders are
    released, so that the stations show them (and the orders keep that revision)."""
    signer = next((u for u in plant.users if "quality" in u.roles and u.pin), None)
    with engine.connect() as connection:
        pending = [r for r in revision_rows(connection, plant.site.timezone) if r.status == "pending"]
    if signer is None or signer.pin is None or not pending:
        return "Work instructions: none to approve."
    for row in pending:
        bus.execute(
            c.ApproveInstructions(
                command_id=uuid.uuid4(),
                actor=signer.badge,
                issued_at=now,
                product=row.product,
                operation=row.operation,
                revision=row.revision,
                pin=signer.pin,
                meaning="approved",
                comment="Demo plant: released with the plant file.",
            )
        )
    return f"Work instructions: {len(pending)} revision(s) approved by {signer.name}."


def _supervisor_and_products(engine: Engine) -> tuple[str, list[str]]:
    with Session(engine) as session:
        supervisor = session.scalars(
            select(User.badge).join(UserRole).where(UserRole.role == "supervisor").order_by(User.badge)
        ).first()
        products = session.scalars(
            select(Material.code).where(Material.id.in_(select(RoutingOperation.product_id))).order_by(Material.code)
        ).all()
    if supervisor is None or not products:
        raise RuntimeError("the demo plant needs a supervisor and a product with a routing")
    return supervisor, list(products)
