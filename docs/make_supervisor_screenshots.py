"""Render the supervisor console offscreen to PNG in docs/screenshots/supervisor-*.png (docs/supervisor.md).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_supervisor_screenshots.py

Builds a temporary SQLite demo database (migrations and the demo plant with its days of history), runs
a little of a shift through the services (a job, a count, a stop, a call for help, two nonconformances
and a held lot), then grabs each tab at 1920x1080 (the reports tab once per report), the board at
1280x800, and the disposition and print dialogs. The clock is fixed, so the pictures are repeatable.
"""

from __future__ import annotations

import os
import random
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

from PySide6.QtCore import QDate, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from mes_terminal.bootstrap import build  # noqa: E402
from mes_terminal.config import load_settings  # noqa: E402
from mes_terminal.db.records import Lot  # noqa: E402
from mes_terminal.domain.clock import FixedClock  # noqa: E402
from mes_terminal.services.commands import catalog as c  # noqa: E402
from mes_terminal.services.demo.create import create_demo  # noqa: E402
from mes_terminal.services.reports.scope import Scope  # noqa: E402
from mes_terminal.services.supervisor import SupervisorService  # noqa: E402
from mes_terminal.ui.supervisor.disposition_dialog import DispositionDialog  # noqa: E402
from mes_terminal.ui.supervisor.launch import apply_supervisor_look  # noqa: E402
from mes_terminal.ui.supervisor.print_dialog import PrintDialog  # noqa: E402
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
            service = SupervisorService(application.engine, application.bus, clock, label_printer="tcp://10.1.2.3:9100")
            run_a_little_shift(service, clock)
            keep_a_conflict(service, application.bus, clock, Path(folder) / "outbox.sqlite")
            shoot(service)
        finally:
            application.close()


def _blocked(row) -> bool:
    """The terminal's Start would refuse it (an order on hold reads "ready" as an operation status)."""
    return any(reason.blocking for reason in row.reasons)


def run_a_little_shift(service: SupervisorService, clock: FixedClock) -> None:
    def do(cls, actor: str, **fields):
        try:
            return service.execute(cls(command_id=uuid.uuid4(), actor=actor, issued_at=clock.now(), **fields))
        except Exception as error:  # the demo may already have done it; the pictures go on
            print(f"skipped {cls.__name__}: {error}")
            return None

    do(c.SignIn, "B1001", station="WS-01", badge="B1001", pin="1001")
    do(c.SignIn, "B1003", station="WS-03", badge="B1003", pin="1003")
    ready = [r for r in service.dispatch_list("WS-01") if r.status in ("ready", "running") and not _blocked(r)]
    if ready:
        job = {"station": "WS-01", "work_order": ready[0].work_order, "operation": ready[0].operation}
        do(c.StartJob, "B1001", **job)
        clock.advance(timedelta(minutes=25))
        do(c.ReportCount, "B1001", good=Decimal(18), **job)
    # The lengths are measured on the job just started, or on the one the demo left running at WS-01.
    running = [r for r in service.dispatch_list("WS-01") if r.status == "running"]
    target = ready[0] if ready else (running[0] if running else None)
    if target is not None:
        measured = {"station": "WS-01", "work_order": target.work_order, "operation": target.operation}
        # Lengths measured through the morning (spec 119.8 .. 120.2), for SPC to show what it catches: a
        # 120.45 mm blank inside the 25-value baseline (judged, out of spec, left out of the limits), a jump
        # beyond the control limits still inside spec, and a blank beyond the upper spec limit at the end.
        rng = random.Random(7)
        odd = {6: 120.45, 28: 120.14, 31: 120.26}
        for index in range(32):
            value = f"{odd.get(index, 120.0 + rng.gauss(0, 0.025)):.3f}"
            do(c.RecordCheck, "B1001", checklist="CUT-FAI", item="LEN", value=value, **measured)
            clock.advance(timedelta(seconds=30))
    do(c.StartDowntime, "B1003", station="WS-03", reason=None)
    clock.advance(timedelta(minutes=7, seconds=12))
    do(c.CallSupervisor, "B1003", station="WS-03", message="Die stuck")
    # Quality: a burr found on the running job's lot, a supplier lot with rust, and a lot held by the supervisor.
    with service.engine.connect() as connection:
        raw = (
            connection.execute(
                select(Lot.number)
                .where(Lot.status == "available", Lot.produced_by_operation_id.is_(None))
                .order_by(Lot.id)
            )
            .scalars()
            .all()
        )
    signed = {"pin": "1001", "meaning": "reported"}
    if ready:
        do(c.RaiseNonconformance, "B1001", defect_code="BURR", description="Burr on the bend edge, 12 parts",
           lot=ready[0].work_order, hold=True, **signed)  # fmt: skip
    if len(raw) >= 2:
        do(c.RaiseNonconformance, "B1001", defect_code="RUST", description="Rust spots on the top sheets",
           lot=raw[0], hold=True, **signed)  # fmt: skip
        do(c.HoldLot, "B3001", lot=raw[1], reason="Supplier alert: coil mix-up")
    clock.advance(timedelta(minutes=1, seconds=40))


