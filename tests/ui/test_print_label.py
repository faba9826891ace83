"""Print label at the terminal: the output lot's label on the station's label printer (a real PDF folder
and a local TCP listener), recorded; a reprint asks why; the label at completion where configured; a
printer that is off, and a lot not made yet, said in plain words."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import PrintJob, User, Workstation
from mes_terminal.devices.printers import open_transport
from mes_terminal.domain.clock import FixedClock
from mes_terminal.domain.print_targets import PrintTarget
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.printing.service import PrintService
from mes_terminal.services.printing.station_labels import StationLabels
from mes_terminal.services.terminal import TerminalService
from mes_terminal.ui.terminal.view_model import COMPLETION_REPRINT_REASON
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog
from mes_terminal.ui.widgets.text_dialog import TextDialog
from tests.helpers import OPERATOR, command
from tests.integration.test_printer_transports import ListeningPrinter, free_port

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def labels_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "labels"
    folder.mkdir()
    return folder


@pytest.fixture
def label_target(request: pytest.FixtureRequest, labels_folder: Path) -> str | None:
    """The station's `[printer] label`: a PDF folder, unless a test asks (indirectly) for "tcp", "off" or "none"."""
    kind = getattr(request, "param", "pdf")
    if kind == "tcp":
        return f"tcp://127.0.0.1:{request.getfixturevalue('listener').port}"
    if kind == "off":  # a port nobody listens on: a printer switched off
        return f"tcp://127.0.0.1:{free_port()}"
    return f"pdf:{labels_folder}" if kind == "pdf" else None


@pytest.fixture
def service(plant: Engine, bus: CommandBus, clock: FixedClock, label_target: str | None) -> TerminalService:
    def opener(target: PrintTarget):
        return open_transport(target, now=clock.now)

    printing = PrintService(plant, bus, clock, open_transport=opener)
    return TerminalService(plant, bus, clock, labels=StationLabels(plant, printing, clock, target=label_target))


@pytest.fixture
def listener() -> Iterator[ListeningPrinter]:
    printer = ListeningPrinter()
    yield printer
    printer.close()


class Operator:
    """Stands in at the dialogs: reprint reasons and confirmations prepared in advance."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reasons: list[str | None] = []
        self.asked: list[tuple[str, str]] = []
        me = self

        def text(cls, parent, title, *, hint="", suggestions=(), confirm=""):
            me.asked.append((title, hint))
            return me.reasons.pop(0)

        monkeypatch.setattr(TextDialog, "ask", classmethod(text))
        monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args, **kwargs: True))


@pytest.fixture
def operator(monkeypatch) -> Operator:
    return Operator(monkeypatch)


def job(bus: CommandBus, clock: FixedClock, cls: type[c.Command], station: str = "WS-01", operation: int = 10, **more):
    actor = {"actor": OPERATOR, "station": station, "work_order": "WO-1", "operation": operation}
    return bus.execute(command(cls, clock.now(), **actor, **more))


@pytest.fixture
def running(qtbot, bus, clock, work_order, window):
    """Ada at WS-01, WO-1 operation 10 running with 4 good reported: the output lot WO-1 exists."""
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    job(bus, clock, c.StartJob)
    job(bus, clock, c.ReportCount, good=Decimal(4))
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()
    return window


def print_label(qtbot, window, signal_name: str = "label_printed") -> list:
    """Tap Print label and wait for the outcome; returns the signal's arguments."""
    button = window.station_screen.ui.printLabelButton
    assert button.isEnabled()
    with qtbot.waitSignal(getattr(window.vm, signal_name), timeout=15_000) as outcome:
        button.click()
    qtbot.waitUntil(lambda: not window.vm.busy)
    return outcome.args


def jobs(engine: Engine) -> list[tuple]:
    """(subject, target, status, reprint, reason, error, by, station) of every print job."""
    with Session(engine) as session:
        rows = session.execute(
            select(
                PrintJob.subject,
                PrintJob.target,
                PrintJob.status,
                PrintJob.is_reprint,
                PrintJob.reason,
                PrintJob.error,
                User.badge,
                Workstation.code,
            )
            .join(User, User.id == PrintJob.requested_by_id)
            .outerjoin(Workstation, Workstation.id == PrintJob.workstation_id)
            .order_by(PrintJob.id)
        ).all()
    return [tuple(row) for row in rows]


def test_print_label_writes_the_output_lot_to_the_pdf_folder_and_records_the_job(
    qtbot, running, plant, labels_folder
) -> None:
    (outcome,) = print_label(qtbot, running)
    (pdf,) = labels_folder.glob("*.pdf")
    assert pdf.name.startswith("lot-WO-1-") and pdf.read_bytes().startswith(b"%PDF")
    assert (outcome.subject, outcome.status, outcome.reprint) == ("WO-1", "printed", False)
    assert running.banner.kind == "ok"
    assert running.banner.text() == f"Label of lot WO-1 printed ({pdf.resolve()})."
    assert jobs(plant) == [("WO-1", f"pdf:{labels_folder}", "printed", False, None, None, OPERATOR, "WS-01")]


