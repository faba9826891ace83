"""Printing from the console: a traveler from the work-orders tab, a lot label from the genealogy tab,
each previewed first; a reprint asks why."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.printing.supervisor_printing import PrintPreview
from mes_terminal.ui.supervisor import print_dialog
from mes_terminal.ui.supervisor.print_dialog import FILE, LABEL_PRINTER, PrintDialog, read_print_form
from tests.helpers import command
from tests.ui.test_supervisor_console import open_orders, order, settle, sign_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def answer_print(monkeypatch, seen: list[PrintPreview], **choice) -> None:
    """The print dialog answered with `choice`, read by the dialog's own form reader; previews kept."""

    def ask(cls, parent, preview, printers, zone="UTC"):
        seen.append(preview)
        return read_print_form(preview, size=preview.default, copies=1, **choice)

    monkeypatch.setattr(print_dialog.PrintDialog, "ask", classmethod(ask))


def print_traveler(console, qtbot) -> None:
    console.orders.select("WO-1")
    with qtbot.waitSignal(console.printing_vm.printed, timeout=20_000):
        console.orders.ui.travelerButton.click()
    settle(console, qtbot)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_a_traveler_is_printed_to_a_pdf_file(console, qtbot, bus, clock, tmp_path, monkeypatch) -> None:
    order(bus, clock, "WO-1")
    sign_in(console, qtbot)
    open_orders(console, qtbot)
    target = tmp_path / "wo-1"  # ".pdf" is added
    seen: list[PrintPreview] = []
    answer_print(monkeypatch, seen, target=FILE, path=str(target))
    print_traveler(console, qtbot)
    (preview,) = seen
    assert (preview.document, preview.subject, preview.printed_before) == ("traveler", "WO-1", None)
    assert set(preview.pages) == {"A4", "letter"}
    assert "WO-1" in pdf_text(tmp_path / "wo-1.pdf")
    assert console.banner.text().startswith(f"Printed the traveler of WO-1 (1 copy) to {tmp_path / 'wo-1.pdf'}")


def test_a_reprint_asks_for_a_reason_and_records_it(console, qtbot, bus, clock, tmp_path, monkeypatch) -> None:
    order(bus, clock, "WO-1")
    sign_in(console, qtbot)
    open_orders(console, qtbot)
    seen: list[PrintPreview] = []
    answer_print(monkeypatch, seen, target=FILE, path=str(tmp_path / "first.pdf"))
    print_traveler(console, qtbot)
    answer_print(monkeypatch, seen, target=FILE, path=str(tmp_path / "again.pdf"), reason="Coffee on the first one")
    print_traveler(console, qtbot)
    assert seen[0].printed_before is None and seen[1].printed_before is not None
    with pytest.raises(InvalidInput, match="printed before; say why"):
        read_print_form(seen[1], size="A4", copies=1, target=FILE, path=str(tmp_path / "x.pdf"))
    assert console.banner.text().startswith("Reprinted the traveler of WO-1 (1 copy)")
    events = console.vm.service.audit(console.audit.wanted())
    reprinted = [e.payload for e in events if e.type == "TravelerReprinted"]
    assert [p["reason"] for p in reprinted] == ["Coffee on the first one"]


def test_the_print_dialog_shows_the_pages_and_will_not_reprint_without_a_reason(qtbot, tmp_path) -> None:
    from datetime import UTC, datetime

    from mes_terminal.documents.report_pdf import ReportDocument, render_report_pdf

    pdf = render_report_pdf(ReportDocument("A page", (), (), (), ()))
    before = datetime(2026, 3, 2, 6, 5, tzinfo=UTC)
    preview = PrintPreview("lot_label", "L-1", {"4x6": pdf, "4x2": pdf}, "4x6", before, "tcp://10.1.2.3:9100")
    dialog = PrintDialog(None, preview, ["Office"])
    qtbot.addWidget(dialog)
    assert dialog.preview.page_count == 1
    assert dialog.chosen_target() == LABEL_PRINTER and dialog.print_button.text() == "Reprint"
    dialog.print_button.click()
    assert dialog.value is None and "say why" in dialog.error_label.text()
    dialog.reason_edit.setText("Label torn")
    dialog.printer_radio.setChecked(True)
    dialog.print_button.click()
    assert dialog.value is not None
    assert (dialog.value.target, dialog.value.reason, dialog.value.size) == ("printer:Office", "Label torn", "4x6")


def test_a_lot_label_is_printed_from_the_genealogy_tab(console, qtbot, bus, clock, tmp_path, monkeypatch) -> None:
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(50)))
    sign_in(console, qtbot)
    console.ui.tabs.setCurrentWidget(console.ui.genealogyTab)
    console.genealogy.ui.lotEdit.setText("S-1")
    seen: list[PrintPreview] = []
    answer_print(monkeypatch, seen, target=FILE, path=str(tmp_path / "s-1.pdf"))
    with qtbot.waitSignal(console.printing_vm.printed, timeout=20_000):
        console.genealogy.ui.labelButton.click()
    settle(console, qtbot)
    assert set(seen[0].pages) == {"4x6", "4x2", "100x50"} and seen[0].label_printer is None
    assert "S-1" in pdf_text(tmp_path / "s-1.pdf")
    assert console.banner.text().startswith("Printed the label of lot S-1 (1 copy)")


def test_an_unknown_lot_is_refused_before_anything_is_printed(console, qtbot, monkeypatch) -> None:
    sign_in(console, qtbot)
    monkeypatch.setattr(print_dialog.PrintDialog, "ask", classmethod(lambda cls, *args: pytest.fail("no preview")))
    console.genealogy.ui.lotEdit.setText("NOPE")
    with qtbot.waitSignal(console.vm.feedback, timeout=10_000):
        console.genealogy.ui.labelButton.click()
    settle(console, qtbot)
    assert "NOPE" in console.banner.text()
