"""An operator terminal's service stack in a process of its own, for the outbox's fault tests
(tests/integration/test_outbox_kill.py, tests/integration/test_database_faults.py).

    python -m tests.outbox_child DATABASE_URL START N   # deliver what waits, then counts START..START+N-1
    python -m tests.outbox_child DATABASE_URL 0 0       # only deliver what waits, print what is left
    python -m tests.outbox_child DATABASE_URL START N PACE EVERY
        # waits for a line on stdin (so that terminals started together count together), then
        # a count every PACE seconds; every EVERY counts, deliver what waits (the window's refresh does);
        # at the end, deliver until nothing waits (at most a minute) and print "left N"
    python -m tests.outbox_child serve                  # many terminals, one after the other, forked (below)

`serve` imports once and then forks a terminal for each request line on stdin, so that killing a
hundred of them takes seconds, not minutes of Python starting up (the fork has nothing open yet):

    {"run": [URL, START, N], "out": FILE, "env": {...}}  ->  "pid PID"   (its lines go to FILE)
    {"wait": PID}                                       ->  "ended PID STATUS"

Built as `mes-terminal terminal --station WS-01` builds it (bootstrap.terminal_service): the outbox is the
station's file in the user data directory (XDG_DATA_HOME). Count i has the id uuid5(NAMESPACE, str(i)), so
the parent knows every id; "taken i" is printed once the service has answered for it (done, or kept), with
"queued" after it when it waits in the outbox.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
import uuid
from decimal import Decimal

from mes_terminal.bootstrap import Application, terminal_service
from mes_terminal.config import load_settings
from mes_terminal.db.engine import make_engine
from mes_terminal.domain.clock import SystemClock
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.delivery import Queued

NAMESPACE = uuid.UUID("6f1d1d2e-3c4b-4a59-8d7e-0a1b2c3d4e5f")
DRAIN_SECONDS = 60


def main(url: str, start: int, n: int, pace: float = 0.0, every: int = 0) -> None:
    settings = load_settings(flags={"database_url": url, "station": "WS-01"})
    # As bootstrap.build, without its first round trip: this terminal may start with the database away.
    engine, clock = make_engine(url), SystemClock()
    service = terminal_service(Application(settings, engine, clock, CommandBus(engine, clock)))
    print(f"left {service.deliver_waiting().left}", flush=True)  # what waits first, as the terminal does at start
    if every:
        sys.stdin.readline()
    for i in range(start, start + n):
        answer = service.execute(
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
        print(f"taken {i}" + (" queued" if isinstance(answer, Queued) else ""), flush=True)
        if every and (i - start + 1) % every == 0:
            service.deliver_waiting()
        time.sleep(pace)
    if every:
        deadline = time.monotonic() + DRAIN_SECONDS
        while (left := service.deliver_waiting().left) and time.monotonic() < deadline:
            time.sleep(0.2)
        print(f"left {left}", flush=True)


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
        paced = (float(sys.argv[4]), int(sys.argv[5])) if len(sys.argv) > 5 else (0.0, 0)
        main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *paced)
