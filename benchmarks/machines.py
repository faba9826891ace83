"""Benchmark: machine signals through Mosquitto into PostgreSQL, and events out to the namespace.

    python benchmarks/machines.py [--stations 200] [--rate 5] [--seconds 60] [--postgresql URL] [--broker HOST:PORT]

200 simulated stations (a separate process) publish a total counter at `rate` messages a second each,
every tenth message a state instead (1,000 msg/s by default), for `seconds`, through the broker into
`mes-terminal connect`'s connector running here. Printed: the messages offered (acknowledged by the
broker) and committed, how many the connector had taken off the broker when the machines stopped, the
sustained rate, p50 / p99 from the signal's own time to its committed command (the backlog after the
run waited for up to `--backlog-seconds`), what a second run of the connector then still finds (what
the broker kept for its session) and so how many were lost, CPU seconds of the connector's process per
1,000 messages; next to it, in the same run, a bare psycopg loop inserting the same rows (a machine
count, its event, the processed command) one transaction each. Then the namespace: the publisher's rate
over the run's events next to a bare paho loop publishing as many messages with QoS 1. Budget: sustains
the offered load, p99 < 200 ms. A benchmark, not a test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sqlite3
import statistics
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import psycopg
from paho.mqtt.enums import CallbackAPIVersion
from pg_databases import drop_pg_database, fresh_pg_database  # benchmarks/ is on the path when a script runs
from sqlalchemy import Engine, func, select

from mes_terminal.connectors.runner import ConnectSummary, connect
from mes_terminal.connectors.uns import UnsPublisher
from mes_terminal.db import migrate
from mes_terminal.db.engine import libpq_url, make_engine
from mes_terminal.db.records import ProcessedCommand
from mes_terminal.domain.clock import SystemClock
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.services.queries.machines import namespace


def plant_text(stations: int, prefix: str, broker: str) -> str:
    lines = [
        '[site]\ncode = "BENCH"\nname = "Benchmark plant"\ntimezone = "Europe/Berlin"\n',
        '[[lines]]\ncode = "L1"\nname = "Line 1"\n',
    ]
    for i in range(stations):
        lines.append(f'[[lines.workstations]]\ncode = "S{i:03d}"\nname = "Station {i}"\nmicro_stop_seconds = 30\n')
    for i in range(stations):
        lines.append(
            f'[[machines]]\nstation = "S{i:03d}"\nurl = "mqtt://{broker}"\n'
            f'state = {{ topic = "{prefix}/S{i:03d}/state", field = "state" }}\n'
            f'count = {{ topic = "{prefix}/S{i:03d}/count", mode = "total", field = "count" }}\n'
        )
    lines.append(f'[uns]\nurl = "mqtt://{broker}"\nroot = "bench{prefix[-6:]}"\n')
    return "\n".join(lines)


def simulate(
    broker: str, prefix: str, stations: int, rate: float, seconds: float, started: float, offered: Any
) -> None:
    """The machines: each station's counter and state at `rate` messages a second, spread evenly;
    `offered` ends as the number of messages the broker acknowledged (all of them, unless it took more
    than a minute)."""
    host, port = broker.split(":")
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"bench-machines-{uuid.uuid4().hex[:6]}")
    client.max_queued_messages_set(0)
    client.max_inflight_messages_set(1000)
    acknowledged = 0

    def on_publish(*_: object) -> None:
        nonlocal acknowledged
        acknowledged += 1

    client.on_publish = on_publish
    client.connect(host, int(port))
    client.loop_start()
    time.sleep(max(0.0, started - time.time()))
    interval = 1 / (rate * stations)
    counters = [0] * stations
    n, t0 = 0, time.monotonic()
    while (now := time.monotonic()) - t0 < seconds:
        due = int((now - t0) / interval)
        while n < due:
            station = n % stations
            stamp = datetime.now(UTC).isoformat()
            if (n // stations) % 10 == 9:
                state = "idle" if (n // stations // 10) % 2 else "running"
                body: dict[str, object] = {"state": state, "ts": stamp}
                client.publish(f"{prefix}/S{station:03d}/state", json.dumps(body), qos=1)
            else:
                counters[station] += 1
                body = {"count": counters[station], "ts": stamp}
                client.publish(f"{prefix}/S{station:03d}/count", json.dumps(body), qos=1)
            n += 1
        time.sleep(0.002)
    waited = time.monotonic()
    while acknowledged < n and time.monotonic() - waited < 60:  # every message in the broker's hands
        time.sleep(0.1)
    offered.value = acknowledged
    client.loop_stop()
    client.disconnect()


def taken_in(store: Path) -> int:
    """How many readings the connector has written to its local queue so far (the queue's last number)."""
    with sqlite3.connect(store) as db:
        row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'readings'").fetchone()
    return int(row[0]) if row else 0


def committed(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(
            connection.scalar(
                select(func.count())
                .select_from(ProcessedCommand)
                .where(ProcessedCommand.type.in_(("MachineState", "MachineCount")))
            )
            or 0
        )


def wait_for_backlog(engine: Engine, offered: int, seconds: float) -> float:
    """Seconds after the machines stopped until all they offered is committed (or `seconds` passed, or
    nothing moved for 10 s)."""
    started = time.monotonic()
    last, moved = -1, started
    while (now := time.monotonic()) - started < seconds and now - moved < 10:
        done = committed(engine)
        if done >= offered:
            break
        if done != last:
            last, moved = done, now
        time.sleep(0.5)
    return time.monotonic() - started


def bare_inserts(url: str, rows: int) -> float:
    """The same rows with the bare driver: per message a machine count, its event, its processed command."""
    dsn = libpq_url(url)
    now = datetime.now(UTC)
    with psycopg.connect(dsn) as connection:
        row = connection.execute("SELECT id FROM workstations LIMIT 1").fetchone()
        assert row is not None
        station = row[0]
        started = time.perf_counter()
        for i in range(rows):
            command_id = uuid.uuid4()
            with connection.transaction():
                connection.execute(
                    "INSERT INTO processed_commands (command_id, type, actor, station, issued_at, processed_at, result)"
                    " VALUES (%s, 'MachineCount', 'MACHINE', 'S000', %s, %s, '{}')",
                    (command_id, now, now),
                )
                connection.execute(
                    "INSERT INTO machine_counts (workstation_id, good, scrap, counted_at, unassigned_because)"
                    " VALUES (%s, 1, 0, %s, 'no_job')",
                    (station, now + timedelta(microseconds=i)),
                )
                connection.execute(
                    "INSERT INTO events (occurred_at, recorded_at, actor, station, type, entity, entity_id, payload,"
                    " command_id) VALUES (%s, %s, 'MACHINE', 'S000', 'MachineCountUnassigned', 'workstation', 'S000',"
                    " '{}', %s)",
                    (now, now, command_id),
                )
        return rows / (time.perf_counter() - started)


def bare_publish(broker: str, messages: int) -> float:
    host, port = broker.split(":")
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"bench-bare-{uuid.uuid4().hex[:6]}")
    client.max_inflight_messages_set(1000)
    client.connect(host, int(port))
    client.loop_start()
    payload = json.dumps({"id": 1, "type": "MachineCountUnassigned", "payload": {"good": "1"}})
    started = time.perf_counter()
    infos = [client.publish(f"benchbare/{i % 200}", payload, qos=1) for i in range(messages)]
    for info in infos:
        info.wait_for_publish(10)
    rate = messages / (time.perf_counter() - started)
    client.loop_stop()
    client.disconnect()
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=200)
    parser.add_argument("--rate", type=float, default=5.0, help="messages a second per station")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--broker", default="127.0.0.1:1883")
    parser.add_argument(
        "--postgresql", default=os.environ.get("MES_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    )
    parser.add_argument(
        "--backlog-seconds", type=float, default=60.0, help="how long to wait after the run for the backlog"
    )
    args = parser.parse_args()
    offered = args.stations * args.rate
    print(f"{args.stations} stations x {args.rate:g} msg/s = {offered:,.0f} msg/s for {args.seconds:g} s\n")

    name = "mes_bench_machines"
    url = fresh_pg_database(args.postgresql, name)
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        prefix = f"bench/{uuid.uuid4().hex[:6]}"
        load_plant(engine, parse_plant(plant_text(args.stations, prefix, args.broker)), now=datetime.now(UTC))

        with tempfile.TemporaryDirectory() as folder:
            stop = threading.Event()
            result: dict[str, ConnectSummary] = {}

            def run() -> None:
                result["summary"] = connect(engine, SystemClock(), Path(folder) / "q.sqlite", stop=stop, publish=False)

            connector = threading.Thread(target=run)
            connector.start()
            time.sleep(2)  # connected and subscribed
            cpu0, wall0 = time.process_time(), time.perf_counter()
            offered_messages = multiprocessing.Value("l", 0)
            machines = multiprocessing.Process(
                target=simulate,
                args=(
                    args.broker,
                    prefix,
                    args.stations,
                    args.rate,
                    args.seconds,
                    time.time() + 0.5,
                    offered_messages,
                ),
            )
            machines.start()
            machines.join()
            taken = taken_in(Path(folder) / "q.sqlite")
            backlog_wait = wait_for_backlog(engine, offered_messages.value, args.backlog_seconds)
            stop.set()
            connector.join()
            cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
            summary = result["summary"]
            first_run = committed(engine)
            # Again, for what the broker kept for the connector's session (and the local queue still held):
            # what is missing after that was dropped.
            stop = threading.Event()
            connector = threading.Thread(target=run)
            connector.start()
            wait_for_backlog(engine, offered_messages.value, args.backlog_seconds)
            stop.set()
            connector.join()
            eventually, left = committed(engine), result["summary"].queued

        with engine.connect() as connection:
            rows = connection.execute(
                select(ProcessedCommand.issued_at, ProcessedCommand.processed_at)
                .where(ProcessedCommand.type.in_(("MachineState", "MachineCount")))
                .order_by(ProcessedCommand.processed_at)
                .limit(first_run)
            ).all()
        latencies = sorted((done - issued).total_seconds() * 1000 for issued, done in rows)
        delivered = len(rows)
        p50 = statistics.median(latencies) if latencies else float("nan")
        p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan")
        span = (max(r[1] for r in rows) - min(r[0] for r in rows)).total_seconds() if rows else 1
        sent = offered_messages.value
        print("connector (MQTT -> local queue -> command bus -> PostgreSQL)")
        print(f"  messages offered    {sent:,} (acknowledged by the broker to the machines)")
        print(
            f"  commands committed  {delivered:,} ({delivered / max(sent, 1):.2%}); {summary.queued:,} left in the"
            f" local queue; {sent - delivered - summary.queued:,} not taken from the broker"
        )
        print(
            f"  after a second run  {eventually:,} committed ({eventually / max(sent, 1):.2%}), {left:,} in the"
            f" local queue: {sent - eventually - left:,} lost (dropped by the broker)"
        )
        print(f"  taken off the broker {taken:,} of them by the time the machines stopped (into the local queue)")
        print(f"  sustained rate      {delivered / span:,.0f} msg/s (offered {offered:,.0f})")
        print(f"  backlog after the run  {backlog_wait:.1f} s to commit (bounded by --backlog-seconds)")
        print(f"  signal -> commit    p50 {p50:.1f} ms   p99 {p99:.1f} ms   (budget p99 < 200 ms)")
        print(
            f"  CPU                 {cpu / max(delivered, 1) * 1000:.2f} s per 1,000 messages (the connector's process)"
        )
        print(f"  wall                {wall:.1f} s for a {args.seconds:g} s run (the rest: the backlog delivered)")
        bare = bare_inserts(url, min(delivered, 5000) or 1000)
        print(f"baseline: bare INSERT loop of the same rows   {bare:,.0f} rows/s")

        with engine.connect() as connection:
            ns = namespace(connection)
        assert ns is not None
        publisher = UnsPublisher(engine, ns, SystemClock(), folder)
        publisher.start()
        time.sleep(1)
        started = time.perf_counter()
        while publisher.publish_new(2000):
            pass
        rate = publisher.published / (time.perf_counter() - started)
        publisher.stop()
        print(f"\nnamespace publisher   {publisher.published:,} events, {rate:,.0f} events/s")
        print(
            f"baseline: bare paho QoS 1 publish loop        {bare_publish(args.broker, publisher.published):,.0f} msg/s"
        )
    finally:
        engine.dispose()
        drop_pg_database(args.postgresql, name)


if __name__ == "__main__":
    main()
