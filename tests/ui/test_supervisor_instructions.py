"""The console's Instructions tab: revisions listed, a pending one approved with a quality signature, a wrong
signer refused in the banner, a released order moved to the newest approved revision."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import Engine

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.queries import instructions as iq
from mes_terminal.ui.supervisor.instructions_editor import InstructionsEditDialog
from mes_terminal.ui.supervisor.instructions_page import ApprovalDialog, read_approval_form
from tests.helpers import SUPERVISOR, command
from tests.media_files import STEPS, plant_text, write_plant
from tests.ui.test_supervisor_console import settle, sign_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def plant(engine: Engine, clock, tmp_path: Path) -> Engine:
    load_plant(engine, read_plant_file(write_plant(tmp_path, plant_text())), now=clock.now())
    return engine


def open_tab(console, qtbot) -> None:
    with qtbot.waitSignal(console.instructions.instructions.revisions_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.instructions)
    settle(console, qtbot)


def sign_as(monkeypatch, badge: str, pin: str) -> None:
    signed = read_approval_form(badge, pin, "Checked against the drawing")
    monkeypatch.setattr(ApprovalDialog, "ask", classmethod(lambda cls, *args: signed))


def cells(page, row: int) -> list[object]:
    return [page.model.index(row, column).data() for column in range(page.model.columnCount())]


def test_a_pending_revision_is_approved_with_a_quality_signature(plant, console, qtbot, monkeypatch, qtmodeltester):
    sign_in(console, qtbot)
    open_tab(console, qtbot)
    page = console.instructions
    qtmodeltester.check(page.model)
    assert page.count_label.text() == "Revisions: 1 · waiting for approval: 1"
    assert cells(page, 0)[:7] == ["BRACKET-A", "10 Cut", "1", "pending", "2", "2", "yes"]
    assert not page.approve_button.isEnabled()
    page.view.selectRow(0)
    assert page.approve_button.isEnabled()

    sign_as(monkeypatch, SUPERVISOR, "1234")  # a supervisor may not approve
    with qtbot.waitSignal(console.vm.command_refused, timeout=10_000):
        page.approve_button.click()
    assert "approve work instructions" in console.banner.text()

    sign_as(monkeypatch, "B3001", "3333")
    with qtbot.waitSignal(page.instructions.revisions_changed, timeout=10_000):
        page.approve_button.click()
    settle(console, qtbot)
    assert "instructions revision 1 approved. Signed: Quinn Quality, approved," in console.banner.text()
    row = cells(page, 0)
    assert row[3] == "approved · current" and "Quinn Quality, approved" in str(row[9])


def test_a_released_order_is_moved_to_the_newest_approved_revision(
    plant, console, qtbot, bus, clock, tmp_path: Path
) -> None:
    approve = dict(actor="B3001", product="BRACKET-A", operation=10, pin="3333", meaning="approved")
    bus.execute(command(c.ApproveInstructions, clock.now(), revision=1, **approve))
    due = clock.now() + timedelta(days=1)
    bus.execute(
        command(c.CreateWorkOrder, clock.now(), number="WO-1", product="BRACKET-A", quantity=Decimal(3), due=due)
    )
    bus.execute(command(c.ReleaseWorkOrder, clock.now(), number="WO-1"))
    load_plant(
        plant, read_plant_file(write_plant(tmp_path, plant_text(STEPS.replace("both", "the two")))), now=clock.now()
    )
    bus.execute(command(c.ApproveInstructions, clock.now(), revision=2, **approve))
    sign_in(console, qtbot)
    open_tab(console, qtbot)
    page = console.instructions
    page.order_edit.setText("WO-1")
    with qtbot.waitSignal(page.instructions.revisions_changed, timeout=10_000):
        page.move_button.click()
    settle(console, qtbot)
    assert console.banner.text() == "WO-1 moved: operation 10 to revision 2."
    with plant.connect() as connection:
        assert iq.shown_revisions(connection, "WO-1") == {10: 2}


def test_the_approval_form_needs_badge_and_pin() -> None:
    with pytest.raises(InvalidInput, match="badge"):
        read_approval_form(" ", "1", "")
    with pytest.raises(InvalidInput, match="PIN"):
        read_approval_form("B3001", "", "")
    assert read_approval_form(" B3001 ", "3333", "  ").comment is None


def test_the_approval_dialog_within_a_session_asks_only_for_the_pin(qtbot) -> None:
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QLabel

    from mes_terminal.services.queries.instruction_views import InstructionRevisionRow

    fields = {f: None for f in InstructionRevisionRow.__dataclass_fields__}
    row = InstructionRevisionRow(
        **{
            **fields,
            "product": "BRACKET-A",
            "operation": 10,
            "revision": 2,
            "steps": 1,
            "files": 0,
            "status": "pending",
            "created_at": datetime(2026, 3, 2, tzinfo=UTC),
        }
    )
    dialog = ApprovalDialog(None, row, session_badge="B3001")
    qtbot.addWidget(dialog)
    assert dialog.badge_edit.text() == "B3001" and dialog.badge_edit.isReadOnly()
    assert dialog.findChild(QLabel, "sessionHint") is not None
    dialog.pin_edit.setText("3333")
    dialog.sign_button.click()
    assert dialog.value is not None and dialog.value.pin_only and dialog.value.badge == "B3001"


def edit_in_dialog(qtbot, dialog: InstructionsEditDialog) -> None:
    """What a person does in the editor: change step 1's text, move step 2 up, save."""
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert dialog.list.currentRow() == 0
    assert dialog.file_label.text().startswith("PNG image ")
    dialog.text_edit.setPlainText("Clamp the blank against the two stops.")
    assert dialog.list.item(0).text().startswith("1. Clamp the blank against the two stops.")
    dialog.list.setCurrentRow(1)
    assert dialog.file_label.text().startswith("PDF ") and ", page 2 " in dialog.file_label.text()
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.list.currentRow() == 0
    assert dialog.list.item(0).text().startswith("1. Set the stop as the sheet shows.")
    assert dialog.list.item(1).text().startswith("2. Clamp the blank against the two stops.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_steps_edited_in_the_console_become_a_pending_revision(plant, console, qtbot, monkeypatch, bus, clock) -> None:
    approve = dict(actor="B3001", product="BRACKET-A", operation=10, pin="3333", meaning="approved")
    bus.execute(command(c.ApproveInstructions, clock.now(), revision=1, **approve))
    seen: list[InstructionsEditDialog] = []

    def ask(cls, parent, row, steps):
        dialog = cls(parent, row, steps)
        seen.append(dialog)
        edit_in_dialog(qtbot, dialog)
        return dialog.value

    monkeypatch.setattr(InstructionsEditDialog, "ask", classmethod(ask))
    sign_in(console, qtbot)
    open_tab(console, qtbot)
    page = console.instructions
    assert not page.edit_button.isEnabled()
    page.view.selectRow(0)
    with qtbot.waitSignal(page.instructions.revisions_changed, timeout=10_000):
        page.edit_button.click()
    settle(console, qtbot)
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    assert console.banner.text() == (
        "BRACKET-A operation 10: instructions revision 2 saved with 2 steps; it waits for approval by quality."
    )
    assert page.count_label.text() == "Revisions: 2 · waiting for approval: 1"
    assert cells(page, 0)[:5] == ["BRACKET-A", "10 Cut", "2", "pending", "2"]
    assert cells(page, 1)[3] == "approved · current"
    with plant.connect() as connection:
        steps = iq.revision_steps(connection, "BRACKET-A", 10, 2)
    assert [(s.text, s.page) for s in steps] == [
        ("Set the stop as the sheet shows.", 2),
        ("Clamp the blank against the two stops.", None),
    ]


def test_the_editor_adds_and_removes_steps_and_refuses_an_empty_one(plant, qtbot) -> None:
    with plant.connect() as connection:
        row = iq.revision_rows(connection, "UTC")[0]
        steps = iq.revision_steps(connection, "BRACKET-A", 10, 1)
    dialog = InstructionsEditDialog(None, row, steps)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 3 and dialog.list.currentRow() == 1
    assert dialog.file_label.text() == "none"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.value is None
    assert dialog.error_label.text() == "Step 2 shows nothing: give it a text."
    dialog.text_edit.setPlainText("Deburr the edge.")
    dialog.caution_edit.setText("Wear gloves.")
    dialog.list.setCurrentRow(2)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    dialog.acknowledge_check.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.value is not None and not dialog.value.acknowledge
    assert [(s.text, s.caution, s.media_sha256 is not None) for s in dialog.value.steps] == [
        ("Clamp the blank against both stops.", "Keep hands clear.", True),
        ("Deburr the edge.", "Wear gloves.", False),
    ]
