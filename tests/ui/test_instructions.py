"""Work instructions at the terminal: shown when a job starts, on the button and on a traveler's scan; steps
turned by tap and swipe, pictures zoomed, PDF pages rendered with QtPdf; a new revision acknowledged once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import Engine, func, select

from mes_terminal.db.records import InstructionAcknowledgement
from mes_terminal.domain.clock import FixedClock
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.queries.instruction_views import InstructionStepView, InstructionsView
from mes_terminal.ui.terminal.instructions_dialog import MIN_ZOOM, InstructionsDialog, render_pdf_page
from tests.helpers import OPERATOR, command
from tests.media_files import pdf, plant_text, png, write_plant

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def plant(engine: Engine, clock: FixedClock, tmp_path: Path) -> Engine:
    """The small plant with two instruction steps on operation 10, revision 1 approved by quality."""
    load_plant(engine, read_plant_file(write_plant(tmp_path, plant_text())), now=clock.now())
    CommandBus(engine, clock).execute(
        command(
            c.ApproveInstructions,
            clock.now(),
            actor="B3001",
            product="BRACKET-A",
            operation=10,
            revision=1,
            pin="3333",
            meaning="approved",
        )
    )
    return engine


class Reader:
    """Stands in at the instructions dialog: records what it was shown and confirms as told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[InstructionsView] = []
        self.confirm = True
        me = self

        def ask(cls, parent, view):
            me.shown.append(view)
            return me.confirm

        monkeypatch.setattr(InstructionsDialog, "ask", classmethod(ask))


@pytest.fixture
def reader(monkeypatch) -> Reader:
    return Reader(monkeypatch)


@pytest.fixture
def signed_in(qtbot, bus, clock, work_order, window):
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()
    return window


def acknowledgements(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(InstructionAcknowledgement)).scalar_one()


def test_starting_the_job_shows_the_instructions_and_the_acknowledgement_is_recorded_once(
    qtbot, plant, signed_in, reader
) -> None:
    window = signed_in
    screen = window.station_screen
    screen.ui.dispatchView.selectRow(0)
    with qtbot.waitSignal(window.vm.instructions_loaded, timeout=10_000):
        screen.ui.startButton.click()
    qtbot.waitUntil(lambda: acknowledgements(plant) == 1)
    view = reader.shown[0]
    assert (view.work_order, view.operation, view.revision) == ("WO-1", 10, 1)
    assert view.needs_acknowledgement and [s.media_type for s in view.steps] == ["image/png", "application/pdf"]
    qtbot.waitUntil(lambda: "you have read instructions revision 1" in window.banner.text())

    # The button opens them any time; read again, nothing more to confirm.
    button = screen.instructions.button
    assert button.isEnabled() and button.text() == "Instructions"
    with qtbot.waitSignal(window.vm.instructions_loaded, timeout=10_000):
        button.click()
    assert not reader.shown[-1].needs_acknowledgement
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert acknowledgements(plant) == 1


def test_closing_without_confirming_records_nothing(qtbot, plant, signed_in, reader) -> None:
    reader.confirm = False
    window = signed_in
    window.station_screen.ui.dispatchView.selectRow(0)
    with qtbot.waitSignal(window.vm.instructions_loaded, timeout=10_000):
        window.station_screen.instructions.button.click()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert acknowledgements(plant) == 0


def test_a_travelers_instructions_code_opens_them_and_an_unknown_one_says_why(qtbot, plant, signed_in, reader) -> None:
    window = signed_in
    with qtbot.waitSignal(window.vm.instructions_loaded, timeout=10_000):
        window.scan_router.route("INSTR:WO-1:10")
    assert reader.shown[-1].operation == 10
    window.scan_router.route("INSTR:WO-1:20")  # operation 20 has no instructions
    qtbot.waitUntil(lambda: window.banner.text() == "WO-1 operation 20 has no approved work instructions yet.")
    assert window.banner.kind == "error"


# --- the dialog itself ------------------------------------------------------------------------------