def keep_a_conflict(service: SupervisorService, bus, clock: FixedClock, outbox_file: Path) -> None:
    """A lot scan WS-01 saved while offline, delivered after the lot was held: kept for the supervisor."""
    from mes_terminal.services.commands.delivery import OutboxDelivery
    from mes_terminal.services.commands.outbox import Outbox

    with bus.engine.connect() as connection:
        held = connection.execute(select(Lot.number).where(Lot.status == "on_hold").limit(1)).scalar()
    jobs = [r for r in service.dispatch_list("WS-01") if r.status == "running"]
    running = (jobs[0].work_order, jobs[0].operation) if jobs else None
    if held is None or running is None:
        print("skipped the conflict: no held lot or no job running at WS-01")
        return
    scan = c.ConsumeLot(
        command_id=uuid.uuid4(), actor="B1001", issued_at=clock.now(), station="WS-01",
        work_order=running[0], operation=running[1], lot=held, quantity=Decimal(2), entry="scanned",
    )  # fmt: skip
    outbox = Outbox(outbox_file)
    outbox.put(scan)
    OutboxDelivery(outbox, bus, clock).deliver()


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
    window.resize(1280, 800)  # a laptop or a 1280x800 panel: every column read at a glance, no scrolling
    settle(window)
    window.board.fit_columns()
    save(window, "supervisor-board-1280")
    window.resize(1920, 1080)
    for tab, name in (
        (window.ui.ordersTab, "supervisor-work-orders"),
        (window.ui.dispatchTab, "supervisor-dispatch"),
        (window.conflicts, "supervisor-conflicts"),
        (window.ui.auditTab, "supervisor-audit"),
        (window.ui.masterTab, "supervisor-master-data"),
    ):
        window.ui.tabs.setCurrentWidget(tab)
        settle(window)
        if tab is window.ui.masterTab:
            window.master.ui.sectionList.setCurrentRow(5)
            settle(window)
        if tab is window.ui.dispatchTab:  # the assembly bench: a ready job beside one on hold
            window.dispatch.ui.stationCombo.setCurrentText("WS-04")
            settle(window)
        if tab is window.ui.auditTab:  # a change with its reason: who, what, old -> new, why, and the raw record
            events = window.audit.model.events
            ranked = sorted(range(len(events)), key=lambda i: ("before" not in events[i].payload, i))
            changed = ranked[0] if ranked else 0
            window.audit.ui.auditView.selectRow(changed)
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
    shoot_quality(window)
    shoot_reports(window, service)
    shoot_print_dialog(window, service, running[0].work_order if running else None)
    window.shutdown()
    window.close()


def shoot_quality(window: SupervisorWindow) -> None:
    window.ui.tabs.setCurrentWidget(window.ui.qualityTab)
    settle(window)
    if window.quality.nc_model.items:
        window.quality.ui.ncView.selectRow(0)
        settle(window)
        dialog = DispositionDialog(window, window.quality.nc_model.items[0], window.quality.two_person)
        dialog.decision_buttons["rework"].setChecked(True)
        dialog.comment_edit.setPlainText("Deburr the 12 parts at the bench; re-inspect before packing.")
        dialog.badge_edit.setText("B4001")
        dialog.pin_edit.setText("4001")
        dialog.show()
        save(dialog, "supervisor-disposition")
        dialog.close()
    save(window, "supervisor-quality")


def shoot_reports(window: SupervisorWindow, service: SupervisorService) -> None:
    page = window.reports
    window.ui.tabs.setCurrentWidget(window.ui.reportsTab)
    settle(window)
    today = QDate(START.year, START.month, START.day)
    page.ui.fromEdit.setDate(today.addDays(-6))
    page.ui.toEdit.setDate(today.addDays(-1))
    page.select_scope(Scope("line", "L1"))
    page.on_show_clicked()
    settle(window)
    # The drill-down of WS-01 in its first shift with output.
    busy = next((i for i, r in enumerate(page.oee_model.rows) if r.level == "shift" and r.total_count), 0)
    page.ui.oeeView.selectRow(busy)
    settle(window)
    page.ui.explainView.expandToDepth(1)
    save(window, "supervisor-reports-oee")
    for tab, name in ((page.ui.downtimeTab, "downtime"), (page.ui.scrapTab, "scrap")):
        page.ui.reportTabs.setCurrentWidget(tab)
        settle(window)
        save(window, f"supervisor-reports-{name}")
    page.ui.reportTabs.setCurrentWidget(page.ui.spcTab)
    combo = page.ui.characteristicCombo
    combo.setCurrentIndex(max(combo.findText("CUT-FAI/LEN", Qt.MatchFlag.MatchStartsWith), 0))
    page.on_spc_clicked()
    settle(window)
    save(window, "supervisor-reports-spc")


def shoot_print_dialog(window: SupervisorWindow, service: SupervisorService, work_order: str | None) -> None:
    if work_order is None:
        return
    preview = service.printing.preview_traveler(work_order)
    dialog = PrintDialog(window, preview, ["Office-Laser"])
    dialog.path_edit.setText(f"/home/supervisor/traveler-{work_order}.pdf")
    dialog.show()
    save(dialog, "supervisor-print-preview")
    dialog.close()


if __name__ == "__main__":
    main()