@pytest.mark.parametrize("label_target", ["tcp"], indirect=True)
def test_print_label_sends_zpl_to_a_raw_tcp_printer(qtbot, running, plant, listener) -> None:
    print_label(qtbot, running)
    listener.thread.join(10)
    (zpl,) = listener.jobs
    assert zpl.startswith(b"^XA") and zpl.rstrip().endswith(b"^XZ") and b"WO-1" in zpl
    assert running.banner.text() == f"Label of lot WO-1 printed (the printer at 127.0.0.1:{listener.port})."
    assert [row[:3] for row in jobs(plant)] == [("WO-1", f"tcp://127.0.0.1:{listener.port}", "printed")]


def test_a_reprint_asks_why_and_records_the_reason(qtbot, running, plant, operator, labels_folder) -> None:
    print_label(qtbot, running)

    operator.reasons = [None]  # asked why, the operator cancels: nothing is printed
    with qtbot.waitSignal(running.vm.reprint_reason_needed, timeout=15_000):
        running.station_screen.ui.printLabelButton.click()
    qtbot.waitUntil(lambda: not running.vm.busy)
    assert len(jobs(plant)) == 1 and len(list(labels_folder.glob("*.pdf"))) == 1

    operator.reasons = ["Label damaged"]
    print_label(qtbot, running)
    title, hint = operator.asked[-1]
    assert title == "Why print the label again?"
    assert hint.startswith("Lot WO-1 was printed before on ") and hint.endswith("a reprint needs a reason.")
    assert running.banner.text().startswith("Label of lot WO-1 printed again (")
    assert [row[2:5] for row in jobs(plant)] == [("printed", False, None), ("printed", True, "Label damaged")]
    assert len(list(labels_folder.glob("*.pdf"))) == 2


def test_without_an_output_lot_yet_the_terminal_says_so(qtbot, bus, clock, work_order, window, plant) -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    job(bus, clock, c.StartJob)
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()
    print_label(qtbot, window, "label_not_printed")
    assert window.banner.kind == "error"
    assert window.banner.text() == (
        "Label not printed. Work order WO-1 has no output lot yet: it is made with the first good count. "
        "Report good parts, then print the label."
    )
    assert jobs(plant) == []


@pytest.mark.parametrize("label_target", ["off"], indirect=True)
def test_a_printer_that_is_off_is_said_in_plain_words_and_the_job_is_failed(qtbot, running, plant, label_target):
    closed_port = int(label_target.rsplit(":", 1)[1])
    (work_order, error) = print_label(qtbot, running, "label_not_printed")
    sentence = (
        f"The printer at 127.0.0.1:{closed_port} refused the connection; is it switched on, "
        f"and is {closed_port} its raw port?"
    )
    assert (work_order, error.code) == ("WO-1", "device_unavailable")
    assert (running.banner.kind, running.banner.text()) == ("error", f"Label not printed. {sentence}")
    assert running.sounds.played[-1] == "error"
    assert [row[2:6] for row in jobs(plant)] == [("failed", False, None, sentence)]


@pytest.mark.parametrize("label_target", ["none"], indirect=True)
def test_a_station_without_a_label_printer_says_who_sets_one_up(qtbot, running, plant) -> None:
    print_label(qtbot, running, "label_not_printed")
    assert running.banner.text().startswith("Label not printed. No label printer is set up for this station;")
    assert jobs(plant) == []


# --- the label at completion -------------------------------------------------------------------------


@pytest.fixture
def last_operation(qtbot, bus, clock, work_order) -> None:
    """WO-1 operation 10 done at WS-01; Ada at WS-02 (badge only) with operation 20 running, 10 good."""
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    job(bus, clock, c.StartJob)
    job(bus, clock, c.ReportCount, good=Decimal(10))
    job(bus, clock, c.CompleteJob)
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-02", badge=OPERATOR))
    job(bus, clock, c.StartJob, station="WS-02", operation=20)
    job(bus, clock, c.ReportCount, station="WS-02", operation=20, good=Decimal(10))


def test_where_configured_the_label_is_printed_when_the_last_operation_completes(
    qtbot, last_operation, open_window, plant, operator, labels_folder
) -> None:
    window = open_window("WS-02", print_label_on_complete=True)
    with qtbot.waitSignal(window.vm.label_printed, timeout=15_000) as printed:
        window.station_screen.ui.completeButton.click()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert printed.args[0].subject == "WO-1"
    assert window.banner.text().startswith("Label of lot WO-1 printed (")
    assert len(list(labels_folder.glob("lot-WO-1-*.pdf"))) == 1
    assert [row[:3] + row[6:] for row in jobs(plant)] == [
        ("WO-1", f"pdf:{labels_folder}", "printed", OPERATOR, "WS-02")
    ]


def test_the_label_at_completion_after_an_earlier_print_is_a_reprint_with_its_reason(
    qtbot, last_operation, open_window, plant, operator
) -> None:
    window = open_window("WS-02", print_label_on_complete=True)
    print_label(qtbot, window)
    with qtbot.waitSignal(window.vm.label_printed, timeout=15_000):
        window.station_screen.ui.completeButton.click()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert operator.asked == []  # nobody is asked: the reason is the final quantity
    assert [row[3:5] for row in jobs(plant)] == [(False, None), (True, COMPLETION_REPRINT_REASON)]


def test_without_the_setting_completing_prints_nothing(qtbot, last_operation, open_window, plant, operator) -> None:
    window = open_window("WS-02")
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.station_screen.ui.completeButton.click()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert window.banner.text() == "Completed WO-1 operation 20."
    assert jobs(plant) == []
