"""The console's genealogy tab: a lot traced both ways as a tree, a recall listed, both saved as PDF."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest

from mes_terminal.services.commands import catalog as c
from mes_terminal.ui.supervisor import genealogy_page
from tests.helpers import OPERATOR, command
from tests.ui.test_supervisor_console import settle, sign_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def made(bus, clock) -> None:
    """WO-G: steel lot S-1 (supplier lot MILL-1) taken into its first operation, 4 brackets counted."""
    now = clock.now()
    bus.execute(command(c.CreateWorkOrder, now, number="WO-G", product="BRACKET-A", quantity=Decimal(10), due=now))
    bus.execute(command(c.ReleaseWorkOrder, now, number="WO-G"))
    bus.execute(
        command(c.ReceiveLot, now, lot="S-1", material="STEEL-2MM", quantity=Decimal(50), supplier_lot="MILL-1")
    )
    job = {"actor": OPERATOR, "station": "WS-01", "work_order": "WO-G", "operation": 10}
    bus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, now, **job))
    bus.execute(command(c.ConsumeLot, now, lot="S-1", quantity=Decimal(2), **job))
    bus.execute(command(c.ReportCount, now, good=Decimal(4), **job))


def test_a_lot_is_traced_as_a_tree_and_saved_as_pdf(made, console, qtbot, qtmodeltester, tmp_path, monkeypatch):
    sign_in(console, qtbot)
    page = console.genealogy
    console.ui.tabs.setCurrentWidget(console.ui.genealogyTab)
    page.ui.lotEdit.setText("WO-G")
    with qtbot.waitSignal(console.vm.trace_changed, timeout=10_000):
        page.ui.traceButton.click()
    model = page.model
    qtmodeltester.check(model)
    root = model.index(0, 0)
    assert (root.data(), model.index(0, 1).data(), model.rowCount(root)) == ("WO-G", "BRACKET-A", 1)
    steel = model.index(0, 0, root)
    assert [model.index(0, column, root).data() for column in (0, 1, 2, 5, 6)] == [
        "S-1",
        "STEEL-2MM",
        "2 kg",
        "WS-01",
        "Ada Lovelace",
    ]
    assert steel.isValid() and page.ui.summaryLabel.text() == "Lots that went into lot WO-G (BRACKET-A): 1."

    target = tmp_path / "trace.pdf"
    monkeypatch.setattr(genealogy_page.PdfFileDialog, "ask", classmethod(lambda cls, parent, suggested: str(target)))
    with qtbot.waitSignal(console.vm.feedback, timeout=10_000):
        page.ui.pdfButton.click()
    settle(console, qtbot)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Genealogy of lot WO-G" in text and "S-1" in text


def test_a_recall_lists_the_finished_lots_and_an_unknown_lot_says_so(made, console, qtbot, qtmodeltester):
    sign_in(console, qtbot)
    page = console.genealogy
    page.ui.supplierLotEdit.setText("MILL-1")
    with qtbot.waitSignal(console.vm.recall_changed, timeout=10_000):
        page.ui.recallButton.click()
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 1 and page.model.index(0, 0).data() == "WO-G"
    assert page.ui.summaryLabel.text() == "Finished lots containing supplier lot MILL-1 (received as S-1): 1."

    page.ui.lotEdit.setText("NOPE")
    with qtbot.waitSignal(console.vm.feedback, timeout=10_000):
        page.ui.traceButton.click()
    assert "There is no lot NOPE." in console.banner.text()


def test_a_lot_scanned_twice_is_one_row_with_its_links_on_screen_and_in_the_pdf(
    made, bus, clock, console, qtbot, qtmodeltester, tmp_path, monkeypatch
):
    job = {"actor": OPERATOR, "station": "WS-01", "work_order": "WO-G", "operation": 10}
    bus.execute(command(c.ConsumeLot, clock.now(), lot="S-1", quantity=Decimal("1.5"), **job))  # the second scan
    sign_in(console, qtbot)
    page = console.genealogy
    page.ui.lotEdit.setText("S-1")
    page.ui.forwardRadio.setChecked(True)
    with qtbot.waitSignal(console.vm.trace_changed, timeout=10_000):
        page.ui.traceButton.click()
    model = page.model
    qtmodeltester.check(model)
    root = model.index(0, 0)
    assert model.rowCount(root) == 1  # WO-G once, not once per scan
    made_lot = model.index(0, 0, root)
    # 3.5 kg of steel went into the brackets: the sum, in the steel's unit, and each scan below it.
    assert [model.index(0, column, root).data() for column in (0, 1, 2, 5)] == ["WO-G", "BRACKET-A", "3.5 kg", ""]
    assert [[model.index(i, column, made_lot).data() for column in (0, 2, 5, 6)] for i in range(2)] == [
        ["\u21b3", "2 kg", "WS-01", "Ada Lovelace"],
        ["\u21b3", "1.5 kg", "WS-01", "Ada Lovelace"],
    ]
    assert page.ui.summaryLabel.text() == "Lots made from lot S-1 (STEEL-2MM): 1."

    target = tmp_path / "forward.pdf"
    monkeypatch.setattr(genealogy_page.PdfFileDialog, "ask", classmethod(lambda cls, parent, suggested: str(target)))
    with qtbot.waitSignal(console.vm.feedback, timeout=10_000):
        page.ui.pdfButton.click()
    settle(console, qtbot)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.split() for line in text.splitlines()]
    assert next(line[:5] for line in lines if line[:1] == ["WO-G"]) == ["WO-G", "BRACKET-A", "3.5", "kg", "WO-G"]
    assert [line[2:4] for line in lines if line[:2] == ["\u00b7", "link"]] == [["2", "kg"], ["1.5", "kg"]]


def test_the_suppliers_digital_link_scanned_into_the_lot_field_traces_its_lot(made, plant, console, qtbot):
    from sqlalchemy import update

    from mes_terminal.db.records import Material

    with plant.begin() as connection:
        connection.execute(update(Material).where(Material.code == "STEEL-2MM").values(gtin="09506000134352"))
    sign_in(console, qtbot)
    page = console.genealogy
    console.ui.tabs.setCurrentWidget(console.ui.genealogyTab)
    page.ui.lotEdit.setText("https://steel.example/01/09506000134352/10/MILL-1?17=301231")
    page.ui.forwardRadio.setChecked(True)
    with qtbot.waitSignal(console.vm.trace_changed, timeout=10_000):
        page.ui.traceButton.click()
    assert page.model.index(0, 0).data() == "S-1"
    assert page.ui.summaryLabel.text() == "Lots made from lot S-1 (STEEL-2MM): 1."
    page.ui.supplierLotEdit.setText("https://steel.example/01/09506000134352/10/MILL-1")
    with qtbot.waitSignal(console.vm.recall_changed, timeout=10_000):
        page.ui.recallButton.click()
    assert "supplier lot MILL-1 (received as S-1)" in page.ui.summaryLabel.text()


def test_the_label_button_prints_the_lot_a_scanned_digital_link_names(made, plant, console, qtbot):
    from sqlalchemy import update

    from mes_terminal.db.records import Material

    with plant.begin() as connection:
        connection.execute(update(Material).where(Material.code == "STEEL-2MM").values(gtin="09506000134352"))
    sign_in(console, qtbot)
    page = console.genealogy
    console.ui.tabs.setCurrentWidget(console.ui.genealogyTab)
    page.ui.lotEdit.setText("https://steel.example/01/09506000134352/10/MILL-1?17=301231")
    with qtbot.waitSignal(page.print_label_requested, timeout=10_000) as asked:
        page.ui.labelButton.click()
    assert asked.args == ["S-1"]
