"""Render the supervisor console's ERP tab offscreen to docs/screenshots/supervisor-erp.png (docs/erp.md).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_erp_screenshot.py

Builds a temporary SQLite demo database, drops three ERP documents in a hot-folder inbox (one applied,
one naming a workstation the plant lacks, one not well-formed), exports once, then grabs the ERP tab
at 1280x800 with the refused document selected. The clock is fixed, so the picture is repeatable.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from mes_terminal.bootstrap import build  # noqa: E402
from mes_terminal.config import load_settings  # noqa: E402
from mes_terminal.domain.clock import FixedClock  # noqa: E402
from mes_terminal.integration.export import export  # noqa: E402
from mes_terminal.integration.hot_folder import sweep  # noqa: E402
from mes_terminal.services.demo.create import create_demo  # noqa: E402
from mes_terminal.services.supervisor import SupervisorService  # noqa: E402
from mes_terminal.ui.supervisor.launch import apply_supervisor_look  # noqa: E402
from mes_terminal.ui.supervisor.window import SupervisorWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "supervisor-erp.png"
START = datetime(2026, 3, 2, 6, 5, tzinfo=UTC)
NEVER = 3_600_000


def schedule(document: str, order: str, product: str, station: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600">
  <ID>{document}</ID>
  <ProductionRequest>
    <ID>{order}</ID>
    <EndTime>2026-03-05T14:00:00Z</EndTime>
    <SegmentRequirement>
      <ID>10</ID>
      <Description>Cut</Description>
      <Duration>PT2H</Duration>
      <EquipmentRequirement><EquipmentID>{station}</EquipmentID></EquipmentRequirement>
      <MaterialProducedRequirement>
        <MaterialDefinitionID>{product}</MaterialDefinitionID>
        <Description>{product} from the ERP</Description>
        <Quantity><QuantityString>120</QuantityString><UnitOfMeasure>pcs</UnitOfMeasure></Quantity>
      </MaterialProducedRequirement>
    </SegmentRequirement>
  </ProductionRequest>
</ProductionSchedule>
""".encode()


def settle(window: SupervisorWindow) -> None:
    deadline = time.monotonic() + 20
    while window.vm.busy and time.monotonic() < deadline:
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
            inbox = Path(folder) / "inbox"
            inbox.mkdir()
            (inbox / "ps-4711.xml").write_bytes(schedule("PS-4711", "4500017711", "HOUSING-ERP", "WS-01"))
            (inbox / "ps-4712.xml").write_bytes(schedule("PS-4712", "4500017712", "COVER-ERP", "WS-09"))
            (inbox / "ps-4713.xml").write_bytes(b"<ProductionSchedule><ID>PS-4713</ID>")
            sweep(application.engine, inbox, now=clock.now(), settle=0)
            clock.advance(timedelta(minutes=15))
            export(
                application.engine, "b2mml-v0600", Path(folder) / "outbox", start=None, end=clock.now(), now=clock.now()
            )
            service = SupervisorService(application.engine, application.bus, clock)
            shoot(service)
        finally:
            application.close()


def shoot(service: SupervisorService) -> None:
    window = SupervisorWindow(service, poll_ms=NEVER, oee_ms=NEVER, listen=False)
    window.resize(1280, 800)
    window.show()
    settle(window)
    window.sign_in_page.ui.badgeEdit.setText("B3001")
    window.sign_in_page.ui.pinEdit.setText("3001")
    window.sign_in_page.ui.signInButton.click()
    settle(window)
    window.ui.tabs.setCurrentWidget(window.ui.erpTab)
    settle(window)
    messages = window.erp.model.messages
    window.erp.view.selectRow(next(i for i, m in enumerate(messages) if m.document == "PS-4712"))
    QApplication.processEvents()
    window.grab().save(str(OUT))
    print(OUT.relative_to(ROOT))
    window.shutdown()


if __name__ == "__main__":
    main()
