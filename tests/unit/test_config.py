"""The settings file: any content gives settings or one sentence naming the key, never a traceback."""

from __future__ import annotations

import contextlib
import math
from pathlib import Path

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from mes_terminal.config import TERMINAL_KEYS, default_database_file, load_settings, missing_database_sentence
from mes_terminal.domain.errors import ConfigurationError

values = st.one_of(st.text(max_size=20), st.integers(-5, 10**6), st.floats(), st.booleans())
keys = st.sampled_from(["database_url", "station", "locale", "colour"])
terminal = st.dictionaries(st.sampled_from([*TERMINAL_KEYS, "sound"]), values, max_size=4)


def test_defaults_file_environment_and_flags_in_order(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('station = "WS-01"\nlocale = "de_DE"\n[terminal]\npin_attempts = 5\n')
    result = load_settings(flags={"station": "WS-09"}, environ={"MES_LOCALE": "fr_FR"}, path=path)
    assert (result.station, result.locale, result.terminal) == ("WS-09", "fr_FR", {"pin_attempts": 5})
    assert result.sources == {
        "database_url": "default",
        "station": "flag --station",
        "locale": "environment MES_LOCALE",
    }


def test_with_nothing_configured_the_database_is_the_default_file(tmp_path: Path) -> None:
    result = load_settings(environ={}, path=tmp_path / "absent.toml")
    assert result.database_url == f"sqlite:///{default_database_file()}"
    assert result.sources["database_url"] == "default"


def test_a_missing_database_names_the_exact_commands(tmp_path: Path) -> None:
    default = missing_database_sentence(default_database_file())
    assert "run 'mes-terminal demo';" in default and "--database-url" not in default
    other = missing_database_sentence(tmp_path / "plant.sqlite")
    flag = f"--database-url sqlite:///{tmp_path / 'plant.sqlite'}"
    assert f"'mes-terminal demo {flag}'" in other and f"'mes-terminal db upgrade {flag}'" in other


@settings(max_examples=200)
@given(st.dictionaries(keys, values, max_size=4), st.none() | terminal)
def test_any_settings_file_gives_settings_or_a_sentence(tmp_path_factory, top: dict, table: dict | None) -> None:
    path = tmp_path_factory.mktemp("cfg") / "settings.toml"
    document = {**top, **({"terminal": table} if table is not None else {})}
    path.write_text(tomli_w.dumps(document))
    try:
        result = load_settings(environ={}, path=path)
    except ConfigurationError as refused:
        assert str(path) in refused.message and refused.message.endswith(".")
        return
    assert set(result.terminal) <= set(TERMINAL_KEYS)
    assert all(math.isfinite(v) for v in result.terminal.values() if isinstance(v, float))


@given(st.text(max_size=200))
def test_any_text_gives_settings_or_a_sentence(tmp_path_factory, text: str) -> None:
    path = tmp_path_factory.mktemp("cfg") / "settings.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(ConfigurationError):
        load_settings(environ={}, path=path)
