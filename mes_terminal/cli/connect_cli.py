"""`mes-terminal connect [--station S] [--seconds N]`: the machine connectors and the namespace publisher."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from mes_terminal.cli.common import EXIT_OK, application, print_json, say
from mes_terminal.domain.error_codes import CONFIGURATION
from mes_terminal.domain.errors import ConfigurationError


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    connect = sub.add_parser(
        "connect", parents=[data], help="machine signals in (MQTT, OPC UA, Modbus), events out to the plant's namespace"
    )
    connect.add_argument(
        "--station", metavar="S", help="only the signal sources of station S, and only its events published"
    )
    connect.add_argument("--seconds", type=float, metavar="N", help="stop after N seconds (default: until stopped)")
    connect.add_argument(
        "--store", metavar="FILE", help="the local queue of readings (default: in the user data directory)"
    )
    connect.set_defaults(run=_cmd_connect)


def default_store() -> Path:
    from mes_terminal.config import data_dir

    return data_dir() / "machine-signals.sqlite"


def _cmd_connect(args: argparse.Namespace) -> int:
    try:
        from mes_terminal.connectors.runner import connect
    except ImportError as error:  # the machines extra is not installed
        raise ConfigurationError(
            f"mes-terminal connect needs the machine libraries ({error.name}); install them with "
            "pip install 'mes-terminal[machines]'.",
            code=CONFIGURATION,
        ) from None
    if args.seconds is not None and args.seconds <= 0:
        raise ConfigurationError("--seconds must be above zero.", code=CONFIGURATION)
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())  # systemd stops the service this way
    app = application(args)
    try:
        summary = connect(
            app.engine,
            app.clock,
            Path(args.store) if args.store else default_store(),
            station=args.station,
            seconds=args.seconds,
            stop=stop,
        )
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        app.close()
    print_json(vars(summary))
    if summary.queued:
        say(f"{summary.queued} machine readings wait in the local queue for the database; they go out on the next run.")
    return EXIT_OK
