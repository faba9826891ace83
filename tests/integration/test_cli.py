"""The `mes-terminal` command line: outputs, exit codes and one plain sentence for every failure."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mes_terminal.cli import main
from tests.helpers import DATA

SMALL_PLANT = str(DATA / "small_plant.toml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _line(type_: str, command_id: str | None = None, **fields: object) -> str:
    return json.dumps(
        {
            "type": type_,
            "command_id": command_id or str(uuid.uuid4()),
            "issued_at": "2026-03-02T06:00:00Z",
            "actor": "B2001",
            **fields,
        }
    )


@pytest.fixture
def loaded(database_url: str, capsys) -> str:
    code, _, err = run(capsys, "plant", "load", SMALL_PLANT, "--database-url", database_url)
    assert code == 0, err
    return database_url


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("mes-terminal 0.")


def test_config_show_names_where_each_value_came_from(capsys, monkeypatch, tmp_path: Path) -> None:
    settings = tmp_path / "config" / "mes-terminal" / "settings.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text('station = "WS-07"\nlocale = "de_DE"\n')
    monkeypatch.setenv("MES_LOCALE", "fr_FR")
    code, out, _ = run(capsys, "config", "show", "--json", "--database-url", "sqlite:////srv/mes.sqlite")
    shown = json.loads(out)
    assert code == 0
    assert shown["station"] == {"value": "WS-07", "source": f"file {settings}"}
    assert shown["locale"] == {"value": "fr_FR", "source": "environment MES_LOCALE"}
    assert shown["database_url"] == {"value": "sqlite:////srv/mes.sqlite", "source": "flag --database-url"}


def test_a_malformed_settings_file_is_one_sentence(capsys, tmp_path: Path) -> None:
    settings = tmp_path / "config" / "mes-terminal" / "settings.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text("databse_url = 'sqlite:///x'\n")
    code, _, err = run(capsys, "config", "show")
    assert code == 2
    assert err.startswith("mes-terminal: The settings file") and "unknown key 'databse_url'" in err
    assert err.count("\n") == 1


def test_db_upgrade_check_current(capsys, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    assert run(capsys, "db", "check", "--database-url", url)[0] == 3
    code, out, _ = run(capsys, "db", "upgrade", "--database-url", url)
    assert code == 0 and "(was empty)" in out
    assert run(capsys, "db", "check", "--database-url", url)[0] == 0
    assert run(capsys, "db", "current", "--database-url", url)[1].strip().endswith("(head)")
    assert "(unchanged)" in run(capsys, "db", "upgrade", "--database-url", url)[1]


def test_windows_refuse_a_schema_that_is_not_at_head(capsys, tmp_path: Path) -> None:
    from mes_terminal.db.engine import make_engine

    path = tmp_path / "old.sqlite"
    make_engine(f"sqlite:///{path}").dispose()
    path.touch()
    code, _, err = run(capsys, "terminal", "--station", "WS-01", "--database-url", f"sqlite:///{path}")
    assert code == 3
    assert "mes-terminal db upgrade" in err


def test_an_unreachable_database_is_exit_1_with_a_sentence(capsys) -> None:
    code, _, err = run(capsys, "events", "--database-url", "postgresql://mes@127.0.0.1:1/mes")
    assert code == 1
    assert err.startswith("mes-terminal: Cannot reach the database postgresql+psycopg://mes@127.0.0.1:1/mes")
    assert "Traceback" not in err


def test_a_bad_plant_file_writes_nothing(capsys, database_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[site]\ncode = "X"\nname = "X"\ntimezone = "Mars/Olympus"\n')
    code, _, err = run(capsys, "plant", "load", str(bad), "--database-url", database_url)
    assert code == 2
    assert "timezone" in err and err.count("\n") == 1
    assert run(capsys, "events", "--database-url", database_url)[1] == ""


def test_a_plant_file_with_several_mistakes_names_each_with_its_line(capsys, database_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    text = Path(SMALL_PLANT).read_text(encoding="utf-8")
    for old, new in (
        ('timezone = "Europe/Berlin"', 'timezone = "Mars/Olympus"'),
        ('days = ["mon", "tue", "wed", "thu", "fri"]', 'days = ["mon", "tue", "funday"]'),
        ('name = "Laser cutter"', 'name = "Laser cutter"\ncolor = "grey"'),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    bad.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "plant", "load", str(bad), "--database-url", database_url)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == f"mes-terminal: {bad} has 3 errors; nothing of it was loaded:"
    assert [line.split(": ", 1)[1].split(" ", 1)[0] for line in lines[1:]] == [
        "site.timezone",
        "shifts[0].days[2]",
        "lines[0].workstations[0].color",
    ]
    assert all(line.startswith(f"  {bad}, line ") for line in lines[1:])
    assert "Traceback" not in err
    assert run(capsys, "events", "--database-url", database_url)[1] == ""


def test_replay_runs_every_line_and_again_changes_nothing(capsys, loaded: str, tmp_path: Path) -> None:
    commands = tmp_path / "orders.jsonl"
    commands.write_text(
        "\n".join(
            [
                _line(
                    "CreateWorkOrder", number="WO-1", product="BRACKET-A", quantity="250", due="2026-03-04T14:00:00Z"
                ),
                "",
                _line("ReleaseWorkOrder", number="WO-1"),
            ]
        )
        + "\n"
    )
    code, out, _ = run(capsys, "replay", str(commands), "--database-url", loaded)
    first = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(o["line"], o["ok"], o["status"], o["replayed"]) for o in first] == [
        (1, True, "planned", False),
        (3, True, "released", False),
    ]

    code, out, _ = run(capsys, "replay", str(commands), "--database-url", loaded)
    again = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and all(o["replayed"] for o in again)
    assert [o["status"] for o in again] == ["planned", "released"]


def test_a_file_with_a_malformed_line_runs_nothing(capsys, loaded: str, tmp_path: Path) -> None:
    commands = tmp_path / "orders.jsonl"
    commands.write_text(
        _line("CreateWorkOrder", number="WO-1", product="BRACKET-A", quantity=5, due="2026-03-04T14:00:00Z")
        + "\n{not json\n"
        + _line("ReleaseWorkOrder", number="WO-1", colour="red")
        + "\n"
    )
    code, out, err = run(capsys, "replay", str(commands), "--database-url", loaded)
    outputs = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert [(o["line"], o["code"]) for o in outputs] == [(2, "invalid_input"), (3, "invalid_input")]
    assert "2 of 3 commands failed" in err
    assert "WorkOrderCreated" not in run(capsys, "events", "--database-url", loaded)[1]


def test_keep_going_reports_refusals_and_runs_the_rest(capsys, loaded: str, tmp_path: Path) -> None:
    commands = tmp_path / "orders.jsonl"
    commands.write_text(
        "\n".join(
            [
                _line("ReleaseWorkOrder", number="WO-404"),
                "[]",
                _line("CreateWorkOrder", number="WO-2", product="BRACKET-A", quantity=5, due="2026-03-04T14:00:00Z"),
            ]
        )
    )
    code, out, _ = run(capsys, "replay", str(commands), "--keep-going", "--database-url", loaded)
    outputs = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert [(o["line"], o["ok"]) for o in outputs] == [(1, False), (2, False), (3, True)]
    assert outputs[0]["message"] == "There is no work order WO-404."


def test_replay_of_a_missing_file(capsys, loaded: str) -> None:
    code, _, err = run(capsys, "replay", "/nonexistent/x.jsonl", "--database-url", loaded)
    assert code == 2 and "Cannot read /nonexistent/x.jsonl" in err


def test_replay_of_a_file_without_commands_says_so(capsys, loaded: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n  \n")
    code, out, err = run(capsys, "replay", str(empty), "--database-url", loaded)
    assert (code, out) == (2, "")
    assert f"There are no commands in {empty}." in err


def test_events_after_n(capsys, loaded: str, tmp_path: Path) -> None:
    commands = tmp_path / "c.jsonl"
    commands.write_text(
        _line("CreateWorkOrder", number="WO-1", product="BRACKET-A", quantity=5, due="2026-03-04T14:00:00Z")
    )
    run(capsys, "replay", str(commands), "--database-url", loaded)
    events = [json.loads(line) for line in run(capsys, "events", "--database-url", loaded)[1].splitlines()]
    last = events[-1]
    assert last["type"] == "WorkOrderCreated" and last["occurred_at"] == "2026-03-02T06:00:00Z"
    after = run(capsys, "events", "--after", str(events[-2]["id"]), "--database-url", loaded)[1].splitlines()
    assert [json.loads(line)["id"] for line in after] == [last["id"]]


def test_events_follow_prints_new_events_as_they_happen(loaded: str, tmp_path: Path) -> None:
    follower = subprocess.Popen(
        [sys.executable, "-m", "mes_terminal", "events", "--follow", "--poll", "0.05", "--database-url", loaded],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        commands = tmp_path / "c.jsonl"
        commands.write_text(
            _line("CreateWorkOrder", number="WO-F", product="BRACKET-A", quantity=5, due="2026-03-04T14:00:00Z")
        )
        assert main(["replay", str(commands), "--database-url", loaded]) == 0
        assert follower.stdout is not None
        seen = [json.loads(follower.stdout.readline())]
        while seen[-1]["type"] != "WorkOrderCreated":
            seen.append(json.loads(follower.stdout.readline()))
        assert seen[-1]["entity_id"] == "WO-F"
    finally:
        follower.terminate()
        follower.communicate(timeout=10)


def test_demo_is_created_once(capsys) -> None:
    code, out, err = run(capsys, "demo", "--no-window")
    assert code == 0, err
    assert "Created the demo database" in out and "released" in out and "on hold" in out
    assert "History: " in out and "past shifts of line L1" in out  # a few days for the reports
    code, out, _ = run(capsys, "demo", "--no-window")
    assert code == 0 and "already exists with " in out and "work orders; nothing was changed" in out


def test_after_the_demo_every_command_opens_its_database_with_no_url_given(capsys, tmp_path: Path) -> None:
    demo_file = tmp_path / "data" / "mes-terminal" / "mes.sqlite"  # the default database (XDG_DATA_HOME)
    assert run(capsys, "demo", "--no-window")[0] == 0
    assert demo_file.exists()

    code, out, _ = run(capsys, "config", "show", "--json")
    assert code == 0 and json.loads(out)["database_url"] == {"value": f"sqlite:///{demo_file}", "source": "default"}
    code, out, err = run(capsys, "db", "check")
    assert code == 0 and "database at head" in out, err
    code, out, err = run(capsys, "doctor")
    database_line = next(line for line in out.splitlines() if " database " in line)
    assert database_line.split()[0] == "ok" and str(demo_file) in database_line, out + err
    today = datetime.now(UTC).date()
    code, out, err = run(
        capsys, "report", "oee", "--from", f"{today - timedelta(days=14)}", "--to", f"{today + timedelta(days=1)}"
    )
    assert code == 0, err
    assert json.loads(out)["good_count"] > 0  # the demo's history, not an empty database


def test_the_demo_never_writes_into_a_database_that_holds_another_plant(capsys, loaded: str) -> None:
    before = run(capsys, "events", "--database-url", loaded)[1]
    code, out, err = run(capsys, "demo", "--no-window", "--database-url", loaded)
    assert code == 2 and out == ""
    assert "holds another plant" in err and "mes-terminal demo --database-url sqlite:///" in err
    assert run(capsys, "events", "--database-url", loaded)[1] == before


def test_with_no_database_yet_every_command_says_what_to_type(capsys, tmp_path: Path) -> None:
    demo_file = tmp_path / "data" / "mes-terminal" / "mes.sqlite"
    for argv in (["db", "check"], ["report", "oee", "--from", "2026-01-01", "--to", "2026-02-01"]):
        code, _, err = run(capsys, *argv)
        assert code == 3 and f"There is no database file at {demo_file}" in err
        assert "run 'mes-terminal demo';" in err and "'mes-terminal db upgrade' and then" in err
    elsewhere = tmp_path / "plant.sqlite"
    code, _, err = run(capsys, "db", "check", "--database-url", f"sqlite:///{elsewhere}")
    assert code == 3 and f"'mes-terminal demo --database-url sqlite:///{elsewhere}'" in err


def test_the_installed_command_runs() -> None:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mes-terminal"), "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("mes-terminal ")


def test_terminal_settings_are_checked_and_shown(capsys, tmp_path: Path) -> None:
    settings = tmp_path / "config" / "mes-terminal" / "settings.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text("[terminal]\ninactivity_minutes = 10\nscanner_url = 'socket://127.0.0.1:7000'\n")
    code, out, _ = run(capsys, "config", "show", "--json")
    shown = json.loads(out)
    assert code == 0
    assert shown["terminal.inactivity_minutes"]["value"] == 10.0
    assert shown["terminal.scanner_url"]["value"] == "socket://127.0.0.1:7000"

    settings.write_text("[terminal]\npin_attempts = 0\n")
    code, _, err = run(capsys, "config", "show")
    assert code == 2 and "'terminal.pin_attempts' must be a whole number from 1 to 100, not 0" in err
    settings.write_text("[terminal]\nsound = true\n")
    assert "unknown key 'terminal.sound'" in run(capsys, "config", "show")[2]
