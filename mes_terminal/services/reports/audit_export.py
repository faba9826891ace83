"""The audit trail as CSV: one row per event, payload as JSON, times in UTC (RFC 3339)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from mes_terminal.db.jsonable import jsonable
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.services.queries.supervisor_views import AuditRow

COLUMNS = (
    "id",
    "occurred_at",
    "recorded_at",
    "actor",
    "actor_name",
    "station",
    "type",
    "entity",
    "entity_id",
    "payload",
)


def write_csv(rows: Iterable[AuditRow], path: str | Path) -> int:
    """Write `rows` to `path`; the number written. A path that cannot be written is one sentence."""
    target = Path(path)
    written = 0
    try:
        with target.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(COLUMNS)
            for row in rows:
                out.writerow(
                    [
                        row.id,
                        row.occurred_at.isoformat(),
                        row.recorded_at.isoformat(),
                        row.actor,
                        row.actor_name or "",
                        row.station or "",
                        row.type,
                        row.entity,
                        row.entity_id,
                        json.dumps(jsonable(row.payload), ensure_ascii=False, sort_keys=True),
                    ]
                )
                written += 1
    except OSError as error:
        raise InvalidInput(f"Cannot write {target}: {error.strerror or error}.") from None
    return written
