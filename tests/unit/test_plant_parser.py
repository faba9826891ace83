"""The plant file parser: known answers on the demo plant, one test per kind of mistake, and properties."""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mes_terminal.domain.errors import PlantFileError
from mes_terminal.domain.gs1 import is_valid_gtin
from mes_terminal.domain.plant import (
    BREAK_KEYS,
    CHANGEOVER_KEYS,
    CHECKLIST_KEYS,
    HOLIDAY_KEYS,
    ITEM_KEYS,
    LINE_KEYS,
    MAINTENANCE_KEYS,
    PRODUCT_KEYS,
    ROUTING_KEYS,
    SECTION_KEYS,
    USER_KEYS,
    WORKSTATION_KEYS,
    PlantDefinition,
    parse_plant,
)
from mes_terminal.domain.roles import ALL_ROLES
from mes_terminal.paths import demo_plant_file

DEMO = demo_plant_file().read_text(encoding="utf-8")

SMALL = """\
[site]
code = "S1"
name = "Small plant"
timezone = "America/Chicago"

[[shifts]]
code = "DAY"
days = ["mon"]
start = 07:00:00
end = "15:30"

[[lines]]
code = "L1"
name = "Line one"
shifts = ["DAY"]

[[lines.workstations]]
code = "WS-1"
name = "Saw"

[[materials]]
code = "BAR"
name = "Steel bar"
unit = "m"

[[products]]
code = "PIN"
name = "Pin"
unit = "pcs"

[[products.routing]]
operation = 10
name = "Saw"
workstations = ["WS-1"]
ideal_cycle_seconds = 7.5

[[products.bom]]
material = "BAR"
quantity = 0.1
operation = 10

[[downtime_reasons]]
code = "DOWN"
name = "Down"
category = "unplanned"
loss = "availability"

[[checklists]]
code = "CHK"
version = 3

[[checklists.items]]
code = "OK"
text = "Looks right"
kind = "pass_fail"
when = "start"
"""


def demo() -> PlantDefinition:
    return parse_plant(DEMO, source="demo.toml")


def refusals(text: str, source: str = "demo.toml") -> tuple[str, ...]:
    """Every problem named, by line; each is one sentence."""
    with pytest.raises(PlantFileError) as caught:
        parse_plant(text, source=source)
    problems = caught.value.problems
    assert all("\n" not in problem and problem.endswith((".", "?")) for problem in problems), problems
    return problems


def refusal(text: str, source: str = "demo.toml") -> str:
    """The first problem named (by line)."""
    return refusals(text, source)[0]


