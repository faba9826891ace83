"""Downtime at the terminal: the reason tree level by level with a breadcrumb, a stop with a comment, the
DOWN banner with its reason and live timer, End downtime, and the reason a machine's stop still needs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import DowntimeEvent, DowntimeReason, User
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.services.queries.downtime_views import ReasonNode
from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.ui.terminal.downtime_dialog import DowntimeChoice, DowntimeDialog
from mes_terminal.ui.widgets.fit_text import words_of
from mes_terminal.ui.widgets.keyboard import SHIFT, SPACE_NAME
from tests.helpers import DATA, OPERATOR, command

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

MACHINE = "B9001"
# The small plant with a deeper tree: Breakdown › Mechanical › (Bearing worn, Belt torn), and a machine's account.
DEEPER_TREE = """
[[users]]
badge = "B9001"
name = "Machine connector"
pin = "9001"
roles = ["operator"]

[[downtime_reasons]]
code = "MECH"
name = "Mechanical"
parent = "BREAKDOWN"

[[downtime_reasons]]
code = "BEARING"
name = "Bearing worn"
parent = "MECH"

[[downtime_reasons]]
code = "BELT"
name = "Belt torn"
parent = "MECH"

[[downtime_reasons]]
code = "ELEC"
name = "Electrical"
parent = "BREAKDOWN"

[[downtime_reasons]]
code = "PLANNED"
name = "Planned stop"
category = "planned"
loss = "availability"

[[downtime_reasons]]
code = "CLEANING"
name = "Cleaning"
parent = "PLANNED"
"""


@pytest.fixture
def plant(engine: Engine, clock, database_states) -> Engine:
    text = (DATA / "small_plant.toml").read_text(encoding="utf-8") + DEEPER_TREE
    now = clock.now()
    database_states.build(
        engine, ("deeper reason tree", now), lambda fresh: load_plant(fresh, parse_plant(text), now=now)
    )
    return engine


class Operator:
    """Stands in at the downtime dialog: the choices prepared in advance, and what each ask() was given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.choices: list[tuple[str, str | None] | None] = []
        self.asked: list[dict] = []
        me = self

        def ask(cls, parent, title, tree, *, hint="", confirm="", with_comment=True):
            me.asked.append({"title": title, "hint": hint, "with_comment": with_comment, "tree": list(tree)})
            answer = me.choices.pop(0)
            if answer is None:
                return None
            code, comment = answer
            node = next(n for n in tree if n.code == code)
            return DowntimeChoice(node, comment, (node.name,))

        monkeypatch.setattr(DowntimeDialog, "ask", classmethod(ask))


@pytest.fixture
def operator(monkeypatch) -> Operator:
    return Operator(monkeypatch)


@pytest.fixture
def signed_in(qtbot, bus, clock, work_order, window):
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    refresh(qtbot, window)
    return window


def refresh(qtbot, window) -> None:
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()


def tap(qtbot, window, button) -> None:
    assert button.isEnabled() and button.isVisible(), f"{button.objectName()} cannot be tapped"
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        button.click()


def stops(engine: Engine) -> list[tuple[str | None, str | None, bool, str | None]]:
    """(reason code, comment, ended, classified by) of every stop, oldest first."""
    with Session(engine) as session:
        rows = session.execute(
            select(DowntimeReason.code, DowntimeEvent.comment, DowntimeEvent.ended_at.is_not(None), User.badge)
            .outerjoin(DowntimeReason, DowntimeReason.id == DowntimeEvent.reason_id)
            .outerjoin(User, User.id == DowntimeEvent.classified_by_id)
            .order_by(DowntimeEvent.started_at)
        ).all()
    return [tuple(row) for row in rows]


# --- the dialog ----------------------------------------------------------------------------------------


