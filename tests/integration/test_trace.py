"""Genealogy through the command line: a day replayed from JSON lines, then traced both ways and recalled."""

from __future__ import annotations

import json
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest

from mes_terminal.cli import main
from mes_terminal.db.engine import make_engine
from tests.helpers import DATA, LEAD, OPERATOR, SUPERVISOR

SHIFT: list[tuple[str, str, dict[str, Any]]] = [
    (
        "CreateWorkOrder",
        SUPERVISOR,
        {"number": "WO-7", "product": "BRACKET-A", "quantity": 10, "due": "2026-03-09T00:00:00Z"},
    ),
    ("ReleaseWorkOrder", SUPERVISOR, {"number": "WO-7"}),
    ("ReceiveLot", OPERATOR, {"lot": "S-1", "material": "STEEL-2MM", "quantity": "50", "supplier_lot": "MILL-1"}),
    ("ReceiveLot", OPERATOR, {"lot": "S-2", "material": "STEEL-2MM-B", "quantity": "20", "supplier_lot": "MILL-2"}),
    ("ReceiveLot", OPERATOR, {"lot": "SC-1", "material": "SCREW-M4", "quantity": "100"}),
    ("SignIn", OPERATOR, {"station": "WS-01", "badge": OPERATOR, "pin": "4711"}),
    ("StartJob", OPERATOR, {"station": "WS-01", "work_order": "WO-7", "operation": 10}),
    (
        "ConsumeLot",
        OPERATOR,
        {"station": "WS-01", "work_order": "WO-7", "operation": 10, "lot": "S-1", "quantity": "2"},
    ),
    (
        "ConsumeLot",
        OPERATOR,
        {"station": "WS-01", "work_order": "WO-7", "operation": 10, "lot": "S-2", "quantity": 1.5},
    ),
    ("ReportCount", OPERATOR, {"station": "WS-01", "work_order": "WO-7", "operation": 10, "good": 10}),
    ("CompleteJob", OPERATOR, {"station": "WS-01", "work_order": "WO-7", "operation": 10}),
    ("SignIn", LEAD, {"station": "WS-02", "badge": LEAD}),
    ("StartJob", LEAD, {"station": "WS-02", "work_order": "WO-7", "operation": 20}),
    ("ReportCount", LEAD, {"station": "WS-02", "work_order": "WO-7", "operation": 20, "good": 10}),
    ("CompleteJob", LEAD, {"station": "WS-02", "work_order": "WO-7", "operation": 20}),
    (
        "CreateWorkOrder",
        SUPERVISOR,
        {"number": "WO-8", "product": "FRAME-C", "quantity": 5, "due": "2026-03-09T00:00:00Z"},
    ),
    ("ReleaseWorkOrder", SUPERVISOR, {"number": "WO-8"}),
    ("StartJob", LEAD, {"station": "WS-02", "work_order": "WO-8", "operation": 10}),
    ("ConsumeLot", LEAD, {"station": "WS-02", "work_order": "WO-8", "operation": 10, "lot": "WO-7"}),
    ("ReportCount", LEAD, {"station": "WS-02", "work_order": "WO-8", "operation": 10, "good": 5}),
    ("CompleteJob", LEAD, {"station": "WS-02", "work_order": "WO-8", "operation": 10}),
]


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def day(database_url: str, tmp_path: Path, capsys, database_states) -> str:
    """A day of the material plant, loaded and replayed through the command line (once a session, then
    copied: the commands' times are fixed)."""
    engine = make_engine(database_url)
    database_states.build(engine, ("traced day",), lambda _: _replay_the_day(database_url, tmp_path, capsys))
    engine.dispose()
    return database_url


def _replay_the_day(database_url: str, tmp_path: Path, capsys) -> None:
    assert cli(capsys, "plant", "load", str(DATA / "material_plant.toml"), "--database-url", database_url)[0] == 0
    lines = [
        json.dumps(
            {
                "type": kind,
                "command_id": str(uuid.uuid4()),
                "issued_at": f"2026-03-02T{6 + i // 6:02d}:{i % 6 * 10:02d}:00Z",
                "actor": actor,
                **fields,
            }
        )
        for i, (kind, actor, fields) in enumerate(SHIFT)
    ]
    commands = tmp_path / "day.jsonl"
    commands.write_text("\n".join(lines) + "\n")
    code, out, err = cli(capsys, "replay", str(commands), "--database-url", database_url)
    assert code == 0, out + err


