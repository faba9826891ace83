"""Reports read back from the stored records: loss classes, calendars, breakdowns, formats, refusals."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import uuid
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from mes_terminal.cli import main
from mes_terminal.db.records import DowntimeEvent, DowntimeReason, Event, Workstation
from mes_terminal.domain.clock import FixedClock
from mes_terminal.domain.errors import InvalidInput, UnknownEntity
from mes_terminal.domain.intervals import Span, seconds, total
from mes_terminal.domain.shift_calendar import BreakPattern, ShiftPattern, planned_spans
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.reports import output as report_output
from mes_terminal.services.reports.service import ReportService
from mes_terminal.services.terminal import TerminalService
from tests.helpers import DATA, command

OPERATOR, SUPERVISOR = "B1001", "B2001"
BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 3, 2, 5, tzinfo=UTC)  # 06:00 in Berlin, the start of the day shift
# The DAY shift of oee_plant.toml, written out again as the independent reference.
DAY_SHIFT = ShiftPattern(
    "DAY",
    ("mon", "tue", "wed", "thu", "fri"),
    time(6),
    time(14),
    (BreakPattern(time(8), 15), BreakPattern(time(10), 30), BreakPattern(time(12), 15)),
)


@pytest.fixture
def plant(engine: Engine, clock: FixedClock, database_states) -> Engine:
    """The OEE test plant with work released to every station from a week before MONDAY on: shift time
    without released work is not planned production time, and these tests measure the shifts whole."""
    now = clock.now()

    def build(fresh: Engine) -> None:
        load_plant(fresh, read_plant_file(DATA / "oee_plant.toml"), now=now)
        released = MONDAY - timedelta(days=7)
        standing = CommandBus(fresh, FixedClock(released))
        for product in ("WIDGET", "PART-B", "PART-C"):
            number = f"WO-STANDING-{product}"
            at(standing, released, c.CreateWorkOrder, SUPERVISOR, number=number, product=product,
               quantity=Decimal(100_000), due=released + timedelta(days=90))  # fmt: skip
            at(standing, released, c.ReleaseWorkOrder, SUPERVISOR, number=number)

    database_states.build(engine, ("OEE plant with standing orders", now), build)
    clock.set(MONDAY + timedelta(days=30))
    return engine


@pytest.fixture
def bus(plant: Engine, clock: FixedClock) -> CommandBus:
    return CommandBus(plant, clock)


def at(bus: CommandBus, when: datetime, cls: type[c.Command], actor: str = OPERATOR, **fields: object) -> dict:
    return dict(bus.execute(command(cls, when, actor=actor, **fields)).result)


def stop(bus: CommandBus, station: str, start: datetime, minutes: float, reason: str | None = None) -> None:
    at(bus, start, c.StartDowntime, SUPERVISOR, station=station, reason=reason)
    at(bus, start + timedelta(minutes=minutes), c.EndDowntime, SUPERVISOR, station=station)


def test_micro_planned_and_performance_stops_count_where_they_belong(bus, plant, clock) -> None:
    stop(bus, "M-A", MONDAY + timedelta(hours=1), 1, "MECH")  # shorter than 120 s: a micro-stop
    stop(bus, "M-A", MONDAY + timedelta(hours=2, minutes=30), 30, "MEETING")  # planned
    stop(bus, "M-A", MONDAY + timedelta(hours=3), 10, "JAM")  # performance loss
    stop(bus, "M-A", MONDAY + timedelta(hours=5), 20, "ELEC")  # availability loss
    stop(bus, "M-A", MONDAY + timedelta(hours=7, minutes=50), 20, "ELEC")  # the last 10 minutes after the shift
    report = ReportService(plant, clock).oee(station="M-A", start="2026-03-02", end="2026-03-03", explain=True)

    assert report.summary["planned_seconds"] == (420 - 30) * 60
    assert report.summary["run_seconds"] == (420 - 30 - 20 - 10) * 60
    stops = report.explain["stops_by_loss"]
    assert stops["micro"] == {"stops": 1, "seconds": 60, "in_calendar_seconds": 60}
    assert stops["performance"]["in_calendar_seconds"] == 600
    assert stops["availability"] == {"stops": 2, "seconds": 2400, "in_calendar_seconds": 1800}
    assert report.explain["inputs"]["calendar_seconds"] == 420 * 60


def test_an_open_stop_counts_up_to_now_and_figures_stop_at_now(bus, plant, clock) -> None:
    clock.set(MONDAY + timedelta(hours=3))
    at(bus, MONDAY + timedelta(hours=2, minutes=30), c.StartDowntime, SUPERVISOR, station="M-B")
    report = ReportService(plant, clock).oee(station="M-B", start="2026-03-02", end="2026-03-03")
    assert report.until == clock.now()
    assert report.summary["planned_seconds"] == 3 * 3600
    assert report.summary["run_seconds"] == Decimal("2.5") * 3600
    pareto = ReportService(plant, clock).downtime(station="M-B", start="2026-03-02", end="2026-03-03")
    assert pareto.rows[0]["name"] == "Reason needed (not classified)" and pareto.rows[0]["seconds"] == 1800


def test_a_night_shift_over_the_spring_change_by_shift_and_by_day(bus, plant, clock) -> None:
    report = ReportService(plant, clock).oee(line="L-N", start="2026-03-21", end="2026-03-30", by="shift")
    nights = [(row["day"], row["planned_seconds"]) for row in report.rows]
    assert nights == [("2026-03-21", Decimal("7.5") * 3600), ("2026-03-28", Decimal("6.5") * 3600)]
    by_day = ReportService(plant, clock).oee(line="L-N", start="2026-03-28", end="2026-03-30", by="day")
    assert [(r["day"], r["planned_seconds"]) for r in by_day.rows] == [("2026-03-28", 7200), ("2026-03-29", 16200)]
    assert report.summary["planned_seconds"] == 14 * 3600


def test_shift_time_without_released_work_is_not_planned_and_the_report_says_so(engine, clock) -> None:
    # No standing orders here: one order, released at Monday's shift start and done at its end.
    load_plant(engine, read_plant_file(DATA / "oee_plant.toml"), now=clock.now())
    clock.set(MONDAY + timedelta(days=30))
    bus = CommandBus(engine, clock)
    at(bus, MONDAY, c.CreateWorkOrder, SUPERVISOR, number="WO-1", product="WIDGET", quantity=Decimal(40000),
       due=MONDAY + timedelta(days=1))  # fmt: skip
    at(bus, MONDAY, c.ReleaseWorkOrder, SUPERVISOR, number="WO-1")
    job = {"station": "M-A", "work_order": "WO-1", "operation": 10}
    at(bus, MONDAY, c.StartJob, SUPERVISOR, **job)
    at(bus, MONDAY + timedelta(hours=4), c.ReportCount, SUPERVISOR, **job, good=Decimal(30000))
    at(bus, MONDAY + timedelta(hours=8), c.CompleteJob, SUPERVISOR, **job, short_close=True)

    # Sunday (no shift), Monday (worked) and Tuesday (a shift, nothing released) in Berlin.
    report = ReportService(engine, clock).oee(station="M-A", start="2026-03-01", end="2026-03-04")
    assert report.summary["planned_seconds"] == 420 * 60  # Monday's shift less its breaks, not Tuesday's too
    assert report.excluded == {"days_without_shifts": 1, "seconds_without_released_work": 420 * 60}
    assert "Excluded from planned production time: 1 day without shifts, 7 h of shift time without released work." in (
        report.notes
    )
    # 30,000 parts of an ideal second in 7 hours of running is more than the machine can: flagged.
    assert report.summary["performance"] > 1
    assert "Performance above 100 % at M-A (119 %): check the ideal cycle time." in report.notes
    assert json.loads(report_output.to_json(report))["notes"] == list(report.notes)


def test_production_scrap_and_oee_by_station(bus, plant, clock) -> None:
    at(bus, MONDAY, c.CreateWorkOrder, SUPERVISOR, number="WO-1", product="WIDGET", quantity=Decimal(500),
       due=MONDAY + timedelta(days=1))  # fmt: skip
    at(bus, MONDAY, c.ReleaseWorkOrder, SUPERVISOR, number="WO-1")
    job = {"station": "M-A", "work_order": "WO-1", "operation": 10}
    at(bus, MONDAY, c.StartJob, SUPERVISOR, **job)
    at(bus, MONDAY + timedelta(hours=1), c.ReportCount, SUPERVISOR, **job, good=Decimal(300))
    at(bus, MONDAY + timedelta(hours=2), c.ReportCount, SUPERVISOR, **job, good=Decimal(90), scrap=Decimal(10),
       scrap_reason="REJECT")  # fmt: skip
    service = ReportService(plant, clock)
    production = service.production(line="L-A", start="2026-03-02", end="2026-03-03")
    assert [(r["work_order"], r["good"], r["scrap"], r["reports"]) for r in production.rows] == [("WO-1", 390, 10, 2)]
    scrap = service.scrap(start="2026-03-02", end="2026-03-03")
    assert [(r["reason"], r["scrap"], r["share"]) for r in scrap.rows] == [("REJECT", 10, 1)]
    by_station = service.oee(start="2026-03-02", end="2026-03-03", by="station")
    assert [r["station"] for r in by_station.rows] == ["M-A", "M-B", "M-C", "M-N"]
    assert by_station.rows[0]["total_count"] == 400 and by_station.rows[0]["quality"] == Decimal("0.975")
    assert by_station.summary["total_count"] == 400  # the plant adds its stations up


def test_bad_scopes_and_ranges_are_one_sentence(plant, clock) -> None:
    service = ReportService(plant, clock)
    with pytest.raises(InvalidInput, match=r"^The report range ends"):
        service.oee(station="M-A", start="2026-03-03", end="2026-03-02")
    with pytest.raises(UnknownEntity, match=r"^There is no workstation WS-9\.$"):
        service.downtime(station="WS-9", start="2026-03-02", end="2026-03-03")
    with pytest.raises(UnknownEntity, match=r"^There is no line L-9\.$"):
        service.production(line="L-9", start="2026-03-02", end="2026-03-03")


# --- the command line ----------------------------------------------------------------------------


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_refuses_with_exit_2_and_changes_nothing(plant, database_url, capsys, tmp_path) -> None:
    with Session(plant) as session:
        events = session.scalar(select(func.count()).select_from(Event))
    lines = tmp_path / "end.jsonl"
    end = {"type": "EndDowntime", "command_id": str(uuid.uuid4()), "issued_at": "2026-03-02T06:00:00Z",
           "actor": SUPERVISOR, "station": "M-A"}  # fmt: skip
    lines.write_text(json.dumps(end) + "\n")
    code, out, err = _cli(capsys, "replay", str(lines), "--database-url", database_url)
    assert code == 2 and json.loads(out)["code"] == "downtime.not_down"
    for argv, sentence in [
        (("oee", "--station", "M-A", "--from", "2026-03-03", "--to", "2026-03-02"), "The report range ends"),
        (("downtime", "--station", "WS-9", "--from", "2026-03-02", "--to", "2026-03-03"), "There is no workstation"),
        (("scrap", "--by", "day", "--from", "2026-03-02", "--to", "2026-03-03"), "--by and --explain belong"),
    ]:
        code, out, err = _cli(capsys, "report", *argv, "--database-url", database_url)
        assert (code, out) == (2, "") and err.startswith(f"mes-terminal: {sentence}") and err.count("\n") == 1
    with Session(plant) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == events


def test_csv_and_pdf_output(bus, plant, database_url, capsys, tmp_path: Path) -> None:
    stop(bus, "M-A", MONDAY + timedelta(hours=1), 15, "MECH")
    base = ("--station", "M-A", "--from", "2026-03-02", "--to", "2026-03-03", "--database-url", database_url)
    code, out, _ = _cli(capsys, "report", "oee", *base, "--format", "csv", "--by", "shift")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [(r["shift"], r["planned_seconds"], r["run_seconds"]) for r in rows] == [
        ("DAY", "25200", "24300")
    ]
    code, out, _ = _cli(capsys, "report", "oee", *base, "--format", "csv", "--explain")
    assert "availability,0.964286,run_seconds / planned_seconds" in out
    pdf = tmp_path / "downtime.pdf"
    code, out, _ = _cli(capsys, "report", "downtime", *base, "--format", "pdf", "--out", str(pdf))
    assert code == 0 and out == "" and pdf.read_bytes().startswith(b"%PDF-")


def test_the_pdf_document_carries_the_figures_and_formulas(bus, plant, clock) -> None:
    from mes_terminal.documents.report_pdf import render_report_pdf

    stop(bus, "M-A", MONDAY + timedelta(hours=1), 15, "MECH")
    report = ReportService(plant, clock).oee(station="M-A", start="2026-03-02", end="2026-03-03", explain=True)
    document = report_output.to_document(report, site="Test site (T)", generated_by="Ada", generated_at=clock.now())
    assert ("Availability", "96.4 %") in document.figures
    assert "Availability = run_seconds / planned_seconds = 96.4 % (Run time 6:45:00, Planned time 7:00:00)" in (
        document.notes
    )
    assert ("Scope", "station M-A (1 station)") in document.heading
    assert ("Generated by", "Ada") in document.heading
    assert "station M-A (1 station)" in pdf_words(render_report_pdf(document))


def pdf_words(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.parametrize("kind", ["oee", "downtime", "production", "scrap"])
def test_every_report_pdf_has_a_title_block_human_headings_whole_words_and_page_numbers(
    bus, plant, clock, kind
) -> None:
    from mes_terminal.services.reports.pdf import report_pdf

    stop(bus, "M-A", MONDAY + timedelta(hours=1), 15, "MECH")
    reports = ReportService(plant, clock)
    scope = {"station": "M-A", "start": "2026-03-02", "end": "2026-03-04"}
    report = reports.oee(**scope, by="station") if kind == "oee" else getattr(reports, kind)(**scope)
    text = pdf_words(report_pdf(reports, report, generated_by="Grace Hopper"))
    for fact in ("Site", "Scope", "station M-A (1 station)", "Range", "Time zone", "Generated by", "Grace Hopper"):
        assert fact in text, (kind, fact)
    assert "Generated at" in text and "Page 1 of 1" in text
    for key in (k for k in report.columns if "_" in k):  # the keys scripts read never head a column for people
        assert key not in text, (kind, key)
    for percentage in re.findall(r"\b\d+\.\d+ %", text):
        assert re.fullmatch(r"\d+\.\d %", percentage), percentage  # one decimal
    assert not re.search(r"[A-Za-z]-\n", text)  # no word hyphenated or broken at a line's end
    if kind == "oee":
        assert "OEE by day (%)" in text and "Downtime by reason" in text  # the trend and the Pareto
        assert "Availability" in text and re.search(r"\b\d+\.\d %", text)
    if kind == "downtime":
        assert "Stop time" in text and "(h:mm:ss)" in text and "0:15:00" in text and "Cumulative" in text


def test_a_pdf_cell_never_breaks_a_word(plant) -> None:
    from mes_terminal.documents.report_pdf import ReportDocument, render_report_pdf

    long = "Electrical/control-cabinet-overtemperature"
    document = ReportDocument("Words", (), (), ("Reason", "Stops"), ((f"{long} and more words " * 3, "1"),) * 3)
    text = pdf_words(render_report_pdf(document))
    assert long in text.replace("\n", " ")


def on_a_terminal(monkeypatch, capsys) -> None:
    """Standard output as a person's terminal (capsys captures it, but says it is one)."""
    capsys.readouterr()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)


