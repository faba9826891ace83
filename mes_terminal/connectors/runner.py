"""`mes-terminal connect`: every signal source of the plant (or of one station), the forwarder that
turns their readings into commands, and the namespace publisher (of every event, or of the one
station's), until the time is up or a stop."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Engine

from mes_terminal.connectors.forwarder import Forwarder
from mes_terminal.connectors.sources import Intake
from mes_terminal.connectors.store import LANES, SignalStore
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.errors import MesError
from mes_terminal.domain.plant_machines import MachineSpec
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.machines import machine_sources, namespace
from mes_terminal.services.queries.read_only import read_connection

if TYPE_CHECKING:
    from mes_terminal.connectors.uns import UnsPublisher

log = logging.getLogger(__name__)

TICK_SECONDS = 0.02  # how long an idle lane or the publisher waits before looking again
# How long a stop goes on delivering what is queued: a backlog left then waits on disk for the next run,
# rather than holding up a service manager's stop.
DRAIN_SECONDS = 10.0


class Source(Protocol):
    url: str

    def start(self) -> None: ...
    def stop(self) -> None: ...


@dataclass
class ConnectSummary:
    sources: int
    delivered: int = 0
    refused: int = 0
    malformed: int = 0
    queued: int = 0  # still waiting in the local store at the end (the database was away)
    published: int = 0


def build_sources(machines: Sequence[MachineSpec], intake: Intake) -> list[Source]:
    """One source per address: a broker, an OPC UA server or a Modbus device serves all its stations."""
    by_url: dict[str, list[MachineSpec]] = {}
    for machine in machines:
        by_url.setdefault(machine.url, []).append(machine)
    sources: list[Source] = []
    for url, served in by_url.items():
        scheme = served[0].address.scheme
        if scheme == "mqtt":
            from mes_terminal.connectors.mqtt import MqttSource

            sources.append(MqttSource(url, served, intake))
        elif scheme == "opc.tcp":
            from mes_terminal.connectors.opcua import OpcUaSource

            sources.append(OpcUaSource(url, served, intake))
        else:
            from mes_terminal.connectors.modbus import ModbusSource

            sources.append(ModbusSource(url, served, intake))
    return sources


def connect(
    engine: Engine,
    clock: Clock,
    store_path: Path,
    *,
    station: str | None = None,
    seconds: float | None = None,
    stop: threading.Event | None = None,
    publish: bool = True,
) -> ConnectSummary:
    """Run until `seconds` passed or `stop` is set; what could not be delivered stays in the store."""
    with read_connection(engine) as connection:
        machines = machine_sources(connection, station)
        ns = namespace(connection) if publish else None
    store = SignalStore(store_path)
    intake = Intake(store, clock)
    bus = CommandBus(engine, clock)
    # SQLite takes one writer at a time: one lane. A server takes stations side by side.
    lanes: list[int | None] = [None] if engine.dialect.name == "sqlite" else list(range(LANES))
    forwarders = {lane: Forwarder(store, bus) for lane in lanes}
    sources = build_sources(machines, intake)
    publisher: UnsPublisher | None = None
    if ns is not None:
        from mes_terminal.connectors.uns import UnsPublisher

        publisher = UnsPublisher(engine, ns, clock, str(store_path), station)
    stop = stop or threading.Event()
    deadline = None if seconds is None else time.monotonic() + seconds
    summary = ConnectSummary(sources=len(sources))
    halt = threading.Event()  # the lanes stop after the sources and the intake
    workers = [
        threading.Thread(target=_deliver_lane, args=(forwarder, lane, halt), name=f"lane {lane}", daemon=True)
        for lane, forwarder in forwarders.items()
    ]
    intake.start()
    for worker in workers:
        worker.start()
    for source in sources:
        source.start()
    if publisher is not None:
        publisher.start()
    try:
        while not stop.is_set() and (deadline is None or time.monotonic() < deadline):
            if publisher is not None:
                _guarded(lambda: _drain(publisher.publish_new))
            stop.wait(TICK_SECONDS)
    finally:
        for source in sources:
            source.stop()
        intake.stop()  # what arrived before the sources stopped is on disk
        halt.set()
        for worker in workers:
            worker.join(60)
        drained_by = time.monotonic() + DRAIN_SECONDS
        for lane, forwarder in forwarders.items():  # and delivered, unless the database is away
            _guarded(_lane_drain(forwarder, lane, drained_by))
        if publisher is not None:
            _guarded(lambda: _drain(publisher.publish_new))
            publisher.stop()
            summary.published = publisher.published
        summary.delivered = sum(f.delivered for f in forwarders.values())
        summary.refused = sum(f.refused for f in forwarders.values())
        summary.malformed, summary.queued = intake.malformed, len(store)
        store.close()
    return summary


def _deliver_lane(forwarder: Forwarder, lane: int | None, halt: threading.Event) -> None:
    while not halt.is_set():
        if not _guarded(lambda: forwarder.deliver(lane=lane)):
            halt.wait(TICK_SECONDS)


def _lane_drain(forwarder: Forwarder, lane: int | None, until: float) -> Callable[[], int]:
    return lambda: _drain(lambda: forwarder.deliver(lane=lane), until)


def _drain(step: Callable[[], int], until: float | None = None) -> int:
    total = 0
    while (until is None or time.monotonic() < until) and (done := step()) > 0:
        total += done
    return total


def _guarded(step: Callable[[], int]) -> int:
    """One step of delivery or publication; a failure is logged and the next step tries again."""
    try:
        return step()
    except MesError as error:
        log.warning("%s", error.message)
    except Exception:  # the connector keeps running; the log has the details
        log.exception("connector step failed")
    return 0
