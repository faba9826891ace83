"""One scope type for a report: what the picker offers and what the command line's flags say."""

from __future__ import annotations

import pytest

from mes_terminal.services.reports.scope import SCOPE_KINDS, Scope


@pytest.mark.parametrize(
    ("station", "line", "scope"),
    [("WS-01", None, Scope("station", "WS-01")), (None, "L1", Scope("line", "L1")), (None, None, Scope("plant"))],
)
def test_the_command_lines_flags_and_the_pickers_choice_are_one_scope(
    station: str | None, line: str | None, scope: Scope
) -> None:
    assert Scope.of(station, line) == scope
    assert (scope.station, scope.line) == (station, line)
    assert scope.kind in SCOPE_KINDS
