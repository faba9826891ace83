"""Frozen values the screens show: what a service hands to the UI instead of database records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from mes_terminal.domain.scrap_scope import EVERYWHERE, ScrapScope
from mes_terminal.domain.spc import NO_MEASUREMENTS


@dataclass(frozen=True)
class OperatorView:
    badge: str
    name: str
    signed_in_at: datetime


@dataclass(frozen=True)
class JobView:
    """An operation running or paused at a station."""

    work_order: str
    operation: int
    operation_name: str
    product: str
    product_name: str
    unit: str
    status: str  # running | paused
    target: Decimal  # what may be made here: the previous operation's good quantity, or the order quantity
    good: Decimal
    scrap: Decimal
    run_started_at: datetime | None  # start of the current run (None while paused)
    run_seconds: float  # machine time of all runs so far, up to now
    ideal_cycle_seconds: Decimal
    actual_cycle_seconds: Decimal | None  # run time per unit reported, once something is reported
    operators: tuple[str, ...]  # names of the people on the job now
    checks_due: tuple[str, ...] = ()  # the checklist items due now, in words: "Length (first piece)"


@dataclass(frozen=True)
class ReasonItem:
    """One reason of a dispatch row, as Start will treat it."""

    code: str  # a readiness value (not_qualified, material_short...) or "lot_on_hold"
    sentence: str
    blocking: bool  # True: Start is refused with this sentence; False: advice, Start goes ahead


@dataclass(frozen=True)
class DispatchItem:
    """One line of a station's dispatch list, with its readiness decided before anyone taps."""

    work_order: str
    operation: int
    operation_name: str
    product: str
    quantity: Decimal  # order quantity
    available: Decimal  # what the previous operation has delivered (the order quantity for the first)
    good: Decimal
    scrap: Decimal
    due_at: datetime
    priority: int
    status: str  # operation status: pending | ready | running | paused
    readiness: str  # a domain.readiness.Readiness value: ready, running_here, waiting_previous...
    reason: str  # the readiness in plain words, e.g. "Waiting for operation 10 (Cut): 0 of 250 done"
    # Every reason, the most important first (its sentence is `reason`, but for the "Ready: ..." lead-in).
    reasons: tuple[ReasonItem, ...] = ()


@dataclass(frozen=True)
class StationView:
    code: str
    name: str
    line_code: str
    line_name: str
    state: str  # running | paused | down | idle
    state_since: datetime | None
    operators: tuple[OperatorView, ...]
    jobs: tuple[JobView, ...]
    open_downtime_reason: str | None  # name of the reason of an open downtime, "" when not yet classified
    badge_only: bool = False  # operators sign in here with their badge alone, without a PIN
    timezone: str = "UTC"  # the site's IANA zone: every time on the terminal is written in it


@dataclass(frozen=True)
class ReasonView:
    code: str
    name: str
    parent: str | None = None
    scope: ScrapScope = EVERYWHERE  # of a scrap reason: where it is offered

    def applies_to(self, station: StationView, job: JobView) -> bool:
        """A scrap reason the terminal offers for `job` at `station` (domain.scrap_scope)."""
        return self.scope.applies(
            line=station.line_code, station=station.code, product=job.product, operation=job.operation
        )


@dataclass(frozen=True)
class MaterialLineView:
    """One BOM line of a job as the Materials panel shows it: has what was taken kept up with the work?"""

    material: str
    name: str
    unit: str
    needed: Decimal  # for what is reported so far (good and scrap)
    taken: Decimal  # taken so far, net of returns (substitutes included)
    left: Decimal  # still to be taken for the planned quantity (what a scan takes, capped by the lot)
    on_hand: Decimal  # in usable lots (available, not expired) of the material and its substitutes
    state: str  # a domain.materials.Coverage value: to_scan | covered | short | floor_stock
    backflush: bool  # taken automatically at completion
    substitutes: tuple[str, ...] = ()
    lot_controlled: bool = True  # floor stock is not scanned by lot
    required: Decimal = Decimal(0)  # for the planned quantity


