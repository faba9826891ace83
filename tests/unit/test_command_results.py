"""Every command says what it returns: a TypedDict of results.py, named by its handler's return annotation."""

from __future__ import annotations

import inspect
import typing

import pytest

from mes_terminal.services.commands import catalog, results
from mes_terminal.services.commands.registry import ENTRIES, HANDLERS, RESULT_TYPES

COMMANDS = sorted(HANDLERS, key=lambda cls: cls.__name__)


def _public_commands() -> set[type[catalog.Command]]:
    """The command classes of the catalog that a person or machine can send (not the shared bases)."""
    return {
        cls
        for name, cls in vars(catalog).items()
        if inspect.isclass(cls) and issubclass(cls, catalog.Command) and cls is not catalog.Command
        if not name.startswith("_")
    }


def test_every_command_of_the_catalog_is_registered_once_with_a_result_type():
    assert set(HANDLERS) == _public_commands()
    assert set(RESULT_TYPES) == set(HANDLERS)
    assert len(ENTRIES) == len(HANDLERS)  # no command registered twice


@pytest.mark.parametrize("command", COMMANDS, ids=lambda cls: cls.__name__)
def test_the_result_type_is_a_typeddict_of_results(command):
    result = RESULT_TYPES[command]
    assert typing.is_typeddict(result)
    assert getattr(results, result.__name__) is result


@pytest.mark.parametrize("command", COMMANDS, ids=lambda cls: cls.__name__)
def test_the_handler_takes_its_command_and_is_annotated_with_its_result_type(command):
    hints = typing.get_type_hints(HANDLERS[command])
    first = next(iter(inspect.signature(HANDLERS[command]).parameters))
    assert hints[first] is command
    # The very type, not one it is compatible with (a SignInResult would pass for a SignOutResult).
    assert hints["return"] is RESULT_TYPES[command]


def test_the_job_commands_share_one_result_shape():
    simple_job_commands = (catalog.StartJob, catalog.ResumeJob, catalog.JoinJob, catalog.LeaveJob)
    assert {RESULT_TYPES[cls] for cls in simple_job_commands} == {results.JobResult}
    for cls in (catalog.PauseJob, catalog.ReportCount, catalog.CompleteJob):
        assert issubclass(RESULT_TYPES[cls], dict)
        assert results.JobResult.__required_keys__ <= RESULT_TYPES[cls].__required_keys__
