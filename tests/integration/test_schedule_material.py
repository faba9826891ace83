"""The plan waits for material on its way: an operation whose lot the ERP announced starts when it may be used.

The small test plant's BRACKET-A takes 0.35 kg of STEEL-2MM a piece at operation 10; with the material
rules loaded on top, STEEL-2MM-B may be used in its place. On SQLite and PostgreSQL, through the ERP
import and `mes-terminal schedule`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Engine

from mes_terminal.cli import main
from mes_terminal.domain.clock import FixedClock
from mes_terminal.integration.importer import import_file
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.planning.planner import plan_json, plan_plant
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from tests.erp.documents import LotLine, material_information
from tests.helpers import DATA, OPERATOR, command
from tests.integration.test_schedule import release_orders

ARRIVES = datetime(2026, 3, 4, 8, tzinfo=UTC)  # two days after the clock's start, inside the EARLY shift

# WO-LATER's line takes 300 of its substitute STEEL-2MM-B, as `schedule --json` says it.
LATER_TAKES_THE_SUBSTITUTE = {
    "work_order": "WO-LATER",
    "operation": 10,
    "material": "STEEL-2MM",
    "substitute": "STEEL-2MM-B",
    "quantity": "300",
}


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
                "lot_material": "STEEL-2MM",
                "until": "2026-03-04T08:00:00Z",
                "planned": True,
            }
        ],
        "shortages": [],
        "substitutions": [],
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
        {"work_order": "WO-LATER", "operation": 10, "material": "STEEL-2MM", "missing": "100", "substitutes": []}
    ]
    assert main([*args, "--horizon-days", "1"]) == 0
    out = capsys.readouterr().out
    assert "Waiting for material\n  WO-LATER/10 from Wed 04 09:00: lot L-COMING of STEEL-2MM" in out
    assert "(after the plan's end: not planned)" in out
    assert "WO-LATER/10: 100 of STEEL-2MM missing" in out


# --- substitutes: STEEL-2MM-B in place of STEEL-2MM --------------------------------------------------------


def _with_substitute(plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path) -> None:
    load_plant(plant, read_plant_file(DATA / "material_plant.toml"), now=clock.now())
    _setup(plant, bus, clock, tmp_path)


def _receive(bus: CommandBus, clock: FixedClock, lot: str, material: str, quantity: int) -> None:
    bus.execute(command(c.ReceiveLot, clock.now(), lot=lot, material=material, quantity=Decimal(quantity)))


def test_a_substitute_on_hand_covers_the_shortfall_and_nothing_waits(
    plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path, database_url: str, capsys
) -> None:
    _with_substitute(plant, bus, clock, tmp_path)
    _receive(bus, clock, "B-HERE", "STEEL-2MM-B", 350)
    plan = plan_plant(plant, clock.now(), time_limit=2.0)
    assert plan.violations == ()
    # WO-LATER: the 15 kg of STEEL-2MM left after WO-SOON and 300 of STEEL-2MM-B, all on hand.
    assert min(line.start for line in plan.lines if line.work_order == "WO-LATER") < ARRIVES
    args = ["schedule", "--database-url", database_url, "--from", "2026-03-02T06:00:00Z", "--time-limit", "2"]
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["material"] == {
        "waits": [],
        "shortages": [],
        "substitutions": [LATER_TAKES_THE_SUBSTITUTE],
    }
    assert main(args) == 0
    assert "Substitutes planned\n  WO-LATER/10: 300 of STEEL-2MM-B in place of STEEL-2MM\n" in capsys.readouterr().out


def test_a_substitute_lot_arriving_first_is_waited_for_and_named(
    plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path, database_url: str, capsys
) -> None:
    _with_substitute(plant, bus, clock, tmp_path)
    sooner = ARRIVES - timedelta(days=1)
    _announce(plant, clock, tmp_path, [LotLine("B-COMING", "STEEL-2MM-B", "400", available=sooner.isoformat())])
    plan = plan_plant(plant, clock.now(), time_limit=2.0)
    assert plan.violations == ()
    assert sooner <= min(line.start for line in plan.lines if line.work_order == "WO-LATER") < ARRIVES
    args = ["schedule", "--database-url", database_url, "--from", "2026-03-02T06:00:00Z", "--time-limit", "2"]
    assert main([*args, "--json"]) == 0
    material = json.loads(capsys.readouterr().out)["material"]
    assert material["waits"] == [
        {
            "work_order": "WO-LATER",
            "operation": 10,
            "material": "STEEL-2MM",
            "lot": "B-COMING",
            "lot_material": "STEEL-2MM-B",
            "until": "2026-03-03T08:00:00Z",
            "planned": True,
        }
    ]
    assert material["substitutions"] == [LATER_TAKES_THE_SUBSTITUTE]
    assert main(args) == 0
    assert "WO-LATER/10 from Tue 03 09:00: lot B-COMING of STEEL-2MM-B in place of STEEL-2MM" in capsys.readouterr().out


def test_a_substitute_expected_after_the_material_is_not_waited_for(
    plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path
) -> None:
    _with_substitute(plant, bus, clock, tmp_path)
    later = ARRIVES + timedelta(days=1)
    _announce(plant, clock, tmp_path, [LotLine("B-LATER", "STEEL-2MM-B", "400", available=later.isoformat())])
    plan = plan_plant(plant, clock.now(), time_limit=2.0)
    assert [(w.work_order, w.lot, w.lot_material) for w in plan.material.waits] == [
        ("WO-LATER", "L-COMING", "STEEL-2MM")
    ]
    assert plan.material.substitutions == ()
    assert ARRIVES <= min(line.start for line in plan.lines if line.work_order == "WO-LATER") < later


def test_substitute_stock_is_given_once_in_due_date_order(
    plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path
) -> None:
    _with_substitute(plant, bus, clock, tmp_path)
    release_orders(bus, clock, [("WO-FIRST", 200, 4, 0)])
    _receive(bus, clock, "B-HERE", "STEEL-2MM-B", 70)
    plan = plan_plant(plant, clock.now(), time_limit=2.0)
    # 120 kg of STEEL-2MM and 70 of STEEL-2MM-B on hand. WO-FIRST (due first, 70 kg) takes STEEL-2MM only;
    # WO-SOON (105) the 50 left of it and 55 of STEEL-2MM-B; WO-LATER (315) the last 15 and 300 of L-COMING.
    assert [(s.work_order, s.substitute, s.quantity) for s in plan.material.substitutions] == [
        ("WO-SOON", "STEEL-2MM-B", Decimal(55)),
        ("WO-LATER", "STEEL-2MM-B", Decimal(15)),
    ]
    assert [(w.work_order, w.lot) for w in plan.material.waits] == [("WO-LATER", "L-COMING")]
    assert plan.material.shortages == ()
    placed = {(line.work_order, line.operation): line for line in plan.lines}
    assert placed[("WO-SOON", 10)].start < ARRIVES <= placed[("WO-LATER", 10)].start


def test_what_a_job_took_of_the_substitute_counts_against_its_need(
    plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path
) -> None:
    _with_substitute(plant, bus, clock, tmp_path)
    now = clock.now()
    bus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    run = dict(actor=OPERATOR, station="WS-01", work_order="WO-SOON", operation=10)
    bus.execute(command(c.StartJob, now, **run))
    _receive(bus, clock, "B-HERE", "STEEL-2MM-B", 100)
    bus.execute(command(c.ConsumeLot, now, lot="B-HERE", quantity=Decimal(100), **run))
    plan = plan_plant(plant, clock.now(), time_limit=2.0)
    # WO-SOON still needs 5 kg: WO-LATER gets 115 of the 120 on hand and 200 of L-COMING.
    assert plan.material.shortages == ()
    assert plan.material.substitutions == ()
    assert [(w.work_order, w.lot) for w in plan.material.waits] == [("WO-LATER", "L-COMING")]


def test_when_neither_the_material_nor_its_substitute_covers_the_need_it_is_short(
    plant: Engine, bus: CommandBus, clock: FixedClock, tmp_path, database_url: str, capsys
) -> None:
    _with_substitute(plant, bus, clock, tmp_path)
    _announce(plant, clock, tmp_path, [LotLine("L-COMING", "STEEL-2MM", "100", available=ARRIVES.isoformat())])
    _receive(bus, clock, "B-HERE", "STEEL-2MM-B", 60)
    args = ["schedule", "--database-url", database_url, "--from", "2026-03-02T06:00:00Z", "--time-limit", "2"]
    assert main([*args, "--json"]) == 0
    material = json.loads(capsys.readouterr().out)["material"]
    # 315 kg needed: 15 of STEEL-2MM and 60 of STEEL-2MM-B on hand, 100 coming; 140 kg short.
    assert material["shortages"] == [
        {
            "work_order": "WO-LATER",
            "operation": 10,
            "material": "STEEL-2MM",
            "missing": "140",
            "substitutes": ["STEEL-2MM-B"],
        }
    ]
    assert [w["lot"] for w in material["waits"]] == ["L-COMING"]
    assert main(args) == 0
    assert "WO-LATER/10: 140 of STEEL-2MM or STEEL-2MM-B missing" in capsys.readouterr().out
