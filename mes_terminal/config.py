"""Settings: a TOML file in the user's config directory, overridden by environment, then by flags.

    ~/.config/mes-terminal/settings.toml       (the platform's user config directory)
        database_url = "postgresql://mes@db.plant.local/mes"
        station = "WS-01"
        locale = "de_DE"

        [terminal]                              # how this station's terminal behaves (all optional)
        inactivity_minutes = 30                 # no touch, key or scan this long signs everyone out; 0 = never
        pin_attempts = 3                        # wrong PINs in a row before the terminal makes people wait
        pin_lockout_seconds = 30
        wedge_max_gap_ms = 35                   # keystrokes closer than this, ending in Enter or Tab, are a scan
        scanner_url = "/dev/ttyACM0"            # a serial scanner: a port, COM3, socket://host:port
        scanner_baudrate = 9600
        scanner_terminator = "CR"               # the scanner's suffix: CR, LF, CRLF, TAB or ETX
        sounds = true
        print_label_on_complete = false         # print the output lot's label when the last operation completes
        label_digital_link = false              # lot labels printed here carry a GS1 Digital Link QR code
        camera = false                          # a Camera button: the station's camera reads barcodes
        offline_alarm_minutes = 15              # offline longer than this, the terminal says so loudly; 0 = never

        [printer]
        label = "tcp://10.1.2.3:9100"           # pdf:FOLDER, printer:NAME (system spooler) or tcp://HOST:9100

Environment: MES_DATABASE_URL, MES_STATION, MES_LOCALE. Flags: --database-url (every command that
touches data), --station. Each effective value remembers where it came from (`config show`).
"""

from __future__ import annotations

import math
import os
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from mes_terminal.domain.errors import ConfigurationError, InvalidInput
from mes_terminal.domain.setup_fields import parse_printer_target, parse_terminator

APP_NAME = "mes-terminal"

# setting name -> environment variable
ENVIRONMENT = {"database_url": "MES_DATABASE_URL", "station": "MES_STATION", "locale": "MES_LOCALE"}

# [terminal] keys -> (their type, the smallest and the largest value allowed)
TERMINAL_KEYS: dict[str, tuple[type, float | None, float | None]] = {
    "inactivity_minutes": (float, 0, 24 * 60),
    "pin_attempts": (int, 1, 100),
    "pin_lockout_seconds": (int, 0, 3600),
    "wedge_max_gap_ms": (float, 1, 1000),
    "scanner_url": (str, None, None),
    "scanner_baudrate": (int, 50, 4_000_000),
    "scanner_terminator": (str, None, None),
    "sounds": (bool, None, None),
    "print_label_on_complete": (bool, None, None),
    "label_digital_link": (bool, None, None),
    "camera": (bool, None, None),
    "offline_alarm_minutes": (float, 0, 7 * 24 * 60),
}
# [printer] keys; each a target as `parse_printer_target` reads it
PRINTER_KEYS = ("label",)


def config_dir() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def settings_file() -> Path:
    return config_dir() / "settings.toml"


def default_database_file() -> Path:
    """The one database every command opens when none is configured; `mes-terminal demo` fills it."""
    return data_dir() / "mes.sqlite"


def outbox_file(station: str) -> Path:
    """The station's outbox: the commands its terminal took and the database has not committed yet."""
    return data_dir() / "outbox" / f"{station}.sqlite"


def snapshot_file(station: str) -> Path:
    """The station as its terminal last read it, beside its outbox: what the terminal starts from offline."""
    return data_dir() / "outbox" / f"{station}.snapshot.json"


def default_database_url() -> str:
    return f"sqlite:///{default_database_file()}"


def missing_database_sentence(file: Path) -> str:
    """What to type when the SQLite file `file` does not exist; the same words from every command."""
    flag = "" if Path(file).expanduser() == default_database_file() else f" --database-url sqlite:///{file}"
    return (
        f"There is no database file at {file}. To try the demo plant there, run 'mes-terminal demo{flag}'; "
        f"for a plant, an administrator runs 'mes-terminal db upgrade{flag}' "
        f"and then 'mes-terminal plant load PLANT.toml{flag}'."
    )


@dataclass(frozen=True)
class Settings:
    database_url: str
    station: str | None = None
    locale: str = "en_US"
    # setting name -> where its value came from: "default", "file PATH", "environment VAR", "flag --x"
    sources: Mapping[str, str] = field(default_factory=dict)
    file: Path | None = None
    # The [terminal] table as given: only the keys the file sets, checked for type and range.
    terminal: Mapping[str, object] = field(default_factory=dict)
    # The [printer] table: printer role ("label") -> target text, checked.
    printer: Mapping[str, str] = field(default_factory=dict)


def load_settings(
    flags: Mapping[str, str | None] | None = None,
    environ: Mapping[str, str] | None = None,
    path: Path | None = None,
) -> Settings:
    """The effective settings: defaults < settings file < environment < flags."""
    environ = os.environ if environ is None else environ
    path = settings_file() if path is None else path
    values: dict[str, str | None] = {"database_url": default_database_url(), "station": None, "locale": "en_US"}
    sources = dict.fromkeys(values, "default")

    stored = _read_file(path)
    terminal = _terminal_table(stored.pop("terminal", {}), path)
    printer = _printer_table(stored.pop("printer", {}), path)
    for name, value in stored.items():
        values[name], sources[name] = value, f"file {path}"
    for name, variable in ENVIRONMENT.items():
        if environ.get(variable):
            values[name], sources[name] = environ[variable], f"environment {variable}"
    for name, value in (flags or {}).items():
        if value:
            values[name], sources[name] = value, f"flag --{name.replace('_', '-')}"

    return Settings(
        database_url=str(values["database_url"]),
        station=values["station"],
        locale=str(values["locale"]),
        sources=sources,
        file=path if path.exists() else None,
        terminal=terminal,
        printer=printer,
    )


