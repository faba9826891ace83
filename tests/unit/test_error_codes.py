"""The error codes module is the one list of refusal codes and their sentences, and the code keeps to it."""

from __future__ import annotations

import ast
import copy
import importlib.util
import json
import pickle
import re
import string
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from mes_terminal.domain import error_codes as ec
from mes_terminal.domain import errors, execution, materials, readiness, work_orders
from mes_terminal.domain.error_codes import ALL, ErrorCode
from mes_terminal.domain.errors import InvalidState, MesError
from mes_terminal.domain.gs1_rules import Gs1Error
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import LotStatus

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "mes_terminal"
MODULE = PACKAGE / "domain" / "error_codes.py"
MAPPINGS = {
    "JOB_CANNOT_START": ec.JOB_CANNOT_START,
    "LOT_UNUSABLE": ec.LOT_UNUSABLE,
    "WORK_ORDER_CANNOT": ec.WORK_ORDER_CANNOT,
}
CONSTANTS = {name: value for name, value in vars(ec).items() if isinstance(value, ErrorCode)}


@cache  # parsed once for the whole file
def _sources() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(PACKAGE.rglob("*.py"))]


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"


def _is_text(node: ast.AST | None) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the code keeps to the module ----------------------------------------------------------------------


def test_no_raise_site_writes_its_code_as_a_string() -> None:
    found = [
        _where(path, keyword.value)
        for path, tree in _sources()
        if path != MODULE
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == "code" and _is_text(keyword.value)
    ]
    assert found == [], "use a constant of mes_terminal/domain/error_codes.py"


def test_no_error_class_spells_its_default_code() -> None:
    classes = [node for _, tree in _sources() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    error_classes = {"MesError"}
    while True:  # MesError's subclasses, theirs, and so on, wherever they are declared
        more = {c.name for c in classes if any(ast.unparse(b).split(".")[-1] in error_classes for b in c.bases)}
        if more <= error_classes:
            break
        error_classes |= more

    def spells_code(item: ast.stmt) -> bool:
        targets = (
            item.targets if isinstance(item, ast.Assign) else [item.target] if isinstance(item, ast.AnnAssign) else []
        )
        return any(isinstance(t, ast.Name) and t.id == "code" for t in targets) and _is_text(
            getattr(item, "value", None)
        )

    found = [
        f"{node.name}:{item.lineno}"
        for node in classes
        if node.name in error_classes
        for item in node.body
        if spells_code(item)
    ]
    assert len(error_classes) > 12
    assert found == []
    assert (MesError.code, errors.InvalidInput.code, Gs1Error.code) == (ec.ERROR, ec.INVALID_INPUT, ec.GS1_INVALID)


def test_the_screens_compare_codes_with_constants_not_strings() -> None:
    def literal(node: ast.AST) -> bool:
        items = node.elts if isinstance(node, ast.Tuple | ast.List | ast.Set) else [node]
        return any(_is_text(item) for item in items)

    found = [
        _where(path, node)
        for path, tree in _sources()
        if PACKAGE / "ui" in path.parents
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        and any(isinstance(side, ast.Attribute) and side.attr == "code" for side in [node.left, *node.comparators])
        and any(literal(side) for side in [node.left, *node.comparators])
    ]
    assert found == []


def test_every_code_is_raised_somewhere() -> None:
    """No dead entries: each constant is named outside the module, or through one of its mappings."""
    nodes = [node for path, tree in _sources() if path != MODULE for node in ast.walk(tree)]
    named = {node.id for node in nodes if isinstance(node, ast.Name)}
    named |= {node.attr for node in nodes if isinstance(node, ast.Attribute)}
    through_mappings = {code for name, mapping in MAPPINGS.items() if name in named for code in mapping.values()}
    unused = [name for name, code in CONSTANTS.items() if name not in named and code not in through_mappings]
    assert unused == []


# --- the codes -----------------------------------------------------------------------------------------


def test_codes_are_unique_and_named_after_their_value() -> None:
    assert len(set(ALL)) == len(ALL) == len(CONSTANTS)
    for name, code in CONSTANTS.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?", code), code  # area.what, or a kind: unknown_lot
        assert name == code.upper().replace(".", "_")
        assert code.when and code.when == code.when.strip() and not code.when.endswith(".")


def test_an_error_code_is_the_plain_string_scripts_match() -> None:
    error = InvalidState(ec.JOB_SHORT.sentence(job="WO-1 operation 10", reported="5", target="10"), code=ec.JOB_SHORT)
    assert error.code == "job.short" and error.code == "job.short"
    assert json.loads(json.dumps({"code": error.code})) == {"code": "job.short"}
    assert {ec.JOB_SHORT: 1}["job.short"] == 1
    for twin in (copy.copy(ec.JOB_SHORT), pickle.loads(pickle.dumps(ec.JOB_SHORT))):
        assert twin == ec.JOB_SHORT and twin.template == ec.JOB_SHORT.template and twin.when == ec.JOB_SHORT.when


def test_a_code_without_a_sentence_refuses_to_make_one() -> None:
    with pytest.raises(TypeError, match=r"check\.due"):
        ec.CHECK_DUE.sentence()


def test_the_mappings_cover_every_value_that_names_a_code() -> None:
    refused = set(readiness.Readiness) - {
        readiness.Readiness.READY,
        readiness.Readiness.RUNNING_HERE,
        readiness.Readiness.PAUSED_HERE,
    }
    assert set(ec.JOB_CANNOT_START) == {state.value for state in refused}
    assert set(ec.LOT_UNUSABLE) == set(LotStatus) - {LotStatus.AVAILABLE}
    assert set(ec.WORK_ORDER_CANNOT) == set(work_orders._TARGET)
    for mapping in MAPPINGS.values():
        assert all(code.endswith(key) for key, code in mapping.items())


# --- the sentences -------------------------------------------------------------------------------------


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


@pytest.mark.parametrize("code", [code for code in ALL if code.template], ids=str)
def test_every_template_parses_into_plain_named_values(code: ErrorCode) -> None:
    assert code.template is not None
    for _, field, spec, conversion in string.Formatter().parse(code.template):
        if field is not None:  # a translator sees {name}: no positions, attributes, formats or conversions
            assert field.isidentifier() and not spec and conversion is None, field
    values = {field: f"<{field}>" for field in _fields(code.template)}
    sentence = code.sentence(**values)
    assert isinstance(sentence, Sentence) and sentence.template == code.template
    assert all(value in sentence for value in values.values())


def test_every_raise_site_fills_exactly_the_placeholders_of_its_template() -> None:
    checked = 0
    problems = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "sentence"
            ):
                continue
            receiver = node.func.value
            if isinstance(receiver, ast.Name) and receiver.id in CONSTANTS:
                codes = [CONSTANTS[receiver.id]]
            elif isinstance(receiver, ast.Subscript) and ast.unparse(receiver.value) in MAPPINGS:
                codes = list(MAPPINGS[ast.unparse(receiver.value)].values())
            else:
                continue  # not an error code (a variable one is rendered in the tests below)
            given = {keyword.arg for keyword in node.keywords}
            for code in codes:
                checked += 1
                if code.template is None or given != _fields(code.template) or node.args:
                    problems.append(f"{_where(path, node)}: {code} given {sorted(given)}")
    assert problems == []
    assert checked > 60  # the scan found the raise sites


