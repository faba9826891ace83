"""The station setup's fields: any text either parses to a usable value or is refused in one sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.setup_fields import (
    MAX_BAUDRATE,
    MIN_BAUDRATE,
    TERMINATORS,
    PrinterTarget,
    parse_baudrate,
    parse_database_url,
    parse_printer_target,
    parse_serial_port,
    parse_terminator,
    terminator_bytes,
)

PARSERS = [parse_database_url, parse_baudrate, parse_serial_port, parse_terminator, parse_printer_target]


@pytest.mark.parametrize("parse", PARSERS)
@given(text=st.text(max_size=80))
def test_any_text_parses_or_is_refused_with_a_sentence(parse, text: str) -> None:
    try:
        parse(text)
    except InvalidInput as error:
        assert error.message.endswith(".")
        assert "\n" not in error.message


@given(rate=st.integers(MIN_BAUDRATE, MAX_BAUDRATE), pad=st.sampled_from(["", " ", "\t"]))
def test_baud_rates_in_range_are_read_back(rate: int, pad: str) -> None:
    assert parse_baudrate(f"{pad}{rate}{pad}") == rate


@pytest.mark.parametrize("text", ["", "9600.0", "-9600", "49", "4000001", "9 600", "٩٦٠٠"])
def test_baud_rates_out_of_range_or_not_digits_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_baudrate(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sqlite:////var/lib/mes/mes.sqlite", "sqlite:////var/lib/mes/mes.sqlite"),
        ("  postgresql://mes@db.plant.local/mes ", "postgresql://mes@db.plant.local/mes"),
        ("postgresql+psycopg://mes:secret@10.0.0.5:5432/mes", "postgresql+psycopg://mes:secret@10.0.0.5:5432/mes"),
    ],
)
def test_database_urls_of_the_right_shape_are_kept(text: str, expected: str) -> None:
    assert parse_database_url(text) == expected


@pytest.mark.parametrize(
    "text", ["", "mysql://db/mes", "sqlite://", "sqlite:///:memory:", "postgresql://", "postgresql://db/ mes"]
)
def test_database_urls_of_the_wrong_shape_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_database_url(text)


@pytest.mark.parametrize("text", ["/dev/ttyACM0", "COM3", "socket://10.0.0.9:4001", "loop://"])
def test_serial_ports_and_pyserial_urls_are_kept(text: str) -> None:
    assert parse_serial_port(text) == text


def test_an_unknown_serial_scheme_is_refused() -> None:
    with pytest.raises(InvalidInput, match="unknown scheme"):
        parse_serial_port("http://scanner")


@given(name=st.sampled_from(list(TERMINATORS)), lower=st.booleans())
def test_terminator_names_in_any_case_give_their_bytes(name: str, lower: bool) -> None:
    assert parse_terminator(name.lower() if lower else name) == name
    assert terminator_bytes(name) == TERMINATORS[name]


def test_cr_plus_lf_is_crlf() -> None:
    assert parse_terminator("CR + LF") == "CRLF"


@given(
    target=st.one_of(
        st.builds(
            PrinterTarget,
            st.just("tcp"),
            st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z][a-z0-9-]{0,10}){0,2}", fullmatch=True).filter(
                lambda h: not h.endswith("-")
            ),
            st.integers(1, 65535),
        ),
        st.builds(
            PrinterTarget,
            st.sampled_from(["pdf", "printer"]),
            st.text(min_size=1).map(str.strip).filter(lambda w: w and w.isprintable()),
        ),
    )
)
def test_printer_targets_survive_being_written_and_read_back(target: PrinterTarget) -> None:
    assert parse_printer_target(target.text) == target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tcp://zebra-3", PrinterTarget("tcp", "zebra-3", 9100)),
        ("TCP://10.1.2.3:6101/", PrinterTarget("tcp", "10.1.2.3", 6101)),
        ("tcp://[::1]:9100", PrinterTarget("tcp", "::1", 9100)),
        ("pdf:/srv/labels", PrinterTarget("pdf", "/srv/labels")),
        ("printer:Zebra ZT230", PrinterTarget("printer", "Zebra ZT230")),
    ],
)
def test_printer_targets_are_read(text: str, expected: PrinterTarget) -> None:
    assert parse_printer_target(text) == expected


@pytest.mark.parametrize(
    "text", ["", "zebra:9100", "tcp:zebra", "tcp://:9100", "tcp://zebra:0", "tcp://zebra:http", "pdf:", "printer: "]
)
def test_bad_printer_targets_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_printer_target(text)
