"""A module imported at its first use, not when the importing module loads.

The terminal paints its sign-in screen before the command classes and views are loaded: creating some
hundred dataclasses takes tens of milliseconds the first paint does not need. The worker thread imports
them with the service stack meanwhile, so the first use here usually finds them loaded. Importing from
two threads at once is safe: Python's per-module import lock makes the second wait for the first.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class DeferredModule:
    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)

    def __repr__(self) -> str:
        state = "loaded" if self._module is not None else "not loaded yet"
        return f"<deferred module {self._name}, {state}>"
