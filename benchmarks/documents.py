"""Benchmark: rendering lot labels and travelers, next to an empty reportlab page measured in the same run.

    python benchmarks/documents.py [--repeat 200]

Budgets: a lot label PDF < 30 ms, a 20-operation traveler PDF < 200 ms (median, warm). Each figure is
printed with the empty page's time and the ratio to it, so a slow machine shows as slow baseline too.
Rendering starts from the facts a database query returns (GS1 encoding, layout, barcodes, PDF); the
last lines add the database read through the print service on SQLite. Prints, asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import insert, select

from mes_terminal.db import migrate
from mes_terminal.db.engine import make_engine
from mes_terminal.db.records import Lot, Material
from mes_terminal.documents.label_pdf import render_label_pdf
from mes_terminal.documents.label_templates import load_template
from mes_terminal.documents.label_zpl import render_label_zpl
from mes_terminal.documents.traveler_pdf import render_traveler_pdf
from mes_terminal.domain.clock import FixedClock
from mes_terminal.paths import demo_plant_file, resources_dir
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.gs1_dictionary import default_gs1_dictionary
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.printing.document_builders import lot_label, traveler
from mes_terminal.services.printing.service import PrintService
from mes_terminal.services.queries.documents import (
    BomLineForTraveler,
    CheckForTraveler,
    LotForLabel,
    OperationForTraveler,
    OrderForTraveler,
)

NOW = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
LOT = LotForLabel(
    number="L-2026-0302",
    status="available",
    quantity=Decimal("250"),
    expires_on=date(2027, 3, 2),
    created_at=NOW,
    material_code="BRACKET-A",
    material_name="Bracket A, zinc plated",
    unit="pcs",
    gtin="09506000134352",
    produced=True,
    work_order="WO-1042",
    station="WS-01",
)
CHECK = CheckForTraveler("LEN", "Length", "numeric", "mm", Decimal("99.5"), Decimal(100), Decimal("100.5"), None, True,
                         "first_piece", None, None)  # fmt: skip


def order(operations: int) -> OrderForTraveler:
    return OrderForTraveler(
        number="WO-1042",
        status="released",
        quantity=Decimal(250),
        due_at=NOW,
        priority=5,
        product_code="BRACKET-A",
        product_name="Bracket A",
        unit="pcs",
        bom=tuple(BomLineForTraveler(f"PART-{i}", f"Part {i}", "kg", Decimal("0.35"), 10, False) for i in range(6)),
        operations=tuple(
            OperationForTraveler(
                10 * (i + 1),
                f"Step {i + 1}",
                ("WS-01", "WS-02"),
                Decimal(12),
                Decimal(15),
                "Deburr every edge before the part leaves the station.",
                "CUT-FAI",
                (CHECK, CHECK),
            )
            for i in range(operations)
        ),
    )


def empty_page() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, invariant=True, pageCompression=0)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def label_pdf(size: str, datamatrix: bool) -> Callable[[], bytes]:
    template = load_template(size, resources_dir() / "labels")

    def run() -> bytes:
        label = lot_label(LOT, template, default_gs1_dictionary(), timezone="Europe/Berlin", today=NOW.date(),
                          datamatrix=datamatrix)  # fmt: skip
        return render_label_pdf(label, template)

    return run


def label_zpl(dpi: int) -> Callable[[], bytes]:
    template = load_template("4x6", resources_dir() / "labels")

    def run() -> bytes:
        label = lot_label(LOT, template, default_gs1_dictionary(), timezone="Europe/Berlin", today=NOW.date())
        return render_label_zpl(label, template, dpi=dpi)

    return run


def traveler_pdf(operations: int) -> Callable[[], bytes]:
    facts = order(operations)
    return lambda: render_traveler_pdf(traveler(facts, timezone="Europe/Berlin", printed_at=NOW))


def measure(run: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """(first call, median, p95) in milliseconds."""
    start = time.perf_counter()
    run()
    first = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return first, statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def service_on_sqlite(folder: Path) -> PrintService:
    engine = make_engine(f"sqlite:///{folder / 'bench.sqlite'}")
    migrate.upgrade(engine)
    load_plant(engine, read_plant_file(demo_plant_file()), now=NOW)
    clock = FixedClock(NOW)
    bus = CommandBus(engine, clock)
    with engine.begin() as connection:
        material = connection.scalar(select(Material.id).where(Material.gtin.is_not(None)).order_by(Material.id))
        product = connection.scalar(select(Material.code).where(Material.is_product).order_by(Material.id))
        connection.execute(
            insert(Lot).values(number="BENCH-1", material_id=material, quantity=250, status="available", created_at=NOW)
        )
    bus.execute(c.CreateWorkOrder(command_id=uuid.uuid4(), actor="B2001", issued_at=NOW, number="WO-BENCH",
                                  product=product, quantity=Decimal(250), due=NOW))  # fmt: skip
    return PrintService(engine, bus, clock, open_transport=lambda target: None)  # type: ignore[arg-type,return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    repeat = args.repeat
    default_gs1_dictionary()  # read once per process, as in the application; not part of a print

    _, baseline, baseline_p95 = measure(empty_page, repeat)
    print(f"{'':44} {'first':>8} {'median':>8} {'p95':>8} {'x empty':>8}  budget")
    print(f"{'empty reportlab page (baseline)':44} {'':>8} {baseline:8.2f} {baseline_p95:8.2f} {1:8.1f}")
    rows: list[tuple[str, Callable[[], object], int, float | None]] = [
        ("lot label PDF 4x6, two GS1-128", label_pdf("4x6", False), repeat, 30.0),
        ("lot label PDF 4x6, GS1-128 + DataMatrix", label_pdf("4x6", True), repeat, 30.0),
        ("lot label PDF 4x2", label_pdf("4x2", False), repeat, 30.0),
        ("lot label ZPL 203 dpi", label_zpl(203), repeat, None),
        ("lot label ZPL 300 dpi", label_zpl(300), repeat, None),
        ("traveler PDF, 20 operations", traveler_pdf(20), max(20, repeat // 4), 200.0),
        ("traveler PDF, 60 operations", traveler_pdf(60), max(10, repeat // 10), None),
    ]
    with tempfile.TemporaryDirectory() as folder:
        service = service_on_sqlite(Path(folder))
        rows.append(("service: label PDF from SQLite", lambda: service.render_label("BENCH-1"), repeat, 30.0))
        rows.append(
            ("service: traveler PDF from SQLite", lambda: service.render_traveler("WO-BENCH"), repeat // 4, 200.0)
        )
        for name, run, times, budget in rows:
            first, median, p95 = measure(run, times)
            verdict = "" if budget is None else f"< {budget:g} ms {'ok' if median < budget else 'OVER'}"
            print(f"{name:44} {first:8.2f} {median:8.2f} {p95:8.2f} {median / baseline:8.1f}  {verdict}")


if __name__ == "__main__":
    main()