def test_the_tree_opens_level_by_level_with_a_breadcrumb_back_and_only_leaves_chosen(themed_app, service) -> None:
    tree = service.downtime_reason_tree()
    dialog = DowntimeDialog(None, "Why does the station stop?", tree, confirm="Stop the station")
    ui = dialog.ui
    try:
        assert set(dialog.buttons) == {"BREAKDOWN", "PLANNED"}  # the top level only
        assert ui.breadcrumbLabel.text() == "All reasons"
        assert not ui.backButton.isEnabled() and ui.confirmButton.isHidden()
        assert dialog.buttons["BREAKDOWN"].property("role") == "group"
        assert "2 reasons" in dialog.buttons["BREAKDOWN"].text_shown()

        dialog.buttons["BREAKDOWN"].click()
        assert set(dialog.buttons) == {"MECH", "ELEC"}
        assert dialog.buttons["ELEC"].property("role") == "reason"
        dialog.buttons["MECH"].click()
        assert ui.breadcrumbLabel.text() == "All reasons › Breakdown › Mechanical"
        assert set(dialog.buttons) == {"BEARING", "BELT"}

        ui.backButton.click()  # up one level
        assert ui.breadcrumbLabel.text() == "All reasons › Breakdown"
        dialog.buttons["MECH"].click()
        dialog.buttons["BEARING"].click()  # a leaf: on to the optional comment
        assert ui.pages.currentWidget() is ui.commentPage
        assert ui.breadcrumbLabel.text() == "All reasons › Breakdown › Mechanical › Bearing worn"
        assert ui.confirmButton.isVisibleTo(dialog) and ui.confirmButton.text() == "Stop the station"

        keys = dialog.keyboard.buttons
        keys[SHIFT].click()
        for key in "noisy":
            keys[key].click()
        keys[SPACE_NAME].click()
        for key in "bearing":
            keys[key].click()
        assert ui.commentEdit.text() == "Noisy bearing"
        ui.confirmButton.click()
        assert dialog.result() == DowntimeDialog.DialogCode.Accepted
        choice = dialog.choice()
        assert choice is not None
        assert (choice.reason.code, choice.comment, choice.path) == (
            "BEARING",
            "Noisy bearing",
            ("Breakdown", "Mechanical", "Bearing worn"),
        )
    finally:
        dialog.deleteLater()


def test_back_from_the_comment_returns_to_the_leaf_level_and_an_empty_comment_is_none(themed_app, service) -> None:
    dialog = DowntimeDialog(None, "Why?", service.downtime_reason_tree())
    try:
        dialog.buttons["PLANNED"].click()
        dialog.buttons["CLEANING"].click()
        dialog.ui.backButton.click()
        assert dialog.ui.pages.currentWidget() is dialog.ui.treePage and set(dialog.buttons) == {"CLEANING"}
        dialog.buttons["CLEANING"].click()
        dialog.ui.confirmButton.click()
        choice = dialog.choice()
        assert choice is not None and (choice.reason.code, choice.comment) == ("CLEANING", None)
    finally:
        dialog.deleteLater()


def test_without_a_comment_a_leaf_is_the_answer(themed_app) -> None:
    tree = [
        ReasonNode("BREAKDOWN", "Breakdown", None, "unplanned", "availability", leaf=False, depth=0),
        ReasonNode("ELEC", "Electrical", "BREAKDOWN", "unplanned", "availability", leaf=True, depth=1),
    ]
    dialog = DowntimeDialog(None, "Why did the station stop?", tree, with_comment=False)
    try:
        dialog.buttons["BREAKDOWN"].click()
        dialog.buttons["ELEC"].click()
        assert dialog.result() == DowntimeDialog.DialogCode.Accepted
        choice = dialog.choice()
        assert choice is not None and (choice.reason.code, choice.comment) == ("ELEC", None)
    finally:
        dialog.deleteLater()


# --- at the station ------------------------------------------------------------------------------------


def test_a_stop_with_a_comment_pauses_the_job_and_the_banner_shows_down_the_reason_and_a_timer(
    qtbot, bus, clock, plant, signed_in, operator
) -> None:
    window = signed_in
    ui = window.station_screen.ui
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))
    refresh(qtbot, window)
    assert ui.stateLabel.text() == "RUNNING" and words_of(ui.downtimeButton) == "Downtime"

    operator.choices = [("BEARING", "noisy since the morning")]
    tap(qtbot, window, ui.downtimeButton)
    assert operator.asked[0]["hint"] == "WO-1 operation 10 pauses; Resume ends the downtime."
    assert window.banner.kind == "ok"
    assert window.banner.text() == "WO-1 operation 10 stopped: downtime Bearing worn."
    assert ui.stateLabel.text() == "DOWN"
    assert ui.stateFrame.property("state") == "down"
    assert ui.stateDetailLabel.text() == "Bearing worn"
    assert ui.stateFrame.toolTip() == "noisy since the morning"
    assert ui.stateTimerLabel.text() == "00:00:00"
    clock.advance(timedelta(minutes=3, seconds=5))
    window.on_clock_tick()  # the window's one-second timer, driven by hand
    assert ui.stateTimerLabel.text() == "00:03:05"
    assert ui.resumeButton.isEnabled() and words_of(ui.downtimeButton) == "End downtime"
    # Down, with a two-line message above: the screen still fits 1024x768.
    window.on_feedback("ok", "Lot S-1: 3.5 kg of STEEL-2MM taken into WO-1 operation 10. " * 3)
    assert window.minimumSizeHint().height() <= 768
    assert stops(plant) == [("BEARING", "noisy since the morning", False, OPERATOR)]

    tap(qtbot, window, ui.resumeButton)  # the job's pause opened the stop, so resuming ends it
    assert ui.stateLabel.text() == "RUNNING"
    assert stops(plant) == [("BEARING", "noisy since the morning", True, OPERATOR)]


