"""Properties of GS1 element strings: what we encode reads back the same, and no input breaks the parser."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from mes_terminal.domain.gs1 import (
    GS,
    ElementString,
    Gs1Error,
    check_digit,
    encode_digital_link,
    encode_element_string,
    format_gs1_date,
    human_readable,
    order_for_encoding,
    parse_element_string,
    parse_gs1_scan,
)
from mes_terminal.domain.gs1_digital_link import parse_digital_link
from mes_terminal.domain.gs1_rules import CSET_82
from mes_terminal.services.gs1_dictionary import default_gs1_dictionary

TODAY = date(2026, 3, 2)
DICTIONARY = default_gs1_dictionary()  # read once per process by the loader anyway
CSET_82_TEXT = "".join(sorted(CSET_82))
# GS1's century rule places two-digit years within 49 years before and 50 after today.
DATES = st.dates(min_value=date(TODAY.year - 49, 1, 1), max_value=date(TODAY.year + 50, 12, 31))

gtins = st.text("0123456789", min_size=13, max_size=13).map(lambda digits: digits + str(check_digit(digits)))
lots = st.text(CSET_82_TEXT, min_size=1, max_size=20)


@st.composite
def lot_label_pairs(draw: st.DrawFn) -> list[tuple[str, str]]:
    """A GTIN with any of lot, serial, dates, count and net weight, in any order."""
    pairs = [("01", draw(gtins))]
    optional = {
        "10": lots,
        "21": lots,
        "11": DATES.map(format_gs1_date),
        "17": DATES.map(format_gs1_date),
        "30": st.integers(0, 99_999_999).map(str),
        f"310{draw(st.integers(0, 5))}": st.text("0123456789", min_size=6, max_size=6),
    }
    for ai, values in optional.items():
        if draw(st.booleans()):
            pairs.append((ai, draw(values)))
    return draw(st.permutations(pairs))


@given(lot_label_pairs())
def test_what_is_encoded_reads_back_the_same(pairs: list[tuple[str, str]]) -> None:
    data = encode_element_string(pairs, DICTIONARY, today=TODAY)
    assert not data.startswith(GS) and not data.endswith(GS)
    scan = parse_element_string(data, DICTIONARY, today=TODAY)
    assert list(scan.pairs) == pairs
    values = dict(pairs)
    assert (scan.gtin, scan.lot, scan.serial) == (values["01"], values.get("10"), values.get("21"))
    if "17" in values:
        assert scan.expiry_date is not None and format_gs1_date(scan.expiry_date) == values["17"]
    if "30" in values:
        assert scan.count == int(values["30"])
    weight = next(((ai, v) for ai, v in pairs if ai.startswith("310")), None)
    if weight is not None:
        assert scan.net_weight_kg == Decimal(int(weight[1])) / 10 ** int(weight[0][3])


@given(lot_label_pairs())
def test_fixed_length_first_reads_back_and_is_never_longer(pairs: list[tuple[str, str]]) -> None:
    ordered = order_for_encoding(pairs, DICTIONARY)
    data = encode_element_string(ordered, DICTIONARY, today=TODAY)
    assert list(parse_element_string(data, DICTIONARY, today=TODAY).pairs) == ordered
    assert len(data) <= len(encode_element_string(pairs, DICTIONARY, today=TODAY))
    assert sorted(ordered) == sorted(pairs)


@given(lot_label_pairs().filter(lambda pairs: all("(" not in value for _, value in pairs)))
def test_the_human_readable_line_reads_back_the_same(pairs: list[tuple[str, str]]) -> None:
    assert list(parse_element_string(human_readable(pairs), DICTIONARY, today=TODAY).pairs) == pairs


@given(lot_label_pairs(), st.sampled_from(["]C1", "]d2", "]Q3", "]e0", "", GS]))
def test_scanner_prefixes_do_not_change_the_data(pairs: list[tuple[str, str]], prefix: str) -> None:
    data = prefix + encode_element_string(pairs, DICTIONARY, today=TODAY) + "\r\n"
    assert list(parse_element_string(data, DICTIONARY, today=TODAY).pairs) == pairs


def _parses_or_refuses(raw: str | bytes) -> ElementString | None:
    try:
        return parse_element_string(raw, DICTIONARY, today=TODAY)
    except Gs1Error as error:
        assert error.message and error.code == "gs1_invalid"
        return None


def _reads_back_when_accepted(scan: ElementString | None) -> None:
    # Anything the parser accepts, the encoder accepts too, and it reads back the same.
    if scan is not None:
        data = encode_element_string(scan.pairs, DICTIONARY, today=TODAY)
        assert parse_element_string(data, DICTIONARY, today=TODAY).pairs == scan.pairs


@given(st.text())
@example("")
@example("(")
@example("]")
@example("01")
@example("\x1d\x1d")
def test_any_text_is_read_or_refused_with_a_gs1_error(raw: str) -> None:
    _reads_back_when_accepted(_parses_or_refuses(raw))


@given(st.binary())
def test_any_bytes_are_read_or_refused_with_a_gs1_error(raw: bytes) -> None:
    _reads_back_when_accepted(_parses_or_refuses(raw))


# Text close to GS1 data reaches the deeper rules: AI lookup, lengths, dates, separators, brackets.
gs1ish = st.text("0123456789\x1d()\\ABCa-]dCQ13e", max_size=60)


@given(gs1ish)
def test_text_close_to_gs1_is_read_or_refused_with_a_gs1_error(raw: str) -> None:
    _reads_back_when_accepted(_parses_or_refuses(raw))


@given(lot_label_pairs(), st.data())
def test_damaged_labels_are_read_or_refused_with_a_gs1_error(pairs: list[tuple[str, str]], data: st.DataObject) -> None:
    text = encode_element_string(pairs, DICTIONARY, today=TODAY)
    position = data.draw(st.integers(0, len(text)))
    damage = data.draw(st.sampled_from(["drop", "insert", "replace"]))
    character = data.draw(st.sampled_from(["0", "9", GS, "A", " ", "(", "é"]))
    if damage == "drop":
        text = text[:position] + text[position + 1 :]
    elif damage == "insert":
        text = text[:position] + character + text[position:]
    else:
        text = text[:position] + character + text[position + 1 :]
    _reads_back_when_accepted(_parses_or_refuses(text))


# --- GS1 Digital Link: the same pairs as the element string, whichever symbol carries them ------------------

domains = st.from_regex(r"\A[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?(\.[a-z]{2,6}){0,2}\Z")
stems = st.builds(
    lambda scheme, domain, path: f"{scheme}://{domain}{path}",
    st.sampled_from(["https", "http", "HTTPS", "Https"]),
    domains,
    st.sampled_from(["", "/p", "/shop/item", "/00/faux"]),
)
sscc = st.text("0123456789", min_size=17, max_size=17).map(lambda digits: digits + str(check_digit(digits)))
gln = st.text("0123456789", min_size=12, max_size=12).map(lambda digits: digits + str(check_digit(digits)))


@st.composite
def keyed_pairs(draw: st.DrawFn) -> list[tuple[str, str]]:
    """A lot label's pairs, or an SSCC with its content, or a location (414) with its extension (254)."""
    kind = draw(st.sampled_from(["gtin", "sscc", "gln"]))
    if kind == "gtin":
        return draw(lot_label_pairs())
    if kind == "sscc":
        pairs = [("00", draw(sscc))]
        if draw(st.booleans()):  # a pallet of one trade item: (02) GTIN of its content, (37) count, (10) lot
            pairs += [("02", draw(gtins)), ("37", str(draw(st.integers(0, 99_999_999)))), ("10", draw(lots))]
        return pairs
    pairs = [("414", draw(gln))]
    if draw(st.booleans()):
        pairs.append(("254", draw(st.text(CSET_82_TEXT, min_size=1, max_size=20))))
    return pairs


