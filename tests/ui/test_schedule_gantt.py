"""The Schedule tab's Gantt pushed around by hand (real QApplication, real mouse events, both databases).

The small test plant plus PANEL-B, whose one operation either station can do. Drags go through QTest
on the Gantt widget; moves are checked by scheduling/check.py, locks hold through Reschedule, Publish
stores the plan in force (the dispatch lists follow it), and a station that is down is planned around.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from mes_terminal.db.records import Event, PlannedOperation
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.services.queries.dispatch import station_dispatch
from mes_terminal.services.queries.read_only import read_connection
from tests.helpers import SUPERVISOR, command, scoped_plant

PANEL = """
[[products]]
code = "PANEL-B"
name = "Panel B"
unit = "pcs"

[[products.routing]]
operation = 10
name = "Punch"
workstations = ["WS-01", "WS-02"]
ideal_cycle_seconds = 30.0
"""


def release(bus, clock, number: str, product: str, quantity: int, due_hours: int) -> None:
    now = clock.now()
    due = now + timedelta(hours=due_hours)
    bus.execute(command(c.CreateWorkOrder, now, number=number, product=product, quantity=Decimal(quantity), due=due))
    bus.execute(command(c.ReleaseWorkOrder, now, number=number))


def sign_in(window, qtbot) -> None:
    window.sign_in_page.ui.badgeEdit.setText(SUPERVISOR)
    window.sign_in_page.ui.pinEdit.setText("1234")
    with qtbot.waitSignal(window.vm.board_changed, timeout=10_000):
        window.sign_in_page.ui.signInButton.click()
    qtbot.waitUntil(lambda: not window.vm.busy, timeout=10_000)


def open_tab(window, qtbot):
    page = window.schedule
    page.model.time_limit = 2.0
    with qtbot.waitSignal(page.model.draft_changed, timeout=10_000):
        window.ui.tabs.setCurrentWidget(window.ui.scheduleTab)
    return page


def reschedule(page, qtbot, click=None) -> None:
    with qtbot.waitSignal(page.model.draft_changed, timeout=30_000):
        (click or page.reschedule_button.click)()
    assert not page.model.solving


def placed(page) -> dict[str, tuple[str, datetime, datetime]]:
    """The draft's operations as the Gantt shows them: key -> (station, start, end)."""
    return {bar.key: (lane.station, bar.start, bar.end) for lane in page.gantt.chart.lanes for bar in lane.bars}