def shape(node: dict[str, Any]) -> tuple:
    """A node reduced to lot, quantity and children, to compare whole trees at a glance."""
    return (node["lot"], node["quantity"], tuple(shape(child) for child in node["children"]))


def test_backward_trace_shows_everything_in_a_finished_lot(day: str, capsys) -> None:
    code, out, _ = cli(capsys, "trace", "WO-8", "--database-url", day)
    assert code == 0
    result = json.loads(out)
    assert result["direction"] == "backward"
    root = result  # the root's fields at the top level (INTERFACES.md §3)
    assert (root["material"], root["unit"], root["work_order"]) == ("FRAME-C", "pcs", "WO-8")
    # 10 brackets went into WO-8; into the brackets went 2 kg + 1.5 kg of steel and 20 backflushed screws.
    assert shape(root) == ("WO-8", "5", (("WO-7", "10", (("S-1", "2", ()), ("S-2", "1.5", ()), ("SC-1", "20", ()))),))
    bracket = root["children"][0]
    assert (bracket["operation"], bracket["station"], bracket["operator"]) == (10, "WS-02", "Linus Lead")
    steel = bracket["children"][0]
    assert (steel["material"], steel["supplier_lot"], steel["station"], steel["operator"]) == (
        "STEEL-2MM",
        "MILL-1",
        "WS-01",
        "Ada Lovelace",
    )


def test_forward_trace_and_depth_limit(day: str, capsys) -> None:
    code, out, _ = cli(capsys, "trace", "S-1", "--forward", "--database-url", day)
    assert code == 0
    answer = json.loads(out)
    assert (answer["direction"], answer["lot"]) == ("forward", "S-1")  # the root's fields at the top level
    assert shape(answer) == ("S-1", "48", (("WO-7", "2", (("WO-8", "10", ()),)),))
    code, out, _ = cli(capsys, "trace", "S-1", "--forward", "--depth", "1", "--database-url", day)
    assert shape(json.loads(out)) == ("S-1", "48", (("WO-7", "2", ()),))


def test_recall_finds_every_finished_lot_holding_a_supplier_lot(day: str, capsys, tmp_path: Path) -> None:
    code, out, _ = cli(capsys, "recall", "MILL-2", "--database-url", day)
    assert code == 0
    result = json.loads(out)
    assert result["received_lots"] == ["S-2"]
    assert [(lot["lot"], lot["material"], lot["on_hand"], lot["contains"]) for lot in result["finished_lots"]] == [
        ("WO-8", "FRAME-C", "5", ["S-2"])
    ]
    pdf = tmp_path / "recall.pdf"
    assert cli(capsys, "recall", "MILL-2", "--format", "pdf", "--out", str(pdf), "--database-url", day)[0] == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Recall: supplier lot MILL-2" in text and "WO-8" in text and "FRAME-C Frame C" in text


def replay(capsys, database_url: str, tmp_path: Path, commands: list[tuple[str, str, dict[str, Any]]]) -> None:
    lines = [
        json.dumps(
            {
                "type": kind,
                "command_id": str(uuid.uuid4()),
                "issued_at": f"2026-03-02T12:{i:02d}:00Z",
                "actor": actor,
                **fields,
            }
        )
        for i, (kind, actor, fields) in enumerate(commands)
    ]
    path = tmp_path / f"more-{uuid.uuid4().hex}.jsonl"
    path.write_text("\n".join(lines) + "\n")
    code, out, err = cli(capsys, "replay", str(path), "--database-url", database_url)
    assert code == 0, out + err


