"""The console's quality tab and board: nonconformances disposed with a signature, lot holds, checks due."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import Engine, select

from mes_terminal.db.records import Event, Lot
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.ui.supervisor import disposition_dialog, lot_reason_dialog
from mes_terminal.ui.supervisor.board_model import CHECKS
from mes_terminal.ui.supervisor.disposition_dialog import DispositionDialog, read_disposition_form
from tests.helpers import DATA, OPERATOR, SUPERVISOR, command
from tests.ui.test_supervisor_console import poll, settle, sign_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
QUALITY, QUALITY_PIN = "B3001", "3333"
JOB = {"actor": OPERATOR, "station": "WS-01", "work_order": "WO-1", "operation": 10}


@pytest.fixture
def plant(engine: Engine, clock, database_states) -> Engine:
    """The small plant with a checklist on operation 10, quality users and the quality rules switched on."""
    now = clock.now()
    database_states.build(
        engine,
        ("quality plant", now),
        lambda fresh: load_plant(fresh, read_plant_file(DATA / "quality_plant.toml"), now=now),
    )
    return engine


@pytest.fixture
def running(bus, clock) -> None:
    """WO-1 running at WS-01 (Ada signed in); its start check is due."""
    now = clock.now()
    bus.execute(command(c.CreateWorkOrder, now, number="WO-1", product="BRACKET-A", quantity=Decimal(10), due=now))
    bus.execute(command(c.ReleaseWorkOrder, now, number="WO-1"))
    bus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, now, **JOB))


def check(bus, clock, item: str, value: str) -> None:
    bus.execute(command(c.RecordCheck, clock.now(), checklist="CUT-FAI", item=item, value=value, **JOB))


@pytest.fixture
def nonconformance(running, bus, clock) -> str:
    """A length outside its limits: NC-00001 raised by Ada on lot WO-1, which is held for it."""
    check(bus, clock, "GUARD", "pass")
    bus.execute(command(c.ReportCount, clock.now(), good=Decimal(1), **JOB))
    check(bus, clock, "LEN", "100.7")
    return "NC-00001"


def open_quality(console, qtbot) -> None:
    with qtbot.waitSignal(console.quality_vm.lists_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.ui.qualityTab)
    settle(console, qtbot)


def answer_disposition(monkeypatch, badge: str, pin: str, decision: str = "scrap", comment: str = "") -> None:
    signed = read_disposition_form(decision, "", comment, badge, pin)
    monkeypatch.setattr(disposition_dialog.DispositionDialog, "ask", classmethod(lambda cls, *args: signed))


def dispose(console, qtbot, signal) -> None:
    console.quality.select("NC-00001")
    with qtbot.waitSignal(signal, timeout=10_000):
        console.quality.ui.disposeButton.click()
    settle(console, qtbot)


def lot_status(engine: Engine, number: str) -> str:
    with engine.connect() as connection:
        return connection.execute(select(Lot.status).where(Lot.number == number)).scalar_one()


def test_open_nonconformances_and_held_lots_are_listed(nonconformance, console, qtbot, qtmodeltester) -> None:
    sign_in(console, qtbot)
    open_quality(console, qtbot)
    page = console.quality
    qtmodeltester.check(page.nc_model)
    qtmodeltester.check(page.held_model)
    row = [page.nc_model.index(0, column).data() for column in range(9)]
    assert row[:7] == [
        "NC-00001",
        "open",
        "WO-1",
        "WO-1/10",
        "",
        "CUT-FAI-LEN",
        "Length 100.7 mm is above the upper limit 100.5 mm.",
    ]
    assert row[7] == "Ada Lovelace" and row[8]
    assert [page.held_model.index(0, column).data() for column in (0, 1, 6)] == ["WO-1", "BRACKET-A", "NC-00001"]
    page.select("NC-00001")
    assert page.ui.disposeButton.isEnabled() and page.ui.lotEdit.text() == "WO-1"
    assert "two-person rule" in page.ui.ruleLabel.text()


def test_a_disposition_signed_by_quality_goes_through_and_releases_the_lot(
    nonconformance, console, qtbot, monkeypatch, plant
) -> None:
    sign_in(console, qtbot)  # a supervisor at the console; quality signs with their own badge and PIN
    open_quality(console, qtbot)
    answer_disposition(monkeypatch, QUALITY, QUALITY_PIN, "use_as_is", "Within the drawing's general tolerance")
    dispose(console, qtbot, console.quality_vm.lists_changed)
    assert "NC-00001: use as is. Signed: Rosalind Franklin, approved," in console.banner.text()
    assert console.quality.nc_model.rowCount() == 0 and console.quality.held_model.rowCount() == 0
    assert lot_status(plant, "WO-1") != "on_hold"  # released (an output lot holds nothing before completion)


def test_a_disposition_signed_by_a_supervisor_is_refused_by_the_service(
    nonconformance, console, qtbot, monkeypatch, plant
) -> None:
    sign_in(console, qtbot)
    open_quality(console, qtbot)
    answer_disposition(monkeypatch, SUPERVISOR, "1234")
    dispose(console, qtbot, console.vm.command_refused)
    assert "Grace Hopper may not dispose of nonconformances" in console.banner.text()
    assert console.quality.nc_model.items[0].status == "open"
    assert lot_status(plant, "WO-1") == "on_hold"


def test_a_wrong_pin_is_refused_and_recorded(nonconformance, console, qtbot, monkeypatch, plant) -> None:
    sign_in(console, qtbot)
    open_quality(console, qtbot)
    answer_disposition(monkeypatch, QUALITY, "0000")
    dispose(console, qtbot, console.vm.command_refused)
    assert console.banner.text() == "Badge or PIN not recognised; nothing was signed."
    with plant.connect() as connection:
        refused = connection.execute(
            select(Event.actor, Event.payload).where(Event.type == "DisposeNonconformanceRefused")
        ).all()
    assert [actor for actor, _ in refused] == [QUALITY]
    assert "0000" not in str(refused[0].payload)
    assert lot_status(plant, "WO-1") == "on_hold"


def test_the_two_person_rule_refusal_is_the_services_sentence(running, bus, clock, console, qtbot, monkeypatch):
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(10)))
    bus.execute(
        command(
            c.RaiseNonconformance,
            clock.now(),
            actor=QUALITY,
            pin=QUALITY_PIN,
            meaning="reported",
            defect_code="RUST",
            description="Rust on the sheet",
            lot="S-1",
            hold=True,
        )
    )
    sign_in(console, qtbot)
    open_quality(console, qtbot)
    answer_disposition(monkeypatch, QUALITY, QUALITY_PIN, "scrap")
    dispose(console, qtbot, console.vm.command_refused)
    assert console.banner.text() == (
        "Rosalind Franklin recorded nonconformance NC-00001; under the two-person rule another person signs it."
    )


def test_a_lot_is_held_and_released_from_the_quality_tab(running, bus, clock, console, qtbot, monkeypatch, plant):
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(10)))
    sign_in(console, qtbot)
    open_quality(console, qtbot)
    monkeypatch.setattr(
        lot_reason_dialog.LotReasonDialog, "ask", classmethod(lambda cls, *a: ("S-1", "Supplier alert"))
    )
    with qtbot.waitSignal(console.quality_vm.lists_changed, timeout=10_000):
        console.quality.ui.holdButton.click()
    settle(console, qtbot)
    assert console.banner.text() == "Lot S-1 is on hold."
    assert [h.reason for h in console.quality.held_model.items] == ["Supplier alert"]
    monkeypatch.setattr(lot_reason_dialog.LotReasonDialog, "ask", classmethod(lambda cls, *a: ("S-1", None)))
    with qtbot.waitSignal(console.quality_vm.lists_changed, timeout=10_000):
        console.quality.ui.releaseButton.click()
    settle(console, qtbot)
    assert console.quality.held_model.rowCount() == 0 and lot_status(plant, "S-1") == "available"


def test_the_disposition_form_needs_a_comment_badge_and_pin(qapp) -> None:
    with pytest.raises(InvalidInput, match="write a comment that says why"):
        read_disposition_form("rework", "", "  ", QUALITY, QUALITY_PIN)
    with pytest.raises(InvalidInput, match="badge and your PIN"):
        read_disposition_form("scrap", "", "", "", QUALITY_PIN)
    with pytest.raises(InvalidInput, match="badge and your PIN"):
        read_disposition_form("scrap", "", "", QUALITY, "")
    with pytest.raises(InvalidInput, match="Choose the decision"):
        read_disposition_form("", "", "", QUALITY, QUALITY_PIN)
    assert read_disposition_form("scrap", "2,5", "", QUALITY, "1").quantity == Decimal("2.5")


def test_the_disposition_dialog_keeps_what_was_typed_and_says_what_is_missing(qtbot, nonconformance_view) -> None:
    dialog = DispositionDialog(None, nonconformance_view, two_person=True)
    qtbot.addWidget(dialog)
    dialog.decision_buttons["rework"].setChecked(True)
    dialog.badge_edit.setText(QUALITY)
    dialog.pin_edit.setText(QUALITY_PIN)
    dialog.sign_button.click()
    assert dialog.value is None and "write a comment" in dialog.error_label.text()
    assert dialog.comment_label.text() == "Comment (required)"
    dialog.comment_edit.setPlainText("Regrind the edge")
    dialog.sign_button.click()
    assert dialog.value is not None and (dialog.value.decision, dialog.value.pin) == ("rework", QUALITY_PIN)
    assert dialog.pin_edit.text() == ""


@pytest.fixture
def nonconformance_view():
    from datetime import UTC, datetime

    from mes_terminal.services.queries.supervisor_quality import NonconformanceView

    return NonconformanceView(
        "NC-00001", "open", "WO-1", "WO-1", 10, None, "CUT-FAI-LEN", "Too long", "Ada Lovelace", datetime.now(UTC)
    )


# --- the board: checks due ------------------------------------------------------------------------


def test_the_board_shows_the_checks_due_and_follows_them(running, bus, clock, console, qtbot, qtmodeltester) -> None:
    sign_in(console, qtbot)
    model = console.board.model
    qtmodeltester.check(model)
    assert model.headerData(CHECKS, Qt.Orientation.Horizontal) == "Checks / exceptions"
    assert model.index(0, CHECKS).data() == "Guard closed and interlocked (at start)"
    assert model.index(0, CHECKS).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#e3b341"
    assert model.index(1, CHECKS).data() == ""
    check(bus, clock, "GUARD", "pass")
    poll(console, qtbot)
    assert model.index(0, CHECKS).data() == ""
    bus.execute(command(c.ReportCount, clock.now(), good=Decimal(1), **JOB))  # no steel scanned: an exception too
    poll(console, qtbot)
    assert model.index(0, CHECKS).data() == "Length (first piece); Reported without material: STEEL-2MM 0.35 kg"


def test_after_a_signature_the_console_user_signs_with_the_pin_alone_until_idle(
    nonconformance, console, qtbot, monkeypatch, clock
) -> None:
    sign_in(console, qtbot, QUALITY, QUALITY_PIN)
    open_quality(console, qtbot)
    assert console.vm.pin_alone_signer() is None  # signing in is not a signature: the first needs both
    asked = []
    signed = read_disposition_form("use_as_is", "", "Within tolerance", QUALITY, QUALITY_PIN)
    monkeypatch.setattr(
        disposition_dialog.DispositionDialog, "ask", classmethod(lambda cls, *args: asked.append(args[-1]) or signed)
    )
    dispose(console, qtbot, console.quality_vm.lists_changed)
    assert asked == [None] and "Signed: Rosalind Franklin" in console.banner.text()
    assert console.vm.pin_alone_signer() == QUALITY
    clock.advance(timedelta(minutes=15, seconds=1))
    assert console.vm.pin_alone_signer() is None


def test_the_dialog_within_a_session_shows_the_badge_and_asks_only_for_the_pin(qtbot, nonconformance_view) -> None:
    dialog = DispositionDialog(None, nonconformance_view, two_person=False, session_badge=QUALITY)
    qtbot.addWidget(dialog)
    assert dialog.badge_edit.text() == QUALITY and dialog.badge_edit.isReadOnly()
    assert dialog.findChild(QLabel, "sessionHint") is not None
    dialog.decision_buttons["scrap"].setChecked(True)
    dialog.pin_edit.setText(QUALITY_PIN)
    dialog.sign_button.click()
    assert dialog.value is not None and dialog.value.pin_only and dialog.value.badge == QUALITY
