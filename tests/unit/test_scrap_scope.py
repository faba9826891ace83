"""Where a scrap reason applies: everywhere unless scoped, then at any of its lines, stations or operations."""

from __future__ import annotations

import pytest

from mes_terminal.domain.plant import parse_plant
from mes_terminal.domain.scrap_scope import EVERYWHERE, ScrapScope
from mes_terminal.paths import demo_plant_file

WELD_CELL = {"line": "L1", "station": "WS-03", "product": "BRACKET-A", "operation": 30}
LASER = {"line": "L1", "station": "WS-01", "product": "BRACKET-A", "operation": 10}
BENCH = {"line": "L2", "station": "WS-04", "product": "ASSEMBLY-X", "operation": 10}


def test_an_unscoped_reason_applies_everywhere() -> None:
    assert EVERYWHERE.everywhere
    assert all(EVERYWHERE.applies(**job) for job in (WELD_CELL, LASER, BENCH))


@pytest.mark.parametrize(
    ("scope", "applies"),
    [
        (ScrapScope(stations=frozenset({"WS-03"})), (True, False, False)),
        (ScrapScope(lines=frozenset({"L1"})), (True, True, False)),
        (ScrapScope(operations=frozenset({("BRACKET-A", 10)})), (False, True, False)),
        (ScrapScope(lines=frozenset({"L2"}), stations=frozenset({"WS-03"})), (True, False, True)),  # any of them
    ],
)
def test_a_scoped_reason_applies_at_any_of_its_lines_stations_or_operations(
    scope: ScrapScope, applies: tuple[bool, ...]
) -> None:
    assert tuple(scope.applies(**job) for job in (WELD_CELL, LASER, BENCH)) == applies


def test_a_scope_is_rebuilt_from_its_rows_and_said_in_words() -> None:
    scope = ScrapScope.of_rows([("station", "WS-03", 0), ("line", "L2", 0), ("operation", "BRACKET-A", 30)])
    assert scope == ScrapScope(frozenset({"L2"}), frozenset({"WS-03"}), frozenset({("BRACKET-A", 30)}))
    assert scope.describe() == "WS-03, line L2, BRACKET-A operation 30"
    assert ScrapScope.of_rows([]) == EVERYWHERE


def test_the_demo_laser_cutter_is_not_offered_weld_reasons_and_the_weld_cell_is() -> None:
    plant = parse_plant(demo_plant_file().read_text(encoding="utf-8"))
    scopes = {
        r.code: ScrapScope(frozenset(r.lines), frozenset(r.stations), frozenset(r.operations))
        for r in plant.scrap_reasons
    }
    at_laser = {code for code, scope in scopes.items() if scope.applies(**LASER)}
    at_weld = {code for code, scope in scopes.items() if scope.applies(**WELD_CELL)}
    assert not {code for code in at_laser if code.startswith("WELD")}
    assert {"WELD-PORE", "WELD-MISS"} <= at_weld
    assert "COAT" not in at_laser | at_weld