def view(steps: tuple[InstructionStepView, ...], *, acknowledged: bool = False) -> InstructionsView:
    return InstructionsView(
        work_order="WO-1",
        operation=10,
        operation_name="Cut",
        product="BRACKET-A",
        revision=3,
        summary="Nest program BRK-A-02.",
        steps=steps,
        acknowledge=True,
        acknowledged=acknowledged,
    )


STEPS = (
    InstructionStepView(1, "Clamp the blank.", "Keep hands clear.", "image/png", png(40, 30)),
    InstructionStepView(2, "Set the stop.", None, "application/pdf", pdf(2), page=2),
    InstructionStepView(3, "Deburr the tabs.", None, None),
)


def swipe(dialog: InstructionsDialog, dx: int) -> None:
    target = dialog.pages
    start = QPointF(600, 300)
    end = QPointF(600 + dx, 310)
    for kind, point in ((QMouseEvent.Type.MouseButtonPress, start), (QMouseEvent.Type.MouseButtonRelease, end)):
        event = QMouseEvent(
            kind,
            point,
            target.mapToGlobal(point.toPoint()).toPointF(),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target, event)


def test_the_dialog_turns_pages_by_tap_and_swipe_and_asks_to_confirm_on_the_last(qtbot, themed_app) -> None:
    dialog = InstructionsDialog(None, view(STEPS))
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    assert dialog.title.text() == "WO-1 operation 10 · Cut — Instructions rev 3"
    assert dialog.position_label.text() == "Step 1 of 3"
    assert dialog.notice.isVisible() and "revision 3" in dialog.notice.text()
    assert dialog.acknowledge_button.isVisible() and not dialog.acknowledge_button.isEnabled()
    caution = dialog.pages.currentWidget().findChild(QLabel, "stepCaution")
    assert caution.text() == "⚠ Caution: Keep hands clear."
    dialog.next_button.click()
    assert dialog.position == 1
    swipe(dialog, -200)  # right to left: the next step
    assert dialog.position == 2 and dialog.position_label.text() == "Step 3 of 3"
    assert dialog.acknowledge_button.isEnabled() and dialog.acknowledge_button.text() == "I have read revision 3"
    assert not dialog.next_button.isEnabled()
    swipe(dialog, 200)
    assert dialog.position == 1
    swipe(dialog, 30)  # too short to turn
    assert dialog.position == 1


def test_pictures_zoom_and_pdf_pages_are_rendered_not_left_blank(qtbot, themed_app) -> None:
    dialog = InstructionsDialog(None, view(STEPS))
    qtbot.addWidget(dialog)
    dialog.show()
    picture = dialog.pictures[0]
    assert picture is not None and picture.zoom == MIN_ZOOM
    dialog.zoom_in_button.click()
    assert picture.zoom > MIN_ZOOM
    picture.reset()
    assert dialog.pictures[1] is not None  # the PDF's page 2, rendered
    assert dialog.pictures[2] is None  # a text-only step
    dialog.go_to(2)
    assert not dialog.zoom_in_button.isVisible()
    image = render_pdf_page(pdf(2), 2, width=400)
    assert image is not None and image.width() == 400
    assert render_pdf_page(pdf(2), 3) is None and render_pdf_page(b"%PDF-1.4 broken", 1) is None


def test_a_file_that_cannot_be_shown_says_so_in_words(qtbot, themed_app) -> None:
    broken = (
        InstructionStepView(1, "Set the stop.", None, "application/pdf", b"%PDF-1.4\n%%EOF", page=4),
        InstructionStepView(2, None, None, "image/png", b"\x89PNG\r\n\x1a\nnot really"),
    )
    dialog = InstructionsDialog(None, view(broken, acknowledged=True))
    qtbot.addWidget(dialog)
    dialog.show()
    first = dialog.pages.widget(0).findChild(QLabel, "pictureMissing")
    second = dialog.pages.widget(1).findChild(QLabel, "pictureMissing")
    assert first.text().startswith("Page 4 of this step's PDF cannot be shown here.")
    assert second.text().startswith("This step's picture cannot be shown here.")
    assert not dialog.notice.isVisible() and not dialog.acknowledge_button.isVisible()
