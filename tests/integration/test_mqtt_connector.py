"""The MQTT connector against a real Mosquitto: states and counts into the database, a malformed payload
logged once, a broker that goes away and comes back (nothing lost, nothing twice), a database away."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from mes_terminal.connectors.forwarder import Forwarder
from mes_terminal.connectors.store import NewReading, SignalStore
from mes_terminal.db.records import Count, DowntimeEvent, Event, MachineCount, MachineSource, WorkOrderOperation
from mes_terminal.domain.clock import SystemClock
from mes_terminal.services.commands.bus import CommandBus
from tests.helpers import run_first_job
from tests.machine_helpers import Broker, Connector, load_machine_plant, publisher, send, wait_for


@pytest.fixture
def prefix() -> str:
    return f"test/{uuid.uuid4().hex[:10]}/WS-01"


def start_job(engine) -> None:
    bus, now = CommandBus(engine, SystemClock()), datetime.now(UTC)
    run_first_job(bus, now, 100)


def good(engine) -> Decimal:
    with Session(engine) as session:
        return session.scalars(select(WorkOrderOperation.good_quantity).where(WorkOrderOperation.seq == 10)).one()


def stops(engine) -> list[DowntimeEvent]:
    with Session(engine) as session:
        return list(session.scalars(select(DowntimeEvent).order_by(DowntimeEvent.id)))


def test_states_and_counts_flow_into_the_database(engine, tmp_path, prefix, caplog) -> None:
    load_machine_plant(engine, datetime.now(UTC), prefix=prefix)
    start_job(engine)
    client = publisher()
    caplog.set_level(logging.WARNING)
    with Connector(engine, tmp_path / "queue.sqlite") as connector:
        wait_for(lambda: _online(engine))
        send(client, f"{prefix}/state", "down")
        for value in ("100", "105", "garbage", "not a number", "2"):  # a counter that resets to 0, then 2
            send(client, f"{prefix}/count", value)
        send(client, f"{prefix}/scrap", "1")
        signal_time = (datetime.now(UTC) + timedelta(seconds=1)).replace(microsecond=0)  # after the stop began
        send(client, f"{prefix}/state", json.dumps({"state": "running", "ts": signal_time.isoformat()}))
        wait_for(lambda: (stops(engine) and stops(engine)[0].ended_at) and good(engine) == 7)
    assert connector.summary is not None and connector.summary.malformed == 2 and connector.summary.queued == 0
    (stop,) = stops(engine)
    assert (stop.source, stop.reason_id, stop.ended_at) == ("machine", None, signal_time)
    malformed = [r for r in caplog.records if "cannot be read" in r.getMessage()]
    assert len(malformed) == 1 and f"{prefix}/count" in malformed[0].getMessage()  # logged once, with its topic
    assert any("reset" in r.getMessage() for r in caplog.records)
    with Session(engine) as session:
        assert session.scalar(select(func.sum(Count.scrap))) == 1


def test_a_broker_that_goes_away_loses_nothing_and_doubles_nothing(engine, tmp_path, prefix) -> None:
    broker = Broker(tmp_path)
    broker.start()
    load_machine_plant(engine, datetime.now(UTC), url=broker.url, prefix=prefix)
    start_job(engine)
    try:
        with Connector(engine, tmp_path / "queue.sqlite"):
            wait_for(lambda: _online(engine))
            client = publisher(broker.port)
            for value in ("10", "12", "15"):
                send(client, f"{prefix}/count", value)
            wait_for(lambda: good(engine) == 5)
            client.loop_stop()
            broker.stop()
            wait_for(lambda: _online(engine) is False)
            broker.start()
            wait_for(lambda: _online(engine))
            client = publisher(broker.port)
            for value in ("15", "18", "30"):  # 15 again: a repeat counts nothing
                send(client, f"{prefix}/count", value)
            wait_for(lambda: good(engine) == 20)
            client.loop_stop()
    finally:
        broker.stop()
    assert good(engine) == 20
    with Session(engine) as session:
        assert session.scalar(select(func.sum(MachineCount.good))) == 20
        kinds = session.scalars(select(Event.type).where(Event.type.like("MachineSource%")).order_by(Event.id)).all()
    # Online, lost with the broker, back, and offline again when the connector stops.
    assert kinds == ["MachineSourceOnline", "MachineSourceOffline", "MachineSourceOnline", "MachineSourceOffline"]


@pytest.mark.slow
def test_a_burst_beyond_the_brokers_queue_is_kept_whole(engine, tmp_path, prefix) -> None:
    # A broker that keeps at most 100 messages for a client beyond those in flight: with its in-flight
    # limit of 20 and acknowledgements only after each group is on disk, a burst overflowed that queue.
    broker = Broker(tmp_path, "max_inflight_messages 20\nmax_queued_messages 100\n")
    broker.start()
    load_machine_plant(engine, datetime.now(UTC), url=broker.url, prefix=prefix)
    burst = 2000
    try:
        with Connector(engine, tmp_path / "queue.sqlite") as connector:
            wait_for(lambda: _online(engine))
            client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"test-{uuid.uuid4().hex[:8]}")
            client.max_inflight_messages_set(1000)  # the machines send as fast as the broker takes them
            client.connect("127.0.0.1", broker.port)
            client.loop_start()
            sent = [client.publish(f"{prefix}/count", str(value), qos=1) for value in range(burst + 1)]
            for message in sent:
                message.wait_for_publish(30)
            client.loop_stop()
            wait_for(lambda: _unassigned(engine) == burst, 180)
    finally:
        broker.stop()
    assert connector.summary is not None and connector.summary.queued == 0
    with Session(engine) as session:  # the first value a baseline, then one part a message: each once
        assert session.scalar(select(func.count()).select_from(MachineCount)) == burst


def _unassigned(engine) -> Decimal:
    with Session(engine) as session:
        return session.scalar(select(func.coalesce(func.sum(MachineCount.good), 0)))


def test_readings_wait_in_the_store_while_the_database_is_away(engine, tmp_path) -> None:
    load_machine_plant(engine, datetime.now(UTC))
    store = SignalStore(tmp_path / "queue.sqlite")
    now = datetime.now(UTC)

    def reading(value: str, ms: int) -> NewReading:
        return NewReading(
            "WS-01", "mqtt://127.0.0.1:1883", "count", value, now + timedelta(milliseconds=ms), "MACHINE", "total"
        )

    store.put(reading("100", 0), reading("104", 1), reading("109", 2))
    away = create_engine(f"sqlite:///{tmp_path}/missing/nowhere.sqlite")
    assert Forwarder(store, CommandBus(away, SystemClock())).deliver() == 0
    assert len(store) == 3  # kept, in order
    forwarder = Forwarder(store, CommandBus(engine, SystemClock()))
    assert forwarder.deliver() == 3 and len(store) == 0
    store.put(reading("109", 2))
    assert forwarder.deliver() == 1  # the same reading again (a crash before it was removed): one command
    with Session(engine) as session:
        assert session.scalar(select(func.sum(MachineCount.good))) == 9
        assert session.scalar(select(func.count()).select_from(MachineCount)) == 2


def _online(engine) -> bool | None:
    with Session(engine) as session:
        return session.scalars(select(MachineSource.online)).one()


def test_the_command_runs_for_its_seconds_and_says_what_it_did(database_url, engine, tmp_path, capsys) -> None:
    from mes_terminal.cli import main

    store = str(tmp_path / "queue.sqlite")
    load_machine_plant(engine, datetime.now(UTC), signals='state = { topic = "nobody/WS-01/state" }')
    assert main(["connect", "--database-url", database_url, "--seconds", "0.5", "--store", store]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (summary["sources"], summary["queued"]) == (1, 0)
    assert main(["connect", "--database-url", database_url, "--station", "WS-02", "--seconds", "0.5"]) == 2
    assert "WS-02 has no [[machines]] entry" in capsys.readouterr().err