def edited(old: str, new: str, text: str = DEMO) -> str:
    """The text with one exact occurrence of `old` replaced, so a test cannot silently miss its target."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


# --- known answers -------------------------------------------------------------------------------------


def test_the_demo_plant_is_read_completely() -> None:
    plant = demo()
    assert (plant.site.code, plant.site.timezone) == ("DEMO", "Europe/Berlin")
    assert [a.code for a in plant.areas] == ["FAB", "ASSY"]
    assert [line.code for line in plant.lines] == ["L1", "L2"]
    assert [ws.code for line in plant.lines for ws in line.workstations] == [
        "WS-01",
        "WS-02",
        "WS-03",
        "WS-06",
        "WS-04",
        "WS-05",
    ]
    assert (len(plant.users), len(plant.materials), len(plant.products)) == (8, 10, 3)
    assert (len(plant.downtime_reasons), len(plant.scrap_reasons), len(plant.checklists)) == (20, 9, 5)


def test_the_demo_shifts_include_a_night_shift_past_midnight() -> None:
    shifts = {s.code: s for s in demo().shifts}
    night = shifts["NIGHT"]
    assert (night.start, night.end, night.minutes) == (time(22), time(6), 480)
    assert night.days == ("mon", "tue", "wed", "thu", "sun")  # kept in week order
    assert [(b.start, b.minutes) for b in shifts["EARLY"].breaks] == [(time(9), 15), (time(11, 30), 30)]


def test_the_demo_has_a_three_level_bill_of_materials() -> None:
    products = {p.code: p for p in demo().products}
    assert next(line.material for line in products["KIT-X"].bom) == "ASSEMBLY-X"
    assert "BRACKET-A" in [line.material for line in products["ASSEMBLY-X"].bom]
    steel = products["BRACKET-A"].bom[0]
    assert (steel.material, steel.quantity, steel.operation, steel.backflush) == (
        "STEEL-2MM",
        Decimal("0.85"),
        10,
        False,
    )
    screws = next(line for line in products["ASSEMBLY-X"].bom if line.material == "SCREW-M6X16")
    assert (screws.quantity, screws.backflush, screws.substitutes) == (Decimal(4), True, ("SCREW-M6X16-A2",))


def test_the_demo_gtins_have_valid_check_digits() -> None:
    plant = demo()
    gtins = [m.gtin for m in (*plant.materials, *plant.products) if m.gtin is not None]
    assert len(gtins) == 7
    assert all(is_valid_gtin(g) for g in gtins)


def test_the_demo_has_a_user_for_every_role_and_four_digit_pins() -> None:
    users = demo().users
    assert {role for u in users for role in u.roles} == set(ALL_ROLES)
    assert all(u.pin is not None and re.fullmatch(r"\d{4}", u.pin) for u in users)
    assert "pin" not in repr(users[0])  # the PIN stays out of logs and tracebacks


def test_downtime_reasons_inherit_category_and_loss_from_their_parents() -> None:
    reasons = {r.code: r for r in demo().downtime_reasons}
    assert (reasons["MECH"].parent, reasons["MECH"].category, reasons["MECH"].loss) == (
        "BREAKDOWN",
        "unplanned",
        "availability",
    )
    assert (reasons["CHANGEOVER"].category, reasons["JAM"].loss) == ("planned", "performance")


def test_a_child_reason_may_name_its_own_loss() -> None:
    text = edited(
        'code = "QA-WAIT"\nname = "Waiting for quality release"\n', 'code = "QA-WAIT"\nname = "W"\nloss = "quality"\n'
    )
    reasons = {r.code: r for r in parse_plant(text).downtime_reasons}
    assert (reasons["QA-WAIT"].category, reasons["QA-WAIT"].loss) == ("unplanned", "quality")


def test_demo_checklists_hold_every_kind_and_trigger() -> None:
    checklists = {c.code: c for c in demo().checklists}
    length = checklists["CUT-FAI"].items[0]
    assert (length.kind, length.unit, length.lower, length.target, length.upper, length.when) == (
        "numeric",
        "mm",
        Decimal("119.8"),
        Decimal("120.0"),
        Decimal("120.2"),
        "first_piece",
    )
    seam = checklists["WELD-VIS"].items[1]
    assert (seam.kind, seam.when, seam.every_n) == ("pass_fail", "every_n", 25)
    label, remark = checklists["PACK"].items
    assert (label.kind, label.choices) == ("choice", ("OK", "Reprinted", "Missing"))
    assert (remark.kind, remark.required, remark.when) == ("text", False, "completion")
    assert checklists["COAT"].items[0].every_minutes == 60
    items = [i for c in checklists.values() for i in c.items]
    assert {i.when for i in items} == {"start", "first_piece", "every_n", "every_minutes", "completion", "shift_start"}


def test_a_small_file_gets_the_documented_defaults() -> None:
    plant = parse_plant(SMALL)
    shift = plant.shifts[0]
    assert (shift.name, shift.start, shift.end, shift.breaks) == ("DAY", time(7), time(15, 30), ())
    station = plant.lines[0].workstations[0]
    assert (station.micro_stop_seconds, station.badge_only, plant.lines[0].area) == (None, False, None)
    bar = plant.materials[0]
    assert (bar.lot_controlled, bar.serial_controlled, bar.shelf_life_days, bar.gtin) == (True, False, None, None)
    saw = plant.products[0].routing[0]
    assert (saw.ideal_cycle_seconds, saw.setup_minutes, saw.checklist, saw.work_instruction) == (
        Decimal("7.5"),
        Decimal(0),
        None,
        None,
    )
    assert plant.products[0].bom[0].quantity == Decimal("0.1")  # a float goes through its shortest repr
    checklist = plant.checklists[0]
    assert (checklist.name, checklist.version, checklist.items[0].required) == ("CHK", 3, True)
    assert (plant.users, plant.scrap_reasons, plant.areas) == ((), (), ())


def test_the_site_material_check_is_warn_unless_the_file_says_block() -> None:
    assert demo().site.material_check == "warn"
    blocking = edited('timezone = "Europe/Berlin"', 'timezone = "Europe/Berlin"\nmaterial_check = "block"')
    assert parse_plant(blocking).site.material_check == "block"
    message = refusal(edited('timezone = "Europe/Berlin"', 'timezone = "Europe/Berlin"\nmaterial_check = "stop"'))
    assert "site.material_check" in message and "warn" in message and "block" in message


def test_the_same_plant_written_by_another_tool_reads_the_same() -> None:
    rewritten = tomli_w.dumps(tomllib.loads(DEMO))
    assert parse_plant(rewritten, source="demo.toml") == demo()


def test_a_user_without_a_pin_leaves_it_to_the_database() -> None:
    text = edited('pin = "9001"\n', "")
    assert parse_plant(text).users[-1].pin is None


# --- every kind of mistake names the file, the key and the line -----------------------------------


def test_a_toml_syntax_error_gives_line_and_column() -> None:
    text = edited('name = "Laser cutter"', 'name = "Laser cutter')
    message = refusal(text)
    assert message.startswith(f"demo.toml, line {line_of(text, 'Laser cutter')}, column ")
    assert message.endswith("this is not valid TOML (a text in quotes is not closed before the end of the line).")


def test_an_empty_file_asks_for_the_site() -> None:
    assert refusal("", source="empty.toml") == "empty.toml: site is missing; add a [site] table."


def test_values_nested_too_deeply_are_refused_in_words() -> None:
    assert "nested too deeply" in refusal("x = " + "[" * 100_000)


MISTAKES = [
    # (what, old, new, the key path named, where the line is, words the message holds)
    (
        "missing key",
        'code = "WS-02"\nname = "Press brake"\n',
        'code = "WS-02"\n',
        "lines[0].workstations[1].name",
        '[[lines.workstations]]\ncode = "WS-02"',
        "is missing",
    ),
    (
        "typo in a key",
        "micro_stop_seconds = 90",
        "micro_stop_secnds = 90",
        "lines[0].workstations[2].micro_stop_secnds",
        "micro_stop_secnds",
        "did you mean micro_stop_seconds",
    ),
    (
        "unknown section",
        '[[scrap_reasons]]\ncode = "SETUP"',
        '[[scrap]]\ncode = "SETUP"',
        "scrap",
        "[[scrap]]",
        "not a known key",
    ),
    (
        "duplicate code",
        'code = "WS-06"',
        'code = "WS-02"',
        "lines[0].workstations[3].code",
        'code = "WS-02"\nname = "Powder',
        "already given at line",
    ),
    ("unknown time zone", "Europe/Berlin", "Europe/Berlni", "site.timezone", "Europe/Berlni", "IANA time zone"),
    (
        "bad time of day",
        'start = "14:00"\nend = "22:00"',
        'start = "14:00"\nend = "24:00"',
        "shifts[1].end",
        '"24:00"',
        "time of day",
    ),
    ("bad day", 'days = ["sun", "mon"', 'days = ["sun", "monday"', "shifts[2].days[1]", '"monday"', "mon, tue"),
    (
        "unknown shift",
        'shifts = ["EARLY", "LATE"]\n',
        'shifts = ["EARLY", "LATER"]\n',
        "lines[1].shifts[1]",
        '"LATER"',
        "not a shift",
    ),
    ("unknown area", 'area = "ASSY"', 'area = "ASSEMBLY"', "lines[1].area", '"ASSEMBLY"', "not an area"),
    (
        "unknown station",
        'workstations = ["WS-05"]',
        'workstations = ["WS-5"]',
        "products[2].routing[0].workstations[0]",
        '["WS-5"]',
        "not a workstation",
    ),
    (
        "unknown checklist",
        'checklist = "COAT"',
        'checklist = "COATING"',
        "products[0].routing[3].checklist",
        '"COATING"',
        "not a checklist",
    ),
    (
        "unknown material",
        'material = "PAD-40"',
        'material = "PAD-50"',
        "products[1].bom[2].material",
        '"PAD-50"',
        "not a material or product",
    ),
    (
        "unknown substitute",
        '["SCREW-M6X16-A2"]',
        '["SCREW-M6X16-A4"]',
        "products[1].bom[3].substitutes[0]",
        '"SCREW-M6X16-A4"',
        "not a material",
    ),
    (
        "negative quantity",
        'quantity = "0.85"',
        'quantity = "-0.85"',
        "products[0].bom[0].quantity",
        "-0.85",
        "may not be negative",
    ),
    (
        "not a number",
        'quantity = "0.85"',
        'quantity = "0,85"',
        "products[0].bom[0].quantity",
        "0,85",
        "must be a number",
    ),
    ("not finite", 'quantity = "0.85"', "quantity = inf", "products[0].bom[0].quantity", "quantity = inf", "finite"),
    (
        "zero quantity",
        'quantity = "0.85"',
        "quantity = 0",
        "products[0].bom[0].quantity",
        "quantity = 0",
        "more than zero",
    ),
    (
        "zero cycle",
        "ideal_cycle_seconds = 40           #",  # the first routing step's (40 s recurs further down)
        "ideal_cycle_seconds = 0           #",
        "products[0].routing[0].ideal_cycle_seconds",
        "ideal_cycle_seconds = 0",
        "more than zero",
    ),
    (
        "operation not whole",
        "operation = 20",
        "operation = 20.5",
        "products[0].routing[1].operation",
        "20.5",
        "whole number",
    ),
    ("bad check digit", "04012345000023", "04012345000024", "products[1].gtin", "04012345000024", "wrong check digit"),
    ("short gtin", '"04012345000023"', '"4012345000023"', "products[1].gtin", "4012345000023", "14 digits"),
    ("pin as a number", 'pin = "3001"', "pin = 3001", "users[5].pin", "pin = 3001", "4 to 12 digits in quotes"),
    ("unknown role", 'roles = ["quality"]', 'roles = ["qa"]', "users[6].roles[0]", '"qa"', "admin, lead, operator"),
    (
        "repeated role",
        'roles = ["lead", "operator"]',
        'roles = ["lead", "lead"]',
        "users[4].roles[1]",
        '"lead", "lead"',
        "repeats the role",
    ),
    (
        "loop of reasons",
        'code = "BREAKDOWN"\nname = "Breakdown"\n',
        'code = "BREAKDOWN"\nname = "Breakdown"\nparent = "MECH"\n',
        "downtime_reasons[5].parent",
        'parent = "MECH"',
        "BREAKDOWN > MECH > BREAKDOWN",
    ),
    (
        "unknown parent",
        'parent = "MATERIAL"\n\n[[downtime_reasons]]\ncode = "MAT-WRONG"',
        'parent = "MATERIALS"\n\n[[downtime_reasons]]\ncode = "MAT-WRONG"',
        "downtime_reasons[11].parent",
        '"MATERIALS"',
        "not a downtime reason",
    ),
    (
        "root without category",
        'category = "planned"\n',
        "",
        "downtime_reasons[0].category",
        '[[downtime_reasons]]\ncode = "PLANNED"',
        "needs one",
    ),
    (
        "bom loop",
        'material = "BRACKET-A"',
        'material = "KIT-X"',
        "products[1].bom[0].material",
        'material = "KIT-X"',
        "ASSEMBLY-X > KIT-X > ASSEMBLY-X",
    ),
    (
        "product in its own bom",
        'material = "BRACKET-A"',
        'material = "ASSEMBLY-X"',
        "products[1].bom[0].material",
        'material = "ASSEMBLY-X"',
        "itself",
    ),
    (
        "bom at a missing operation",
        "operation = 40\n\n[[products]]",
        "operation = 50\n\n[[products]]",
        "products[0].bom[2].operation",
        "operation = 50",
        "not an operation",
    ),
    (
        "break outside its shift",
        '{ start = "19:30", minutes = 30 }',
        '{ start = "21:50", minutes = 30 }',
        "shifts[1].breaks[1]",
        '"21:50"',
        "does not lie inside",
    ),
    (
        "overlapping breaks",
        '{ start = "03:30", minutes = 15 }',
        '{ start = "01:15", minutes = 15 }',
        "shifts[2].breaks[1]",
        '"01:15"',
        "overlaps the break at 01:00",
    ),
    ("limits out of order", 'upper = "3.5"', 'upper = "2.9"', "checklists[1].items[0].upper", '"2.9"', "below target"),
    (
        "limit on a pass/fail item",
        'kind = "pass_fail"\nwhen = "shift_start"',
        'kind = "pass_fail"\nlower = -1\nwhen = "shift_start"',
        "checklists[2].items[2].lower",
        "lower = -1",
        "only for numeric",
    ),
    (
        "every_n missing",
        "every_n = 50\n",
        "",
        "checklists[3].items[0].every_n",
        '[[checklists.items]]\ncode = "TORQUE"',
        'when = "every_n" needs it',
    ),
    (
        "every_minutes on another trigger",
        'when = "shift_start"',
        'when = "shift_start"\nevery_minutes = 5',
        "checklists[2].items[2].every_minutes",
        "every_minutes = 5",
        "only for",
    ),
    (
        "one answer only",
        '["OK", "Reprinted", "Missing"]',
        '["OK"]',
        "checklists[4].items[0].choices",
        'choices = ["OK"]',
        "at least two",
    ),
    ("answer with a bar", '"Reprinted"', '"Reprinted|again"', "checklists[4].items[0].choices[1]", "again", "'|'"),
    (
        "unknown kind",
        'kind = "text"',
        'kind = "free_text"',
        "checklists[4].items[1].kind",
        '"free_text"',
        "pass_fail, numeric",
    ),
    (
        "repeated checklist version",
        'code = "PACK"\nversion = 1',
        'code = "ASSY"\nversion = 1',
        "checklists[4].version",
        'version = 1\nname = "Packing',
        "repeats the checklist ASSY version 1",
    ),
    (
        "control character in a name",
        'name = "Anna Becker"',
        'name = "Anna\\u0007Becker"',
        "users[0].name",
        "Anna",
        "control characters",
    ),
    (
        "list expected",
        'roles = ["supervisor"]',
        'roles = "supervisor"',
        "users[5].roles",
        'roles = "supervisor"',
        "must be a list",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "path", "where", "words"),
    [m[1:] for m in MISTAKES],
    ids=[m[0] for m in MISTAKES],
)
def test_a_mistake_is_refused_with_its_key_path_and_line(old: str, new: str, path: str, where: str, words: str) -> None:
    text = edited(old, new)
    problems = refusals(text)
    line = line_of(text, where)
    assert any(p.startswith(f"demo.toml, line {line}: {path} ") and words in p for p in problems), problems


def test_a_value_instead_of_a_table_is_refused() -> None:
    assert refusal('site = "DEMO"\n') == "demo.toml, line 1: site must be a table written [site], not 'DEMO'."


def test_a_wrong_type_says_what_it_should_be() -> None:
    text = edited("micro_stop_seconds = 120", 'micro_stop_seconds = "2 min"')
    message = refusal(text)
    line = line_of(text, '"2 min"')
    assert message == (
        f"demo.toml, line {line}: lines[0].workstations[0].micro_stop_seconds must be a whole number, not '2 min'."
    )


def test_overlapping_shifts_on_one_line_name_the_day() -> None:
    text = edited('start = "22:00"', 'start = "21:00"')
    message = refusal(text)
    line = line_of(text, 'shifts = ["EARLY", "LATE", "NIGHT"]')
    assert message == (
        f"demo.toml, line {line}: lines[0].shifts[2] NIGHT overlaps LATE on mon; a line works one shift at a time."
    )


def test_a_sunday_night_shift_runs_into_monday_morning() -> None:
    text = edited('end = "06:00"', 'end = "06:30"')
    assert "NIGHT overlaps EARLY on mon" in refusal(text)


def test_an_error_in_a_list_written_over_several_lines_points_at_the_element() -> None:
    text = edited('  { start = "11:30", minutes = 30 },', '  { start = "11:30", minutes = 0 },')
    message = refusal(text)
    assert message.startswith(f"demo.toml, line {line_of(text, 'minutes = 0')}: shifts[0].breaks[1].minutes ")


def test_a_multi_line_text_does_not_confuse_the_line_numbers() -> None:
    text = edited('name = "Pack and label"', 'name = ""')
    line = line_of(text, 'name = ""')
    assert refusal(text).startswith(f"demo.toml, line {line}: products[2].routing[0].name ")


def test_the_pin_never_appears_in_a_message() -> None:
    message = refusal(edited('pin = "4001"', 'pin = "40x1"'))
    assert "40x1" not in message


# --- the planning calendar ---------------------------------------------------------------------------

CALENDAR = """
[[changeovers]]
from = "PIN"
to = "RODS"
minutes = 25

