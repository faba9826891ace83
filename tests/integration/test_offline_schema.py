"""A terminal that started offline checks the schema when the database answers again.

The database may have been upgraded (or restored from an older backup) while the terminal was away: its
commands then wait in the outbox with the upgrade's sentence, rather than being refused as conflicts by
statements this version does not know; once the schema is at head they are delivered. On SQLite and
PostgreSQL.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from mes_terminal.bootstrap import build
from mes_terminal.config import Settings
from mes_terminal.db.records import CommandConflict, Event
from mes_terminal.db.schema_head import SCHEMA_HEAD
from mes_terminal.domain.error_codes import SCHEMA_NOT_AT_HEAD
from mes_terminal.domain.errors import DatabaseUnavailable
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.delivery import OutboxDelivery, Queued
from mes_terminal.services.commands.outbox import Outbox
from tests.helpers import OPERATOR, command, run_first_job


def _set_revision(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})


@pytest.mark.parametrize("found", ["9999", "0001"], ids=["newer", "older"])
def test_commands_wait_while_the_schema_is_not_at_head_and_go_once_it_is(
    plant: Engine, bus, clock, database_url: str, tmp_path: Path, found: str
) -> None:
    run_first_job(bus, clock.now())
    _set_revision(plant, found)
    app = build(Settings(database_url=database_url, station="WS-01"), clock=clock, offline=True)
    try:
        delivery = OutboxDelivery(Outbox(tmp_path / "WS-01.sqlite"), app.bus, clock)
        count = command(c.ReportCount, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1",
                        operation=10, good=Decimal(2))  # fmt: skip
        assert isinstance(delivery.send(count), Queued)
        with pytest.raises(DatabaseUnavailable) as reached:
            app.bus.execute(count)
        assert reached.value.code == SCHEMA_NOT_AT_HEAD and "mes-terminal" in reached.value.message
        assert delivery.deliver().reachable is False and len(delivery.outbox) == 1

        _set_revision(plant, SCHEMA_HEAD)
        round_ = delivery.deliver()
        assert (round_.sent, round_.left, round_.conflicts) == (1, 0, ())
    finally:
        app.close()
    with plant.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(CommandConflict)) == 0
        counted = connection.execute(select(Event.payload).where(Event.type == "CountReported")).scalars().all()
    assert [Decimal(str(p["good"])) for p in counted] == [2]