@given(keyed_pairs(), stems)
def test_pairs_written_as_a_digital_link_read_back_the_same(pairs: list[tuple[str, str]], stem: str) -> None:
    uri = encode_digital_link(pairs, DICTIONARY, today=TODAY, stem=stem)
    read = parse_gs1_scan(uri, DICTIONARY, today=TODAY)
    assert read.digital_link and sorted(read.pairs) == sorted(pairs)
    # ... and the same as the element string of those pairs reads
    element_string = parse_element_string(
        encode_element_string(pairs, DICTIONARY, today=TODAY), DICTIONARY, today=TODAY
    )
    assert sorted(element_string.pairs) == sorted(read.pairs)
    assert (read.gtin, read.lot, read.expiry_date) == (
        element_string.gtin,
        element_string.lot,
        element_string.expiry_date,
    )


def _link_parses_or_refuses(raw: str) -> None:
    try:
        pairs = parse_digital_link(raw, DICTIONARY, TODAY)
    except Gs1Error as error:
        assert error.message and error.code == "gs1_invalid"
        return
    # Anything read is valid GS1 data: it can be written as an element string and reads back the same.
    data = encode_element_string(pairs, DICTIONARY, today=TODAY)
    assert sorted(parse_element_string(data, DICTIONARY, today=TODAY).pairs) == sorted(pairs)


uri_text = st.text("0123456789/?&=%+#:.-_~!$'()*,;@[]AaBbFfz\x00 é", max_size=80)


@given(st.sampled_from(["https://a/", "http://id.gs1.org/01/09506000134352/", "HTTPS://x/00/", ""]), uri_text)
@example("https://a/", "01/09506000134352/10/%")
@example("https://a/", "01/09506000134352/10/%zz")
@example("https://a/", "01/09506000134352?17=%3")
@example("", "javascript:alert(1)")
@example("", "data:text/html,<script>")
def test_any_uri_is_read_or_refused_with_a_gs1_error(start: str, rest: str) -> None:
    _link_parses_or_refuses(start + rest)


@given(st.text())
def test_any_text_as_a_digital_link_is_read_or_refused_with_a_gs1_error(raw: str) -> None:
    _link_parses_or_refuses(raw)


@given(keyed_pairs(), st.data())
def test_damaged_digital_links_are_read_or_refused_with_a_gs1_error(
    pairs: list[tuple[str, str]], data: st.DataObject
) -> None:
    text = encode_digital_link(pairs, DICTIONARY, today=TODAY)
    position = data.draw(st.integers(0, len(text)))
    character = data.draw(st.sampled_from(["0", "/", "?", "&", "=", "%", "%2", "#", " ", "é", "\x00"]))
    _link_parses_or_refuses(text[:position] + character + text[position + 1 :])


@given(st.one_of(st.text(), st.builds(lambda rest: "https://a/" + rest, uri_text)))
def test_the_classifier_with_gs1s_dictionary_never_raises(raw: str) -> None:
    from mes_terminal.domain.scans import ScanKind, classify_scan

    scan = classify_scan(raw, gs1_dictionary=DICTIONARY)
    assert scan.kind is not ScanKind.UNKNOWN or scan.reason
