"""What the terminal shows: the station's state, its jobs and a dispatch list with readiness."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from mes_terminal.domain.errors import UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.terminal import TerminalService
from tests.helpers import OPERATOR, command


@pytest.fixture
def terminal(plant, bus: CommandBus, clock) -> TerminalService:
    """The terminal service, with steel on hand so that jobs are not short of material."""
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(1000)))
    return TerminalService(plant, bus, clock)


def _orders(bus: CommandBus, clock) -> None:
    for number, priority, days in (("WO-LOW", 0, 1), ("WO-HIGH", 9, 3), ("WO-SOON", 0, 0)):
        bus.execute(
            command(
                c.CreateWorkOrder,
                clock.now(),
                number=number,
                product="BRACKET-A",
                quantity=Decimal(50),
                due=clock.now() + timedelta(days=days),
                priority=priority,
            )
        )
    for number in ("WO-LOW", "WO-HIGH"):
        bus.execute(command(c.ReleaseWorkOrder, clock.now(), number=number))
    bus.execute(command(c.ReleaseWorkOrder, clock.now(), number="WO-SOON"))
    bus.execute(command(c.HoldWorkOrder, clock.now(), number="WO-SOON"))


def _job(bus, clock, cls, number: str, seq: int = 10, station: str = "WS-01", **fields) -> None:
    bus.execute(command(cls, clock.now(), actor=OPERATOR, station=station, work_order=number, operation=seq, **fields))


def test_an_idle_station(terminal: TerminalService) -> None:
    view = terminal.station("WS-01")
    assert not view.badge_only and terminal.station("WS-02").badge_only
    assert (view.code, view.name, view.line_code, view.state, view.jobs, view.operators) == (
        "WS-01",
        "Laser cutter",
        "L1",
        "idle",
        (),
        (),
    )


def test_dispatch_list_order_and_readiness(terminal: TerminalService, bus: CommandBus, clock) -> None:
    _orders(bus, clock)
    items = terminal.dispatch_list("WS-01")
    assert [(i.work_order, i.readiness) for i in items] == [
        ("WO-HIGH", "ready"),
        ("WO-SOON", "order_on_hold"),
        ("WO-LOW", "ready"),
    ]
    assert items[0].reason == "Ready: 50 to make."
    assert items[1].reason == "Work order WO-SOON is on hold."

    later = terminal.dispatch_list("WS-02")
    assert (later[0].work_order, later[0].operation, later[0].readiness) == ("WO-HIGH", 20, "waiting_previous")
    assert later[0].reason == "Waiting for operation 10 (Cut): no parts available yet."


def test_a_running_job_comes_first_and_shows_its_progress(terminal: TerminalService, bus, clock) -> None:
    _orders(bus, clock)
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    _job(bus, clock, c.StartJob, "WO-LOW")
    clock.advance(timedelta(minutes=10))
    _job(bus, clock, c.ReportCount, "WO-LOW", good=Decimal(40), scrap=Decimal(2), scrap_reason="BURR")
    clock.advance(timedelta(minutes=1))

    view = terminal.station("WS-01")
    assert view.state == "running" and view.state_since == clock.now() - timedelta(minutes=11)
    assert [o.name for o in view.operators] == ["Ada Lovelace"]
    (job,) = view.jobs
    assert (job.work_order, job.operation, job.target, job.good, job.scrap) == (
        "WO-LOW",
        10,
        Decimal(50),
        Decimal(40),
        Decimal(2),
    )
    assert job.run_seconds == 660.0
    assert job.actual_cycle_seconds == Decimal("15.71")  # 660 s / 42 parts
    assert job.ideal_cycle_seconds == Decimal(12)
    assert job.operators == ("Ada Lovelace",)

    items = terminal.dispatch_list("WS-01")
    assert (items[0].work_order, items[0].readiness) == ("WO-LOW", "running_here")
    assert items[0].reason == "Running here: 40 good, 2 scrap of 50."
    second = terminal.dispatch_list("WS-02")
    assert [(i.work_order, i.readiness) for i in second if i.work_order == "WO-LOW"] == [("WO-LOW", "ready")]


def test_a_pause_with_a_reason_shows_the_station_down(terminal: TerminalService, bus, clock) -> None:
    _orders(bus, clock)
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    _job(bus, clock, c.StartJob, "WO-LOW")
    _job(bus, clock, c.PauseJob, "WO-LOW", reason="BREAKDOWN")
    view = terminal.station("WS-01")
    assert (view.state, view.open_downtime_reason) == ("down", "Breakdown")
    _job(bus, clock, c.ResumeJob, "WO-LOW")
    _job(bus, clock, c.PauseJob, "WO-LOW")
    assert terminal.station("WS-01").state == "paused"


def test_reasons_and_an_unknown_station(terminal: TerminalService) -> None:
    assert [(r.code, r.name) for r in terminal.scrap_reasons()] == [("BURR", "Burr on edge")]
    assert [r.code for r in terminal.downtime_reasons()] == ["BREAKDOWN"]
    with pytest.raises(UnknownEntity, match="There is no workstation WS-99"):
        terminal.station("WS-99")


def test_a_job_whose_material_is_not_on_hand_is_material_short(terminal: TerminalService, bus, clock) -> None:
    _orders(bus, clock)
    bus.execute(command(c.HoldLot, clock.now(), lot="S-1", reason="Mill certificate missing"))
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-2", material="STEEL-2MM", quantity=Decimal(10)))
    item = terminal.dispatch_list("WS-01")[0]
    assert (item.work_order, item.readiness) == ("WO-HIGH", "material_short")
    assert item.reason == "Material short: STEEL-2MM needs 17.5 kg, 10 kg usable on hand."


def test_the_materials_panel_shows_needed_taken_left_and_whether_taking_kept_up(
    terminal: TerminalService, bus, clock
) -> None:
    _orders(bus, clock)
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    _job(bus, clock, c.StartJob, "WO-LOW")  # 50 brackets at 0.35 kg: 17.5 kg

    def panel() -> tuple:
        (line,) = terminal.materials("WS-01", "WO-LOW", 10)
        return (line.material, line.unit, line.needed, line.taken, line.left, line.on_hand, line.state)

    # Untouched: in stock, but nothing taken. Never "ready", never green.
    assert panel() == ("STEEL-2MM", "kg", 0, 0, Decimal("17.5"), Decimal(1000), "to_scan")
    _job(bus, clock, c.ConsumeLot, "WO-LOW", lot="S-1", quantity=Decimal(5))
    assert panel() == ("STEEL-2MM", "kg", 0, Decimal(5), Decimal("12.5"), Decimal(995), "to_scan")
    _job(bus, clock, c.ReportCount, "WO-LOW", good=Decimal(20))  # 7 kg needed, 5 taken
    assert panel() == ("STEEL-2MM", "kg", Decimal(7), Decimal(5), Decimal("12.5"), Decimal(995), "short")
    _job(bus, clock, c.ConsumeLot, "WO-LOW", lot="S-1")
    assert panel() == ("STEEL-2MM", "kg", Decimal(7), Decimal("17.5"), 0, Decimal("982.5"), "covered")
    assert terminal.materials("WS-02", "WO-LOW", 20) == []


def test_a_lot_scan_names_our_lot_by_our_label_or_by_gtin_and_batch(terminal: TerminalService, bus, clock) -> None:
    from mes_terminal.domain.errors import InvalidInput
    from mes_terminal.domain.scans import classify_scan

    bus.execute(
        command(c.ReceiveLot, clock.now(), lot="S-7", material="STEEL-2MM", quantity=Decimal(5), supplier_lot="MILL-9")
    )
    assert terminal.lot_for_scan(classify_scan("LOT:S-7")) == "S-7"
    with pytest.raises(UnknownEntity, match="No material has the GTIN 09506000134352"):
        terminal.lot_for_scan(classify_scan("]C1010950600013435210MILL-9"))
    with pytest.raises(InvalidInput, match="check digit"):
        terminal.lot_for_scan(classify_scan("]C1010950600013435310MILL-9"))


# --- a lot scan in one call: the label resolved and ConsumeLot executed --------------------------------


@pytest.fixture
def steel_job(terminal: TerminalService, bus, clock) -> TerminalService:
    """Ada signed in at WS-01 running WO-LOW operation 10 (50 brackets: 17.5 kg of steel); lot S-7 carries the
    supplier's batch MILL-9 and the steel its GTIN, so that a GS1 label names it too."""
    from sqlalchemy import update

    from mes_terminal.db.records import Material

    _orders(bus, clock)
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    _job(bus, clock, c.StartJob, "WO-LOW")
    bus.execute(
        command(c.ReceiveLot, clock.now(), lot="S-7", material="STEEL-2MM", quantity=Decimal(5), supplier_lot="MILL-9")
    )
    with terminal._engine.begin() as connection:
        connection.execute(update(Material).where(Material.code == "STEEL-2MM").values(gtin="09506000134352"))
    return terminal