[[holidays]]
date = 2026-12-24
name = "Christmas Eve"
lines = ["L1"]

[[holidays]]
date = "2026-12-25"
name = "Christmas Day"

[[maintenance]]
station = "WS-1"
start = 2026-12-10T06:00:00
end = "2026-12-10 10:30"
reason = "Blade change"

[[products]]
code = "ROD"
name = "Rod"
unit = "pcs"
family = "RODS"

[[products.routing]]
operation = 10
name = "Saw"
workstations = ["WS-1"]
ideal_cycle_seconds = 5
transfer_minutes = 30
interruptible = false
"""


def test_the_planning_calendar_is_read_with_its_defaults() -> None:
    text = edited('code = "WS-1"\nname = "Saw"\n', 'code = "WS-1"\nname = "Saw"\ncapacity = 3\n', SMALL + CALENDAR)
    plant = parse_plant(text)
    assert plant.lines[0].workstations[0].capacity == 3
    pin, rod = plant.products
    assert (pin.family, pin.changeover_family, rod.family) == (None, "PIN", "RODS")
    assert (pin.routing[0].transfer_minutes, pin.routing[0].interruptible) == (0, True)
    assert (rod.routing[0].transfer_minutes, rod.routing[0].interruptible) == (30, False)
    assert [(c.from_family, c.to_family, c.minutes) for c in plant.changeovers] == [("PIN", "RODS", 25)]
    assert [(h.day, h.name, h.lines) for h in plant.holidays] == [
        (date(2026, 12, 24), "Christmas Eve", ("L1",)),
        (date(2026, 12, 25), "Christmas Day", ()),
    ]
    window = plant.maintenance[0]
    assert (window.station, window.start, window.end, window.reason) == (
        "WS-1",
        datetime(2026, 12, 10, 6, 0),
        datetime(2026, 12, 10, 10, 30),
        "Blade change",
    )
    assert parse_plant(SMALL).lines[0].workstations[0].capacity == 1
    assert (parse_plant(SMALL).changeovers, parse_plant(SMALL).holidays, parse_plant(SMALL).maintenance) == ((), (), ())


def test_the_demo_has_holidays_maintenance_and_a_family_matrix() -> None:
    plant = demo()
    assert {p.code: p.changeover_family for p in plant.products} == {
        "BRACKET-A": "BRACKETS",
        "ASSEMBLY-X": "ASSEMBLIES",
        "KIT-X": "KITS",
    }
    assert len(plant.changeovers) == 2 and len(plant.holidays) == 5 and len(plant.maintenance) == 2
    assert next(h.lines for h in plant.holidays if h.day == date(2026, 12, 31)) == ("L2",)


def test_each_bad_calendar_value_is_named_on_its_line() -> None:
    text = SMALL + CALENDAR
    text = edited('code = "WS-1"\nname = "Saw"\n', 'code = "WS-1"\nname = "Saw"\ncapacity = 0\n', text)
    text = edited('family = "RODS"', "family = 7", text)
    text = edited("transfer_minutes = 30", "transfer_minutes = -5", text)
    text = edited("interruptible = false", 'interruptible = "no"', text)
    text = edited("minutes = 25", 'minutes = "long"', text)
    text = edited("date = 2026-12-24", 'date = "24.12.2026"', text)
    text = edited('date = "2026-12-25"', "date = 2026-12-25T00:00:00", text)
    text = edited("start = 2026-12-10T06:00:00", "start = 2026-12-10T06:00:00+01:00", text)
    text = edited('end = "2026-12-10 10:30"', 'end = "tomorrow"\nuntil = 3', text)
    problems = refusals(text)
    expected = {
        "capacity = 0": "lines[0].workstations[0].capacity must be at least 1, not 0.",
        "family = 7": "products[1].family must be",
        "transfer_minutes = -5": "products[1].routing[0].transfer_minutes must be at least 0, not -5.",
        'interruptible = "no"': "products[1].routing[0].interruptible must be true or false",
        'minutes = "long"': "changeovers[0].minutes must be a whole number",
        'date = "24.12.2026"': "holidays[0].date must be a date such as 2026-12-24",
        "date = 2026-12-25T00:00:00": "holidays[1].date must be a date such as 2026-12-24",
        "+01:00": "maintenance[0].start is in the site's local time; leave out the offset",
        'end = "tomorrow"': "maintenance[0].end must be a local date and time",
        "until = 3": "maintenance[0].until is not a known key",
    }
    assert len(problems) == len(expected), problems
    for snippet, sentence in expected.items():
        line = line_of(text, snippet)
        assert any(p.startswith(f"demo.toml, line {line}: {sentence}") for p in problems), (snippet, problems)


def test_each_calendar_reference_to_something_not_in_the_file_is_named() -> None:
    text = SMALL + CALENDAR
    text = edited('to = "RODS"', 'to = "BARS"', text)
    text = edited('lines = ["L1"]', 'lines = ["L1", "L9"]', text)
    text = edited('station = "WS-1"', 'station = "WS-99"', text)
    text += '\n[[changeovers]]\nfrom = "RODS"\nto = "RODS"\nminutes = 5\n'
    text += '\n[[holidays]]\ndate = 2026-12-24\nname = "Again"\n'
    text += '\n[[maintenance]]\nstation = "WS-1"\nstart = 2026-12-11T10:00:00\nend = 2026-12-11T09:00:00\n'
    problems = refusals(text)
    assert any("changeovers[1].to is the same family as from (RODS)" in p for p in problems), problems
    assert any("maintenance[1].end (2026-12-11 09:00) is not after start (2026-12-11 10:00)." in p for p in problems)
    # The values could be read, so the references are checked next, every one of them.
    text = text.replace('from = "RODS"\nto = "RODS"', 'from = "RODS"\nto = "PIN"').replace(
        "end = 2026-12-11T09:00:00", "end = 2026-12-11T11:00:00"
    )
    problems = refusals(text)
    bars, l9, ws99 = line_of(text, 'to = "BARS"'), line_of(text, '"L9"'), line_of(text, "WS-99")
    again, first = line_of(text, 'name = "Again"') - 1, line_of(text, "date = 2026-12-24")
    assert problems == (
        f"demo.toml, line {bars}: changeovers[0].to names BARS, which is not the family of any product in this "
        "file (a product's family is its family key, else its code).",
        f"demo.toml, line {l9}: holidays[0].lines[1] names L9, which is not a line in this file.",
        f"demo.toml, line {ws99}: maintenance[0].station names WS-99, which is not a workstation in this file.",
        f"demo.toml, line {again}: holidays[2].date repeats the holiday 2026-12-24, already given at line {first}.",
    )


# --- properties: whatever the text, the only complaint is a PlantFileError ------------------------------


def _parse_or_refuse(text: str) -> None:
    try:
        parse_plant(text, source="fuzz.toml")
    except PlantFileError as exc:
        assert exc.message.startswith("fuzz.toml")


@given(st.text(max_size=300))
def test_any_text_is_parsed_or_refused_in_words(text: str) -> None:
    _parse_or_refuse(text)


_FRAGMENTS = st.sampled_from(
    [
        "[site]",
        "[[lines]]",
        "[[lines.workstations]]",
        "[[products]]",
        "[[products.routing]]",
        "[[products.bom]]",
        "[[checklists]]",
        "[[checklists.items]]",
        "[[shifts]]",
        "[[downtime_reasons]]",
        'code = "A"',
        'code = "B"',
        'name = "N"',
        'timezone = "UTC"',
        "workstations = [",
        '"A",',
        "]",
        '"""',
        "'''",
        "x = {",
        "}",
        "# comment",
        "quantity = 1e400",
        "operation = 10",
        'start = "06:00"',
        'end = "06:00"',
        'days = ["mon"]',
        "",
    ]
)


