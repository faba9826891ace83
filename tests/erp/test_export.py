"""Production performance out: a schedule imported, run through the terminal's commands, exported,
validated against MESA's official schemas and compared with what was made."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from lxml import etree
from sqlalchemy import select

from mes_terminal.cli import main
from mes_terminal.db.records import Site
from mes_terminal.domain import error_codes as codes
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.integration import export as export_module
from mes_terminal.integration.export import CSV_COLUMNS, export
from mes_terminal.services.commands import catalog as c
from tests.conftest import START
from tests.erp.documents import V0600, V0700, Request, Segment, production_schedule, validated
from tests.helpers import OPERATOR, SUPERVISOR, command

T0 = START + timedelta(hours=1)


@pytest.fixture
def produced(plant, bus, clock, drop, imported):
    """WO-RT-1 for 0.4E1 = 4 brackets: cut 4 (1 scrap), steel lot consumed, bent 3; both operations done."""
    imported(
        drop(
            "rt.xml",
            production_schedule(
                [
                    Request(
                        "WO-RT-1",
                        state="Released",
                        segments=[
                            Segment("10", produced=("BRACKET-A", "0.4E1", "pcs")),
                            Segment("20"),
                        ],
                    )
                ]
            ),
        )
    )

    def run(cls: type[c.Command], minutes: int, **fields: object) -> None:
        clock._at = T0 + timedelta(minutes=minutes)  # the terminal acts as time passes
        bus.execute(command(cls, clock.now(), actor=OPERATOR, **fields))

    clock._at = T0
    bus.execute(command(c.ReceiveLot, T0, actor=SUPERVISOR, lot="STEEL-7", material="STEEL-2MM", quantity=Decimal(10)))
    run(c.SignIn, 0, station="WS-01", badge=OPERATOR, pin="4711")
    job = {"station": "WS-01", "work_order": "WO-RT-1", "operation": 10}
    run(c.StartJob, 1, **job)
    run(c.ConsumeLot, 2, **job, lot="STEEL-7", quantity=Decimal("1.4"))
    run(c.ReportCount, 30, **job, good=Decimal(3), scrap=Decimal(1), scrap_reason="BURR")
    run(c.CompleteJob, 31, **job, short_close=True)
    run(c.SignIn, 32, station="WS-02", badge=OPERATOR)
    bend = {"station": "WS-02", "work_order": "WO-RT-1", "operation": 20}
    run(c.StartJob, 33, **bend)
    run(c.ReportCount, 60, **bend, good=Decimal(3))
    run(c.CompleteJob, 61, **bend)
    return plant


def _export(engine, fmt: str, out: Path, **kw):
    return export(
        engine,
        fmt,
        out,
        start=kw.get("start", START),
        end=kw.get("end", T0 + timedelta(hours=2)),
        now=T0 + timedelta(hours=2),
    )


def test_v0600_round_trip(produced, tmp_path: Path) -> None:
    result = _export(produced, "b2mml-v0600", tmp_path / "out")

    assert result.work_orders == ("WO-RT-1",) and result.operations == 2
    data = (tmp_path / "out" / result.files[0]).read_bytes()
    root = etree.fromstring(validated(data, "ProductionPerformance"))
    ns = {"b": V0600}
    segments = root.findall("b:ProductionResponse/b:SegmentResponse", ns)
    assert [s.findtext("b:ProcessSegmentID", namespaces=ns) for s in segments] == ["10", "20"]
    cut = segments[0]
    produced_q = {
        q.findtext("b:Key", namespaces=ns): q.findtext("b:QuantityString", namespaces=ns)
        for q in cut.findall("b:MaterialProducedActual/b:Quantity", ns)
    }
    assert produced_q == {"Good": "3", "Scrap": "1"}
    # The order's one output lot is the final operation's: its number follows the work order's.
    assert cut.findtext("b:MaterialProducedActual/b:MaterialLotID", namespaces=ns) is None
    assert "WO-RT-1" in segments[1].findtext("b:MaterialProducedActual/b:MaterialLotID", namespaces=ns)
    assert cut.findtext("b:MaterialConsumedActual/b:MaterialLotID", namespaces=ns) == "STEEL-7"
    assert cut.findtext("b:MaterialConsumedActual/b:Quantity/b:QuantityString", namespaces=ns) == "1.4"
    assert cut.findtext("b:EquipmentActual/b:EquipmentID", namespaces=ns) == "WS-01"
    assert cut.findtext("b:PersonnelActual/b:PersonID", namespaces=ns) == OPERATOR
    assert Decimal(cut.findtext("b:PersonnelActual/b:Quantity/b:QuantityString", namespaces=ns)) == Decimal("0.5")
    assert cut.findtext("b:SegmentState", namespaces=ns) == "Completed"
    assert cut.findtext("b:ActualStartTime", namespaces=ns) == "2026-03-02T07:01:00Z"


def test_v0700_round_trip(produced, tmp_path: Path) -> None:
    result = _export(produced, "b2mml-v0700", tmp_path / "out")
    root = etree.fromstring(validated((tmp_path / "out" / result.files[0]).read_bytes(), "OperationsPerformance"))
    ns = {"b": V0700}
    bend = root.findall("b:OperationsResponse/b:SegmentResponse", ns)[1]
    uses = {m.findtext("b:MaterialUse", namespaces=ns): m for m in bend.findall("b:MaterialActual", ns)}
    assert list(uses) == ["Produced"]
    assert uses["Produced"].findtext("b:Quantity/b:QuantityString", namespaces=ns) == "3"
    assert bend.findtext("b:EquipmentActual/b:EquipmentID", namespaces=ns) == "WS-02"


def test_csv_has_one_row_per_operation_confirmation(produced, tmp_path: Path) -> None:
    result = _export(produced, "csv", tmp_path / "out")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / result.files[0]).read_text())))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [(r["work_order"], r["operation"], r["good"], r["scrap"], r["consumed"]) for r in rows] == [
        ("WO-RT-1", "10", "3", "1", "STEEL-7:STEEL-2MM:1.4:kg"),
        ("WO-RT-1", "20", "3", "0", ""),
    ]


def test_since_last_exports_each_quantity_once(produced, tmp_path: Path) -> None:
    first = export(produced, "csv", tmp_path / "a", start=None, end=T0 + timedelta(minutes=45), now=T0)
    second = export(produced, "csv", tmp_path / "b", start=None, end=T0 + timedelta(hours=2), now=T0)
    rows = [
        list(csv.DictReader(io.StringIO((tmp_path / d / r.files[0]).read_text())))
        for d, r in (("a", first), ("b", second))
    ]
    assert second.start == first.end
    good = {(r["operation"], d): r["good"] for d, rs in enumerate(rows) for r in rs}
    assert good == {("10", 0): "3", ("20", 0): "0", ("20", 1): "3"}


def test_a_document_that_does_not_validate_is_an_error_and_no_file(produced, tmp_path: Path, monkeypatch) -> None:
    real = export_module.build_performance

    def broken(*args, **kwargs):
        document = real(*args, **kwargs)
        document.insert(0, etree.Element(f"{{{V0600}}}Unexpected"))
        return document

    monkeypatch.setattr(export_module, "build_performance", broken)
    with pytest.raises(InvalidInput) as refused:
        _export(produced, "b2mml-v0600", tmp_path / "out")
    assert refused.value.code == codes.ERP_EXPORT_INVALID and "WO-RT-1" in refused.value.message
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert export_module.last_export_end(produced, "b2mml-v0600") is None


def test_export_on_the_command_line(produced, database_url: str, tmp_path: Path, capsys) -> None:
    code = main(
        [
            "erp",
            "export",
            "--from",
            "2026-03-02T00:00:00Z",
            "--to",
            "2026-03-02T12:00:00Z",
            "--format",
            "b2mml-v0700",
            "--out",
            str(tmp_path / "out"),
            "--json",
            "--database-url",
            database_url,
        ]
    )
    shown = json.loads(capsys.readouterr().out)
    assert code == 0 and shown["work_orders"] == ["WO-RT-1"] and len(shown["files"]) == 1


def test_export_range_may_be_given_as_dates_like_a_report(produced, database_url: str, tmp_path: Path, capsys) -> None:
    with produced.connect() as connection:
        zone = ZoneInfo(connection.execute(select(Site.timezone)).scalar_one())
    argv = ["erp", "export", "--from", "2026-03-02", "--to", "2026-03-03", "--format", "csv"]
    code = main([*argv, "--out", str(tmp_path / "out"), "--json", "--database-url", database_url])
    shown = json.loads(capsys.readouterr().out)
    site_midnight = datetime(2026, 3, 2, tzinfo=zone).astimezone(UTC)
    assert code == 0 and shown["from"] == f"{site_midnight:%Y-%m-%dT%H:%M:%SZ}"
    assert shown["work_orders"] == ["WO-RT-1"]
