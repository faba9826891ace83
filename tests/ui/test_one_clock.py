"""One clock: the same order's due time reads the same on the console, the terminal, its traveler and a
report, in the site's time zone (Europe/Berlin in the test plant), not in the computer's (UTC in CI:
anything written in the computer's zone is an hour off). The computer's zone is not changed here: Qt
keeps the zone it read, which would leak into the tests after this one."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from mes_terminal.devices.printers import open_transport
from mes_terminal.documents.report_pdf import render_report_pdf
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.printing.service import PrintService
from mes_terminal.services.reports import output
from mes_terminal.services.reports.service import ReportService
from mes_terminal.ui.supervisor import orders_model
from mes_terminal.ui.terminal import dispatch_model
from tests.helpers import command
from tests.ui.test_supervisor_console import open_orders, sign_in


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_a_due_time_reads_the_same_on_every_screen_and_document(
    console, qtbot, open_window, work_order, bus, clock, plant
) -> None:
    # WO-1 is due 2026-03-03 06:00 UTC: 07:00 in Berlin.
    expected = "2026-03-03 07:00"
    job = {"station": "WS-01", "work_order": work_order, "operation": 10}
    bus.execute(command(c.StartJob, clock.now(), **job))
    clock.advance(timedelta(hours=1))
    bus.execute(command(c.ReportCount, clock.now() - timedelta(minutes=30), **job, good=Decimal(2)))

    sign_in(console, qtbot)
    open_orders(console, qtbot)
    row = next(r for r in range(console.orders.model.rowCount()) if console.orders.model.row(r).number == work_order)
    on_console = console.orders.model.index(row, orders_model.DUE).data(Qt.ItemDataRole.DisplayRole)

    terminal = open_window("WS-01")
    model = terminal.station_screen.model
    due_row = next(r for r in range(model.rowCount()) if model.row(r).work_order == work_order)
    on_terminal = model.index(due_row, dispatch_model.DUE).data(Qt.ItemDataRole.DisplayRole)
    header_clock = terminal.ui.clockLabel.text()

    printing = PrintService(plant, bus, clock, open_transport=lambda target: open_transport(target, now=clock.now))
    traveler = pdf_text(printing.render_traveler(work_order).data)
    report = ReportService(plant, clock).production(station="WS-01", start="2026-03-02", end="2026-03-03")
    report_pdf = pdf_text(render_report_pdf(output.to_document(report)))  # a long cell wraps: date, then time

    assert on_console == expected
    assert on_terminal == "03.03. 07:00"  # the terminal's narrow column: day and month, the same wall clock
    assert header_clock == "08:00:00"  # 07:00 UTC now
    assert expected in traveler and "printed 2026-03-02 08:00 CET" in traveler
    document = output.to_document(report)
    due = document.columns.index(output.heading_of("due"))
    assert document.rows[0][due] == expected  # the cell as the PDF draws it
    assert ("Time zone", "Europe/Berlin") in document.heading
    assert "Europe/Berlin" in report_pdf and "2026-03-03" in report_pdf
    assert report.to_json()["rows"][0]["due"] == report.rows[0]["due"]  # JSON keeps the instant (RFC 3339)
    assert output.plain(report.rows[0]["due"]) == "2026-03-03T06:00:00Z"
