"""Render a page of every report PDF to PNG in docs/documents/ (see docs/oee.md): report-oee-page-1.png and so on.

    .venv/bin/python docs/make_report_pictures.py [--keep DIR]

Builds a temporary SQLite demo database (the demo plant with its days of history), renders the OEE,
downtime, production, scrap and SPC reports of line L1 over the demo's last week exactly as
`mes-terminal report KIND --format pdf` does, and turns each PDF's first page into a picture with
pdftoppm (poppler-utils); the production report runs to a second page, which is drawn too (the
header repeated, "Page 2 of 2"). `--keep DIR` leaves the PDFs there. The clock is fixed: the pictures are repeatable.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mes_terminal.bootstrap import build  # noqa: E402
from mes_terminal.config import load_settings  # noqa: E402
from mes_terminal.documents.spc_pdf import render_spc_pdf  # noqa: E402
from mes_terminal.domain.clock import FixedClock  # noqa: E402
from mes_terminal.services.demo.create import create_demo  # noqa: E402
from mes_terminal.services.reports.pdf import report_pdf  # noqa: E402
from mes_terminal.services.reports.service import ReportService  # noqa: E402
from mes_terminal.services.reports.spc import spc_scope_report  # noqa: E402

OUT = ROOT / "docs" / "documents"
NOW = datetime(2026, 3, 2, 6, 5, tzinfo=UTC)
RANGE = {"start": "2026-02-23", "end": "2026-03-02"}


def main() -> None:
    keep = Path(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None
    OUT.mkdir(parents=True, exist_ok=True)
    clock = FixedClock(NOW)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.sqlite'}"
        application = build(load_settings(flags={"database_url": url}), clock=clock, require_schema=False, create=True)
        try:
            create_demo(application.engine, application.bus, clock)
            reports = ReportService(application.engine, clock)
            pdfs = {
                "oee": report_pdf(reports, reports.oee(line="L1", by="station", **RANGE), generated_by="mes-terminal"),
                "downtime": report_pdf(reports, reports.downtime(line="L1", **RANGE), generated_by="mes-terminal"),
                "production": report_pdf(reports, reports.production(line="L1", **RANGE), generated_by="mes-terminal"),
                "scrap": report_pdf(reports, reports.scrap(line="L1", **RANGE), generated_by="mes-terminal"),
                "spc": render_spc_pdf(spc_scope_report(application.engine, clock, station=None, line="L1", **RANGE)),
            }
        finally:
            application.close()
    for kind, pdf in pdfs.items():
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"report-{kind}.pdf").write_bytes(pdf)
        for page in _png(pdf, OUT / f"report-{kind}"):
            print(page.relative_to(ROOT))


def _png(pdf: bytes, stem: Path) -> list[Path]:
    """The first page (and the production report's last) as PNGs at 80 dpi, by poppler's pdftoppm."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(source)], check=True, capture_output=True, text=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        wanted = [1, pages] if pages > 1 and stem.name == "report-production" else [1]
        made = []
        for page in wanted:
            target = Path(f"{stem}-page-{page}")
            subprocess.run(["pdftoppm", "-r", "80", "-f", str(page), "-l", str(page), "-png", "-singlefile",
                            str(source), str(target)], check=True)  # fmt: skip
            made.append(target.with_suffix(".png"))
        return made


if __name__ == "__main__":
    main()
