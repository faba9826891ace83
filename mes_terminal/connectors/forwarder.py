"""From the local queue to the command bus: readings become commands, in order, each once."""

from __future__ import annotations

import logging
from decimal import Decimal

from mes_terminal.connectors.store import SignalStore, StoredReading
from mes_terminal.domain.errors import Conflict, DatabaseUnavailable, MesError, SchemaNotAtHead
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus

log = logging.getLogger(__name__)

# Refusals that say "not now" rather than "not this": the reading stays queued and is tried again.
_NOT_NOW = (DatabaseUnavailable, Conflict, SchemaNotAtHead)
# Readings delivered in one transaction: enough that its fixed costs (begin, commit, the event
# chain's head) are spread thin, few enough that a reading waits little for the others.
BATCH = 200


def command_of(reading: StoredReading) -> c.Command:
    id_, actor, at, station = reading.command_id, reading.badge, reading.at, reading.station
    if reading.kind == "state":
        return c.MachineState(command_id=id_, actor=actor, issued_at=at, station=station, state=reading.value)
    if reading.kind in ("online", "offline"):
        online = reading.kind == "online"
        return c.MachineSourceStatus(
            command_id=id_, actor=actor, issued_at=at, station=station, url=reading.source, online=online
        )
    return c.MachineCount(
        command_id=id_,
        actor=actor,
        issued_at=at,
        station=station,
        signal=reading.kind,
        value=Decimal(reading.value),
        mode=reading.mode or "total",
        wrap=Decimal(reading.wrap) if reading.wrap else None,
    )


class Forwarder:
    def __init__(self, store: SignalStore, bus: CommandBus) -> None:
        self._store = store
        self._bus = bus
        self._waiting = False  # the database is away: said once, not at every try
        self.delivered = 0
        self.refused = 0

    def deliver(self, limit: int = BATCH, lane: int | None = None) -> int:
        """Deliver up to `limit` queued readings (of one lane) in order, in one transaction; stops at
        the first one the database cannot take now. Returns how many left the queue."""
        readings = self._store.oldest(limit, lane)
        if not readings:
            return 0
        answers = self._bus.execute_many([command_of(r) for r in readings], stop_on=_NOT_NOW)
        done: list[int] = []
        for reading, answer in zip(readings, answers, strict=False):
            if isinstance(answer, _NOT_NOW):
                if not self._waiting:
                    log.warning("machine readings wait in %s: %s", self._store.path, answer.message)
                    self._waiting = True
                break
            if isinstance(answer, MesError):
                # A reading the rules refuse (a stop ending before it began, an unknown station) is
                # logged and set aside: retrying cannot make it apply, and it must not block the queue.
                log.warning("%s %s of %s refused: %s", reading.kind, reading.value, reading.station, answer.message)
                self.refused += 1
            else:
                self.delivered += 1
            if self._waiting:
                log.info("the database is back; delivering the queued machine readings")
                self._waiting = False
            done.append(reading.seq)
        # Removed only now, after the commit: a reading committed but not yet removed (a crash between the
        # two) runs again as the same command (the same id), which the bus answers with its first result.
        if done:
            self._store.remove(*done)
        return len(done)
