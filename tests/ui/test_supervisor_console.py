"""The supervisor console on a real QApplication over real databases, next to a real terminal window."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from datetime import timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt

from mes_terminal.domain.clock import site_time
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.registry import COMMAND_TYPES
from mes_terminal.services.queries.supervisor_views import SupervisorUser
from mes_terminal.ui.supervisor import audit_page, order_dialog
from mes_terminal.ui.supervisor.dispatch_model import READINESS, DispatchModel, ReadinessRole
from mes_terminal.ui.supervisor.order_dialog import OrderInput, read_order_form
from mes_terminal.ui.supervisor.orders_model import OrdersFilter, OrdersModel
from mes_terminal.ui.supervisor.window import SupervisorWindow
from mes_terminal.ui.terminal.scan_decisions import JobKey
from tests.helpers import LEAD, OPERATOR, SUPERVISOR, command

NEVER = 3_600_000  # timers pushed far out: the tests drive every poll


def sign_in(window: SupervisorWindow, qtbot, badge: str = SUPERVISOR, pin: str = "1234") -> None:
    window.sign_in_page.ui.badgeEdit.setText(badge)
    window.sign_in_page.ui.pinEdit.setText(pin)
    with qtbot.waitSignal(window.vm.board_changed, timeout=10_000):
        window.sign_in_page.ui.signInButton.click()
    settle(window, qtbot)


def settle(window: SupervisorWindow, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.vm.busy, timeout=10_000)


def poll(window: SupervisorWindow, qtbot) -> None:
    with qtbot.waitSignal(window.vm.board_changed, timeout=10_000):
        window.vm.poll()
    settle(window, qtbot)


def order(bus, clock, number: str, release: bool = True) -> None:
    due = clock.now() + timedelta(days=1)
    bus.execute(
        command(c.CreateWorkOrder, clock.now(), number=number, product="BRACKET-A", quantity=Decimal(10), due=due)
    )
    if release:
        bus.execute(command(c.ReleaseWorkOrder, clock.now(), number=number))


def banner_says(window: SupervisorWindow, text: str) -> bool:
    return text in window.banner.text()


# --- sign-in -------------------------------------------------------------------------------------


def test_an_operator_is_refused_at_sign_in_with_the_services_sentence(console, qtbot) -> None:
    console.sign_in_page.ui.badgeEdit.setText(OPERATOR)
    console.sign_in_page.ui.pinEdit.setText("4711")
    with qtbot.waitSignal(console.vm.sign_in_refused, timeout=10_000):
        console.sign_in_page.ui.signInButton.click()
    assert "may not open the supervisor console" in console.sign_in_page.ui.errorLabel.text()
    assert console.ui.screens.currentWidget() is console.ui.signInPage


def test_a_supervisor_sees_the_board_of_every_station(console, qtbot, qtmodeltester) -> None:
    sign_in(console, qtbot)
    assert console.ui.screens.currentWidget() is console.ui.tabs
    assert [row.station for row in console.board.model.rows] == ["WS-01", "WS-02"]
    qtmodeltester.check(console.board.model)


# --- the board follows the terminals -------------------------------------------------------------


def test_a_job_started_at_a_terminal_appears_on_the_board_in_place(console, qtbot, open_window, bus, clock) -> None:
    order(bus, clock, "WO-1")
    sign_in(console, qtbot)
    terminal = open_window("WS-01")
    with qtbot.waitSignal(terminal.vm.settled, timeout=10_000):
        terminal.vm.sign_in(OPERATOR, "4711")
    with qtbot.waitSignal(terminal.vm.command_succeeded, timeout=10_000):
        terminal.vm.start_job(JobKey("WO-1", 10))
    resets, changed = [], []
    console.board.model.modelReset.connect(lambda: resets.append(1))
    console.board.model.dataChanged.connect(lambda first, last, roles=(): changed.append(first.row()))
    poll(console, qtbot)
    row = console.board.model.rows[0]
    assert (row.station, row.state, row.work_order, row.operators) == ("WS-01", "running", "WO-1", ("Ada Lovelace",))
    # The console's own poll timer may also see the sign-in and the start apart: row 0 changes once or
    # twice, but in place (no reset, no other row).
    assert resets == [] and set(changed) == {0}
    text = console.board.model.index(0, 2).data()
    assert text.startswith("Running")


def test_selecting_a_station_shows_its_shift_timeline(console, qtbot, bus, clock) -> None:
    order(bus, clock, "WO-1")
    bus.execute(command(c.StartJob, clock.now(), station="WS-01", work_order="WO-1", operation=10))
    sign_in(console, qtbot)
    console.board.ui.boardView.selectRow(1)
    with qtbot.waitSignal(console.vm.timeline_changed, timeout=10_000):
        console.board.ui.boardView.selectRow(0)
    settle(console, qtbot)
    assert console.board.ui.timeline.timeline.station == "WS-01"
    assert [r.label for r in console.board.ui.timeline.timeline.runs] == ["WO-1/10 Cut"]


def test_a_call_for_help_is_acknowledged_from_the_board(console, qtbot, bus, clock) -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-02", badge=OPERATOR))
    sign_in(console, qtbot)
    bus.execute(command(c.CallSupervisor, clock.now(), actor=OPERATOR, station="WS-02", message="Jam"))
    with qtbot.waitSignal(console.vm.calls_changed, timeout=10_000):
        console.vm.poll()
    settle(console, qtbot)
    assert console.board.ui.andonList.count() == 1
    assert console.ui.andonLabel.text() == "Calls for help: 1"
    with qtbot.waitSignal(console.vm.calls_changed, timeout=10_000):
        console.board.ui.acknowledgeButton.click()
    settle(console, qtbot)
    assert console.board.ui.andonList.count() == 0
    assert console_calls_answered_by(console) == "Grace Hopper"
    assert banner_says(console, "Andon at WS-02 acknowledged.")


def console_calls_answered_by(console: SupervisorWindow) -> str:
    events = console.vm.service.audit(console.audit.wanted())
    return next(e.payload["name"] for e in events if e.type == "AndonAcknowledged")


def test_pausing_on_an_operators_behalf_is_recorded_as_the_supervisor(console, qtbot, bus, clock, monkeypatch) -> None:
    order(bus, clock, "WO-1")
    bus.execute(command(c.StartJob, clock.now(), station="WS-01", work_order="WO-1", operation=10))
    sign_in(console, qtbot)
    console.board.ui.boardView.selectRow(0)
    settle(console, qtbot)
    monkeypatch.setattr("mes_terminal.ui.supervisor.board_page.ConfirmDialog.ask", lambda *args: True)
    with qtbot.waitSignal(console.vm.command_succeeded, timeout=10_000):
        console.board.ui.pauseButton.click()
    settle(console, qtbot)
    paused = [e for e in console.vm.service.audit(console.audit.wanted()) if e.type == "JobPaused"]
    assert paused[0].actor == SUPERVISOR


def test_every_command_of_the_console_is_said_in_its_own_words(console, clock) -> None:
    job = {"station": "WS-01", "work_order": "WO-1", "operation": 10}
    due = clock.now() + timedelta(days=1)
    said = {
        c.CreateWorkOrder: ({"number": "WO-1", "product": "P", "quantity": Decimal(1), "due": due}, "WO-1 created"),
        c.EditWorkOrder: ({"number": "WO-1", "priority": 2}, "WO-1 changed"),
        c.HoldWorkOrder: ({"number": "WO-1"}, "WO-1 is on hold"),
        c.CancelWorkOrder: ({"number": "WO-1"}, "WO-1 cancelled"),
        c.CloseWorkOrder: ({"number": "WO-1"}, "WO-1 closed"),
        c.ReorderDispatch: ({"station": "WS-01", "operations": ("WO-1/10",)}, "Dispatch list of WS-01 reordered"),
        c.AssignOperation: ({"work_order": "WO-1", "operation": 10}, "assigned to an eligible station"),
        c.StartJob: (job, "Started WO-1 operation 10 at WS-01"),
        c.ResumeJob: (job, "Resumed WO-1 operation 10 at WS-01"),
        c.CompleteJob: (job, "Completed WO-1 operation 10 at WS-01"),
    }
    for cls, (fields, words) in said.items():
        assert words in console.vm.said(command(cls, clock.now(), **fields)), cls.__name__


CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")  # AcknowledgeAndon, WorkOrderCreated


def _sample(cls: type[c.Command], at) -> c.Command:
    """`cls` with its fields filled by plain values (what the banner reads, not what a handler accepts)."""
    values = {
        "station": "WS-04",
        "number": "WO-7",
        "work_order": "WO-7",
        "operation": 10,
        "lot": "R-2612-04A",
        "into": "R-2612-05",
        "nonconformance": "NC-00003",
        "checklist": "CUT-FAI",
        "item": "LEN",
        "badge": "B1001",
    }
    fields = {}
    for field in dataclasses.fields(cls):
        if field.name in ("command_id", "actor", "issued_at"):
            continue
        if field.name in values:
            fields[field.name] = values[field.name]
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            fields[field.name] = None
    return command(cls, at, **fields)


def test_every_command_is_said_in_plain_words_without_a_class_name(console, clock) -> None:
    said = {name: console.vm.said(_sample(cls, clock.now())) for name, cls in COMMAND_TYPES.items()}
    for name, sentence in said.items():
        assert sentence and not CLASS_NAME.search(sentence), f"{name}: {sentence}"
        assert name not in sentence and "None" not in sentence, f"{name}: {sentence}"
    assert said["AcknowledgeAndon"] == "Andon at WS-04 acknowledged."
    assert said["HoldLot"] == "Lot R-2612-04A is on hold."


# --- work orders ---------------------------------------------------------------------------------


def open_orders(console: SupervisorWindow, qtbot) -> None:
    with qtbot.waitSignal(console.vm.orders_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.ui.ordersTab)
    settle(console, qtbot)


def test_orders_are_released_through_commands_and_late_ones_marked(console, qtbot, bus, clock, qtmodeltester) -> None:
    order(bus, clock, "WO-1", release=False)
    order(bus, clock, "WO-2", release=False)
    clock.advance(timedelta(days=2))
    sign_in(console, qtbot)
    open_orders(console, qtbot)
    qtmodeltester.check(console.orders.model)
    qtmodeltester.check(console.orders.proxy)
    assert console.orders.proxy.rowCount() == 2
    console.orders.ui.searchEdit.setText("wo-2")
    assert console.orders.proxy.rowCount() == 1
    console.orders.select("WO-2")
    assert console.orders.ui.releaseButton.isEnabled() and not console.orders.ui.closeButton.isEnabled()
    with qtbot.waitSignal(console.vm.orders_changed, timeout=10_000):
        console.orders.ui.releaseButton.click()
    settle(console, qtbot)
    released = console.orders.selected()
    assert (released.number, released.status, released.late) == ("WO-2", "released", True)
    assert banner_says(console, "Work order WO-2 released to the floor.")
    assert console.orders.ui.lateCheck.text()


def test_editing_an_order_another_supervisor_changed_is_a_conflict_and_keeps_theirs(
    console, qtbot, bus, clock, monkeypatch
) -> None:
    order(bus, clock, "WO-1", release=False)
    sign_in(console, qtbot)
    open_orders(console, qtbot)
    console.orders.select("WO-1")
    seen = console.orders.selected()
    bus.execute(
        command(c.EditWorkOrder, clock.now(), actor=LEAD, number="WO-1", expected_version=seen.version, priority=9)
    )
    typed = OrderInput("WO-1", "BRACKET-A", Decimal(12), seen.due_at, 1)
    monkeypatch.setattr(order_dialog.OrderDialog, "ask", classmethod(lambda cls, *args: typed))
    with qtbot.waitSignal(console.vm.command_refused, timeout=10_000):
        console.orders.ui.editButton.click()
    settle(console, qtbot)
    assert banner_says(console, "their change is kept")
    (now,) = console.vm.service.work_orders()
    assert (now.priority, now.quantity) == (9, 10)


def test_a_role_without_rights_is_refused_by_the_service_not_only_the_button(console, qtbot, bus, clock) -> None:
    order(bus, clock, "WO-1", release=False)
    sign_in(console, qtbot)
    open_orders(console, qtbot)
    console.orders.select("WO-1")
    console.vm.user = SupervisorUser(OPERATOR, "Ada Lovelace", ("operator",))  # as if a button had been left on
    with qtbot.waitSignal(console.vm.command_refused, timeout=10_000):
        console.orders.ui.releaseButton.click()
    settle(console, qtbot)
    assert banner_says(console, "Ada Lovelace may not release work orders")
    assert console.vm.service.work_orders()[0].status == "planned"


# --- dispatch ------------------------------------------------------------------------------------


def test_reordering_the_dispatch_list_persists_and_reaches_the_terminal(
    console, qtbot, open_window, bus, clock, qtmodeltester
) -> None:
    for number in ("WO-1", "WO-2", "WO-3"):
        order(bus, clock, number)
    terminal = open_window("WS-01")
    sign_in(console, qtbot)
    with qtbot.waitSignal(console.vm.dispatch_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.ui.dispatchTab)
        console.dispatch.on_station_chosen("WS-01")  # read again: the combo already shows WS-01
    settle(console, qtbot)
    model = console.dispatch.model
    qtmodeltester.check(model)
    assert model.operation_keys() == ["WO-1/10", "WO-2/10", "WO-3/10"]
    # Drag WO-3 to the top: the same path a drop in the view takes.
    data = model.mimeData([model.index(2, 0)])
    with qtbot.waitSignal(console.vm.command_succeeded, timeout=10_000):
        model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    settle(console, qtbot)
    assert [r.key for r in console.vm.service.dispatch_list("WS-01")] == ["WO-3/10", "WO-1/10", "WO-2/10"]
    with qtbot.waitSignal(terminal.vm.dispatch_changed, timeout=10_000):
        terminal.vm.refresh()
    assert [i.work_order for i in terminal.vm.dispatch] == ["WO-3", "WO-1", "WO-2"]


def test_a_refused_reorder_puts_the_rows_back(console, qtbot, bus, clock) -> None:
    order(bus, clock, "WO-1")
    order(bus, clock, "WO-2")
    sign_in(console, qtbot)
    with qtbot.waitSignal(console.vm.dispatch_changed, timeout=10_000):
        console.dispatch.on_station_chosen("WS-01")
    settle(console, qtbot)
    bus.execute(command(c.CancelWorkOrder, clock.now(), number="WO-1"))  # meanwhile, elsewhere
    console.dispatch.ui.dispatchView.selectRow(1)
    with qtbot.waitSignal(console.vm.command_refused, timeout=10_000):
        console.dispatch.ui.upButton.click()
    settle(console, qtbot)
    assert banner_says(console, "no longer open; nothing was reordered")
    assert console.dispatch.model.operation_keys() == ["WO-2/10"]


def test_the_dispatch_tab_shows_a_held_order_as_blocked_and_will_not_start_it(console, qtbot, bus, clock) -> None:
    order(bus, clock, "WO-1")
    order(bus, clock, "WO-2")
    bus.execute(command(c.HoldWorkOrder, clock.now(), number="WO-2"))
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(100)))
    sign_in(console, qtbot)
    with qtbot.waitSignal(console.vm.dispatch_changed, timeout=10_000):
        console.dispatch.on_station_chosen("WS-01")
    settle(console, qtbot)
    model = console.dispatch.model
    assert [model.index(r, READINESS).data(ReadinessRole) for r in range(2)] == ["ready", "order_on_hold"]
    assert model.index(1, READINESS).data() == "Work order WO-2 is on hold."
    console.dispatch.ui.dispatchView.selectRow(1)
    assert not console.dispatch.ui.startButton.isEnabled()
    console.dispatch.ui.dispatchView.selectRow(0)
    assert console.dispatch.ui.startButton.isEnabled()


def test_the_dispatch_model_moves_rows_and_refuses_nonsense(qtbot) -> None:
    model = DispatchModel()
    assert not model.move_row(0, 1)
    assert not model.dropMimeData(model.mimeData([]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())


# --- audit and master data -----------------------------------------------------------------------


def test_the_audit_trail_is_searched_and_exported(console, qtbot, bus, clock, tmp_path, monkeypatch, qtmodeltester):
    order(bus, clock, "WO-1")
    sign_in(console, qtbot)
    with qtbot.waitSignal(console.vm.audit_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.ui.auditTab)
    settle(console, qtbot)
    console.audit.ui.entityEdit.setText("WO-1")
    with qtbot.waitSignal(console.vm.audit_changed, timeout=10_000):
        console.audit.ui.searchButton.click()
    settle(console, qtbot)
    qtmodeltester.check(console.audit.model)
    assert console.audit.model.rowCount() == 2
    path = tmp_path / "audit.csv"
    monkeypatch.setattr(audit_page.CsvFileDialog, "ask", classmethod(lambda cls, *args: str(path)))
    console.audit.ui.exportButton.click()
    with path.open(encoding="utf-8") as handle:
        assert [r["type"] for r in csv.DictReader(handle)] == ["WorkOrderReleased", "WorkOrderCreated"]
    assert banner_says(console, "(2 rows)")


def test_the_audit_trail_reads_who_when_what_old_new_and_why_with_the_raw_record_one_click_away(
    console, qtbot, bus, clock
) -> None:
    order(bus, clock, "WO-1")
    bus.execute(command(c.HoldWorkOrder, clock.now(), number="WO-1", reason="Customer changed the drawing"))
    sign_in(console, qtbot)
    with qtbot.waitSignal(console.vm.audit_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.ui.auditTab)
    settle(console, qtbot)
    model = console.audit.model
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert titles == ["#", "When", "Who", "Station", "What", "On", "Change (old → new)", "Why", "Details"]
    shown = [[model.index(r, col).data() for col in range(model.columnCount())] for r in range(model.rowCount())]
    held = next(row for row in shown if row[4] == "Work order held")
    assert held[1] == site_time(clock.now(), console.vm.site_zone(), "date_time")
    assert held[2] == "Grace Hopper (" + SUPERVISOR + ")"
    assert held[5] == "work order WO-1"
    assert held[6] == "status: released → on hold"
    assert held[7] == "Customer changed the drawing"
    for row in shown:  # no event's class name on the screen
        assert not any(CLASS_NAME.search(str(cell or "")) for cell in row), row
    assert console.audit.ui.detailsEdit.toPlainText() == ""
    at = shown.index(held)
    view = console.audit.ui.auditView
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(at, 4)).center())
    raw = json.loads(console.audit.ui.detailsEdit.toPlainText())
    assert raw["type"] == "WorkOrderHeld" and raw["payload"]["reason"] == "Customer changed the drawing"
    assert raw["payload"]["before"] == {"status": "released"}


def test_the_master_data_viewer_shows_each_section(console, qtbot, qtmodeltester) -> None:
    sign_in(console, qtbot)
    with qtbot.waitSignal(console.vm.master_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.ui.masterTab)
    settle(console, qtbot)
    assert console.master.ui.sectionList.count() == 9
    console.master.ui.sectionList.setCurrentRow(1)
    qtmodeltester.check(console.master.model)
    assert console.master.model.index(0, 1).data() == "WS-01"


def test_an_administrator_unlocks_a_locked_badge_from_the_users_section(
    console, qtbot, plant, clock, monkeypatch
) -> None:
    from sqlalchemy import text

    from mes_terminal.ui.supervisor import master_page

    with plant.begin() as connection:  # Ada locked out by wrong PINs; Grace also an administrator
        connection.execute(text("UPDATE users SET locked_at = :t, failed_pins = 5 WHERE badge = :b"),
                           {"t": clock.now(), "b": OPERATOR})  # fmt: skip
        admin = "INSERT INTO user_roles (user_id, role) SELECT id, 'admin' FROM users WHERE badge = :b"
        connection.execute(text(admin), {"b": SUPERVISOR})
    sign_in(console, qtbot)
    page = console.master
    with qtbot.waitSignal(console.vm.master_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.ui.masterTab)
    settle(console, qtbot)
    assert not page.ui.unlockButton.isVisible()  # the site section: nothing to unlock there
    users = [s.name for s in page.sections].index("users")
    page.ui.sectionList.setCurrentRow(users)
    assert page.ui.unlockButton.isVisible() and not page.ui.unlockButton.isEnabled()
    ada = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == OPERATOR)
    assert page.model.index(ada, 4).data() != ""  # locked since
    page.ui.masterView.setCurrentIndex(page.model.index(ada, 0))
    assert page.ui.unlockButton.isEnabled()

    monkeypatch.setattr(master_page.QInputDialog, "getText", lambda *a, **k: ("Identity checked at the desk", True))
    with qtbot.waitSignal(console.vm.master_changed, timeout=10_000):
        page.ui.unlockButton.click()
    assert banner_says(console, f"Badge {OPERATOR} is unlocked.")
    ada = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == OPERATOR)
    assert page.model.index(ada, 4).data() == ""
    with plant.connect() as connection:
        event = connection.execute(text("SELECT payload FROM events WHERE type = 'PinLockoutReset'")).scalar_one()
    assert "Identity checked at the desk" in str(event)


# --- what a person types -------------------------------------------------------------------------


@given(number=st.text(max_size=80), amount=st.text(max_size=30), priority=st.integers(-10_000, 10_000))
def test_the_order_form_reads_any_typing_as_a_value_or_one_sentence(number, amount, priority) -> None:
    from datetime import UTC, datetime

    try:
        value = read_order_form(number, "BRACKET-A", amount, datetime(2026, 3, 5, tzinfo=UTC), priority)
    except InvalidInput as error:
        assert error.message.endswith(".") and "\n" not in error.message
        return
    assert value.quantity > 0 and -999 <= value.priority <= 999


@given(text=st.text(max_size=40))
def test_searching_orders_with_any_text_filters_without_failing(qapp, text) -> None:
    from datetime import UTC, datetime

    from mes_terminal.services.queries.supervisor_views import WorkOrderRow

    model = OrdersModel()
    due = datetime(2026, 3, 5, tzinfo=UTC)
    model.set_rows(
        [WorkOrderRow("WO-1", "BRACKET-A", "pcs", Decimal(1), Decimal(0), due, 0, "planned", 1, 0, 2, False)]
    )
    proxy = OrdersFilter()
    proxy.setSourceModel(model)
    proxy.set_search(text)
    expected = text.strip().casefold() in ("wo-1", "bracket-a", "planned") or any(
        text.strip().casefold() in word for word in ("wo-1", "bracket-a", "planned")
    )
    assert proxy.rowCount() == (1 if expected else 0)
