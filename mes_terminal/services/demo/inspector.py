"""The demo's inspector: answers a job's due checks with good values, so that demo history can complete."""

from __future__ import annotations

import random
import uuid
from datetime import datetime
from decimal import Decimal

from mes_terminal.domain.errors import InvalidState
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.checklists import job_checklist
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.queries.station_views import CheckItemView


def pass_due_checks(
    bus: CommandBus, actor: str, at: datetime, *, station: str, work_order: str, operation: int, completing: bool = True
) -> int:
    """Record every check due on a running job (at completion too, when `completing`); returns how many."""
    with read_connection(bus.engine) as connection:
        try:
            view = job_checklist(connection, work_order, operation, at)
        except InvalidState:  # the operation has no checklist
            return 0
    items = [i for i in view.items if i.due is not None or (completing and i.when == "completion")]
    for item in items:
        bus.execute(
            c.RecordCheck(
                command_id=uuid.uuid4(),
                actor=actor,
                issued_at=at,
                station=station,
                work_order=work_order,
                operation=operation,
                checklist=view.code,
                item=item.code,
                value=good_answer(item, seed=f"{work_order}/{operation}/{at.isoformat()}"),
            )
        )
    return len(items)


def good_answer(item: CheckItemView, seed: str = "") -> str:
    if item.kind == "numeric":
        known = [v for v in (item.target, item.lower, item.upper) if v is not None]
        value = item.target if item.target is not None else (sum(known, Decimal(0)) / len(known) if known else 0)
        if item.lower is not None and item.upper is not None:
            # A real process scatters: sigma a twelfth of the tolerance (Cp 2), never beyond 3 sigma, so
            # always in spec; the same seed gives the same value, so the demo is the same every time.
            sigma = float(item.upper - item.lower) / 12
            scatter = max(-3.0, min(3.0, random.Random(f"{seed}/{item.code}").gauss(0, 1))) * sigma
            value = Decimal(str(float(value) + scatter)).quantize(Decimal("0.001"))
        return format(value, "f")
    if item.kind == "choice":
        return item.choices[0]
    if item.kind == "text":
        return "ok"
    return "pass"
