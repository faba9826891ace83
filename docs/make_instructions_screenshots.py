"""Render the work-instructions screens offscreen to PNG in docs/screenshots/ (see docs/terminal.md).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_instructions_screenshots.py

Builds a temporary SQLite demo database (its instructions for BRACKET-A operation 10 approved by the demo's
quality engineer), reads them as the terminal at WS-01 does for an operator who has not read this revision,
and grabs the dialog at 1280x800: the first step (a picture with its caution), a PDF page, and the last step
with the acknowledge prompt. Then a changed plant file brings revision 2 (pending) and the console's
Instructions tab is grabbed at 1280x800 with revision 2 waiting for its signature, and its Edit steps…
dialog on revision 2.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mes_terminal.bootstrap import build  # noqa: E402
from mes_terminal.config import load_settings  # noqa: E402
from mes_terminal.domain.clock import FixedClock  # noqa: E402
from mes_terminal.paths import demo_plant_file  # noqa: E402
from mes_terminal.services.demo.create import create_demo  # noqa: E402
from mes_terminal.services.plant.loader import load_plant, read_plant_file  # noqa: E402
from mes_terminal.services.supervisor import SupervisorService  # noqa: E402
from mes_terminal.services.terminal import TerminalService  # noqa: E402
from mes_terminal.ui.app import create_application  # noqa: E402
from mes_terminal.ui.supervisor.instructions_editor import InstructionsEditDialog  # noqa: E402
from mes_terminal.ui.supervisor.launch import apply_supervisor_look  # noqa: E402
from mes_terminal.ui.supervisor.window import SupervisorWindow  # noqa: E402
from mes_terminal.ui.terminal.instructions_dialog import InstructionsDialog  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
START = datetime(2026, 3, 2, 6, 5, tzinfo=UTC)
SIZE = (1280, 800)


def save(widget: QWidget, name: str) -> None:
    for _ in range(5):
        QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    create_application()
    clock = FixedClock(START)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.sqlite'}"
        application = build(load_settings(flags={"database_url": url}), clock=clock, require_schema=False, create=True)
        try:
            create_demo(application.engine, application.bus, clock)
            service = TerminalService(application.engine, application.bus, clock)
            item = next(i for i in service.dispatch_list("WS-01") if i.operation == 10)
            view = service.instructions(item.work_order, item.operation, "B1001")
            shoot_dialog(view)
            load_plant(application.engine, read_plant_file(changed_plant(Path(folder))), now=clock.now())
            shoot_console(SupervisorService(application.engine, application.bus, clock))
        finally:
            application.close()


def shoot_dialog(view) -> None:  # type: ignore[no-untyped-def]
    dialog = InstructionsDialog(None, view)
    dialog.resize(*SIZE)
    dialog.show()
    save(dialog, "instructions-step-image")
    dialog.go_to(1)
    save(dialog, "instructions-step-pdf")
    dialog.go_to(len(view.steps) - 1)
    save(dialog, "instructions-acknowledge")
    dialog.close()


def changed_plant(folder: Path) -> Path:
    """The demo plant with its last instruction step reworded, beside a copy of its pictures."""
    source = demo_plant_file()
    shutil.copytree(source.parent / "instructions", folder / "instructions")
    text = source.read_text(encoding="utf-8").replace(
        "deburr the tabs. Record the first-piece check",
        "deburr the tabs with the hand tool. Record the first-piece check",
    )
    target = folder / "demo.toml"
    target.write_text(text, encoding="utf-8")
    return target


def shoot_console(service: SupervisorService) -> None:
    apply_supervisor_look(QApplication.instance())  # type: ignore[arg-type]
    window = SupervisorWindow(service, poll_ms=3_600_000, oee_ms=3_600_000, listen=False)
    window.resize(*SIZE)
    window.show()
    window.sign_in_page.ui.badgeEdit.setText("B3001")
    window.sign_in_page.ui.pinEdit.setText("3001")
    window.sign_in_page.ui.signInButton.click()
    wait(window)
    window.ui.tabs.setCurrentWidget(window.instructions)
    wait(window)
    window.instructions.view.selectRow(0)
    save(window, "supervisor-instructions")
    shoot_editor(window, service)
    window.shutdown()
    window.close()


def shoot_editor(window: SupervisorWindow, service: SupervisorService) -> None:
    """The Edit steps… dialog on the newest revision, its first step (with a picture) being reworded."""
    row = window.instructions.newest_of(window.instructions.rows[0])
    dialog = InstructionsEditDialog(window, row, service.instruction_steps(row.product, row.operation, row.revision))
    dialog.resize(*SIZE)
    dialog.show()
    dialog.text_edit.setPlainText(dialog.drafts[0].text.replace("Push", "Slide"))
    save(dialog, "supervisor-instructions-edit")
    dialog.close()


def wait(window: SupervisorWindow) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if not window.vm.busy:
            break
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


if __name__ == "__main__":
    main()
