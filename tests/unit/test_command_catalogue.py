"""Every command of the catalogue is registered, handled, worded by the client that issues it, and documented.

Which client issues a command is read from the code: the terminal's package names it (`c.StartJob`), the
supervisor's pages pass it to `SupervisorViewModel.act`. A command neither issues comes from a JSON-lines
file, the command line or a machine, and is listed below with where it does come from.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
from pathlib import Path

from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.registry import COMMAND_TYPES, HANDLERS

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "mes_terminal" / "ui"

# Issued outside both screens' view-models: each is worded where it is issued, or by no screen at all.
WORDED_ELSEWHERE = {
    "SignInConsole": "the supervisor's sign-in page (SupervisorService.sign_in): the console opens with the name",
    "PrintLabel": "the print dialogs: terminal wording.label_printed, supervisor PrintingViewModel",
    "PrintTraveler": "the supervisor's print dialog (PrintingViewModel)",
    "PublishSchedule": "mes-terminal schedule --apply (cli/schedule_cli.py prints what it published)",
    "DiscardConflict": "mes-terminal conflicts discard (cli/conflicts_cli.py says what it settled)",
    "ApplyConflict": "mes-terminal conflicts apply (cli/conflicts_cli.py says what it settled)",
}
FROM_FILES_AND_MACHINES = {
    "ReceiveLot": "goods receipt from a replay file",
    "ReturnLot": "a replay file",
    "SplitLot": "a replay file",
    "MergeLots": "a replay file",
    "ScrapLot": "a replay file",
    "JoinJob": "a replay file",
    "LeaveJob": "a replay file",
    "SplitDowntime": "a replay file",
    "MachineState": "a machine signal (mes-terminal connect, or a replay file)",
    "MachineCount": "a machine's counter (mes-terminal connect, or a replay file)",
    "MachineSourceStatus": "a connector reaching or losing a signal source (mes-terminal connect)",
    "RecordPrintOutcome": "a printer's answer, recorded by the printing service",
    "CorrectCount": "a replay file (a lead's correction); the console words it and its audit tab links it",
    "RaiseNonconformance": "raised by RecordCheck's handler, or from a replay file",
}


def catalogue() -> set[str]:
    """Every concrete command class of the catalogue (the underscore bases are shared fields only)."""
    return {
        name
        for name, cls in inspect.getmembers(c, inspect.isclass)
        if issubclass(cls, c.Command) and cls is not c.Command and not name.startswith("_")
    }


def named_in(folder: Path) -> set[str]:
    """The command classes a UI package names as `c.<Command>`."""
    names = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "c":
                names.add(node.attr)
    return names & catalogue()


def acted(folder: Path) -> dict[str, bool]:
    """Commands passed to `.act(c.X, ...)`, and whether that call words its own result (`say=`)."""
    found: dict[str, bool] = {}
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"act", "_change", "_on_behalf"}
            ):
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name) and first.value.id == "c":
                    says = any(k.arg == "say" for k in node.keywords)
                    found[first.attr] = found.get(first.attr, False) or says
    return found


def isinstance_branches(path: Path, function: str) -> set[str]:
    """The command classes `function` in `path` has an `isinstance(command, c.X)` branch for."""
    tree = ast.parse(path.read_text())
    body = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == function)
    return {
        node.args[1].attr
        for node in ast.walk(body)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "isinstance"
        and isinstance(node.args[1], ast.Attribute)
    }


def sentence_keys(path: Path, function: str) -> set[str]:
    """The command classes that key the dict of sentences `function` in `path` returns (`c.X: self.tr(...)`)."""
    tree = ast.parse(path.read_text())
    body = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == function)
    return {key.attr for node in ast.walk(body) if isinstance(node, ast.Dict) for key in node.keys
            if isinstance(key, ast.Attribute)}  # fmt: skip


def test_every_command_is_registered_with_a_handler() -> None:
    assert catalogue() == set(COMMAND_TYPES)
    for name in catalogue():
        handler = HANDLERS[COMMAND_TYPES[name]]
        assert callable(handler) and handler.__module__.startswith("mes_terminal.services.commands.handlers.")
        assert dataclasses.is_dataclass(COMMAND_TYPES[name]), name


def test_the_terminal_words_every_command_it_issues() -> None:
    issued = named_in(UI / "terminal")
    worded = isinstance_branches(UI / "terminal" / "wording.py", "succeeded")
    assert issued, "the terminal issues commands"
    assert issued - worded == set(), "add a sentence to ui/terminal/wording.py succeeded()"


def test_the_supervisor_words_every_command_it_issues() -> None:
    issued = acted(UI / "supervisor")
    worded = sentence_keys(UI / "supervisor" / "view_model.py", "_sentences")
    unworded = {name for name, says in issued.items() if not says and name not in worded}
    assert issued, "the supervisor issues commands"
    assert unworded == set(), "add a sentence to SupervisorViewModel._sentences (ui/supervisor/view_model.py)"
    assert sentence_keys(UI / "supervisor" / "view_model.py", "_sentences") == catalogue()  # every command, worded


def test_every_command_has_a_client_that_words_it_or_a_source_outside_the_screens() -> None:
    by_a_screen = named_in(UI / "terminal") | set(acted(UI / "supervisor"))
    elsewhere = set(WORDED_ELSEWHERE) | set(FROM_FILES_AND_MACHINES)
    assert catalogue() - by_a_screen - elsewhere == set(), "say which client issues and words the new command"
    assert elsewhere <= catalogue(), "a listed command no longer exists"
    assert not set(FROM_FILES_AND_MACHINES) & by_a_screen, "a screen issues it now: word it there"


def test_every_command_has_a_row_in_the_commands_document() -> None:
    rows = set(re.findall(r"^\| `(\w+)` \|", (ROOT / "docs" / "commands.md").read_text(), re.MULTILINE))
    assert catalogue() - rows == set(), "add a row to the table of commands in docs/commands.md"
