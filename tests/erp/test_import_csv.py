"""CSV work orders: documented columns, a --map file renaming them, and a reader that never crashes."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from mes_terminal.cli import main
from mes_terminal.db.records import RoutingOperation, WorkOrder
from mes_terminal.domain import error_codes as codes
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.integration.csv_read import COLUMNS, parse_csv, read_column_map


def test_rows_become_orders_and_rows_with_operations_their_routing(plant, drop, imported) -> None:
    path = drop(
        "orders.csv",
        (
            b"number;product;quantity;due;priority;released;operation;workstation;run_minutes;setup_minutes\n"
            b"WO-C1;BRACKET-A;40;2026-12-08;2;yes;;;;\n"
            b"WO-C2;SPACER;1,5;2026-12-09T10:00Z;;;10;WS-01;90;15\n"
            b"WO-C2;SPACER;1,5;2026-12-09T10:00Z;;;20;L1;30;\n"
        ),
    )
    outcome = imported(path)
    assert outcome.ok, outcome.message
    assert outcome.work_orders == [
        {"number": "WO-C1", "product": "BRACKET-A", "quantity": "40", "operations": [10, 20], "action": "created"},
        {"number": "WO-C2", "product": "SPACER", "quantity": "1.5", "operations": [10, 20], "action": "created"},
    ]
    with plant.connect() as connection:
        c1 = connection.execute(select(WorkOrder).where(WorkOrder.number == "WO-C1")).one()
        steps = connection.execute(
            select(RoutingOperation.seq, RoutingOperation.ideal_cycle_seconds, RoutingOperation.setup_minutes)
            .join(WorkOrder, WorkOrder.product_id == RoutingOperation.product_id)
            .where(WorkOrder.number == "WO-C2")
            .order_by(RoutingOperation.seq)
        ).all()
    assert (c1.status, c1.priority, c1.quantity) == ("released", 2, Decimal(40))
    assert [(s.seq, s.ideal_cycle_seconds, s.setup_minutes) for s in steps] == [
        (10, Decimal(3600), Decimal(15)),  # 90 minutes over 1.5 pieces
        (20, Decimal(1200), Decimal(0)),
    ]
    assert imported(path).work_orders[0]["action"] == "unchanged"


def test_a_map_file_renames_the_columns(plant, drop, imported, tmp_path: Path) -> None:
    mapping = tmp_path / "sap.toml"
    mapping.write_text('[columns]\nnumber = "Auftrag"\nproduct = "Material"\nquantity = "Menge"\ndue = "Ende"\n')
    path = drop("sap.csv", b"Auftrag,Material,Menge,Ende\n000100 ,BRACKET-A,12,2026-12-08\n")
    outcome = imported(path, column_map=read_column_map(mapping))
    assert outcome.work_orders[0]["number"] == "000100"


def test_bad_rows_and_maps_are_refused_with_their_row(plant, drop, imported, tmp_path: Path) -> None:
    missing = imported(drop("m.csv", b"number,product,quantity\nWO-1,BRACKET-A,1\n"))
    not_a_number = imported(
        drop("q.csv", b"number,product,quantity,due\nWO-1,BRACKET-A,1,2026-12-08\nWO-2,X,many,2026-12-08\n")
    )
    assert (missing.code, not_a_number.code) == (codes.ERP_CSV, codes.ERP_CSV)
    assert "'due'" in missing.message
    assert not_a_number.message.startswith("q.csv, row 3: the quantity 'many'")
    bad_map = tmp_path / "bad.toml"
    bad_map.write_text('[columns]\nnumbr = "Auftrag"\n')
    with pytest.raises(InvalidInput) as refused:
        read_column_map(bad_map)
    assert refused.value.code == codes.ERP_COLUMN_MAP and "'numbr'" in refused.value.message


def test_the_command_line_prints_one_line_a_document_and_exits_2_when_any_was_refused(
    plant, database_url: str, drop, capsys: pytest.CaptureFixture[str]
) -> None:
    drop("a-good.csv", b"number,product,quantity,due\nWO-G,BRACKET-A,5,2026-12-08\n")
    good = drop("b-bad.csv", b"number,product,quantity,due\nWO-B,NO-SUCH,5,2026-12-08\n")
    drop("ignored.txt", b"not an ERP document")

    code = main(["erp", "import", str(good.parent), "--json", "--database-url", database_url])

    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 2
    assert [(line["file"], line["ok"], line["code"]) for line in lines] == [
        ("a-good.csv", True, None),
        ("b-bad.csv", False, codes.ERP_UNKNOWN_PRODUCT),
    ]
    assert list(lines[0]) == ["file", "document", "kind", "ok", "work_orders", "lots", "master_data", "code", "message"]


_cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    header=st.lists(st.one_of(st.sampled_from(COLUMNS), _cells), max_size=8),
    rows=st.lists(st.lists(_cells, max_size=8), max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_the_csv_reader_reads_or_refuses_with_a_sentence(
    header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    text = "\n".join(delimiter.join(row) for row in [header, *rows])
    try:
        document = parse_csv(text.encode("utf-8", "surrogatepass"), "fuzz.csv")
    except InvalidInput as refusal:
        assert refusal.code in (codes.ERP_CSV, codes.ERP_TOO_LARGE) and refusal.message.startswith("fuzz.csv")
    else:
        assert all(order.quantity > 0 and order.due.tzinfo for order in document.orders)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=200))
def test_any_bytes_are_read_or_refused(data: bytes) -> None:
    try:
        parse_csv(data, "bytes.csv")
    except InvalidInput as refusal:
        assert refusal.code == codes.ERP_CSV
