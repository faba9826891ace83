"""A test page for the label printer the station setup chose, sent through the real printer transports.

A PDF folder and a system printer get a small PDF page; a network (ZPL) printer gets a small ZPL label.
The system printer needs Qt: the caller passes its transport factory (`ui.system_printer.SystemPrinter`).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

from mes_terminal.devices.printers import SystemPrinterFactory, open_transport
from mes_terminal.devices.reachability import check_pdf_folder
from mes_terminal.domain.print_targets import DocumentFormat, parse_print_target
from mes_terminal.domain.setup_fields import PrinterTarget

_MM = 72 / 25.4
JOB_NAME = "mes-terminal-test"


def print_trial_page(
    target: PrinterTarget,
    station: str | None,
    now: Callable[[], datetime],
    system_printer: SystemPrinterFactory | None = None,
) -> str:
    """Send a test page to `target`; where it went, as a phrase. `DeviceUnavailable` when it did not."""
    print_target = parse_print_target(target.text)
    if target.kind == "pdf":
        check_pdf_folder(target.where)  # made here if missing: a station's first label should not fail on it
    title = f"MES Terminal test print {station or ''}".strip()
    stamp = now().strftime("%Y-%m-%d %H:%M:%S")
    if print_target.format is DocumentFormat.ZPL:
        document = trial_label_zpl(title, stamp)
    else:
        document = trial_page_pdf(title, stamp)
    transport = open_transport(print_target, now=now, system_printer=system_printer)
    sent = transport.send(document, name=JOB_NAME)
    return f"sent a test page to {sent}"


def trial_page_pdf(title: str, stamp: str) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(100 * _MM, 50 * _MM))
    canvas.setTitle(title)
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(6 * _MM, 34 * _MM, title)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(6 * _MM, 26 * _MM, stamp)
    canvas.rect(4 * _MM, 4 * _MM, 92 * _MM, 42 * _MM)
    canvas.save()
    return out.getvalue()


def trial_label_zpl(title: str, stamp: str) -> bytes:
    # ^ and ~ start ZPL commands: they may not appear inside a field.
    safe = title.replace("^", " ").replace("~", " ")
    return f"^XA^CI28^FO40,40^A0N,36,36^FD{safe}^FS^FO40,90^A0N,28,28^FD{stamp}^FS^XZ\n".encode()
