"""Starting the terminal: refusals before any window with the bare driver; the service stack loads later."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from mes_terminal.db import preflight
from mes_terminal.db.schema_head import SCHEMA_HEAD
from mes_terminal.domain.errors import DatabaseUnavailable, SchemaNotAtHead, UnknownEntity


def test_a_database_at_head_with_the_station_passes(plant, database_url) -> None:
    preflight.check(database_url, "WS-01")


def test_an_unknown_station_is_refused_in_one_sentence(plant, database_url) -> None:
    with pytest.raises(UnknownEntity, match="There is no workstation WS-99"):
        preflight.check(database_url, "WS-99")


def test_a_schema_behind_head_names_the_command_to_run(plant, database_url) -> None:
    def set_revision(revision: str) -> None:
        with plant.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})

    set_revision("0002")
    try:
        with pytest.raises(SchemaNotAtHead, match=f"older than this version expects \\({SCHEMA_HEAD}\\).*db upgrade"):
            preflight.check(database_url, "WS-01")
    finally:
        set_revision(SCHEMA_HEAD)  # the PostgreSQL test database is shared by the whole session


def test_a_file_without_schema_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    with pytest.raises(SchemaNotAtHead, match="has no MES Terminal schema yet"):
        preflight.check(f"sqlite:///{empty}", "WS-01")
    with pytest.raises(SchemaNotAtHead, match="There is no database file at"):
        preflight.check(f"sqlite:///{tmp_path / 'missing.sqlite'}", "WS-01")


def test_an_unreachable_postgresql_server_says_so() -> None:
    with pytest.raises(DatabaseUnavailable, match="The database cannot be reached"):
        preflight.check("postgresql://nobody@127.0.0.1:1/none", "WS-01")


def test_the_sign_in_screen_is_painted_before_the_service_stack_loads(plant, database_url) -> None:
    """The discipline behind the fast start, in the order `mes-terminal terminal` runs: at the first
    paint neither SQLAlchemy nor the command classes nor the station screen are loaded; after it, the
    worker loads the service stack and the station screen is built."""
    script = f"""
import sys
from PySide6.QtCore import QEvent, QObject
from mes_terminal.cli.terminal_start import DeferredTerminalService
from mes_terminal.config import load_settings
from mes_terminal.domain.clock import SystemClock
from mes_terminal.ui.app import create_application
from mes_terminal.ui.terminal.options import TerminalOptions
from mes_terminal.ui.terminal.window import TerminalWindow
LATER = ("sqlalchemy", "mes_terminal.services.commands.catalog", "mes_terminal.ui.terminal.station_screen")
settings = load_settings(flags={{"database_url": {database_url!r}, "station": "WS-01"}})
app = create_application([])
service = DeferredTerminalService(settings)
window = TerminalWindow(service, "WS-01", SystemClock(), options=TerminalOptions(inactivity_minutes=0))
at_first_paint = []
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not at_first_paint:
            at_first_paint.extend(name for name in LATER if name in sys.modules)
            at_first_paint.append(window.current_screen)
        return False
spy = FirstPaint(); window.installEventFilter(spy)
window.vm.feedback.connect(lambda kind, text: print(kind, text, file=sys.stderr))
window.show()
window.start()
import time
deadline = time.monotonic() + 60
while window.vm.station is None and time.monotonic() < deadline:
    app.processEvents()
window.shutdown(); service.close()
print(*at_first_paint, window.vm.station.code, *(name for name in LATER if name in sys.modules))
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "sign_in",  # painted first, with nothing of LATER loaded
        "WS-01",
        "sqlalchemy",
        "mes_terminal.services.commands.catalog",
        "mes_terminal.ui.terminal.station_screen",
    ]
