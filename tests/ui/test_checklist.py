"""The checklist at the terminal: a due check pops up and the banner says so; Pass / Fail; a keypad with the
limits and a bar; a value outside the limits is confirmed first, and a count waits for a due check."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Engine

from mes_terminal.services.commands import catalog as c
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.queries.station_views import CheckItemView, ChecklistView
from mes_terminal.ui.terminal.checklist_dialog import ChecklistDialog
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog
from mes_terminal.ui.widgets.quantity_dialog import QuantityDialog
from tests.helpers import DATA, OPERATOR, command

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def plant(engine: Engine, clock, database_states) -> Engine:
    """The small plant with the CUT-FAI checklist on operation 10 and quality rules on."""
    now = clock.now()
    database_states.build(
        engine,
        ("quality plant", now),
        lambda fresh: load_plant(fresh, read_plant_file(DATA / "quality_plant.toml"), now=now),
    )
    return engine


class Operator:
    """Stands in at the dialogs: the checklist answers, confirmations and quantities prepared in advance."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.checklists: list[list[tuple[str, str]] | None] = []
        self.shown: list[ChecklistView] = []
        self.confirm: list[bool] = []
        self.quantities: list[Decimal] = []
        me = self

        def checklist(cls, parent, view):
            me.shown.append(view)
            return me.checklists.pop(0)

        def confirm(cls, parent, title, text, yes, no=""):
            return me.confirm.pop(0)

        def quantity(cls, parent, title, unit="", **kwargs):
            return me.quantities.pop(0)

        monkeypatch.setattr(ChecklistDialog, "ask", classmethod(checklist))
        monkeypatch.setattr(ConfirmDialog, "ask", classmethod(confirm))
        monkeypatch.setattr(QuantityDialog, "ask", classmethod(quantity))


@pytest.fixture
def operator(monkeypatch) -> Operator:
    return Operator(monkeypatch)


@pytest.fixture
def signed_in(qtbot, bus, clock, work_order, window):
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()
    return window


def tap(qtbot, window, button) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        button.click()


def test_the_dispatch_list_says_a_check_is_due_at_start_and_starting_pops_it_up(qtbot, signed_in, operator) -> None:
    window = signed_in
    screen = window.station_screen
    item = screen.model.row(0)
    assert item.readiness == "check_due"
    assert item.reason == "Ready: 10 to make. Check due at start: Guard closed and interlocked."
    screen.ui.dispatchView.selectRow(0)

    operator.checklists = [None]  # the operator closes the pop-up without answering
    tap(qtbot, window, screen.ui.startButton)
    assert [view.due[0].code for view in operator.shown] == ["GUARD"]
    assert window.banner.kind == "warn"
    assert window.banner.text() == "Check due: Guard closed and interlocked (at start)."
    assert screen.ui.stateDetailLabel.text() == "Check due: Guard closed and interlocked (at start)."

    # Counting waits for it; the refusal names the check and opens the checklist to answer it now.
    operator.quantities = [Decimal(1)]
    operator.checklists = [[("GUARD", "pass")]]
    tap(qtbot, window, screen.ui.reportGoodButton)
    qtbot.waitUntil(lambda: window.banner.text() == "Guard closed and interlocked: pass recorded.")
    assert window.banner.kind == "ok"
    qtbot.waitUntil(lambda: not window.vm.busy and screen.ui.stateDetailLabel.text() == "")


