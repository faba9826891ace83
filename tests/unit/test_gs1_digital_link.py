"""GS1 Digital Link URIs read into the same (AI, value) pairs as element strings.

The tables follow the cases GS1's own syntax engine (gs1/gs1-syntax-engine, its Digital Link unit tests)
checks, written here as our own table; the rows marked "we accept more" or "we refuse more" are the
deliberate differences docs/scanning.md explains.
"""

from __future__ import annotations

from datetime import date

import pytest

from mes_terminal.domain.gs1 import (
    ElementString,
    Gs1Error,
    encode_digital_link,
    parse_element_string,
    parse_gs1_scan,
)
from mes_terminal.domain.gs1_dictionary import Gs1Dictionary
from mes_terminal.domain.gs1_digital_link import looks_like_digital_link, parse_digital_link
from mes_terminal.domain.scans import ScanKind, classify_scan
from mes_terminal.services.gs1_dictionary import default_gs1_dictionary

TODAY = date(2026, 12, 7)


@pytest.fixture(scope="module")
def gs1() -> Gs1Dictionary:
    return default_gs1_dictionary()


def read(uri: str, gs1: Gs1Dictionary) -> list[tuple[str, str]]:
    return parse_digital_link(uri, gs1, TODAY)


def refusal(uri: str, gs1: Gs1Dictionary) -> str:
    with pytest.raises(Gs1Error) as caught:
        read(uri, gs1)
    return caught.value.message


# --- what the syntax engine accepts, and the pairs it reads ------------------------------------------------

ACCEPTED = [
    # scheme: http, https, and their upper-case forms
    ("http://a/00/006141411234567890", [("00", "006141411234567890")]),
    ("HTTP://a/00/006141411234567890", [("00", "006141411234567890")]),
    ("https://a/00/006141411234567890", [("00", "006141411234567890")]),
    ("HTTPS://a/00/006141411234567890", [("00", "006141411234567890")]),
    ("https://a/01/12312312312333", [("01", "12312312312333")]),
    # any domain: punycode, a trailing dot, a port, IPv4 in several forms, IPv6
    ("https://xn--fsq.xn--0zwm56d/01/12312312312333", [("01", "12312312312333")]),
    ("https://a./01/12312312312333", [("01", "12312312312333")]),
    ("https://a:65535/01/12312312312333", [("01", "12312312312333")]),
    ("https://192.0.2.1/01/12312312312333", [("01", "12312312312333")]),
    ("https://0xC0.0xA8.0x01.0x01/01/12312312312333", [("01", "12312312312333")]),
    ("https://[2001:db8::1]/01/12312312312333", [("01", "12312312312333")]),
    # a path of the brand's own before the key; a fake AI in it is passed over
    ("https://a/stem/00/006141411234567890", [("00", "006141411234567890")]),
    ("https://a/more/stem/00/006141411234567890", [("00", "006141411234567890")]),
    ("https://a/00/faux/00/006141411234567890", [("00", "006141411234567890")]),
    # key qualifiers in their order, and the alternative sequence (235)
    (
        "https://a/01/12312312312333/22/TEST/10/ABC/21/XYZ",
        [("01", "12312312312333"), ("22", "TEST"), ("10", "ABC"), ("21", "XYZ")],
    ),
    ("https://a/01/12312312312333/235/TEST", [("01", "12312312312333"), ("235", "TEST")]),
    ("https://a/253/1231231231232", [("253", "1231231231232")]),
    ("https://a/253/1231231231232TEST5678901234567", [("253", "1231231231232TEST5678901234567")]),
    ("https://a/8018/123456789012345675/8019/123", [("8018", "123456789012345675"), ("8019", "123")]),
    ("https://id.gs1.org/414/9520123456788", [("414", "9520123456788")]),
    ("https://id.gs1.org/414/9520123456788/254/32a%2Fb", [("414", "9520123456788"), ("254", "32a/b")]),
    # query: empty, data attributes, separators to spare, other parameters and singletons ignored
    ("https://a/stem/00/006141411234567890?", [("00", "006141411234567890")]),
    ("https://a/stem/00/006141411234567890?99=ABC", [("00", "006141411234567890"), ("99", "ABC")]),
    ("https://a/stem/401/12345678?99=ABC", [("401", "12345678"), ("99", "ABC")]),
    ("https://a/01/12312312312333?&&&99=ABC&&&&&&98=XYZ&&&", [("01", "12312312312333"), ("99", "ABC"), ("98", "XYZ")]),
    (
        "https://a/01/12312312312333?singleton1&unknown1=555&99=ABC&singleton2&98=XYZ&unknown3=777",
        [("01", "12312312312333"), ("99", "ABC"), ("98", "XYZ")],
    ),
    # percent-escapes; "+" is itself in the path
    (
        "https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ%2f987",
        [("01", "12312312312333"), ("22", "ABC-123"), ("99", "ABC"), ("98", "XYZ/987")],
    ),
    ("https://a/01/12312312312333/22/ABC+123", [("01", "12312312312333"), ("22", "ABC+123")]),
    # a fragment is not data
    (
        "https://a/01/12312312312333/22/test/10/abc/21/xyz#fragment",
        [("01", "12312312312333"), ("22", "test"), ("10", "abc"), ("21", "xyz")],
    ),
    ("https://a/stem/00/006141411234567890?99=ABC#", [("00", "006141411234567890"), ("99", "ABC")]),
    # the Digital Link standard's own examples
    ("https://id.gs1.org/01/09520123456788/22/2A", [("01", "09520123456788"), ("22", "2A")]),
    (
        "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426",
        [("01", "09520123456788"), ("10", "ABC1"), ("21", "12345"), ("17", "180426")],
    ),
    ("https://id.gs1.org/01/09520123456788?3103=000195", [("01", "09520123456788"), ("3103", "000195")]),
    (
        "https://example.com/01/09520123456788?3103=000195&3922=0299&17=201225",
        [("01", "09520123456788"), ("3103", "000195"), ("3922", "0299"), ("17", "201225")],
    ),
    (
        "https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123",
        [("00", "952012345678912345"), ("02", "09520123456788"), ("37", "25"), ("10", "ABC123")],
    ),
    (
        "https://example.com/8004/9520614141234567?01=09520123456788",
        [("8004", "9520614141234567"), ("01", "09520123456788")],
    ),
    # (10) may be an attribute when the path took the other qualifier sequence
    (
        "https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123",
        [("01", "09520123456788"), ("235", "XYZ"), ("10", "ABC123")],
    ),
]


