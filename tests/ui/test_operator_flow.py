"""An operator's whole job at WS-01 through the real window: scan, PIN, start, count, stop, resume, complete."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.ui.terminal import dispatch_model as dm
from mes_terminal.ui.terminal.downtime_dialog import DowntimeChoice, DowntimeDialog
from mes_terminal.ui.widgets.choice_dialog import ReasonDialog
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog
from mes_terminal.ui.widgets.quantity_dialog import QuantityDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class Answers:
    """Stands in for the operator at the dialogs: each ask() takes the next prepared answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.quantities: list[Decimal | None] = []
        self.reasons: list[str | None] = []
        self.confirm: list[bool] = []
        self.asked: list[str] = []
        answers = self

        def quantity(cls, parent, title, unit="", **kwargs):
            answers.asked.append(title)
            return answers.quantities.pop(0)

        def reason(cls, parent, title, reasons, hint=""):
            answers.asked.append(title)
            code = answers.reasons.pop(0)
            return next((r for r in reasons if r.code == code), None)

        def downtime(cls, parent, title, tree, **kwargs):
            answers.asked.append(title)
            code = answers.reasons.pop(0)
            node = next((n for n in tree if n.code == code), None)
            return None if node is None else DowntimeChoice(node, None, (node.name,))

        def confirm(cls, parent, title, text, yes, no=""):
            answers.asked.append(f"{title} {text}")
            return answers.confirm.pop(0)

        monkeypatch.setattr(QuantityDialog, "ask", classmethod(quantity))
        monkeypatch.setattr(ReasonDialog, "ask", classmethod(reason))
        monkeypatch.setattr(DowntimeDialog, "ask", classmethod(downtime))
        monkeypatch.setattr(ConfirmDialog, "ask", classmethod(confirm))


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return Answers(monkeypatch)


def tap(qtbot, window, button) -> None:
    """Tap a button and wait until the command and the refresh after it have come back."""
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        button.click()


def sign_in_with_keypad(qtbot, window, pin: str) -> None:
    for digit in pin:
        window.sign_in_screen.keypad.buttons[digit].click()
    tap(qtbot, window, window.sign_in_screen.ui.signInButton)