def test_a_person_at_a_terminal_reads_a_table_and_a_pipe_reads_json(
    bus, plant, database_url, capsys, monkeypatch
) -> None:
    stop(bus, "M-A", MONDAY + timedelta(hours=1), 15, "MECH")
    base = ("--station", "M-A", "--from", "2026-03-02", "--to", "2026-03-03", "--database-url", database_url)
    code, piped, _ = _cli(capsys, "report", "downtime", *base)
    assert code == 0 and json.loads(piped)["report"] == "downtime"  # as before: JSON when piped
    on_a_terminal(monkeypatch, capsys)
    code, table, _ = _cli(capsys, "report", "downtime", *base)
    assert code == 0 and not table.lstrip().startswith("{")
    lines = table.splitlines()
    assert lines[0] == "Downtime Pareto: station M-A"
    header = next(line for line in lines if line.startswith("Reason code"))
    assert "Stop time (h:mm:ss)" in header and "Cumulative share (%)" in header
    assert any("MECH" in line and "0:15:00" in line and "100.0" in line for line in lines)
    code, asked, _ = _cli(capsys, "report", "downtime", *base, "--format", "json")
    assert json.loads(asked) == json.loads(piped)


def test_explain_on_a_terminal_is_indented_text(bus, plant, database_url, capsys, monkeypatch) -> None:
    stop(bus, "M-A", MONDAY + timedelta(hours=1), 15, "MECH")
    base = ("--station", "M-A", "--from", "2026-03-02", "--to", "2026-03-03", "--database-url", database_url)
    on_a_terminal(monkeypatch, capsys)
    code, out, _ = _cli(capsys, "report", "oee", *base, "--explain")
    assert code == 0
    lines = out.splitlines()
    at = lines.index("How the figures are made")
    assert lines[at + 1].startswith("  ") and "Availability = run_seconds / planned_seconds = 96.4 %" in out
    assert "    Run time: 6:45:00" in lines and "    Planned time: 7:00:00" in lines


