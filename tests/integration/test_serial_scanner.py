"""A serial scanner over real transports: pyserial's loopback, a TCP bridge, and a pseudo-terminal.

Each test plays the scanner's side itself: it writes into the loopback port the scanner opened, sends
from a TCP server the scanner connects to, or writes to the master end of a pseudo-terminal whose
/dev/pts path the scanner opens like any serial port. Nothing sleeps and hopes: tests wait on queues
with deadlines.
"""

from __future__ import annotations

import os
import queue
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import serial

from mes_terminal.devices.serial_scanner import SerialScanner

WAIT = 10.0  # seconds; generous for a loaded CI machine, never reached when things work
BURST = [f"LOT:L-{i:04d}" for i in range(200)]

needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


class Recorder:
    """The scanner's callbacks: scans and states into queues the test waits on."""

    def __init__(self) -> None:
        self.scans: queue.Queue[str] = queue.Queue()
        self.states: queue.Queue[str] = queue.Queue()

    def next_scans(self, count: int) -> list[str]:
        return [self.scans.get(timeout=WAIT) for _ in range(count)]

    def wait_for_state(self, wanted: Callable[[str], bool]) -> str:
        """The first state from now on for which `wanted` is true; fails after WAIT seconds."""
        seen: list[str] = []
        while True:
            try:
                state = self.states.get(timeout=WAIT)
            except queue.Empty:
                pytest.fail(f"no matching scanner state within {WAIT} s; saw {seen}")
            seen.append(state)
            if wanted(state):
                return state


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_scanner(recorder: Recorder) -> Iterator[Callable[..., SerialScanner]]:
    scanners: list[SerialScanner] = []

    def make(url: str, **settings: Any) -> SerialScanner:
        settings.setdefault("reconnect_seconds", 0.05)
        scanner = SerialScanner(url, recorder.scans.put, on_state=recorder.states.put, **settings)
        scanners.append(scanner)
        return scanner

    yield make
    for scanner in scanners:
        scanner.stop()


def connected(state: str) -> bool:
    return state == "connected"


def disconnected(state: str) -> bool:
    return state.startswith("disconnected: ")


# --- loop:// ----------------------------------------------------------------------------------------


class LoopbackOpener:
    """Opens loop:// through serial_for_url like the scanner would, and keeps the port for the test.

    pyserial's loop:// port reads back what is written to that same port object, so the test needs the
    very instance the scanner reads from.
    """

    def __init__(self) -> None:
        self.port: serial.SerialBase | None = None

    def __call__(self, url: str, **settings: Any) -> serial.SerialBase:
        self.port = serial.serial_for_url(url, **settings)
        return self.port


def test_a_burst_of_200_scans_over_loop_arrives_whole_and_in_order(make_scanner, recorder: Recorder) -> None:
    opener = LoopbackOpener()
    scanner = make_scanner("loop://", baudrate=115200, open_port=opener)
    scanner.start()
    recorder.wait_for_state(connected)
    assert opener.port is not None
    opener.port.write(b"".join(scan.encode() + b"\r" for scan in BURST))
    assert recorder.next_scans(len(BURST)) == BURST
    scanner.stop()
    assert recorder.wait_for_state(disconnected) == "disconnected: stopped"
    assert not opener.port.is_open
    assert recorder.scans.empty()


def test_nothing_is_opened_before_start_and_stop_is_idempotent(make_scanner, recorder: Recorder) -> None:
    opener = LoopbackOpener()
    scanner = make_scanner("loop://", open_port=opener)
    scanner.stop()  # before start: nothing to do
    assert opener.port is None
    assert not scanner.running
    scanner.start()
    scanner.start()  # already running: still one reader
    recorder.wait_for_state(connected)
    assert scanner.running
    scanner.stop()
    scanner.stop()
    assert not scanner.running
    assert opener.port is not None
    assert not opener.port.is_open
    assert not [t for t in threading.enumerate() if t.name.startswith("serial scanner")]


def test_a_callback_that_raises_does_not_stop_the_scans(make_scanner, recorder: Recorder, caplog) -> None:
    opener = LoopbackOpener()

    def fussy(text: str) -> None:
        if text == "B0002":
            raise RuntimeError("the router had a bad moment")
        recorder.scans.put(text)

    scanner = SerialScanner("loop://", fussy, on_state=recorder.states.put, open_port=opener)
    try:
        scanner.start()
        recorder.wait_for_state(connected)
        assert opener.port is not None
        opener.port.write(b"B0001\rB0002\rB0003\r")
        assert recorder.next_scans(2) == ["B0001", "B0003"]
    finally:
        scanner.stop()
    assert "the router had a bad moment" in caplog.text


def test_a_scan_handler_may_stop_the_scanner(recorder: Recorder) -> None:
    opener = LoopbackOpener()
    scanner: SerialScanner

    def stop_on_first(text: str) -> None:
        recorder.scans.put(text)
        scanner.stop()

    scanner = SerialScanner("loop://", stop_on_first, on_state=recorder.states.put, open_port=opener)
    try:
        scanner.start()
        recorder.wait_for_state(connected)
        assert opener.port is not None
        opener.port.write(b"B0001\r")
        assert recorder.next_scans(1) == ["B0001"]
        assert recorder.wait_for_state(disconnected) == "disconnected: stopped"
        assert not scanner.running
    finally:
        scanner.stop()  # joins the reader thread, which ends by itself


