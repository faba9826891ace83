"""Fixtures for the terminal's UI tests: the real window on a real QApplication (offscreen), over the
small test plant in real databases (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine

from mes_terminal.domain.clock import FixedClock
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.terminal import TerminalService
from mes_terminal.ui.app import apply_terminal_look
from mes_terminal.ui.terminal.options import TerminalOptions
from mes_terminal.ui.terminal.window import TerminalWindow
from tests.helpers import SUPERVISOR, command

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Timers that would fire on their own during a test are pushed far out; tests drive every refresh.
OPTIONS = TerminalOptions(refresh_ms=3_600_000, inactivity_minutes=0)


@pytest.fixture
def service(plant: Engine, bus: CommandBus, clock: FixedClock) -> TerminalService:
    return TerminalService(plant, bus, clock)


@pytest.fixture
def work_order(bus: CommandBus, clock: FixedClock) -> str:
    """WO-1: ten BRACKET-A, released, so that operation 10 is ready at WS-01; lot S-1 holds 100 kg of steel."""
    bus.execute(
        command(
            c.CreateWorkOrder,
            clock.now(),
            number="WO-1",
            product="BRACKET-A",
            quantity=Decimal(10),
            due=clock.now() + timedelta(days=1),
        )
    )
    bus.execute(command(c.ReleaseWorkOrder, clock.now(), actor=SUPERVISOR, number="WO-1"))
    # Steel on hand, so that the job is not short of material.
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(100)))
    return "WO-1"


@pytest.fixture
def themed_app(qapp: QApplication) -> QApplication:
    apply_terminal_look(qapp)
    return qapp


@pytest.fixture
def open_window(
    themed_app, qtbot, service: TerminalService, clock: FixedClock
) -> Iterator[Callable[..., TerminalWindow]]:
    """Opens a station's terminal at 1024x768, its first reading of the station done; closed after the test."""
    opened: list[TerminalWindow] = []

    def open_(station: str = "WS-01", **options: object) -> TerminalWindow:
        window = TerminalWindow(service, station, clock, options=replace(OPTIONS, **options))
        opened.append(window)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        with qtbot.waitSignal(window.vm.settled, timeout=10_000):
            window.start()
        qtbot.waitUntil(lambda: window.vm.station is not None and not window.vm.busy)
        return window

    yield open_
    for window in opened:
        window.shutdown()  # before the engine is disposed: no worker may still be reading


@pytest.fixture
def window(open_window: Callable[..., TerminalWindow]) -> TerminalWindow:
    """The WS-01 terminal."""
    return open_window()


def new_id() -> uuid.UUID:
    return uuid.uuid4()


@pytest.fixture
def console_service(plant: Engine, bus: CommandBus, clock: FixedClock):
    from mes_terminal.services.supervisor import SupervisorService

    return SupervisorService(plant, bus, clock)


@pytest.fixture
def console(qapp, qtbot, console_service):
    """The supervisor console at 1366x768; its timers pushed far out, the tests drive every poll."""
    from mes_terminal.ui.supervisor.window import SupervisorWindow

    window = SupervisorWindow(console_service, poll_ms=3_600_000, oee_ms=3_600_000, listen=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window.shutdown()
