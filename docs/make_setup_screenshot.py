"""Render the station setup dialog offscreen to docs/screenshots/setup.png (see docs/install.md).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_setup_screenshot.py

Builds the demo plant in a SQLite file at a fixed temporary path (so the picture is repeatable), tests
the connection as an administrator would, fills in a serial scanner that has just read a barcode and a
network label printer, and grabs the dialog at 1024x768.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from mes_terminal.bootstrap import build, connect  # noqa: E402
from mes_terminal.config import load_settings  # noqa: E402
from mes_terminal.services.demo.create import create_demo  # noqa: E402
from mes_terminal.services.plant.station_setup import StationSetupService  # noqa: E402
from mes_terminal.ui.app import create_application  # noqa: E402
from mes_terminal.ui.setup.dialog import SetupDialog  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "setup.png"


def main() -> None:
    app = create_application()
    folder = Path(tempfile.gettempdir()) / "mes-terminal-setup-screenshot"
    shutil.rmtree(folder, ignore_errors=True)
    url = f"sqlite:///{folder / 'mes.sqlite'}"
    built = build(load_settings(flags={"database_url": url}), require_schema=False, create=True)
    try:
        create_demo(built.engine, built.bus, built.clock)
    finally:
        built.close()
    settings = load_settings(flags={"database_url": url}, environ={}, path=folder / "settings.toml")
    dialog = SetupDialog(StationSetupService(connect), settings, folder / "settings.toml")
    dialog.resize(1024, 768)
    dialog.show()
    dialog.start()
    deadline = time.monotonic() + 20
    while (dialog.probe is None or dialog.vm.busy) and time.monotonic() < deadline:
        app.processEvents()
    ui = dialog.ui
    ui.serialRadio.setChecked(True)
    ui.serialPortEdit.setText("/dev/ttyACM0")
    ui.printerKindCombo.setCurrentIndex(3)
    ui.printerWhereCombo.setCurrentText("10.20.0.41:9100")
    ui.adminBadgeEdit.setText("B9001")
    dialog.on_scanned("LOT:R-1042")  # as if the scanner had just read a lot label
    QApplication.processEvents()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(OUT))
    print(OUT.relative_to(ROOT))
    dialog.reject()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
