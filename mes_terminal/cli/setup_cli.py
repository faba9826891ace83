"""`mes-terminal setup`, and the first start of a terminal that has no settings yet.

A terminal is unconfigured when there is no settings file and neither flags nor environment name the
database or the station: then the setup dialog opens before the terminal (an administrator fills it in
once), and the terminal starts with what was saved.
"""

from __future__ import annotations

import argparse
from typing import Any

from mes_terminal.cli.common import EXIT_FAILURE, EXIT_OK, say, settings_from


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    setup = sub.add_parser(
        "setup", parents=[data], help="set up this station: database, station, scanner, printer, language"
    )
    setup.add_argument("--no-start", action="store_true", help="only save the settings; do not start the terminal")
    setup.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not open_setup(args):
        say("Setup cancelled; nothing was changed.")
        return EXIT_FAILURE
    settings = settings_from(argparse.Namespace(database_url=None, station=None))
    if args.no_start or not settings.station:
        print(f"settings saved to {settings.file}")
        return EXIT_OK
    from mes_terminal.cli import _cmd_terminal

    return _cmd_terminal(argparse.Namespace(database_url=None, station=None, windowed=False, exit_when_ready=False))


def needs_first_run(args: argparse.Namespace) -> bool:
    settings = settings_from(args)
    return settings.file is None and settings.station is None and settings.sources["database_url"] == "default"


def ready_to_start(args: argparse.Namespace) -> bool:
    """True when the terminal may start: configured already, or set up just now. False: setup cancelled."""
    if not needs_first_run(args):
        return True
    if not open_setup(args):
        say("This terminal is not set up yet: an administrator runs 'mes-terminal setup' (admin badge and PIN).")
        return False
    return True


def open_setup(args: argparse.Namespace) -> bool:
    """Show the setup dialog; True when the administrator saved."""
    from mes_terminal.bootstrap import connect
    from mes_terminal.config import settings_file
    from mes_terminal.domain.errors import InvalidInput
    from mes_terminal.services.plant.station_setup import StationSetupService
    from mes_terminal.ui.app import create_application
    from mes_terminal.ui.setup.dialog import SetupDialog

    if not _has_display():
        raise InvalidInput(
            "The station setup needs a screen. Run it on the station's display, or write the settings file by hand "
            f"({settings_file()}; see docs/install.md)."
        )
    create_application()
    service = StationSetupService(connect)
    return SetupDialog.ask(None, service, settings_from(args), settings_file()) is not None


def _has_display() -> bool:
    from mes_terminal.cli import _has_display as has_display

    return has_display()