def test_an_operator_runs_a_job_from_badge_scan_to_completion(qtbot, window, work_order, plant, clock, answers):
    ui = window.station_screen.ui
    assert window.current_screen == "sign_in"

    # Badge scan: the sign-in screen keeps the badge and asks for the PIN.
    window.scan_router.route("BADGE:B1001")
    assert window.sign_in_screen.ui.badgeEdit.text() == "B1001"
    assert window.banner.kind == "info"
    sign_in_with_keypad(qtbot, window, "4711")
    assert window.current_screen == "station"
    assert "Ada Lovelace" in window.ui.operatorsLabel.text()
    assert window.banner.kind == "ok" and "Ada Lovelace" in window.banner.text()
    assert window.ui.connectionLabel.text() == "Online"

    # Readiness is shown before anyone taps.
    model = window.station_screen.model
    row = model.row_of("WO-1", 10)
    assert row is not None
    assert model.index(row, dm.READINESS).data() == "Ready: 10 to make."
    assert model.index(row, dm.READINESS).data(dm.ReadinessRole) == "ready"
    assert model.index(row, dm.READINESS).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#116329"
    assert ui.stateLabel.text() == "IDLE"
    assert not ui.startButton.isEnabled()

    # Start the selected job.
    ui.dispatchView.selectRow(row)
    clock.advance(timedelta(minutes=1))
    tap(qtbot, window, ui.startButton)
    assert ui.stateLabel.text() == "RUNNING"
    assert ui.jobTitleValue.text() == "WO-1 · 10 Cut"
    assert ui.targetValue.text() == "10 pcs"

    # The steel for the ten brackets, scanned before the work is reported.
    with qtbot.waitSignal(window.vm.lot_scan_result, timeout=10_000):
        window.scan_router.route("LOT:S-1")
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert window.banner.text() == "Lot S-1: 3.5 kg of STEEL-2MM taken into WO-1 operation 10."

    # Two partial counts, with scrap in between.
    clock.advance(timedelta(minutes=10))
    answers.quantities = [Decimal(5)]
    tap(qtbot, window, ui.reportGoodButton)
    answers.quantities, answers.reasons = [Decimal(1)], ["BURR"]
    tap(qtbot, window, ui.reportScrapButton)
    assert (ui.goodValue.text(), ui.scrapValue.text()) == ("5", "1")
    assert ui.progressBar.value() == 6
    assert ui.progressBar.text() == "6 of 10"

    # Stop with a reason: the station is down, with the reason on the banner.
    clock.advance(timedelta(minutes=5))
    answers.reasons = ["BREAKDOWN"]
    tap(qtbot, window, ui.downtimeButton)
    assert ui.stateLabel.text() == "DOWN"
    assert ui.stateDetailLabel.text() == "Breakdown"
    assert ui.resumeButton.isEnabled() and not ui.pauseButton.isEnabled()

    clock.advance(timedelta(minutes=7))
    tap(qtbot, window, ui.resumeButton)
    assert ui.stateLabel.text() == "RUNNING"

    clock.advance(timedelta(minutes=4))
    answers.quantities = [Decimal(4)]
    tap(qtbot, window, ui.reportGoodButton)
    assert (ui.goodValue.text(), ui.scrapValue.text()) == ("9", "1")

    answers.confirm = [True]
    tap(qtbot, window, ui.completeButton)
    assert window.banner.kind == "ok" and "Completed WO-1 operation 10" in window.banner.text()
    assert ui.stateLabel.text() == "IDLE"
    assert model.row_of("WO-1", 10) is None
    assert window.sounds.played[-1] == "ok"

    events = [e for e in read_events(plant) if e.station == "WS-01"]
    assert [e.type for e in events] == [
        "SignedIn",
        "JobStarted",
        "LotConsumed",
        "LotProduced",  # the order's lot, at its first good count
        "CountReported",
        "CountReported",
        "DowntimeStarted",
        "JobPaused",
        "DowntimeEnded",
        "JobResumed",
        "CountReported",
        "JobCompleted",
    ]
    counts = [e.payload for e in events if e.type == "CountReported"]
    assert [(p["good"], p["scrap"], p["scrap_reason"]) for p in counts] == [
        ("5", "0", None),
        ("0", "1", "BURR"),
        ("4", "0", None),
    ]
    assert next(e for e in events if e.type == "DowntimeStarted").payload["reason"] == "BREAKDOWN"
    assert next(e for e in events if e.type == "JobCompleted").payload["short_closed"] is False
    assert {e.actor for e in events} == {"B1001"}


def test_completing_short_offers_a_short_close(qtbot, window, work_order, plant, clock, answers):
    ui = window.station_screen.ui
    window.scan_router.route("B1001")
    sign_in_with_keypad(qtbot, window, "4711")
    ui.dispatchView.selectRow(window.station_screen.model.row_of("WO-1", 10))
    tap(qtbot, window, ui.startButton)
    answers.quantities = [Decimal(3)]
    tap(qtbot, window, ui.reportGoodButton)

    asked_before = len(answers.asked)
    answers.confirm = [True]  # one question, naming the shortfall: yes, with a short close
    with qtbot.waitSignal(window.vm.command_succeeded, timeout=10_000):
        ui.completeButton.click()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert answers.asked[asked_before:] == ["Complete with a short close? WO-1 operation 10 Cut: 3 of 10 pcs: 7 short."]
    assert "short close" in window.banner.text()
    completed = [e for e in read_events(plant) if e.type == "JobCompleted"]
    assert len(completed) == 1 and completed[0].payload["short_closed"] is True


def test_scanning_a_traveler_starts_that_job_after_a_confirmation(qtbot, window, work_order, plant, answers):
    window.scan_router.route("BADGE:B1001")
    sign_in_with_keypad(qtbot, window, "4711")
    answers.confirm = [True]
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.scan_router.route("OP:WO-1:10")
    assert "Start WO-1 operation 10 (Cut)?" in answers.asked[0]
    assert window.station_screen.ui.stateLabel.text() == "RUNNING"
    assert [e.type for e in read_events(plant)][-1] == "JobStarted"
