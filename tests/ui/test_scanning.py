"""Scan anywhere: whatever has focus, a scan is routed by its content; nonsense gets a red banner."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mes_terminal.domain.scans import ScanKind
from mes_terminal.ui.terminal.scan_router import ScanRouter

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_an_unknown_scan_turns_the_banner_red_and_says_what_was_scanned(window):
    window.scan_router.route("HELLO-WORLD?!")
    assert window.banner.kind == "error"
    assert "HELLO-WORLD?!" in window.banner.text()
    assert window.sounds.played[-1] == "error"


def test_a_scan_with_control_characters_is_shown_safely(window):
    window.scan_router.route("OP:WO-1\x00:10")
    assert window.banner.kind == "error"
    assert "<NUL>" in window.banner.text()


def test_a_traveler_for_another_station_is_refused_in_plain_words(qtbot, work_order, window):
    window.scan_router.route("OP:WO-1:20")  # operation 20 runs at WS-02
    assert window.banner.kind == "error"
    assert window.banner.text() == "WO-1 operation 20 is not in this station's dispatch list."


def test_a_keyboard_wedge_scan_is_caught_whatever_has_focus(qtbot, window):
    target = window.sign_in_screen.ui.pinEdit
    target.setFocus()
    with qtbot.waitSignal(window.scan_router.routed, timeout=5_000) as routed:
        QTest.keyClicks(target, "BADGE:B1001")
        QTest.keyClick(target, Qt.Key.Key_Return)
    assert routed.args[0].kind == ScanKind.BADGE
    assert window.sign_in_screen.ui.badgeEdit.text() == "B1001"
    assert target.text() == ""  # the scan did not land in the PIN field


def test_slow_typing_reaches_the_focused_field(qtbot, window):
    target = window.sign_in_screen.ui.badgeEdit
    target.setFocus()
    for key in "B12":
        QTest.keyClick(target, key)
        qtbot.wait(60)  # slower than the 35 ms of a scanner: a person typing
    qtbot.waitUntil(lambda: target.text() == "B12")


@given(st.text(max_size=80))
def test_the_router_never_raises(qapp, raw):
    router = ScanRouter()
    scan = router.route(raw)
    assert scan.kind in set(ScanKind)


def test_a_web_address_that_is_no_digital_link_is_refused_at_once_naming_it(window):
    scan = window.scan_router.route("https://news.example/2024/05/story")
    assert scan.kind == ScanKind.UNKNOWN
    assert window.banner.kind == "error"
    assert "https://news.example/2024/05/story is a web address with no GS1 key" in window.banner.text()


def test_a_digital_link_is_a_lot_scan_that_asks_for_a_signed_in_operator_first(window):
    scan = window.scan_router.route("https://id.gs1.org/01/09506000134352/10/S-1?17=270531")
    assert (scan.kind, scan.gs1) == (ScanKind.LOT, True)
    assert window.banner.kind == "error"  # no one is signed in: the lot is not looked up
