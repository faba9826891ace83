"""The system printer transport: a PDF document printed through Qt's QPrinter (CUPS on Linux).

Each page of the PDF is rendered (QtPdf) at the printer's resolution and painted on a page of the
same size, so what the spooler prints is what the PDF shows. Labels for thermal printers are better
sent as ZPL (tcp:// or serial:); this path is for office and label printers that the system knows.

Qt is imported only when a job is printed: importing this module opens nothing.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from mes_terminal.domain.errors import DeviceUnavailable

# Rendering above this gains nothing on paper and costs memory (a 4x6 in page at 1200 dpi is 138 MB).
MAX_RENDER_DPI = 600


class SystemPrinter:
    """A printer the system's spooler knows, by name (`printer:NAME`)."""

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def description(self) -> str:
        return f"the printer {self.name}"

    def send(self, document: bytes, *, name: str) -> str:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        ensure_gui_application()
        info = QPrinterInfo.printerInfo(self.name)
        if info.isNull():
            known = ", ".join(sorted(p.printerName() for p in QPrinterInfo.availablePrinters())) or "none"
            raise DeviceUnavailable(f"There is no printer named {self.name} on this computer (printers here: {known}).")
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(name)
        print_pdf(printer, document, what=self.description)
        return self.description


def print_pdf(printer: Any, document: bytes, *, what: str) -> int:
    """Print every page of the PDF `document` on the QPrinter `printer`; returns the pages printed."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter
    from PySide6.QtPdf import QPdfDocument

    ensure_gui_application()
    buffer = QBuffer()
    buffer.setData(QByteArray(document))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf = QPdfDocument()
    pdf.load(buffer)
    if pdf.status() != QPdfDocument.Status.Ready or pdf.pageCount() == 0:
        raise DeviceUnavailable(f"The document for {what} could not be read for printing.")
    pages = pdf.pageCount()
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    printer.setResolution(dpi)
    painter = QPainter()
    try:
        for index in range(pages):
            points = pdf.pagePointSize(index)
            layout = QPageLayout(
                QPageSize(
                    QSizeF(points.width(), points.height()),
                    QPageSize.Unit.Point,
                    "",
                    QPageSize.SizeMatchPolicy.ExactMatch,
                ),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
            printer.setFullPage(True)
            printer.setPageLayout(layout)
            if index == 0:
                if not painter.begin(printer):
                    raise DeviceUnavailable(f"{what[:1].upper()}{what[1:]} cannot start the job; check the printer.")
            elif not printer.newPage():
                raise DeviceUnavailable(f"{what[:1].upper()}{what[1:]} stopped taking pages; the job is incomplete.")
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = pdf.render(index, pixels)
            painter.drawImage(QRect(0, 0, pixels.width(), pixels.height()), image)
    finally:
        if painter.isActive():
            painter.end()
        pdf.close()
        buffer.close()
    return pages


def ensure_gui_application() -> Any:
    """The running Qt application, or a QGuiApplication made for printing (offscreen without a display)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    argv = ["mes-terminal"]
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        argv += ["-platform", os.environ.get("QT_QPA_PLATFORM") or "offscreen"]
    return QGuiApplication(argv)
