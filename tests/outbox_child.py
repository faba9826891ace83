"""An operator terminal's service stack in a process of its own, for tests/integration/test_outbox_kill.py.

    python -m tests.outbox_child DATABASE_URL START N   # deliver what waits, then counts START..START+N-1
    python -m tests.outbox_child DATABASE_URL 0 0       # only deliver what waits, print what is left
    python -m tests.outbox_child serve                  # many terminals, one after the other, forked (below)

`serve` imports once and then forks a terminal for each request line on stdin, so that killing a
hundred of them takes seconds, not minutes of Python starting up (the fork has nothing open yet):

    {"run": [URL, START, N], "out": FILE, "env": {...}}  ->  "pid PID"   (its lines go to FILE)
    {"wait": PID}                                       ->  "ended PID STATUS"

Built as `mes-terminal terminal --station WS-01` builds it (bootstrap.terminal_service): the outbox is the
station's file in the user data directory (XDG_DATA_HOME). Count i has the id uuid5(NAMESPACE, str(i)), so
the parent knows every id; "taken i" is printed once the service has answered for it (done, or kept).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
import uuid
from decimal import Decimal

from mes_terminal.bootstrap import Application, terminal_service
from mes_terminal.config import load_settings
from mes_terminal.db.engine import make_engine
from mes_terminal.domain.clock import SystemClock
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus

NAMESPACE = uuid.UUID("6f1d1d2e-3c4b-4a59-8d7e-0a1b2c3d4e5f")


def main(url: str, start: int, n: int) -> None:
    settings = load_settings(flags={"database_url": url, "station": "WS-01"})
    # As bootstrap.build, without its first round trip: this terminal may start with the database away.
    engine, clock = make_engine(url), SystemClock()
    service = terminal_service(Application(settings, engine, clock, CommandBus(engine, clock)))
    print(f"left {service.deliver_waiting().left}", flush=True)  # what waits first, as the terminal does at start
    for i in range(start, start + n):
        service.execute(
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


def _warm_up() -> None:
    """Import what a terminal imports when it is built (the database drivers, the services), connecting nowhere."""
    for url in ("postgresql://warm-up@127.0.0.1:1/none", "sqlite:///warm-up-never-opened.sqlite"):
        settings = load_settings(flags={"database_url": url, "station": "WS-01"})
        engine, clock = make_engine(url), SystemClock()
        terminal_service(Application(settings, engine, clock, CommandBus(engine, clock)))
        engine.dispose()


def serve() -> None:
    _warm_up()
    for request in map(json.loads, sys.stdin):
        if "wait" in request:
            _, status = os.waitpid(request["wait"], 0)
            print(f"ended {request['wait']} {status}", flush=True)
            continue
        pid = os.fork()
        if pid:
            print(f"pid {pid}", flush=True)
            continue
        code = 0
        try:  # the terminal: its own user directories, its lines to its own file
            os.environ.update(request["env"])
            out = os.open(request["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(out, sys.stdout.fileno())
            url, start, n = request["run"]
            main(url, start, n)
        except BaseException:
            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            os._exit(code)  # not the server's exit handlers


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    else:
        main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
