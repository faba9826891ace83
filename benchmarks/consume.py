"""Benchmark: ConsumeLot through the handler against exactly the same statements with the bare driver.

    python benchmarks/consume.py [--commands 2000] [--postgresql URL] [--skip-sqlite] [--skip-postgresql]

A job runs at WS-01 of the demo plant with its output lot made and a large steel lot on hand. The
database is then copied three times. On the first copy the commands run through `CommandBus` while
SQLAlchemy's cursor events record every statement and its parameters. On the second copy the same
commands run through the bus again, timed. On the third copy the recorded statements of each command
are replayed with the bare driver (sqlite3 or psycopg), in the same transactions, timed. Budget:
handler >= 0.5x the bare driver. A benchmark, not a test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
from pg_databases import drop_pg_database, fresh_pg_database  # benchmarks/ is on the path when a script runs
from sqlalchemy import Engine, event

from mes_terminal.db import migrate
from mes_terminal.db.engine import make_engine
from mes_terminal.domain.clock import FixedClock
from mes_terminal.paths import demo_plant_file
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant, read_plant_file

STATION, OPERATOR, PIN, SUPERVISOR = "WS-01", "B1001", "1001", "B3001"
Statement = tuple[str, Any, bool]  # SQL, parameters, executemany


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=2000)
    parser.add_argument(
        "--postgresql",
        default=os.environ.get("MES_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgresql", action="store_true")
    args = parser.parse_args()
    print(f"{args.commands} ConsumeLot commands into one running job, one client\n")
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            _compare_sqlite(Path(folder), args.commands)
    if not args.skip_postgresql:
        _compare_postgresql(args.postgresql, args.commands)


def _compare_sqlite(folder: Path, count: int) -> None:
    base = folder / "base.sqlite"
    commands = _prepare(make_engine(f"sqlite:///{base}"), count)
    with sqlite3.connect(base) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copies = {name: folder / f"{name}.sqlite" for name in ("record", "handler", "bare")}
    for path in copies.values():
        shutil.copyfile(base, path)

    def bare(statements: list[Statement], connection: sqlite3.Connection) -> None:
        cursor = connection.cursor()
        for sql, parameters, many in statements:  # BEGIN IMMEDIATE is among them
            (cursor.executemany if many else cursor.execute)(sql, parameters)
            if cursor.description is not None:
                cursor.fetchall()  # SQLite computes rows as they are fetched: fetch them, as the handler does
        cursor.execute("COMMIT")

    def open_bare() -> sqlite3.Connection:
        connection = sqlite3.connect(copies["bare"], isolation_level=None)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
        return connection

    _compare("SQLite", lambda name: f"sqlite:///{copies[name]}", commands, open_bare, bare)


def _compare_postgresql(server: str, count: int) -> None:
    base = fresh_pg_database(server, "mes_bench_consume")
    commands = _prepare(make_engine(base), count)
    urls = {
        name: fresh_pg_database(server, f"mes_bench_consume_{name}", template="mes_bench_consume")
        for name in ("record", "handler", "bare")
    }

    def bare(statements: list[Statement], connection: psycopg.Connection) -> None:
        with connection.cursor() as cursor:
            for sql, parameters, many in statements:
                (cursor.executemany if many else cursor.execute)(sql, parameters)
                if cursor.description is not None:
                    cursor.fetchall()
        connection.commit()

    try:
        _compare("PostgreSQL", urls.__getitem__, commands, lambda: psycopg.connect(urls["bare"]), bare)
    finally:
        for name in ("record", "handler", "bare", ""):
            drop_pg_database(server, f"mes_bench_consume_{name}".rstrip("_"))


def _compare(
    title: str,
    url_of: Callable[[str], str],
    commands: list[c.Command],
    open_bare: Callable[[], Any],
    replay: Callable[[list[Statement], Any], None],
) -> None:
    recorded = _record(make_engine(url_of("record")), commands)

    engine = make_engine(url_of("handler"))
    bus = CommandBus(engine, FixedClock(commands[-1].issued_at))
    handler = _timed(bus.execute, commands)
    engine.dispose()

    connection = open_bare()
    raw = _timed(lambda statements: replay(statements, connection), recorded)
    connection.close()

    statements = sum(len(s) for s in recorded) / len(recorded)
    print(f"== {title}   ({statements:.0f} statements a command)")
    _row("bare driver", raw)
    _row("ConsumeLot handler", handler)
    ratio = (len(handler) / sum(handler)) / (len(raw) / sum(raw))
    print(f"   ratio handler / bare: {ratio:.2f}x  (budget: >= 0.5x)\n")


def _prepare(engine: Engine, count: int) -> list[c.Command]:
    """The demo plant, a running job with its output lot, a large lot; returns the commands to run."""
    migrate.upgrade(engine)
    start = datetime.now(UTC) - timedelta(hours=1)
    load_plant(engine, read_plant_file(demo_plant_file()), now=start)
    bus = CommandBus(engine, FixedClock(start))

    def run(cls: type[c.Command], actor: str = SUPERVISOR, **fields: Any) -> dict:
        return dict(bus.execute(cls(command_id=uuid.uuid4(), actor=actor, issued_at=start, **fields)).result)

    run(c.CreateWorkOrder, number="WO-BENCH", product="BRACKET-A", quantity=Decimal(100000), due=start)
    run(c.ReleaseWorkOrder, number="WO-BENCH")
    run(c.ReceiveLot, lot="BIG", material="STEEL-2MM", quantity=Decimal(900000))
    job = {"station": STATION, "work_order": "WO-BENCH", "operation": 10}
    run(c.SignIn, actor=OPERATOR, station=STATION, badge=OPERATOR, pin=PIN)
    run(c.StartJob, actor=OPERATOR, **job)
    run(c.ReportCount, actor=OPERATOR, good=Decimal(1), **job)
    engine.dispose()
    return [
        c.ConsumeLot(
            command_id=uuid.uuid4(),
            actor=OPERATOR,
            issued_at=start + timedelta(milliseconds=i),
            lot="BIG",
            quantity=Decimal("0.5"),
            **job,
        )
        for i in range(count)
    ]


def _record(engine: Engine, commands: list[c.Command]) -> list[list[Statement]]:
    """Every statement each command sends to the database, with its parameters, in order."""
    recorded: list[list[Statement]] = []
    current: list[Statement] = []

    @event.listens_for(engine, "before_cursor_execute")
    def keep(connection, cursor, statement, parameters, context, executemany) -> None:
        current.append((statement, parameters, executemany))

    bus = CommandBus(engine, FixedClock(commands[-1].issued_at))
    for command in commands:
        current.clear()
        bus.execute(command)
        recorded.append(list(current))
    engine.dispose()
    return recorded


def _timed(run: Callable, items: list) -> list[float]:
    latencies = []
    for item in items:
        started = time.perf_counter()
        run(item)
        latencies.append(time.perf_counter() - started)
    return latencies


def _row(label: str, latencies: list[float]) -> None:
    ordered = sorted(latencies)
    p50 = ordered[len(ordered) // 2] * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    print(f"   {label:<20} {len(latencies) / sum(latencies):7.0f} commands/s   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")


if __name__ == "__main__":
    sys.exit(main())
