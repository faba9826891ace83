"""A terminal's service stack in a process of its own, for the kill tests of tests/integration/test_outbox_kill.py.

    python -m tests.outbox_child DATABASE_URL OUTBOX_FILE START N  # deliver what waits, then counts START..START+N-1
    python -m tests.outbox_child DATABASE_URL OUTBOX_FILE 0 0      # only deliver what waits, print what is left

Count i has the id uuid5(NAMESPACE, str(i)), so the parent knows every id without being told.
"""

from __future__ import annotations

import sys
import uuid
from decimal import Decimal
from pathlib import Path

from mes_terminal.db.engine import make_engine
from mes_terminal.domain.clock import SystemClock
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.delivery import OutboxDelivery
from mes_terminal.services.commands.outbox import Outbox

NAMESPACE = uuid.UUID("6f1d1d2e-3c4b-4a59-8d7e-0a1b2c3d4e5f")


def main(url: str, outbox_file: str, start: int, n: int) -> None:
    engine = make_engine(url)
    clock = SystemClock()
    delivery = OutboxDelivery(Outbox(Path(outbox_file)), CommandBus(engine, clock), clock)
    round_ = delivery.deliver()  # what waits first, as a terminal does at start
    print(f"left {round_.left}", flush=True)
    for i in range(start, start + n):
        delivery.send(
            c.ReportCount(
                command_id=uuid.uuid5(NAMESPACE, str(i)),
                actor="B1001",
                issued_at=clock.now(),
                station="WS-01",
                work_order="WO-1",
                operation=10,
                good=Decimal(1),
            )
        )
        print(f"taken {i}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