@given(st.lists(_FRAGMENTS, max_size=40))
def test_any_toml_like_text_is_parsed_or_refused_in_words(lines: list[str]) -> None:
    _parse_or_refuse("\n".join(lines))


_KEYS = sorted(
    {*SECTION_KEYS, *LINE_KEYS, *WORKSTATION_KEYS, *USER_KEYS, *PRODUCT_KEYS, *ROUTING_KEYS, *CHECKLIST_KEYS}
    | {*ITEM_KEYS, *BREAK_KEYS, "parent", "category", "loss", "timezone", "material", "quantity", "backflush"}
    | {*CHANGEOVER_KEYS, *HOLIDAY_KEYS, *MAINTENANCE_KEYS}
)
_SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["06:00", "WS-01", "mon", "numeric", "every_n", "0.5", "Europe/Berlin", "09506000134352"]),
    st.times(),
    st.dates(),
    st.datetimes(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=5),
    max_leaves=25,
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=8))
def test_any_toml_structure_is_parsed_or_refused_in_words(document: dict[str, Any]) -> None:
    _parse_or_refuse(tomli_w.dumps(document))


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


_DEMO_DATA = tomllib.loads(DEMO)
_DEMO_PATHS = _paths(_DEMO_DATA)


@settings(max_examples=300)
@given(st.sampled_from(_DEMO_PATHS), st.one_of(st.none(), _VALUES))
def test_the_demo_with_any_one_value_changed_is_parsed_or_refused_in_words(path: tuple[Any, ...], value: Any) -> None:
    document = tomllib.loads(DEMO)
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    if value is None:
        del parent[path[-1]]  # a key or an element left out
    else:
        parent[path[-1]] = value
    try:
        parse_plant(tomli_w.dumps(document), source="fuzz.toml")
    except PlantFileError as exc:
        # Every key of the demo stands on a line, so every refusal can say which (but a missing [site]).
        for problem in exc.problems:
            assert re.match(r"fuzz\.toml, line \d+: ", problem) or problem.startswith("fuzz.toml: site is missing")


