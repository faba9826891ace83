"""Render every terminal screen offscreen to PNG in docs/screenshots/ (see docs/terminal.md).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py

Builds a temporary SQLite demo database with the migrations and the demo plant, signs an operator in
and runs a job through the service (so that the screens have content), then grabs each screen at
1280x800 (the station screen also at 1024x768 and 1920x1080, and in German). The clock is fixed, so the
pictures are repeatable.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mes_terminal.bootstrap import build  # noqa: E402
from mes_terminal.config import load_settings  # noqa: E402
from mes_terminal.domain.clock import FixedClock  # noqa: E402
from mes_terminal.services.commands import catalog as c  # noqa: E402
from mes_terminal.services.demo.create import create_demo  # noqa: E402
from mes_terminal.services.terminal import TerminalService  # noqa: E402
from mes_terminal.ui.app import create_application  # noqa: E402
from mes_terminal.ui.terminal import wording  # noqa: E402
from mes_terminal.ui.terminal.checklist_dialog import ChecklistDialog  # noqa: E402
from mes_terminal.ui.terminal.downtime_dialog import DowntimeDialog  # noqa: E402
from mes_terminal.ui.terminal.options import TerminalOptions  # noqa: E402
from mes_terminal.ui.terminal.window import TerminalWindow  # noqa: E402
from mes_terminal.ui.widgets.choice_dialog import ReasonDialog  # noqa: E402
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog  # noqa: E402
from mes_terminal.ui.widgets.quantity_dialog import QuantityDialog  # noqa: E402
from mes_terminal.ui.widgets.text_dialog import TextDialog  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
START = datetime(2026, 3, 2, 6, 5, tzinfo=UTC)
OPTIONS = TerminalOptions(sounds=False, refresh_ms=3_600_000, inactivity_minutes=0)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    clock = FixedClock(START)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.sqlite'}"
        application = build(load_settings(flags={"database_url": url}), clock=clock, require_schema=False, create=True)
        try:
            create_demo(application.engine, application.bus, clock)
            service = TerminalService(application.engine, application.bus, clock)
            run_a_job(service, clock)
            shoot(app, service, clock)
        finally:
            application.close()


def run_a_job(service: TerminalService, clock: FixedClock) -> None:
    def do(cls, **fields):
        return service.execute(cls(command_id=uuid.uuid4(), issued_at=clock.now(), station="WS-01", **fields))

    do(c.SignIn, actor="B1001", badge="B1001", pin="1001")
    clock.advance(timedelta(minutes=2))
    do(c.SignIn, actor="B1002", badge="B1002", pin="1002")
    # The demo may already run a job at WS-01; otherwise start the first ready one.
    running = [i for i in service.dispatch_list("WS-01") if i.readiness == "running_here"]
    item = running[0] if running else next(i for i in service.dispatch_list("WS-01") if i.readiness == "ready")
    job = {"work_order": item.work_order, "operation": item.operation}
    if not running:
        do(c.StartJob, actor="B1001", **job)
    clock.advance(timedelta(minutes=38))
    do(c.ReportCount, actor="B1001", good=Decimal(24), **job)
    station = service.station("WS-01")
    job_view = next(j for j in station.jobs if (j.work_order, j.operation) == (item.work_order, item.operation))
    scrap = next(r for r in service.scrap_reasons() if r.applies_to(station, job_view)).code
    do(c.ReportCount, actor="B1001", scrap=Decimal(3), scrap_reason=scrap, **job)
    clock.advance(timedelta(minutes=4, seconds=17))


def oldest_lot(service: TerminalService, material: str) -> str:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from mes_terminal.db.records import Lot, Material

    with Session(service._engine) as session:
        return session.scalars(
            select(Lot.number)
            .join(Material)
            .where(Material.code == material)
            .order_by(Lot.created_at, Lot.number)
            .limit(1)
        ).one()


def window_for(service: TerminalService, clock: FixedClock, station: str, size: tuple[int, int]) -> TerminalWindow:
    window = TerminalWindow(service, station, clock, options=OPTIONS)
    window.resize(*size)
    window.show()
    window.start()
    settle(window)
    return window


def settle(window: TerminalWindow) -> None:
    deadline = time.monotonic() + 20
    while (window.vm.busy or window.vm.station is None) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def shoot(app: QApplication, service: TerminalService, clock: FixedClock) -> None:
    # Sign-in: a station nobody is signed in at, a badge just scanned.
    window = window_for(service, clock, "WS-03", (1280, 800))
    save(window, "sign-in")
    window.scan_router.route("BADGE:B1003")
    window.sign_in_screen.ui.pinEdit.setText("10")
    save(window, "sign-in-badge-scanned")
    window.close()

    # The station with a running job, at both sizes.
    window = window_for(service, clock, "WS-01", (1280, 800))
    save(window, "station-running")
    window.resize(1920, 1080)
    settle(window)
    save(window, "station-running-1920")
    window.resize(1024, 768)
    settle(window)
    save(window, "station-running-1024")
    window.resize(1280, 800)
    settle(window)
    window.languages.switch("de")  # the same screen in German: words, units (Stk), the message on show
    window.on_feedback(
        "ok",
        wording.succeeded(
            c.ResumeJob(
                command_id=uuid.uuid4(),
                actor="B1001",
                issued_at=clock.now(),
                station="WS-01",
                work_order=window.vm.station.jobs[0].work_order,
                operation=window.vm.station.jobs[0].operation,
            ),
            {},
        ),
    )
    settle(window)
    save(window, "station-running-de")
    window.languages.switch("en")
    settle(window)

    # A lot label scanned into the running job: the Materials panel with its line filled green.
    window.scan_router.route(oldest_lot(service, "STEEL-2MM"))  # a plain lot number, as suppliers print it
    settle(window)
    save(window, "materials-scanned")
    window.station_screen.ui.materialsButton.setChecked(False)
    settle(window)

    shoot_checklist(window, service)
    shoot_short_close_and_keyed_lot(window)

    # Dialogs over the station screen.
    keypad = QuantityDialog(
        window,
        "Good parts",
        "pcs",
        hint=f"{window.vm.station.jobs[0].work_order} operation 10: how many good parts since the last report?",
    )
    for key in "24":
        keypad.on_key_pressed(key)
    keypad.show()
    save(keypad, "keypad")
    keypad.close()
    job = window.vm.current_job()
    offered = window.vm.scrap_reasons_for(job) if job is not None else window.vm.scrap_reasons
    scrap = ReasonDialog(window, "Why are 3 pcs scrap?", offered)
    scrap.show()
    save(scrap, "scrap-reasons")
    scrap.close()
    shoot_downtime_dialog(window)
    reprint = TextDialog(
        window,
        "Why print the label again?",
        hint="Lot WO-2603-002 was printed before on 2026-03-02 06:41 UTC; a reprint needs a reason.",
        suggestions=("Label damaged", "Label lost", "Printer jammed", "Another copy needed"),
        confirm="Print again",
    )
    reprint.suggestion_buttons[0].click()
    reprint.show()
    save(reprint, "reprint-reason")
    reprint.close()

    # The station down: the job paused with a reason and a comment, the stop's time running.
    job = window.vm.station.jobs[0]
    service.execute(
        c.PauseJob(
            command_id=uuid.uuid4(),
            actor="B1001",
            issued_at=clock.now(),
            station="WS-01",
            work_order=job.work_order,
            operation=job.operation,
            reason="MECH",
            comment="Clamp does not close",
        )
    )
    clock.advance(timedelta(minutes=6, seconds=42))
    window.vm.refresh()
    settle(window)
    window.on_clock_tick()
    save(window, "station-down")
    window.close()

    # The dispatch list of a station where an operator is signed in but nothing runs yet.
    service.execute(
        c.SignIn(
            command_id=uuid.uuid4(), actor="B1004", issued_at=clock.now(), station="WS-04", badge="B1004", pin="1004"
        )
    )
    window = window_for(service, clock, "WS-04", (1280, 800))
    save(window, "dispatch-list")
    window.languages.switch("de")  # the same list in German: readiness reasons translated too
    settle(window)
    save(window, "dispatch-list-de")
    window.languages.switch("en")
    settle(window)

    # The machine at WS-04 stops by itself: the stop needs its reason.
    service.execute(
        c.MachineState(command_id=uuid.uuid4(), actor="B1004", issued_at=clock.now(), station="WS-04", state="stopped")
    )
    clock.advance(timedelta(minutes=2, seconds=10))
    window.vm.refresh()
    settle(window)
    window.on_clock_tick()
    save(window, "station-reason-needed")
    window.close()


def shoot_short_close_and_keyed_lot(window: TerminalWindow) -> None:
    """Complete short of the target: one question, naming the shortfall; a torn label's lot number keyed in."""
    job = window.vm.current_job()
    done = job.good + job.scrap
    confirm = ConfirmDialog(
        window,
        "Complete with a short close?",
        f"{job.work_order} operation {job.operation} {job.operation_name}: "
        f"{wording.quantity(done)} of {wording.quantity(job.target)} pcs: {wording.quantity(job.target - done)} short.",
        "Complete with short close",
        "Keep the job open",
    )
    confirm.show()
    save(confirm, "short-close")
    confirm.close()
    keyed = TextDialog(
        window,
        "Key in the lot number",
        hint="For a label that cannot be scanned. The lot is recorded as keyed, not scanned.",
        confirm="Take the lot",
        capitals=True,
        max_length=64,
    )
    for key in "r-2603-04a":
        keyed.keyboard.buttons[key].click()
    keyed.show()
    save(keyed, "lot-keyed")
    keyed.close()


