"""The Materials panel: scanning a lot takes it into the running job; a wrong lot is red with its reason."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mes_terminal.services.commands import catalog as c
from mes_terminal.ui.terminal import materials_model as mm
from tests.helpers import OPERATOR, command

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def running(bus, clock, work_order) -> str:
    """Ada signed in at WS-01 with WO-1 operation 10 running."""
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order=work_order, operation=10))
    return work_order


def scan(qtbot, window, text: str) -> None:
    with qtbot.waitSignal(window.vm.lot_scan_result, timeout=10_000):
        window.scan_router.route(text)
    qtbot.waitUntil(lambda: not window.vm.busy)


def cells(model: mm.MaterialsModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_scanning_a_lot_takes_what_the_job_needs_and_fills_its_line_green(qtbot, running, window, plant) -> None:
    screen = window.station_screen
    scan(qtbot, window, "LOT:S-1")

    assert window.banner.kind == "ok"
    assert window.banner.text() == "Lot S-1: 3.5 kg of STEEL-2MM taken into WO-1 operation 10."
    assert window.sounds.played[-1] == "ok"
    assert screen.showing_materials() and screen.ui.materialsButton.isChecked()
    qtbot.waitUntil(lambda: screen.materials.rowCount() == 1 and screen.materials.row(0).taken == Decimal("3.5"))
    # Nothing reported yet: nothing needed so far, the ten planned brackets' 3.5 kg taken, nothing left.
    assert cells(screen.materials, 0) == ["STEEL-2MM\nSteel sheet 2 mm", "0 kg", "3.5 kg", "0 kg", "covered"]
    assert screen.materials.index(0, mm.MATERIAL).data(mm.Qt.ItemDataRole.BackgroundRole).color().name() == (
        mm.JUST_SCANNED
    )
    assert screen.ui.scanResultLabel.property("result") == "ok"


def test_a_lot_of_the_wrong_material_is_refused_in_red_and_nothing_is_taken(qtbot, bus, clock, running, window) -> None:
    bus.execute(command(c.ReceiveLot, clock.now(), lot="B-9", material="BRACKET-A", quantity=Decimal(5)))
    scan(qtbot, window, "LOT:B-9")
    sentence = "Lot B-9 is BRACKET-A, which is not on the bill of materials of WO-1 operation 10 (it needs STEEL-2MM)."
    assert (window.banner.kind, window.banner.text()) == ("error", sentence)
    label = window.station_screen.ui.scanResultLabel
    assert (label.property("result"), label.text()) == ("error", sentence)
    assert window.sounds.played[-1] == "error"
    qtbot.waitUntil(lambda: window.station_screen.materials.rowCount() == 1)
    assert window.station_screen.materials.row(0).taken == 0


def test_an_unknown_lot_and_a_bad_gs1_label_say_why(qtbot, running, window) -> None:
    scan(qtbot, window, "LOT:NOPE")
    assert window.banner.text() == "There is no lot NOPE."
    scan(qtbot, window, "]C1010950600013435310S-1")
    assert window.banner.kind == "error" and "check digit" in window.banner.text()


def test_a_lot_scan_without_a_running_job_asks_to_start_it_first(qtbot, bus, clock, work_order, window) -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()
    with qtbot.waitSignal(window.vm.lot_scan_result, timeout=10_000):
        window.scan_router.route("LOT:S-1")
    assert window.banner.text() == "No job is running here: start the job, then scan its material."


def test_the_materials_button_shows_the_bom_before_the_job_starts(qtbot, work_order, window, qtmodeltester) -> None:
    screen = window.station_screen
    screen.ui.dispatchView.selectRow(0)
    assert screen.ui.materialsButton.isEnabled()
    with qtbot.waitSignal(window.vm.materials_changed, timeout=10_000):
        screen.ui.materialsButton.click()
    assert screen.ui.materialsCaption.text() == "Materials · WO-1 operation 10"
    # In stock but untouched: to scan, not a green "ready".
    assert cells(screen.materials, 0)[1:] == ["0 kg", "0 kg", "3.5 kg", "to scan\n100 kg on hand"]
    state = screen.materials.index(0, mm.STATE).data(mm.Qt.ItemDataRole.BackgroundRole).color().name()
    assert state == mm.STATE_COLOURS["to_scan"] != mm.STATE_COLOURS["covered"]
    qtmodeltester.check(screen.materials)
    screen.ui.materialsButton.click()
    assert not screen.showing_materials()


def test_the_dispatch_list_shows_a_job_short_of_material(qtbot, bus, clock, work_order, window) -> None:
    bus.execute(command(c.HoldLot, clock.now(), lot="S-1", reason="Certificate missing"))
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()
    item = window.station_screen.model.row(0)
    assert (item.readiness, item.reason) == (
        "material_short",
        "Material short: STEEL-2MM needs 3.5 kg, 0 kg usable on hand.",
    )


def test_scanning_a_lot_the_job_has_enough_of_asks_how_much_more(qtbot, running, window, monkeypatch) -> None:
    from tests.ui.test_operator_flow import Answers

    answers = Answers(monkeypatch)
    scan(qtbot, window, "LOT:S-1")  # takes the 3.5 kg the ten brackets need
    answers.quantities = [Decimal("1.5")]
    with qtbot.waitSignals([window.vm.lot_scan_result, window.vm.lot_scan_result], timeout=10_000):
        window.scan_router.route("LOT:S-1")
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert answers.asked == ["How much of lot S-1?"]
    assert window.banner.text() == "Lot S-1: 1.5 kg of STEEL-2MM taken into WO-1 operation 10."
    qtbot.waitUntil(lambda: window.station_screen.materials.row(0).taken == 5)


def test_a_count_without_material_goes_through_in_amber_and_its_line_turns_short(qtbot, running, window) -> None:
    from mes_terminal.ui.terminal.scan_decisions import JobKey

    key = JobKey(running, 10)
    with qtbot.waitSignal(window.vm.command_succeeded, timeout=10_000):
        window.vm.report(key, good=Decimal(4))
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert window.banner.kind == "warn"
    assert window.banner.text() == (
        "Reported 4 good and 0 scrap. Now 4 good, 0 scrap. Reported without material: WO-1 operation 10 (Cut) "
        "has not taken the material for 4 pcs: STEEL-2MM 1.4 kg missing (0 of 1.4 kg taken)."
    )
    with qtbot.waitSignal(window.vm.materials_changed, timeout=10_000):
        window.station_screen.ui.materialsButton.click()
    screen = window.station_screen
    assert cells(screen.materials, 0)[1:] == ["1.4 kg", "0 kg", "3.5 kg", "short\n100 kg on hand"]
    assert (
        screen.materials.index(0, mm.STATE).data(mm.Qt.ItemDataRole.BackgroundRole).color().name()
        == (mm.STATE_COLOURS["short"])
    )


# --- a plain lot number, scanned or keyed in -----------------------------------------------------------


def consumed_entries(plant) -> list[tuple[str, str | None]]:
    from mes_terminal.services.queries.event_feed import read_events

    return [(e.entity_id, e.payload.get("entry")) for e in read_events(plant) if e.type == "LotConsumed"]


def test_a_plain_lot_number_is_recognised_when_such_a_lot_exists(qtbot, bus, clock, running, window, plant) -> None:
    bus.execute(command(c.ReceiveLot, clock.now(), lot="R-2612-04A", material="STEEL-2MM", quantity=Decimal(50)))
    scan(qtbot, window, "R-2612-04A")  # a supplier's label: the bare number, no LOT: prefix
    assert window.banner.kind == "ok"
    assert window.banner.text() == "Lot R-2612-04A: 3.5 kg of STEEL-2MM taken into WO-1 operation 10."
    assert consumed_entries(plant) == [("R-2612-04A", "scanned")]


def test_a_plain_code_that_names_no_lot_is_not_recognised(qtbot, running, window) -> None:
    with qtbot.waitSignal(window.vm.feedback, timeout=10_000):
        window.scan_router.route("R-0000-00X")
    assert (window.banner.kind, window.banner.text()) == (
        "error",
        "Scan not recognised. Not a code MES Terminal knows: R-0000-00X",
    )


def test_a_torn_label_is_keyed_in_on_the_keyboard_and_recorded_as_keyed(
    qtbot, bus, clock, running, window, plant, monkeypatch
) -> None:
    from mes_terminal.ui.widgets.text_dialog import TextDialog

    bus.execute(command(c.ReceiveLot, clock.now(), lot="R-2612-04A", material="STEEL-2MM", quantity=Decimal(50)))
    asked = []

    def type_it(cls, parent, title, **kwargs):
        # The real dialog, typed on its keys: lower-case taps come out in capitals.
        dialog = cls(parent, title, **kwargs)
        for key in "r-2612-04a":
            dialog.keyboard.buttons[key].click()
        asked.append((title, kwargs.get("hint"), dialog.text()))
        text = dialog.text()
        dialog.deleteLater()
        return text

    monkeypatch.setattr(TextDialog, "ask", classmethod(type_it))
    screen = window.station_screen
    screen.ui.materialsButton.click()
    assert screen.ui.keyLotButton.isEnabled()
    with qtbot.waitSignal(window.vm.lot_scan_result, timeout=10_000):
        screen.ui.keyLotButton.click()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert asked == [
        (
            "Key in the lot number",
            "For a label that cannot be scanned. The lot is recorded as keyed, not scanned.",
            "R-2612-04A",
        )
    ]
    assert window.banner.text() == "Lot R-2612-04A: 3.5 kg of STEEL-2MM taken into WO-1 operation 10."
    assert consumed_entries(plant) == [("R-2612-04A", "keyed")]
