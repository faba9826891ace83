"""Printer transports against real endpoints: a local TCP listener, a pseudo-terminal, real files.

A "printer" here is a socket or a pty that records every byte; an "off" printer is a port nobody
listens on. Nothing is mocked.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mes_terminal.devices.printers import PdfFile, PdfFolder, RawTcpPrinter, SerialPrinter, open_transport
from mes_terminal.domain.errors import DeviceUnavailable, InvalidInput
from mes_terminal.domain.print_targets import parse_print_target

ZPL = b"^XA^FO50,50^A0N,40,40^FDLot L-1042^FS^PQ2,0,1,Y^XZ\n"


class ListeningPrinter:
    """A raw-port printer listening on 127.0.0.1: accepts a connection and keeps what it sent."""

    def __init__(self, *, mode: str = "record") -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.jobs: list[bytes] = []
        self.mode = mode
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        connection, _ = self.server.accept()
        with connection:
            if self.mode == "reset":  # a printer that drops the line while taking a job: RST, not a close
                connection.recv(65536)
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return
            if self.mode == "stall":  # a printer out of paper: takes the connection, reads nothing
                self.done.wait(10)
                return
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
            self.jobs.append(b"".join(chunks))

    def close(self) -> None:
        self.done.set()
        if self.thread.is_alive():  # nobody printed: a connection of our own ends the waiting accept()
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1):
                pass
        self.thread.join(10)
        self.server.close()


@pytest.fixture
def printer() -> Iterator[ListeningPrinter]:
    listener = ListeningPrinter()
    yield listener
    listener.close()


def free_port() -> int:
    """A port on which nothing listens (taken and released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_tcp_sends_the_job_whole_and_ends_it(printer: ListeningPrinter) -> None:
    where = RawTcpPrinter("127.0.0.1", printer.port).send(ZPL, name="lot-L-1042")
    printer.thread.join(10)
    assert printer.jobs == [ZPL]
    assert where == f"the printer at 127.0.0.1:{printer.port}"


def test_a_printer_that_is_off_is_a_plain_sentence() -> None:
    port = free_port()
    with pytest.raises(DeviceUnavailable) as refused:
        RawTcpPrinter("127.0.0.1", port, connect_timeout=2).send(ZPL, name="x")
    assert refused.value.message == (
        f"The printer at 127.0.0.1:{port} refused the connection; is it switched on, and is {port} its raw port?"
    )
    assert refused.value.exit_code == 1


def test_a_printer_that_stops_taking_data_times_out_with_the_job_called_incomplete() -> None:
    stalled = ListeningPrinter(mode="stall")
    try:
        with pytest.raises(DeviceUnavailable, match=r"stopped taking data for 0\.3 s; the job may be incomplete"):
            RawTcpPrinter("127.0.0.1", stalled.port, send_timeout=0.3).send(b"x" * 64_000_000, name="x")
    finally:
        stalled.close()


def test_a_dropped_connection_is_a_failure_not_a_print() -> None:
    dropping = ListeningPrinter(mode="reset")
    try:
        with pytest.raises(DeviceUnavailable, match="broke while sending"):
            RawTcpPrinter("127.0.0.1", dropping.port).send(b"x" * 64_000_000, name="x")
    finally:
        dropping.close()


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_serial_sends_the_job_through_a_real_tty() -> None:
    controller, device = os.openpty()
    try:
        SerialPrinter(os.ttyname(device), baudrate=9600).send(ZPL, name="x")
        received = b""
        while len(received) < len(ZPL):
            received += os.read(controller, 4096)
        assert received == ZPL
    finally:
        os.close(device)
        os.close(controller)


def test_serial_through_a_tcp_bridge(printer: ListeningPrinter) -> None:
    SerialPrinter(f"socket://127.0.0.1:{printer.port}").send(ZPL, name="x")
    printer.thread.join(10)
    assert printer.jobs == [ZPL]


def test_a_missing_serial_port_says_it_cannot_be_opened() -> None:
    with pytest.raises(DeviceUnavailable, match=r"The serial port /dev/ttyNOPE7 cannot be opened \("):
        SerialPrinter("/dev/ttyNOPE7").send(ZPL, name="x")


def test_a_pdf_file_is_written_whole_and_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "lot.pdf"
    path.write_bytes(b"old")
    assert PdfFile(path).send(b"%PDF-1.4 new", name="x") == str(path.resolve())
    assert path.read_bytes() == b"%PDF-1.4 new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lot.pdf"]  # no temporary file left


def test_a_pdf_file_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DeviceUnavailable, match=r"Cannot write .*missing/lot.pdf \(No such file or directory\)"):
        PdfFile(tmp_path / "missing" / "lot.pdf").send(b"%PDF", name="x")


def test_a_pdf_folder_gets_a_new_file_for_every_print(tmp_path: Path) -> None:
    folder = PdfFolder(tmp_path, now=lambda: datetime(2026, 3, 2, 6, 0, tzinfo=UTC))
    first = folder.send(b"%PDF 1", name="lot-L/1042")
    second = folder.send(b"%PDF 2", name="lot-L/1042")
    assert Path(first).name == "lot-L_1042-20260302T060000.pdf"
    assert Path(second).name == "lot-L_1042-20260302T060000-2.pdf"
    with pytest.raises(DeviceUnavailable, match="does not exist"):
        PdfFolder(tmp_path / "nope", now=lambda: datetime.now(UTC)).send(b"%PDF", name="x")


def test_a_system_printer_needs_the_program_to_offer_one() -> None:
    with pytest.raises(InvalidInput, match="System printers"):
        open_transport(parse_print_target("printer:Office"), now=lambda: datetime.now(UTC))
    opened = open_transport(parse_print_target("printer:Office"), now=lambda: datetime.now(UTC), system_printer=PdfFile)
    assert isinstance(opened, PdfFile)
