"""Printing labels and travelers through the service: render, record, send, record the outcome.

On SQLite and PostgreSQL, with real PDF files and a local TCP "printer" that records every byte.
"""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text, update

from mes_terminal.db.records import Event, Lot, Material, PrintJob, WorkOrder, WorkOrderOperation, Workstation
from mes_terminal.devices.printers import RecordingPrinter, open_transport
from mes_terminal.domain.clock import FixedClock
from mes_terminal.domain.errors import DeviceUnavailable, InvalidInput, NotPermitted, UnknownEntity
from mes_terminal.domain.gs1 import Gs1Error
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.printing.service import PrintService
from tests.barcode_reading import Read, pdf_barcodes, read_barcodes
from tests.helpers import OPERATOR, SUPERVISOR, command
from tests.integration.test_printer_transports import ListeningPrinter, free_port
from tests.zpl_preview import parse_zpl, render

GS = "\x1d"
STEEL_GTIN, BRACKET_GTIN = "09506000134369", "09506000134352"


def add_lot(
    engine: Engine,
    number: str,
    material: str,
    quantity: str,
    *,
    expires: date | None = None,
    made_by: tuple[str, int] | None = None,
    at: datetime = datetime(2026, 3, 1, 23, 30, tzinfo=UTC),
) -> None:
    """A lot straight into the records: received, or made by an operation (work order, seq)."""
    with engine.begin() as connection:
        material_id = connection.scalar(select(Material.id).where(Material.code == material))
        operation_id = None
        if made_by is not None:
            operation_id = connection.scalar(
                select(WorkOrderOperation.id)
                .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
                .where(WorkOrder.number == made_by[0], WorkOrderOperation.seq == made_by[1])
            )
        connection.execute(
            Lot.__table__.insert().values(
                number=number,
                material_id=material_id,
                quantity=Decimal(quantity),
                status="available",
                expires_on=expires,
                produced_by_operation_id=operation_id,
                created_at=at,
            )
        )


def set_gtin(engine: Engine, material: str, gtin: str | None) -> None:
    with engine.begin() as connection:
        connection.execute(update(Material).where(Material.code == material).values(gtin=gtin))


@pytest.fixture
def plant_with_lots(plant: Engine, bus: CommandBus, clock: FixedClock) -> Engine:
    """The small plant with GTINs, a received steel lot R-17 and a bracket lot WO-1 made at WS-02."""
    set_gtin(plant, "STEEL-2MM", STEEL_GTIN)
    set_gtin(plant, "BRACKET-A", BRACKET_GTIN)
    add_lot(plant, "R-17", "STEEL-2MM", "12.5", expires=date(2027, 3, 2))
    bus.execute(
        command(c.CreateWorkOrder, clock.now(), number="WO-1", product="BRACKET-A", quantity=Decimal(250),
                due=datetime(2026, 3, 9, 13, 0, tzinfo=UTC))
    )  # fmt: skip
    add_lot(plant, "WO-1", "BRACKET-A", "250", made_by=("WO-1", 20))
    with plant.begin() as connection:
        station = connection.scalar(select(Workstation.id).where(Workstation.code == "WS-02"))
        connection.execute(
            update(WorkOrderOperation).where(WorkOrderOperation.seq == 20).values(workstation_id=station)
        )
    return plant


@pytest.fixture
def service(plant_with_lots: Engine, bus: CommandBus, clock: FixedClock) -> PrintService:
    return PrintService(
        plant_with_lots, bus, clock, open_transport=lambda target: open_transport(target, now=clock.now)
    )


@pytest.fixture
def printer() -> Iterator[ListeningPrinter]:
    listener = ListeningPrinter()
    yield listener
    listener.close()


def label(clock: FixedClock, target: str, lot: str = "R-17", actor: str = OPERATOR, **fields: Any) -> c.PrintLabel:
    return command(c.PrintLabel, clock.now(), actor=actor, station="WS-01", lot=lot, target=target, **fields)


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def jobs(engine: Engine) -> list[PrintJob]:
    with engine.connect() as connection:
        return list(connection.execute(select(PrintJob).order_by(PrintJob.id)))


def events(engine: Engine) -> list[tuple[str, str, str | None, str | None, dict[str, Any]]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(Event.type, Event.entity_id, Event.actor, Event.station, Event.payload)
            .where(
                Event.type.in_(("PrintRequested", "LabelPrinted", "LabelReprinted", "TravelerPrinted", "PrintFailed"))
            )
            .order_by(Event.id)
        )
        return [tuple(row) for row in rows]