def test_a_length_outside_its_limits_is_recorded_as_failed_with_its_nonconformance(
    qtbot, bus, clock, signed_in, operator
) -> None:
    window = signed_in
    start = dict(actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10)
    bus.execute(command(c.StartJob, clock.now(), **start))
    bus.execute(command(c.RecordCheck, clock.now(), checklist="CUT-FAI", item="GUARD", value="pass", **start))
    bus.execute(command(c.ReportCount, clock.now(), good=Decimal(1), **start))

    operator.checklists = [[("LEN", "100.7")]]
    with qtbot.waitSignal(window.vm.command_succeeded, timeout=10_000):
        window.vm.refresh()  # the first piece is reported: its length falls due and pops up
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert operator.shown[0].due[0].code == "LEN"
    assert window.banner.kind == "warn"
    assert window.banner.text() == (
        "Length: 100.7 mm recorded. Length 100.7 mm is above the upper limit 100.5 mm. "
        "Nonconformance NC-00001 raised; lot WO-1 is on hold."
    )


def length_view() -> ChecklistView:
    item = CheckItemView(
        code="LEN",
        text="Length",
        kind="numeric",
        required=True,
        when="first_piece",
        unit="mm",
        lower=Decimal("99.5"),
        target=Decimal("100"),
        upper=Decimal("100.5"),
        plausible_low=Decimal("89.5"),
        plausible_high=Decimal("110.5"),
        choices=(),
        limits_text="99.5 – 100.5 mm (target 100)",
        due="first piece",
        last_value=None,
        last_passed=None,
    )
    guard = CheckItemView(
        "GUARD", "Guard closed and interlocked", "pass_fail", True, "start", None, None, None, None, None, None, (),
        "", None, "pass", True,
    )  # fmt: skip
    return ChecklistView("CUT-FAI", 1, "Cut: first article and in-process", "WO-1", 10, (guard, item))


def press(dialog: ChecklistDialog, keys: str) -> None:
    for key in keys:
        dialog.keypad.buttons[key].click()


def test_the_keypad_shows_the_limits_and_a_bar_and_asks_before_a_value_outside(qtbot, themed_app, monkeypatch) -> None:
    confirmations: list[bool] = [False, True]
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args, **kw: confirmations.pop(0)))
    dialog = ChecklistDialog(None, length_view())
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.answerStack.currentWidget() is ui.numericPage  # opens at the item due
    assert (ui.itemLabel.text(), ui.limitsLabel.text()) == ("Length", "99.5 – 100.5 mm (target 100)")
    assert ui.positionLabel.text() == "Item 2 of 2"

    press(dialog, "1000")
    ui.recordValueButton.click()
    assert ui.errorLabel.text() == "1000 mm is not a possible value; measure again and check the entry."
    assert dialog.answers == []

    dialog.keypad.buttons["clear"].click()
    press(dialog, "100.7")
    assert dialog.bar.value == Decimal("100.7") and dialog.bar.inside() is False
    ui.recordValueButton.click()  # "Measure again"
    assert dialog.answers == []
    ui.recordValueButton.click()  # "Record as failed"
    assert dialog.answers == [("LEN", "100.7")]


def test_pass_and_fail_are_big_buttons_and_a_fail_is_confirmed(qtbot, themed_app, monkeypatch) -> None:
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args, **kw: True))
    view = length_view()
    dialog = ChecklistDialog(None, ChecklistView(view.code, 1, view.name, "WO-1", 10, view.items[:1]))
    qtbot.addWidget(dialog)
    assert dialog.ui.answerStack.currentWidget() is dialog.ui.passFailPage
    assert dialog.ui.dueLabel.text() == "Required. Last: pass (passed)."
    dialog.ui.failButton.click()
    assert dialog.answers == [("GUARD", "fail")]


def test_the_limit_bar_places_values_between_the_limits(qtbot, themed_app) -> None:
    from mes_terminal.ui.widgets.limit_bar import LimitBar

    bar = LimitBar()
    qtbot.addWidget(bar)
    bar.set_limits(Decimal("99.5"), Decimal("100"), Decimal("100.5"))
    assert bar.span() == (Decimal("99.0"), Decimal("101.0"))
    assert bar.fraction(Decimal("100")) == 0.5
    assert bar.fraction(Decimal("150")) == 1.0
    bar.set_value(Decimal("100.2"))
    assert bar.inside() is True
