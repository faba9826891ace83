"""The console's Schedule tab: the published plan as a Gantt per station (real QApplication, both databases)."""

from __future__ import annotations

import os
from datetime import timedelta
from decimal import Decimal

from mes_terminal.services.commands import catalog as c
from mes_terminal.services.planning.planner import plan_plant, publish
from tests.helpers import SUPERVISOR, command


def sign_in(window, qtbot) -> None:
    window.sign_in_page.ui.badgeEdit.setText(SUPERVISOR)
    window.sign_in_page.ui.pinEdit.setText("1234")
    with qtbot.waitSignal(window.vm.board_changed, timeout=10_000):
        window.sign_in_page.ui.signInButton.click()
    qtbot.waitUntil(lambda: not window.vm.busy, timeout=10_000)


def open_schedule(window, qtbot) -> None:
    with qtbot.waitSignal(window.schedule.model.draft_changed, timeout=10_000):
        window.ui.tabs.setCurrentWidget(window.ui.scheduleTab)


def test_without_a_published_plan_the_tab_says_how_to_make_one(console, qtbot) -> None:
    sign_in(console, qtbot)
    open_schedule(console, qtbot)
    assert "mes-terminal schedule --apply" in console.schedule.summary.text()
    assert [lane.station for lane in console.schedule.gantt.chart.lanes] == ["WS-01", "WS-02"]


def test_the_published_plan_is_drawn_per_station_with_late_work_counted(console, qtbot, plant, bus, clock) -> None:
    now = clock.now()
    for number, hours in (("WO-1", 2), ("WO-2", 40)):  # WO-1 cannot be done in two hours: late
        due = now + timedelta(hours=hours)
        bus.execute(command(c.CreateWorkOrder, now, number=number, product="BRACKET-A", quantity=Decimal(600), due=due))
        bus.execute(command(c.ReleaseWorkOrder, now, number=number))
    publish(bus, plan_plant(plant, now, time_limit=2.0), SUPERVISOR, now)
    sign_in(console, qtbot)
    open_schedule(console, qtbot)
    chart = console.schedule.gantt.chart
    bars = {(bar.work_order, bar.operation): bar for lane in chart.lanes for bar in lane.bars}
    assert set(bars) == {("WO-1", 10), ("WO-1", 20), ("WO-2", 10), ("WO-2", 20)}
    assert bars[("WO-1", 20)].late and not bars[("WO-2", 20)].late
    assert all(lane.working for lane in chart.lanes)  # the EARLY shift is drawn
    assert "Plan in force: 4 operations; late orders: 1." in console.schedule.summary.text()
    picture = console.grab()
    assert not picture.isNull()
    if os.environ.get("MES_SCREENSHOT_DIR"):  # for looking at it by eye
        console.resize(1280, 800)
        console.grab().save(os.path.join(os.environ["MES_SCREENSHOT_DIR"], "schedule_tab.png"))


def test_the_tab_names_work_waiting_for_material_on_its_way(console, qtbot, plant, bus, clock, tmp_path) -> None:
    from mes_terminal.integration.importer import import_file
    from tests.erp.documents import LotLine, material_information

    now = clock.now()
    bus.execute(command(c.CreateWorkOrder, now, number="WO-9", product="BRACKET-A", quantity=Decimal(100),
                        due=now + timedelta(days=3)))  # fmt: skip
    bus.execute(command(c.ReleaseWorkOrder, now, number="WO-9"))
    lots = tmp_path / "lots.xml"  # 35 kg of steel needed, none on hand, 50 kg arriving Wednesday 08:00 UTC
    lots.write_bytes(material_information([LotLine("L-SHIP", "STEEL-2MM", "50", available="2026-03-04T08:00:00Z")],
                                          version="V0700"))  # fmt: skip
    assert import_file(plant, lots, now=now).ok
    sign_in(console, qtbot)
    open_schedule(console, qtbot)
    assert "Waiting for material: WO-9/10 Wed 04 09:00 (L-SHIP)." in console.schedule.summary.text()


def test_the_tab_names_the_material_of_a_substitute_lot_it_waits_for(
    console, qtbot, plant, bus, clock, tmp_path
) -> None:
    from mes_terminal.integration.importer import import_file
    from mes_terminal.services.plant.loader import load_plant, read_plant_file
    from tests.erp.documents import LotLine, material_information
    from tests.helpers import DATA

    now = clock.now()
    load_plant(plant, read_plant_file(DATA / "material_plant.toml"), now=now)  # STEEL-2MM-B may replace STEEL-2MM
    bus.execute(command(c.CreateWorkOrder, now, number="WO-9", product="BRACKET-A", quantity=Decimal(100),
                        due=now + timedelta(days=3)))  # fmt: skip
    bus.execute(command(c.ReleaseWorkOrder, now, number="WO-9"))
    lots = tmp_path / "lots.xml"  # 35 kg needed: the substitute arrives Tuesday, the steel itself Wednesday
    lots.write_bytes(material_information([LotLine("L-SHIP", "STEEL-2MM", "50", available="2026-03-04T08:00:00Z"),
                                           LotLine("B-SHIP", "STEEL-2MM-B", "50", available="2026-03-03T08:00:00Z")],
                                          version="V0700"))  # fmt: skip
    assert import_file(plant, lots, now=now).ok
    sign_in(console, qtbot)
    open_schedule(console, qtbot)
    assert "Waiting for material: WO-9/10 Tue 03 09:00 (B-SHIP, STEEL-2MM-B)." in console.schedule.summary.text()
