import sys

import pytest

from mes_terminal.ui.deferred_module import DeferredModule


def test_the_module_is_imported_at_the_first_attribute_asked_for() -> None:
    sys.modules.pop("json.tool", None)
    deferred = DeferredModule("json.tool")
    assert "json.tool" not in sys.modules
    assert repr(deferred) == "<deferred module json.tool, not loaded yet>"
    main = deferred.main
    assert main is sys.modules["json.tool"].main
    assert repr(deferred) == "<deferred module json.tool, loaded>"


def test_a_missing_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        DeferredModule("json").no_such_thing  # noqa: B018
