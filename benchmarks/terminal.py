"""Benchmark: the operator terminal's responsiveness, each figure next to a bare-Qt baseline of the same run.

    QT_QPA_PLATFORM=offscreen python benchmarks/terminal.py [--scans 300] [--starts 5]

1. Scan -> banner painted, on the real window over a SQLite demo database:
   - an unknown scan that is no code at all (decided on the GUI thread, red banner; a bare code is first
     looked up among the lots on the worker thread);
   - a badge scan at a badge-only station (a SignIn command through the service on the worker thread,
     then the green banner);
   - a lot label scan at WS-01 with a job running (the lot resolved and a ConsumeLot executed through
     the service, then the banner; each scan takes a fresh small lot of the job's steel);
   against a bare QLabel's setText -> painted. Budget: p99 < 50 ms.
2. Cold start (a new process) against a bare PySide6 window of the same size with a 200-row table, to
   its first paint: the terminal interactive (schema and station checked, the sign-in screen painted
   and taking scans; the service stack still loading behind it) — budget < 2x — and the first paint
   with the station's data. mes_terminal's bytecode is compiled first, as an installed terminal has it.
A benchmark, not a test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import mes_terminal

if TYPE_CHECKING:
    from mes_terminal.bootstrap import Application

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BADGE_ONLY_STATION = "WS-05"  # the demo's packing station: a badge alone signs in, so a scan writes
LOT_STATION = "WS-01"  # the demo runs a job here that takes STEEL-2MM

BARE_WINDOW = """
import time; t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
app = QApplication([])
window = QMainWindow(); window.resize(1024, 768)
table = QTableWidget(200, 4); window.setCentralWidget(table)
for row in range(200):
    for col in range(4):
        table.setItem(row, col, QTableWidgetItem(f"{row}-{col}"))
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.perf_counter() - t0); app.exit(0)
        return False
