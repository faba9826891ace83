"""Can this station reach its devices? Quick checks for `doctor` and the station setup; nothing is printed.

Each check opens what the settings name, says what it found in a short phrase, and closes it again;
a device that cannot be used raises `DeviceUnavailable` with the plain reason.
"""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import serial

from mes_terminal.domain.errors import DeviceUnavailable
from mes_terminal.domain.setup_fields import PrinterTarget

CONNECT_TIMEOUT_SECONDS = 3.0


def check_serial_port(url: str, baudrate: int) -> str:
    """Open and close the scanner's port; reads nothing."""
    try:
        port = serial.serial_for_url(url, baudrate=baudrate, timeout=0.1)
    except (serial.SerialException, ValueError, OSError) as error:
        raise DeviceUnavailable(f"The serial port {url} cannot be opened: {_reason(error)}.") from None
    port.close()
    return f"{url} opens at {baudrate} baud"


def check_pdf_folder(folder: str) -> str:
    """The folder exists (or can be made) and a file can be written in it."""
    path = Path(folder).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".mes-probe-", dir=path)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise DeviceUnavailable(f"Labels cannot be written to the folder {path}: {_reason(error)}.") from None
    return f"PDF files into {path}"


def check_tcp_printer(host: str, port: int, timeout: float = CONNECT_TIMEOUT_SECONDS) -> str:
    """A TCP connection to the printer's raw port opens within `timeout` seconds (nothing is sent)."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as error:
        raise DeviceUnavailable(f"The printer at {host}:{port} does not answer: {_reason(error)}.") from None
    return f"printer at {host}:{port} answers"


def check_printer(target: PrinterTarget, system_printers: list[str] | None = None) -> str:
    """Check a label printer target; a system printer is looked up in `system_printers` when given."""
    if target.kind == "pdf":
        return check_pdf_folder(target.where)
    if target.kind == "tcp":
        return check_tcp_printer(target.where, target.port)
    if system_printers is not None and target.where not in system_printers:
        known = ", ".join(system_printers) if system_printers else "none"
        raise DeviceUnavailable(f"There is no system printer named {target.where} (installed: {known}).")
    return f"system printer {target.where}"


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, TimeoutError):
        return "no answer in time"
    return str(error) or type(error).__name__
