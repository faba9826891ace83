"""Benchmark: a floor of N stations under load on one PostgreSQL, next to the bare driver, invariants checked.

    python benchmarks/floor.py --stations 16 --seconds 30 [--pace 1.0] [--database-url URL] [--json]

The plant is generated: N stations, ten to a line, each with its own product (one operation, one BOM
line of RAW, and on every other station a checklist), its own badge-only operator, released work orders
enough for the run, a lot of RAW of its own and one lot SHARED that every station takes from (so the
stations meet on one row). N processes (spawn) then each work an operator's day at their station through
`TerminalService` and `CommandBus` as the terminal builds them (no outbox): sign in, the dispatch list,
start the next job, scan lots (ConsumeLot), report counts, answer the check, a downtime start and end,
complete, next job. Between two commands an operator waits `--pace` seconds (jittered); 0 runs flat out.

Then, in the same run, the same N processes with the same pace run the core statements of a command
with psycopg directly (lock the operation, update it, insert a count, a processed command and an
event), pgbench-style, on a copy of the database taken before the run. It prints per command type the
count, rate, p50 and p99, the totals, and then checks the invariants with SQL (PASS/FAIL each); exits 1
when one fails. Budget (issue 20): 50 stations with p99 < 50 ms a command and every invariant intact.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import multiprocessing
import os
import random
import sys
import threading
import time
import traceback
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import psycopg
from pg_databases import drop_pg_database, fresh_pg_database  # benchmarks/ is on the path when a script runs

from mes_terminal.db import migrate
from mes_terminal.db.engine import libpq_url, make_engine
from mes_terminal.domain.clock import SystemClock
from mes_terminal.domain.errors import MesError
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.services.terminal import TerminalService

SUPERVISOR, PER_LINE = "SUP", 10
QUANTITY, GOOD_PER_COUNT, SCAN = Decimal(10), Decimal(2), Decimal(6)
COMMANDS_PER_JOB = 12  # start, 2 scans, 5 counts, check, downtime start/end, complete (about)
DATABASE = f"mes_bench_floor_{os.getpid()}"  # two runs on one server do not meet


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--pace", type=float, default=1.0, help="seconds an operator waits between commands")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("MES_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
        help="a PostgreSQL server database; the benchmark creates and drops its own databases there",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()

    server = libpq_url(args.database_url)
    url = fresh_pg_database(server, DATABASE)
    orders = math.ceil(args.seconds / (COMMANDS_PER_JOB * max(args.pace, 0.02))) + 2
    try:
        prepared = _prepare(url, args.stations, orders)
        raw_url = fresh_pg_database(server, f"{DATABASE}_raw", template=DATABASE)
        stack = _run(_operator_day, url, args, prepared)
        raw = _run(_raw_day, raw_url, args, prepared)
        invariants = _invariants(url, prepared["first_event"])
    finally:
        drop_pg_database(server, f"{DATABASE}_raw")
        drop_pg_database(server, DATABASE)

    figures = {
        "stations": args.stations,
        "seconds": args.seconds,
        "pace": args.pace,
        "orders_per_station": orders,
        "stack": _summary(stack, args.seconds),
        "raw": _summary(raw, args.seconds),
        "invariants": invariants,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        _print(figures)
    return 0 if all(invariants.values()) else 1


# --- the plant --------------------------------------------------------------------------------------


def _station(n: int) -> str:
    return f"S-{n:04d}"


def _plant_text(stations: int) -> str:
    parts = [
        '[site]\ncode = "FLOOR"\nname = "Floor benchmark plant"\ntimezone = "Europe/Berlin"\n',
        '[[shifts]]\ncode = "DAY"\ndays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'
        'start = "00:00"\nend = "23:59"\n',
    ]
    for line in range(math.ceil(stations / PER_LINE)):
        parts.append(f'[[lines]]\ncode = "L{line + 1:02d}"\nname = "Line {line + 1}"\nshifts = ["DAY"]\n')
        for n in range(line * PER_LINE + 1, min(stations, (line + 1) * PER_LINE) + 1):
            parts.append(f'[[lines.workstations]]\ncode = "{_station(n)}"\nname = "Station {n}"\nbadge_only = true\n')
    for n in range(1, stations + 1):
        parts.append(f'[[users]]\nbadge = "O-{n:04d}"\nname = "Operator {n}"\nroles = ["operator"]\n')
    parts.append(f'[[users]]\nbadge = "{SUPERVISOR}"\nname = "Supervisor"\npin = "9000"\nroles = ["supervisor"]\n')
    parts.append('[[materials]]\ncode = "RAW"\nname = "Raw material"\nunit = "kg"\n')
    parts.append(
        '[[checklists]]\ncode = "CHK"\nversion = 1\nname = "Start check"\n'
        '[[checklists.items]]\ncode = "LEN"\ntext = "Length"\nkind = "numeric"\nunit = "mm"\n'
        'lower = "9.5"\ntarget = "10.0"\nupper = "10.5"\nwhen = "start"\n'
    )
    for n in range(1, stations + 1):
        checklist = 'checklist = "CHK"\n' if n % 2 else ""
        parts.append(
            f'[[products]]\ncode = "P-{n:04d}"\nname = "Part {n}"\nunit = "pcs"\n'
            f'[[products.routing]]\noperation = 10\nname = "Make"\nworkstations = ["{_station(n)}"]\n'
            f"ideal_cycle_seconds = 10\n{checklist}"
            '[[products.bom]]\nmaterial = "RAW"\nquantity = 1\noperation = 10\n'
        )
    parts.append(
        '[[downtime_reasons]]\ncode = "JAM"\nname = "Part jammed"\ncategory = "unplanned"\nloss = "performance"\n'
    )
    parts.append('[[scrap_reasons]]\ncode = "DAMAGE"\nname = "Handling damage"\n')
    return "\n".join(parts)


def _prepare(url: str, stations: int, orders: int) -> dict[str, Any]:
    """Schema, plant, released orders and lots; returns what the operators need to know."""
    engine = make_engine(url)
    migrate.upgrade(engine)
    clock = SystemClock()
    load_plant(engine, parse_plant(_plant_text(stations)), now=clock.now())
    bus = CommandBus(engine, clock)

    def do(cls: type[c.Command], **fields: Any) -> None:
        bus.execute(cls(command_id=uuid.uuid4(), actor=SUPERVISOR, issued_at=clock.now(), **fields))

    due = clock.now() + timedelta(days=2)
    do(c.ReceiveLot, lot="SHARED", material="RAW", quantity=Decimal(10_000_000))
    for n in range(1, stations + 1):
        do(c.ReceiveLot, lot=f"RAW-{n:04d}", material="RAW", quantity=Decimal(10_000_000))
        for k in range(orders):
            number = f"WO-{n:04d}-{k:04d}"
            do(c.CreateWorkOrder, number=number, product=f"P-{n:04d}", quantity=QUANTITY, due=due)
            do(c.ReleaseWorkOrder, number=number)
    with engine.connect() as connection:
        first_event = connection.exec_driver_sql("SELECT coalesce(max(id), 0) + 1 FROM events").scalar_one()
        supervisor_id = connection.exec_driver_sql("SELECT id FROM users WHERE badge = %s", (SUPERVISOR,)).scalar_one()
    engine.dispose()
    return {"first_event": first_event, "supervisor_id": supervisor_id}


# --- the processes ----------------------------------------------------------------------------------


Sample = tuple[str, float, bool]  # command type, seconds, refused


def _run(day: Callable[..., None], url: str, args: argparse.Namespace, prepared: dict) -> list[Sample]:
    """N processes, started together once all are ready; every sample each took."""
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(args.stations + 1)
    results = context.Queue()
    processes = [
        context.Process(target=_guarded, args=(day, url, n, args.seconds, args.pace, prepared, ready, results))
        for n in range(1, args.stations + 1)
    ]
    for process in processes:
        process.start()
    with contextlib.suppress(threading.BrokenBarrierError):  # one failed before the start; its sample says so
        ready.wait()
    samples: list[Sample] = []
    for _ in processes:
        samples.extend(results.get())
    for process in processes:
        process.join()
    return samples


def _guarded(day: Callable[..., None], *args: Any) -> None:
    """Run one process's day; one that breaks says so as a sample instead of leaving the parent waiting."""
    try:
        day(*args)
    except BaseException:
        traceback.print_exc()
        args[-2].abort()  # the start barrier: nobody waits for this process any more
        args[-1].put([("process failed", 0.0, True)])


