"""Scrap reasons scoped to lines, stations and operations: loaded, offered where they apply, refused elsewhere."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import Count, ScrapReason
from mes_terminal.domain.error_codes import COUNT_SCRAP_REASON_ELSEWHERE
from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.services.terminal import TerminalService
from tests.helpers import OPERATOR, SCOPED, command, run_first_job, scoped_plant


@pytest.fixture
def scoped(bus: CommandBus, plant: Engine, clock) -> Engine:
    load_plant(plant, parse_plant(scoped_plant(), "small_plant.toml"), now=clock.now())
    now = clock.now()
    run_first_job(bus, now)
    return plant


def report_scrap(bus: CommandBus, clock, reason: str) -> None:
    bus.execute(
        command(
            c.ReportCount,
            clock.now(),
            actor=OPERATOR,
            station="WS-01",
            work_order="WO-1",
            operation=10,
            scrap=Decimal(1),
            scrap_reason=reason,
        )
    )


def test_a_reason_of_another_station_is_refused_with_a_sentence_and_nothing_counted(scoped, bus, clock) -> None:
    with pytest.raises(InvalidState) as refused:
        report_scrap(bus, clock, "CRACK")
    assert refused.value.code == COUNT_SCRAP_REASON_ELSEWHERE
    assert refused.value.message == (
        "Scrap reason Crack at bend (CRACK) is not one of WS-01: it applies at WS-02. "
        "Choose a reason the terminal offers for WO-1 operation 10 (Cut)."
    )
    with Session(scoped) as session:
        assert session.scalars(select(Count)).all() == []


@pytest.mark.parametrize("reason", ["BURR", "KERF", "DROP"])  # everywhere, this operation, this line
def test_a_reason_that_applies_to_the_job_is_counted(scoped, bus, clock, reason: str) -> None:
    report_scrap(bus, clock, reason)
    with Session(scoped) as session:
        assert [count.scrap for count in session.scalars(select(Count))] == [Decimal(1)]


def test_the_terminal_offers_the_reasons_of_the_job_only(scoped, bus, clock) -> None:
    terminal = TerminalService(scoped, bus, clock)
    station = terminal.station("WS-01")
    job = station.jobs[0]
    offered = [reason.code for reason in terminal.scrap_reasons() if reason.applies_to(station, job)]
    assert offered == ["BURR", "DROP", "KERF"]  # by name: Burr on edge, Dropped on the line, Kerf too wide
    everything = {reason.code: reason.scope.describe() for reason in terminal.scrap_reasons()}
    assert everything == {
        "BURR": "everywhere",
        "CRACK": "WS-02",
        "DROP": "line L1",
        "KERF": "BRACKET-A operation 10",
    }


def test_loading_the_scopes_again_changes_nothing_and_a_changed_scope_is_written(scoped, clock) -> None:
    again = load_plant(scoped, parse_plant(scoped_plant(), "small_plant.toml"), now=clock.now())
    assert again.counts["scrap_reason"].unchanged == 4
    moved = scoped_plant(SCOPED.replace('stations = ["WS-02"]', 'stations = ["WS-01", "WS-02"]'))
    changed = load_plant(scoped, parse_plant(moved, "small_plant.toml"), now=clock.now())
    assert changed.counts["scrap_reason"].updated == 1
    with Session(scoped) as session:
        crack = session.scalars(select(ScrapReason).where(ScrapReason.code == "CRACK")).one()
        assert sorted((s.kind, s.code) for s in crack.scopes) == [("station", "WS-01"), ("station", "WS-02")]
    unscoped = scoped_plant(SCOPED.replace('stations = ["WS-02"]\n', ""))
    load_plant(scoped, parse_plant(unscoped, "small_plant.toml"), now=clock.now())
    with Session(scoped) as session:
        crack = session.scalars(select(ScrapReason).where(ScrapReason.code == "CRACK")).one()
        assert crack.scopes == []  # now offered everywhere


def test_the_consoles_master_data_says_where_each_reason_applies(scoped, bus, clock) -> None:
    from mes_terminal.services.supervisor import SupervisorService

    section = next(s for s in SupervisorService(scoped, bus, clock).master_data() if s.name == "scrap_reasons")
    assert section.columns == ("code", "name", "applies_at", "active")
    assert [row[::2] for row in section.rows] == [
        ("BURR", "everywhere"),
        ("CRACK", "WS-02"),
        ("DROP", "line L1"),
        ("KERF", "BRACKET-A operation 10"),
    ]
