"""OEE arithmetic over measured inputs, each figure with its formula and the inputs it used.

    planned     = calendar (shifts minus breaks) - planned stops
    run         = planned - unplanned stops (availability losses, micro-stops excepted)
    availability = run / planned
    performance  = ideal cycle time x total count / run
    quality      = good count / total count
    OEE          = availability x performance x quality
    utilization  = planned / all time;  TEEP = OEE x utilization

A figure whose divisor is zero has no value (None) and says why. Performance is not capped at 1: a
value above 1 means the ideal cycle time is slower than the machine really is, and hiding that would
hide a wrong master record. Times are seconds, counts are quantities: all Decimal.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

PLACES = Decimal("0.000001")
ZERO = Decimal(0)


@dataclass(frozen=True)
class OeeInputs:
    all_seconds: Decimal = ZERO  # the whole range, round the clock, for each station (TEEP's base)
    calendar_seconds: Decimal = ZERO  # shifts minus breaks inside the range
    planned_stop_seconds: Decimal = ZERO  # planned stops inside the calendar
    unplanned_stop_seconds: Decimal = ZERO  # availability losses inside the calendar
    ideal_seconds: Decimal = ZERO  # sum of ideal cycle time x total count, per operation
    total_count: Decimal = ZERO
    good_count: Decimal = ZERO

    def __add__(self, other: OeeInputs) -> OeeInputs:
        """Inputs of two stations (or two ranges) together: a line's figures are sums over its stations."""
        return OeeInputs(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


@dataclass(frozen=True)
class Figure:
    name: str
    value: Decimal | None
    formula: str
    inputs: dict[str, Decimal | None]
    note: str = ""

    def rounded(self) -> Decimal | None:
        return None if self.value is None else self.value.quantize(PLACES)

    def explain(self) -> dict[str, object]:
        out: dict[str, object] = {"value": self.rounded(), "formula": self.formula, "inputs": dict(self.inputs)}
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class OeeResult:
    inputs: OeeInputs
    planned: Figure
    run: Figure
    availability: Figure
    performance: Figure
    quality: Figure
    oee: Figure
    utilization: Figure
    teep: Figure

    @property
    def figures(self) -> tuple[Figure, ...]:
        return (
            self.planned,
            self.run,
            self.availability,
            self.performance,
            self.quality,
            self.oee,
            self.utilization,
            self.teep,
        )

    def explain(self) -> dict[str, dict[str, object]]:
        """Every figure with its formula and inputs, for `--explain`."""
        return {figure.name: figure.explain() for figure in self.figures}


def compute(inputs: OeeInputs) -> OeeResult:
    planned_value = max(inputs.calendar_seconds - inputs.planned_stop_seconds, ZERO)
    planned = Figure(
        "planned_seconds",
        planned_value,
        "calendar_seconds - planned_stop_seconds",
        {"calendar_seconds": inputs.calendar_seconds, "planned_stop_seconds": inputs.planned_stop_seconds},
    )
    run_value = max(planned_value - inputs.unplanned_stop_seconds, ZERO)
    run = Figure(
        "run_seconds",
        run_value,
        "planned_seconds - unplanned_stop_seconds",
        {"planned_seconds": planned_value, "unplanned_stop_seconds": inputs.unplanned_stop_seconds},
    )
    availability = _ratio(
        "availability",
        "run_seconds / planned_seconds",
        ("run_seconds", run_value),
        ("planned_seconds", planned_value),
        "no planned production time in this range",
    )
    performance = _ratio(
        "performance",
        "ideal_seconds / run_seconds  (ideal_seconds = sum of ideal cycle time x total count)",
        ("ideal_seconds", inputs.ideal_seconds),
        ("run_seconds", run_value),
        "no run time in this range",
    )
    if performance.value is not None and performance.value > 1:
        performance = Figure(
            performance.name,
            performance.value,
            performance.formula,
            performance.inputs,
            "above 1: the ideal cycle time is slower than the machine really runs, or stops were recorded "
            "that did not stop it",
        )
    quality = _ratio(
        "quality",
        "good_count / total_count",
        ("good_count", inputs.good_count),
        ("total_count", inputs.total_count),
        "nothing was counted in this range",
    )
    oee = _product("oee", "availability x performance x quality", availability, performance, quality)
    utilization = _ratio(
        "utilization",
        "planned_seconds / all_seconds",
        ("planned_seconds", planned_value),
        ("all_seconds", inputs.all_seconds),
        "the range is empty",
    )
    teep = _product("teep", "oee x utilization", oee, utilization)
    return OeeResult(inputs, planned, run, availability, performance, quality, oee, utilization, teep)


def _ratio(name: str, formula: str, top: tuple[str, Decimal], bottom: tuple[str, Decimal], why_none: str) -> Figure:
    inputs: dict[str, Decimal | None] = {top[0]: top[1], bottom[0]: bottom[1]}
    if bottom[1] <= 0:
        return Figure(name, None, formula, inputs, why_none)
    return Figure(name, top[1] / bottom[1], formula, inputs)


def _product(name: str, formula: str, *factors: Figure) -> Figure:
    inputs = {f.name: f.value for f in factors}
    missing = [f.name for f in factors if f.value is None]
    if missing:
        return Figure(name, None, formula, inputs, f"{' and '.join(missing)} not defined")
    value = Decimal(1)
    for factor in factors:
        assert factor.value is not None
        value *= factor.value
    return Figure(name, value, formula, inputs)
