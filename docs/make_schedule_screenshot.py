"""Render the supervisor console's Schedule tab offscreen to docs/screenshots/supervisor-schedule.png
(docs/scheduling.md).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_schedule_screenshot.py

Builds a temporary SQLite demo database, releases its orders, stops one station (a breakdown), and at
1280x800 grabs the tab after "Reschedule without" that station until an hour from now, with one
operation locked and another selected. The clock is fixed and the solver runs with one worker and a fixed seed, so the
picture is repeatable on an idle machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from mes_terminal.bootstrap import build  # noqa: E402
from mes_terminal.config import load_settings  # noqa: E402
from mes_terminal.domain.clock import FixedClock  # noqa: E402
from mes_terminal.services.commands import catalog as c  # noqa: E402
from mes_terminal.services.demo.create import create_demo  # noqa: E402
from mes_terminal.services.supervisor import SupervisorService  # noqa: E402
from mes_terminal.ui.supervisor.launch import apply_supervisor_look  # noqa: E402
from mes_terminal.ui.supervisor.window import SupervisorWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "supervisor-schedule.png"
START = datetime(2026, 3, 2, 6, 5, tzinfo=UTC)
NEVER = 3_600_000
BADGE, PIN = "B3001", "3001"


def settle(window: SupervisorWindow) -> None:
    deadline = time.monotonic() + 60
    while (window.vm.busy or window.schedule.model.solving) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_supervisor_look(app)
    clock = FixedClock(START)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.sqlite'}"
        application = build(load_settings(flags={"database_url": url}), clock=clock, require_schema=False, create=True)
        try:
            create_demo(application.engine, application.bus, clock)
            application.bus.execute(
                c.StartDowntime(
                    command_id=uuid.uuid4(),
                    actor=BADGE,
                    issued_at=clock.now() - timedelta(minutes=20),
                    station=_last_station(application),
                )
            )
            service = SupervisorService(application.engine, application.bus, clock)
            shoot(service)
        finally:
            application.close()


def _last_station(application) -> str:
    from mes_terminal.services.planning.planner import read_facts

    return read_facts(application.engine).stations[-1].code


def shoot(service: SupervisorService) -> None:
    window = SupervisorWindow(service, poll_ms=NEVER, oee_ms=NEVER, listen=False)
    window.resize(1280, 800)
    window.show()
    settle(window)
    window.sign_in_page.ui.badgeEdit.setText(BADGE)
    window.sign_in_page.ui.pinEdit.setText(PIN)
    window.sign_in_page.ui.signInButton.click()
    settle(window)
    page = window.schedule
    page.model.time_limit = 5.0
    window.ui.tabs.setCurrentWidget(window.ui.scheduleTab)
    settle(window)
    page.offers[0].button.click()  # "Reschedule without WS-06 until" an hour from now
    settle(window)
    bars = [bar for lane in page.gantt.chart.lanes for bar in lane.bars] if page.gantt.chart else []
    if bars:
        page.model.set_locked(bars[len(bars) // 2].key, True)
        page.gantt.select(bars[0].key)
    settle(window)
    window.grab().save(str(OUT))
    print(OUT.relative_to(ROOT))
    window.shutdown()


if __name__ == "__main__":
    main()