def test_a_label_printed_to_a_pdf_file_reads_back_and_is_recorded(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "r17.pdf"
    outcome = service.print_label(label(clock, str(path), size="4x2", copies=2))
    assert (outcome.status, outcome.copies, outcome.reprint, outcome.sent_to) == ("printed", 2, False, str(path))
    pages = pdf_barcodes(path.read_bytes())
    assert (
        pages
        == [[Read("Code128", "]C1", f"01{STEEL_GTIN}10R-17"), Read("Code128", "]C1", "17270302" + "3101000125")]] * 2
    )
    [job] = jobs(plant_with_lots)
    assert (job.document, job.subject, job.target, job.copies, job.status, job.is_reprint) == (
        "lot_label",
        "R-17",
        str(path),
        2,
        "printed",
        False,
    )
    assert [(e[0], e[1], e[2], e[3]) for e in events(plant_with_lots)] == [
        ("PrintRequested", "R-17", OPERATOR, "WS-01"),
        ("LabelPrinted", "R-17", OPERATOR, "WS-01"),
    ]
    assert events(plant_with_lots)[1][4] == {
        "job": job.id, "target": str(path), "copies": 2, "reprint": False, "reason": None, "error": None
    }  # fmt: skip


def test_a_made_lot_names_its_work_order_and_station_and_its_production_date(
    service: PrintService, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "wo1.pdf"
    service.print_label(label(clock, str(path), lot="WO-1", datamatrix=True))
    [page] = pdf_barcodes(path.read_bytes())
    assert Read("Code128", "]C1", f"01{BRACKET_GTIN}10WO-1") in page
    # Made at 23:30 UTC on 1 March: 2 March in Berlin, the plant's time zone.
    assert Read("Code128", "]C1", "11260302" + "30250") in page
    assert Read("DataMatrix", "]d2", f"01{BRACKET_GTIN}1126030210WO-1{GS}30250") in page
    text = pdf_text(path.read_bytes())
    assert "WO-1" in text and "WS-02" in text and "2026-03-02" in text


def test_a_reprint_needs_a_reason_and_is_recorded_as_one(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine, tmp_path: Path
) -> None:
    service.print_label(label(clock, str(tmp_path / "a.pdf")))
    with pytest.raises(InvalidInput) as refused:
        service.print_label(label(clock, str(tmp_path / "b.pdf")))
    assert refused.value.code == "print.reason_required"
    assert (
        refused.value.message == "Lot R-17 was printed before on 2026-03-02 07:00 CET; a reprint needs a reason."
    )  # the site's time
    assert not (tmp_path / "b.pdf").exists()
    outcome = service.print_label(label(clock, str(tmp_path / "b.pdf"), reason="Label torn off the bin"))
    assert outcome.reprint
    assert [(j.is_reprint, j.reason) for j in jobs(plant_with_lots)] == [
        (False, None),
        (True, "Label torn off the bin"),
    ]
    assert events(plant_with_lots)[-1][0] == "LabelReprinted"
    assert events(plant_with_lots)[-1][4]["reason"] == "Label torn off the bin"


def test_zpl_goes_to_a_tcp_printer_with_its_copies(
    service: PrintService, clock: FixedClock, printer: ListeningPrinter, plant_with_lots: Engine
) -> None:
    outcome = service.print_label(label(clock, f"tcp://127.0.0.1:{printer.port}", copies=3, dpi=300))
    printer.thread.join(10)
    [zpl] = printer.jobs
    printed = parse_zpl(zpl)
    assert printed.copies == 3
    assert [r.text for r in read_barcodes(render(printed, text=False))] == [
        f"01{STEEL_GTIN}10R-17",
        "17270302" + "3101000125",
    ]
    assert outcome.sent_to == f"the printer at 127.0.0.1:{printer.port}"
    assert [j.status for j in jobs(plant_with_lots)] == ["printed"]


def test_a_printer_that_is_off_leaves_a_failed_job_and_nothing_printed(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine
) -> None:
    port = free_port()
    with pytest.raises(DeviceUnavailable, match="refused the connection") as failure:
        service.print_label(label(clock, f"tcp://127.0.0.1:{port}"))
    [job] = jobs(plant_with_lots)
    assert (job.status, job.error) == ("failed", failure.value.message)
    assert [e[0] for e in events(plant_with_lots)] == ["PrintRequested", "PrintFailed"]


def test_after_a_failed_print_the_next_one_is_not_a_reprint(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine, tmp_path: Path
) -> None:
    with pytest.raises(DeviceUnavailable):
        service.print_label(label(clock, f"tcp://127.0.0.1:{free_port()}"))
    outcome = service.print_label(label(clock, str(tmp_path / "r17.pdf")))
    assert (outcome.status, outcome.reprint) == ("printed", False)


def test_the_same_command_twice_prints_once(
    service: PrintService, clock: FixedClock, printer: ListeningPrinter, plant_with_lots: Engine
) -> None:
    cmd = label(clock, f"tcp://127.0.0.1:{printer.port}")
    first = service.print_label(cmd)
    again = service.print_label(cmd)
    printer.thread.join(10)
    assert len(printer.jobs) == 1
    assert (again.replayed, again.job, again.status) == (True, first.job, "printed")
    assert len(jobs(plant_with_lots)) == 1


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        ({"lot": "NOPE-1"}, UnknownEntity, "There is no lot NOPE-1."),
        ({"actor": "B9999"}, UnknownEntity, "No user has badge B9999."),
        ({"copies": 0}, InvalidInput, "whole number from 1 to 100"),
        ({"size": "A6"}, InvalidInput, "no label size 'A6'"),
        ({"target": "labels.txt"}, InvalidInput, "must be FILE.pdf"),
        ({"target": "printer:Office"}, InvalidInput, "System printers"),
    ],
)
def test_bad_requests_record_nothing(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine, tmp_path: Path,
    change: dict[str, Any], error: type[Exception], message: str,
) -> None:  # fmt: skip
    fields = {"target": str(tmp_path / "x.pdf"), **change}
    with pytest.raises(error, match=message):
        service.print_label(label(clock, **fields))
    assert jobs(plant_with_lots) == []
    assert events(plant_with_lots) == []
    assert not (tmp_path / "x.pdf").exists()


