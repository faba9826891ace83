"""Benchmark: the supervisor board of 200 workstations on PostgreSQL, next to a single-row select.

    python benchmarks/board.py [--postgresql URL] [--repeat 200]

Builds its own database: 10 lines of 20 workstations, a job running or paused at 180 of them with
counts, 20 open stops, 10 unanswered calls for help, 100 people signed in; and history around it
(20,000 closed orders with their operations, 200,000 older events). Then times, in one run and on
one connection: a single-row primary-key select (the baseline), the board's refresh statements for
every station, the same for one station (what an event usually costs), the question "what changed
since the last event seen", and the whole `SupervisorService.board()` with the Python that shapes
its rows. Budget: the refresh statements for 200 stations < 50 ms. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import psycopg
from pg_databases import fresh_pg_database  # benchmarks/ is on the path when a script runs
from sqlalchemy import text

from mes_terminal.db import migrate
from mes_terminal.db.engine import make_engine
from mes_terminal.domain.clock import SystemClock
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.queries import board as bq
from mes_terminal.services.supervisor import ANDON_HORIZON, SupervisorService

LINES, PER_LINE = 10, 20
STATIONS = LINES * PER_LINE
SUPERVISOR = "B9000"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--postgresql",
        default=os.environ.get("MES_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
        help="a server database; the benchmark creates and drops its own database there",
    )
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    url = fresh_pg_database(args.postgresql, "mes_bench_board")
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        clock = SystemClock()
        started = time.perf_counter()
        _build_plant(engine, clock)
        spent = time.perf_counter() - started
        print(f"built {STATIONS} workstations with jobs, stops, calls and history in {spent:.1f} s")
        _measure(engine, clock, args.repeat)
    finally:
        engine.dispose()
        with psycopg.connect(args.postgresql, autocommit=True) as connection:
            connection.execute('DROP DATABASE IF EXISTS "mes_bench_board" WITH (FORCE)')


def _measure(engine, clock, repeat: int) -> None:
    service = SupervisorService(engine, CommandBus(engine, clock), clock)
    now = clock.now()
    with engine.connect() as connection:
        one = bq.station_ids_by_code(connection, ["WS-0101"])["WS-0101"]
        last = bq.last_event_id(connection)

        def refresh(ids=None) -> Callable[[], object]:
            def run() -> object:
                bq.stations(connection, ids)
                bq.open_downtimes(connection, ids)
                bq.active_jobs(connection, ids)
                bq.runs_of_active_jobs(connection, ids)
                bq.people(connection, ids)
                return bq.open_calls(connection, now - ANDON_HORIZON)

            return run

        single = text("SELECT code FROM workstations WHERE id = :id")
        rows = [
            ("single-row select (baseline)", lambda: connection.execute(single, {"id": one}).scalar_one()),
            (f"board refresh SQL, {STATIONS} stations", refresh()),
            ("board refresh SQL, 1 station", refresh([one])),
            ("changes since last seen (5 events)", lambda: bq.changes(connection, last - 5, last)),
        ]
        print(f"\nPostgreSQL, one connection, {repeat} runs each (ms)")
        print(f"{'':42} {'median':>8} {'p95':>8} {'max':>8}")
        for label, work in rows:
            _report(label, _timed(work, repeat))
        connection.rollback()
    _report(f"SupervisorService.board(), {STATIONS} stations", _timed(service.board, repeat))
    _report("SupervisorService.board({1 station})", _timed(lambda: service.board(frozenset({"WS-0101"})), repeat))
    board = service.board()
    states = {state: sum(r.state == state for r in board) for state in ("running", "paused", "down", "idle", "offline")}
    print(f"\nboard states: {states}")


def _timed(work: Callable[[], object], repeat: int) -> list[float]:
    for _ in range(5):
        work()
    spent = []
    for _ in range(repeat):
        begun = time.perf_counter()
        work()
        spent.append((time.perf_counter() - begun) * 1000)
    return spent


def _report(label: str, spent: list[float]) -> None:
    ordered = sorted(spent)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(f"{label:42} {statistics.median(spent):8.2f} {p95:8.2f} {ordered[-1]:8.2f}")


def _build_plant(engine, clock) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plant.toml"
        path.write_text(_plant_toml(), encoding="utf-8")
        load_plant(engine, read_plant_file(path), now=clock.now())
    bus = CommandBus(engine, clock)

    def do(cls, actor: str = SUPERVISOR, **fields) -> None:
        bus.execute(cls(command_id=uuid.uuid4(), actor=actor, issued_at=clock.now(), **fields))

    due = clock.now() + timedelta(days=2)
    for n in range(1, STATIONS + 1):
        station = _station(n)
        number = f"WO-{n:04d}"
        do(c.CreateWorkOrder, number=number, product="P", quantity=Decimal(500), due=due)
        do(c.ReleaseWorkOrder, number=number)
        badge = f"B{n:04d}"
        if n <= 100:
            do(c.SignIn, actor=badge, station=station, badge=badge)
        if n <= 180:
            actor = badge if n <= 100 else SUPERVISOR
            do(c.StartJob, actor=actor, station=station, work_order=number, operation=10)
            do(c.ReportCount, actor=actor, station=station, work_order=number, operation=10, good=Decimal(n % 40 + 1))
        if 150 < n <= 170:
            do(c.PauseJob, actor=SUPERVISOR, station=station, work_order=number, operation=10, reason="BREAKDOWN")
        if n <= 10:
            do(c.CallSupervisor, actor=badge, station=station, message="help")
    _history(engine)


def _history(engine) -> None:
    """Closed orders and old events around the live ones, as a plant has after some months."""
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO work_orders (number, product_id, quantity, due_at, priority, status, created_at, version) "
                "SELECT 'H-' || g, (SELECT id FROM materials WHERE code = 'P'), 10, now() - interval '30 days', 0, "
                "'closed', now() - interval '31 days', 1 FROM generate_series(1, 20000) g"
            )
        )
        connection.execute(
            text(
                "INSERT INTO work_order_operations (work_order_id, routing_operation_id, seq, name, status, "
                "workstation_id, good_quantity, scrap_quantity, short_closed, version) "
                "SELECT w.id, (SELECT min(id) FROM routing_operations), 10, 'Cut', 'completed', "
                "(SELECT min(id) FROM workstations) + (w.id % 200), 10, 0, false, 1 "
                "FROM work_orders w WHERE w.number LIKE 'H-%'"
            )
        )
        connection.execute(
            text(
                "INSERT INTO events (occurred_at, recorded_at, actor, station, type, entity, entity_id, payload) "
                "SELECT now() - (g || ' seconds')::interval - interval '1 day', now() - interval '1 day', 'B0001', "
                "'WS-' || lpad(((g % 200) + 1)::text, 4, '0'), 'CountReported', 'operation', 'H-' || g || '/10', '{}' "
                "FROM generate_series(1, 200000) g"
            )
        )
        connection.execute(text("ANALYZE"))


def _station(n: int) -> str:
    line, place = divmod(n - 1, PER_LINE)
    return f"WS-{line + 1:02d}{place + 1:02d}"


def _plant_toml() -> str:
    parts = [
        '[site]\ncode = "BENCH"\nname = "Benchmark plant"\ntimezone = "Europe/Berlin"\n',
        '[[shifts]]\ncode = "DAY"\ndays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'
        'start = "00:00"\nend = "23:59"\n',
    ]
    for line in range(1, LINES + 1):
        parts.append(f'[[lines]]\ncode = "L{line:02d}"\nname = "Line {line}"\nshifts = ["DAY"]\n')
        for place in range(1, PER_LINE + 1):
            parts.append(
                f'[[lines.workstations]]\ncode = "WS-{line:02d}{place:02d}"\nname = "Station {line}.{place}"\n'
                "badge_only = true\n"
            )
    for n in range(1, STATIONS + 1):
        parts.append(f'[[users]]\nbadge = "B{n:04d}"\nname = "Operator {n}"\nroles = ["operator"]\n')
    parts.append(f'[[users]]\nbadge = "{SUPERVISOR}"\nname = "Supervisor"\npin = "9000"\nroles = ["supervisor"]\n')
    stations = ", ".join(f'"{_station(n)}"' for n in range(1, STATIONS + 1))
    parts.append(
        '[[products]]\ncode = "P"\nname = "Part"\nunit = "pcs"\n'
        f'[[products.routing]]\noperation = 10\nname = "Cut"\nworkstations = [{stations}]\nideal_cycle_seconds = 12.0\n'
    )
    parts.append(
        '[[downtime_reasons]]\ncode = "BREAKDOWN"\nname = "Breakdown"\ncategory = "unplanned"\nloss = "availability"\n'
    )
    return "\n".join(parts)


if __name__ == "__main__":
    sys.exit(main())
