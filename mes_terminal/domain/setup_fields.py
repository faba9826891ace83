"""What an administrator types into the station setup, checked before anything is opened or saved.

Pure parsers: each takes the text of one field and returns the value to keep, or raises `InvalidInput`
with one sentence naming the field. The database URL is only checked for its shape here; the engine
factory parses it fully when the connection is tested.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mes_terminal.domain.errors import InvalidInput

MIN_BAUDRATE, MAX_BAUDRATE = 50, 4_000_000  # the range the settings file accepts
COMMON_BAUDRATES = (9600, 19200, 38400, 57600, 115200)
DEFAULT_PRINTER_PORT = 9100

# Names a scanner manual uses for its suffix -> the bytes it sends.
TERMINATORS = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n", "TAB": b"\t", "ETX": b"\x03"}

# pyserial URL handlers that make sense for a scanner; a plain port name needs no scheme.
_SERIAL_SCHEMES = ("socket", "rfc2217", "loop", "spy", "hwgrep")
_DATABASE_SCHEME = re.compile(r"^(sqlite|postgresql|postgres)(\+[a-z0-9_]+)?://", re.IGNORECASE)
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$")


def _visible(text: str, field: str) -> str:
    """`text` stripped; refused when empty or holding control characters or inner whitespace."""
    value = text.strip()
    if not value:
        raise InvalidInput(f"Enter the {field}.")
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        raise InvalidInput(f"The {field} may not contain spaces or control characters.")
    return value


def parse_database_url(text: str) -> str:
    """A URL of the form sqlite:///PATH or postgresql://USER@HOST/DB (shape only)."""
    value = _visible(text, "database URL")
    match = _DATABASE_SCHEME.match(value)
    if match is None:
        raise InvalidInput("The database URL must start with sqlite:/// or postgresql://.")
    rest = value[match.end() :]
    if match.group(1).lower() == "sqlite":
        if not rest.startswith("/") or rest in ("/", "/:memory:"):
            raise InvalidInput("A SQLite database URL names a file: sqlite:///PATH/TO/mes.sqlite.")
    elif rest in ("", "/"):
        raise InvalidInput("A PostgreSQL URL names a server and a database: postgresql://USER@HOST/DB.")
    return value


def parse_baudrate(text: str) -> int:
    value = text.strip()
    if not value.isdigit() or not value.isascii():
        raise InvalidInput("The baud rate is a whole number, such as 9600.")
    rate = int(value)
    if not MIN_BAUDRATE <= rate <= MAX_BAUDRATE:
        raise InvalidInput(f"The baud rate must be from {MIN_BAUDRATE} to {MAX_BAUDRATE}.")
    return rate


def parse_serial_port(text: str) -> str:
    """A port name (/dev/ttyACM0, COM3) or a pyserial URL (socket://host:port, rfc2217://, loop://)."""
    value = _visible(text, "serial port")
    if "://" in value:
        scheme = value.split("://", 1)[0].lower()
        if scheme not in _SERIAL_SCHEMES:
            known = ", ".join(f"{s}://" for s in _SERIAL_SCHEMES)
            raise InvalidInput(f"The serial port {value} has an unknown scheme; use a port name or {known}.")
    return value


def parse_terminator(text: str) -> str:
    """The scanner's suffix as the settings file keeps it: CR, LF, CRLF, TAB or ETX (any case)."""
    name = text.strip().upper().replace(" ", "").replace("+", "")
    if name not in TERMINATORS:
        raise InvalidInput(f"The terminator must be one of {', '.join(TERMINATORS)}.")
    return name


def terminator_bytes(name: str) -> bytes:
    return TERMINATORS[parse_terminator(name)]


@dataclass(frozen=True)
class PrinterTarget:
    """Where labels go: a folder of PDF files, a system printer by name, or a raw TCP printer."""

    kind: str  # "pdf", "printer" or "tcp"
    where: str  # the folder, the printer's name, or the host
    port: int = 0  # tcp only

    @property
    def text(self) -> str:
        """The target as the settings file keeps it (parse_printer_target reads it back)."""
        if self.kind == "tcp":
            host = f"[{self.where}]" if ":" in self.where else self.where
            return f"tcp://{host}:{self.port}"
        return f"{self.kind}:{self.where}"


def parse_printer_target(text: str) -> PrinterTarget:
    """pdf:FOLDER, printer:NAME or tcp://HOST[:PORT] (port 9100 unless given)."""
    value = text.strip()
    kind, sep, rest = value.partition(":")
    kind = kind.lower()
    if not sep or kind not in ("pdf", "printer", "tcp"):
        raise InvalidInput("The label printer is pdf:FOLDER, printer:NAME or tcp://HOST:9100.")
    if kind == "tcp":
        return _tcp_target(rest)
    where = rest.strip()
    what = "PDF folder" if kind == "pdf" else "printer name"
    if not where:
        raise InvalidInput(f"Enter the {what}.")
    if any(not ch.isprintable() for ch in where):
        raise InvalidInput(f"The {what} may not contain control characters.")
    return PrinterTarget(kind, where)


def _tcp_target(rest: str) -> PrinterTarget:
    if not rest.startswith("//"):
        raise InvalidInput("A network printer is tcp://HOST:9100.")
    address = rest[2:].rstrip("/")
    if address.startswith("["):  # an IPv6 address: [::1]:9100
        host, _, tail = address[1:].partition("]")
        port_text = tail[1:] if tail.startswith(":") else tail
        bracketed = f"[{host}]"
    else:
        host, _, port_text = address.partition(":")
        bracketed = host
    if not host or not _HOST.match(bracketed):
        raise InvalidInput(f"The printer host {host or '(empty)'} is not a host name or address.")
    port = DEFAULT_PRINTER_PORT
    if port_text:
        if not (port_text.isascii() and port_text.isdigit()) or not 1 <= int(port_text) <= 65535:
            raise InvalidInput("The printer port must be a number from 1 to 65535, usually 9100.")
        port = int(port_text)
    return PrinterTarget("tcp", host, port)


LANGUAGES = (("en_US", "English"), ("de_DE", "Deutsch"))


@dataclass(frozen=True)
class SetupChoices:
    """The station setup as entered, every field as text; `settings_changes` checks and converts it."""

    database_url: str
    station: str | None  # None: no operator terminal here (a supervisor's machine)
    locale: str = "en_US"
    serial_port: str | None = None  # None: a keyboard-wedge scanner
    baudrate: str = "9600"
    terminator: str = "CR"
    printer: str | None = None  # a printer target (pdf:, printer:, tcp://), None: no label printer


def settings_changes(choices: SetupChoices) -> dict[str, object]:
    """The changes to merge into the settings file (None removes a key); `InvalidInput` for a bad field."""
    serial = choices.serial_port is not None
    return {
        "database_url": parse_database_url(choices.database_url),
        "station": choices.station or None,
        "locale": choices.locale if choices.locale in dict(LANGUAGES) else "en_US",
        "terminal": {
            "scanner_url": parse_serial_port(choices.serial_port) if choices.serial_port is not None else None,
            "scanner_baudrate": parse_baudrate(choices.baudrate) if serial else None,
            "scanner_terminator": parse_terminator(choices.terminator) if serial else None,
        },
        "printer": {"label": parse_printer_target(choices.printer).text if choices.printer else None},
    }
