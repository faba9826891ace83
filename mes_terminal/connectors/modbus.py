"""Modbus TCP signals (pymodbus): registers polled every `poll_ms`; a value is queued when it changes.

Register numbers follow the Modicon convention: 40001.. are holding registers (offset 0..), 30001.. input
registers; a number below 30000 is a holding register's offset as it is.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from pymodbus.client import ModbusTcpClient
from pymodbus.exceptions import ModbusException

from mes_terminal.connectors.sources import Intake
from mes_terminal.domain.machine_signals import SignalSpec
from mes_terminal.domain.plant_machines import MachineSpec, source_address

log = logging.getLogger(__name__)


def register_of(number: int) -> tuple[str, int]:
    """`("holding" | "input", offset)` of a register number as the plant file writes it."""
    if number >= 40001:
        return "holding", number - 40001
    if number >= 30001:
        return "input", number - 30001
    return "holding", number


class ModbusSource:
    def __init__(self, url: str, machines: Sequence[MachineSpec], intake: Intake) -> None:
        self.url = url
        self.machines = tuple(machines)
        self._intake = intake
        address = source_address(url, "url")
        self._client = ModbusTcpClient(address.host, port=address.port, timeout=1, retries=0)
        self._poll = min(m.poll_ms for m in self.machines) / 1000
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"modbus {url}", daemon=True)
        self._last: dict[tuple[str, str], int] = {}
        self.online = False

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)
        self._client.close()
        if self.online:
            self._set_online(False)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if not self._client.connected and not self._client.connect():
                    raise ConnectionError("no answer")
                for machine in self.machines:
                    for signal in machine.signals:
                        self._read(machine, signal)
                if not self.online:
                    self._set_online(True)
            except (ModbusException, ConnectionError, OSError) as error:
                if self.online:
                    log.warning("lost Modbus device %s (%s); polling on", self.url, error)
                    self._set_online(False)
                self._client.close()
            self._stop.wait(self._poll)

    def _read(self, machine: MachineSpec, signal: SignalSpec) -> None:
        table, offset = register_of(int(signal.address))
        read = self._client.read_holding_registers if table == "holding" else self._client.read_input_registers
        response = read(offset, count=1)
        if response.isError():
            raise ModbusException(f"register {signal.address}: {response}")
        value = int(response.registers[0])
        key = (machine.station, signal.kind)
        if self._last.get(key) == value and signal.mode != "increment":
            return  # unchanged: nothing new to say
        self._last[key] = value
        if signal.mode == "increment" and value == 0:
            return
        self._intake.payload(machine, signal, value)

    def _set_online(self, online: bool) -> None:
        self.online = online
        if not online:
            self._last.clear()
        self._intake.status(self.machines, online=online)
