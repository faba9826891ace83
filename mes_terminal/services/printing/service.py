"""Printing a lot label or a traveler: render, record the request, send, record the outcome.

    service = PrintService(engine, bus, clock, open_transport=...)
    outcome = service.print_label(PrintLabel(command_id=..., actor="B1001", issued_at=..., station="WS-01",
                                             lot="L-1042", target="tcp://10.1.2.3:9100"))

1. The document is rendered first: an unknown lot, a bad GTIN in the master data, a lot number GS1
   does not allow, data too long for its barcode are refused here, and nothing is recorded.
2. `PrintLabel` / `PrintTraveler` records the job as queued (who, what, where to, copies; a reprint
   needs a reason) — refused, with its reason, when the person may not print or gives no reason.
3. The bytes go to the printer. 4. `RecordPrintOutcome` marks the job printed, or failed with the
   printer's sentence, and the failure is raised (`DeviceUnavailable`, exit 1 on the command line).

A command id sent again (a double tap, a retry) returns the first outcome and prints nothing.
Screens call `print_label` / `print_traveler` off the GUI thread; `render_*` give the bytes alone
(a preview).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import InterfaceError, OperationalError

from mes_terminal.devices.printers import Transport
from mes_terminal.documents.label_formats import DEFAULT_SIZE
from mes_terminal.documents.label_pdf import render_label_pdf
from mes_terminal.documents.label_templates import load_template
from mes_terminal.documents.label_zpl import render_label_zpl
from mes_terminal.documents.traveler_pdf import render_traveler_pdf
from mes_terminal.domain.clock import Clock, site_date
from mes_terminal.domain.error_codes import PRINT_TRAVELER_NEEDS_PAGES
from mes_terminal.domain.errors import DatabaseUnavailable, InvalidInput, MesError
from mes_terminal.domain.gs1 import Gs1Dictionary
from mes_terminal.domain.print_targets import DocumentFormat, PrintTarget, parse_copies, parse_print_target
from mes_terminal.paths import resources_dir
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.catalog import PrintLabel, PrintTraveler, RecordPrintOutcome
from mes_terminal.services.gs1_dictionary import default_gs1_dictionary
from mes_terminal.services.printing import document_builders
from mes_terminal.services.queries import documents as queries

TransportOpener = Callable[[PrintTarget], Transport]
# The outcome command's id follows from the request's, so a replayed print records its outcome once.
_OUTCOME_IDS = uuid.UUID("6f1d5c8e-3b0a-4c7e-9d41-2a8f0e5b7c13")


@dataclass(frozen=True)
class Rendered:
    """A document ready for its target: the bytes, their format and a name for files and spoolers."""

    data: bytes
    format: DocumentFormat
    name: str


@dataclass(frozen=True)
class PrintOutcome:
    job: int
    document: str  # lot_label | traveler
    subject: str  # the lot or work-order number
    target: str
    copies: int
    reprint: bool
    status: str  # printed | failed | queued (a replayed request whose outcome was never recorded)
    sent_to: str | None = None  # where the bytes went, in words or as a file path
    error: str | None = None
    replayed: bool = False


class PrintService:
    def __init__(
        self,
        engine: Engine,
        bus: CommandBus,
        clock: Clock,
        *,
        open_transport: TransportOpener,
        templates: Path | None = None,
        dictionary: Callable[[], Gs1Dictionary] = default_gs1_dictionary,
    ) -> None:
        self._engine = engine
        self._bus = bus
        self._clock = clock
        self._open_transport = open_transport
        self._templates = templates or resources_dir() / "labels"
        self._dictionary = dictionary

    # --- rendering (also a preview) -------------------------------------------------------------------

    def render_label(
        self,
        lot: str,
        *,
        format: DocumentFormat = DocumentFormat.PDF,
        size: str = DEFAULT_SIZE,
        dpi: int = 203,
        datamatrix: bool = False,
        digital_link: bool = False,
        copies: int = 1,
    ) -> Rendered:
        template = load_template(size, self._templates)
        with self._reading() as connection:
            facts = queries.lot_for_label(connection, lot)
            timezone = queries.site_timezone(connection)
        today = site_date(self._clock.now(), timezone)
        label = document_builders.lot_label(
            facts,
            template,
            self._dictionary(),
            timezone=timezone,
            today=today,
            datamatrix=datamatrix,
            digital_link=digital_link,
        )
        if format is DocumentFormat.ZPL:
            data = render_label_zpl(label, template, dpi=dpi, copies=copies)
        else:
            data = render_label_pdf(label, template, copies=copies)
        return Rendered(data, format, f"lot-{lot}")

    def render_traveler(
        self, work_order: str, *, format: DocumentFormat = DocumentFormat.PDF, page_size: str = "A4", copies: int = 1
    ) -> Rendered:
        if format is not DocumentFormat.PDF:
            raise InvalidInput(
                "A traveler is a page document: print it to a PDF file or a system printer (printer:NAME), "
                "not to a label printer.",
                code=PRINT_TRAVELER_NEEDS_PAGES,
            )
        with self._reading() as connection:
            facts = queries.order_for_traveler(connection, work_order)
            timezone = queries.site_timezone(connection)
        traveler = document_builders.traveler(facts, timezone=timezone, printed_at=self._clock.now())
        return Rendered(
            render_traveler_pdf(traveler, page_size=page_size, copies=copies), format, f"traveler-{work_order}"
        )

    # --- printing ---------------------------------------------------------------------------------------

    def print_label(self, cmd: PrintLabel) -> PrintOutcome:
        target = parse_print_target(cmd.target)
        document = self.render_label(
            cmd.lot,
            format=target.format,
            size=cmd.size,
            dpi=cmd.dpi,
            datamatrix=cmd.datamatrix,
            digital_link=cmd.digital_link,
            copies=parse_copies(cmd.copies),
        )
        return self._print(cmd, target, document)

    def print_traveler(self, cmd: PrintTraveler) -> PrintOutcome:
        target = parse_print_target(cmd.target)
        document = self.render_traveler(
            cmd.work_order, format=target.format, page_size=cmd.page_size, copies=parse_copies(cmd.copies)
        )
        return self._print(cmd, target, document)

    def _print(self, cmd: PrintLabel | PrintTraveler, target: PrintTarget, document: Rendered) -> PrintOutcome:
        transport = self._open_transport(target)  # opens nothing yet; an unusable target is refused here
        requested = self._bus.execute(cmd)
        if requested.replayed:  # asked before: report the job as it stands, print nothing
            with self._reading() as connection:
                status, error = queries.print_job_status(connection, requested.result["job"])
            return _outcome({**requested.result, "status": status, "error": error}, replayed=True)
        job = requested.result["job"]
        try:
            sent_to = transport.send(document.data, name=document.name)
        except MesError as failure:
            self._record(cmd, job, printed=False, error=failure.message)
            raise
        except Exception as failure:  # an unexpected fault is still a failed job, never a printed one
            self._record(cmd, job, printed=False, error=f"{type(failure).__name__}: {failure}")
            raise
        finished = self._record(cmd, job, printed=True)
        return _outcome(finished, sent_to=sent_to)

    def _record(self, cmd: PrintLabel | PrintTraveler, job: int, *, printed: bool, error: str | None = None) -> Any:
        outcome = RecordPrintOutcome(
            command_id=uuid.uuid5(_OUTCOME_IDS, str(cmd.command_id)),
            actor=cmd.actor,
            issued_at=self._clock.now(),
            station=cmd.station,
            job=job,
            printed=printed,
            error=error[:2000] if error else None,
        )
        return self._bus.execute(outcome).result

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        try:
            with self._engine.connect().execution_options(mes_read_only=True) as connection:
                yield connection
        except (OperationalError, InterfaceError) as error:
            reason = (str(error.orig).strip().splitlines() or [type(error.orig).__name__])[0][:200]
            raise DatabaseUnavailable(f"The database cannot be reached ({reason}); nothing was printed.") from None


def _outcome(result: Any, *, sent_to: str | None = None, replayed: bool = False) -> PrintOutcome:
    return PrintOutcome(
        job=result["job"],
        document=result["document"],
        subject=result["subject"],
        target=result["target"],
        copies=result["copies"],
        reprint=result["reprint"],
        status=result["status"],
        sent_to=sent_to,
        error=result.get("error"),
        replayed=replayed,
    )
