"""Printing from the supervisor console: a preview first, then the print, recorded like every print.

    printing = SupervisorPrinting(engine, bus, clock, print_service, label_printer="tcp://10.1.2.3:9100")
    preview = printing.preview_traveler("WO-1")        # the PDF of each page size, and the last print
    outcome = printing.print("B2001", PrintRequest("traveler", "WO-1", "/tmp/wo-1.pdf", "A4"))

A document printed before is a reprint and needs a reason: the preview says when it was last printed,
so that the screen asks for the reason before anything is sent; the handler refuses one without.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from mes_terminal.documents.label_formats import DEFAULT_SIZE, SIZES
from mes_terminal.documents.traveler_pdf import PAGE_SIZES
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.catalog import PrintLabel, PrintTraveler
from mes_terminal.services.printing.service import PrintOutcome, PrintService
from mes_terminal.services.queries.documents import last_print
from mes_terminal.services.queries.read_only import read_connection

LOT_LABEL, TRAVELER = "lot_label", "traveler"


@dataclass(frozen=True)
class PrintPreview:
    document: str  # lot_label | traveler
    subject: str  # the lot or the work order
    pages: dict[str, bytes]  # size (labels) or page size (travelers) -> the PDF as it would print
    default: str  # the size shown first
    printed_before: datetime | None  # the last print that reached its printer: another one is a reprint
    label_printer: str | None  # the settings' [printer] label, for labels


@dataclass(frozen=True)
class PrintRequest:
    document: str
    subject: str
    target: str  # FILE.pdf, pdf:FOLDER, tcp://HOST:9100, serial:PORT, printer:NAME
    size: str  # a label size or a traveler's page size
    copies: int = 1
    reason: str | None = None  # why it is printed again


class SupervisorPrinting:
    def __init__(
        self, engine: Engine, bus: CommandBus, clock: Clock, service: PrintService, *, label_printer: str | None
    ) -> None:
        self._engine = engine
        self._bus = bus
        self._clock = clock
        self._service = service
        self.label_printer = label_printer or None

    def preview_label(self, lot: str) -> PrintPreview:
        """The lot's label in every size (unknown lots, bad GTINs... are refused here, nothing recorded)."""
        pages = {size: self._service.render_label(lot, size=size).data for size in SIZES}
        return PrintPreview(LOT_LABEL, lot, pages, DEFAULT_SIZE, self._last(LOT_LABEL, lot), self.label_printer)

    def preview_traveler(self, work_order: str) -> PrintPreview:
        pages = {size: self._service.render_traveler(work_order, page_size=size).data for size in PAGE_SIZES}
        return PrintPreview(TRAVELER, work_order, pages, "A4", self._last(TRAVELER, work_order), None)

    def print(self, actor: str, request: PrintRequest, station: str | None = None) -> PrintOutcome:
        """Print and record it as `actor`; a printer that fails raises its sentence (the job is recorded failed)."""
        common: dict[str, Any] = {
            "command_id": uuid.uuid4(),
            "actor": actor,
            "issued_at": self._clock.now(),
            "station": station,
            "target": request.target,
            "copies": request.copies,
            "reprint": request.reason is not None,
            "reason": request.reason,
        }
        if request.document == LOT_LABEL:
            return self._service.print_label(PrintLabel(lot=request.subject, size=request.size, **common))
        if request.document == TRAVELER:
            return self._service.print_traveler(
                PrintTraveler(work_order=request.subject, page_size=request.size, **common)
            )
        raise InvalidInput(f"There is no document {request.document[:40]!r} to print.")

    def _last(self, document: str, subject: str) -> datetime | None:
        with read_connection(self._engine) as connection:
            before = last_print(connection, document, subject)
        return before.requested_at if before is not None else None