def test_a_port_that_is_missing_is_reported_once_and_retried(make_scanner, recorder: Recorder, tmp_path) -> None:
    attempts = threading.Semaphore(0)

    def counting_opener(url: str, **settings: Any) -> serial.SerialBase:
        attempts.release()
        return serial.serial_for_url(url, **settings)

    scanner = make_scanner(str(tmp_path / "ttyUSB9"), open_port=counting_opener)
    scanner.start()
    state = recorder.wait_for_state(disconnected)
    assert "ttyUSB9" in state
    for _ in range(3):
        assert attempts.acquire(timeout=WAIT)
    assert scanner.state == state
    scanner.stop()
    assert recorder.wait_for_state(disconnected) == "disconnected: stopped"
    assert recorder.states.empty()  # one report for all the failed attempts


# --- socket:// --------------------------------------------------------------------------------------


class TcpBridge:
    """A TCP-to-serial bridge stand-in: the scanner connects to it, the test sends the scans."""

    def __init__(self, port: int = 0) -> None:
        self.listener = socket.create_server(("127.0.0.1", port))
        self.listener.settimeout(WAIT)
        self.port = self.listener.getsockname()[1]
        self.connection: socket.socket | None = None

    @property
    def url(self) -> str:
        return f"socket://127.0.0.1:{self.port}"

    def accept(self) -> socket.socket:
        self.connection, _ = self.listener.accept()
        return self.connection

    def unplug(self) -> None:
        """The device goes away: the connection drops and nothing listens any more."""
        self.close()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        self.listener.close()


@pytest.fixture
def bridge() -> Iterator[TcpBridge]:
    server = TcpBridge()
    yield server
    server.close()


def test_a_burst_of_200_scans_over_tcp_with_cr_lf_arrives_whole(make_scanner, recorder, bridge: TcpBridge) -> None:
    scanner = make_scanner(bridge.url)
    scanner.start()
    connection = bridge.accept()
    recorder.wait_for_state(connected)
    connection.sendall(b"".join(scan.encode() + b"\r\n" for scan in BURST))
    assert recorder.next_scans(len(BURST)) == BURST


def test_a_scan_split_across_packets_arrives_as_one(make_scanner, recorder, bridge: TcpBridge) -> None:
    scanner = make_scanner(bridge.url, terminator=b"\r\n")
    scanner.start()
    connection = bridge.accept()
    recorder.wait_for_state(connected)
    connection.sendall(b"OP:WO-10")
    connection.sendall(b"42:20\r")
    connection.sendall(b"\nLOT:M\xc3")
    connection.sendall(b"\xbcller\r\n")
    assert recorder.next_scans(2) == ["OP:WO-1042:20", "LOT:Müller"]


def test_unplugged_and_plugged_in_again_the_scanner_reconnects_and_keeps_delivering(
    make_scanner, recorder: Recorder, bridge: TcpBridge
) -> None:
    scanner = make_scanner(bridge.url)
    scanner.start()
    connection = bridge.accept()
    recorder.wait_for_state(connected)
    connection.sendall(b"B0001\rB0002\rWO:half-a-sc")
    assert recorder.next_scans(2) == ["B0001", "B0002"]

    bridge.unplug()
    recorder.wait_for_state(disconnected)  # the connection dropped while reading
    refused = recorder.wait_for_state(lambda state: disconnected(state) and "refused" in state.lower())
    assert scanner.state == refused

    again = TcpBridge(bridge.port)
    try:
        connection = again.accept()
        recorder.wait_for_state(connected)
        connection.sendall(b"".join(scan.encode() + b"\r" for scan in BURST))
        # The scan cut off by the unplugging is dropped, not glued to the next one.
        assert recorder.next_scans(len(BURST)) == BURST
    finally:
        scanner.stop()
        again.close()
    assert recorder.scans.empty()


# --- a pseudo-terminal: the path of a real serial device ---------------------------------------------


class PseudoTerminal:
    """A pseudo-terminal pair: the test writes to the master end, the scanner opens the /dev/pts path."""

    def __init__(self) -> None:
        import tty  # POSIX only

        self.master, self._slave = os.openpty()
        # Raw from the start, so nothing written before pyserial sets up the port is echoed or translated.
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.master, view) :]

    def hang_up(self) -> None:
        """Close the master end: to the reader it is a device that went away."""
        if self.master >= 0:
            os.close(self.master)
            self.master = -1

    def close(self) -> None:
        self.hang_up()
        if self._slave >= 0:
            os.close(self._slave)
            self._slave = -1


@pytest.fixture
def pty() -> Iterator[PseudoTerminal]:
    pair = PseudoTerminal()
    yield pair
    pair.close()


@needs_pty
def test_a_burst_of_200_scans_through_a_pseudo_terminal_arrives_whole_and_in_order(
    make_scanner, recorder: Recorder, pty: PseudoTerminal
) -> None:
    scanner = make_scanner(pty.path, baudrate=9600)
    scanner.start()
    recorder.wait_for_state(connected)
    pty.write(b"".join(scan.encode() + b"\r" for scan in BURST))
    assert recorder.next_scans(len(BURST)) == BURST


@needs_pty
def test_a_pseudo_terminal_that_hangs_up_is_reported(make_scanner, recorder: Recorder, pty: PseudoTerminal) -> None:
    scanner = make_scanner(pty.path)
    scanner.start()
    recorder.wait_for_state(connected)
    pty.write(b"WS:WS-01\r")
    assert recorder.next_scans(1) == ["WS:WS-01"]
    pty.hang_up()
    state = recorder.wait_for_state(disconnected)
    assert state != "disconnected: stopped"
    scanner.stop()
    assert recorder.wait_for_state(disconnected) == "disconnected: stopped"
