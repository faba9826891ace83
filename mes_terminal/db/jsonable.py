"""Turn record values into JSON-safe values for event payloads and stored results."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any

_PLAIN = frozenset({str, int, bool, type(None)})


def jsonable(value: Any) -> Any:
    """Decimals become strings (no float rounding), times ISO 8601, enums their value."""
    if type(value) in _PLAIN:  # the common cases first: an ERP import turns thousands of payloads
        return value
    if type(value) is dict:
        return {str(k): jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 3.500000 from a NUMERIC(18, 6) column reads 3.5
    if isinstance(value, float):
        return value
    if isinstance(value, Enum):
        return jsonable(value.value)
    if isinstance(value, datetime | date | time):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    raise TypeError(f"cannot store {type(value).__name__} in JSON")
