"""Settings: a TOML file in the user's config directory, overridden by environment, then by flags.

    ~/.config/mes-terminal/settings.toml       (the platform's user config directory)
        database_url = "postgresql://mes@db.plant.local/mes"
        station = "WS-01"
        locale = "de_DE"

Environment: MES_DATABASE_URL, MES_STATION, MES_LOCALE. Flags: --database-url (every command that
touches data), --station. Each effective value remembers where it came from (`config show`).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from mes_terminal.domain.errors import ConfigurationError

APP_NAME = "mes-terminal"

# setting name -> environment variable
ENVIRONMENT = {"database_url": "MES_DATABASE_URL", "station": "MES_STATION", "locale": "MES_LOCALE"}


def config_dir() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def settings_file() -> Path:
    return config_dir() / "settings.toml"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'mes.sqlite'}"


def demo_database_url() -> str:
    return f"sqlite:///{data_dir() / 'demo.sqlite'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    station: str | None = None
    locale: str = "en_US"
    # setting name -> where its value came from: "default", "file PATH", "environment VAR", "flag --x"
    sources: Mapping[str, str] = field(default_factory=dict)
    file: Path | None = None


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

    for name, value in _read_file(path).items():
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
    )


def _read_file(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigurationError(f"The settings file {path} is not valid TOML ({error}); fix or remove it.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigurationError(f"The settings file {path} cannot be read ({error}).") from None
    unknown = sorted(set(data) - set(ENVIRONMENT))
    if unknown:
        known = ", ".join(sorted(ENVIRONMENT))
        raise ConfigurationError(f"The settings file {path} has an unknown key '{unknown[0]}'; known keys: {known}.")
    for name, value in data.items():
        if not isinstance(value, str) or not value.strip():
            raise ConfigurationError(f"In the settings file {path}, '{name}' must be a non-empty text value.")
    return {name: value.strip() for name, value in data.items()}
