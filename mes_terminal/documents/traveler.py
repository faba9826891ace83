"""What a work-order traveler shows: the order, its bill of materials and one block per operation.

Values arrive formatted for people (quantities with units, local times), so the renderer only lays
them out. Each operation's barcode (`OP:<work order>:<operation>`) selects that job when scanned at a
terminal; the header's (`WO:<work order>`) names the order (see docs/scanning.md). An operation with work
instructions prints their revision and a DataMatrix (`INSTR:<work order>:<operation>`) that opens them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TravelerMaterial:
    code: str
    name: str
    per_unit: str  # "0.35 kg"
    total: str  # for the whole order: "87.5 kg"
    operation: int
    backflush: bool = False


@dataclass(frozen=True)
class TravelerCheck:
    code: str
    text: str
    requirement: str  # "99.5 to 100.5 mm, target 100", "pass / fail", "one of: A, B"
    when: str  # "first piece", "every 50 units"
    required: bool = True


@dataclass(frozen=True)
class TravelerOperation:
    seq: int
    name: str
    barcode: str  # OP:<work order>:<seq>
    stations: tuple[str, ...]
    times: str  # "setup 15 min · 12 s per unit · 50 min for 250 pcs"
    instruction: str | None = None
    checks: tuple[TravelerCheck, ...] = ()
    # The work-instructions revision the operation shows, and the DataMatrix content that opens it at a
    # terminal (`INSTR:<work order>:<operation>`); None when the operation has no approved instructions.
    instructions_revision: int | None = None
    instructions_code: str | None = None


@dataclass(frozen=True)
class Traveler:
    work_order: str
    barcode: str  # WO:<work order>
    product: str
    product_name: str
    quantity: str  # "250 pcs"
    due: str  # local time: "2026-03-09 14:00"
    priority: int
    status: str
    printed: str  # local time of printing with its zone ("2026-03-09 14:00 CET"), shown in the footer
    materials: tuple[TravelerMaterial, ...]
    operations: tuple[TravelerOperation, ...]
