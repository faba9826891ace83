"""What every signal source shares: where its readings go, and how bad payloads are told."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

from mes_terminal.connectors.store import NewReading, SignalStore
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.machine_signals import Reading, SignalSpec, read_payload
from mes_terminal.domain.plant_machines import MachineSpec

log = logging.getLogger("mes_terminal.connectors")


FLUSH_SECONDS = 0.01  # how long readings gather before one write (one fsync) takes them all

Ack = Callable[[], None]


class Intake:
    """Takes payloads from the sources' threads, reads them and queues them durably, in groups.

    A malformed payload is logged once with its signal's address (again only after a good one came in
    between), and skipped: the connector keeps running. A state equal to the last one queued is not
    queued again (a machine that repeats "running" every second is still one state). A payload's
    `ack` (the MQTT acknowledgement) runs once its reading is on disk, or at once when nothing is kept.
    """

    def __init__(self, store: SignalStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self._failing: set[str] = set()
        self._last_state: dict[str, str] = {}
        self._lock = threading.Lock()
        self._pending: list[tuple[NewReading | None, Ack | None]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._flush_loop, name="signal intake", daemon=True)
        self.malformed = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(10)
        self.flush()

    def payload(
        self, machine: MachineSpec, signal: SignalSpec, raw: object, at: datetime | None = None, ack: Ack | None = None
    ) -> None:
        try:
            reading = read_payload(raw, signal, at or self.clock.now())  # type: ignore[arg-type]
        except InvalidInput as error:
            with self._lock:
                self.malformed += 1
                first = signal.address not in self._failing
                self._failing.add(signal.address)
            if first:
                log.warning("%s (%s)", error.message, machine.station)
            self._later(None, ack)
            return
        with self._lock:
            self._failing.discard(signal.address)
        self.reading(machine, signal, reading, ack)

    def reading(self, machine: MachineSpec, signal: SignalSpec, reading: Reading, ack: Ack | None = None) -> None:
        if signal.kind == "state":
            with self._lock:
                repeated = self._last_state.get(machine.station) == reading.value
                self._last_state[machine.station] = str(reading.value)
            if repeated:
                self._later(None, ack)
                return
        new = NewReading(
            machine.station, machine.url, signal.kind, reading.text, reading.at, machine.badge, signal.mode, signal.wrap
        )
        self._later(new, ack)

    def status(self, machines: Sequence[MachineSpec], online: bool) -> None:
        """The source was reached or lost: one status reading per station it serves."""
        now = self.clock.now()
        kind = "online" if online else "offline"
        for machine in machines:
            self._later(NewReading(machine.station, machine.url, kind, "", now, machine.badge), None)
        if not online:
            with self._lock:
                self._last_state.clear()  # after a gap, the first state is news again

    def flush(self) -> None:
        """Write what gathered in one transaction, then acknowledge it."""
        with self._lock:
            pending, self._pending = self._pending, []
        readings = [reading for reading, _ in pending if reading is not None]
        if readings:
            self.store.put(*readings)
        for _, ack in pending:
            if ack is not None:
                ack()

    def _later(self, reading: NewReading | None, ack: Ack | None) -> None:
        with self._lock:
            self._pending.append((reading, ack))

    def _flush_loop(self) -> None:
        while not self._stop.wait(FLUSH_SECONDS):
            try:
                self.flush()
            except Exception:  # the disk failed: say so, keep what is pending for the next try
                log.exception("could not write machine readings to %s", self.store.path)
