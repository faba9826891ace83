"""The demo: a database with the demo plant and work orders in every state, created once."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from mes_terminal.db import migrate
from mes_terminal.db.engine import safe_url
from mes_terminal.db.records import Material, RoutingOperation, User, UserRole, WorkOrder
from mes_terminal.domain.clock import Clock
from mes_terminal.paths import demo_plant_file
from mes_terminal.services import commands as c
from mes_terminal.services.bus import CommandBus
from mes_terminal.services.plant_loader import load_plant, read_plant_file

# (quantity, due in days, priority, what happens after creation)
_ORDERS = [
    (Decimal(500), 1, 10, "release"),
    (Decimal(250), 2, 5, "release"),
    (Decimal(120), 3, 5, "release"),
    (Decimal(80), 4, 0, "hold"),
    (Decimal(300), 6, 0, "plan"),
]


def create_demo(engine: Engine, bus: CommandBus, clock: Clock) -> str:
    """Build the demo database unless it exists; returns what was created (or found) in plain words."""
    migrate.upgrade(engine)
    where = safe_url(engine.url)
    existing = _work_order_count(engine)
    if existing:
        return f"The demo database {where} already exists with {existing} work orders; nothing was changed."

    summary = load_plant(engine, read_plant_file(demo_plant_file()), now=clock.now())
    supervisor, products = _supervisor_and_products(engine)
    now = clock.now()
    lines = [f"Created the demo database {where}.", summary.describe(), "Work orders:"]
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
        status = "planned"
        if then in ("release", "hold"):
            status = _do(bus, c.ReleaseWorkOrder, supervisor, now, number)
        if then == "hold":
            status = _do(bus, c.HoldWorkOrder, supervisor, now, number, reason="Waiting for the customer's drawing")
        due = "tomorrow" if days == 1 else f"in {days} days"
        lines.append(
            f"  {number}  {product:<14} {quantity:>6}  due {due:<11} priority {priority:>2}  {status.replace('_', ' ')}"
        )
    lines.append("The operator terminal and the supervisor console open the demo once they are available.")
    return "\n".join(lines)


def _do(bus: CommandBus, cls: type[c.Command], actor: str, at, number: str, **extra: object) -> str:
    outcome = bus.execute(cls(command_id=uuid.uuid4(), actor=actor, issued_at=at, number=number, **extra))
    return str(outcome.result["status"])


def _work_order_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(WorkOrder)) or 0


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