def test_a_bad_gtin_in_master_data_is_refused_before_anything_is_printed(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine, tmp_path: Path
) -> None:
    set_gtin(plant_with_lots, "STEEL-2MM", "09506000134360")
    with pytest.raises(Gs1Error, match=r"check digit in AI \(01\) is wrong: expected 9, found 0\. Correct the GTIN"):
        service.print_label(label(clock, str(tmp_path / "x.pdf")))
    assert jobs(plant_with_lots) == [] and not (tmp_path / "x.pdf").exists()


def test_a_lot_number_gs1_cannot_carry_is_refused_with_the_reason(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine, tmp_path: Path
) -> None:
    add_lot(plant_with_lots, "R 18#", "STEEL-2MM", "5")
    with pytest.raises(Gs1Error, match=r"AI \(10\) BATCH/LOT contains a space"):
        service.print_label(label(clock, str(tmp_path / "x.pdf"), lot="R 18#"))
    assert jobs(plant_with_lots) == []


def test_only_people_of_the_plant_may_print(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine, tmp_path: Path
) -> None:
    with plant_with_lots.begin() as connection:
        connection.execute(text("UPDATE users SET active = false WHERE badge = :b"), {"b": OPERATOR})
    with pytest.raises(NotPermitted, match="deactivated"):
        service.print_label(label(clock, str(tmp_path / "x.pdf")))
    assert jobs(plant_with_lots) == []


