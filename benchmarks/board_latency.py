"""Benchmark: an operator's action to the supervisor board's new row, end to end, on PostgreSQL.

    python benchmarks/board_latency.py [--postgresql URL] [--actions 200]

A terminal process issues commands (call a supervisor at a station) through the command bus. The
console process does what the console's view-model does: it waits on `LISTEN mes_events` (with its
0.5 s poll as the fallback), asks what changed since the last event seen and reads the touched
station's board row again. The figure is the time from just before the command to the fresh row in
the console, p50 and p95, next to a bare `NOTIFY` round trip between the two connections measured in
the same run. Budget: p95 < 1 s. A benchmark, not a test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
import uuid

import psycopg
from pg_databases import drop_pg_database, fresh_pg_database  # benchmarks/ is on the path when a script runs

from mes_terminal.db import migrate
from mes_terminal.db.engine import libpq_url, make_engine
from mes_terminal.domain.clock import SystemClock
from mes_terminal.paths import demo_plant_file
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.queries.event_wakeup import EventWakeup
from mes_terminal.services.supervisor import SupervisorService

STATION, OPERATOR, PIN = "WS-01", "B1001", "1001"
POLL_SECONDS = 0.5  # the console's fallback poll (ui/supervisor/view_model.py)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--postgresql", default=os.environ.get("MES_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    )
    parser.add_argument("--actions", type=int, default=200)
    args = parser.parse_args()
    url = fresh_pg_database(args.postgresql, "mes_bench_latency")
    try:
        engine = make_engine(url)
        migrate.upgrade(engine)
        load_plant(engine, read_plant_file(demo_plant_file()), now=SystemClock().now())
        bus = CommandBus(engine, SystemClock())
        bus.execute(
            c.SignIn(
                command_id=uuid.uuid4(),
                actor=OPERATOR,
                issued_at=SystemClock().now(),
                station=STATION,
                badge=OPERATOR,
                pin=PIN,
            )
        )
        engine.dispose()
        baseline = _notify_round_trips(url, args.actions)
        latencies = _actions(url, args.actions)
    finally:
        drop_pg_database(args.postgresql, "mes_bench_latency")
    print(f"{args.actions} actions at a terminal, seen on the board (PostgreSQL; budget p95 < 1000 ms)")
    _row("bare NOTIFY round trip", baseline)
    _row("action -> board row", latencies)


def _console(url: str, ready, seen) -> None:
    engine = make_engine(url)
    service = SupervisorService(engine, CommandBus(engine, SystemClock()), SystemClock())
    wakeup = EventWakeup(engine)
    last = service.last_event_id()
    wakeup.wait(0.01)  # LISTEN before the terminal starts acting
    ready.set()
    while True:
        wakeup.wait(POLL_SECONDS)
        changes = service.changes_since(last)
        if changes.last_event_id == last:
            continue
        last = changes.last_event_id
        if STATION in changes.stations:
            service.board(frozenset({STATION}))
            seen.put(time.time())


def _actions(url: str, count: int) -> list[float]:
    ctx = multiprocessing.get_context("spawn")
    ready, seen = ctx.Event(), ctx.Queue()
    console = ctx.Process(target=_console, args=(url, ready, seen), daemon=True)
    console.start()
    ready.wait(60)
    engine = make_engine(url)
    bus = CommandBus(engine, SystemClock())
    latencies = []
    try:
        for n in range(count):
            started = time.time()
            bus.execute(
                c.CallSupervisor(
                    command_id=uuid.uuid4(),
                    actor=OPERATOR,
                    issued_at=SystemClock().now(),
                    station=STATION,
                    message=f"Call {n}",
                )
            )
            latencies.append(seen.get(timeout=10) - started)
            time.sleep(0.02)
    finally:
        console.terminate()
        engine.dispose()
    return latencies


def _notify_round_trips(url: str, count: int) -> list[float]:
    plain = libpq_url(url)
    with psycopg.connect(plain, autocommit=True) as listener, psycopg.connect(plain, autocommit=True) as sender:
        listener.execute("LISTEN bench_round_trip")
        seconds = []
        for _ in range(count):
            started = time.perf_counter()
            sender.execute("NOTIFY bench_round_trip")
            next(iter(listener.notifies(timeout=5, stop_after=1)))
            seconds.append(time.perf_counter() - started)
    return seconds


def _row(label: str, seconds: list[float]) -> None:
    ordered = sorted(seconds)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000
    print(f"   {label:<24} p50 {p50:8.2f} ms   p95 {p95:8.2f} ms")


if __name__ == "__main__":
    sys.exit(main())
