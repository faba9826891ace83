"""What the terminal would do with one scan, told without a terminal: for `mes-terminal scan`.

The scan goes through the terminal's own steps, `classify_scan` and for GS1 data `parse_gs1_scan`, and
the answer says what they found and what the terminal does next. Whatever needs the database (is the
badge known, which of our lots a GTIN + batch names, is the job dispatched here) is said, not checked.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from mes_terminal.domain.gs1 import Gs1Error, parse_gs1_scan
from mes_terminal.domain.gs1_dictionary import Gs1Dictionary
from mes_terminal.domain.scans import DEFAULT_BADGE_PATTERN, ScanKind, classify_scan

FIELDS = ("raw", "ok", "kind", "badge", "lot", "work_order", "operation", "gtin", "gs1", "message")


def explain_scan(
    raw: str,
    dictionary: Gs1Dictionary,
    *,
    today: date,
    badge_pattern: str | re.Pattern[str] = DEFAULT_BADGE_PATTERN,
) -> dict[str, Any]:
    """One scan explained: {"raw", "ok", "kind", "badge", "lot", "work_order", "operation", "gtin", "gs1",
    "message"}. `gs1` is the list of [AI, value] pairs of GS1 data, else None; for a GS1 label `lot` is its
    (10) batch and `gtin` its (01). Never raises for a str."""
    scan = classify_scan(raw, badge_pattern=badge_pattern, gs1_dictionary=dictionary)
    answer: dict[str, Any] = dict.fromkeys(FIELDS)
    answer.update(raw=raw, ok=scan.kind is not ScanKind.UNKNOWN, kind=scan.kind.value)
    answer.update(badge=scan.badge, lot=scan.lot, work_order=scan.work_order, operation=scan.operation)
    if scan.kind is ScanKind.UNKNOWN:
        answer["message"] = f"{scan.reason}. The terminal shows this in red and does nothing else."
    elif scan.kind is ScanKind.BADGE:
        answer["message"] = (
            f"Operator badge {scan.badge}: the terminal signs it in (asking for the PIN unless the station "
            "signs in by badge alone), or offers to sign it out if it is signed in already."
        )
    elif scan.kind is ScanKind.OPERATION:
        answer["message"] = (
            f"Operation {scan.operation} of work order {scan.work_order} (a traveler): the terminal selects "
            "that job if it is dispatched to this station and offers to start it when it is ready."
        )
    elif scan.kind is ScanKind.WORK_ORDER:
        answer["message"] = (
            f"Work order {scan.work_order}: the terminal selects its first job at this station and says "
            "where it stands."
        )
    elif scan.kind is ScanKind.STATION:
        answer["message"] = (
            f"Workstation sign {scan.station}: the terminal confirms it is this station or warns that the "
            "sign names another."
        )
    elif not scan.gs1:
        answer["message"] = f"Our lot label of lot {scan.lot}: the terminal takes the lot into the running job."
    else:
        _explain_gs1(answer, scan.gs1_data or "", dictionary, today)
    return answer


def _explain_gs1(answer: dict[str, Any], data: str, dictionary: Gs1Dictionary, today: date) -> None:
    try:
        read = parse_gs1_scan(data, dictionary, today=today)
    except Gs1Error as error:
        answer.update(ok=False, message=f"{error.message} The terminal shows this in red and does nothing else.")
        return
    symbol = "A GS1 Digital Link" if read.digital_link else "A GS1 element string"
    answer.update(gs1=[[ai, value] for ai, value in read.pairs], gtin=read.gtin, lot=read.lot)
    if read.gtin is None or read.lot is None:
        missing = "no lot (AI 10)" if read.lot is None else "no product (AI 01 GTIN)"
        answer.update(
            ok=False,
            message=f"{symbol} that names {missing}: the terminal asks for the lot label and takes nothing.",
        )
        return
    answer["message"] = (
        f"{symbol} naming batch {read.lot} of GTIN {read.gtin}: the terminal finds the lot of that material "
        "with that number or supplier lot and takes it into the running job."
    )
