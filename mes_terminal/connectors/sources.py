"""What every signal source shares: where its readings go, and how bad payloads are told."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from mes_terminal.connectors.store import SignalStore
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.machine_signals import Reading, SignalSpec, read_payload
from mes_terminal.domain.plant_machines import MachineSpec

log = logging.getLogger("mes_terminal.connectors")


class Intake:
    """Takes payloads from a source's thread, reads them and queues them durably.

    A malformed payload is logged once with its signal's address (again only after a good one came
    in between), and skipped: the connector keeps running. A state equal to the last one queued is
    not queued again (a machine that repeats "running" every second is still one state).
    """

    def __init__(self, store: SignalStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self._failing: set[str] = set()
        self._last_state: dict[str, str] = {}
        self.malformed = 0

    def payload(self, machine: MachineSpec, signal: SignalSpec, raw: object, at: datetime | None = None) -> None:
        try:
            reading = read_payload(raw, signal, at or self.clock.now())  # type: ignore[arg-type]
        except InvalidInput as error:
            self.malformed += 1
            if signal.address not in self._failing:
                self._failing.add(signal.address)
                log.warning("%s (%s)", error.message, machine.station)
            return
        self._failing.discard(signal.address)
        self.reading(machine, signal, reading)

    def reading(self, machine: MachineSpec, signal: SignalSpec, reading: Reading) -> None:
        if signal.kind == "state":
            if self._last_state.get(machine.station) == reading.value:
                return
            self._last_state[machine.station] = str(reading.value)
        self.store.put(
            machine.station,
            machine.url,
            signal.kind,
            reading.text,
            reading.at,
            badge=machine.badge,
            mode=signal.mode,
            wrap=signal.wrap,
        )

    def status(self, machines: Sequence[MachineSpec], online: bool) -> None:
        """The source was reached or lost: one status reading per station it serves."""
        now = self.clock.now()
        for machine in machines:
            self.store.put(
                machine.station, machine.url, "online" if online else "offline", "", now, badge=machine.badge
            )
        if not online:
            self._last_state.clear()  # after a gap, the first state is news again