def test_without_a_job_the_station_goes_down_and_end_downtime_brings_it_back(
    qtbot, clock, plant, signed_in, operator
) -> None:
    window = signed_in
    ui = window.station_screen.ui
    assert ui.stateLabel.text() == "IDLE" and ui.downtimeButton.isEnabled()

    operator.choices = [("CLEANING", None)]
    tap(qtbot, window, ui.downtimeButton)
    assert operator.asked[0]["hint"] == "The station is down until you tap End downtime."
    assert window.banner.text() == "The station is down: Cleaning. Tap End downtime when it runs again."
    assert (ui.stateLabel.text(), ui.stateDetailLabel.text()) == ("DOWN", "Cleaning")
    assert words_of(ui.downtimeButton) == "End downtime" and ui.downtimeButton.property("role") == "end"

    clock.advance(timedelta(minutes=12))
    tap(qtbot, window, ui.downtimeButton)
    assert window.banner.text() == "Downtime ended after 12 min."
    assert ui.stateLabel.text() == "IDLE" and words_of(ui.downtimeButton) == "Downtime"
    assert stops(plant) == [("CLEANING", None, True, OPERATOR)]
    types = [e.type for e in read_events(plant) if e.type.startswith("Downtime")]
    assert types == ["DowntimeStarted", "DowntimeEnded"]


def test_a_machine_stop_asks_for_its_reason_and_the_terminal_classifies_it(
    qtbot, bus, clock, plant, signed_in, operator
) -> None:
    window = signed_in
    ui = window.station_screen.ui
    bus.execute(command(c.MachineState, clock.now(), actor=MACHINE, station="WS-01", state="stopped"))
    with qtbot.waitSignal(window.vm.reason_needed, timeout=10_000):
        window.vm.refresh()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert window.banner.kind == "warn"
    assert window.banner.text() == "The machine stopped: tap Reason needed and choose why."
    assert (ui.stateLabel.text(), ui.stateDetailLabel.text()) == ("DOWN", "Machine stopped · reason needed")
    assert words_of(ui.downtimeButton) == "Reason needed" and ui.downtimeButton.isEnabled()

    refresh(qtbot, window)  # announced once: the next reading does not say it again
    assert window.sounds.played.count("warn") == 1

    operator.choices = [("ELEC", None)]
    tap(qtbot, window, ui.downtimeButton)
    asked = operator.asked[0]
    assert (asked["title"], asked["with_comment"]) == ("Why did the station stop?", False)
    assert asked["hint"].startswith("The machine stopped at ")
    assert window.banner.text() == "The stop now has its reason: Electrical."
    assert (ui.stateLabel.text(), ui.stateDetailLabel.text()) == ("DOWN", "Electrical")
    assert words_of(ui.downtimeButton) == "End downtime"  # given its reason, the stop can be ended
    assert stops(plant) == [("ELEC", None, False, OPERATOR)]
    classified = next(e for e in read_events(plant) if e.type == "DowntimeClassified")
    assert (classified.actor, classified.payload["after"]) == (OPERATOR, {"reason": "ELEC"})


def test_a_cancelled_dialog_changes_nothing(qtbot, plant, signed_in, operator) -> None:
    window = signed_in
    operator.choices = [None]
    window.station_screen.ui.downtimeButton.click()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert stops(plant) == [] and window.station_screen.ui.stateLabel.text() == "IDLE"
