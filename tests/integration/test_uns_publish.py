"""Every event to the plant's namespace: in order, with its id, under its station's topic; the station's
state retained; the cursor in the database, so a restart resumes where the last run stopped."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import UTC, datetime

import paho.mqtt.client as mqtt
from sqlalchemy import select
from sqlalchemy.orm import Session

from mes_terminal.db.records import Event, PublishCursor
from mes_terminal.domain.clock import SystemClock
from mes_terminal.domain.plant import parse_plant
from mes_terminal.domain.plant_machines import DEFAULT_BADGE
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant
from tests.integration.test_mqtt_connector import _online, start_job
from tests.machine_helpers import Connector, machine_plant, publisher, send, wait_for


class Listener:
    def __init__(self, root: str) -> None:
        self.messages: list[tuple[str, dict, bool]] = []
        self._lock = threading.Lock()
        self.client = publisher()
        self.client.on_message = self._on_message
        self.client.subscribe(f"{root}/#", qos=1)

    def _on_message(self, client: mqtt.Client, userdata: object, message: mqtt.MQTTMessage) -> None:
        with self._lock:
            self.messages.append((message.topic, json.loads(message.payload), bool(message.retain)))

    def events(self) -> list[tuple[str, dict]]:
        with self._lock:
            return [(topic, body) for topic, body, _ in self.messages if "/events/" in topic]


def test_events_go_out_in_order_with_their_ids_and_a_restart_resumes(engine, tmp_path) -> None:
    root, prefix = f"acme{uuid.uuid4().hex[:8]}", f"test/{uuid.uuid4().hex[:8]}/WS-01"
    text = machine_plant(prefix=prefix, uns="mqtt://127.0.0.1:1883", root=root)
    every_day = '["mon", "tue", "wed", "thu", "fri", "sat", "sun"]'  # a shift now, so the state has its OEE
    text = text.replace('["mon", "tue", "wed", "thu", "fri"]', every_day, 1)
    text = text.replace('start = "06:00"\nend = "14:00"', 'start = "00:00"\nend = "23:59"', 1)
    load_plant(engine, parse_plant(text, source="machine plant"), now=datetime.now(UTC))
    listener = Listener(root)
    start_job(engine)
    machine = publisher()
    with Connector(engine, tmp_path / "queue.sqlite"):
        wait_for(lambda: _online(engine))
        send(machine, f"{prefix}/count", "100")  # the counter's first value: its baseline
        send(machine, f"{prefix}/count", "140")  # 40 good
        wait_for(lambda: any(t.endswith("/events/CountReported") for t, _ in listener.events()))
        send(machine, f"{prefix}/state", "down")
        wait_for(lambda: any(t.endswith("/events/DowntimeStarted") for t, _ in listener.events()))
    with Session(engine) as session:
        ids = session.scalars(select(Event.id).order_by(Event.id)).all()
        cursor = session.scalar(select(PublishCursor.event_id))
    published = [body["id"] for _, body in listener.events()]
    assert published == ids and cursor == ids[-1]  # every event, in order, once
    topics = dict((body["type"], topic) for topic, body in listener.events())
    assert topics["DowntimeStarted"] == f"{root}/TEST/L1/WS-01/events/DowntimeStarted"
    assert topics["WorkOrderCreated"] == f"{root}/TEST/events/WorkOrderCreated"  # no station: the site's

    state_topic = f"{root}/TEST/L1/WS-01/state"
    late = Listener(root)  # a subscriber that comes later still gets the station's state (retained)
    state = wait_for(lambda: [body for topic, body, retained in late.messages if topic == state_topic and retained])
    assert state[-1]["state"] == "down" and state[-1]["work_order"] == "WO-1"
    assert "oee_shift" in state[-1]  # the line's shift so far, as the console's board shows it
    assert state[-1]["oee_shift"] is not None  # a shift with counts has an OEE (its figure is the report's)

    with Connector(engine, tmp_path / "queue.sqlite"):  # resumes after the cursor
        send(machine, f"{prefix}/state", "running")
        wait_for(lambda: any(t.endswith("/events/DowntimeEnded") for t, _ in listener.events()))
    with Session(engine) as session:
        ids = session.scalars(select(Event.id).order_by(Event.id)).all()
    assert [body["id"] for _, body in listener.events()] == ids
    for client in (listener.client, late.client, machine):
        client.loop_stop()


def test_a_station_run_publishes_its_stations_events_and_state_only(engine, tmp_path) -> None:
    root, prefix = f"acme{uuid.uuid4().hex[:8]}", f"test/{uuid.uuid4().hex[:8]}/WS-01"
    text = machine_plant(prefix=prefix, uns="mqtt://127.0.0.1:1883", root=root)
    load_plant(engine, parse_plant(text, source="machine plant"), now=datetime.now(UTC))
    listener = Listener(root)
    start_job(engine)  # the work order's events (the site's) and the job's at WS-01
    other = c.MachineState(
        command_id=uuid.uuid4(), actor=DEFAULT_BADGE, issued_at=datetime.now(UTC), station="WS-02", state="down"
    )
    CommandBus(engine, SystemClock()).execute(other)  # an event of another station
    machine = publisher()
    with Connector(engine, tmp_path / "queue.sqlite", station="WS-01"):
        wait_for(lambda: _online(engine))
        send(machine, f"{prefix}/state", "down")
        wait_for(lambda: any(t.endswith("/WS-01/events/DowntimeStarted") for t, _ in listener.events()))
    with Session(engine) as session:
        events = session.execute(select(Event.id, Event.station, Event.entity, Event.entity_id)).all()
        cursors = dict(session.execute(select(PublishCursor.name, PublishCursor.event_id)).all())
    ours = [e.id for e in events if (e.station or (e.entity_id if e.entity == "workstation" else None)) == "WS-01"]
    assert len(ours) < len(events)  # the site's and WS-02's events were there too
    assert [body["id"] for _, body in listener.events()] == sorted(ours)  # WS-01's, in order, each once
    assert all(f"{root}/TEST/L1/WS-01/events/" in topic for topic, _ in listener.events())
    assert cursors == {"uns WS-01 mqtt://127.0.0.1:1883": max(e.id for e in events)}  # past the others' too
    states = {topic for topic, _, retained in listener.messages if topic.endswith("/state")}
    assert states == {f"{root}/TEST/L1/WS-01/state"}
    for client in (listener.client, machine):
        client.loop_stop()
