"""Printer transports: they take finished document bytes to where they are printed.

    PdfFile("lot.pdf")                 writes the PDF whole (a temporary file renamed), never half
    PdfFolder("/srv/labels")           a new PDF file in the folder for each print
    RawTcpPrinter("10.1.2.3", 9100)    ZPL to a thermal printer's raw port (JetDirect)
    SerialPrinter("/dev/ttyUSB0")      ZPL over a serial line (pyserial: also COM3, socket://, loop://)
    RecordingPrinter()                 the test double: keeps the jobs in memory, or refuses when off

A system printer (QPrinter, CUPS on Linux) needs Qt and lives in `ui.system_printer`; `open_transport`
takes it as a factory, so this module stays free of Qt. Every failure is a `DeviceUnavailable` with
one plain sentence ("The printer at 10.1.2.3:9100 refused the connection; ..."). A transport reports
success only once every byte was handed over.
"""

from __future__ import annotations

import os
import re
import socket
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import serial

from mes_terminal.domain.errors import DeviceUnavailable, InvalidInput
from mes_terminal.domain.print_targets import PrintTarget, TargetKind

CONNECT_TIMEOUT_SECONDS = 5.0
SEND_TIMEOUT_SECONDS = 15.0
DEFAULT_BAUDRATE = 9600


class Transport(Protocol):
    """Sends one print job's bytes; raises `DeviceUnavailable` when they did not all arrive."""

    @property
    def description(self) -> str: ...

    def send(self, document: bytes, *, name: str) -> str:
        """Send `document`; `name` names the job (file name, spooler title). Returns where it went."""
        ...


SystemPrinterFactory = Callable[[str], Transport]
PortOpener = Callable[..., Any]


class PdfFile:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()

    @property
    def description(self) -> str:
        return f"the file {self.path}"

    def send(self, document: bytes, *, name: str) -> str:
        write_whole(self.path, document)
        return str(self.path.resolve())


class PdfFolder:
    """A new file `<name>-<UTC time>.pdf` in the folder for every print; never overwrites one."""

    def __init__(self, folder: str | Path, now: Callable[[], datetime]) -> None:
        self.folder = Path(folder).expanduser()
        self._now = now

    @property
    def description(self) -> str:
        return f"the folder {self.folder}"

    def send(self, document: bytes, *, name: str) -> str:
        if not self.folder.is_dir():
            raise DeviceUnavailable(f"The PDF folder {self.folder} does not exist; create it or choose another.")
        stem = f"{_safe_file_name(name)}-{self._now():%Y%m%dT%H%M%S}"
        path = self.folder / f"{stem}.pdf"
        counter = 2
        while path.exists():
            path = self.folder / f"{stem}-{counter}.pdf"
            counter += 1
        write_whole(path, document)
        return str(path.resolve())


