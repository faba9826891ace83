"""Small builders shared by tests: commands with fresh ids and the test plant."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant, read_plant_file

DATA = Path(__file__).parent / "data"
SUPERVISOR, OPERATOR, LEAD = "B2001", "B1001", "B4001"


def load_small_plant(engine: Engine, now: datetime) -> None:
    load_plant(engine, read_plant_file(DATA / "small_plant.toml"), now=now)


def command(cls: type[c.Command], at: datetime, actor: str = SUPERVISOR, **fields: Any) -> Any:
    return cls(command_id=uuid.uuid4(), actor=actor, issued_at=at, **fields)


def run_first_job(bus: CommandBus, now: datetime, quantity: int = 10) -> None:
    """WO-1 (BRACKET-A) released, the operator signed in at WS-01 and operation 10 running there."""
    due = now + timedelta(days=1)
    bus.execute(
        command(c.CreateWorkOrder, now, number="WO-1", product="BRACKET-A", quantity=Decimal(quantity), due=due)
    )
    bus.execute(command(c.ReleaseWorkOrder, now, number="WO-1"))
    bus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, now, actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))


# The small plant with scrap reasons scoped to a station, an operation and a line.
SCOPED = """
[[scrap_reasons]]
code = "CRACK"
name = "Crack at bend"
stations = ["WS-02"]

[[scrap_reasons]]
code = "KERF"
name = "Kerf too wide"
operations = [{ product = "BRACKET-A", operation = 10 }]

[[scrap_reasons]]
code = "DROP"
name = "Dropped on the line"
lines = ["L1"]
"""


def scoped_plant(extra: str = SCOPED) -> str:
    return (DATA / "small_plant.toml").read_text(encoding="utf-8") + extra


# Nothing listens on port 1: connecting fails at once, as when the network to the server is down.
UNREACHABLE = "postgresql://mes@127.0.0.1:1/mes"


def keep_held_scan(bus: CommandBus, clock: Any, outbox_file: Path) -> c.ConsumeLot:
    """Lot S-1 scanned into the job running at WS-01 while the terminal was offline; meanwhile the lot was
    put on hold. Delivered when the database answered: refused, and kept as conflict 1."""
    from mes_terminal.db.engine import make_engine
    from mes_terminal.services.commands.delivery import OutboxDelivery
    from mes_terminal.services.commands.outbox import Outbox

    now = clock.now()
    run_first_job(bus, now)
    bus.execute(command(c.ReceiveLot, now, lot="S-1", material="STEEL-2MM", quantity=Decimal(100)))
    scan = command(c.ConsumeLot, now, actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10,
                   lot="S-1", quantity=Decimal(2))  # fmt: skip
    offline = make_engine(UNREACHABLE)
    try:
        OutboxDelivery(Outbox(outbox_file), CommandBus(offline, clock), clock).send(scan)
    finally:
        offline.dispose()
    bus.execute(command(c.HoldLot, now, lot="S-1", reason="Rust found"))
    assert len(OutboxDelivery(Outbox(outbox_file), bus, clock).deliver().conflicts) == 1
    return scan