class _Operator:
    """One operator at one station: sends commands through the terminal's service and times them."""

    def __init__(self, url: str, n: int, pace: float) -> None:
        self.engine = make_engine(url)
        clock = SystemClock()
        self.service = TerminalService(self.engine, CommandBus(self.engine, clock), clock)
        self.clock = clock
        self.station, self.badge, self.pace = _station(n), f"O-{n:04d}", pace
        self.samples: list[Sample] = []
        self.random = random.Random(n)

    def send(self, cls: type[c.Command], **fields: Any) -> bool:
        if self.pace:
            time.sleep(self.pace * self.random.uniform(0.5, 1.5))
        command = cls(command_id=uuid.uuid4(), actor=self.badge, issued_at=self.clock.now(), **fields)
        started = time.perf_counter()
        try:
            self.service.execute(command)
            refused = False
        except MesError as refusal:
            refused = True
            if os.environ.get("FLOOR_DEBUG"):
                print(cls.__name__, refusal, file=sys.stderr)
        self.samples.append((cls.__name__, time.perf_counter() - started, refused))
        return not refused

    def next_job(self) -> str | None:
        started = time.perf_counter()
        items = self.service.dispatch_list(self.station)
        self.samples.append(("dispatch list (read)", time.perf_counter() - started, False))
        for item in items:
            if item.work_order.startswith("WO-") and item.status == "ready":
                return item.work_order
        return None


