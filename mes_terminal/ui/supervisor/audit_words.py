"""The audit trail in words: what happened (never the event's class name), what changed and why.

Events keep changed values as `before=` and `after=` (`db.uow.EventLog.add`) and the reason a person
gave as `reason`, `comment`, `message` or `description`; these read them. The raw record stays one click
away in the audit tab's details pane.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

WHY_KEYS = ("reason", "comment", "message", "description")
_WORD = re.compile(r"[A-Z][a-z0-9]*|[a-z0-9]+|[A-Z]+(?![a-z])")
_SHORT = {"Spc": "SPC", "Oee": "OEE", "Nc": "NC", "Erp": "ERP"}


def event_name(type_: str) -> str:
    """ "LotHeld" -> "Lot held", "SpcRuleViolated" -> "SPC rule violated": the words of an event's (or a
    command's: "ConsumeLot" -> "Consume lot") type, as a sentence."""
    words = _WORD.findall(type_) or [type_]
    shown = [_SHORT.get(w, w if i == 0 else w.lower()) for i, w in enumerate(words)]
    return " ".join(shown)


def change(payload: Mapping[str, Any]) -> str:
    """Old -> new: "status: released → closed", one field after another; "" when the event changed no value."""
    before, after = payload.get("before"), payload.get("after")
    if before is None and after is None:
        return ""
    if isinstance(before, Mapping) or isinstance(after, Mapping):
        old = before if isinstance(before, Mapping) else {}
        new = after if isinstance(after, Mapping) else {}
        parts = []
        for key in [*old, *(k for k in new if k not in old)]:
            name = key.replace("_", " ")
            if key in old and key in new:
                parts.append(f"{name}: {value(old[key])} → {value(new[key])}")
            elif key in new:
                parts.append(f"{name}: → {value(new[key])}")
            else:
                parts.append(f"{name}: {value(old[key])} →")
        return "; ".join(parts)
    if after is None:
        return f"was {value(before)}"
    return f"{value(before)} → {value(after)}"


def why(payload: Mapping[str, Any]) -> str:
    """The reason, comment or message a person gave with the event ("" when none)."""
    said: list[str] = []
    for key in WHY_KEYS:
        text = payload.get(key)
        if isinstance(text, str) and text.strip() and text.strip() not in said:
            said.append(text.strip())
    return " — ".join(said)


SAID_ELSEWHERE = {"before", "after", "by", "name", *WHY_KEYS}  # in Who, Change and Why already


def details(payload: Mapping[str, Any]) -> str:
    """The rest of what the event recorded, in words: "checklist CUT-FAI, item LEN, value 120.26, unit mm"."""
    return ", ".join(
        f"{key.replace('_', ' ')} {value(raw)}" for key, raw in payload.items() if key not in SAID_ELSEWHERE
    )


def value(raw: Any) -> str:
    """A value as people read it: statuses with spaces, lists joined, nothing as "–"."""
    if raw is None or raw == "":
        return "–"
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, list | tuple):
        return ", ".join(value(v) for v in raw) or "–"
    if isinstance(raw, Mapping):
        return ", ".join(f"{k.replace('_', ' ')} {value(v)}" for k, v in raw.items())
    text = str(raw)
    return text.replace("_", " ") if re.fullmatch(r"[a-z_]+", text) else text
