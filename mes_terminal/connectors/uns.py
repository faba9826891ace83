"""Every event of the log, in order and at least once, to the plant's MQTT namespace (the UNS).

    {root}/{site}/{line}/{station}/events/{type}     one JSON message per event, with its id
    {root}/{site}/events/{type}                      events of no station (work orders, lots, plant loads)
    {root}/{site}/{line}/{station}/state             retained: the station's job, state and counts now,
                                                     and `oee_shift`, the OEE of its line's shift so far

The cursor (the last event id the broker acknowledged) is kept in the database, so a restart resumes
after it: a message may come twice after a crash (subscribers dedupe by `id`), none is skipped. On
PostgreSQL an event id can become visible after a higher one (transactions commit in any order), so
the publisher does not pass a gap in the ids until it is `GAP_WAIT` old (a rolled-back id never comes).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import asdict
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from mes_terminal.connectors.mqtt import client_id, new_client
from mes_terminal.db.jsonable import jsonable
from mes_terminal.db.records import PublishCursor
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.plant_machines import source_address
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.event_feed import EventView, read_events
from mes_terminal.services.queries.machines import Namespace
from mes_terminal.services.queries.shift_status import shift_oee
from mes_terminal.services.supervisor import SupervisorService

log = logging.getLogger(__name__)

GAP_WAIT = timedelta(seconds=5)
ACK_TIMEOUT = 5.0  # seconds to wait for the broker's acknowledgements of a batch


def station_of(event: EventView) -> str | None:
    return event.station or (event.entity_id if event.entity == "workstation" else None)


def event_topic(ns: Namespace, event: EventView) -> str:
    station = station_of(event)
    if station is not None and station in ns.lines:
        return f"{ns.root}/{ns.site}/{ns.lines[station]}/{station}/events/{event.type}"
    return f"{ns.root}/{ns.site}/events/{event.type}"


def state_topic(ns: Namespace, station: str) -> str:
    return f"{ns.root}/{ns.site}/{ns.lines[station]}/{station}/state"


def ready(events: Sequence[EventView], after: int, clock: Clock) -> list[EventView]:
    """The events that may go out now: in id order, stopping before a young gap in the ids."""
    out: list[EventView] = []
    last = after
    for event in events:
        if event.id != last + 1 and clock.now() - event.recorded_at < GAP_WAIT:
            break  # an id below this one may still commit
        out.append(event)
        last = event.id
    return out


class UnsPublisher:
    """Publishes the event log; with `station`, only that station's events and state (a connector run
    for one station), under a cursor of its own. Site-level events are the unscoped run's."""

    def __init__(self, engine: Engine, ns: Namespace, clock: Clock, place: str, station: str | None = None) -> None:
        self._engine = engine
        self._ns = ns
        self._clock = clock
        self._station = station
        self._name = (f"uns {ns.url}" if station is None else f"uns {station} {ns.url}")[:64]
        self._board = SupervisorService(engine, CommandBus(engine, clock), clock)
        address = source_address(ns.url, "url", ("mqtt",))
        self._client = new_client(
            client_id("uns", ns.url, place if station is None else f"{place}|{station}"), persistent=False
        )
        self._client.connect_async(address.host, address.port, keepalive=10)
        self.published = 0

    def start(self) -> None:
        self._client.loop_start()

    def stop(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()

    def cursor(self) -> int:
        with Session(self._engine) as session:
            return session.scalar(select(PublishCursor.event_id).where(PublishCursor.name == self._name)) or 0

    def publish_new(self, limit: int = 500) -> int:
        """Publish what is new since the cursor; returns how many events the cursor passed."""
        if not self._client.is_connected():
            return 0
        after = self.cursor()
        events = ready(read_events(self._engine, after, limit), after, self._clock)
        if not events:
            return 0
        ours = [e for e in events if self._station is None or station_of(e) == self._station]
        infos = [
            self._client.publish(event_topic(self._ns, e), json.dumps(e.to_json(), separators=(",", ":")), qos=1)
            for e in ours
        ]
        sent = 0
        for info in infos:  # acknowledged in order: the cursor never passes an unacknowledged event
            try:
                info.wait_for_publish(ACK_TIMEOUT)
            except RuntimeError:
                break
            if not info.is_published():
                break
            sent += 1
        # Up to the first event the broker did not take (the others' events are passed as taken).
        last = events[-1].id if sent == len(ours) else ours[sent].id - 1
        if last > after:
            self._save_cursor(last)
        if sent:
            self._publish_states({e.station for e in ours[:sent] if e.station in self._ns.lines})
            self.published += sent
        return sum(1 for e in events if e.id <= last)

    def _publish_states(self, stations: set[str | None]) -> None:
        codes = frozenset(s for s in stations if s is not None)
        if not codes:
            return
        # One OEE report per line that changed, per batch: a busy line is one report per batch, not per event.
        oee = shift_oee(self._engine, self._clock, frozenset(self._ns.lines[code] for code in codes))
        for row in self._board.board(codes):
            state: dict[str, Any] = jsonable(asdict(row))
            state["oee_shift"] = jsonable(oee.get(row.station))
            self._client.publish(state_topic(self._ns, row.station), json.dumps(state), qos=1, retain=True)

    def _save_cursor(self, event_id: int) -> None:
        now = self._clock.now()
        with Session(self._engine) as session, session.begin():
            cursor = session.get(PublishCursor, self._name)
            if cursor is None:
                session.add(PublishCursor(name=self._name, event_id=event_id, updated_at=now))
            else:
                cursor.event_id, cursor.updated_at = event_id, now
