"""Writing the settings file: what the setup saves is what the next start reads, other keys kept."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.config import load_settings, save_settings, toml_string
from mes_terminal.domain.errors import ConfigurationError


@given(text=st.text())
def test_any_text_survives_as_a_toml_string(text: str) -> None:
    assert tomllib.loads(f"value = {toml_string(text)}")["value"] == text


def test_saved_settings_are_read_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(
        {
            "database_url": "postgresql://mes@db/mes",
            "station": "WS-01",
            "locale": "de_DE",
            "terminal": {"scanner_url": "/dev/ttyACM0", "scanner_baudrate": 115200, "scanner_terminator": "crlf"},
            "printer": {"label": "tcp://zebra-1"},
        },
        path,
    )
    settings = load_settings(environ={}, path=path)
    assert (settings.database_url, settings.station, settings.locale) == ("postgresql://mes@db/mes", "WS-01", "de_DE")
    assert settings.terminal == {
        "scanner_url": "/dev/ttyACM0",
        "scanner_baudrate": 115200,
        "scanner_terminator": "CRLF",
    }
    assert settings.printer == {"label": "tcp://zebra-1:9100"}


def test_saving_again_keeps_other_keys_and_removes_none(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('station = "WS-01"\n[terminal]\ninactivity_minutes = 5\nscanner_url = "COM3"\n', encoding="utf-8")
    save_settings({"station": "WS-02", "terminal": {"scanner_url": None}}, path)
    settings = load_settings(environ={}, path=path)
    assert settings.station == "WS-02"
    assert settings.terminal == {"inactivity_minutes": 5.0}


def test_a_bad_value_never_reaches_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings({"station": "WS-01"}, path)
    with pytest.raises(ConfigurationError, match="terminator"):
        save_settings({"terminal": {"scanner_terminator": "NUL"}}, path)
    assert load_settings(environ={}, path=path).terminal == {}
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]


def test_an_unknown_printer_key_is_refused_on_reading(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[printer]\ntraveler = "pdf:/tmp"\n', encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"printer\.traveler"):
        load_settings(environ={}, path=path)


@given(
    url=st.sampled_from(["sqlite:////var/lib/mes/mes.sqlite", "postgresql://mes@db/mes", "mysql://db", ""]),
    station=st.one_of(st.none(), st.sampled_from(["WS-01", "Presse 3"])),
    port=st.one_of(st.none(), st.sampled_from(["/dev/ttyACM0", "COM3"]), st.text(max_size=20)),
    baud=st.one_of(st.sampled_from(["9600", " 115200 "]), st.text(max_size=10)),
    terminator=st.one_of(st.sampled_from(["CR", "crlf", "ETX"]), st.text(max_size=6)),
    printer=st.one_of(st.none(), st.sampled_from(["tcp://zebra", "pdf:/srv/labels"]), st.text(max_size=30)),
)
def test_whatever_the_setup_accepts_is_saved_and_read_back(url, station, port, baud, terminator, printer) -> None:
    import tempfile

    from mes_terminal.domain.errors import InvalidInput
    from mes_terminal.domain.setup_fields import SetupChoices, settings_changes

    choices = SetupChoices(url, station, "de_DE", port, baud, terminator, printer)
    try:
        changes = settings_changes(choices)
    except InvalidInput:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = save_settings(changes, Path(folder) / "settings.toml")
        settings = load_settings(environ={}, path=path)
    assert settings.database_url == url.strip()
    assert settings.station == station
    assert settings.terminal.get("scanner_url") == changes["terminal"]["scanner_url"]
    assert settings.printer.get("label") == changes["printer"]["label"]
