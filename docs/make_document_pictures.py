"""Render the lot labels and a traveler page to PNG in docs/documents/ (see docs/printing.md).

    .venv/bin/python docs/make_document_pictures.py

Builds a temporary SQLite database with the migrations and the demo plant, adds a received steel lot
and a bracket lot made by a work order, and renders them through the print service exactly as
`mes-terminal print` does; pdftoppm (poppler-utils) turns the PDFs into pictures. The ZPL label is
drawn by the test suite's ZPL interpreter (tests/zpl_preview.py). The clock is fixed: the pictures
are repeatable.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select, update

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mes_terminal.db import migrate  # noqa: E402
from mes_terminal.db.engine import make_engine  # noqa: E402
from mes_terminal.db.records import Lot, Material, WorkOrder, WorkOrderOperation, Workstation  # noqa: E402
from mes_terminal.domain.clock import FixedClock  # noqa: E402
from mes_terminal.domain.print_targets import DocumentFormat  # noqa: E402
from mes_terminal.paths import demo_plant_file  # noqa: E402
from mes_terminal.services.commands import catalog as c  # noqa: E402
from mes_terminal.services.commands.bus import CommandBus  # noqa: E402
from mes_terminal.services.plant.loader import load_plant, read_plant_file  # noqa: E402
from mes_terminal.services.printing.service import PrintService  # noqa: E402
from tests.zpl_preview import parse_zpl, render  # noqa: E402

OUT = ROOT / "docs" / "documents"
NOW = datetime(2026, 3, 2, 6, 5, tzinfo=UTC)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        service = _demo_service(Path(folder))
        pictures = {
            "lot-label-4x6.png": (service.render_label("WO-1042", datamatrix=True).data, 150),
            "lot-label-4x2.png": (service.render_label("S-2603-001", size="4x2").data, 200),
            "lot-label-4x2-digital-link.png": (
                service.render_label("S-2603-001", size="4x2", digital_link=True).data,
                200,
            ),
            "lot-label-100x50.png": (service.render_label("P-17", size="100x50").data, 200),
            "traveler-page-1.png": (service.render_traveler("WO-1042").data, 90),
        }
        for name, (pdf, dpi) in pictures.items():
            _png(pdf, dpi, OUT / name)
        zpl = service.render_label("WO-1042", size="4x2", format=DocumentFormat.ZPL, dpi=203).data
        (OUT / "lot-label-4x2-203dpi.zpl").write_bytes(zpl)
        render(parse_zpl(zpl)).save(OUT / "lot-label-4x2-203dpi-zpl.png")
    for path in sorted(OUT.iterdir()):
        print(path.relative_to(ROOT))


def _demo_service(folder: Path) -> PrintService:
    engine = make_engine(f"sqlite:///{folder / 'pictures.sqlite'}")
    migrate.upgrade(engine)
    load_plant(engine, read_plant_file(demo_plant_file()), now=NOW)
    clock = FixedClock(NOW)
    bus = CommandBus(engine, clock)
    bus.execute(  # the demo's quality engineer approves the work instructions: the traveler names their revision
        c.ApproveInstructions(command_id=uuid.uuid4(), actor="B4001", issued_at=NOW, product="BRACKET-A",
                              operation=10, revision=1, pin="4001", meaning="approved")
    )  # fmt: skip
    bus.execute(
        c.CreateWorkOrder(command_id=uuid.uuid4(), actor="B2001", issued_at=NOW, number="WO-1042",
                          product="BRACKET-A", quantity=Decimal(250), due=datetime(2026, 3, 9, 13, 0, tzinfo=UTC))
    )  # fmt: skip
    with engine.begin() as connection:
        material = {code: id_ for id_, code in connection.execute(select(Material.id, Material.code))}
        final = connection.execute(
            select(WorkOrderOperation.id)
            .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
            .where(WorkOrder.number == "WO-1042")
            .order_by(WorkOrderOperation.seq.desc())
        ).first()[0]
        station = connection.scalar(select(Workstation.id).where(Workstation.code == "WS-06"))
        connection.execute(
            update(WorkOrderOperation).where(WorkOrderOperation.id == final).values(workstation_id=station)
        )
        made = datetime(2026, 3, 2, 5, 40, tzinfo=UTC)
        connection.execute(
            insert(Lot),
            [
                _lot("WO-1042", material["BRACKET-A"], "250", made_by=final, at=made),
                _lot("S-2603-001", material["STEEL-2MM"], "1250.5", expires=date(2027, 3, 1)),
                _lot("P-17", material["PAD-40"], "400"),
            ],
        )
    return PrintService(engine, bus, clock, open_transport=lambda target: None)  # type: ignore[arg-type,return-value]


def _lot(
    number: str,
    material: int,
    quantity: str,
    *,
    expires: date | None = None,
    made_by: int | None = None,
    at: datetime = NOW,
) -> dict[str, object]:
    return {
        "number": number,
        "material_id": material,
        "quantity": Decimal(quantity),
        "status": "available",
        "expires_on": expires,
        "produced_by_operation_id": made_by,
        "created_at": at,
    }


def _png(pdf: bytes, dpi: int, path: Path) -> None:
    """The first page of a PDF as a PNG, by poppler's pdftoppm."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(source), str(path.with_suffix(""))],
                       check=True)  # fmt: skip


if __name__ == "__main__":
    main()
