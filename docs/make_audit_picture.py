"""Render the first page of an audit-trail export to PNG in docs/documents/ (see docs/compliance.md).

    .venv/bin/python docs/make_audit_picture.py

Builds a temporary SQLite database with the migrations and the test suite's quality plant, runs a short
story through the command bus (a job started, a lot received, a nonconformance raised and signed, a
signed disposition, a count, a work order's priority changed) and exports it exactly as
`mes-terminal audit export --format pdf` does; pdftoppm (poppler-utils) turns the PDF into a picture.
The clock is fixed: the picture is repeatable.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mes_terminal.db import migrate  # noqa: E402
from mes_terminal.db.engine import make_engine  # noqa: E402
from mes_terminal.domain.clock import FixedClock  # noqa: E402
from mes_terminal.services.commands import catalog as c  # noqa: E402
from mes_terminal.services.commands.bus import CommandBus  # noqa: E402
from mes_terminal.services.plant.loader import load_plant, read_plant_file  # noqa: E402
from mes_terminal.services.reports.audit_trail import audit_pdf, read_trail  # noqa: E402

OUT = ROOT / "docs" / "documents"
NOW = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def story_database(folder: Path) -> Any:
    """A small database with signed quality records in it; returns (engine, clock)."""
    engine = make_engine(f"sqlite:///{folder / 'audit.sqlite'}")
    migrate.upgrade(engine)
    load_plant(engine, read_plant_file(ROOT / "tests" / "data" / "quality_plant.toml"), now=NOW)
    clock = FixedClock(NOW)
    bus = CommandBus(engine, clock)

    def run(cls: type[c.Command], actor: str, minutes: int, **fields: Any) -> dict[str, Any]:
        clock.set(NOW + timedelta(minutes=minutes))
        return bus.execute(cls(command_id=uuid.uuid4(), actor=actor, issued_at=clock.now(), **fields)).result

    due = NOW + timedelta(days=2)
    run(c.CreateWorkOrder, "B2001", 1, number="WO-1", product="BRACKET-A", quantity=Decimal(10), due=due)
    run(c.ReleaseWorkOrder, "B2001", 2, number="WO-1")
    run(c.SignIn, "B1001", 5, station="WS-01", badge="B1001", pin="4711")
    run(c.StartJob, "B1001", 6, station="WS-01", work_order="WO-1", operation=10)
    run(c.ReceiveLot, "B2001", 20, lot="S-9", material="STEEL-2MM", quantity=Decimal(50))
    raised = run(
        c.RaiseNonconformance, "B3001", 31, pin="3333", meaning="reported", lot="S-9", quantity=Decimal(20),
        defect_code="RUST", description="Rust on the top sheets", hold=True,
    )  # fmt: skip
    run(
        c.DisposeNonconformance, "B3002", 48, pin="3344", meaning="approved", nonconformance=raised["nonconformance"],
        decision="use_as_is", comment="Surface rust only; brushed off before cutting",
    )  # fmt: skip
    run(c.EditWorkOrder, "B2001", 55, number="WO-1", priority=5, due=due + timedelta(days=1))
    return engine, clock


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        engine, clock = story_database(Path(folder))
        trail = read_trail(engine, "2026-03-02T06:01:00Z", "2026-03-02T08:00:00Z", generated_at=clock.now())
        pdf = audit_pdf(trail)
        engine.dispose()
        source = Path(folder) / "trail.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "110", "-singlefile", str(source), str(OUT / "audit-trail")],
            check=True,
        )
    print((OUT / "audit-trail.png").relative_to(ROOT))


if __name__ == "__main__":
    main()