# --- every mistake at once -------------------------------------------------------------------------


def test_every_mistake_of_a_file_is_named_with_its_line_not_only_the_first() -> None:
    text = edited("micro_stop_seconds = 120", 'micro_stop_seconds = "2 min"')
    text = edited('gtin = "09506000134352"', 'gtin = "09506000134353"', text)
    text = edited('code = "WELD-PORE"', 'code = "WELD-PORE"\ncolour = "red"', text)
    with pytest.raises(PlantFileError) as caught:
        parse_plant(text, source="demo.toml")
    problems = caught.value.problems
    assert [re.match(r"demo\.toml, line (\d+): (\S+)", p).groups() for p in problems] == [  # type: ignore[union-attr]
        (str(line_of(text, '"2 min"')), "lines[0].workstations[0].micro_stop_seconds"),
        (str(line_of(text, '"09506000134353"')), "materials[0].gtin"),
        (str(line_of(text, 'colour = "red"')), "scrap_reasons[4].colour"),
    ]
    assert caught.value.message.splitlines()[0] == "demo.toml has 3 errors; nothing of it was loaded:"
    assert caught.value.message.splitlines()[1:] == [f"  {p}" for p in problems]


def test_every_reference_to_something_undefined_is_named() -> None:
    text = edited('shifts = ["EARLY", "LATE", "NIGHT"]', 'shifts = ["EARLY", "LATER", "NIGHT"]')
    text = edited('workstations = ["WS-06"]', 'workstations = ["WS-60"]', text)
    problems = refusals(text)
    assert len(problems) == 2, problems
    assert "lines[0].shifts[1] names LATER, which is not a shift in this file." in problems[0]
    assert "workstations[0] names WS-60, which is not a workstation in this file." in problems[1]