def test_a_traveler_to_a_pdf_file_carries_every_operation(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "wo1.pdf"
    cmd = command(c.PrintTraveler, clock.now(), actor=SUPERVISOR, work_order="WO-1", target=str(path))
    outcome = service.print_traveler(cmd)
    assert outcome.document == "traveler"
    [page] = pdf_barcodes(path.read_bytes(), dpi=200)
    assert [r.text for r in page] == ["WO:WO-1", "OP:WO-1:10", "OP:WO-1:20"]
    assert [e[0] for e in events(plant_with_lots)] == ["PrintRequested", "TravelerPrinted"]


def test_a_traveler_does_not_go_to_a_label_printer(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine, printer: ListeningPrinter
) -> None:
    cmd = command(c.PrintTraveler, clock.now(), work_order="WO-1", target=f"tcp://127.0.0.1:{printer.port}")
    with pytest.raises(InvalidInput, match="A traveler is a page document"):
        service.print_traveler(cmd)
    assert jobs(plant_with_lots) == []
    with pytest.raises(UnknownEntity, match="There is no work order WO-9"):
        service.print_traveler(command(c.PrintTraveler, clock.now(), work_order="WO-9", target="x.pdf"))


def test_print_commands_replay_from_a_file_as_requests(
    bus: CommandBus, clock: FixedClock, plant_with_lots: Engine
) -> None:
    """A PrintLabel in a JSONL file records the request; only a printing program marks it printed."""
    requested = bus.execute(label(clock, "pdf:/srv/labels", lot="R-17"))
    assert requested.result["status"] == "queued"
    job = requested.result["job"]
    done = bus.execute(
        c.RecordPrintOutcome(command_id=uuid.uuid4(), actor=OPERATOR, issued_at=clock.now(), job=job,
                             printed=False, error="Printer jammed.")
    )  # fmt: skip
    assert done.result["status"] == "failed"
    with pytest.raises(Exception, match="already failed"):
        bus.execute(
            c.RecordPrintOutcome(command_id=uuid.uuid4(), actor=OPERATOR, issued_at=clock.now(), job=job,
                                 printed=True)
        )  # fmt: skip


def test_a_screen_can_print_through_the_recording_printer(
    plant_with_lots: Engine, bus: CommandBus, clock: FixedClock
) -> None:
    """The test double the console's print buttons use: same protocol, jobs kept in memory."""
    recording = RecordingPrinter()
    service = PrintService(plant_with_lots, bus, clock, open_transport=lambda target: recording)
    outcome = service.print_label(label(clock, "tcp://zebra-1:9100", lot="R-17", copies=2))
    [(name, zpl)] = recording.jobs
    assert (name, outcome.sent_to) == ("lot-R-17", "the recording printer")
    assert parse_zpl(zpl).copies == 2
    recording.off = True
    with pytest.raises(DeviceUnavailable, match="switched off"):
        service.print_label(label(clock, "tcp://zebra-1:9100", lot="R-17", reason="second pallet"))
    assert [j.status for j in jobs(plant_with_lots)] == ["printed", "failed"]


@pytest.mark.parametrize(
    ("cls", "fields", "message"),
    [
        (c.PrintLabel, {"lot": "R-17", "size": "A6"}, "no label size 'A6'"),
        (c.PrintLabel, {"lot": "R-17", "dpi": 600}, "203 or 300 dpi, not 600"),
        (c.PrintLabel, {"lot": "R-17", "copies": 1000}, "from 1 to 100"),
        (c.PrintTraveler, {"work_order": "WO-1", "page_size": "A3"}, "no page size 'A3'"),
        (c.PrintTraveler, {"work_order": "WO-1", "target": "fax:123"}, "must be FILE.pdf"),
    ],
)
def test_a_replayed_request_is_checked_like_a_printed_one(
    bus: CommandBus, clock: FixedClock, plant_with_lots: Engine, cls: type[c.Command], fields: dict[str, Any],
    message: str,
) -> None:  # fmt: skip
    with pytest.raises(InvalidInput, match=message):
        bus.execute(command(cls, clock.now(), **{"target": "pdf:/srv/labels", **fields}))
    assert jobs(plant_with_lots) == []


# --- the GS1 Digital Link QR code: asked for by the print request or by the station's setting -------------


def test_a_label_with_a_digital_link_qr_reads_back_as_the_same_lot(
    service: PrintService, clock: FixedClock, plant_with_lots: Engine, tmp_path: Path
) -> None:
    from mes_terminal.domain.gs1 import parse_gs1_scan
    from mes_terminal.services.gs1_dictionary import default_gs1_dictionary

    path = tmp_path / "r17-dl.pdf"
    service.print_label(label(clock, str(path), size="4x2", digital_link=True))
    [page] = pdf_barcodes(path.read_bytes())
    link = f"https://id.gs1.org/01/{STEEL_GTIN}/10/R-17?17=270302&3101=000125"
    assert Read("QRCode", "]Q1", link) in page
    assert Read("Code128", "]C1", f"01{STEEL_GTIN}10R-17") in page
    read = parse_gs1_scan(link, default_gs1_dictionary(), today=clock.now().date())
    assert (read.gtin, read.lot, read.net_weight_kg) == (STEEL_GTIN, "R-17", Decimal("12.5"))
    [job] = jobs(plant_with_lots)
    assert job.status == "printed"


def test_the_stations_setting_adds_the_digital_link_to_labels_of_materials_with_a_gtin(
    plant_with_lots: Engine, bus: CommandBus, clock: FixedClock, tmp_path: Path
) -> None:
    from mes_terminal.services.printing.station_labels import StationLabels

    printing = PrintService(
        plant_with_lots, bus, clock, open_transport=lambda target: open_transport(target, now=clock.now)
    )
    folder = tmp_path / "labels"
    folder.mkdir()
    labels = StationLabels(plant_with_lots, printing, clock, target=f"pdf:{folder}", digital_link=True)
    bus.execute(command(c.ReleaseWorkOrder, clock.now(), number="WO-1"))
    outcome = labels.print_output_label("WS-02", OPERATOR, "WO-1")
    [page] = pdf_barcodes(Path(outcome.sent_to).read_bytes())
    assert any(
        read.format == "QRCode" and read.text.startswith(f"https://id.gs1.org/01/{BRACKET_GTIN}/10/WO-1")
        for read in page
    )
    # A material without a GTIN keeps its own LOT: label, with no QR code and no refusal.
    with plant_with_lots.begin() as connection:
        connection.execute(update(Material).where(Material.code == "BRACKET-A").values(gtin=None))
    outcome = labels.print_output_label("WS-02", OPERATOR, "WO-1", reason="Label damaged")
    [page] = pdf_barcodes(Path(outcome.sent_to).read_bytes())
    assert page == [Read("Code128", "]C0", "LOT:WO-1")]
