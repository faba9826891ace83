"""`mes-terminal doctor`: is this machine ready to run MES Terminal? One line per check, exit 0 when all pass.

    ok    settings   /home/op/.config/mes-terminal/settings.toml
    ok    database   postgresql+psycopg://mes@db/mes answers (PostgreSQL 15.6); schema at head (0002)
    ok    station    WS-01 · Laser cutter (Bracket line)
    ok    scanner    keyboard wedge
    FAIL  printer    The printer at 10.1.2.3:9100 does not answer: Connection refused.
    ok    qt         platform xcb; 41 font families; default font DejaVu Sans

Qt is probed in a child process (the same program with a hidden flag): a platform plugin that cannot
load aborts its process, and the doctor must live to report it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mes_terminal.cli.common import EXIT_FAILURE, EXIT_OK, settings_from
from mes_terminal.domain.errors import MesError

QT_PROBE_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Finding:
    ok: bool
    check: str
    detail: str

    def line(self) -> str:
        return f"{'ok' if self.ok else 'FAIL':<5} {self.check:<10} {self.detail}"


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    doctor = sub.add_parser(
        "doctor", parents=[data], help="check settings, database, scanner, printer and Qt; one line each"
    )
    doctor.add_argument("--qt-probe", action="store_true", help=argparse.SUPPRESS)
    doctor.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.qt_probe:
        return _qt_probe()
    failed = False
    for finding in findings(args):
        print(finding.line(), flush=True)
        failed |= not finding.ok
    return EXIT_FAILURE if failed else EXIT_OK


def findings(args: argparse.Namespace) -> list[Finding]:
    """Every check in order; a check that cannot run because an earlier one failed says so."""
    from mes_terminal.config import settings_file

    try:
        settings = settings_from(args)
    except MesError as error:
        return [Finding(False, "settings", error.message)]
    where = str(settings.file) if settings.file else f"no settings file at {settings_file()}; defaults and environment"
    out = [Finding(True, "settings", where)]
    qt = _run_qt_probe()
    probe = _attempt(out, "database", lambda: _database(settings.database_url))
    if probe is not None:
        out.append(_station(settings.station, probe))
    elif settings.station:
        out.append(Finding(False, "station", f"{settings.station} cannot be checked without the database"))
    _attempt(out, "scanner", lambda: _scanner(settings.terminal))
    _attempt(out, "printer", lambda: _printer(settings.printer.get("label"), qt.get("printers")))
    out.append(
        Finding(True, "qt", f"platform {qt['platform']}; {qt['families']} font families; default font {qt['font']}")
        if "error" not in qt and qt["families"]
        else Finding(False, "qt", qt.get("error") or "Qt finds no fonts; install a font package (fonts-dejavu-core).")
    )
    return out


def _attempt(out: list[Finding], check: str, work: Callable[[], tuple[str, Any]]) -> Any:
    """Append the finding of `work` (a phrase and a value); the value, or None when it failed."""
    try:
        detail, value = work()
    except MesError as error:
        out.append(Finding(False, check, error.message))
        return None
    out.append(Finding(True, check, detail))
    return value


def _database(url: str) -> tuple[str, Any]:
    from mes_terminal.bootstrap import connect
    from mes_terminal.services.plant.station_setup import StationSetupService

    probe = StationSetupService(connect).probe(url)
    version = f" {probe.server_version}" if probe.server_version else ""
    return f"{probe.url} answers ({probe.backend}{version}); schema at head ({probe.revision})", probe


def _station(code: str | None, probe: Any) -> Finding:
    if not code:
        return Finding(True, "station", "not set (an operator terminal needs one; the supervisor console does not)")
    for choice in probe.stations:
        if choice.code == code:
            return Finding(True, "station", choice.label)
    known = ", ".join(choice.code for choice in probe.stations) or "none"
    return Finding(False, "station", f"There is no active workstation {code} in this database (it has: {known}).")


def _scanner(terminal: Any) -> tuple[str, None]:
    from mes_terminal.devices.reachability import check_serial_port

    url = terminal.get("scanner_url")
    if not url:
        return "keyboard wedge (no serial scanner set)", None
    opened = check_serial_port(url, int(terminal.get("scanner_baudrate", 9600)))
    return f"{opened}, terminator {terminal.get('scanner_terminator', 'CR')}", None


def _printer(target_text: str | None, system_printers: list[str] | None) -> tuple[str, None]:
    from mes_terminal.devices.reachability import check_printer
    from mes_terminal.domain.setup_fields import parse_printer_target

    if not target_text:
        return "no label printer set", None
    return check_printer(parse_printer_target(target_text), system_printers), None


# --- Qt, in a child process ----------------------------------------------------------------------


def own_command() -> list[str]:
    """How to start this program again: the bundle's executable, or this Python with the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "mes_terminal"]


def _run_qt_probe() -> dict[str, Any]:
    import subprocess  # only the doctor pays for it, not every start of the terminal

    try:
        done = subprocess.run(
            [*own_command(), "doctor", "--qt-probe"],
            capture_output=True,
            text=True,
            timeout=QT_PROBE_TIMEOUT_SECONDS,
            env={**os.environ, "QT_LOGGING_RULES": "*.debug=false"},
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return {"error": f"Qt could not be probed ({error})."}
    lines = done.stdout.strip().splitlines()
    if done.returncode == 0 and lines:
        try:
            return json.loads(lines[-1])
        except json.JSONDecodeError:
            pass
    said = [line for line in done.stderr.strip().splitlines() if line.strip()]
    reason = said[0].strip() if said else f"exit status {done.returncode}"
    return {"error": f"Qt cannot start here: {reason}{_without_display(done.stderr)}"}


def _without_display(stderr: str) -> str:
    """What to type on a machine with no screen, when that is why Qt failed."""
    if "could not connect to display" not in stderr and "no Qt platform plugin could be initialized" not in stderr:
        return ""
    return (
        ". Without a screen, run the terminal under a virtual one (xvfb-run -a mes-terminal terminal) or,"
        " for checks and tests, set QT_QPA_PLATFORM=offscreen."
    )


def _qt_probe() -> int:
    """In the child: start Qt as the terminal would and print what it found as one JSON line."""
    from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication
    from PySide6.QtPrintSupport import QPrinterInfo

    app = QGuiApplication(sys.argv[:1])
    found = {
        "platform": app.platformName(),
        "families": len(QFontDatabase.families()),
        "font": QFontInfo(app.font()).family(),
        "printers": list(QPrinterInfo.availablePrinterNames()),
    }
    print(json.dumps(found), flush=True)
    return EXIT_OK