def shoot_downtime_dialog(window: TerminalWindow) -> None:
    """The reason tree one level down, then the comment on the on-screen keyboard."""
    dialog = DowntimeDialog(
        window,
        "Why does the station stop?",
        window.vm.downtime_tree,
        hint=f"{window.vm.station.jobs[0].work_order} operation 10 pauses; Resume ends the downtime.",
    )
    dialog.show()
    save(dialog, "downtime-reasons")
    dialog.buttons["BREAKDOWN"].click()
    save(dialog, "downtime-breakdown")
    dialog.buttons["MECH"].click()
    dialog.keyboard.buttons["shift"].click()
    for key in "clamp does not close":
        dialog.keyboard.buttons["space" if key == " " else key].click()
    save(dialog, "downtime-comment")
    dialog.close()


def shoot_checklist(window: TerminalWindow, service: TerminalService) -> None:
    """The checklist of the running job: a length on the keypad with its limits and bar; a pass/fail item."""
    job = window.vm.station.jobs[0]
    dialog = ChecklistDialog(window, service.checklist(job.work_order, job.operation))
    items = dialog.checklist.items
    dialog.position = next(i for i, item in enumerate(items) if item.kind == "numeric")
    dialog.redraw()
    target = items[dialog.position].target or Decimal(0)
    for key in format((target + Decimal("0.15")).normalize(), "f"):
        dialog.on_key_pressed(key)
    dialog.show()
    save(dialog, "checklist")
    dialog.position = next(i for i, item in enumerate(items) if item.kind == "pass_fail")
    dialog.redraw()
    save(dialog, "checklist-pass-fail")
    dialog.close()


if __name__ == "__main__":
    main()
