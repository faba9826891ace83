"""Render the supervisor console offscreen to PNG in docs/screenshots/supervisor-*.png (docs/supervisor.md).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_supervisor_screenshots.py

Builds a temporary SQLite demo database (migrations and the demo plant), runs a little of a shift
through the services (a job, a count, a stop, a call for help), then grabs each tab at 1920x1080 and
the board at 1366x768. The clock is fixed, so the pictures are repeatable.
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
from mes_terminal.services import commands as c  # noqa: E402
from mes_terminal.services.demo import create_demo  # noqa: E402
from mes_terminal.services.supervisor import SupervisorService  # noqa: E402
from mes_terminal.ui.supervisor.launch import apply_supervisor_look  # noqa: E402
from mes_terminal.ui.supervisor.window import SupervisorWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
START = datetime(2026, 3, 2, 6, 5, tzinfo=UTC)
NEVER = 3_600_000


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_supervisor_look(app)
    clock = FixedClock(START)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.sqlite'}"
        application = build(load_settings(flags={"database_url": url}), clock=clock, require_schema=False, create=True)
        try:
            create_demo(application.engine, application.bus, clock)
            service = SupervisorService(application.engine, application.bus, clock)
            run_a_little_shift(service, clock)
            shoot(service)
        finally:
            application.close()


def run_a_little_shift(service: SupervisorService, clock: FixedClock) -> None:
    def do(cls, actor: str, **fields):
        try:
            return service.execute(cls(command_id=uuid.uuid4(), actor=actor, issued_at=clock.now(), **fields))
        except Exception as error:  # the demo may already have done it; the pictures go on
            print(f"skipped {cls.__name__}: {error}")
            return None

    do(c.SignIn, "B1001", station="WS-01", badge="B1001", pin="1001")
    do(c.SignIn, "B1003", station="WS-03", badge="B1003", pin="1003")
    ready = [r for r in service.dispatch_list("WS-01") if r.status in ("ready", "running")]
    if ready:
        job = {"station": "WS-01", "work_order": ready[0].work_order, "operation": ready[0].operation}
        do(c.StartJob, "B1001", **job)
        clock.advance(timedelta(minutes=25))
        do(c.ReportCount, "B1001", good=Decimal(18), **job)
    do(c.StartDowntime, "B1003", station="WS-03", reason=None)
    clock.advance(timedelta(minutes=7, seconds=12))
    do(c.CallSupervisor, "B1003", station="WS-03", message="Die stuck")
    clock.advance(timedelta(minutes=1, seconds=40))


def settle(window: SupervisorWindow) -> None:
    deadline = time.monotonic() + 20
    while window.vm.busy and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()
    window.board.on_tick()
    QApplication.processEvents()


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def shoot(service: SupervisorService) -> None:
    window = SupervisorWindow(service, poll_ms=NEVER, oee_ms=NEVER, listen=False)
    window.resize(1920, 1080)
    window.show()
    settle(window)
    window.sign_in_page.ui.badgeEdit.setText("B3001")
    save(window, "supervisor-sign-in")
    window.sign_in_page.ui.pinEdit.setText("3001")
    window.sign_in_page.ui.signInButton.click()
    settle(window)
    window.board.select_station("WS-01")
    settle(window)
    save(window, "supervisor-board")
    window.resize(1366, 768)
    settle(window)
    save(window, "supervisor-board-1366")
    window.resize(1920, 1080)
    for tab, name in (
        (window.ui.ordersTab, "supervisor-work-orders"),
        (window.ui.dispatchTab, "supervisor-dispatch"),
        (window.ui.auditTab, "supervisor-audit"),
        (window.ui.masterTab, "supervisor-master-data"),
    ):
        window.ui.tabs.setCurrentWidget(tab)
        settle(window)
        if tab is window.ui.masterTab:
            window.master.ui.sectionList.setCurrentRow(5)
            settle(window)
        save(window, name)
    # The genealogy of the order running at WS-01: its output lot and the steel that went into it.
    window.ui.tabs.setCurrentWidget(window.ui.genealogyTab)
    running = [r for r in service.dispatch_list("WS-01") if r.status == "running"]
    if running:
        window.genealogy.ui.lotEdit.setText(running[0].work_order)
        window.genealogy.on_trace_clicked()
        settle(window)
    save(window, "supervisor-genealogy")
    window.shutdown()
    window.close()


if __name__ == "__main__":
    main()
