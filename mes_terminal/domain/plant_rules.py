"""The rules a plant file must keep beyond the type of each value: unique codes, references that name
something defined, shifts and breaks that fit, trees and bills of materials without loops.

Each rule notes its problems through the document, so every message names the key path and the line,
and reading goes on: one run names every mistake.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import time
from typing import TYPE_CHECKING

from mes_terminal.domain.plant_machines import DEFAULT_BADGE
from mes_terminal.domain.plant_values import DAYS
from mes_terminal.domain.toml_reader import KeyPath, Table, TomlDocument, dotted

if TYPE_CHECKING:
    from mes_terminal.domain.plant import (
        ChecklistItemSpec,
        DowntimeReasonSpec,
        LineSpec,
        PlantDefinition,
        ProductSpec,
        ShiftSpec,
    )

DAY_MINUTES = 24 * 60
WEEK_MINUTES = 7 * DAY_MINUTES


def refuse_repeats(document: TomlDocument, entries: Iterable[tuple[KeyPath, object]], what: str) -> None:
    """Refuse the second of any two entries with the same value, pointing back at the first."""
    first: dict[object, KeyPath] = {}
    for path, value in entries:
        if value in first:
            earlier = document.line_of(first[value])
            where = f"line {earlier}" if earlier is not None else dotted(first[value])
            document.note(path, f"repeats the {what} {value}, already given at {where}.")
        else:
            first[value] = path


def refuse_repeated_elements(t: Table, key: str, values: Sequence[object], what: str) -> None:
    """Refuse a value given twice in the list `key` of `t`, once every element of it could be read
    (an unreadable element is left out of `values`, so positions would no longer match)."""
    if t.document.intact(t.at(key)):
        refuse_repeats(t.document, [(t.at(key, i), value) for i, value in enumerate(values)], what)


def shift_minutes(start: time, end: time) -> int:
    """The length of a shift in minutes; an end at or before the start is on the next day."""
    length = (_minute_of_day(end) - _minute_of_day(start)) % DAY_MINUTES
    return length or DAY_MINUTES


def check_breaks(t: Table, shift: ShiftSpec) -> None:
    """Every break lies inside its shift, and no two breaks overlap."""
    placed = []
    for i, pause in enumerate(shift.breaks):
        offset = (_minute_of_day(pause.start) - _minute_of_day(shift.start)) % DAY_MINUTES
        if offset + pause.minutes > shift.minutes:
            t.note(
                ("breaks", i),
                f"at {pause.start:%H:%M} for {pause.minutes} minutes does not lie inside the shift "
                f"{shift.start:%H:%M}-{shift.end:%H:%M}.",
            )
        placed.append((offset, i, pause))
    placed.sort()
    for (offset, _, earlier), (next_offset, i, pause) in itertools.pairwise(placed):
        if offset + earlier.minutes > next_offset:
            t.note(("breaks", i), f"at {pause.start:%H:%M} overlaps the break at {earlier.start:%H:%M}.")


def resolve_reason_tree(
    tables: Sequence[Table], reasons: Sequence[DowntimeReasonSpec]
) -> tuple[DowntimeReasonSpec, ...]:
    """Check the downtime reason tree and give every reason its category and loss.

    `reasons` come with an empty category or loss where the file left it to the parent.
    """
    if not tables:
        return ()
    document = tables[0].document
    refuse_repeats(document, [(t.at("code"), r.code) for t, r in zip(tables, reasons, strict=True)], "reason code")
    by_code = {r.code: r for r in reasons}
    for t, reason in zip(tables, reasons, strict=True):
        document.attempt(functools.partial(_check_parent, t, reason, by_code))
    for t, reason in zip(tables, reasons, strict=True):
        if reason.parent is None:
            for key, options in (
                ("category", "planned or unplanned"),
                ("loss", "availability, performance or quality"),
            ):
                if not getattr(reason, key):
                    t.note(key, f"is missing; a reason without a parent needs one ({options}).")
    if not document.intact(("downtime_reasons",)):
        return tuple(reasons)  # not resolved: a parent is missing or loops (the file is refused anyway)
    return tuple(
        replace(r, category=_inherited(r, by_code, "category"), loss=_inherited(r, by_code, "loss")) for r in reasons
    )


def _check_parent(t: Table, reason: DowntimeReasonSpec, by_code: dict[str, DowntimeReasonSpec]) -> None:
    if reason.parent is None:
        return
    if reason.parent == reason.code:
        t.fail("parent", "names the reason itself.")
    if reason.parent not in by_code:
        t.fail("parent", f"names {reason.parent}, which is not a downtime reason in this file.")
    chain = [reason.code]
    node: DowntimeReasonSpec | None = by_code[reason.parent]
    while node is not None:
        chain.append(node.code)
        if node.code == reason.code:
            t.fail("parent", f"makes a loop: {' > '.join(chain)}.")
        node = by_code.get(node.parent) if node.parent is not None else None
        if len(chain) > len(by_code) + 1:
            return  # a loop further up, reported at a reason inside it


def _inherited(reason: DowntimeReasonSpec, by_code: dict[str, DowntimeReasonSpec], key: str) -> str:
    node = reason
    while not getattr(node, key) and node.parent is not None:
        node = by_code[node.parent]
    return str(getattr(node, key))


def check_item(t: Table, item: ChecklistItemSpec) -> None:
    """The keys of a checklist item fit its kind and its trigger."""
    if item.kind != "numeric":
        for key in ("unit", "lower", "target", "upper"):
            if key in t:
                t.note(key, f"is only for numeric items; this item is {item.kind}.")
    if item.kind != "choice" and "choices" in t:
        t.note("choices", f"is only for choice items; this item is {item.kind}.")
    if item.kind == "choice":
        if len(item.choices) < 2:
            t.note("choices", "must list at least two answers for a choice item.")
        refuse_repeats(t.document, [(t.at("choices", i), c) for i, c in enumerate(item.choices)], "answer")
    _check_limits_order(t, item)
    for trigger in ("every_n", "every_minutes"):
        if item.when == trigger and getattr(item, trigger) is None:
            t.note(trigger, f'is missing; when = "{trigger}" needs it.')
        if item.when != trigger and trigger in t:
            t.note(trigger, f'is only for when = "{trigger}"; this item is checked at {item.when}.')


def _check_limits_order(t: Table, item: ChecklistItemSpec) -> None:
    values = [(key, getattr(item, key)) for key in ("lower", "target", "upper")]
    given = [(key, value) for key, value in values if value is not None]
    for (low_key, low), (high_key, high) in itertools.pairwise(given):
        if low > high:
            t.note(high_key, f"({high}) is below {low_key} ({low}).")


def check_references(document: TomlDocument, plant: PlantDefinition) -> None:
    """Every code the file refers to is defined in it, and no code is defined twice."""
    _check_equipment(document, plant)
    refuse_repeats(document, _paths("users", "badge", (u.badge for u in plant.users)), "badge")
    _check_materials(document, plant)
    refuse_repeats(document, _paths("scrap_reasons", "code", (r.code for r in plant.scrap_reasons)), "scrap reason")
    _check_scrap_scopes(document, plant)
    refuse_repeats(
        document,
        _paths("checklists", "version", (f"{c.code} version {c.version}" for c in plant.checklists)),
        "checklist",
    )
    for i, product in enumerate(plant.products):
        _check_routing(document, plant, i, product)
        _check_bom(document, plant, i, product)
    _refuse_bom_loops(document, plant.products)
    _check_machines(document, plant)
    _check_calendar(document, plant)


def _check_scrap_scopes(document: TomlDocument, plant: PlantDefinition) -> None:
    """The lines, stations and operations a scrap reason is scoped to are those of this file."""
    lines = {line.code for line in plant.lines}
    stations = {ws.code for line in plant.lines for ws in line.workstations}
    routings = {p.code: {op.operation for op in p.routing} for p in plant.products}
    for i, reason in enumerate(plant.scrap_reasons):
        for j, line in enumerate(reason.lines):
            if line not in lines:
                document.note(("scrap_reasons", i, "lines", j), f"names {line}, which is not a line in this file.")
        for j, station in enumerate(reason.stations):
            if station not in stations:
                document.note(
                    ("scrap_reasons", i, "stations", j), f"names {station}, which is not a workstation in this file."
                )
        for j, (product, number) in enumerate(reason.operations):
            at = ("scrap_reasons", i, "operations", j)
            if product not in routings:
                document.note((*at, "product"), f"names {product}, which is not a product in this file.")
            elif number not in routings[product]:
                document.note((*at, "operation"), f"is {number}, which is not an operation of {product}'s routing.")


def _paths(section: str, key: str, values: Iterable[object]) -> list[tuple[KeyPath, object]]:
    return [((section, i, key), value) for i, value in enumerate(values)]


def _check_equipment(document: TomlDocument, plant: PlantDefinition) -> None:
    refuse_repeats(document, _paths("areas", "code", (a.code for a in plant.areas)), "area code")
    refuse_repeats(document, _paths("shifts", "code", (s.code for s in plant.shifts)), "shift code")
    refuse_repeats(document, _paths("lines", "code", (line.code for line in plant.lines)), "line code")
    stations = [
        (("lines", i, "workstations", j, "code"), ws.code)
        for i, line in enumerate(plant.lines)
        for j, ws in enumerate(line.workstations)
    ]
    refuse_repeats(document, stations, "workstation code")
    areas = {a.code for a in plant.areas}
    shifts = {s.code: s for s in plant.shifts}
    for i, line in enumerate(plant.lines):
        if line.area is not None and line.area not in areas:
            document.note(("lines", i, "area"), f"names {line.area}, which is not an area in this file.")
        refuse_repeats(document, [(("lines", i, "shifts", j), s) for j, s in enumerate(line.shifts)], "shift")
        for j, shift_code in enumerate(line.shifts):
            if shift_code not in shifts:
                document.note(("lines", i, "shifts", j), f"names {shift_code}, which is not a shift in this file.")
        _refuse_overlapping_shifts(document, i, line, shifts)


def _refuse_overlapping_shifts(document: TomlDocument, i: int, line: LineSpec, shifts: dict[str, ShiftSpec]) -> None:
    """A line works one shift at a time; otherwise its planned time would count twice."""
    for j, later in enumerate(line.shifts):
        for earlier in line.shifts[:j]:
            if later not in shifts or earlier not in shifts:
                continue  # noted already: not a shift in this file
            day = _first_overlap(shifts[earlier], shifts[later])
            if day is not None:
                document.note(
                    ("lines", i, "shifts", j), f"{later} overlaps {earlier} on {day}; a line works one shift at a time."
                )


def _first_overlap(a: ShiftSpec, b: ShiftSpec) -> str | None:
    for start_a, end_a in _week_spans(a):
        for start_b, end_b in _week_spans(b):
            if start_a < end_b and start_b < end_a:
                return DAYS[max(start_a, start_b) // DAY_MINUTES]
    return None


def _week_spans(shift: ShiftSpec) -> list[tuple[int, int]]:
    """The minutes of the week a shift covers; a Sunday night shift wraps into Monday morning."""
    spans = []
    for day in shift.days:
        start = DAYS.index(day) * DAY_MINUTES + _minute_of_day(shift.start)
        end = start + shift.minutes
        if end <= WEEK_MINUTES:
            spans.append((start, end))
        else:
            spans += [(start, WEEK_MINUTES), (0, end - WEEK_MINUTES)]
    return spans


def _check_materials(document: TomlDocument, plant: PlantDefinition) -> None:
    codes = _paths("materials", "code", (m.code for m in plant.materials))
    codes += _paths("products", "code", (p.code for p in plant.products))
    refuse_repeats(document, codes, "material code")
    gtins = _paths("materials", "gtin", (m.gtin for m in plant.materials))
    gtins += _paths("products", "gtin", (p.gtin for p in plant.products))
    refuse_repeats(document, [(path, g) for path, g in gtins if g is not None], "GTIN")


def _check_routing(document: TomlDocument, plant: PlantDefinition, i: int, product: ProductSpec) -> None:
    stations = {ws.code for line in plant.lines for ws in line.workstations}
    checklists = {c.code for c in plant.checklists}
    at = ("products", i, "routing")
    refuse_repeats(
        document, [((*at, j, "operation"), op.operation) for j, op in enumerate(product.routing)], "operation"
    )
    for j, op in enumerate(product.routing):
        refuse_repeats(
            document, [((*at, j, "workstations", k), s) for k, s in enumerate(op.workstations)], "workstation"
        )
        for k, station in enumerate(op.workstations):
            if station not in stations:
                document.note((*at, j, "workstations", k), f"names {station}, which is not a workstation in this file.")
        if op.checklist is not None and op.checklist not in checklists:
            document.note((*at, j, "checklist"), f"names {op.checklist}, which is not a checklist in this file.")


def _check_bom(document: TomlDocument, plant: PlantDefinition, i: int, product: ProductSpec) -> None:
    materials = {m.code for m in plant.materials} | {p.code for p in plant.products}
    operations = {op.operation for op in product.routing}
    at = ("products", i, "bom")
    refuse_repeats(
        document,
        [
            ((*at, j, "material"), f"{line.material} at operation {line.operation}")
            for j, line in enumerate(product.bom)
        ],
        "component",
    )
    for j, line in enumerate(product.bom):
        for path, code in [((*at, j, "material"), line.material)] + [
            ((*at, j, "substitutes", k), s) for k, s in enumerate(line.substitutes)
        ]:
            if code not in materials:
                document.note(path, f"names {code}, which is not a material or product in this file.")
            if code == product.code:
                document.note(path, f"names the product {code} itself.")
        if line.operation not in operations:
            document.note(
                (*at, j, "operation"), f"is {line.operation}, which is not an operation of {product.code}'s routing."
            )
        if line.material in line.substitutes:
            k = line.substitutes.index(line.material)
            document.note((*at, j, "substitutes", k), f"names the component {line.material} itself.")
        refuse_repeats(
            document, [((*at, j, "substitutes", k), s) for k, s in enumerate(line.substitutes)], "substitute"
        )


def _refuse_bom_loops(document: TomlDocument, products: Sequence[ProductSpec]) -> None:
    """A product may contain another product, but never, however deep, itself."""
    components = {p.code: [line.material for line in p.bom] for p in products}
    for i, product in enumerate(products):
        for j, line in enumerate(product.bom):
            path = _path_back(components, line.material, product.code)
            if path is not None:
                loop = " > ".join([product.code, *path])
                document.note(("products", i, "bom", j, "material"), f"makes a loop in the bills of materials: {loop}.")


def _path_back(components: dict[str, list[str]], start: str, goal: str) -> list[str] | None:
    """The chain of components from `start` down to `goal`, if there is one."""
    stack = [(start, [start])]
    seen = set()
    while stack:
        code, chain = stack.pop()
        if code == goal:
            return chain
        if code in seen:
            continue
        seen.add(code)
        stack += [(child, [*chain, child]) for child in components.get(code, [])]
    return None


def _minute_of_day(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _check_machines(document: TomlDocument, plant: PlantDefinition) -> None:
    """Each machine at a station of the file; one source of each signal per station; a known account."""
    stations = {ws.code for line in plant.lines for ws in line.workstations}
    badges = {u.badge for u in plant.users}
    seen: dict[tuple[str, str], int] = {}
    for i, machine in enumerate(plant.machines):
        if machine.station not in stations:
            document.note(("machines", i, "station"), f"names {machine.station}, which is no workstation of the file.")
        if machine.badge != DEFAULT_BADGE and machine.badge not in badges:
            document.note(("machines", i, "badge"), f"names {machine.badge}, which is no user of the file.")
        for signal in machine.signals:
            first = seen.setdefault((machine.station, signal.kind), i)
            if first != i:
                document.note(
                    ("machines", i, signal.kind),
                    f"repeats the {signal.kind} signal of {machine.station} (already in machines[{first}]).",
                )


def _check_calendar(document: TomlDocument, plant: PlantDefinition) -> None:
    """Changeovers between families of the file's products, holidays on its lines, maintenance at its
    stations; no pair, day or window given twice."""
    families = {p.changeover_family for p in plant.products}
    for i, change in enumerate(plant.changeovers):
        for key, family in (("from", change.from_family), ("to", change.to_family)):
            if family is not None and family not in families:
                document.note(
                    ("changeovers", i, key),
                    f"names {family}, which is not the family of any product in this file "
                    "(a product's family is its family key, else its code).",
                )
    refuse_repeats(
        document,
        _paths("changeovers", "to", (f"{c.from_family} to {c.to_family}" for c in plant.changeovers)),
        "changeover",
    )
    lines = {line.code for line in plant.lines}
    for i, holiday in enumerate(plant.holidays):
        for j, line in enumerate(holiday.lines):
            if line not in lines:
                document.note(("holidays", i, "lines", j), f"names {line}, which is not a line in this file.")
    refuse_repeats(document, _paths("holidays", "date", (h.day for h in plant.holidays)), "holiday")
    stations = {ws.code for line in plant.lines for ws in line.workstations}
    for i, window in enumerate(plant.maintenance):
        if window.station is not None and window.station not in stations:
            document.note(
                ("maintenance", i, "station"), f"names {window.station}, which is not a workstation in this file."
            )
    refuse_repeats(
        document,
        _paths("maintenance", "start", (f"{m.station} at {m.start:%Y-%m-%d %H:%M}" for m in plant.maintenance)),
        "maintenance window",
    )
