"""Small builders shared by tests: commands with fresh ids and the test plant."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from mes_terminal.domain.plant import parse_plant
from mes_terminal.services import commands as c
from mes_terminal.services.plant_loader import load_plant

DATA = Path(__file__).parent / "data"
SUPERVISOR, OPERATOR, LEAD = "B2001", "B1001", "B4001"


def load_small_plant(engine: Engine, now: datetime) -> None:
    path = DATA / "small_plant.toml"
    load_plant(engine, parse_plant(path.read_text(encoding="utf-8"), source=str(path)), now=now)


def command(cls: type[c.Command], at: datetime, actor: str = SUPERVISOR, **fields: Any) -> Any:
    return cls(command_id=uuid.uuid4(), actor=actor, issued_at=at, **fields)
