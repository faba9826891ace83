"""Frozen values the screens show: what a service hands to the UI instead of database records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from mes_terminal.domain.scrap_scope import EVERYWHERE, ScrapScope


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
    """One BOM line of a job as the Materials panel shows it."""

    material: str
    name: str
    unit: str
    required: Decimal  # for the job's target quantity
    consumed: Decimal  # taken so far, net of returns (substitutes included)
    remaining: Decimal
    on_hand: Decimal  # in usable lots (available, not expired) of the material and its substitutes
    state: str  # a domain.materials.MaterialState value: ready | short | missing
    backflush: bool  # taken automatically at completion
    substitutes: tuple[str, ...] = ()
    lot_controlled: bool = True  # floor stock is not scanned by lot


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
    rules: tuple[int, ...]  # Nelson rules this point completed (empty inside the baseline)
    in_baseline: bool


@dataclass(frozen=True)
class SpcChartView:
    """One characteristic's I-MR (or X-bar/R) chart: points, limits from the baseline, spec, capability."""

    checklist: str
    item: str
    text: str
    unit: str | None
    chart: str  # "i-mr" or "xbar-r"
    subgroup_size: int
    baseline_size: int  # values (I-MR) or subgroups (X-bar/R) the limits come from
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
    violations: tuple[str, ...]  # "point 27 (WO-3, 2026-03-02 10:14): Nelson rule 1: ..."
