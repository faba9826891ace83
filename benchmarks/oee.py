"""Benchmark: OEE and the downtime Pareto for 100 stations over one year, against a plain count(*).

    python benchmarks/oee.py [--postgresql URL] [--stations-per-line 10] [--lines 10] [--skip-sqlite]

Builds its own PostgreSQL database: a plant of 10 lines with 10 stations each (two weekday shifts with
breaks, a reason tree, one product per line), then one year of raw records generated in SQL: weekly
work orders, a count every working hour at every station, eight stops a day at every station (about
one in ten not classified, some shorter than the micro-stop threshold). Then, in the same run, it
times

- the OEE report of the whole plant by station (`ReportService.oee(by="station")`) plus the downtime
  Pareto (`ReportService.downtime`), each computed in SQL over the raw records, and
- a plain `SELECT count(*)` over the same counts and stops,

and prints the median of five runs of each. Then the same on SQLite, over a copy of the same records.
Budget: OEE + Pareto under 1 s. A benchmark, not a test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from pg_databases import fresh_pg_database  # benchmarks/ is on the path when a script runs
from sqlalchemy import Engine, insert, select, text

from mes_terminal.db import (
    migrate,
    records,  # noqa: F401 - registers every table on Base.metadata
)
from mes_terminal.db.base import Base
from mes_terminal.db.engine import make_engine
from mes_terminal.domain.clock import FixedClock
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.reports.service import ReportService

sys.path.insert(0, str(Path(__file__).parent))

YEAR_START = datetime(2026, 1, 5, tzinfo=UTC)  # a Monday
RUNS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--postgresql",
        default=os.environ.get("MES_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
        help="a server database; the benchmark creates and drops its own database there",
    )
    parser.add_argument("--lines", type=int, default=10)
    parser.add_argument("--stations-per-line", type=int, default=10)
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()

    url = fresh_pg_database(args.postgresql, "mes_bench_oee")
    engine = make_engine(url)
    migrate.upgrade(engine)
    clock = FixedClock(datetime(2027, 1, 10, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        plant = Path(folder) / "plant.toml"
        plant.write_text(_plant_file(args.lines, args.stations_per_line))
        load_plant(engine, read_plant_file(plant), now=clock.now())
    started = time.perf_counter()
    with engine.begin() as connection:
        for statement in _GENERATE:
            connection.execute(text(statement), {"start": YEAR_START})
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))
        counts, stops = (
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("counts", "downtime_events")
        )
    print(
        f"{args.lines * args.stations_per_line} stations, one year: {counts:,} counts and {stops:,} stops "
        f"generated in {time.perf_counter() - started:.1f} s\n"
    )

    _measure("PostgreSQL", engine, clock)
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            copy = make_engine(f"sqlite:///{Path(folder) / 'oee.sqlite'}")
            migrate.upgrade(copy)
            started = time.perf_counter()
            _copy(engine, copy)
            print(f"\n(copied to SQLite in {time.perf_counter() - started:.0f} s)")
            _measure("SQLite", copy, clock)
            copy.dispose()
    engine.dispose()


def _measure(title: str, engine: Engine, clock: FixedClock) -> None:
    reports = ReportService(engine, clock)
    span = {"start": "2026-01-01", "end": "2027-01-01"}

    def oee_and_pareto() -> None:
        reports.oee(**span, by="station")
        reports.downtime(**span)

    def plain_count() -> None:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM counts")).scalar_one()
            connection.execute(text("SELECT count(*) FROM downtime_events")).scalar_one()

    oee_and_pareto()  # warm the caches and the statement compilation once, as a running console would
    plain_count()
    report_s = _median(oee_and_pareto)
    count_s = _median(plain_count)
    one = reports.oee(**span)
    print(f"== {title}, median of five runs")
    print(f"  OEE by station + downtime Pareto : {report_s * 1000:8.1f} ms   (budget 1000 ms)")
    print(f"  count(*) over counts and stops   : {count_s * 1000:8.1f} ms")
    print(f"  ratio                            : {report_s / count_s:8.1f} x")
    figures = one.summary
    print(
        f"  plant: planned {figures['planned_seconds'] / 3600:,.0f} h, availability {figures['availability']:.3f}, "
        f"performance {figures['performance']:.3f}, quality {figures['quality']:.3f}, OEE {figures['oee']:.3f}"
    )


def _copy(source: Engine, target: Engine) -> None:
    """Every row of every table, in the order of their foreign keys, in batches (over what the
    migrations seeded)."""
    with target.begin() as writing:
        for table in reversed(Base.metadata.sorted_tables):
            writing.execute(table.delete())
    for table in Base.metadata.sorted_tables:
        with source.connect() as reading:
            result = reading.execution_options(yield_per=20_000).execute(select(table))
            for batch in result.mappings().partitions():
                with target.begin() as writing:
                    writing.execute(insert(table), [dict(row) for row in batch])
    with target.begin() as writing:
        writing.execute(text("ANALYZE"))


def _median(run) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _plant_file(lines: int, per_line: int) -> str:
    parts = [
        '[site]\ncode = "BENCH"\nname = "Benchmark plant"\ntimezone = "Europe/Berlin"\n',
        '[[shifts]]\ncode = "EARLY"\ndays = ["mon", "tue", "wed", "thu", "fri"]\nstart = "06:00"\nend = "14:00"\n'
        'breaks = [{ start = "09:00", minutes = 15 }, { start = "11:30", minutes = 30 }]\n',
        '[[shifts]]\ncode = "LATE"\ndays = ["mon", "tue", "wed", "thu", "fri"]\nstart = "14:00"\nend = "22:00"\n'
        'breaks = [{ start = "17:00", minutes = 15 }, { start = "19:30", minutes = 30 }]\n',
        '[[users]]\nbadge = "B1"\nname = "Bench operator"\npin = "1111"\nroles = ["operator"]\n',
    ]
    for line in range(lines):
        parts.append(f'[[lines]]\ncode = "L{line:02d}"\nname = "Line {line}"\nshifts = ["EARLY", "LATE"]\n')
        for station in range(per_line):
            parts.append(
                f'[[lines.workstations]]\ncode = "S{line:02d}-{station:02d}"\nname = "Station {station}"\n'
                f"micro_stop_seconds = {60 + 30 * (station % 3)}\n"
            )
    for line in range(lines):
        parts.append(f'[[products]]\ncode = "P{line:02d}"\nname = "Product {line}"\nunit = "pcs"\n')
        for station in range(per_line):
            parts.append(
                f'[[products.routing]]\noperation = {10 * (station + 1)}\nname = "Step {station}"\n'
                f'workstations = ["S{line:02d}-{station:02d}"]\nideal_cycle_seconds = {20 + 5 * (station % 5)}\n'
            )
    parts.append('[[scrap_reasons]]\ncode = "DEFECT"\nname = "Defect"\n')
    for code, name, parent, category, loss in _REASONS:
        entry = f'[[downtime_reasons]]\ncode = "{code}"\nname = "{name}"\n'
        entry += f'parent = "{parent}"\n' if parent else f'category = "{category}"\nloss = "{loss}"\n'
        parts.append(entry)
    return "\n".join(parts)


_REASONS = [
    ("PLANNED", "Planned stop", None, "planned", "availability"),
    ("CHANGEOVER", "Changeover", "PLANNED", None, None),
    ("MEETING", "Meeting", "PLANNED", None, None),
    ("BREAKDOWN", "Breakdown", None, "unplanned", "availability"),
    ("MECH", "Mechanical", "BREAKDOWN", None, None),
    ("ELEC", "Electrical", "BREAKDOWN", None, None),
    ("MATERIAL", "No material", None, "unplanned", "availability"),
    ("MINOR", "Minor stops", None, "unplanned", "performance"),
    ("JAM", "Jam", "MINOR", None, None),
]

# One year of raw records, generated in the database. Each week's order is released at the week's start
# and its operations complete at its end, so every station has released work from 2026-01-05 on (the
# OEE counts shift time only while it does: 1 and 2 January are left out). Times are UTC; the site is one hour ahead in
# winter, so the shifts run 05:00-21:00 UTC in winter (and an hour earlier in summer: some stops then
# fall outside the shifts, which is what the calendar clipping is for).
_GENERATE = [
    """
    INSERT INTO work_orders (number, product_id, quantity, due_at, priority, status, created_at, released_at,
                             version)
    SELECT 'W' || m.code || '-' || w, m.id, 1000000, :start + make_interval(weeks => w + 1), 0, 'completed',
           :start + make_interval(weeks => w), :start + make_interval(weeks => w), 1
    FROM materials m CROSS JOIN generate_series(0, 51) AS w
    WHERE m.id IN (SELECT product_id FROM routing_operations)
    """,
    """
    INSERT INTO work_order_operations (work_order_id, routing_operation_id, seq, name, status, workstation_id,
                                       good_quantity, scrap_quantity, short_closed, completed_at, version)
    SELECT wo.id, ro.id, ro.seq, ro.name, 'completed', ros.workstation_id, 0, 0, false, wo.due_at, 1
    FROM work_orders wo
    JOIN routing_operations ro ON ro.product_id = wo.product_id
    JOIN routing_operation_stations ros ON ros.routing_operation_id = ro.id
    """,
    """
    INSERT INTO counts (operation_id, workstation_id, user_id, good, scrap, scrap_reason_id, reported_at)
    SELECT op.id, op.workstation_id, (SELECT min(id) FROM users),
           40 + floor(random() * 80), s.scrap, CASE WHEN s.scrap > 0 THEN (SELECT min(id) FROM scrap_reasons) END,
           wo.created_at + make_interval(days => d, hours => 5 + h, mins => 55)
    FROM work_order_operations op
    JOIN work_orders wo ON wo.id = op.work_order_id
    CROSS JOIN generate_series(0, 4) AS d
    CROSS JOIN generate_series(0, 15) AS h
    CROSS JOIN LATERAL (
        SELECT CASE WHEN random() < 0.2 + 0 * (d + h + op.id) THEN floor(random() * 4) ELSE 0 END AS scrap
    ) AS s
    """,
    """
    INSERT INTO downtime_events (workstation_id, started_at, ended_at, reason_id, source)
    SELECT w.id, t.started, t.started + t.length,
           CASE WHEN random() < 0.1 THEN NULL
                ELSE (SELECT r.id FROM downtime_reasons r
                      WHERE NOT EXISTS (SELECT 1 FROM downtime_reasons c WHERE c.parent_id = r.id)
                      ORDER BY r.id OFFSET floor(random() * 6 + w.id * 0) LIMIT 1) END,
           CASE WHEN random() < 0.3 THEN 'machine' ELSE 'operator' END
    FROM workstations w
    CROSS JOIN generate_series(0, 51 * 7 + 4) AS day
    CROSS JOIN generate_series(0, 7) AS slot
    CROSS JOIN LATERAL (
        SELECT :start + make_interval(days => day, hours => 5 + 2 * slot, mins => floor(random() * 75)::int)
                   AS started,
               make_interval(secs => 30 + floor(random() * random() * 2400)) AS length
    ) AS t
    WHERE extract(isodow FROM :start + make_interval(days => day)) < 6
    """,
]


if __name__ == "__main__":
    main()