class RawTcpPrinter:
    """A printer's raw TCP port (9100): the bytes are the job; the printer sends nothing back."""

    def __init__(
        self,
        host: str,
        port: int = 9100,
        *,
        connect_timeout: float = CONNECT_TIMEOUT_SECONDS,
        send_timeout: float = SEND_TIMEOUT_SECONDS,
    ) -> None:
        self.host, self.port = host, port
        self.connect_timeout, self.send_timeout = connect_timeout, send_timeout

    @property
    def description(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"the printer at {host}:{self.port}"

    def send(self, document: bytes, *, name: str) -> str:
        where = self.description
        try:
            connection = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except socket.gaierror:
            raise DeviceUnavailable(f"The printer host {self.host} is not known here; check its name.") from None
        except ConnectionRefusedError:
            raise DeviceUnavailable(
                f"{_capital(where)} refused the connection; is it switched on, and is {self.port} its raw port?"
            ) from None
        except TimeoutError:
            raise DeviceUnavailable(
                f"{_capital(where)} did not answer within {self.connect_timeout:g} s; is it switched on and connected?"
            ) from None
        except OSError as error:
            raise DeviceUnavailable(f"{_capital(where)} cannot be reached ({_reason(error)}).") from None
        with connection:
            connection.settimeout(self.send_timeout)
            try:
                connection.sendall(document)
                connection.shutdown(socket.SHUT_WR)  # end of job: the printer prints what it has
            except TimeoutError:
                raise DeviceUnavailable(
                    f"{_capital(where)} stopped taking data for {self.send_timeout:g} s; the job may be incomplete. "
                    "Check the printer (paper, ribbon, errors) and print again."
                ) from None
            except OSError as error:
                raise DeviceUnavailable(
                    f"The connection to {where} broke while sending ({_reason(error)}); the job may be incomplete. "
                    "Check the printer and print again."
                ) from None
        return where


class SerialPrinter:
    """A printer on a serial line; the port is opened for the job and closed after it."""

    def __init__(
        self,
        url: str,
        *,
        baudrate: int = DEFAULT_BAUDRATE,
        send_timeout: float = SEND_TIMEOUT_SECONDS,
        open_port: PortOpener = serial.serial_for_url,
    ) -> None:
        self.url, self.baudrate, self.send_timeout = url, baudrate, send_timeout
        self._open_port = open_port

    @property
    def description(self) -> str:
        return f"the printer on {self.url}"

    def send(self, document: bytes, *, name: str) -> str:
        try:
            port = self._open_port(self.url, baudrate=self.baudrate, write_timeout=self.send_timeout, timeout=1)
        except (serial.SerialException, OSError, ValueError) as error:
            raise DeviceUnavailable(f"The serial port {self.url} cannot be opened ({_reason(error)}).") from None
        try:
            written = port.write(document)
            port.flush()
        except serial.SerialTimeoutException:
            raise DeviceUnavailable(
                f"{_capital(self.description)} did not take the data within {self.send_timeout:g} s; the job may be "
                "incomplete. Is it switched on and the cable in?"
            ) from None
        except (serial.SerialException, OSError) as error:
            raise DeviceUnavailable(
                f"Sending to {self.description} failed ({_reason(error)}); the job may be incomplete."
            ) from None
        finally:
            _close_quietly(port)
        if written is not None and written != len(document):
            raise DeviceUnavailable(
                f"{_capital(self.description)} took {written} of {len(document)} bytes; the job is incomplete."
            )
        return self.description


class RecordingPrinter:
    """The test double: keeps every job in memory; `off` makes it refuse like a printer switched off."""

    def __init__(self, *, off: bool = False) -> None:
        self.jobs: list[tuple[str, bytes]] = []
        self.off = off

    @property
    def description(self) -> str:
        return "the recording printer"

    def send(self, document: bytes, *, name: str) -> str:
        if self.off:
            raise DeviceUnavailable("The recording printer is switched off.")
        self.jobs.append((name, document))
        return self.description


def open_transport(
    target: PrintTarget,
    *,
    now: Callable[[], datetime],
    system_printer: SystemPrinterFactory | None = None,
    baudrate: int = DEFAULT_BAUDRATE,
) -> Transport:
    """The transport for a target. Nothing is opened or connected until `send`."""
    if target.kind is TargetKind.FILE:
        return PdfFile(target.where)
    if target.kind is TargetKind.FOLDER:
        return PdfFolder(target.where, now)
    if target.kind is TargetKind.TCP:
        return RawTcpPrinter(target.where, target.port)
    if target.kind is TargetKind.SERIAL:
        return SerialPrinter(target.where, baudrate=baudrate)
    if system_printer is None:
        raise InvalidInput("System printers (printer:NAME) are not available in this program; print to a PDF file.")
    return system_printer(target.where)


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that the file is either complete or absent: never half a document."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise DeviceUnavailable(f"Cannot write {path} ({_reason(error)}).") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise DeviceUnavailable(f"Cannot write {path} ({_reason(error)}).") from None


def _safe_file_name(name: str) -> str:
    """Codes may hold "/" (WO-1/2): keep letters, digits, . _ - and replace the rest."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "document"


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _close_quietly(port: Any) -> None:
    try:
        port.close()
    except Exception:  # a port that failed may fail to close too; the job's outcome is already decided
        return