# --- the rules that still word their own sentence say the module's ------------------------------------


def _facts(**changes: object) -> execution.OperationFacts:
    base: dict[str, object] = {
        "work_order": "WO-1",
        "order_status": "released",
        "order_quantity": Decimal(100),
        "seq": 10,
        "name": "Cut",
        "status": "pending",
        "good": Decimal(0),
        "scrap": Decimal(0),
        "station": None,
        "previous": None,
    }
    return execution.OperationFacts(**{**base, **changes})  # type: ignore[arg-type]


def _refusal(call: object, *args: object) -> MesError:
    with pytest.raises(MesError) as raised:
        call(*args)  # type: ignore[operator]
    return raised.value


def _assert_worded_by_its_code(error: MesError) -> None:
    code = error.code
    assert isinstance(code, ErrorCode) and code in ALL
    assert isinstance(error.message, Sentence) and error.message.template == code.template


QTY = execution.StartWhen.QUANTITY_AVAILABLE


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"status": "running", "station": "WS-01"}, ec.JOB_ALREADY_RUNNING),
        ({"status": "paused", "station": "WS-01"}, ec.JOB_PAUSED),
        ({"status": "running", "station": "WS-02"}, ec.JOB_RUNNING_ELSEWHERE),
        ({"status": "completed"}, ec.JOB_COMPLETED),
        ({"order_status": "on_hold"}, ec.JOB_ORDER_ON_HOLD),
        ({"order_status": "planned"}, ec.JOB_ORDER_NOT_RELEASED),
    ],
)
def test_starting_is_refused_with_the_sentence_of_the_code(changes: dict[str, object], code: ErrorCode) -> None:
    facts = _facts(**changes)
    verdict = readiness.readiness(facts, "WS-01", readiness.SiteRules(QTY))
    error = _refusal(readiness.check_start, verdict, facts)
    assert error.code == code
    _assert_worded_by_its_code(error)


def test_counting_and_completing_are_refused_with_the_sentence_of_the_code() -> None:
    running = _facts(status="running", station="WS-01")
    nothing = _refusal(execution.check_count, running, Decimal(0), Decimal(0), Decimal(0))
    too_many = _refusal(execution.check_count, running, Decimal(500), Decimal(0), Decimal(0))
    short = _refusal(execution.check_complete, running, False)
    assert (nothing.code, too_many.code, short.code) == (ec.COUNT_NOTHING, ec.COUNT_TOO_MANY, ec.JOB_SHORT)
    for error in (nothing, too_many, short):
        _assert_worded_by_its_code(error)


@pytest.mark.parametrize("status", sorted(ec.LOT_UNUSABLE))
def test_an_unusable_lot_is_refused_with_the_code_of_its_status(status: str) -> None:
    lot = materials.LotFacts("L-1", "STEEL", "kg", status, Decimal(5), None, datetime(2026, 1, 1, tzinfo=UTC))
    error = _refusal(materials.check_usable, lot, date(2026, 3, 1))
    assert error.code == f"lot.{status}" == ec.LOT_UNUSABLE[status]
    _assert_worded_by_its_code(error)
    assert error.message == ec.LOT_UNUSABLE[status].sentence(lot="L-1")


def test_a_work_order_transition_is_refused_with_the_code_of_its_action() -> None:
    error = _refusal(work_orders.check_transition, "release", "WO-1", work_orders.WorkOrderStatus.CLOSED)
    assert error.code == "work_order.cannot_release"
    _assert_worded_by_its_code(error)
    assert error.message == "Work order WO-1 is closed; it cannot be released."


# --- the page and the translations follow the module ---------------------------------------------------


def test_the_error_codes_section_of_the_commands_page_matches_the_module() -> None:
    doc = _tool("error_codes_doc")
    page = doc.PAGE.read_text(encoding="utf-8")
    assert page == doc.page_with_section(page), "run tools/error_codes_doc.py"
    assert all(f"| `{code}` |" in page for code in ALL)


def test_the_translations_collect_every_template_of_the_module() -> None:
    collected = _tool("generate_ui")._templates(ast.parse(MODULE.read_text(encoding="utf-8")))
    assert collected == {code.template for code in ALL if code.template}