def test_a_file_with_very_many_mistakes_names_fifty_and_counts_the_rest() -> None:
    text = DEMO.replace("[site]\n", "[site]\n" + "".join(f"typo_{i} = 1\n" for i in range(60)), 1)
    with pytest.raises(PlantFileError) as caught:
        parse_plant(text, source="demo.toml")
    assert (len(caught.value.problems), caught.value.more) == (50, 10)
    assert caught.value.message.splitlines()[0] == "demo.toml has 60 errors; nothing of it was loaded:"
    assert caught.value.message.splitlines()[-1] == "  ... and 10 more."


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_DEMO_PATHS), st.one_of(st.none(), _VALUES)), min_size=2, max_size=6))
def test_the_demo_with_several_values_changed_names_each_mistake_in_words(changes: list[tuple[Any, Any]]) -> None:
    document = tomllib.loads(DEMO)
    for path, value in changes:
        parent: Any = document
        try:
            for part in path[:-1]:
                parent = parent[part]
            if isinstance(parent, dict) != isinstance(path[-1], str):
                continue  # an earlier change made a list a table (or the other way round)
            if value is None:
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced what this one would change
    try:
        parse_plant(tomli_w.dumps(document), source="fuzz.toml")
    except PlantFileError as exc:
        assert 1 <= len(exc.problems) <= 50
        for problem in exc.problems:
            assert "\n" not in problem and problem.endswith((".", "?")), problem
            assert re.match(r"fuzz\.toml, line \d+: ", problem) or problem.startswith("fuzz.toml: site is missing")


