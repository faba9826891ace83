"""Where a scrap reason applies: the rule the terminal's picker and the ReportCount handler share.

A reason without a scope applies everywhere. A scoped reason applies to a job when the job's line is
one of its lines, or its station one of its stations, or its operation (product and routing operation
number) one of its operations: "Weld porosity" belongs to the welding cell, not to the laser cutter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ScrapScope:
    lines: frozenset[str] = frozenset()
    stations: frozenset[str] = frozenset()
    operations: frozenset[tuple[str, int]] = frozenset()  # (product code, routing operation number)

    @classmethod
    def of_rows(cls, rows: Iterable[tuple[str, str, int]]) -> ScrapScope:
        """The scope from stored rows (kind "line" | "station" | "operation", code, operation number)."""
        lines, stations, operations = set(), set(), set()
        for kind, code, number in rows:
            if kind == "line":
                lines.add(code)
            elif kind == "station":
                stations.add(code)
            else:
                operations.add((code, number))
        return cls(frozenset(lines), frozenset(stations), frozenset(operations))

    @property
    def everywhere(self) -> bool:
        return not (self.lines or self.stations or self.operations)

    def applies(self, *, line: str, station: str, product: str, operation: int) -> bool:
        """True when a job of `product`'s operation `operation` at `station` of `line` may use the reason."""
        return (
            self.everywhere or line in self.lines or station in self.stations or (product, operation) in self.operations
        )

    def describe(self) -> str:
        """The scope in words for a sentence or a table: "WS-03, line L2, BRACKET-A operation 30"."""
        parts = [*sorted(self.stations), *(f"line {code}" for code in sorted(self.lines))]
        parts += [f"{product} operation {number}" for product, number in sorted(self.operations)]
        return ", ".join(parts) if parts else "everywhere"


EVERYWHERE = ScrapScope()
