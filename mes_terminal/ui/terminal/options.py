"""How a terminal behaves, beyond the shared settings: timings, limits and devices."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TerminalOptions:
    refresh_ms: int = 2000  # how often the station view and dispatch list are read again
    inactivity_minutes: float = 30.0  # no touch, key or scan for this long signs everyone out; 0 = never
    pin_attempts: int = 3  # wrong PINs in a row before the terminal makes people wait
    pin_lockout_seconds: int = 30
    badge_prefix: str = "B"  # typed in front of the digits when a badge number is tapped on the keypad
    wedge_max_gap_ms: float = 35.0  # keystrokes closer than this, ending in Enter or Tab, are a scan
    scanner_url: str | None = None  # a serial scanner (pyserial URL: /dev/ttyACM0, COM3, socket://, loop://)
    scanner_baudrate: int = 9600
    scanner_terminator: str = "CR"  # the serial scanner's suffix: CR, LF, CRLF, TAB or ETX
    sounds: bool = True
    print_label_on_complete: bool = False  # the output lot's label, on the label printer, when the order completes
    label_digital_link: bool = False  # labels printed here carry a GS1 Digital Link QR code (bootstrap's StationLabels)
    camera: bool = False  # a Camera button: the station's camera reads barcodes like a scanner
    language: str = "en"  # "en" or "de"
    offline_alarm_minutes: float = 15.0  # offline longer than this, the terminal says so loudly; 0 = never
