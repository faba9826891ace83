"""Print jobs: a print or reprint is requested (queued), then recorded as printed or failed.

The two steps keep the audit honest: a job becomes "printed" only after its printer took every byte
(`services.printing` sends it between the two commands), and a job whose printer was off stays
"failed" with the printer's reason. Who asked, for what, where to and how many copies is in the job
and in its events; a reprint carries its reason.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from mes_terminal.db.records import Lot, PrintJob, WorkOrder
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.documents.label_formats import DPIS, SIZES
from mes_terminal.documents.traveler_pdf import PAGE_SIZES
from mes_terminal.domain.clock import site_time
from mes_terminal.domain.error_codes import (
    PRINT_ALREADY_FINISHED,
    PRINT_ERROR_REQUIRED,
    PRINT_REASON_REQUIRED,
    UNKNOWN_LOT,
    UNKNOWN_PRINT_JOB,
    UNKNOWN_WORK_ORDER,
)
from mes_terminal.domain.errors import InvalidInput, InvalidState, UnknownEntity
from mes_terminal.domain.print_targets import parse_copies, parse_print_target
from mes_terminal.domain.roles import SHOP_FLOOR
from mes_terminal.services.commands.catalog import PrintLabel, PrintTraveler, RecordPrintOutcome
from mes_terminal.services.commands.results import PrintJobResult
from mes_terminal.services.queries.documents import last_print

LOT_LABEL, TRAVELER = "lot_label", "traveler"
_ENTITY = {LOT_LABEL: "lot", TRAVELER: "work_order"}
_NAME = {LOT_LABEL: "Label", TRAVELER: "Traveler"}
_WHAT = {LOT_LABEL: "lot {}", TRAVELER: "the traveler of {}"}


def print_label(cmd: PrintLabel, uow: UnitOfWork) -> PrintJobResult:
    if cmd.size not in SIZES:
        raise InvalidInput(f"There is no label size {cmd.size!r}; the sizes are {', '.join(SIZES)}.")
    if cmd.dpi not in DPIS:
        raise InvalidInput(f"Thermal printers here print at {' or '.join(map(str, DPIS))} dpi, not {cmd.dpi}.")
    if uow.session.scalar(select(Lot.id).where(Lot.number == cmd.lot)) is None:
        raise UnknownEntity(UNKNOWN_LOT.sentence(number=cmd.lot), code=UNKNOWN_LOT)
    options = {"size": cmd.size, "dpi": cmd.dpi, "datamatrix": cmd.datamatrix, "digital_link": cmd.digital_link}
    return _queue(cmd, LOT_LABEL, cmd.lot, "print lot labels", options, uow)


def print_traveler(cmd: PrintTraveler, uow: UnitOfWork) -> PrintJobResult:
    if cmd.page_size not in PAGE_SIZES:
        raise InvalidInput(f"There is no page size {cmd.page_size!r}; use A4 or letter.")
    if uow.session.scalar(select(WorkOrder.id).where(WorkOrder.number == cmd.work_order)) is None:
        raise UnknownEntity(UNKNOWN_WORK_ORDER.sentence(number=cmd.work_order), code=UNKNOWN_WORK_ORDER)
    return _queue(cmd, TRAVELER, cmd.work_order, "print travelers", {"page_size": cmd.page_size}, uow)


def _queue(
    cmd: PrintLabel | PrintTraveler, document: str, subject: str, action: str, options: dict[str, Any], uow: UnitOfWork
) -> PrintJobResult:
    person = uow.users.acting(cmd.actor, SHOP_FLOOR, action)
    target = parse_print_target(cmd.target)
    copies = parse_copies(cmd.copies)
    station = uow.workstations.by_code(cmd.station) if cmd.station else None
    before = last_print(uow.session.connection(), document, subject)
    reprint = cmd.reprint or before is not None
    reason = (cmd.reason or "").strip() or None
    if reprint and reason is None:
        zone = uow.lots.site().timezone
        printed = f" on {site_time(before.requested_at, zone, 'zoned')}" if before is not None else ""
        what = _WHAT[document].format(subject)
        raise InvalidInput(
            PRINT_REASON_REQUIRED.sentence(what=what[:1].upper() + what[1:], printed=printed),
            code=PRINT_REASON_REQUIRED,
        )
    job = PrintJob(
        document=document,
        subject=subject,
        target=target.text,
        copies=copies,
        is_reprint=reprint,
        reason=reason,
        status="queued",
        requested_by_id=person.id,
        workstation_id=station.id if station else None,
        requested_at=cmd.issued_at,
    )
    uow.session.add(job)
    uow.session.flush()
    uow.events.add(
        "PrintRequested",
        _ENTITY[document],
        subject,
        job=job.id,
        document=document,
        target=job.target,
        copies=copies,
        reprint=reprint,
        reason=reason,
        **options,
    )
    return _result(job)


def record_print_outcome(cmd: RecordPrintOutcome, uow: UnitOfWork) -> PrintJobResult:
    job = uow.session.scalars(select(PrintJob).where(PrintJob.id == cmd.job).with_for_update()).one_or_none()
    if job is None:
        raise UnknownEntity(UNKNOWN_PRINT_JOB.sentence(job=cmd.job), code=UNKNOWN_PRINT_JOB)
    if job.status != "queued":
        raise InvalidState(f"Print job {job.id} is already {job.status}.", code=PRINT_ALREADY_FINISHED)
    uow.users.acting(cmd.actor, SHOP_FLOOR, "record print jobs")
    error = (cmd.error or "").strip() or None
    if not cmd.printed and error is None:
        raise InvalidInput(PRINT_ERROR_REQUIRED.sentence(), code=PRINT_ERROR_REQUIRED)
    job.status = "printed" if cmd.printed else "failed"
    job.error = None if cmd.printed else error
    name = _NAME[job.document]
    event = (f"{name}Reprinted" if job.is_reprint else f"{name}Printed") if cmd.printed else "PrintFailed"
    uow.events.add(
        event,
        _ENTITY[job.document],
        job.subject,
        job=job.id,
        target=job.target,
        copies=job.copies,
        reprint=job.is_reprint,
        reason=job.reason,
        error=job.error,
    )
    return _result(job)


def _result(job: PrintJob) -> PrintJobResult:
    return {
        "job": job.id,
        "document": job.document,
        "subject": job.subject,
        "target": job.target,
        "copies": job.copies,
        "reprint": job.is_reprint,
        "reason": job.reason,
        "status": job.status,
        "error": job.error,
    }