def _read_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigurationError(f"The settings file {path} is not valid TOML ({error}); fix or remove it.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigurationError(f"The settings file {path} cannot be read ({error}).") from None
    unknown = sorted(set(data) - set(ENVIRONMENT) - {"terminal", "printer"})
    if unknown:
        known = ", ".join([*sorted(ENVIRONMENT), "[terminal]", "[printer]"])
        raise ConfigurationError(f"The settings file {path} has an unknown key '{unknown[0]}'; known keys: {known}.")
    tables: dict[str, Any] = {name: data.pop(name) for name in ("terminal", "printer") if name in data}
    for name, value in data.items():
        if not isinstance(value, str) or not value.strip():
            raise ConfigurationError(f"In the settings file {path}, '{name}' must be a non-empty text value.")
    return {**{name: value.strip() for name, value in data.items()}, **tables}


def _terminal_table(table: object, path: Path) -> dict[str, object]:
    if not isinstance(table, dict):
        raise ConfigurationError(f"In the settings file {path}, 'terminal' must be a table: [terminal].")
    checked: dict[str, object] = {}
    for name, value in table.items():
        if name not in TERMINAL_KEYS:
            known = ", ".join(TERMINAL_KEYS)
            raise ConfigurationError(f"The settings file {path} has an unknown key 'terminal.{name}'; known: {known}.")
        kind, minimum, maximum = TERMINAL_KEYS[name]
        fits = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value, fits = float(value), True
        if isinstance(value, float) and not math.isfinite(value):
            fits = False
        out_of_range = fits and minimum is not None and not minimum <= value <= maximum
        if not fits or out_of_range or (kind is str and not str(value).strip()):
            wanted = {int: "a whole number", float: "a number", str: "a text value", bool: "true or false"}[kind]
            within = f" from {minimum:g} to {maximum:g}" if minimum is not None else ""
            raise ConfigurationError(
                f"In the settings file {path}, 'terminal.{name}' must be {wanted}{within}, not {value!r}."
            )
        if name == "scanner_terminator":
            value = _checked(parse_terminator, value, path, f"terminal.{name}")
        checked[name] = value
    return checked


def _printer_table(table: object, path: Path) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigurationError(f"In the settings file {path}, 'printer' must be a table: [printer].")
    checked: dict[str, str] = {}
    for name, value in table.items():
        if name not in PRINTER_KEYS:
            known = ", ".join(PRINTER_KEYS)
            raise ConfigurationError(f"The settings file {path} has an unknown key 'printer.{name}'; known: {known}.")
        if not isinstance(value, str):
            raise ConfigurationError(f"In the settings file {path}, 'printer.{name}' must be a text value.")
        checked[name] = _checked(parse_printer_target, value, path, f"printer.{name}").text
    return checked


def _checked(parse: Any, value: str, path: Path, key: str) -> Any:
    try:
        return parse(value)
    except InvalidInput as error:
        raise ConfigurationError(f"In the settings file {path}, '{key}': {error.message}") from None


# --- writing ---------------------------------------------------------------------------------------


def save_settings(changes: Mapping[str, Any], path: Path | None = None) -> Path:
    """Merge `changes` into the settings file and write it atomically; returns the file's path.

    `changes` holds top-level values and the tables "terminal" and "printer" as mappings; a value of
    None removes that key. Other keys already in the file are kept. The result is checked by the same
    rules as `load_settings` before it replaces the file, so a bad value never lands on disk.
    """
    path = settings_file() if path is None else path
    merged = _read_raw(path)
    for name, value in changes.items():
        if isinstance(value, Mapping):
            table = dict(merged.get(name) or {})
            table.update(value)
            merged[name] = {key: item for key, item in table.items() if item is not None}
            if not merged[name]:
                del merged[name]
        elif value is None:
            merged.pop(name, None)
        else:
            merged[name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(toml_text(merged))
            out.flush()
            os.fsync(out.fileno())
        load_settings(environ={}, path=Path(temporary))  # the same checks as at start
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _read_raw(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}  # an unreadable file is replaced by what the administrator just entered


def toml_text(data: Mapping[str, Any]) -> str:
    """`data` as TOML: top-level values first, then one [table] per mapping (strings, numbers, booleans)."""
    lines = [f"{key} = {_toml_value(value)}" for key, value in data.items() if not isinstance(value, Mapping)]
    for name, table in data.items():
        if isinstance(table, Mapping):
            lines += ["", f"[{name}]", *(f"{key} = {_toml_value(value)}" for key, value in table.items())]
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return toml_string(str(value))


def toml_string(text: str) -> str:
    """A TOML basic string: quotes and backslashes escaped, every control character as \\uXXXX."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(f"\\u{ord(ch):04X}" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in escaped) + '"'
