"""Scan anywhere: every scan, from whichever scanner and whatever has focus, is classified here and
handed on as one intention signal. `route` never raises."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from mes_terminal.domain.gs1_dictionary import Gs1Dictionary
from mes_terminal.domain.scans import DEFAULT_BADGE_PATTERN, Scan, ScanKind, classify_scan, for_display
from mes_terminal.domain.sentences import Sentence

log = logging.getLogger(__name__)


class ScanRouter(QObject):
    badge_scanned = Signal(str)
    operation_scanned = Signal(str, int)  # work order, operation
    work_order_scanned = Signal(str)
    lot_scanned = Signal(object)  # the Scan (lots arrive with material consumption)
    station_scanned = Signal(str)
    instructions_scanned = Signal(str, int)  # work order, operation: open its work instructions
    unknown_scanned = Signal(object)  # what to tell the operator, naming what was scanned (a Sentence)
    code_scanned = Signal(object)  # a bare code (the Scan): a lot number if such a lot exists, else not ours
    routed = Signal(object)  # every Scan, after its intention signal

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        badge_pattern: str = DEFAULT_BADGE_PATTERN,
        gs1_dictionary: Gs1Dictionary | None = None,
    ) -> None:
        super().__init__(parent)
        self.badge_pattern = badge_pattern
        self.gs1_dictionary = gs1_dictionary  # tells a GS1 Digital Link from other web addresses

    def route(self, raw: str) -> Scan:
        try:
            scan = classify_scan(raw, badge_pattern=self.badge_pattern, gs1_dictionary=self.gs1_dictionary)
        except Exception:  # classify_scan promises not to raise; a scanner must never crash the terminal
            log.exception("a scan could not be classified")
            shown = for_display(raw)
            scan = Scan(ScanKind.UNKNOWN, shown, reason=Sentence("Not a code MES Terminal knows: {shown}", shown=shown))
        if scan.kind == ScanKind.BADGE and scan.badge:
            self.badge_scanned.emit(scan.badge)
        elif scan.kind == ScanKind.OPERATION and scan.work_order and scan.operation is not None:
            self.operation_scanned.emit(scan.work_order, scan.operation)
        elif scan.kind == ScanKind.WORK_ORDER and scan.work_order:
            self.work_order_scanned.emit(scan.work_order)
        elif scan.kind == ScanKind.LOT:
            self.lot_scanned.emit(scan)
        elif scan.kind == ScanKind.STATION and scan.station:
            self.station_scanned.emit(scan.station)
        elif scan.kind == ScanKind.INSTRUCTIONS and scan.work_order and scan.operation is not None:
            self.instructions_scanned.emit(scan.work_order, scan.operation)
        elif scan.code:
            self.code_scanned.emit(scan)
        else:
            self.unknown_scanned.emit(scan.reason or scan.raw)
        self.routed.emit(scan)
        return scan