@pytest.mark.parametrize(("uri", "pairs"), ACCEPTED)
def test_digital_links_the_syntax_engine_accepts(gs1: Gs1Dictionary, uri: str, pairs: list[tuple[str, str]]) -> None:
    assert read(uri, gs1) == pairs


# --- what it refuses, and the sentence we give ------------------------------------------------------------

REFUSED = [
    ("", "not a web address"),
    ("ftp://a/01/12312312312333", "a ftp: address, not a GS1 Digital Link"),
    ("http://", "names no domain"),
    ("http:///01/12312312312333", "names no domain"),
    ("http://a", "holds no GS1 key"),
    ("http://a/", "holds no GS1 key"),
    ("http://a/b", "holds no GS1 key"),
    ("https://00/006141411234567890", "holds no GS1 key"),  # "00" is the domain here
    ("https://[fe80::1%25lo]/01/12312312312333", "domain of the web address contains '%'"),
    ("https://$a/01/12312312312333", "domain of the web address contains '$'"),
    ("https://a/gtin/12312312312333", "holds no GS1 key"),  # the deprecated short names are not read
    ("https://a/01/2112345678900", "AI (01) GTIN must be 14 digits long; found 13"),  # no zero-suppressed GTINs
    ("https://a/01/12312312312334", "check digit in AI (01) is wrong"),
    ("https://a/253/1231231231232TEST56789012345678", "AI (253) GDTI is too long"),
    ("https://a/01/12312312312333?99=", "AI (99) INTERNAL is empty in the web address"),
    ("https://a/01/12312312312333?99=ABC&999=faux", "AI (999) is not an application identifier"),
    ("https://a/01/12312312312333/22/ABC%2d123?98=XYZ+987", "contains a space"),  # "+" is a space in a query
    ("https://example.com/01/09520123456788?10=ABC123", "(10) BATCH/LOT belongs in the path"),
    ("https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&01=09520123456788", "appears twice"),
    ("https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&10=ABC123", "appears twice"),
    ("https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&99=XYZ789", "appears twice"),
    ("https://example.com/01/09520123456788/89/ABC123?99=XYZ", "holds no GS1 key"),  # (89) is no AI
    ("https://example.com/01/09520123456788?99=XYZ&89=ABC123", "AI (89) is not an application identifier"),
    ("https://a/01/12312312312333/21/X/10/Y", "may follow it only as (22), (10), (21) or (235), in that order"),
    ("https://a/00/006141411234567890/10/X", "AI (00) SSCC may not be followed by any AI"),
    ("https://a/01/12312312312333/10/A%00B", "holds a NUL character"),
    ("https://a/01/12312312312333?02=09520123456788", "may not be used together"),  # (01) with (02)
]


