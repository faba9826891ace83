"""What a scanned barcode is: a badge, a traveler operation, a work order, a lot, a workstation — or not ours.

`classify_scan` is the first step of "scan anywhere": whatever has focus, every scan passes through it
and the scan router acts on its `kind`. It never raises for any text: a scan it cannot place comes back
as `ScanKind.UNKNOWN` with a `reason` an operator can read on a red banner.

Our own barcode formats (what MES Terminal prints on badges, travelers, lot labels and station signs):

    BADGE:<badge>                      an operator's badge               BADGE:B1001
    OP:<work order>:<operation>        one operation on a traveler       OP:WO-1042:20
    WO:<work order>                    a work order (traveler header)    WO:WO-1042
    LOT:<lot number>                   a lot label of our own            LOT:L-7781
    WS:<station code>                  a workstation sign                WS:WS-01
    INSTR:<work order>:<operation>     an operation's work instructions  INSTR:WO-1042:20

- Prefixes are recognised in any case (`badge:`, `Op:`): a keyboard-wedge scanner on a terminal with
  Caps Lock on inverts the case of letters. The codes themselves are passed on exactly as scanned.
- Codes follow `domain.values.parse_code`: letters, digits and `. _ / -`, at most 64 characters.
  The operation is the routing step's whole number (10, 20, ...), 1 to 2**31 - 1.
- A bare code matching the badge pattern (default `^B\\d{3,10}$`) is a badge too: badge cards often
  carry only the number. Any other bare code (`R-2612-04A`, a supplier's plain lot label) is UNKNOWN
  with its `code` kept: it is a lot number when such a lot exists, which the terminal asks the lots.
- GS1 lot labels (`]C1`, `]e0`, `]d2`, `]Q3`, `]J1` symbology identifiers, a GS separator, or AI 01 with a
  GTIN-14 at the start) are recognised as lots with `gs1=True`; their content is kept whole in
  `gs1_data` for the GS1 parser (`domain.gs1.parse_gs1_scan`).
- So are GS1 Digital Link URIs (`https://id.gs1.org/01/09506000134352/10/ABC?17=270531`, any domain,
  `http` or `https` in any case, a `]Q1`, `]d1` or `]J0` identifier in front dropped): an http(s) address
  whose path reaches a GS1 primary key (given GS1's dictionary; without it, any "/AI/value" pair).
  Any other web address, and other URI schemes (`javascript:`, `data:`, `file:`, ...), are UNKNOWN
  with a sentence saying so: nothing is ever fetched.
- Surrounding spaces and a trailing CR, LF or Tab (the scanner's suffix) are removed first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from mes_terminal.domain.errors import ConfigurationError, InvalidInput
from mes_terminal.domain.gs1 import SYMBOLOGY_IDENTIFIERS
from mes_terminal.domain.gs1_dictionary import Gs1Dictionary
from mes_terminal.domain.gs1_digital_link import (
    is_web_address,
    looks_like_digital_link,
    names_a_gs1_key,
    uri_scheme,
    without_symbology,
)
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.values import INT_MAX, parse_code

DEFAULT_BADGE_PATTERN = r"^B\d{3,10}$"
DISPLAY_LIMIT = 60

# Only ASCII layout whitespace is trimmed. Python's str.strip() would also remove FS, GS, RS and US
# (\x1c-\x1f count as whitespace to Python), and a GS at either end of a GS1 scan is data.
_TRIM = " \t\r\n\v\f"

# AIM symbology identifiers that a scanner prefixes to GS1 symbols when told to (GS1-128, GS1 DataBar,
# GS1 DataMatrix, GS1 QR Code, GS1 DotCode): the GS1 parser's own list.
_GS1_SYMBOLOGIES = tuple(SYMBOLOGY_IDENTIFIERS)
_GS = "\x1d"
# AI 01 followed by the fourteen digits of a GTIN: how a GS1 label scanned without identifier begins.
_GS1_GTIN_START = re.compile(r"^01[0-9]{14}")
_SEQUENCE = re.compile(r"^[0-9]{1,10}$")
# URI schemes a scan may carry that are never ours: named in the refusal rather than "not a code".
_FOREIGN_SCHEMES = frozenset({"javascript", "vbscript", "data", "file", "ftp", "mailto", "tel", "sms", "urn", "blob"})

# Names for the C0 control characters, so that a banner shows <GS> rather than an invisible character.
# fmt: off
_ASCII_CONTROL_NAMES = (
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
)
# fmt: on


class ScanKind(StrEnum):
    BADGE = "badge"
    OPERATION = "operation"
    WORK_ORDER = "work_order"
    LOT = "lot"
    STATION = "station"
    INSTRUCTIONS = "instructions"  # open the work instructions of one operation (a traveler's DataMatrix)
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Scan:
    """One classified scan. Only the parts its `kind` names are filled in; the others are None.

    `raw` is what was scanned, made safe to show: control characters written as `<GS>` or `\\x85`,
    shortened to at most 60 characters. `reason` is set for UNKNOWN only.
    """

    kind: ScanKind
    raw: str
    badge: str | None = None
    work_order: str | None = None
    operation: int | None = None
    lot: str | None = None
    station: str | None = None
    gs1: bool = False
    gs1_data: str | None = None
    reason: str | None = None
    # UNKNOWN only: a bare code of our characters (`R-2612-04A`), which names a lot if such a lot exists;
    # only the lot list can tell, so the terminal asks it before saying the scan is not ours.
    code: str | None = None


def classify_scan(
    raw: str,
    *,
    badge_pattern: str | re.Pattern[str] = DEFAULT_BADGE_PATTERN,
    gs1_dictionary: Gs1Dictionary | None = None,
) -> Scan:
    """Classify one scan. Never raises for a str; an unusable `badge_pattern` raises ConfigurationError.

    With GS1's dictionary a web address is a Digital Link only when its path reaches a GS1 primary key
    (/01/, /00/, /414/, ...); without it, any "/digits/value" pair in its path makes it one."""
    pattern = compile_badge_pattern(badge_pattern)
    text = raw.strip(_TRIM)
    shown = for_display(text)
    if not text:
        return _unknown(shown, Sentence("The scan looks cut off: nothing came through"))
    uri = without_symbology(text)
    if is_web_address(uri):
        if names_a_gs1_key(uri, gs1_dictionary) if gs1_dictionary else looks_like_digital_link(uri):
            # Kept whole: domain.gs1.parse_gs1_scan reads it where the lot is looked up.
            return Scan(ScanKind.LOT, shown, gs1=True, gs1_data=uri)
        return _unknown(
            shown,
            Sentence(
                "Not a code MES Terminal knows: {shown} is a web address with no GS1 key such as /01/ in its path",
                shown=shown,
            ),
        )
    if _looks_like_gs1(text):
        # Kept whole: the GS1 parser (domain.gs1) reads it where the lot is looked up.
        return Scan(ScanKind.LOT, shown, gs1=True, gs1_data=text)
    if any(_is_control(ch) for ch in text):
        return _unknown(shown, Sentence("The scan contains control characters: {shown}", shown=shown))
    prefix, colon, rest = text.partition(":")
    prefix = prefix.strip().upper()
    if prefix in _PREFIXED:
        if not colon or not rest.strip():
            cut = _unknown(shown, Sentence("The scan looks cut off: {shown}", shown=shown))
            # A bare `OP` may be a lot's own number too: kept for the lots to recognise, as any plain code.
            return cut if colon else replace(cut, code=_code(text))
        return _PREFIXED[prefix](rest, shown)
    scheme = uri_scheme(text)
    if scheme is not None and (scheme in _FOREIGN_SCHEMES or rest.startswith("//")):
        return _unknown(
            shown,
            Sentence(
                "Not a code MES Terminal knows: {shown} ({scheme}: links are never opened)", shown=shown, scheme=scheme
            ),
        )
    code = _code(text)
    if code is not None and pattern.fullmatch(text):
        return Scan(ScanKind.BADGE, shown, badge=text)
    if code is not None:
        return replace(_not_ours(shown), code=code)
    return _not_ours(shown)


def compile_badge_pattern(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    """The badge pattern as a compiled regular expression; a broken one is a ConfigurationError."""
    if isinstance(pattern, re.Pattern):
        return pattern
    try:
        return re.compile(pattern)  # re keeps its own cache, so per-scan calls stay cheap
    except re.error as error:
        raise ConfigurationError(f"The badge pattern {pattern!r} is not a valid regular expression: {error}.") from None


def for_display(text: str, limit: int = DISPLAY_LIMIT) -> str:
    """`text` made safe for a banner: invisible characters written out, at most `limit` characters."""
    # Every character shows as at least one, so the first limit + 1 characters decide the result.
    tokens = [_visible(ch) for ch in text[: limit + 1]]
    if len(text) <= limit and sum(len(t) for t in tokens) <= limit:
        return "".join(tokens)
    kept: list[str] = []
    length = 0
    for token in tokens:
        if length + len(token) > limit - 1:
            break
        kept.append(token)
        length += len(token)
    return "".join(kept) + "…"


def _one_code(kind: ScanKind, field: str) -> Callable[[str, str], Scan]:
    def read(rest: str, shown: str) -> Scan:
        code = _code(rest)
        if code is None:
            return _not_ours(shown)
        part: dict[str, Any] = {field: code}  # the one field this kind fills in
        return Scan(kind, shown, **part)

    return read


def _operation(rest: str, shown: str) -> Scan:
    work_order, colon, sequence = rest.partition(":")
    if not colon or not sequence.strip():
        return _unknown(shown, Sentence("The scan looks cut off: {shown}", shown=shown))
    code = _code(work_order)
    sequence = sequence.strip()
    if code is None or not _SEQUENCE.match(sequence) or not 1 <= int(sequence) <= INT_MAX:
        return _not_ours(shown)
    return Scan(ScanKind.OPERATION, shown, work_order=code, operation=int(sequence))


def _instructions(rest: str, shown: str) -> Scan:
    scan = _operation(rest, shown)
    return replace(scan, kind=ScanKind.INSTRUCTIONS) if scan.kind == ScanKind.OPERATION else scan


_PREFIXED = {
    "BADGE": _one_code(ScanKind.BADGE, "badge"),
    "WO": _one_code(ScanKind.WORK_ORDER, "work_order"),
    "LOT": _one_code(ScanKind.LOT, "lot"),
    "WS": _one_code(ScanKind.STATION, "station"),
    "OP": _operation,
    "INSTR": _instructions,
}


def _code(text: str) -> str | None:
    try:
        return parse_code(text, "code")
    except InvalidInput:
        return None


def _looks_like_gs1(text: str) -> bool:
    return text.startswith(_GS1_SYMBOLOGIES) or _GS in text or bool(_GS1_GTIN_START.match(text))


def _is_control(ch: str) -> bool:
    # Cc: C0/C1 controls; Cf: invisible format characters (zero-width space, BOM); Cs: lone surrogates.
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs")


def _visible(ch: str) -> str:
    if ch == " " or ch.isprintable():
        return ch
    code = ord(ch)
    if code < len(_ASCII_CONTROL_NAMES):
        return f"<{_ASCII_CONTROL_NAMES[code]}>"
    if code == 0x7F:
        return "<DEL>"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _unknown(shown: str, reason: str) -> Scan:
    return Scan(ScanKind.UNKNOWN, shown, reason=reason)


def _not_ours(shown: str) -> Scan:
    return _unknown(shown, Sentence("Not a code MES Terminal knows: {shown}", shown=shown))