def _scan_lot(terminal: TerminalService, clock, raw: str, command_id=None):
    import uuid

    from mes_terminal.domain.scans import classify_scan

    return terminal.consume_scanned_lot(
        "WS-01",
        OPERATOR,
        "WO-LOW",
        10,
        classify_scan(raw),
        command_id=command_id or uuid.uuid4(),
        issued_at=clock.now(),
    )


def test_a_lot_label_scan_is_taken_into_the_job_in_one_call(steel_job: TerminalService, clock) -> None:
    import uuid

    command_id = uuid.uuid4()
    answer = _scan_lot(steel_job, clock, "LOT:S-1", command_id)
    assert answer.refusal is None and answer.outcome is not None
    assert (answer.command.command_id, answer.command.lot, answer.command.quantity) == (command_id, "S-1", None)
    assert (answer.outcome.result["consumed"], answer.outcome.result["bom_material"]) == ("17.5", "STEEL-2MM")
    # Sent again with the same id (a retry after a lost answer): the first result, nothing taken twice.
    again = _scan_lot(steel_job, clock, "LOT:S-1", command_id)
    assert again.outcome is not None and again.outcome.replayed
    assert steel_job.materials("WS-01", "WO-LOW", 10)[0].taken == Decimal("17.5")


def test_a_gs1_label_scan_names_the_lot_by_gtin_and_batch_and_takes_it(steel_job: TerminalService, clock) -> None:
    answer = _scan_lot(steel_job, clock, "]C1010950600013435210MILL-9")
    assert answer.refusal is None and answer.command.lot == "S-7"
    assert answer.outcome is not None and answer.outcome.result["consumed"] == "5"  # all the lot holds