@pytest.mark.parametrize(("uri", "reason"), REFUSED)
def test_digital_links_the_syntax_engine_refuses(gs1: Gs1Dictionary, uri: str, reason: str) -> None:
    assert reason in refusal(uri, gs1)


# --- where we deliberately differ (docs/scanning.md) ---------------------------------------------------------


def test_we_accept_more_a_scheme_in_mixed_case(gs1: Gs1Dictionary) -> None:
    """RFC 3986 makes the scheme case-insensitive; the engine takes only all-lower or all-upper."""
    assert read("HtTpS://a/b/00/006141411234567890", gs1) == [("00", "006141411234567890")]


def test_we_accept_more_one_trailing_slash(gs1: Gs1Dictionary) -> None:
    """Web addresses are often written with a closing slash; the engine refuses it."""
    assert read("https://a/stem/00/006141411234567890/", gs1) == [("00", "006141411234567890")]
    assert read("https://a/01/12312312312333/10/ABC/?17=270531", gs1)[1] == ("10", "ABC")


@pytest.mark.parametrize("uri", ["https://a/01/12312312312333/10/ABC%2", "https://a/01/12312312312333/10/A%4gB"])
def test_we_refuse_more_a_percent_sign_that_starts_no_escape(gs1: Gs1Dictionary, uri: str) -> None:
    """The engine keeps such a '%' as a literal character; RFC 3986 says it is malformed, and a lot
    number read as 'A%4gB' would never match what the supplier meant."""
    assert "'%' that is not followed by two hexadecimal digits" in refusal(uri, gs1)


# --- the same lot whichever symbol carried it -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("element_string", "uri"),
    [
        ("]C1010950600013435210R-2612-04A\x1d17270531", "https://id.gs1.org/01/09506000134352/10/R-2612-04A?17=270531"),
        ("]d201095060001343521727053110ABC%2F1", "https://brand.example/01/09506000134352/10/ABC%252F1?17=270531"),
        ("(00)006141411234567890", "https://a/00/006141411234567890"),
    ],
)
def test_an_element_string_and_its_digital_link_read_alike(gs1: Gs1Dictionary, element_string: str, uri: str) -> None:
    from_string = parse_gs1_scan(element_string, gs1, today=TODAY)
    from_link = parse_gs1_scan(uri, gs1, today=TODAY)
    assert dict(from_string.pairs) == dict(from_link.pairs)
    assert (from_link.gtin, from_link.lot, from_link.expiry_date) == (
        from_string.gtin,
        from_string.lot,
        from_string.expiry_date,
    )
    assert from_link.digital_link and not from_string.digital_link


def test_a_digital_link_is_refused_with_the_element_strings_sentence(gs1: Gs1Dictionary) -> None:
    def message(raw: str) -> str:
        with pytest.raises(Gs1Error) as caught:
            parse_gs1_scan(raw, gs1, today=TODAY)
        return caught.value.message

    assert message("https://a/01/09506000134353/10/X") == message("]C1010950600013435310X")
    assert message("https://a/01/09506000134352/10/X?17=271331") == message("]C1010950600013435217271331\x1d10X")


