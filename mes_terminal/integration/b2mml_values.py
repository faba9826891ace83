"""Reading values out of B2MML elements: trimmed texts, and refusals that name the element and its line.

Shared by the schedule and lot reader (b2mml_read.py) and the master-data reader (b2mml_master.py).
"""

from __future__ import annotations

from typing import Any

from mes_terminal.domain.error_codes import ERP_BAD_VALUE, ERP_MISSING
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.integration.safe_xml import local


def child(element: Any, ns: str, name: str) -> Any:
    """The first child of that name, or None (as `find`, without its path parsing: a schedule calls this often)."""
    return next(element.iterchildren(f"{{{ns}}}{name}"), None)


def text(element: Any, ns: str, name: str) -> str | None:
    found = child(element, ns, name)
    return None if found is None else clean(found.text)


def clean(value: str | None) -> str | None:
    """IDs are trimmed (real files carry "005 "); empty is absent."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def missing(element: str, line: int, what: str) -> None:
    raise InvalidInput(ERP_MISSING.sentence(element=element, line=line, what=what), code=ERP_MISSING)


def bad(element: Any, value: str | None, what: str) -> None:
    raise InvalidInput(
        ERP_BAD_VALUE.sentence(
            element=local(element.tag)[1], line=element.sourceline, value=(value or "")[:60], what=what
        ),
        code=ERP_BAD_VALUE,
    )
