"""The composition root: builds the engine, the clock, the command bus and the services with devices."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from mes_terminal.config import Settings, missing_database_sentence
from mes_terminal.db import migrate
from mes_terminal.db.engine import make_engine, normalise_url, safe_url
from mes_terminal.domain.clock import Clock, SystemClock
from mes_terminal.domain.errors import DatabaseUnavailable, SchemaNotAtHead
from mes_terminal.services.commands.bus import CommandBus

if TYPE_CHECKING:
    from mes_terminal.services.printing.service import PrintService
    from mes_terminal.services.terminal import TerminalService


@dataclass
class Application:
    settings: Settings
    engine: Engine
    clock: Clock
    bus: CommandBus

    def close(self) -> None:
        self.engine.dispose()


def connect(database_url: str, *, create: bool = False) -> Engine:
    """An engine whose database answered; otherwise `DatabaseUnavailable` with a plain reason.

    An SQLite file that does not exist is created only when `create` is set (upgrade, demo), so that
    a mistyped path is reported instead of silently becoming a new, empty database.
    """
    _refuse_missing_sqlite_file(database_url, create)
    engine = make_engine(database_url)
    try:
        with engine.connect().execution_options(mes_read_only=True) as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        engine.dispose()
        reason = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else type(error.orig).__name__
        raise DatabaseUnavailable(
            f"Cannot reach the database {safe_url(database_url)}: {reason}. "
            "Check that the server runs and that the URL (--database-url, MES_DATABASE_URL or the settings file)"
            " is right."
        ) from None
    return engine


def _refuse_missing_sqlite_file(database_url: str, create: bool) -> None:
    url = normalise_url(database_url)
    if create or url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    if not Path(url.database).expanduser().exists():
        raise SchemaNotAtHead(missing_database_sentence(Path(url.database)))


def build(
    settings: Settings,
    *,
    clock: Clock | None = None,
    require_schema: bool = True,
    create: bool = False,
    offline: bool = False,
) -> Application:
    """The application on `settings`' database. `offline`: the database did not answer and the terminal
    starts from its snapshot (docs/offline.md), so nothing is asked of it now; connections are made when
    it answers again."""
    engine = make_engine(settings.database_url) if offline else connect(settings.database_url, create=create)
    if require_schema and offline:
        migrate.require_head_on_connect(engine)  # checked when it answers again
    elif require_schema:
        try:
            migrate.require_head(engine)
        except BaseException:
            engine.dispose()
            raise
    clock = clock or SystemClock()
    return Application(settings=settings, engine=engine, clock=clock, bus=CommandBus(engine, clock))


def print_service(app: Application) -> PrintService:
    """The print service with every transport, the system's printers (Qt's QPrinter) included.

    The Qt printer is imported only when a job goes to `printer:NAME`; building this opens nothing.
    """
    from mes_terminal.devices.printers import Transport, open_transport
    from mes_terminal.domain.print_targets import PrintTarget
    from mes_terminal.services.printing.service import PrintService

    def system_printer(name: str) -> Transport:
        from mes_terminal.ui.system_printer import SystemPrinter

        return SystemPrinter(name)

    def opener(target: PrintTarget) -> Transport:
        return open_transport(target, now=app.clock.now, system_printer=system_printer)

    return PrintService(app.engine, app.bus, app.clock, open_transport=opener)


def terminal_service(app: Application) -> TerminalService:
    """The operator terminal's service; its labels go to the settings' `[printer] label` (if any), its
    commands through the station's outbox in the user data directory (docs/offline.md)."""
    from mes_terminal.config import outbox_file, snapshot_file
    from mes_terminal.services.commands.delivery import OutboxDelivery
    from mes_terminal.services.commands.outbox import Outbox
    from mes_terminal.services.printing.station_labels import StationLabels
    from mes_terminal.services.terminal import TerminalService
    from mes_terminal.services.terminal_snapshot import SnapshotFile

    labels = StationLabels(
        app.engine,
        print_service(app),
        app.clock,
        target=app.settings.printer.get("label"),
        digital_link=bool(app.settings.terminal.get("label_digital_link", False)),
    )
    station = app.settings.station
    delivery = None if station is None else OutboxDelivery(Outbox(outbox_file(station)), app.bus, app.clock)
    snapshot = None if station is None else SnapshotFile(snapshot_file(station))
    return TerminalService(app.engine, app.bus, app.clock, labels=labels, delivery=delivery, snapshot=snapshot)
