"""Benchmark: backward and forward trace through a large generated genealogy, next to one indexed lookup.

    python benchmarks/genealogy.py [--lots 1000000] [--depth 10] [--traces 50] [--postgresql URL]
                                   [--skip-sqlite] [--skip-postgresql] [--keep]

Generates `--lots` lots as complete binary trees `--depth` links deep (each made lot consumed two lots
of the level below: 2047 lots a tree at depth 10) plus single lots to make up the number, with one
genealogy link per consumed lot. Then, on each database, it times `services.queries.trace.trace` (the
recursive CTE, the joins for every node and the JSON tree) backward from random finished lots (2047
nodes each) and forward from random raw lots (11 nodes each), and prints the median and p95 next to a
single indexed lookup of a lot by its number in the same run. Budget: a trace < 100 ms.
Generating a million lots takes minutes: with `--keep` the generated databases stay (a SQLite file in the
temporary folder, a PostgreSQL database named after the sizes) and the next run with `--keep` reuses
them, migrated to the head first.
A benchmark, not a test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from pg_databases import drop_pg_database, fresh_pg_database, kept_pg_database  # benchmarks/ is on the path
from sqlalchemy import Engine, func, insert, select, text

from mes_terminal.db import migrate
from mes_terminal.db.engine import make_engine
from mes_terminal.db.records import GenealogyLink, Lot, Material
from mes_terminal.services.queries.trace import trace

BUDGET_MS = 100
CHUNK = 20_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lots", type=int, default=1_000_000)
    parser.add_argument("--depth", type=int, default=10)
    parser.add_argument("--traces", type=int, default=50)
    parser.add_argument(
        "--postgresql",
        default=os.environ.get("MES_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
        help="a server database; the benchmark creates and drops its own database there",
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgresql", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the generated databases and reuse kept ones")
    args = parser.parse_args()

    tree_size = 2 ** (args.depth + 1) - 1
    trees = args.lots // tree_size
    print(
        f"{args.lots} lots: {trees} trees of {tree_size} lots, {args.depth} links deep; {args.traces} traces each way\n"
    )
    kept = f"mes_bench_genealogy_{args.lots}_{args.depth}"
    if not args.skip_sqlite:
        if args.keep:
            _run("SQLite", f"sqlite:///{Path(tempfile.gettempdir()) / kept}.sqlite", args, trees, tree_size)
        else:
            with tempfile.TemporaryDirectory() as folder:
                _run("SQLite", f"sqlite:///{Path(folder) / 'genealogy.sqlite'}", args, trees, tree_size)
    if not args.skip_postgresql:
        if args.keep:
            _run("PostgreSQL", kept_pg_database(args.postgresql, kept), args, trees, tree_size)
        else:
            url = fresh_pg_database(args.postgresql, "mes_bench_genealogy")
            try:
                _run("PostgreSQL", url, args, trees, tree_size)
            finally:
                drop_pg_database(args.postgresql, "mes_bench_genealogy")


def _run(title: str, url: str, args: argparse.Namespace, trees: int, tree_size: int) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    started = time.perf_counter()
    if _generated(engine, args.lots, trees * (tree_size - 1)):
        print(f"== {title}   (kept from an earlier run)")
    else:
        _generate(engine, args.lots, trees, tree_size)
        print(f"== {title}   (generated in {time.perf_counter() - started:.0f} s)")

    rng = random.Random(7)
    roots = [_number(t * tree_size) for t in rng.sample(range(trees), min(args.traces, trees))]
    leaves = [_number(t * tree_size + tree_size - 1 - rng.randrange(2**args.depth)) for t in range(len(roots))]

    def lookup(number: str) -> None:
        with engine.connect() as connection:
            connection.execute(select(Lot.id, Lot.quantity).where(Lot.number == number)).one()

    def backward(number: str) -> None:
        assert _count(trace(engine, number, depth=args.depth)["tree"]) == tree_size

    def forward(number: str) -> None:
        assert _count(trace(engine, number, forward=True, depth=args.depth)["tree"]) == args.depth + 1

    _row("indexed lookup by lot number", _timed(lookup, roots))
    _row(f"backward trace ({tree_size} lots)", _timed(backward, roots), budget=True)
    _row(f"forward trace ({args.depth + 1} lots)", _timed(forward, leaves), budget=True)
    print()
    engine.dispose()


def _generated(engine: Engine, lots: int, links: int) -> bool:
    """Whether a kept database holds a whole earlier generation."""
    with engine.connect() as connection:
        return (
            connection.execute(select(func.count()).select_from(Lot)).scalar_one() == lots
            and connection.execute(select(func.count()).select_from(GenealogyLink)).scalar_one() == links
        )


def _generate(engine: Engine, lots: int, trees: int, tree_size: int) -> None:
    """Lots with ids 1..lots; in tree t, node k (heap order) consumed into node (k - 1) // 2."""
    now = datetime.now(UTC)
    with engine.begin() as connection:
        material = connection.execute(
            insert(Material).values(code="BENCH", name="Bench material", unit="kg").returning(Material.id)
        ).scalar_one()

    def lot_rows() -> Iterator[dict]:
        for i in range(lots):
            yield {
                "id": i + 1,
                "number": _number(i),
                "material_id": material,
                "quantity": 1,
                "status": "available",
                "created_at": now,
            }

    def link_rows() -> Iterator[dict]:
        for t in range(trees):
            base = t * tree_size
            for k in range(1, tree_size):
                yield {
                    "consumed_lot_id": base + k + 1,
                    "produced_lot_id": base + (k - 1) // 2 + 1,
                    "quantity": 1,
                    "created_at": now,
                }

    _insert(engine, Lot, lot_rows())
    _insert(engine, GenealogyLink, link_rows())
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT setval('lots_id_seq', (SELECT max(id) FROM lots))"))
            connection.execute(text("ANALYZE"))
        else:
            connection.execute(text("ANALYZE"))


def _insert(engine: Engine, record: type, rows: Iterator[dict]) -> None:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            with engine.begin() as connection:
                connection.execute(insert(record), batch)
            batch = []
    if batch:
        with engine.begin() as connection:
            connection.execute(insert(record), batch)


def _number(index: int) -> str:
    return f"L{index:08d}"


def _count(node: dict) -> int:
    return 1 + sum(_count(child) for child in node["children"])


def _timed(run: Callable[[str], None], items: list[str]) -> list[float]:
    run(items[0])  # warm the caches and the statement cache once
    latencies = []
    for item in items:
        started = time.perf_counter()
        run(item)
        latencies.append(time.perf_counter() - started)
    return latencies


def _row(label: str, latencies: list[float], budget: bool = False) -> None:
    ordered = sorted(latencies)
    median = statistics.median(ordered) * 1000
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000
    verdict = ""
    if budget:
        verdict = f"   {'within' if p95 < BUDGET_MS else 'OVER'} the {BUDGET_MS} ms budget"
    print(f"   {label:<32} median {median:7.2f} ms   p95 {p95:7.2f} ms{verdict}")


if __name__ == "__main__":
    sys.exit(main())
