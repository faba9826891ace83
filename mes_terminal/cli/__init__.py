"""The `mes-terminal` command (INTERFACES.md §3).

Exit codes: 0 success, 2 bad usage or input, 3 database schema not at head, 1 other failures.
Errors go to standard error as one plain sentence; set MES_DEBUG=1 to see a traceback as well.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from mes_terminal import __version__
from mes_terminal.cli import (
    audit_cli,
    backup_cli,
    conflicts_cli,
    connect_cli,
    doctor_cli,
    erp_cli,
    print_cli,
    report_cli,
    scan_cli,
    schedule_cli,
    setup_cli,
    spc_cli,
    supervisor_cli,
    trace_cli,
)
from mes_terminal.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    application,
    print_json,
    say,
    settings_from,
)
from mes_terminal.domain.error_codes import REPLAY_EMPTY
from mes_terminal.domain.errors import InvalidInput, MesError


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(args) or EXIT_OK)
    except MesError as error:
        say(error.message)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the last line of defence: one sentence, never a traceback
        if os.environ.get("MES_DEBUG"):
            traceback.print_exc()
        say(f"Unexpected failure ({type(error).__name__}: {error}). Run again with MES_DEBUG=1 and report it.")
        return EXIT_FAILURE


def _cmd_config_show(args: argparse.Namespace) -> int:
    from mes_terminal.config import settings_file
    from mes_terminal.db.engine import safe_url

    settings = settings_from(args)
    values = {"database_url": safe_url(settings.database_url), "station": settings.station, "locale": settings.locale}
    if args.json:
        shown = {name: {"value": value, "source": settings.sources[name]} for name, value in values.items()}
        shown.update(
            {
                f"terminal.{name}": {"value": value, "source": f"file {settings.file}"}
                for name, value in settings.terminal.items()
            }
        )
        shown.update(
            {
                f"printer.{name}": {"value": value, "source": f"file {settings.file}"}
                for name, value in settings.printer.items()
            }
        )
        print_json(shown)
        return EXIT_OK
    print(f"settings file: {settings_file()}{'' if settings.file else ' (not present)'}")
    for name, value in values.items():
        print(f"{name} = {value if value is not None else '(not set)'}    [{settings.sources[name]}]")
    for name, value in settings.terminal.items():
        print(f"terminal.{name} = {value}    [file {settings.file}]")
    for name, value in settings.printer.items():
        print(f"printer.{name} = {value}    [file {settings.file}]")
    return EXIT_OK


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from mes_terminal.db import migrate

    app = application(args, require_schema=False, create=True)
    try:
        before = migrate.current_revision(app.engine)
        migrate.upgrade(app.engine)
        after = migrate.current_revision(app.engine)
    finally:
        app.close()
    print(f"database at revision {after}" + (" (unchanged)" if before == after else f" (was {before or 'empty'})"))
    return EXIT_OK


def _cmd_db_check(args: argparse.Namespace) -> int:
    from mes_terminal.db import migrate

    app = application(args, require_schema=False)
    try:
        migrate.require_head(app.engine)
        print(f"database at head ({migrate.head_revision()})")
    finally:
        app.close()
    return EXIT_OK


def _cmd_db_current(args: argparse.Namespace) -> int:
    from mes_terminal.db import migrate

    app = application(args, require_schema=False)
    try:
        current = migrate.current_revision(app.engine)
    finally:
        app.close()
    head = migrate.head_revision()
    print(f"{current or 'none'}" + (" (head)" if current == head else f" (head is {head})"))
    return EXIT_OK


def _cmd_db_roles(args: argparse.Namespace) -> int:
    from mes_terminal.db.engine import safe_url
    from mes_terminal.db.roles import check_role_name, grant_application_role

    role = check_role_name(args.app_role)
    password = None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if not password:
            raise InvalidInput(f"The environment variable {args.password_env} holds no password.")
    app = application(args)
    try:
        with app.engine.begin() as connection:
            created = grant_application_role(connection, role, password)
        url = app.engine.url.set(username=role, password=None)
    finally:
        app.close()
    print(f"role {role} {'created' if created else 'updated'}: reads and writes the plant's data, appends events,")
    print("never updates, deletes or truncates events or signatures (revoked, and refused by a trigger).")
    print(f"Terminals and consoles connect as: {safe_url(url)}")
    return EXIT_OK


# --- data ----------------------------------------------------------------------------------------


def _cmd_plant_load(args: argparse.Namespace) -> int:
    from mes_terminal.services.plant.loader import load_plant, read_plant_file

    definition = read_plant_file(args.file)  # checked whole before the database is touched
    app = application(args)
    try:
        summary = load_plant(app.engine, definition, now=app.clock.now())
    finally:
        app.close()
    print(summary.describe())
    return EXIT_OK


def _cmd_replay(args: argparse.Namespace) -> int:
    from mes_terminal.services.commands.replay import parse_lines, replay

    path = Path(args.file)
    try:
        with path.open("rb") as handle:
            parsed = parse_lines(handle)
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror or error}.") from None
    if not parsed:  # an empty export or the wrong file: saying "0 failed" would hide it
        raise InvalidInput(REPLAY_EMPTY.sentence(file=str(path)), code=REPLAY_EMPTY)
    app = application(args)
    failed = 0
    try:
        for output in replay(app.bus, parsed, keep_going=args.keep_going):
            failed += not output["ok"]
            print_json(output)
    finally:
        app.close()
    if failed:
        say(f'{failed} of {len(parsed)} commands failed; see the lines with "ok": false.')
        return EXIT_USAGE
    return EXIT_OK


def _cmd_events(args: argparse.Namespace) -> int:
    from mes_terminal.services.queries.event_feed import follow_events, read_events

    app = application(args)
    try:
        if args.follow:
            try:
                for event in follow_events(app.engine, after=args.after, poll_seconds=args.poll):
                    print_json(event.to_json())
            except KeyboardInterrupt:
                return EXIT_OK  # Ctrl-C is how one stops following
        else:
            after = args.after
            while batch := read_events(app.engine, after=after):
                for event in batch:
                    print_json(event.to_json())
                after = batch[-1].id
    finally:
        app.close()
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    """The demo goes into the database every other command opens (the default one unless configured)."""
    from mes_terminal.bootstrap import build
    from mes_terminal.services.demo.create import create_demo

    settings = settings_from(args)
    app = build(settings, require_schema=False, create=True)
    try:
        report = create_demo(app.engine, app.bus, app.clock)
    finally:
        app.close()
    print(report, flush=True)
    if args.no_window:
        return EXIT_OK
    if not _has_display():
        # Only a URL given as a flag needs repeating: the default, environment and settings file are found again.
        flag = f" --database-url {args.database_url}" if args.database_url else ""
        print(
            "There is no display here. Open the terminal under a virtual screen with:\n"
            f"  xvfb-run -a mes-terminal terminal --station {DEMO_STATION} --windowed{flag}"
        )
        return EXIT_OK
    args.database_url, args.station, args.windowed = settings.database_url, DEMO_STATION, True
    return _cmd_terminal(args)


DEMO_STATION = "WS-01"  # the demo's first station, where a job is running


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _cmd_terminal(args: argparse.Namespace) -> int:
    """Open the operator terminal for one station; schema and station are checked before any window."""
    from mes_terminal.cli import terminal_start

    if not setup_cli.ready_to_start(args):  # the first start without settings opens the station setup
        return EXIT_FAILURE
    settings = settings_from(args)
    if not settings.station:
        raise InvalidInput(
            "Name the station this terminal stands at: --station WS-01, MES_STATION, or 'station' in the settings file."
        )
    return terminal_start.run(
        settings, full_screen=not args.windowed, exit_when_ready=getattr(args, "exit_when_ready", False)
    )


# --- the parser ----------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mes-terminal", description="MES Terminal: operator terminals and supervisor console."
    )
    parser.add_argument("--version", action="version", version=f"mes-terminal {__version__}")
    sub = parser.add_subparsers(metavar="COMMAND")

    data = argparse.ArgumentParser(add_help=False)
    data.add_argument("--database-url", metavar="URL", help="the database (else MES_DATABASE_URL, the settings file)")

    config = sub.add_parser("config", help="settings").add_subparsers(metavar="ACTION", required=True)
    show = config.add_parser("show", parents=[data], help="the effective settings and where each came from")
    show.add_argument("--json", action="store_true", help="as one JSON object")
    show.set_defaults(run=_cmd_config_show)

    db = sub.add_parser("db", help="the database schema").add_subparsers(metavar="ACTION", required=True)
    db.add_parser("upgrade", parents=[data], help="migrate the schema to head").set_defaults(run=_cmd_db_upgrade)
    db.add_parser("check", parents=[data], help="exit 0 at head, else 3").set_defaults(run=_cmd_db_check)
    db.add_parser("current", parents=[data], help="print the schema revision").set_defaults(run=_cmd_db_current)
    roles = db.add_parser(
        "roles", parents=[data], help="PostgreSQL: the application role that cannot change the event log"
    )
    roles.add_argument("--app-role", default="mes_app", metavar="NAME", help="the role to create (default mes_app)")
    roles.add_argument("--password-env", metavar="VAR", help="set the role's password from this environment variable")
    roles.set_defaults(run=_cmd_db_roles)

    plant = sub.add_parser("plant", help="master data").add_subparsers(metavar="ACTION", required=True)
    load = plant.add_parser("load", parents=[data], help="load a plant file (TOML)")
    load.add_argument("file")
    load.set_defaults(run=_cmd_plant_load)

    replay = sub.add_parser("replay", parents=[data], help="execute commands from a JSON-lines file")
    replay.add_argument("file")
    replay.add_argument("--keep-going", action="store_true", help="go on after a failed line")
    replay.set_defaults(run=_cmd_replay)

    events = sub.add_parser("events", parents=[data], help="the event log as JSON lines")
    events.add_argument("--after", type=int, default=0, metavar="N", help="only events with an id above N")
    events.add_argument("--follow", action="store_true", help="keep printing new events as they happen")
    events.add_argument("--poll", type=float, default=0.5, help=argparse.SUPPRESS)
    events.set_defaults(run=_cmd_events)

    demo = sub.add_parser("demo", parents=[data], help="create the demo database once and open the application")
    demo.add_argument("--no-window", action="store_true", help="only create the demo database")
    demo.set_defaults(run=_cmd_demo)

    terminal = sub.add_parser("terminal", parents=[data], help="the operator terminal")
    terminal.add_argument("--station", metavar="CODE")
    terminal.add_argument("--windowed", action="store_true", help="a 1024x768 window instead of full screen")
    # A start-up check (installers, benchmarks): exit 0 once the station view has been painted.
    terminal.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    terminal.set_defaults(run=_cmd_terminal)
    supervisor_cli.register(sub, data)
    doctor_cli.register(sub, data)
    setup_cli.register(sub, data)
    trace_cli.register(sub, data)
    scan_cli.register(sub, data)
    connect_cli.register(sub, data)
    report_cli.register(sub, data)
    spc_cli.register(sub, data)
    print_cli.register(sub, data)
    erp_cli.register(sub, data)
    schedule_cli.register(sub, data)
    audit_cli.register(sub, data)
    conflicts_cli.register(sub, data)
    backup_cli.register(sub, data)
    return parser