spy = FirstPaint(); window.installEventFilter(spy); window.show(); app.exec()
"""

TERMINAL = """
import time; t0 = time.perf_counter()
import sys
from PySide6.QtCore import QEvent, QObject
from mes_terminal.cli.terminal_start import DeferredTerminalService
from mes_terminal.config import load_settings
from mes_terminal.db import preflight
from mes_terminal.domain.clock import SystemClock
from mes_terminal.ui.app import create_application
from mes_terminal.ui.terminal.options import TerminalOptions
from mes_terminal.ui.terminal.window import TerminalWindow
settings = load_settings(flags={"database_url": sys.argv[1], "station": "WS-01"})
preflight.check(settings.database_url, "WS-01")  # what `mes-terminal terminal` refuses before painting
app = create_application([])
service = DeferredTerminalService(settings)
options = TerminalOptions(refresh_ms=3_600_000, inactivity_minutes=0)
window = TerminalWindow(service, "WS-01", SystemClock(), options=options)
window.resize(1024, 768)
state = {"settled": False, "first": None}
class Paints(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if state["first"] is None:
                state["first"] = time.perf_counter() - t0  # the sign-in screen: scans are taken from here on
            if state["settled"] and window.vm.station is not None:
                print(state["first"], time.perf_counter() - t0); app.exit(0)
        return False
def settled():
    state["settled"] = True
    window.update()
spy = Paints(); window.installEventFilter(spy)
window.vm.settled.connect(settled)
window.show(); window.start(); app.exec(); window.shutdown(); service.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = _demo_database(Path(folder))
        _scan_to_banner(url, args.scans)
        _cold_start(url, args.starts)


def _demo_database(folder: Path) -> str:
    from mes_terminal.bootstrap import build
    from mes_terminal.config import load_settings
    from mes_terminal.services.demo.create import create_demo

    url = f"sqlite:///{folder / 'demo.sqlite'}"
    built = build(load_settings(flags={"database_url": url}), require_schema=False, create=True)
    create_demo(built.engine, built.bus, built.clock)
    built.close()
    return url


def _scan_to_banner(url: str, count: int) -> None:
    from PySide6.QtCore import QEvent, QEventLoop, QObject
    from PySide6.QtWidgets import QLabel

    from mes_terminal.bootstrap import build
    from mes_terminal.config import load_settings
    from mes_terminal.services.terminal import TerminalService
    from mes_terminal.ui.app import apply_terminal_look, create_application, freeze_startup_objects
    from mes_terminal.ui.terminal.options import TerminalOptions
    from mes_terminal.ui.terminal.view_model import TerminalViewModel
    from mes_terminal.ui.terminal.window import TerminalWindow

    app = create_application([])
    apply_terminal_look(app)
    built = build(load_settings(flags={"database_url": url}))

    class PaintedWhen(QObject):
        """Notes the first paint of a widget at which `ready()` holds: what the operator sees."""

        def __init__(self, ready: Callable[[], bool]) -> None:
            super().__init__()
            self.ready = ready
            self.seen = False
            self.loop = QEventLoop()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.ready():
                self.seen = True
                self.loop.quit()
            return False

    def until_painted(widget: QLabel, act: Callable[[], None], ready: Callable[[], bool] = lambda: True) -> float:
        spy = PaintedWhen(ready)
        widget.installEventFilter(spy)
        started = time.perf_counter()
        act()
        if not spy.seen:
            # Waiting in an event loop, as the terminal does: a loop of processEvents() would take the
            # interpreter back from the worker thread every few milliseconds and slow down both.
            spy.loop.exec()
        elapsed = time.perf_counter() - started
        widget.removeEventFilter(spy)
        return elapsed

    def until_settled(vm: TerminalViewModel, done: Callable[[], bool]) -> None:
        loop = QEventLoop()
        vm.settled.connect(loop.quit)
        while vm.busy or not done():
            loop.exec()
        vm.settled.disconnect(loop.quit)

    bare = QLabel("ready")
    bare.resize(1024, 60)
    bare.show()
    baseline = [until_painted(bare, lambda n=n: bare.setText(f"Scan {n} read")) for n in range(count)]

    options = TerminalOptions(refresh_ms=3_600_000, inactivity_minutes=0, sounds=False)
    service = TerminalService(built.engine, built.bus, built.clock)
    window = TerminalWindow(service, BADGE_ONLY_STATION, built.clock, options=options)
    window.resize(1024, 768)
    window.show()
    window.start()
    freeze_startup_objects()  # as run_terminal does
    until_settled(window.vm, lambda: window.vm.station is not None)
    unknown = [  # "NONSENSE 1" is no code at all: decided at once, no lot looked up
        until_painted(window.banner, lambda n=n: window.scan_router.route(f"NONSENSE {n}")) for n in range(count)
    ]

    sign_ins = []
    for _ in range(min(count, 100)):  # sign in by scan (timed), then out again through the view-model
        window.banner.clear_message()
        app.processEvents()  # paints what is due (the cleared banner, the sign-in screen): a quiet terminal
        sign_ins.append(
            until_painted(
                window.banner, lambda: window.scan_router.route("BADGE:B1001"), lambda: window.banner.kind == "ok"
            )
        )
        window.vm.sign_out("B1001")
        until_settled(window.vm, lambda: window.vm.station is not None and not window.vm.station.operators)
    window.close()  # shuts it down

    # Lot scans: Anna signed in where the demo's job runs, and one small steel lot per scan, so that
    # every scan is taken (the bill of materials asks for far more than all of them together).
    lots = [f"BENCH-{n}" for n in range(count)]
    _prepare_lot_scans(built, lots)
    window = TerminalWindow(service, LOT_STATION, built.clock, options=options)
    window.resize(1024, 768)
    window.show()
    window.start()
    until_settled(window.vm, lambda: window.vm.station is not None and window.vm.active_badge is not None)
    consumed = []
    for lot in lots:
        window.banner.clear_message()
        app.processEvents()
        consumed.append(
            until_painted(
                window.banner, lambda lot=lot: window.scan_router.route(f"LOT:{lot}"), lambda: window.banner.kind != ""
            )
        )
        taken = window.banner.kind in ("ok", "warn")  # warn: an older lot should be used first
        until_settled(window.vm, lambda: True)
        if not taken:
            raise SystemExit(f"lot {lot} was not taken: {window.banner.text()}")
    window.shutdown()
    built.close()

    print(f"Scan -> banner painted ({count} scans; budget p99 < 50 ms)")
    _row("bare QLabel setText", baseline)
    _row("unknown scan", unknown)
    _row("badge scan, SignIn", sign_ins)
    _row("lot scan, ConsumeLot", consumed)
    print()


def _prepare_lot_scans(built: Application, lots: list[str]) -> None:
    import uuid
    from decimal import Decimal

    from mes_terminal.services.commands import catalog as c

    bus, now = built.bus, built.clock.now
    bus.execute(
        c.SignIn(
            command_id=uuid.uuid4(), actor="B1001", issued_at=now(), station=LOT_STATION, badge="B1001", pin="1001"
        )
    )
    for lot in lots:
        bus.execute(
            c.ReceiveLot(
                command_id=uuid.uuid4(),
                actor="B1001",
                issued_at=now(),
                lot=lot,
                material="STEEL-2MM",
                quantity=Decimal("0.01"),
            )
        )


def _cold_start(url: str, starts: int) -> None:
    # An installed terminal has its bytecode (a wheel install or the bundle compiles it); a source
    # checkout run with PYTHONDONTWRITEBYTECODE would compile every module at every start instead.
    compileall.compile_dir(Path(mes_terminal.__file__).parent, quiet=1)
    bare, terminal = [], []
    for _ in range(starts):  # taken in turns, so a change in the machine's load hits both alike
        bare.append(_child(BARE_WINDOW)[0])
        terminal.append(_child(TERMINAL, url))
    interactive = statistics.median(t[0] for t in terminal)
    loaded = statistics.median(t[1] for t in terminal)
    bare_median = statistics.median(bare)
    print(f"Cold start ({starts} starts each, median; budget: terminal interactive < 2x bare)")
    for label, seconds in (
        ("bare window, 200-row table, first paint", bare_median),
        ("terminal interactive (sign-in screen painted)", interactive),
        ("terminal with the station's data painted", loaded),
    ):
        print(f"   {label:<46} {seconds * 1000:7.0f} ms   {seconds / bare_median:.2f}x")


def _child(script: str, *argv: str) -> tuple[float, ...]:
    done = subprocess.run(
        [sys.executable, "-c", script, *argv], capture_output=True, text=True, check=True, timeout=120
    )
    return tuple(float(figure) for figure in done.stdout.strip().splitlines()[-1].split())


def _row(label: str, seconds: list[float]) -> None:
    ordered = sorted(seconds)
    p50 = ordered[len(ordered) // 2] * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    print(f"   {label:<22} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")


if __name__ == "__main__":
    main()