SCANNED_TWICE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "CreateWorkOrder",
        SUPERVISOR,
        {"number": "WO-9", "product": "BRACKET-A", "quantity": 2, "due": "2026-03-09T00:00:00Z"},
    ),
    ("ReleaseWorkOrder", SUPERVISOR, {"number": "WO-9"}),
    ("StartJob", OPERATOR, {"station": "WS-01", "work_order": "WO-9", "operation": 10}),
    (
        "ConsumeLot",
        OPERATOR,
        {"station": "WS-01", "work_order": "WO-9", "operation": 10, "lot": "S-2", "quantity": "0.5"},
    ),
    (
        "ConsumeLot",
        OPERATOR,
        {"station": "WS-01", "work_order": "WO-9", "operation": 10, "lot": "S-2", "quantity": "0.25"},
    ),
    ("ReportCount", OPERATOR, {"station": "WS-01", "work_order": "WO-9", "operation": 10, "good": 2}),
]


def test_a_forward_link_is_counted_in_the_consumed_materials_unit(day: str, capsys) -> None:
    code, out, _ = cli(capsys, "trace", "S-1", "--forward", "--database-url", day)
    assert code == 0
    answer = json.loads(out)
    assert (answer["quantity"], answer["unit"]) == ("48", "kg")  # the root: what the lot holds
    brackets = answer["children"][0]
    # 2 kg of steel went into WO-7, which holds pieces; 10 pieces of it went into WO-8.
    assert (brackets["lot"], brackets["quantity"], brackets["unit"]) == ("WO-7", "2", "kg")
    assert (brackets["on_hand"], brackets["on_hand_unit"]) == ("0", "pcs")  # all of it went into WO-8
    assert [(link["quantity"], link["unit"], link["station"]) for link in brackets["links"]] == [("2", "kg", "WS-01")]
    frame = brackets["children"][0]
    assert (frame["lot"], frame["quantity"], frame["unit"]) == ("WO-8", "10", "pcs")


def test_a_lot_scanned_twice_is_one_node_with_both_links(day: str, capsys, tmp_path: Path) -> None:
    replay(capsys, day, tmp_path, SCANNED_TWICE)
    code, out, _ = cli(capsys, "trace", "WO-9", "--database-url", day)
    assert code == 0
    backward = json.loads(out)
    assert shape(backward)[2] == (("S-2", "0.75", ()),)
    steel = backward["children"][0]
    assert steel["unit"] == "kg"
    assert [
        (link["linked_at"], link["operation"], link["station"], link["operator"], link["quantity"], link["unit"])
        for link in steel["links"]
    ] == [
        ("2026-03-02T12:03:00Z", 10, "WS-01", "Ada Lovelace", "0.5", "kg"),
        ("2026-03-02T12:04:00Z", 10, "WS-01", "Ada Lovelace", "0.25", "kg"),
    ]
    code, out, _ = cli(capsys, "trace", "S-2", "--forward", "--database-url", day)
    forward = json.loads(out)
    made = {child["lot"]: child for child in forward["children"]}
    assert sorted(made) == ["WO-7", "WO-9"]  # WO-9 once, not once per scan
    assert (made["WO-9"]["quantity"], made["WO-9"]["unit"], len(made["WO-9"]["links"])) == ("0.75", "kg", 2)
    assert (made["WO-7"]["quantity"], made["WO-7"]["unit"]) == ("1.5", "kg")


def test_recall_lists_a_finished_lot_and_its_supplier_lot_once(day: str, capsys, tmp_path: Path) -> None:
    job = {"station": "WS-01", "work_order": "WO-9", "operation": 10}
    more = [
        (
            "CreateWorkOrder",
            SUPERVISOR,
            {"number": "WO-9", "product": "BRACKET-A", "quantity": 2, "due": "2026-03-09T00:00:00Z"},
        ),
        ("ReleaseWorkOrder", SUPERVISOR, {"number": "WO-9"}),
        ("StartJob", OPERATOR, job),
        ("ConsumeLot", OPERATOR, {**job, "lot": "S-2", "quantity": "0.5"}),  # the same lot scanned twice
        ("ConsumeLot", OPERATOR, {**job, "lot": "S-2", "quantity": "0.5"}),
        ("ReportCount", OPERATOR, {**job, "good": 2}),
    ]
    lines = [
        json.dumps(
            {
                "type": kind,
                "command_id": str(uuid.uuid4()),
                "issued_at": "2026-03-02T12:00:00Z",
                "actor": actor,
                **fields,
            }
        )
        for kind, actor, fields in more
    ]
    commands = tmp_path / "more.jsonl"
    commands.write_text("\n".join(lines) + "\n")
    code, out, err = cli(capsys, "replay", str(commands), "--database-url", day)
    assert code == 0, out + err
    code, out, _ = cli(capsys, "recall", "MILL-2", "--database-url", day)
    finished = json.loads(out)["finished_lots"]
    assert [(lot["lot"], lot["contains"]) for lot in finished] == [("WO-8", ["S-2"]), ("WO-9", ["S-2"])]


