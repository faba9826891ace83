"""The current shift of each line, and OEE of that shift so far for the board (from the reports of #6).

A line between shifts shows its last shift; a line without a calendar shows the last eight hours.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import Engine

from mes_terminal.domain.clock import Clock
from mes_terminal.domain.intervals import Span
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.reports.scope import resolve
from mes_terminal.services.reports.service import ReportService

FALLBACK = timedelta(hours=8)


def current_shifts(engine: Engine, now: datetime) -> dict[str, Span]:
    """Line code -> the span of its shift going on at `now` (or the last one before), up to its end."""
    with read_connection(engine) as connection:
        covered = resolve(connection, None, None, now - timedelta(days=2), now + timedelta(days=1))
    spans: dict[str, Span] = {}
    for info in covered.stations:
        if info.line_code in spans:
            continue
        started = [o.span for o in covered.occurrences(covered.window, info.line_id) if o.span.start <= now]
        spans[info.line_code] = max(started, key=lambda s: s.start) if started else Span(now - FALLBACK, now)
    return spans


def shift_oee(engine: Engine, clock: Clock, lines: frozenset[str] | None = None) -> dict[str, Decimal | None]:
    """Station code -> OEE (0..1) of its line's current shift so far; None where it is not defined yet.
    `lines` limits it to those lines (the namespace publisher asks only for the lines that changed)."""
    now = clock.now()
    reports = ReportService(engine, clock)
    found: dict[str, Decimal | None] = {}
    for line, span in current_shifts(engine, now).items():
        if span.start >= now or (lines is not None and line not in lines):
            continue
        report = reports.oee(line=line, start=span.start, end=min(span.end, now), by="station")
        for row in report.rows:
            found[row["station"]] = row["oee"]
    return found