def _operator_day(url: str, n: int, seconds: float, pace: float, prepared: dict, ready, results) -> None:
    operator = _Operator(url, n, pace)
    ready.wait()
    end = time.monotonic() + seconds
    station = operator.station
    operator.send(c.SignIn, station=station, badge=operator.badge)
    while time.monotonic() < end:
        number = operator.next_job()
        if number is None:
            break
        job = {"station": station, "work_order": number, "operation": 10}
        if not operator.send(c.StartJob, **job):
            break
        operator.send(c.ConsumeLot, lot="SHARED", quantity=Decimal(1), **job)
        operator.send(c.ConsumeLot, lot=f"RAW-{n:04d}", quantity=SCAN, **job)
        if n % 2:
            operator.send(c.RecordCheck, checklist="CHK", item="LEN", value="10.0", **job)
        reported, halfway = Decimal(0), False
        while reported < QUANTITY and time.monotonic() < end:
            left = QUANTITY - reported
            scrap = Decimal(1) if left > GOOD_PER_COUNT and operator.random.random() < 0.1 else Decimal(0)
            good = min(GOOD_PER_COUNT, left - scrap)
            fields = {"scrap": scrap, "scrap_reason": "DAMAGE"} if scrap else {}
            if operator.send(c.ReportCount, good=good, **fields, **job):
                reported += good + scrap
            if reported >= QUANTITY // 2 and not halfway:
                halfway = True
                operator.send(c.ConsumeLot, lot=f"RAW-{n:04d}", quantity=SCAN, **job)
                operator.send(c.StartDowntime, station=station, reason="JAM")
                operator.send(c.EndDowntime, station=station)
        operator.send(c.CompleteJob, short_close=reported < QUANTITY, **job)  # the end of the run closes short
    operator.send(c.SignOut, station=station, badge=operator.badge)
    operator.engine.dispose()
    results.put(operator.samples)


def _raw_day(url: str, n: int, seconds: float, pace: float, prepared: dict, ready, results) -> None:
    """The core statements of a command, with psycopg directly: lock, update, insert count, command, event."""
    connection = psycopg.connect(url)
    station = _station(n)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT o.id, s.id FROM work_order_operations o JOIN work_orders w ON w.id = o.work_order_id "
            "JOIN workstations s ON s.code = %s WHERE w.number LIKE %s ORDER BY o.id",
            (station, f"WO-{n:04d}-%"),
        )
        operations = cursor.fetchall()
    connection.commit()
    rng = random.Random(n)
    samples: list[Sample] = []
    ready.wait()
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        if pace:
            time.sleep(pace * rng.uniform(0.5, 1.5))
        operation, workstation = operations[i % len(operations)]
        i += 1
        command_id, now = uuid.uuid4(), datetime.now(UTC)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SELECT version FROM work_order_operations WHERE id = %s FOR UPDATE", (operation,))
            cursor.fetchone()
            cursor.execute(
                "UPDATE work_order_operations SET good_quantity = good_quantity + 1, version = version + 1 "
                "WHERE id = %s",
                (operation,),
            )
            cursor.execute(
                "INSERT INTO counts (operation_id, workstation_id, user_id, good, scrap, reported_at, source) "
                "VALUES (%s, %s, %s, 1, 0, %s, 'operator')",
                (operation, workstation, prepared["supervisor_id"], now),
            )
            cursor.execute(
                "INSERT INTO processed_commands (command_id, type, actor, station, issued_at, processed_at, result) "
                "VALUES (%s, 'ReportCount', %s, %s, %s, %s, %s)",
                (command_id, SUPERVISOR, station, now, now, json.dumps({"good": "1"})),
            )
            cursor.execute(
                "INSERT INTO events (occurred_at, recorded_at, actor, station, type, entity, entity_id, payload, "
                "command_id) VALUES (%s, %s, %s, %s, 'CountReported', 'operation', %s, %s, %s)",
                (now, now, SUPERVISOR, station, str(operation), json.dumps({"good": "1"}), command_id),
            )
        connection.commit()
        samples.append(("raw SQL (lock+update+insert+event)", time.perf_counter() - started, False))
    connection.close()
    results.put(samples)


