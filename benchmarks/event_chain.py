"""Benchmark: the event chain's cost per transaction, against a plain INSERT of the same event.

    python benchmarks/event_chain.py [--transactions 600] [--postgresql URL] [--skip-postgresql]

Each transaction writes one event; the two ways alternate, so a busy machine slows both alike. The
chained append locks the head row, hashes, inserts with the links and moves the head
(mes_terminal/db/event_chain.py); the baseline is `INSERT INTO events` with no chain. It prints
the median per transaction of each and the difference. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pg_databases import drop_pg_database, fresh_pg_database  # benchmarks/ is on the path when a script runs
from sqlalchemy import insert

from mes_terminal.db import event_chain, migrate
from mes_terminal.db.engine import make_engine
from mes_terminal.db.records import Event


def _event() -> dict[str, Any]:
    now = datetime.now(UTC)
    return {
        "occurred_at": now,
        "recorded_at": now,
        "actor": "B1001",
        "station": "WS-01",
        "type": "CountReported",
        "entity": "job",
        "entity_id": "WO-1/10",
        "payload": {"good": "5", "before": {"good": "10"}, "after": {"good": "15"}},
        "command_id": None,
    }


def _measure(name: str, url: str, transactions: int) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    plain: list[float] = []
    chained: list[float] = []
    try:
        for _ in range(transactions):
            start = time.perf_counter()
            with engine.begin() as connection:
                connection.execute(insert(Event), [_event()])
            plain.append(time.perf_counter() - start)
            start = time.perf_counter()
            with engine.begin() as connection:
                event_chain.append(connection, [_event()])
            chained.append(time.perf_counter() - start)
    finally:
        engine.dispose()
    base, chain = statistics.median(plain) * 1000, statistics.median(chained) * 1000
    print(
        f"{name:<11} plain INSERT {base:6.2f} ms   chained append {chain:6.2f} ms   "
        f"chain costs +{chain - base:.2f} ms per transaction (median of {transactions})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=600)
    parser.add_argument(
        "--postgresql",
        default=os.environ.get("MES_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
        help="a server database; the benchmark creates and drops its own database there",
    )
    parser.add_argument("--skip-postgresql", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        _measure("SQLite", f"sqlite:///{Path(folder) / 'chain.sqlite'}", args.transactions)
    if not args.skip_postgresql:
        url = fresh_pg_database(args.postgresql, "mes_bench_chain")
        try:
            _measure("PostgreSQL", url, args.transactions)
        finally:
            drop_pg_database(args.postgresql, "mes_bench_chain")


if __name__ == "__main__":
    main()
