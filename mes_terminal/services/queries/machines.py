"""Reads of the connectors: the signal sources of the plant file, the namespace, where each station is."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from mes_terminal.db.records import Line, MachineSource, Site, Workstation
from mes_terminal.domain.error_codes import MACHINE_NOT_CONFIGURED
from mes_terminal.domain.errors import UnknownEntity
from mes_terminal.domain.machine_signals import signal_from_json
from mes_terminal.domain.plant_machines import MachineSpec


@dataclass(frozen=True)
class Namespace:
    """Where events are published: `{root}/{site}/{line}/{station}/...`."""

    url: str
    root: str
    site: str
    lines: dict[str, str]  # station code -> line code


def machine_sources(connection: Connection, station: str | None = None) -> list[MachineSpec]:
    """The stored `[[machines]]` entries (of one station); `machine.not_configured` when there are none."""
    statement = (
        select(Workstation.code, MachineSource.url, MachineSource.badge, MachineSource.poll_ms, MachineSource.signals)
        .join(Workstation, Workstation.id == MachineSource.workstation_id)
        .order_by(Workstation.code, MachineSource.url)
    )
    if station is not None:
        statement = statement.where(Workstation.code == station)
    specs = [
        MachineSpec(
            station=row.code,
            url=row.url,
            badge=row.badge,
            poll_ms=row.poll_ms,
            signals=tuple(signal_from_json(s) for s in row.signals),
        )
        for row in connection.execute(statement)
    ]
    if not specs:
        where = station or "The plant"
        raise UnknownEntity(MACHINE_NOT_CONFIGURED.sentence(station=where), code=MACHINE_NOT_CONFIGURED)
    return specs


def namespace(connection: Connection) -> Namespace | None:
    """The plant's `[uns]` with its site and every station's line; None when the plant file has none."""
    site = connection.execute(
        select(Site.id, Site.code, Site.uns_url, Site.uns_root).where(Site.uns_url.is_not(None))
    ).first()
    if site is None or site.uns_root is None:
        return None
    rows = connection.execute(
        select(Workstation.code, Line.code.label("line"))
        .join(Line, Line.id == Workstation.line_id)
        .where(Line.site_id == site.id)
    )
    return Namespace(site.uns_url, site.uns_root, site.code, {row.code: row.line for row in rows})
