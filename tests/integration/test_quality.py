"""Quality in the loop through the command bus: checks, gating, nonconformances, holds, signed dispositions."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from mes_terminal.db.records import ChecklistResult, Disposition, Event, Hold, Lot, Nonconformance, Signature
from mes_terminal.domain.errors import AuthenticationFailed, InvalidInput, InvalidState, NotPermitted
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from tests.helpers import DATA, OPERATOR, SUPERVISOR, command, run_first_job

QUALITY, QUALITY_2 = "B3001", "B3002"


@pytest.fixture
def plant(engine: Engine, clock, database_states) -> Engine:
    """The small plant with a checklist on operation 10 and the quality rules switched on."""
    now = clock.now()
    database_states.build(
        engine,
        ("quality plant", now),
        lambda fresh: load_plant(fresh, read_plant_file(DATA / "quality_plant.toml"), now=now),
    )
    return engine


@pytest.fixture
def job(bus: CommandBus, clock) -> str:
    """WO-1 (10 brackets) released, Ada signed in at WS-01 and operation 10 running."""
    now = clock.now()
    run_first_job(bus, now)
    return "WO-1"


def check(bus, clock, item: str, value: object, **extra):
    return bus.execute(
        command(
            c.RecordCheck,
            clock.now(),
            actor=OPERATOR,
            station="WS-01",
            work_order="WO-1",
            operation=10,
            checklist="CUT-FAI",
            item=item,
            value=str(value),
            **extra,
        )
    ).result


def report(bus, clock, good: int):
    return bus.execute(
        command(
            c.ReportCount,
            clock.now(),
            actor=OPERATOR,
            station="WS-01",
            work_order="WO-1",
            operation=10,
            good=Decimal(good),
        )
    ).result


def count(engine: Engine, record) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(record)).scalar_one()


def events(engine: Engine, type_: str) -> list[Event]:
    with engine.connect() as connection:
        return list(connection.execute(select(Event).where(Event.type == type_).order_by(Event.id)).all())


def test_a_due_start_check_blocks_counts_and_the_refusal_names_it(bus, clock, job, plant) -> None:
    with pytest.raises(InvalidState) as refused:
        report(bus, clock, 1)
    assert refused.value.code == "check.due"
    assert refused.value.message == (
        "WO-1 operation 10 (Cut): check Guard closed and interlocked (at start) is due; "
        "record it before you report more."
    )
    assert check(bus, clock, "GUARD", "pass")["passed"] is True
    assert report(bus, clock, 1)["good"] == "1"
    # The first piece is made: its length is due before the next count.
    with pytest.raises(InvalidState, match=r"check Length \(first piece\) is due"):
        report(bus, clock, 1)


def test_a_result_keeps_the_template_version_it_was_recorded_against(bus, clock, job, plant) -> None:
    result = check(bus, clock, "GUARD", "PASS")
    assert (result["checklist"], result["version"], result["value"]) == ("CUT-FAI", 1, "pass")
    with plant.connect() as connection:
        stored = connection.execute(select(ChecklistResult.value, ChecklistResult.passed)).one()
    assert tuple(stored) == ("pass", True)


def test_a_length_outside_its_limits_raises_a_nonconformance_and_holds_the_output_lot(bus, clock, job, plant) -> None:
    check(bus, clock, "GUARD", "pass")
    report(bus, clock, 1)  # the output lot WO-1 appears with the first good part
    result = check(bus, clock, "LEN", "100.7")
    assert result["passed"] is False
    assert result["deviation"] == "Length 100.7 mm is above the upper limit 100.5 mm."
    assert result["nonconformance"] == "NC-00001"
    assert result["held_lot"] == "WO-1"
    with plant.connect() as connection:
        lot = connection.execute(select(Lot.status).where(Lot.number == "WO-1")).scalar_one()
        hold = connection.execute(select(Hold.reason, Hold.released_at, Hold.nonconformance_id)).one()
        nc = connection.execute(select(Nonconformance.status, Nonconformance.checklist_result_id)).one()
    assert lot == "on_hold"
    assert hold.reason == "Length 100.7 mm is above the upper limit 100.5 mm." and hold.released_at is None
    assert nc.status == "open" and nc.checklist_result_id is not None
    # A failed check is still a recorded check: counting goes on (the lot stays held).
    assert report(bus, clock, 1)["good"] == "2"


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        ("abc", "Length must be a number, not 'abc'."),
        ("NaN", "Length must be a number, not 'NaN'."),
        (
            "1000",
            "Length 1000 mm is not a possible value (possible: 89.5 to 110.5 mm); measure again and check the entry.",
        ),
        ("-3", "Length -3 mm is not a possible value (possible: 89.5 to 110.5 mm); measure again and check the entry."),
    ],
)
def test_a_value_that_cannot_be_a_length_is_refused_and_nothing_is_recorded(
    bus, clock, job, plant, value, sentence
) -> None:
    check(bus, clock, "GUARD", "pass")
    report(bus, clock, 1)
    with pytest.raises(InvalidInput) as refused:
        check(bus, clock, "LEN", value)
    assert refused.value.message == sentence
    assert count(plant, ChecklistResult) == 1
    assert count(plant, Nonconformance) == 0


def test_a_check_for_a_job_that_is_not_running_is_refused(bus, clock, job, plant) -> None:
    bus.execute(command(c.PauseJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))
    with pytest.raises(InvalidState) as refused:
        check(bus, clock, "GUARD", "pass")
    assert refused.value.message == (
        "WO-1 operation 10 (Cut) is not running at WS-01; checks are recorded for a running job."
    )
    assert count(plant, ChecklistResult) == 0


def test_completion_always_waits_for_its_required_checks(bus, clock, job, plant) -> None:
    check(bus, clock, "GUARD", "pass")
    report(bus, clock, 1)
    check(bus, clock, "LEN", "100.1")
    report(bus, clock, 4)
    check(bus, clock, "EDGE", "clean")
    report(bus, clock, 5)
    complete = command(c.CompleteJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10)
    with pytest.raises(InvalidState, match=r"check Parts counted and labelled \(at completion\) is due"):
        bus.execute(complete)
    check(bus, clock, "FINAL", "pass")
    assert bus.execute(complete).result["status"] == "completed"


def test_an_optional_check_never_blocks(bus, clock, job, plant) -> None:
    check(bus, clock, "GUARD", "pass")
    report(bus, clock, 1)
    check(bus, clock, "LEN", "100")
    report(bus, clock, 5)  # EDGE (every 5, optional) is due now
    assert report(bus, clock, 1)["good"] == "7"


def _raised_and_held(bus, clock, plant) -> str:
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-9", material="STEEL-2MM", quantity=Decimal(50)))
    result = bus.execute(
        command(
            c.RaiseNonconformance,
            clock.now(),
            actor=QUALITY,
            pin="3333",
            meaning="reported",
            lot="S-9",
            quantity=Decimal(20),
            defect_code="RUST",
            description="Rust on the top sheets",
            hold=True,
        )
    ).result
    assert result["held_lot"] == "S-9"
    assert result["signed_by"] == "Rosalind Franklin" and result["meaning"] == "reported"
    # The signature record and the result's signed_at keep UTC; the manifestation reads in Berlin.
    signed_at = datetime.fromisoformat(result["signed_at"])
    assert signed_at.utcoffset() == timedelta(0)
    berlin = signed_at.astimezone(ZoneInfo("Europe/Berlin"))
    assert result["signature"] == f"Rosalind Franklin, reported, {berlin:%Y-%m-%d %H:%M:%S %Z}"
    return result["nonconformance"]


def test_a_signed_nonconformance_holds_the_lot_and_a_plain_release_is_refused(bus, clock, plant) -> None:
    number = _raised_and_held(bus, clock, plant)
    with pytest.raises(InvalidState) as refused:
        bus.execute(command(c.ReleaseLot, clock.now(), lot="S-9"))
    assert refused.value.message == (
        f"Lot S-9 is held for nonconformance {number}; its disposition by quality releases it."
    )
    with plant.connect() as connection:
        signature = connection.execute(select(Signature)).one()
    assert (signature.entity, signature.entity_id, signature.signer_name, signature.meaning) == (
        "nonconformance",
        number,
        "Rosalind Franklin",
        "reported",
    )


def test_a_disposition_needs_the_quality_role_another_person_a_pin_and_a_reason(bus, clock, plant) -> None:
    number = _raised_and_held(bus, clock, plant)

    def dispose(actor: str, pin: str, decision: str = "use_as_is", comment: str | None = "Surface rust only"):
        return bus.execute(
            command(
                c.DisposeNonconformance,
                clock.now(),
                actor=actor,
                pin=pin,
                meaning="approved",
                nonconformance=number,
                decision=decision,
                comment=comment,
            )
        )

    with pytest.raises(NotPermitted, match="that needs the role quality"):
        dispose(SUPERVISOR, "1234")
    with pytest.raises(NotPermitted) as same_person:
        dispose(QUALITY, "3333")
    assert same_person.value.message == (
        f"Rosalind Franklin recorded nonconformance {number}; under the two-person rule another person signs it."
    )
    with pytest.raises(InvalidInput, match="write a comment that says why"):
        dispose(QUALITY_2, "3344", comment=" ")
    with pytest.raises(AuthenticationFailed) as wrong_pin:
        dispose(QUALITY_2, "0000")
    assert wrong_pin.value.message == "Badge or PIN not recognised; nothing was signed."
    # Nothing of the refused attempts is recorded but the failed signature itself.
    assert count(plant, Disposition) == 0 and count(plant, Signature) == 1
    failed = events(plant, "DisposeNonconformanceRefused")
    assert [(e.entity_id, e.payload["code"]) for e in failed] == [(QUALITY_2, "signature.failed")]

    result = dispose(QUALITY_2, "3344").result
    assert (result["status"], result["lot_status"], result["signed_by"]) == ("closed", "available", "Kaoru Ishikawa")
    with plant.connect() as connection:
        assert connection.execute(select(Hold.released_at)).scalar_one() is not None
    signed = events(plant, "RecordSigned")
    assert [(e.payload["signer"], e.payload["meaning"]) for e in signed] == [
        ("Rosalind Franklin", "reported"),
        ("Kaoru Ishikawa", "approved"),
    ]


def test_scrapping_the_nonconforming_part_of_a_lot_leaves_the_rest_available(bus, clock, plant) -> None:
    number = _raised_and_held(bus, clock, plant)
    result = bus.execute(
        command(
            c.DisposeNonconformance,
            clock.now(),
            actor=QUALITY_2,
            pin="3344",
            meaning="approved",
            nonconformance=number,
            decision="scrap",
        )
    ).result
    assert (Decimal(result["quantity"]), result["lot_status"]) == (20, "available")
    with plant.connect() as connection:
        assert connection.execute(select(Lot.quantity).where(Lot.number == "S-9")).scalar_one() == 30


def test_an_spc_rule_violation_calls_quality(bus, clock, job, plant) -> None:
    check(bus, clock, "GUARD", "pass")
    report(bus, clock, 1)
    # Eight baseline lengths (the site's spc_baseline), recorded on this job one after another.
    for value in ("100.0", "100.1", "99.9", "100.0", "100.1", "99.9", "100.0", "100.05"):
        assert check(bus, clock, "LEN", value)["spc"] == []
    result = check(bus, clock, "LEN", "100.45")  # within spec, far outside the control limits
    assert result["passed"] is True
    assert result["spc"] == ["Nelson rule 1: one point more than 3 sigma from the center line"]
    assert result["reaction"] == "call_quality"
    assert [e.payload["rules"] for e in events(plant, "SpcRuleViolated")] == [[1]]
    assert len(events(plant, "QualityCalled")) == 1


def test_an_outlier_inside_the_baseline_is_caught_when_it_is_measured(bus, clock, job, plant) -> None:
    check(bus, clock, "GUARD", "pass")
    report(bus, clock, 1)
    for value in ("100.0", "100.02", "99.98", "100.0", "100.03", "99.99", "100.01"):
        assert check(bus, clock, "LEN", value)["spc"] == []
    result = check(bus, clock, "LEN", "100.45")  # the eighth of eight baseline values, in spec
    assert result["spc"] == ["Nelson rule 1: one point more than 3 sigma from the center line"]
    (event,) = events(plant, "SpcRuleViolated")
    assert event.payload["rules"] == [1] and event.payload["upper"] < 100.45
    assert len(events(plant, "QualityCalled")) == 1


def _lengths(bus, clock, values: list[str]) -> None:
    check(bus, clock, "GUARD", "pass")
    report(bus, clock, 1)
    for value in values:
        check(bus, clock, "LEN", value)


BASELINE = ["100.0", "100.1", "99.9", "100.0", "100.1", "99.9", "100.0", "100.05"]


def test_the_spc_chart_has_limits_from_the_baseline_capability_and_the_violations(bus, clock, job, plant) -> None:
    from mes_terminal.services.queries.checklists import spc_chart
    from mes_terminal.services.queries.read_only import read_connection

    _lengths(bus, clock, [*BASELINE, "100.45", "100.02"])
    with read_connection(plant) as connection:
        chart = spc_chart(connection, "CUT-FAI", "LEN")
    assert (chart.chart, chart.baseline_size, len(chart.points)) == ("i-mr", 8, 10)
    assert chart.center == pytest.approx(100.00625)
    assert (chart.lower_spec, chart.upper_spec, chart.target) == (99.5, 100.5, 100.0)
    assert chart.upper_control is not None and chart.upper_control < 100.45
    assert chart.cp is not None and chart.cpk is not None and chart.cpk <= chart.cp
    assert [p.rules for p in chart.points][8:] == [(1,), ()]
    assert chart.violations[0].startswith("point 9 (WO-1, 2026-03-02 07:00): Nelson rule 1")


def test_mes_terminal_spc_writes_json_and_pdf(bus, clock, job, plant, database_url, capsys, tmp_path) -> None:
    import json

    from mes_terminal.cli import main

    _lengths(bus, clock, [*BASELINE, "100.45"])
    assert main(["spc", "CUT-FAI", "LEN", "--database-url", database_url]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["chart"] == "i-mr" and len(out["points"]) == 9 and out["points"][-1]["rules"] == [1]
    assert out["range"] == {"from": None, "to": None} and out["timezone"] == "Europe/Berlin"
    target = tmp_path / "spc.pdf"
    assert main(["spc", "CUT-FAI", "LEN", "--format", "pdf", "--out", str(target), "--database-url", database_url]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert main(["spc", "CUT-FAI", "GUARD", "--database-url", database_url]) == 2
    assert capsys.readouterr().err.strip() == "mes-terminal: CUT-FAI/GUARD is not a numeric item of a loaded checklist."


# Issue #15: a 41.5 mm part among 40 mm ones sat inside the baseline and showed "0 violations". Here a
# 101 mm part (spec 99.5 .. 100.5) is the fourth of the eight baseline lengths.
WITH_OUTLIER = ["100.0", "100.02", "99.98", "101.0", "100.0", "100.02", "99.98", "100.01", "100.0", "99.99"]


def test_a_baseline_outlier_is_judged_excluded_from_the_limits_and_out_of_spec(bus, clock, job, plant) -> None:
    from mes_terminal.services.queries.checklists import spc_chart
    from mes_terminal.services.queries.read_only import read_connection

    _lengths(bus, clock, WITH_OUTLIER)
    with read_connection(plant) as connection:
        chart = spc_chart(connection, "CUT-FAI", "LEN")
    assert (chart.baseline_size, chart.provisional, chart.excluded) == (8, False, (3,))
    outlier = chart.points[3]
    assert (outlier.in_baseline, outlier.excluded, outlier.rules, outlier.out_of_spec) == (True, True, (1,), "USL")
    # The limits are those of the seven other baseline values: the outlier does not widen them.
    assert chart.center == pytest.approx((100.0 + 100.02 + 99.98 + 100.0 + 100.02 + 99.98 + 100.01) / 7)
    assert chart.upper_control is not None and chart.upper_control < 100.5
    # Recorded at 06:00 UTC: the sentence is read at the site, in Berlin (CET).
    assert chart.violations == ("point 4 (WO-1, 2026-03-02 07:00): Nelson rule 1: one point more than 3 sigma "
                                "from the center line",)  # fmt: skip
    assert chart.spec_violations == ("point 4 (WO-1, 2026-03-02 07:00): 101 mm above the upper spec limit 100.5 mm",)
    assert [(s.index, s.kind, s.rule, s.limit) for s in chart.signals] == [
        (3, "control", 1, None),
        (3, "spec", None, "USL"),
    ]
    assert "excluding 4" in chart.baseline_text


def test_fewer_values_than_the_baseline_give_provisional_limits_that_judge_already(bus, clock, job, plant) -> None:
    from mes_terminal.services.queries.checklists import spc_chart
    from mes_terminal.services.queries.read_only import read_connection

    _lengths(bus, clock, ["100.0", "100.02", "99.98", "100.0", "100.01", "99.99", "100.45"])
    with read_connection(plant) as connection:
        chart = spc_chart(connection, "CUT-FAI", "LEN")
    assert (chart.provisional, chart.baseline_size, chart.baseline_asked) == (True, 7, 8)
    assert chart.points[6].rules == (1,) and chart.excluded == (6,)
    assert "provisional until 8 points" in chart.baseline_text


def test_report_spc_lists_every_characteristic_of_a_station_with_its_violations(
    bus, clock, job, plant, database_url, capsys, tmp_path, monkeypatch
) -> None:
    import json

    from mes_terminal.cli import main

    _lengths(bus, clock, WITH_OUTLIER)
    scope = ["--from", "2026-03-02", "--to", "2026-03-03", "--database-url", database_url]
    assert main(["report", "spc", "--station", "WS-01", *scope]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["kind"], out["scope"]["code"], out["timezone"]) == ("spc", "WS-01", "Europe/Berlin")
    (length,) = out["characteristics"]
    assert (length["checklist"], length["item"], length["chart"]) == ("CUT-FAI", "LEN", "i-mr")
    assert (length["baseline_size"], length["excluded_points"], length["provisional"]) == (8, [4], False)
    assert length["cp"] is not None and length["ppk"] is not None and length["ppk"] < length["cpk"]
    assert [(v["point"], v["time"], v["kind"], v["rule"], v["value"]) for v in length["rule_violations"]] == [
        (4, "2026-03-02T06:00:00Z", "control", 1, 101.0),
        (4, "2026-03-02T06:00:00Z", "spec", None, 101.0),
    ]
    assert main(["report", "spc", "--line", "L1", "--checklist", "CUT-FAI", "--format", "csv", *scope]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("checklist,item,chart,point,time,")
    assert len(lines) == 1 + len(WITH_OUTLIER) and lines[4].split(",")[8:12] == ["yes", "yes", "1", "USL"]
    target = tmp_path / "spc.pdf"
    assert main(["report", "spc", "--station", "WS-01", "--format", "pdf", "--out", str(target), *scope]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    # The range is the site's days (midnight in Berlin), not the UTC instants the JSON carries.
    assert "from 2026-03-02 00:00 CET to 2026-03-03 00:00 CET" in text and "T23:00:00Z" not in text
    assert "(WO-1, 2026-03-02 07:00)" in text
    assert main(["report", "spc", "--item", "LEN", *scope]) == 2
    assert "--item LEN needs --checklist" in capsys.readouterr().err
    capsys.readouterr()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # a person at a terminal reads a table
    assert main(["report", "spc", "--station", "WS-01", *scope]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["Characteristic", "Points", "Centre"]
    assert table[2].split()[:2] == ["CUT-FAI/LEN", str(len(WITH_OUTLIER))] and " 2 " in table[2]  # two signals


def test_an_spc_chart_without_values_says_so_in_json_and_pdf(plant, database_url, capsys, tmp_path) -> None:
    import json

    from mes_terminal.cli import main
    from mes_terminal.documents.spc_pdf import render_spc_pdf

    scope = ["--from", "2026-03-02", "--to", "2026-03-03", "--database-url", database_url]
    assert main(["report", "spc", "--checklist", "CUT-FAI", "--item", "LEN", *scope]) == 0
    captured = capsys.readouterr()
    (length,) = json.loads(captured.out)["characteristics"]
    assert (length["points"], length["message"]) == ([], "No measurements of LEN in this range.")
    assert captured.err.strip() == "No measurements of LEN in this range."
    assert main(["spc", "CUT-FAI", "LEN", "--database-url", database_url]) == 0
    assert capsys.readouterr().err.strip() == "No measurements of LEN in this range."
    assert main(["report", "spc", "--station", "WS-02", *scope]) == 0
    captured = capsys.readouterr()
    assert (
        json.loads(captured.out)["characteristics"] == [] and captured.err.strip() == "No measurements in this range."
    )
    pdf = render_spc_pdf(length, compress=False)
    assert b"No measurements of LEN in this range." in pdf and b"UCL" not in pdf


def test_the_spc_pdf_draws_a_page_per_characteristic_with_both_kinds_of_violation(bus, clock, job, plant) -> None:
    from mes_terminal.documents.spc_pdf import render_spc_pdf
    from mes_terminal.services.reports.spc import spc_scope_report

    _lengths(bus, clock, WITH_OUTLIER)
    report = spc_scope_report(plant, clock, station=None, line="L1", start="2026-03-02", end="2026-03-03")
    pdf = render_spc_pdf(report, compress=False)
    assert pdf.startswith(b"%PDF") and b"Cpk" in pdf and b"Ppk" in pdf
    assert b"Control violations \\(Nelson rules\\): 1" in pdf and b"Spec violations: 1" in pdf
    assert b"excluded from the limits" in pdf and b"101 mm above the upper spec limit" in pdf


def test_every_spc_page_carries_the_title_block_and_its_page_number(bus, clock, job, plant, tmp_path) -> None:
    """A page that went astray still says the site, the range, the zone, who printed it and which page it is."""
    import subprocess

    from mes_terminal.documents.spc_pdf import render_spc_pdf
    from mes_terminal.services.reports.spc import spc_scope_report

    _lengths(bus, clock, WITH_OUTLIER)
    report = spc_scope_report(plant, clock, station=None, line="L1", start="2026-03-02", end="2026-03-03")
    target = tmp_path / "spc.pdf"
    target.write_bytes(render_spc_pdf(report, generated_by="Anna Weber"))
    pages = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True)
    texts = pages.stdout.split("\f")[:-1]
    opening = [text for text in texts if "Time zone" in text]  # each characteristic's first page
    assert len(opening) == len(report["characteristics"]) >= 1
    for text in opening:
        assert report["site"] and report["site"] in text and report["timezone"] in text and "Anna Weber" in text
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text and "line L1" in text


@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pin=st.text(min_size=1, max_size=8).filter(lambda p: p != "3333"))
def test_any_wrong_pin_signs_nothing_and_is_recorded_as_a_failed_attempt(bus, clock, job, plant, pin) -> None:
    before = len(events(plant, "RaiseNonconformanceRefused"))
    with pytest.raises(AuthenticationFailed):
        bus.execute(
            command(
                c.RaiseNonconformance,
                clock.now(),
                actor=QUALITY,
                pin=pin,
                meaning="reported",
                work_order="WO-1",
                operation=10,
                defect_code="RUST",
                description="Rust",
            )
        )
    assert count(plant, Nonconformance) == 0 and count(plant, Signature) == 0
    assert len(events(plant, "RaiseNonconformanceRefused")) == before + 1


def test_an_spc_pdf_without_a_file_is_refused_even_through_a_pipe(plant, database_url, capsys) -> None:
    """capsys is not a terminal: a PDF is still never written to standard output."""
    from mes_terminal.cli import main

    assert main(["spc", "CUT-FAI", "LEN", "--format", "pdf", "--database-url", database_url]) == 2
    out, err = capsys.readouterr()
    assert (
        out == "" and err == "mes-terminal: A PDF is never written to a terminal or a pipe; say where: --out FILE.pdf\n"
    )
