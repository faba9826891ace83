from __future__ import annotations

import pytest
from sqlalchemy import Engine

from mes_terminal.domain.clock import FixedClock
from mes_terminal.services.bus import CommandBus
from tests.helpers import load_small_plant


@pytest.fixture
def plant(engine: Engine, clock: FixedClock) -> Engine:
    """The database with the small test plant loaded."""
    load_small_plant(engine, clock.now())
    return engine


@pytest.fixture
def bus(plant: Engine, clock: FixedClock) -> CommandBus:
    return CommandBus(plant, clock)