# --- figures and invariants -------------------------------------------------------------------------


def _figures(latencies: list[float], refused: int, seconds: float) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "count": len(ordered),
        "refused": refused,
        "rate": len(ordered) / seconds,
        "p50_ms": ordered[len(ordered) // 2] * 1000 if ordered else 0.0,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000 if ordered else 0.0,
    }


def _summary(samples: list[Sample], seconds: float) -> dict[str, Any]:
    by_type: dict[str, list[float]] = defaultdict(list)
    refusals: dict[str, int] = defaultdict(int)
    for kind, spent, refused in samples:
        by_type[kind].append(spent)
        refusals[kind] += refused
    commands = [(spent, refused) for kind, spent, refused in samples if not kind.endswith("(read)")]
    return {
        "by_type": {kind: _figures(by_type[kind], refusals[kind], seconds) for kind in sorted(by_type)},
        "total": _figures([spent for spent, _ in commands], sum(r for _, r in commands), seconds),
    }


INVARIANTS = {
    "no lot below zero": "SELECT count(*) FROM lots WHERE quantity < 0",
    "every lot's quantity is its receipt less what was taken": """
        SELECT count(*) FROM lots l
        WHERE l.produced_by_operation_id IS NULL AND l.quantity <> 10000000 - coalesce(
            (SELECT sum(quantity - returned_quantity) FROM consumptions WHERE lot_id = l.id), 0)""",
    "every operation's good/scrap equals the sum of its count rows": """
        SELECT count(*) FROM work_order_operations o
        WHERE (o.good_quantity, o.scrap_quantity) <> (
            SELECT coalesce(sum(good), 0), coalesce(sum(scrap), 0) FROM counts WHERE operation_id = o.id)""",
    "every operation's count rows match its CountReported events": """
        SELECT count(*) FROM work_order_operations o JOIN work_orders w ON w.id = o.work_order_id
        WHERE (SELECT count(*) FROM counts WHERE operation_id = o.id) <> (
            SELECT count(*) FROM events e WHERE e.type = 'CountReported' AND e.entity = 'operation'
            AND e.entity_id = w.number || '/' || o.seq)""",
    "no operation started twice (no two open runs, one JobStarted each)": """
        SELECT (SELECT count(*) FROM (SELECT operation_id FROM job_runs WHERE ended_at IS NULL
                GROUP BY operation_id HAVING count(*) > 1) twice)
             + (SELECT count(*) FROM (SELECT entity_id FROM events WHERE type = 'JobStarted'
                GROUP BY entity_id HAVING count(*) > 1) again)""",
    "no event without its command": """
        SELECT count(*) FROM events e WHERE e.id >= :first AND (e.command_id IS NULL
            OR NOT EXISTS (SELECT 1 FROM processed_commands p WHERE p.command_id = e.command_id))""",
    "genealogy links sum to the quantities consumed": """
        SELECT count(*) FROM consumptions k WHERE k.output_lot IS NOT NULL
        AND k.quantity - k.returned_quantity <> coalesce(
            (SELECT sum(quantity) FROM genealogy_links g WHERE g.consumption_id = k.id), 0)""",
}


def _invariants(url: str, first_event: int) -> dict[str, bool]:
    engine = make_engine(url)
    from sqlalchemy import text

    with engine.connect() as connection:
        verdicts = {
            name: connection.execute(text(sql), {"first": first_event} if ":first" in sql else {}).scalar_one() == 0
            for name, sql in INVARIANTS.items()
        }
    engine.dispose()
    return verdicts


def _print(figures: dict[str, Any]) -> None:
    print(
        f"{figures['stations']} stations, {figures['seconds']:.0f} s, an operator's command every "
        f"{figures['pace']:.2f} s on average, {figures['orders_per_station']} orders a station\n"
    )
    print(f"   {'command':<36} {'count':>6} {'refused':>7} {'rate/s':>8} {'p50 ms':>8} {'p99 ms':>8}")

    def row(label: str, f: dict[str, float]) -> None:
        print(
            f"   {label:<36} {f['count']:>6} {f['refused']:>7} {f['rate']:>8.1f} "
            f"{f['p50_ms']:>8.2f} {f['p99_ms']:>8.2f}"
        )

    for kind, f in figures["stack"]["by_type"].items():
        row(kind, f)
    row("all commands (service stack)", figures["stack"]["total"])
    for kind, f in figures["raw"]["by_type"].items():
        row(kind, f)
    print("\n   (budget: p99 < 50 ms a command at 50 stations, every invariant intact)\n")
    for name, ok in figures["invariants"].items():
        print(f"   {'PASS' if ok else 'FAIL'}  {name}")


if __name__ == "__main__":
    sys.exit(main())
