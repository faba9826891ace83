"""A serial scanner on a real pseudo-terminal feeds the same scan router as the keyboard."""

from __future__ import annotations

import os
import tty

import pytest

from mes_terminal.domain.scans import ScanKind

SCANS = 200
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    tty.setraw(slave)
    yield master, os.ttyname(slave)
    os.close(master)
    os.close(slave)


def test_scans_from_a_serial_port_reach_the_terminal_none_lost(qtbot, open_window, pty_pair) -> None:
    master, port = pty_pair
    window = open_window("WS-01", scanner_url=port)
    seen = []
    window.scan_router.routed.connect(seen.append)
    os.write(master, b"".join(f"LOT:R-{n}\r".encode() for n in range(SCANS)) + b"BADGE:B1001\r")
    qtbot.waitUntil(lambda: len(seen) == SCANS + 1, timeout=10_000)
    assert [s.lot for s in seen[:SCANS]] == [f"R-{n}" for n in range(SCANS)]
    assert seen[-1].kind == ScanKind.BADGE
    assert window.sign_in_screen.ui.badgeEdit.text() == "B1001"


def test_a_badge_scan_signs_in_at_a_badge_only_station(qtbot, open_window) -> None:
    window = open_window("WS-02")
    window.scan_router.route("B1001")
    qtbot.waitUntil(lambda: window.vm.station is not None and len(window.vm.station.operators) == 1, timeout=10_000)
    assert window.vm.station.operators[0].name == "Ada Lovelace"