def test_a_gs1_label_naming_no_lot_raises_and_sends_nothing(steel_job: TerminalService, clock) -> None:
    from mes_terminal.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match="check digit"):
        _scan_lot(steel_job, clock, "]C1010950600013435310MILL-9")
    with pytest.raises(UnknownEntity, match="There is no lot OTHER-1 of GTIN"):
        _scan_lot(steel_job, clock, "]C1010950600013435210OTHER-1")
    assert steel_job.materials("WS-01", "WO-LOW", 10)[0].taken == 0


def test_our_label_of_an_unknown_lot_is_refused_by_consume_lot(steel_job: TerminalService, clock) -> None:
    answer = _scan_lot(steel_job, clock, "LOT:NOPE")
    assert answer.outcome is None and answer.command.lot == "NOPE"
    assert isinstance(answer.refusal, UnknownEntity) and answer.refusal.message == "There is no lot NOPE."


def test_a_refused_consumption_comes_back_with_its_command_and_sentence(steel_job: TerminalService, bus, clock) -> None:
    bus.execute(command(c.HoldLot, clock.now(), lot="S-7", reason="Mill certificate missing"))
    answer = _scan_lot(steel_job, clock, "]C1010950600013435210MILL-9")
    assert answer.outcome is None and answer.command.lot == "S-7"  # the lot found, so the screen can name it
    assert answer.refusal is not None and "S-7" in answer.refusal.message and "hold" in answer.refusal.message


def test_an_unreachable_database_keeps_the_command_of_our_own_label(clock) -> None:
    """Offline our label still names its lot: the ConsumeLot comes back unsent, to be sent again with its id.
    A GS1 label needs the database to find its lot: nothing to keep."""
    from mes_terminal.db.engine import make_engine
    from mes_terminal.domain.errors import DatabaseUnavailable

    unreachable = make_engine("postgresql://mes@127.0.0.1:1/mes")
    try:
        offline = TerminalService(unreachable, CommandBus(unreachable, clock), clock)
        answer = _scan_lot(offline, clock, "LOT:S-1")
        assert isinstance(answer.refusal, DatabaseUnavailable) and answer.command.lot == "S-1"
        with pytest.raises(DatabaseUnavailable):
            _scan_lot(offline, clock, "]C1010950600013435210MILL-9")
    finally:
        unreachable.dispose()


# --- a GS1 Digital Link (a QR code on the supplier's label) names the same lot ---------------------------------


def test_a_digital_link_scan_names_the_lot_by_gtin_and_batch_and_takes_it(steel_job: TerminalService, clock) -> None:
    answer = _scan_lot(steel_job, clock, "HTTPS://steel.example/p/01/09506000134352/10/MILL-9/?17=301231&utm=qr\r\n")
    assert answer.refusal is None and answer.command.lot == "S-7"
    assert answer.outcome is not None and answer.outcome.result["consumed"] == "5"


def test_a_digital_link_is_checked_like_the_element_string_and_sends_nothing(steel_job: TerminalService, clock) -> None:
    from mes_terminal.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match="The GTIN check digit in AI \\(01\\) is wrong"):
        _scan_lot(steel_job, clock, "https://id.gs1.org/01/09506000134353/10/MILL-9")
    with pytest.raises(InvalidInput, match="names no lot"):
        _scan_lot(steel_job, clock, "https://id.gs1.org/01/09506000134352/21/SN-1")
    with pytest.raises(InvalidInput, match="belongs in the path"):
        _scan_lot(steel_job, clock, "https://id.gs1.org/01/09506000134352?10=MILL-9")
    with pytest.raises(UnknownEntity, match="There is no lot OTHER-1 of GTIN"):
        _scan_lot(steel_job, clock, "https://id.gs1.org/01/09506000134352/10/OTHER-1")
    assert steel_job.materials("WS-01", "WO-LOW", 10)[0].taken == 0
