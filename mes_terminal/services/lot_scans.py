"""Our lot number for a scanned lot label, wherever a lot is scanned (terminal, the console's genealogy).

One path for every lot symbol: our own `LOT:<number>`, a GS1 element string (GS1-128, GS1 DataMatrix)
or a GS1 Digital Link URI (QR). The GS1 forms are read by `domain.gs1.parse_gs1_scan` and name the lot
by (01) GTIN + (10) batch, which `Lots.number_for_gs1` turns into our number.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from mes_terminal.db.repositories.lots import Lots
from mes_terminal.domain import gs1
from mes_terminal.domain.scans import Scan, ScanKind, classify_scan
from mes_terminal.domain.sentences import Sentence
from mes_terminal.services.gs1_dictionary import default_gs1_dictionary
from mes_terminal.services.queries.read_only import read_connection


def gs1_lot(scan: Scan, today: date) -> gs1.ElementString:
    """The GS1 data of a GS1 lot scan, refused unless it names a product (01) and a batch (10)."""
    data = gs1.parse_gs1_scan(scan.gs1_data or "", default_gs1_dictionary(), today=today)
    if data.lot is None:
        raise gs1.Gs1Error(Sentence("The barcode names no lot (AI 10); scan the lot label."))
    if data.gtin is None:
        raise gs1.Gs1Error(Sentence("The barcode names no product (AI 01 GTIN); scan the lot label."))
    return data


def lot_number_for_scan(engine: Engine, scan: Scan, today: date) -> str:
    """Our lot number for a lot scan (`scan.kind` is LOT); raises the `MesError` that says why not."""
    if not scan.gs1:
        assert scan.lot is not None
        return scan.lot
    data = gs1_lot(scan, today)
    assert data.gtin is not None and data.lot is not None
    with read_connection(engine) as connection, Session(bind=connection) as session:
        return Lots(session).number_for_gs1(data.gtin, data.lot)


def lot_number_for_text(engine: Engine, text: str, today: date) -> str:
    """What a lot field holds (typed or scanned): a lot label's lot, else the text itself as a lot number."""
    scan = classify_scan(text, gs1_dictionary=default_gs1_dictionary())
    if scan.kind == ScanKind.LOT:
        return lot_number_for_scan(engine, scan, today)
    return text.strip()


def supplier_lot_for_text(text: str, today: date) -> str:
    """A supplier's lot from a supplier lot field: the (10) batch of a GS1 scan, else the text itself."""
    scan = classify_scan(text, gs1_dictionary=default_gs1_dictionary())
    if scan.kind == ScanKind.LOT and scan.gs1:
        data = gs1.parse_gs1_scan(scan.gs1_data or "", default_gs1_dictionary(), today=today)
        if data.lot is None:
            raise gs1.Gs1Error(Sentence("The barcode names no lot (AI 10); scan the lot label."))
        return data.lot
    return text.strip()
