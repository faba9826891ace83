"""Benchmark: commands through the spine against the same statements issued with the bare driver.

    python benchmarks/spine.py [--commands 5000] [--postgresql URL] [--skip-sqlite]

For each database it runs the same workload twice in one run: HoldWorkOrder / ReleaseWorkOrder on
50 work orders through `CommandBus` (handler, permission check, row lock, idempotency record, event),
then the same SQL statements, in the same transactions, issued with the bare driver (sqlite3 or
psycopg). It prints both rates, p50 / p99 latency and the ratio. Budget on PostgreSQL, one client:
handlers >= 0.5x the bare driver, p99 < 25 ms. A benchmark, not a test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import psycopg
from pg_databases import fresh_pg_database  # benchmarks/ is on the path when a script runs
from sqlalchemy import text

from mes_terminal.db import migrate
from mes_terminal.db.engine import libpq_url, make_engine
from mes_terminal.domain.clock import SystemClock
from mes_terminal.paths import demo_plant_file
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant, read_plant_file

ORDERS = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=5000)
    parser.add_argument(
        "--postgresql",
        default=os.environ.get("MES_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
        help="a server database; the benchmark creates and drops its own database there",
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgresql", action="store_true")
    args = parser.parse_args()

    print(f"{args.commands} commands (HoldWorkOrder/ReleaseWorkOrder over {ORDERS} orders), one client\n")
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
            _compare("SQLite", url, args.commands, lambda: _Sqlite(Path(folder) / "bench.sqlite"))
    if not args.skip_postgresql:
        url = fresh_pg_database(args.postgresql, "mes_bench_spine")
        _compare("PostgreSQL", url, args.commands, lambda: _Postgres(url))


def _compare(title: str, url: str, count: int, bare_factory: Callable[[], _Bare]) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    clock = SystemClock()
    plan = _prepare(engine, clock)
    bus = CommandBus(engine, clock)

    commands = _workload(plan, count)
    spine = _timed(lambda cmd: bus.execute(cmd), commands)

    bare = bare_factory()
    statements = _workload(plan, count)
    raw = _timed(bare.execute, statements)
    bare.close()
    engine.dispose()

    print(f"== {title}")
    _row("bare driver", raw)
    _row("spine (handlers)", spine)
    ratio = (len(spine) / sum(spine)) / (len(raw) / sum(raw))
    print(f"   ratio spine / bare: {ratio:.2f}x  (budget on PostgreSQL: >= 0.5x, p99 < 25 ms)\n")


def _row(label: str, latencies: list[float]) -> None:
    ordered = sorted(latencies)
    p50 = ordered[len(ordered) // 2] * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    rate = len(latencies) / sum(latencies)
    print(f"   {label:<18} {rate:8.0f} commands/s   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")


def _timed(run: Callable, items: list) -> list[float]:
    latencies = []
    for item in items:
        started = time.perf_counter()
        run(item)
        latencies.append(time.perf_counter() - started)
    return latencies


def _prepare(engine, clock) -> dict:
    """Load the demo plant and create the orders the workload toggles; returns what the workload needs."""
    load_plant(engine, read_plant_file(demo_plant_file()), now=clock.now())
    with engine.connect() as connection:
        supervisor = connection.execute(
            text(
                "SELECT u.badge FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'supervisor' "
                "ORDER BY u.badge LIMIT 1"
            )
        ).scalar_one()
        product = connection.execute(
            text(
                "SELECT m.code FROM materials m WHERE m.id IN (SELECT product_id FROM routing_operations) "
                "ORDER BY m.code LIMIT 1"
            )
        ).scalar_one()
    bus = CommandBus(engine, clock)
    now = clock.now()
    for i in range(ORDERS):
        number = f"WO-B{i:03d}"
        bus.execute(
            c.CreateWorkOrder(
                command_id=uuid.uuid4(),
                actor=supervisor,
                issued_at=now,
                number=number,
                product=product,
                quantity=Decimal(100),
                due=now + timedelta(days=1),
            )
        )
        bus.execute(c.ReleaseWorkOrder(command_id=uuid.uuid4(), actor=supervisor, issued_at=now, number=number))
    return {"supervisor": supervisor}


def _workload(plan: dict, count: int) -> list[c.Command]:
    """Hold every order, then release every order, and so on: each command is a valid transition."""
    now = datetime.now(UTC)
    out: list[c.Command] = []
    for i in range(count):
        cls = c.HoldWorkOrder if (i // ORDERS) % 2 == 0 else c.ReleaseWorkOrder
        out.append(
            cls(command_id=uuid.uuid4(), actor=plan["supervisor"], issued_at=now, number=f"WO-B{i % ORDERS:03d}")
        )
    return out


class _Bare:
    """The statements the handlers issue, written by hand for the bare driver."""

    placeholder = "?"

    def execute(self, cmd: c.Command) -> None:
        hold = isinstance(cmd, c.HoldWorkOrder)
        p = self.placeholder
        cur = self.cursor
        now = datetime.now(UTC)
        cid = self.uuid(cmd.command_id)
        self.begin()
        cur.execute(
            "SELECT u.id, u.badge, u.name, u.active, u.pin_hash, r.role FROM users u "
            f"LEFT JOIN user_roles r ON r.user_id = u.id WHERE u.badge = {p}",
            (cmd.actor,),
        )
        cur.fetchall()
        cur.execute(
            f"SELECT id, number, status, version, released_at FROM work_orders WHERE number = {p}{self.for_update}",
            (cmd.number,),
        )
        order_id, _, status, version, released_at = cur.fetchone()
        if hold:
            new_status = "on_hold"
            cur.execute(
                f"UPDATE work_orders SET version = {p}, status = {p} WHERE id = {p} AND version = {p}",
                (version + 1, new_status, order_id, version),
            )
        else:
            new_status = "released"
            cur.execute(
                f"SELECT EXISTS (SELECT 1 FROM work_order_operations o WHERE o.work_order_id = {p} "
                "AND (o.started_at IS NOT NULL OR EXISTS (SELECT 1 FROM counts WHERE counts.operation_id = o.id)))",
                (order_id,),
            )
            cur.fetchone()
            cur.execute(
                f"UPDATE work_order_operations SET status = 'ready', version = version + 1 WHERE id = "
                f"(SELECT id FROM work_order_operations WHERE work_order_id = {p} AND status = 'pending' "
                "ORDER BY seq LIMIT 1)",
                (order_id,),
            )
            cur.execute(
                f"UPDATE work_orders SET version = {p}, status = {p}, released_at = {p} "
                f"WHERE id = {p} AND version = {p}",
                (version + 1, new_status, released_at, order_id, version),
            )
        result = json.dumps({"number": cmd.number, "status": new_status, "version": version + 1})
        cur.execute(
            "INSERT INTO processed_commands (command_id, type, actor, station, issued_at, processed_at, result) "
            f"VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p})",
            (cid, cmd.type, cmd.actor, None, self.time(cmd.issued_at), self.time(now), result),
        )
        payload = json.dumps({"before": {"status": status}, "after": {"status": new_status}})
        cur.execute(
            "INSERT INTO events (occurred_at, recorded_at, actor, station, type, entity, entity_id, payload, "
            f"command_id) VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p})",
            (
                self.time(cmd.issued_at),
                self.time(now),
                cmd.actor,
                None,
                "WorkOrderHeld" if hold else "WorkOrderReleased",
                "work_order",
                cmd.number,
                payload,
                cid,
            ),
        )
        self.commit()


class _Sqlite(_Bare):
    for_update = ""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute("PRAGMA journal_mode = WAL")
        self.connection.execute("PRAGMA synchronous = NORMAL")
        self.cursor = self.connection.cursor()

    def begin(self) -> None:
        self.cursor.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.cursor.execute("COMMIT")

    def uuid(self, value: uuid.UUID) -> str:
        return value.hex

    def time(self, value: datetime) -> str:
        return value.replace(tzinfo=None).isoformat(sep=" ")

    def close(self) -> None:
        self.connection.close()


class _Postgres(_Bare):
    placeholder = "%s"
    for_update = " FOR UPDATE"

    def __init__(self, url: str) -> None:
        self.connection = psycopg.connect(libpq_url(url))
        self.cursor = self.connection.cursor()

    def begin(self) -> None:
        pass  # psycopg opens a transaction at the first statement

    def commit(self) -> None:
        self.connection.commit()

    def uuid(self, value: uuid.UUID) -> uuid.UUID:
        return value

    def time(self, value: datetime) -> datetime:
        return value

    def close(self) -> None:
        self.connection.close()


if __name__ == "__main__":
    sys.exit(main())