@dataclass(frozen=True)
class CheckItemView:
    code: str
    text: str
    kind: str  # pass_fail | numeric | text | choice
    required: bool
    when: str
    unit: str | None
    lower: Decimal | None
    target: Decimal | None
    upper: Decimal | None
    plausible_low: Decimal | None  # values outside these are refused as typing slips
    plausible_high: Decimal | None
    choices: tuple[str, ...]
    limits_text: str  # "99.5 – 100.5 mm (target 100)"
    due: str | None  # why it is due now ("first piece"), or None
    last_value: str | None  # the last answer on this job
    last_passed: bool | None


@dataclass(frozen=True)
class ChecklistView:
    code: str
    version: int
    name: str
    work_order: str
    operation: int
    items: tuple[CheckItemView, ...]

    @property
    def due(self) -> tuple[CheckItemView, ...]:
        return tuple(i for i in self.items if i.due is not None)


@dataclass(frozen=True)
class SpcPoint:
    value: float
    recorded_at: datetime
    work_order: str
    station: str
    rules: tuple[int, ...]  # Nelson rules this point completed against the control limits (baseline too)
    in_baseline: bool
    excluded: bool = False  # a baseline point left out of the limits (beyond them: Phase I)
    out_of_spec: str | None = None  # "USL" or "LSL": a value beyond a spec limit, apart from the rules


@dataclass(frozen=True)
class SpcSignal:
    """One thing the chart flags: a broken Nelson rule (`kind` "control") or a value out of spec ("spec")."""

    index: int  # 0-based point
    recorded_at: datetime
    kind: str  # "control" or "spec"
    rule: int | None  # the Nelson rule; None for a spec breach
    limit: str | None  # "USL" or "LSL" for a spec breach
    value: float
    text: str


@dataclass(frozen=True)
class SpcChartView:
    """One characteristic's I-MR (or X-bar/R, X-bar/S) chart: points, limits from the baseline, spec, capability."""

    checklist: str
    item: str
    text: str
    unit: str | None
    chart: str  # "i-mr", "xbar-r" or "xbar-s"
    subgroup_size: int
    baseline_size: int  # values (I-MR) or subgroups (X-bar) the limits come from
    points: tuple[SpcPoint, ...]  # single values, or subgroup averages
    spread: tuple[float, ...]  # moving ranges (first point has none) or subgroup ranges
    center: float | None
    lower_control: float | None
    upper_control: float | None
    spread_center: float | None
    spread_upper: float | None
    lower_spec: float | None
    upper_spec: float | None
    target: float | None
    cp: float | None
    cpk: float | None
    violations: tuple[str, ...]  # control signals: "point 27 (WO-3, 2026-03-02 10:14): Nelson rule 1: ..."
    spec_violations: tuple[str, ...] = ()  # "point 11 (WO-3, ...): 41.5 above the upper spec limit 40.2"
    signals: tuple[SpcSignal, ...] = ()  # both, point by point, for scripts
    provisional: bool = False  # fewer points than the baseline asks for: the limits still move
    baseline_asked: int = 0  # the baseline asked for (the site's spc_baseline or --baseline)
    excluded: tuple[int, ...] = ()  # 0-based baseline points left out of the limits
    spread_lower: float | None = None
    pp: float | None = None
    ppk: float | None = None

    @property
    def empty_text(self) -> str | None:
        """What a chart without points says instead of drawing an empty axis."""
        return None if self.points else NO_MEASUREMENTS.format(item=self.item)

    @property
    def baseline_text(self) -> str:
        """How the limits came about: their baseline, what was left out, whether they are final."""
        if self.center is None:
            return "no control limits: fewer than 2 points"
        parts = [f"limits from the first {self.baseline_size} points"]
        if self.excluded:
            parts.append(f"excluding {', '.join(str(i + 1) for i in self.excluded)} (beyond the limits)")
        if self.provisional:
            parts.append(f"provisional until {self.baseline_asked} points")
        return "; ".join(parts)
