"""The plant file's machines and namespace in the database: `[[machines]]` as signal sources of their
stations, `[uns]` on the site, and the connector's account when the file leaves it to the default."""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from mes_terminal.db.records import MachineSource, User, UserRole, Workstation
from mes_terminal.domain.machine_signals import signal_json
from mes_terminal.domain.pins import hash_secret
from mes_terminal.domain.plant import PlantDefinition
from mes_terminal.domain.plant_machines import DEFAULT_BADGE, MachineSpec
from mes_terminal.domain.roles import Role
from mes_terminal.services.plant.changes import ChangeLog, Values


def load_machines(
    session: Session, plant: PlantDefinition, stations: Mapping[str, Workstation], changes: ChangeLog
) -> None:
    """Upsert a source per (station, url); sources the file does not mention are left as they are."""
    if any(m.badge == DEFAULT_BADGE for m in plant.machines) and DEFAULT_BADGE not in {u.badge for u in plant.users}:
        _default_account(session, changes)
    for spec in plant.machines:
        station = stations[spec.station]
        source = session.scalars(
            select(MachineSource).where(MachineSource.workstation_id == station.id, MachineSource.url == spec.url)
        ).one_or_none()
        after = source_values(spec)
        before = (
            None if source is None else {"badge": source.badge, "poll_ms": source.poll_ms, "signals": source.signals}
        )
        if changes.record("machine", f"{spec.station} {spec.url}", before, after):
            if source is None:
                source = MachineSource(workstation_id=station.id, url=spec.url)
                session.add(source)
            source.badge, source.poll_ms, source.signals = after["badge"], after["poll_ms"], after["signals"]
    session.flush()


def source_values(spec: MachineSpec) -> Values:
    return {"badge": spec.badge, "poll_ms": spec.poll_ms, "signals": [signal_json(s) for s in spec.signals]}


def _default_account(session: Session, changes: ChangeLog) -> None:
    """The connectors' account: an operator nobody signs in as (its PIN is random and never shown)."""
    if session.scalars(select(User.id).where(User.badge == DEFAULT_BADGE)).one_or_none() is not None:
        return
    after = {"name": "Machine signals", "roles": [Role.OPERATOR.value], "qualifications": [], "pin": "set"}
    changes.record("user", DEFAULT_BADGE, None, after)
    user = User(badge=DEFAULT_BADGE, name="Machine signals", pin_hash=hash_secret(secrets.token_hex(16)))
    user.roles.append(UserRole(role=Role.OPERATOR.value))
    session.add(user)