def drag(gantt, key: str, station: str, by: timedelta = timedelta()) -> None:
    """Press on the bar of `key`, move, release over `station`'s lane `by` later."""
    box = gantt.bar_rect(key)
    assert box is not None, key
    bar = gantt.bar(key)
    start = QPoint(int(box.left() + min(box.width() / 2, 6)), int(box.center().y()))
    shift = gantt.x_of(bar.start + by) - gantt.x_of(bar.start)
    end = QPoint(int(start.x() + shift), int(gantt.lane_centre(station)))
    QTest.mousePress(gantt, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(gantt, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    QTest.mouseMove(gantt, end)
    QTest.mouseRelease(gantt, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def with_panel(plant, clock) -> None:
    load_plant(plant, parse_plant(scoped_plant(PANEL), "small_plant.toml"), now=clock.now())


def test_an_operation_dragged_to_another_eligible_station_moves_there(console, qtbot, plant, bus, clock) -> None:
    with_panel(plant, clock)
    release(bus, clock, "WO-P", "PANEL-B", 100, 48)
    sign_in(console, qtbot)
    page = open_tab(console, qtbot)
    assert not page.model.draft.operations  # nothing in force yet
    reschedule(page, qtbot)
    station, start, end = placed(page)["WO-P/10"]
    other = "WS-02" if station == "WS-01" else "WS-01"
    with qtbot.waitSignal(page.model.draft_changed, timeout=5_000):
        drag(page.gantt, "WO-P/10", other)
    assert placed(page)["WO-P/10"] == (other, start, end)
    assert page.notice.text() == ""
    assert "not in force until published" in page.summary.text()
    assert page.model.draft.faults() == []


def test_a_drop_on_a_station_that_cannot_do_it_is_refused_and_the_bar_goes_back(
    console, qtbot, plant, bus, clock
) -> None:
    release(bus, clock, "WO-1", "BRACKET-A", 300, 48)
    sign_in(console, qtbot)
    page = open_tab(console, qtbot)
    reschedule(page, qtbot)
    before = placed(page)
    assert before["WO-1/10"][0] == "WS-01"
    with qtbot.waitSignal(page.model.refused, timeout=5_000) as refused:
        drag(page.gantt, "WO-1/10", "WS-02")
    sentence = refused.args[0]
    assert sentence == "WO-1/10 cannot go there: WO-1/10 is at WS-02, which cannot do it. It stays where it was."
    assert page.notice.text() == sentence
    assert console.banner.isVisible() and sentence in console.banner.text()
    assert placed(page) == before  # the bar is back where it was
    # Op 20 dragged before op 10 ends breaks precedence: refused, with the site's times in the sentence.
    with qtbot.waitSignal(page.model.refused, timeout=5_000) as refused:
        drag(page.gantt, "WO-1/20", "WS-02", by=before["WO-1/10"][1] - before["WO-1/20"][1])
    assert "WO-1/20 cannot go there: WO-1/20 starts at Mon 02 07:" in refused.args[0]
    assert "before WO-1/10 ends" in refused.args[0]
    assert placed(page) == before


def test_a_locked_operation_stays_where_it_is_through_reschedule(console, qtbot, plant, bus, clock) -> None:
    release(bus, clock, "WO-1", "BRACKET-A", 300, 48)
    release(bus, clock, "WO-2", "BRACKET-A", 300, 72)
    sign_in(console, qtbot)
    page = open_tab(console, qtbot)
    reschedule(page, qtbot)
    first = placed(page)
    # WO-2/20 a day later (the same hour of the next shift), then locked there.
    with qtbot.waitSignal(page.model.draft_changed, timeout=5_000):
        drag(page.gantt, "WO-2/20", "WS-02", by=timedelta(days=1))
    moved = placed(page)["WO-2/20"]
    assert moved[1] > first["WO-2/20"][1] + timedelta(hours=20), moved
    box = page.gantt.bar_rect("WO-2/20")
    QTest.mouseClick(page.gantt, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, box.center().toPoint())
    assert page.lock_button.isEnabled() and page.lock_button.text() == "Lock"
    page.lock_button.click()
    assert page.gantt.bar("WO-2/20").locked and page.lock_button.text() == "Unlock"
    reschedule(page, qtbot)
    assert placed(page)["WO-2/20"] == moved  # kept where it was locked
    assert page.gantt.bar("WO-2/20").locked
    assert page.model.draft.faults() == []
    # Unlocked, the next reschedule brings it back to the earliest it can run.
    page.gantt.selected = "WO-2/20"
    page.on_lock_clicked()
    reschedule(page, qtbot)
    assert placed(page)["WO-2/20"][1] < moved[1]


def test_publish_puts_the_draft_in_force_and_the_dispatch_lists_follow(console, qtbot, plant, bus, clock) -> None:
    for number, due in (("WO-1", 48), ("WO-2", 8), ("WO-3", 72)):
        release(bus, clock, number, "BRACKET-A", 200, due)
    sign_in(console, qtbot)
    page = open_tab(console, qtbot)
    reschedule(page, qtbot)
    assert page.publish_button.isEnabled()
    with plant.connect() as connection:
        assert connection.execute(select(PlannedOperation)).all() == []  # a draft is not in force
    draft = page.model.draft
    with qtbot.waitSignal(page.model.draft_changed, timeout=10_000):  # published, then read back
        page.publish_button.click()
    assert "The plan is in force: 6 operations" in console.banner.text()
    assert page.summary.text().startswith("Plan in force: 6 operations")
    assert not page.publish_button.isEnabled()
    with read_connection(plant) as connection:
        assert len(connection.execute(select(PlannedOperation)).all()) == 6
        actor = connection.execute(select(Event.actor).where(Event.type == "SchedulePublished")).scalar_one()
        assert actor == SUPERVISOR
        for station in ("WS-01", "WS-02"):
            listed = [
                f"{row.item.work_order}/{row.item.operation}"
                for row in station_dispatch(connection, station, clock.now())
            ]
            planned = [p.key for p in sorted(draft.operations, key=lambda p: p.start) if p.station == station]
            assert listed == planned
    assert placed(page) == {key: value for key, value in placed(page).items()}  # drawn from the plan in force
    assert {key for key in placed(page)} == {p.key for p in draft.operations}
    if os.environ.get("MES_SCREENSHOT_DIR"):
        console.resize(1280, 800)
        console.grab().save(os.path.join(os.environ["MES_SCREENSHOT_DIR"], "schedule_published.png"))


def test_a_station_that_is_down_is_planned_around_until_the_moment_given(console, qtbot, plant, bus, clock) -> None:
    with_panel(plant, clock)
    for number, due in (("WO-P1", 6), ("WO-P2", 8), ("WO-P3", 30)):
        release(bus, clock, number, "PANEL-B", 120, due)
    bus.execute(command(c.StartDowntime, clock.now(), actor=SUPERVISOR, station="WS-01", reason="BREAKDOWN"))
    sign_in(console, qtbot)
    page = open_tab(console, qtbot)
    offer = page.offer("WS-01")
    assert offer is not None and page.stops.isVisible()
    assert "WS-01 is down since" in offer.label.text() and "Breakdown" in offer.label.text()
    default = offer.until_value()
    assert timedelta(hours=1) <= default - clock.now() < timedelta(hours=1, minutes=5)
    until = clock.now() + timedelta(hours=3)
    offer.set_until(until)
    assert offer.until_value() == until
    reschedule(page, qtbot, offer.button.click)
    draft = page.model.draft
    assert draft.down_until == {"WS-01": until}
    at_down = [(key, start) for key, (station, start, _) in placed(page).items() if station == "WS-01"]
    assert all(start >= until for _, start in at_down), at_down
    assert len(placed(page)) == 3 and draft.faults() == []
    assert page.gantt.chart.lanes[0].down is not None
    assert "Planned without: WS-01" in page.summary.text()
    # A drop on the down station before the moment is refused too.
    key = next(key for key, (station, *_rest) in placed(page).items() if station == "WS-02")
    with qtbot.waitSignal(page.model.refused, timeout=5_000) as refused:
        drag(page.gantt, key, "WS-01")
    assert "outside the planned time of WS-01" in refused.args[0]
    if os.environ.get("MES_SCREENSHOT_DIR"):
        console.resize(1280, 800)
        console.grab().save(os.path.join(os.environ["MES_SCREENSHOT_DIR"], "schedule_down.png"))