def test_a_qr_symbology_identifier_in_front_is_dropped(gs1: Gs1Dictionary) -> None:
    scan = parse_gs1_scan("]Q1https://id.gs1.org/01/09506000134352/10/L1", gs1, today=TODAY)
    assert scan.pairs == (("01", "09506000134352"), ("10", "L1"))


def test_encoding_puts_the_key_and_its_qualifiers_in_the_path(gs1: Gs1Dictionary) -> None:
    pairs = [("17", "270531"), ("21", "S/1"), ("01", "09506000134352"), ("10", "R 1".replace(" ", "-")), ("30", "5")]
    uri = encode_digital_link(pairs, gs1, today=TODAY, stem="https://brand.example/p/")
    assert uri == "https://brand.example/p/01/09506000134352/10/R-1/21/S%2F1?17=270531&30=5"
    assert sorted(read(uri, gs1)) == sorted(pairs)


def test_encoding_refuses_what_cannot_be_a_digital_link(gs1: Gs1Dictionary) -> None:
    with pytest.raises(Gs1Error, match="needs a primary key"):
        encode_digital_link([("99", "ABC"), ("91", "X")], gs1, today=TODAY)
    with pytest.raises(Gs1Error, match="check digit"):
        encode_digital_link([("01", "09506000134353")], gs1, today=TODAY)
    with pytest.raises(Gs1Error, match="nothing to put"):
        encode_digital_link([], gs1, today=TODAY)


# --- hostile and malformed input ------------------------------------------------------------------------------


def test_a_very_long_uri_is_refused_without_reading_it(gs1: Gs1Dictionary) -> None:
    uri = "https://a/01/09506000134352?" + "&".join(["x=1"] * 5000)
    assert "characters long" in refusal(uri, gs1)
    assert not looks_like_digital_link(uri)


@pytest.mark.parametrize(
    "raw",
    [
        "javascript:alert(1)",
        "JavaScript://%0aalert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "vbscript:msgbox",
    ],
)
def test_other_schemes_are_never_gs1_and_are_named(raw: str) -> None:
    scan = classify_scan(raw)
    assert scan.kind is ScanKind.UNKNOWN and not scan.gs1
    assert scan.reason is not None and "links are never opened" in scan.reason


def test_a_plain_web_address_is_refused_with_a_sentence() -> None:
    scan = classify_scan("https://www.example.com/products/shoes?id=1")
    assert scan.kind is ScanKind.UNKNOWN
    assert scan.reason == (
        "Not a code MES Terminal knows: https://www.example.com/products/shoes?id=1 is a web address "
        "with no GS1 key such as /01/ in its path"
    )


@pytest.mark.parametrize(
    "raw",
    [
        "https://id.gs1.org/01/09506000134352/10/R-2612-04A?17=270531",
        "HTTP://brand.example/00/006141411234567890/",
        "]Q1https://id.gs1.org/414/9520123456788",
    ],
)
def test_digital_links_are_lot_scans_kept_whole_for_the_gs1_parser(raw: str) -> None:
    scan = classify_scan(raw + "\r\n")
    assert (scan.kind, scan.gs1) == (ScanKind.LOT, True)
    assert scan.gs1_data == raw.removeprefix("]Q1")


def test_an_element_string_scan_is_unchanged(gs1: Gs1Dictionary) -> None:
    raw = "]C1010950600013435210ABC"
    assert parse_gs1_scan(raw, gs1, today=TODAY) == parse_element_string(raw, gs1, today=TODAY)
    assert isinstance(parse_gs1_scan(raw, gs1, today=TODAY), ElementString)


# --- scan data as GS1's syntax engine reads it: the symbology identifier says what follows -------------------

