"""Where a document is printed: the TARGET of `mes-terminal print` and of the console's print buttons.

    FILE.pdf               a PDF file (written whole, or not at all)
    pdf:FOLDER             a new PDF file in that folder for each print (the settings file's form)
    tcp://HOST[:PORT]      a ZPL thermal printer's raw port, 9100 unless given
    serial:PORT            a ZPL printer on a serial port: /dev/ttyUSB0, COM3, socket://host:port
    printer:NAME           a printer of the system's spooler (CUPS on Linux), by name

The PDF targets and system printers take PDF; TCP and serial printers take ZPL II. The settings file's
`[printer]` forms (pdf:, printer:, tcp://) are read by `setup_fields.parse_printer_target`, so a target
written in the settings and one typed on the command line mean the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.setup_fields import parse_printer_target, parse_serial_port

# More than this in one request is almost certainly a typo (1000 for 10); print again for more.
MAX_COPIES = 100
# As long as the print job's record keeps it.
MAX_TARGET_LENGTH = 400
_USAGE = "The print target must be FILE.pdf, pdf:FOLDER, tcp://HOST:9100, serial:PORT or printer:NAME."


class TargetKind(StrEnum):
    FILE = "file"
    FOLDER = "folder"
    TCP = "tcp"
    SERIAL = "serial"
    PRINTER = "printer"


class DocumentFormat(StrEnum):
    PDF = "pdf"
    ZPL = "zpl"


@dataclass(frozen=True)
class PrintTarget:
    kind: TargetKind
    where: str  # the file, folder, host, serial port or printer name
    port: int = 0  # TCP only

    @property
    def format(self) -> DocumentFormat:
        """What the target takes: ZPL for thermal printers on TCP or serial, PDF for the rest."""
        return DocumentFormat.ZPL if self.kind in (TargetKind.TCP, TargetKind.SERIAL) else DocumentFormat.PDF

    @property
    def text(self) -> str:
        """The target written out again; `parse_print_target(t.text) == t`."""
        if self.kind is TargetKind.FILE:
            return self.where
        if self.kind is TargetKind.FOLDER:
            return f"pdf:{self.where}"
        if self.kind is TargetKind.TCP:
            host = f"[{self.where}]" if ":" in self.where else self.where
            return f"tcp://{host}:{self.port}"
        return f"{self.kind.value}:{self.where}"


def parse_print_target(text: str) -> PrintTarget:
    """A TARGET as typed or stored, or `InvalidInput` saying which forms there are."""
    if not isinstance(text, str):
        raise InvalidInput(_USAGE)
    value = text.strip()
    if len(value) > MAX_TARGET_LENGTH:
        raise InvalidInput(f"The print target is longer than {MAX_TARGET_LENGTH} characters.")
    if any(not ch.isprintable() for ch in value):
        raise InvalidInput("The print target may not contain control characters.")
    scheme, colon, rest = value.partition(":")
    scheme = scheme.lower()
    if colon and scheme == "serial":
        return PrintTarget(TargetKind.SERIAL, parse_serial_port(rest))
    if colon and scheme in ("pdf", "printer", "tcp"):
        parsed = parse_printer_target(value)
        kind = {"pdf": TargetKind.FOLDER, "printer": TargetKind.PRINTER, "tcp": TargetKind.TCP}[parsed.kind]
        return PrintTarget(kind, parsed.where, parsed.port)
    if value.lower().endswith(".pdf") and len(value) > len(".pdf"):
        return PrintTarget(TargetKind.FILE, value)
    raise InvalidInput(_USAGE)


def parse_copies(value: object) -> int:
    """A number of copies from 1 to MAX_COPIES, from an int or the text of one."""
    if isinstance(value, bool):
        raise InvalidInput(f"The number of copies must be a whole number from 1 to {MAX_COPIES}.")
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 6:
            raise InvalidInput(
                f"The number of copies must be a whole number from 1 to {MAX_COPIES}, not {text[:20]!r}."
            )
        value = int(text)
    if not isinstance(value, int) or not 1 <= value <= MAX_COPIES:
        raise InvalidInput(f"The number of copies must be a whole number from 1 to {MAX_COPIES}.")
    return value
