"""The plan waits for material on its way: an operation whose lot the ERP announced starts when it may be used.

The small test plant's BRACKET-A takes 0.35 kg of STEEL-2MM a piece at operation 10. On SQLite and
PostgreSQL, through the ERP import and `mes-terminal schedule`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import Engine

from mes_terminal.cli import main
from mes_terminal.domain.clock import FixedClock
from mes_terminal.integration.importer import import_file
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.planning.planner import plan_json, plan_plant
from tests.erp.documents import LotLine, material_information
from tests.helpers import command
from tests.integration.test_schedule import release_orders

ARRIVES = datetime(2026, 3, 4, 8, tzinfo=UTC)  # two days after the clock's start, inside the EARLY shift


def _announce(plant: Engine, clock: FixedClock, tmp_path, lots: list[LotLine]) -> None:
    path = tmp_path / "lots.xml"
    path.write_bytes(material_information(lots, version="V0700"))
    assert import_file(plant, path, now=clock.now()).ok


def _setup(plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path) -> None:
    # WO-SOON (300 pcs, 105 kg) is due first and takes the steel on hand; WO-LATER (900 pcs, 315 kg) waits.
    release_orders(bus, clock, [("WO-SOON", 300, 8, 0), ("WO-LATER", 900, 96, 0)])
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-HERE", material="STEEL-2MM", quantity=Decimal(120)))
    _announce(plant, clock, tmp_path, [LotLine("L-COMING", "STEEL-2MM", "400", available=ARRIVES.isoformat())])


def test_an_operation_waits_for_its_expected_lot_and_what_follows_waits_with_it(
    plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path
) -> None:
    _setup(plant, bus, clock, tmp_path)
    plan = plan_plant(plant, clock.now(), time_limit=2.0)
    assert plan.violations == ()
    placed = {(line.work_order, line.operation): line for line in plan.lines}
    assert placed[("WO-SOON", 10)].start < ARRIVES  # its steel is here
    assert placed[("WO-LATER", 10)].start >= ARRIVES
    assert placed[("WO-LATER", 20)].start >= placed[("WO-LATER", 10)].end
    assert plan_json(plan)["material"] == {
        "waits": [
            {
                "work_order": "WO-LATER",
                "operation": 10,
                "material": "STEEL-2MM",
                "lot": "L-COMING",
                "until": "2026-03-04T08:00:00Z",
                "planned": True,
            }
        ],
        "shortages": [],
    }


def test_the_lot_arriving_early_frees_the_operation(
    plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path
) -> None:
    _setup(plant, bus, clock, tmp_path)
    bus.execute(command(c.ReceiveLot, clock.now(), lot="L-COMING", material="STEEL-2MM", quantity=Decimal(400)))
    plan = plan_plant(plant, clock.now(), time_limit=2.0)
    assert plan.material.waits == ()
    assert min(line.start for line in plan.lines if line.work_order == "WO-LATER") < ARRIVES


def test_material_after_the_horizon_leaves_the_order_out_and_says_so(
    plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path, database_url: str, capsys
) -> None:
    _setup(plant, bus, clock, tmp_path)
    _announce(plant, clock, tmp_path, [LotLine("L-COMING", "STEEL-2MM", "200", available=ARRIVES.isoformat())])
    args = ["schedule", "--database-url", database_url, "--from", "2026-03-02T06:00:00Z", "--time-limit", "2"]
    assert main([*args, "--horizon-days", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {op["work_order"] for op in shown["operations"]} == {"WO-SOON"}
    assert shown["material"]["waits"][0]["planned"] is False
    # 315 kg needed: 15 left on hand and 200 coming, 100 kg short.
    assert shown["material"]["shortages"] == [
        {"work_order": "WO-LATER", "operation": 10, "material": "STEEL-2MM", "missing": "100"}
    ]
    assert main([*args, "--horizon-days", "1"]) == 0
    out = capsys.readouterr().out
    assert "Waiting for material\n  WO-LATER/10 from Wed 04 09:00: lot L-COMING of STEEL-2MM" in out
    assert "(after the plan's end: not planned)" in out
    assert "WO-LATER/10: 100 of STEEL-2MM missing" in out