def test_a_scrap_reason_may_be_scoped_to_lines_stations_and_operations() -> None:
    text = edited(
        'code = "DAMAGE"\nname = "Scratches or handling damage"\n',
        'code = "DAMAGE"\nname = "Scratches or handling damage"\nlines = ["L2"]\nstations = ["WS-02"]\n'
        'operations = [{ product = "BRACKET-A", operation = 40 }]\n',
    )
    damage = next(r for r in parse_plant(text).scrap_reasons if r.code == "DAMAGE")
    assert (damage.lines, damage.stations, damage.operations) == (("L2",), ("WS-02",), (("BRACKET-A", 40),))
    assert next(r for r in demo().scrap_reasons if r.code == "WELD-PORE").stations == ("WS-03",)
    assert next(r for r in demo().scrap_reasons if r.code == "BEND-CRACK").stations == ("WS-02",)  # press brake


def test_a_scrap_reason_scoped_to_something_undefined_names_each() -> None:
    text = edited(
        'code = "DAMAGE"\nname = "Scratches or handling damage"\n',
        'code = "DAMAGE"\nname = "Scratches or handling damage"\nlines = ["L9"]\nstations = ["WS-99"]\n'
        'operations = [{ product = "BRACKET-A", operation = 45 }, { product = "BOLT", operation = 10 }]\n',
    )
    problems = refusals(text)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "scrap_reasons[7].lines[0] names L9, which is not a line in this file.",
        "scrap_reasons[7].stations[0] names WS-99, which is not a workstation in this file.",
        "scrap_reasons[7].operations[0].operation is 45, which is not an operation of BRACKET-A's routing.",
        "scrap_reasons[7].operations[1].product names BOLT, which is not a product in this file.",
    ]