SCAN_DATA = [
    # GS1 symbols: element strings, FNC1 as GS
    ("]Q3011231231231233310ABC123\x1d99TESTING", [("01", "12312312312333"), ("10", "ABC123"), ("99", "TESTING")]),
    ("]d2011231231231233310ABC123\x1d99TESTING", [("01", "12312312312333"), ("10", "ABC123"), ("99", "TESTING")]),
    ("]J1011231231231233310ABC123\x1d99TESTING", [("01", "12312312312333"), ("10", "ABC123"), ("99", "TESTING")]),
    ("]C1011231231231233310ABC123\x1d99TESTING", [("01", "12312312312333"), ("10", "ABC123"), ("99", "TESTING")]),
    (
        "]e0011231231231233310ABC123\x1d99TESTING\x1d98XYZ",
        [("01", "12312312312333"), ("10", "ABC123"), ("99", "TESTING"), ("98", "XYZ")],
    ),
    (
        "]e0011231231231233310ABC123\x1d1199122598TESTING\x1d97XYZ",
        [("01", "12312312312333"), ("10", "ABC123"), ("11", "991225"), ("98", "TESTING"), ("97", "XYZ")],
    ),
    # plain-text symbols carrying a Digital Link
    ("]Q1https://example.com/01/12312312312333?99=TEST", [("01", "12312312312333"), ("99", "TEST")]),
    ("]Q1HTTPS://example.com/01/12312312312333?99=TEST", [("01", "12312312312333"), ("99", "TEST")]),
    ("]d1https://example.com/01/12312312312333?99=TEST", [("01", "12312312312333"), ("99", "TEST")]),
    ("]J0https://example.com/01/12312312312333?99=TEST", [("01", "12312312312333"), ("99", "TEST")]),
    # we accept more: the mixed-case scheme the engine does not take as a Digital Link
    ("]Q1HtTps://example.com/01/12312312312333?99=TEST", [("01", "12312312312333"), ("99", "TEST")]),
]


@pytest.mark.parametrize(("raw", "pairs"), SCAN_DATA)
def test_scan_data_the_syntax_engine_reads_as_gs1(gs1: Gs1Dictionary, raw: str, pairs: list[tuple[str, str]]) -> None:
    scan = classify_scan(raw)
    assert (scan.kind, scan.gs1) == (ScanKind.LOT, True)
    assert list(parse_gs1_scan(scan.gs1_data or "", gs1, today=TODAY).pairs) == pairs


@pytest.mark.parametrize("raw", ["]Q3", "]d2", "]J1", "]e0", "]C1"])
def test_a_gs1_symbol_without_data_is_refused(gs1: Gs1Dictionary, raw: str) -> None:
    scan = classify_scan(raw)
    assert scan.kind is ScanKind.LOT and scan.gs1
    with pytest.raises(Gs1Error, match="holds no GS1 data"):
        parse_gs1_scan(scan.gs1_data or "", gs1, today=TODAY)


@pytest.mark.parametrize("raw", ["]Q1TESTING", "]d1TESTING", "]XX", "]X"])
def test_plain_text_symbols_that_are_no_digital_link_are_not_gs1(raw: str) -> None:
    assert classify_scan(raw).kind is ScanKind.UNKNOWN


@pytest.mark.parametrize(
    "raw",
    ["https://news.example/2024/05/story", "https://shop.example/p/123/45?x=1", "http://a/99/ABC", "https://a/01/"],
)
def test_with_gs1s_dictionary_only_a_path_reaching_a_gs1_key_is_a_digital_link(gs1: Gs1Dictionary, raw: str) -> None:
    scan = classify_scan(raw, gs1_dictionary=gs1)
    assert scan.kind is ScanKind.UNKNOWN
    assert scan.reason is not None and "is a web address with no GS1 key" in scan.reason


@pytest.mark.parametrize(
    "raw",
    [
        "https://a/01/09506000134353",  # a key, with a wrong check digit: read, then refused with its reason
        "https://brand.example/x/00/006141411234567890/",
        "https://a/01/09506000134352/10/L?17=270531#top",
    ],
)
def test_with_gs1s_dictionary_a_path_reaching_a_key_is_a_lot_scan(gs1: Gs1Dictionary, raw: str) -> None:
    assert classify_scan(raw, gs1_dictionary=gs1).kind is ScanKind.LOT