@pytest.mark.parametrize("tty", [True, False])
def test_a_pdf_without_out_is_refused_and_never_written_to_standard_output(
    plant, database_url, capsys, monkeypatch, tty
) -> None:
    if tty:
        on_a_terminal(monkeypatch, capsys)
    argv = ("report", "oee", "--from", "2026-03-02", "--to", "2026-03-03", "--database-url", database_url)
    code, out, err = _cli(capsys, *argv, "--format", "pdf")
    assert code == 2 and out == ""
    assert "say where: --out FILE.pdf" in err and "Traceback" not in err


# --- the SQL against the set operations of the domain ----------------------------------------------

minute = st.integers(0, 3 * 24 * 60)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(minute, st.integers(0, 600), st.sampled_from([None, "MECH", "MEETING", "JAM"])), max_size=8),
    st.integers(0, 3 * 24 * 60),
    st.integers(1, 2 * 24 * 60),
)
def test_stop_time_in_the_calendar_matches_the_set_operations(plant, clock, stops, from_minute, length) -> None:
    """Random stops written as raw records: the report's SQL agrees with intervals computed in Python."""
    window = Span(MONDAY + timedelta(minutes=from_minute), MONDAY + timedelta(minutes=from_minute + length))
    spans, expected = [], {"planned": Decimal(0), "availability": Decimal(0)}
    with Session(plant) as session, session.begin():
        session.execute(delete(DowntimeEvent))
        station = session.scalars(select(Workstation).where(Workstation.code == "M-A")).one()
        reasons = {r.code: r for r in session.scalars(select(DowntimeReason))}
        end = MONDAY - timedelta(days=1)
        for start_minute, minutes, reason in sorted(stops, key=lambda s: s[:2]):
            start = max(MONDAY + timedelta(minutes=start_minute), end)  # stops of a station never overlap
            end = start + timedelta(minutes=minutes, seconds=7)
            session.add(DowntimeEvent(workstation_id=station.id, started_at=start, ended_at=end,
                                      reason_id=reasons[reason].id if reason else None, source="operator"))  # fmt: skip
            spans.append((Span(start, end), reason))
    planned = planned_spans([DAY_SHIFT], BERLIN, window)
    for span, reason in spans:
        inside = seconds(sum((p.overlap(span).length for p in planned if p.overlap(span)), timedelta()))
        if reason == "MEETING":
            expected["planned"] += inside
        elif reason != "JAM" and span.length >= timedelta(seconds=120):
            expected["availability"] += inside
    report = ReportService(plant, clock).oee(station="M-A", start=window.start, end=window.end, explain=True)
    inputs = report.explain["inputs"]
    assert abs(inputs["planned_stop_seconds"] - expected["planned"]) < Decimal("0.01")
    assert abs(inputs["unplanned_stop_seconds"] - expected["availability"]) < Decimal("0.01")
    assert inputs["calendar_seconds"] == seconds(total(planned))