def test_the_trace_pdf_lists_the_tree(day: str, capsys, tmp_path: Path) -> None:
    pdf = tmp_path / "trace.pdf"
    assert cli(capsys, "trace", "WO-8", "--format", "pdf", "--out", str(pdf), "--database-url", day)[0] == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("Genealogy of lot WO-8", "S-1", "SC-1", "Ada Lovelace", "1.5 kg"):
        assert expected in text


def test_the_trace_pdf_writes_link_times_in_the_sites_zone(day: str, capsys, tmp_path: Path) -> None:
    _, out, _ = cli(capsys, "trace", "WO-8", "--database-url", day)
    linked_utc = json.loads(out)["children"][0]["links"][0]["linked_at"]
    pdf = tmp_path / "trace.pdf"
    assert cli(capsys, "trace", "WO-8", "--format", "pdf", "--out", str(pdf), "--database-url", day)[0] == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # The plant is in Europe/Berlin (CET in March): the JSON keeps UTC, the PDF shows the wall clock an hour on.
    from datetime import datetime, timedelta

    berlin = (datetime.fromisoformat(linked_utc) + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    assert berlin in text and linked_utc[:16].replace("T", " ") not in text
    assert "Times in Europe/Berlin" in text and "UTC" not in text


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (("trace", "NOPE"), "There is no lot NOPE."),
        (("trace", "WO-8", "--depth", "0"), "The depth must be between 1 and 1000, not 0."),
        (
            ("trace", "WO-8", "--format", "pdf"),
            "A PDF is never written to a terminal or a pipe; say where: --out FILE.pdf",
        ),
        (("recall", "MILL-9"), "No lot was received with the supplier lot MILL-9."),
    ],
)
def test_bad_trace_requests_say_why_with_exit_2(day: str, capsys, argv: tuple[str, ...], sentence: str) -> None:
    code, out, err = cli(capsys, *argv, "--database-url", day)
    assert (code, out) == (2, "")
    assert err.strip() == f"mes-terminal: {sentence}"


def test_a_lot_merged_back_into_its_own_source_is_shown_once_more_as_a_cycle() -> None:
    from datetime import UTC, datetime
    from decimal import Decimal

    from mes_terminal.services.queries.genealogy import TraceRow
    from mes_terminal.services.queries.trace import _tree

    def row(lot_id: int, parent: int | None, link: int | None, depth: int) -> TraceRow:
        linked = datetime(2026, 3, 2, 8, depth, tzinfo=UTC) if link else None
        return TraceRow(
            lot_id, parent, link, depth, f"L-{lot_id}", "STEEL-2MM", "Steel", "kg", "available", Decimal("5.000000"),
            None, None, None, False, Decimal("2.500000") if link else None, None, None, None, linked,
        )  # fmt: skip

    # L-1 was split into L-2, which was merged back into L-1: the walk stops at L-1 the second time.
    tree = _tree([row(1, None, None, 0), row(2, 1, 11, 1), row(1, 2, 12, 2)], forward=False)
    assert shape(tree) == ("L-1", "5", (("L-2", "2.5", (("L-1", "2.5", ()),)),))
    again = tree["children"][0]["children"][0]
    assert again.get("cycle") is True and "cycle" not in tree and "cycle" not in tree["children"][0]
    assert again["links"] == [
        {
            "linked_at": "2026-03-02T08:02:00Z",
            "operation": None,
            "station": None,
            "operator": None,
            "quantity": "2.5",
            "unit": "kg",
        }
    ]
