"""`mes-terminal supervisor`: the supervisor console, over the shared database (schema at head)."""

from __future__ import annotations

import argparse
from typing import Any

from mes_terminal.cli.common import application


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    supervisor = sub.add_parser("supervisor", parents=[data], help="the supervisor console")
    # A start-up check (installers): exit 0 once the console has been painted.
    supervisor.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    supervisor.set_defaults(run=_cmd_supervisor)


def _cmd_supervisor(args: argparse.Namespace) -> int:
    from mes_terminal.cli.print_cli import print_service
    from mes_terminal.services.supervisor import SupervisorService

    app = application(args)  # refuses a schema that is not at head, with the command to run
    try:
        # Printing with every transport, the system's printers too, and the settings' label printer.
        service = SupervisorService(
            app.engine,
            app.bus,
            app.clock,
            printing=print_service(app),
            label_printer=app.settings.printer.get("label"),
        )
        from mes_terminal.ui.supervisor.launch import run_supervisor

        return run_supervisor(service, app.settings.locale, exit_when_ready=getattr(args, "exit_when_ready", False))
    finally:
        app.close()
