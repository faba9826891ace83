"""The names people read for the reports' columns and figures, with their units, and how a value is written.

One owner: the command line's table, the PDF and the console's Reports tab all take their headings from
here (JSON and CSV keep the keys, which scripts read). Titles are `Sentence`s, so the console shows them
in its language. Values for people: a fraction as a percentage with one decimal, seconds as h:mm:ss, a
count without trailing zeros, an instant as the site's wall clock (`domain.clock.site_time`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from mes_terminal.domain.clock import site_time
from mes_terminal.domain.sentences import Sentence

TEXT, PERCENT, SECONDS, COUNT, TIME = "text", "percent", "seconds", "count", "time"


@dataclass(frozen=True)
class Column:
    title: Sentence
    kind: str = TEXT
    unit: str = ""  # shown after the title: "Planned time (h:mm:ss)"

    @property
    def heading(self) -> str:
        return f"{self.title} ({self.unit})" if self.unit else str(self.title)

    @property
    def numeric(self) -> bool:
        return self.kind in (PERCENT, SECONDS, COUNT)


_DURATION = "h:mm:ss"

COLUMNS: dict[str, Column] = {
    # where and when
    "station": Column(Sentence("Station")),
    "line": Column(Sentence("Line")),
    "shift": Column(Sentence("Shift")),
    "day": Column(Sentence("Day")),
    "from": Column(Sentence("From"), TIME),
    "to": Column(Sentence("To"), TIME),
    # OEE
    "planned_seconds": Column(Sentence("Planned time"), SECONDS, _DURATION),
    "run_seconds": Column(Sentence("Run time"), SECONDS, _DURATION),
    "total_count": Column(Sentence("Made"), COUNT),
    "good_count": Column(Sentence("Good"), COUNT),
    "availability": Column(Sentence("Availability"), PERCENT, "%"),
    "performance": Column(Sentence("Performance"), PERCENT, "%"),
    "quality": Column(Sentence("Quality"), PERCENT, "%"),
    "oee": Column(Sentence("OEE"), PERCENT, "%"),
    "teep": Column(Sentence("TEEP"), PERCENT, "%"),
    "utilization": Column(Sentence("Utilisation"), PERCENT, "%"),
    "calendar_seconds": Column(Sentence("Calendar time"), SECONDS, _DURATION),
    "all_seconds": Column(Sentence("All time"), SECONDS, _DURATION),
    "ideal_seconds": Column(Sentence("Ideal time"), SECONDS, _DURATION),
    "planned_stop_seconds": Column(Sentence("Planned stops"), SECONDS, _DURATION),
    "unplanned_stop_seconds": Column(Sentence("Unplanned stops"), SECONDS, _DURATION),
    "in_calendar_seconds": Column(Sentence("Within the calendar"), SECONDS, _DURATION),
    "units_without_ideal_cycle": Column(Sentence("Units without an ideal cycle"), COUNT),
    "machine_count": Column(Sentence("Counted by machines"), COUNT),
    "machine_stops": Column(Sentence("Stops from machines"), COUNT),
    "operator_stops": Column(Sentence("Stops from operators"), COUNT),
    # downtime and scrap Paretos
    "reason": Column(Sentence("Reason code")),
    "name": Column(Sentence("Reason")),
    "path": Column(Sentence("Reason path")),
    "category": Column(Sentence("Category")),
    "loss": Column(Sentence("Loss")),
    "stops": Column(Sentence("Stops"), COUNT),
    "micro_stops": Column(Sentence("Micro-stops"), COUNT),
    "seconds": Column(Sentence("Stop time"), SECONDS, _DURATION),
    "unclassified_stops": Column(Sentence("Stops without a reason"), COUNT),
    "share": Column(Sentence("Share"), PERCENT, "%"),
    "cumulative_share": Column(Sentence("Cumulative share"), PERCENT, "%"),
    "scrap": Column(Sentence("Scrap"), COUNT),
    "reports": Column(Sentence("Reports"), COUNT),
    # production
    "work_order": Column(Sentence("Work order")),
    "operation": Column(Sentence("Operation")),
    "operation_name": Column(Sentence("Operation name")),
    "product": Column(Sentence("Product")),
    "unit": Column(Sentence("Unit")),
    "good": Column(Sentence("Good"), COUNT),
    "first_report": Column(Sentence("First report"), TIME),
    "last_report": Column(Sentence("Last report"), TIME),
    "without_material": Column(Sentence("Reported without material"), COUNT),
    "reported_without_material": Column(Sentence("Reported without material"), COUNT),
    "due": Column(Sentence("Due"), TIME),
}


def column(key: str) -> Column:
    """The column of `key`; a key without a name of its own reads as its words ("made_in" -> "Made in")."""
    known = COLUMNS.get(key)
    if known is not None:
        return known
    words = key.replace("_", " ").strip()
    return Column(Sentence("{words}", words=words[:1].upper() + words[1:]))


def heading(key: str) -> str:
    return column(key).heading


def shown(key: str, value: Any, zone: str = "UTC") -> str:
    """`value` of column `key` as people read it ("–" when there is none)."""
    if value is None or value == "":
        return "–"
    kind = column(key).kind
    if isinstance(value, datetime):
        return site_time(value, zone)
    if kind == PERCENT and isinstance(value, Decimal | int | float):
        return f"{Decimal(str(value)) * 100:.1f}"
    if kind == SECONDS and isinstance(value, Decimal | int | float):
        return duration(value)
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return number(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def percent(value: Decimal | float | None) -> str:
    """A fraction as a percentage with one decimal and its sign: "83.4 %" ("–" when not defined)."""
    return "–" if value is None else f"{Decimal(str(value)) * 100:.1f} %"


def duration(seconds: Decimal | float | int) -> str:
    """0:07:12 for seven minutes and twelve seconds; hours grow beyond 24 (a week is 168:00:00)."""
    whole = max(int(Decimal(str(seconds)).to_integral_value()), 0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def number(value: Decimal | float | int) -> str:
    """A count or quantity without trailing zeros: 250, 0.35."""
    text = f"{Decimal(str(value)).normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