def test_the_demo_history_fills_the_reports(engine: Engine) -> None:
    from mes_terminal.services.demo.create import create_demo

    clock = FixedClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))  # a Wednesday
    summary = create_demo(engine, CommandBus(engine, clock), clock)
    assert "History: 8 past shifts of line L1 from 2026-11-20 to 2026-11-24" in summary
    service = ReportService(engine, clock)
    oee = service.oee(line="L1", start="2026-11-23", end="2026-11-24", by="station")
    assert all(row["oee"] is not None and 0 < row["oee"] < 1 for row in oee.rows)
    pareto = service.downtime(line="L1", start="2026-11-20", end="2026-11-25")
    reasons = {row["reason"] for row in pareto.rows}
    assert {"CHANGEOVER", None} <= reasons and len(reasons) >= 4
    assert service.scrap(line="L1", start="2026-11-20", end="2026-11-25").rows
    # Speeds a real line could run at: no station makes parts faster than its ideal cycle.
    running = summary.split("Running at ")[1].split(":")[0]
    job = TerminalService(engine, CommandBus(engine, clock), clock).station(running).jobs[0]
    assert job.actual_cycle_seconds is not None
    assert job.ideal_cycle_seconds <= job.actual_cycle_seconds <= 2 * job.ideal_cycle_seconds
    for by in ("station", "shift"):
        figures = service.oee(line="L1", start="2026-11-18", end="2026-11-26", by=by)
        speeds = [row["performance"] for row in figures.rows if row["total_count"]]
        assert speeds and all(Decimal("0.5") < speed <= 1 for speed in speeds), (by, speeds)
        assert not any("performance above 100 %" in note for note in figures.notes)
