"""Benchmark: importing ERP work orders (B2MML V0600) next to the bare XML parse of the same bytes.

    python benchmarks/erp.py [--orders 10000] [--postgresql URL] [--skip-sqlite] [--skip-postgresql]

Writes 10,000 ProductionRequests for a product with a routing as one document and as 100 documents of
100, then times in one run: the bare streaming parse of those bytes with the same hardened lxml
settings (the baseline), reading them into requests (integration/b2mml_read.py), and the import into
SQLite and PostgreSQL (a fresh database each, the test plant loaded), with the statements an order
takes. Budget: import >= 0.25x the parse rate on PostgreSQL. Memory (`--memory-only` for this
part alone): the peak of Python allocations (tracemalloc) while reading, and while importing into a
fresh database, documents of 1,000, 10,000 and 30,000 requests (`--memory-sizes`); flat means the peak
does not grow with the document. Export: building and validating V0600 and V0700 documents for a
day of a 50-station plant (1,000 operations of 500 orders, made up: this times the documents and their
validation, not the query). Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from lxml import etree
from pg_databases import drop_pg_database, fresh_pg_database  # benchmarks/ is on the path when a script runs
from sqlalchemy import event

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mes_terminal.db import migrate  # noqa: E402
from mes_terminal.db.engine import make_engine  # noqa: E402
from mes_terminal.integration.b2mml_read import read_b2mml  # noqa: E402
from mes_terminal.integration.export import build_performance  # noqa: E402
from mes_terminal.integration.importer import import_file  # noqa: E402
from mes_terminal.integration.schema_check import first_error  # noqa: E402
from mes_terminal.services.plant.loader import load_plant, read_plant_file  # noqa: E402
from mes_terminal.services.queries.erp_performance import LabourTime, OperationPerformance  # noqa: E402

NOW = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
PLANT = ROOT / "tests" / "data" / "small_plant.toml"


def schedule(first: int, count: int, name: str) -> bytes:
    requests = "".join(
        f"<ProductionRequest><ID>WO-B{n:06d} </ID><EndTime>2026-12-20T14:00:00Z</EndTime><Priority>{n % 7}</Priority>"
        f"<SegmentRequirement><ID>10</ID><ProcessSegmentID>Cut</ProcessSegmentID>"
        f"<MaterialProducedRequirement><MaterialDefinitionID>BRACKET-A</MaterialDefinitionID>"
        f"<Quantity><QuantityString>{n % 500 + 1}.5</QuantityString><UnitOfMeasure>pcs</UnitOfMeasure></Quantity>"
        f"</MaterialProducedRequirement></SegmentRequirement>"
        f"<SegmentRequirement><ID>20</ID><ProcessSegmentID>Bend</ProcessSegmentID></SegmentRequirement>"
        f"<RequestState>Released</RequestState></ProductionRequest>"
        for n in range(first, first + count)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600">'
        f"<ID>{name}</ID>{requests}</ProductionSchedule>"
    ).encode()


def bare_parse(paths: list[Path]) -> float:
    started = time.perf_counter()
    for path in paths:
        for _event, element in etree.iterparse(
            str(path), events=("end",), resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
        ):
            if element.getparent() is not None and element.getparent().getparent() is None:
                element.clear()
    return time.perf_counter() - started


def timed(label: str, seconds: float, orders: int, baseline: float | None = None, extra: str = "") -> None:
    rate = orders / seconds
    versus = f"   {rate / (orders / baseline):.3f}x the parse rate" if baseline else ""
    print(f"  {label:<44} {seconds * 1000:9.0f} ms  {rate:10.0f} orders/s{versus}{extra}")


def import_run(url: str, paths: list[Path], orders: int, label: str) -> None:
    engine = make_engine(url)
    statements = [0]

    def count(*_: object) -> None:
        statements[0] += 1

    try:
        migrate.upgrade(engine)
        load_plant(engine, read_plant_file(PLANT), now=NOW)
        # Statements sent through SQLAlchemy (an executemany is one; PostgreSQL's COPY streams are not counted).
        event.listen(engine, "before_cursor_execute", count)
        # The parse timed again just before: on a shared machine the load of a minute ago says little.
        baseline = min(bare_parse(paths) for _ in range(2))
        started = time.perf_counter()
        outcomes = [import_file(engine, path, now=NOW) for path in paths]
        seconds = time.perf_counter() - started
        assert all(o.ok for o in outcomes), [o.message for o in outcomes if not o.ok][:1]
        said = f" (parse {baseline * 1000:.0f} ms), {statements[0] / orders:.3f} statements an order"
        timed(label, seconds, orders, baseline, said)
    finally:
        engine.dispose()


def memory(folder: Path, sizes: list[int], databases: list[tuple[str, str, str | None]]) -> None:
    """Peak of Python allocations (tracemalloc) reading and importing documents of growing size.

    Flat means the peak does not grow with the document: what a batch of requests takes, not the whole."""
    for count in sizes:
        path = folder / f"mem-{count}.xml"
        path.write_bytes(schedule(0, count, f"MEM-{count}"))
        tracemalloc.start()
        read_b2mml(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"  reading {count:>6} requests ({path.stat().st_size / 2**20:5.1f} MB): peak {peak / 2**20:6.1f} MB "
            f"of Python allocations ({peak / count / 1024:.2f} KiB a request)"
        )
    for label, server, name in databases:
        for count in sizes:
            path = folder / f"mem-{count}.xml"
            url = f"sqlite:///{folder / f'mem-{count}.sqlite'}" if name is None else fresh_pg_database(server, name)
            engine = make_engine(url)
            try:
                migrate.upgrade(engine)
                load_plant(engine, read_plant_file(PLANT), now=NOW)
                import_file(engine, folder / "warm.xml", now=NOW)  # statements and schemas built before
                tracemalloc.start()
                started = time.perf_counter()
                outcome = import_file(engine, path, now=NOW)
                seconds = time.perf_counter() - started
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                assert outcome.ok, outcome.message
                print(
                    f"  importing {count:>6} requests on {label:<10}: peak {peak / 2**20:6.1f} MB "
                    f"of Python allocations ({peak / count / 1024:.2f} KiB a request; {seconds:.1f} s traced)"
                )
            finally:
                engine.dispose()
                if name is not None:
                    drop_pg_database(server, name)


def export_documents() -> None:
    day = NOW
    operations = [
        OperationPerformance(
            work_order=f"WO-E{n // 2:05d}",
            product="BRACKET-A",
            unit="pcs",
            seq=10 * (n % 2 + 1),
            name="Cut",
            status="completed",
            started_at=day + timedelta(minutes=n),
            completed_at=day + timedelta(minutes=n + 30),
            good=Decimal(40),
            scrap=Decimal(1),
            output_lot=f"WO-E{n // 2:05d}-1",
            equipment=(f"WS-{n % 50:02d}",),
            labour=(LabourTime("B1001", "Ada", Decimal("0.5")),),
            consumed=(),
        )
        for n in range(1000)
    ]
    for fmt in ("b2mml-v0600", "b2mml-v0700"):
        first_error(build_performance(fmt, "WO-X", operations[:2], start=day, end=day, now=day), fmt)  # load XSD
        started = time.perf_counter()
        for n in range(0, len(operations), 2):
            document = build_performance(
                fmt, operations[n].work_order, operations[n : n + 2], start=day, end=day + timedelta(days=1), now=day
            )
            assert first_error(document, fmt) is None
            etree.tostring(document)
        print(
            f"  {fmt}: 500 documents, 1,000 operations built and validated in "
            f"{(time.perf_counter() - started) * 1000:.0f} ms (budget: a day of 50 stations < 10 s)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10000)
    parser.add_argument(
        "--postgresql",
        default=os.environ.get("MES_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgresql", action="store_true")
    parser.add_argument(
        "--memory-sizes", default="1000,10000,30000", help="requests a document, for the memory part (comma-separated)"
    )
    parser.add_argument("--memory-only", action="store_true", help="only the memory part")
    args = parser.parse_args()
    sizes = [int(n) for n in args.memory_sizes.split(",")]
    databases: list[tuple[str, str, str | None]] = []
    if not args.skip_sqlite:
        databases.append(("SQLite", "", None))
    if not args.skip_postgresql:
        databases.append(("PostgreSQL", args.postgresql, "mes_bench_erp_memory"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "warm.xml").write_bytes(schedule(10**6, 5, "WARM"))
        if args.memory_only:
            print("Memory")
            memory(folder, sizes, databases)
            return
        one = folder / "one"
        many = folder / "many"
        one.mkdir()
        many.mkdir()
        (one / "all.xml").write_bytes(schedule(0, args.orders, "ALL"))
        per = max(1, args.orders // 100)
        for d in range(100):
            (many / f"doc-{d:03d}.xml").write_bytes(schedule(args.orders + d * per, per, f"DOC-{d}"))
        sets = {"one document": sorted(one.iterdir()), "100 documents": sorted(many.iterdir())}
        size = sum(p.stat().st_size for p in sets["one document"]) / 2**20
        print(f"ERP import of {args.orders} work orders ({size:.1f} MB as one document)")
        baselines = {}
        for label, paths in sets.items():
            baselines[label] = bare_parse(paths)
            timed(f"bare parse, {label} (baseline)", baselines[label], args.orders)
            started = time.perf_counter()
            for path in paths:
                read_b2mml(path)
            timed(f"read into requests, {label}", time.perf_counter() - started, args.orders, baselines[label])
        if not args.skip_sqlite:
            for label, paths in sets.items():
                import_run(
                    f"sqlite:///{folder / label.replace(' ', '_')}.sqlite",
                    paths,
                    args.orders,
                    f"import on SQLite, {label}",
                )
        if not args.skip_postgresql:
            for n, (label, paths) in enumerate(sets.items()):
                name = f"mes_bench_erp_{n}"
                url = fresh_pg_database(args.postgresql, name)
                try:
                    import_run(url, paths, args.orders, f"import on PostgreSQL, {label}")
                finally:
                    drop_pg_database(args.postgresql, name)
        print("Memory")
        memory(folder, sizes, databases)
        print("Export")
        export_documents()


if __name__ == "__main__":
    main()
