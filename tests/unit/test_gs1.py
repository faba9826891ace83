"""GS1 element strings: GS1's dictionary, reading scans, refusing bad ones with a reason, writing labels."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from mes_terminal.domain.errors import ConfigurationError, InvalidInput
from mes_terminal.domain.gs1 import (
    GS,
    Gs1Dictionary,
    Gs1Error,
    check_digit,
    encode_element_string,
    format_gs1_date,
    human_readable,
    is_valid_gtin,
    order_for_encoding,
    parse_element_string,
)
from mes_terminal.domain.gs1_dictionary import ai_matches
from mes_terminal.domain.gs1_rules import gs1_year
from mes_terminal.paths import resources_dir
from mes_terminal.services import gs1_dictionary as loader
from mes_terminal.services.gs1_dictionary import default_gs1_dictionary

TODAY = date(2026, 3, 2)
SHARED_GS1 = Path(__file__).resolve().parents[2].parent / "shared" / "standards" / "gs1"
SHIPPED_GS1 = resources_dir() / "gs1"
# GS1's own example GTIN (prefix 950 is reserved for GS1's examples).
GTIN = "09506000134352"


@pytest.fixture(scope="module")
def gs1() -> Gs1Dictionary:
    return default_gs1_dictionary()


def parse(raw: str | bytes, gs1: Gs1Dictionary, **options: object) -> list[tuple[str, str]]:
    return list(parse_element_string(raw, gs1, today=TODAY, **options).pairs)  # type: ignore[arg-type]


def refusal(raw: str, gs1: Gs1Dictionary, **options: object) -> str:
    with pytest.raises(Gs1Error) as caught:
        parse_element_string(raw, gs1, today=TODAY, **options)  # type: ignore[arg-type]
    assert caught.value.code == "gs1_invalid"
    return caught.value.message


# --- GS1's dictionary -------------------------------------------------------------------------------


def test_the_shipped_dictionary_is_gs1s_file_unchanged() -> None:
    if not SHARED_GS1.is_dir():
        pytest.skip("the shared standards folder is not beside this checkout")
    for name in ("gs1-syntax-dictionary.txt", "gs1-syntax-dictionary.LICENSE"):
        assert (SHIPPED_GS1 / name).read_bytes() == (SHARED_GS1 / name).read_bytes(), name


def test_every_ai_the_dictionary_lists_is_recognised(gs1: Gs1Dictionary) -> None:
    text = (SHIPPED_GS1 / "gs1-syntax-dictionary.txt").read_text(encoding="utf-8")
    entries = [line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for entry in entries:
        first, _, last = entry.partition("-")
        assert first in gs1 and (last or first) in gs1, entry
    assert "3105" in gs1 and "3106" not in gs1
    assert all(ai in gs1 for ai in ("91", "95", "99"))
    assert "89" not in gs1 and "23" not in gs1


def test_the_ais_a_lot_label_uses_read_as_gs1_defines_them(gs1: Gs1Dictionary) -> None:
    gtin, lot, expiry, weight, count = (gs1.get(ai) for ai in ("01", "10", "17", "3102", "37"))
    assert gtin is not None and lot is not None and expiry is not None and weight is not None and count is not None
    assert (gtin.title, gtin.predefined_length, gtin.min_length, gtin.max_length) == ("GTIN", True, 14, 14)
    assert gtin.components[0].linters == ("csum", "gcppos2")
    assert gtin.excludes == ("255", "37")
    assert (lot.title, lot.needs_separator, lot.min_length, lot.max_length) == ("BATCH/LOT", True, 1, 20)
    assert lot.components[0].charset == "X"
    assert lot.requires == ((("01",), ("02",), ("03",), ("8006",), ("8026",)),)
    assert (expiry.label, expiry.components[0].linters) == ("AI (17) USE BY or EXPIRY", ("yymmd0",))
    assert (weight.title, weight.excludes) == ("NET WEIGHT (kg)", ("310n",))
    assert count.requires == ((("00", "02"), ("00", "8026")),)
    optional = gs1.get("253")
    assert optional is not None and [c.optional for c in optional.components] == [False, True]
    assert gs1.ai_length("31") == 4 and gs1.ai_length("23") == 3 and gs1.ai_length("89") is None


def test_the_dictionary_cannot_be_changed(gs1: Gs1Dictionary) -> None:
    with pytest.raises(TypeError):
        gs1.definitions["01"] = gs1.definitions["10"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("01  *?  Q14  # GTIN", "line 1: no data format for AI (01)"),
        ("3105-3100  *  N6", "line 1: the AI range '3105-3100' runs backwards"),
        ("12345  N1", "line 1: '12345' is not an AI"),
        ("10  X..20\n10  X..20", "line 2: AI (10) is defined twice"),
        ("01  *  N..14", "line 1: AI (01) is marked predefined-length but its length varies"),
        ("253  N..13 X5", "line 1: only the last component may vary in length"),
        ("31  N2\n3100  N6", "line 2: AIs starting 31 differ in length"),
        ("# only comments\n", "holds no AI"),
    ],
)
def test_a_malformed_dictionary_is_refused_naming_its_line(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match="GS1 dictionary") as caught:
        Gs1Dictionary.from_text(text)
    assert reason in str(caught.value)


def test_dictionary_patterns_match_digits_where_they_say_n() -> None:
    assert ai_matches("310n", "3102") and ai_matches("35nn", "3571") and ai_matches("01", "01")
    assert not ai_matches("310n", "3112") and not ai_matches("01", "010") and not ai_matches("310n", "310")


def test_the_loader_reads_the_file_once(gs1: Gs1Dictionary) -> None:
    assert default_gs1_dictionary() is gs1


def test_a_missing_dictionary_file_is_an_installation_fault(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(loader, "resources_dir", lambda: tmp_path)
    with pytest.raises(ConfigurationError, match=r"GS1 dictionary .* reinstall"):
        default_gs1_dictionary.__wrapped__()


# --- Check digits ---------------------------------------------------------------------------------


def test_check_digits_of_gs1s_example_numbers() -> None:
    assert check_digit(GTIN[:-1]) == 2
    assert check_digit("10614141234567890") == 8  # SSCC 106141412345678908
    assert is_valid_gtin(GTIN) and is_valid_gtin("95012345678903")
    assert not is_valid_gtin("09506000134353") and not is_valid_gtin("9506000134352")


# --- Reading: known answers -----------------------------------------------------------------------


def test_a_gs1_128_lot_label_with_gtin_expiry_and_lot(gs1: Gs1Dictionary) -> None:
    scan = parse_element_string(f"]C101{GTIN}1726123110ABC123", gs1, today=TODAY)
    assert scan.pairs == (("01", GTIN), ("17", "261231"), ("10", "ABC123"))
    assert (scan.gtin, scan.lot, scan.expiry_date, scan.symbology) == (GTIN, "ABC123", date(2026, 12, 31), "]C1")
    assert scan.serial is None and scan.production_date is None and scan.count is None and scan.net_weight_kg is None


def test_a_gs1_datamatrix_scan_with_gs1s_example_gtin(gs1: Gs1Dictionary) -> None:
    scan = parse_element_string("]d201095011015300031714070410AB-123", gs1, today=TODAY)
    assert (scan.gtin, scan.expiry_date, scan.lot) == ("09501101530003", date(2014, 7, 4), "AB-123")


@pytest.mark.parametrize("symbology", ["]C1", "]d2", "]Q3", "]e0"])
def test_gs1s_reference_scan_data_in_every_symbology(gs1: Gs1Dictionary, symbology: str) -> None:
    # The scan data GS1's syntax engine tests with: a fixed-length (01), then (10) ended by a GS.
    raw = f"{symbology}011231231231233310ABC123{GS}99TESTING"
    assert parse(raw, gs1) == [("01", "12312312312333"), ("10", "ABC123"), ("99", "TESTING")]


def test_the_bracketed_human_readable_form(gs1: Gs1Dictionary) -> None:
    scan = parse_element_string("(01)95012345678903(3103)000123(10)A1(11)211015(30)27", gs1, today=TODAY)
    assert scan.net_weight_kg == Decimal("0.123")
    assert (scan.production_date, scan.count, scan.lot) == (date(2021, 10, 15), 27, "A1")


def test_a_bracket_inside_a_value_is_escaped_in_the_bracketed_form(gs1: Gs1Dictionary) -> None:
    assert parse("(10)12345\\(11)991225", gs1, requisites=False) == [("10", "12345(11)991225")]
    # Without the escape a bracket starts the next AI, so this is no (17)990217.
    assert refusal("(17)9(90)217", gs1) == "AI (17) USE BY or EXPIRY must be 6 digits long; found 1."


def test_separators_scanners_add_are_accepted(gs1: Gs1Dictionary) -> None:
    expected = [("01", GTIN), ("10", "ABC")]
    assert parse(f"{GS}01{GTIN}10ABC", gs1) == expected  # FNC1 in first position sent as GS
    assert parse(f"01{GTIN}{GS}10ABC{GS}", gs1) == expected  # superfluous, after (01) and at the end
    assert parse(f"  01{GTIN}10ABC\r\n", gs1) == expected  # the scanner's suffix
    assert parse(f"01{GTIN}10ABC".encode("ascii"), gs1) == expected


def test_fixed_length_ais_run_straight_into_the_next(gs1: Gs1Dictionary) -> None:
    assert parse("0112345678901231991234", gs1) == [("01", "12345678901231"), ("99", "1234")]
    assert parse(f"01{GTIN}3102001250", gs1) == [("01", GTIN), ("3102", "001250")]


def test_variable_fields_up_to_their_maximum_and_optional_components(gs1: Gs1Dictionary) -> None:
    assert parse(f"242123456{GS}10ABC123", gs1, requisites=False) == [("242", "123456"), ("10", "ABC123")]
    assert parse("800302112345678900ABC", gs1) == [("8003", "02112345678900ABC")]
    assert parse("800302112345678900", gs1) == [("8003", "02112345678900")]
    assert parse("7230123", gs1, requisites=False) == [("7230", "123")]


def test_typed_values(gs1: Gs1Dictionary) -> None:
    scan = parse_element_string(f"01{GTIN}11260200172602003102001250{GS}21S-1", gs1, today=TODAY)
    assert scan.production_date == date(2026, 2, 1)  # day 00: the month; its first day for production
    assert scan.expiry_date == date(2026, 2, 28)  # ... and its last day for expiry
    assert scan.net_weight_kg == Decimal("12.50")
    assert scan.serial == "S-1"
    logistic = parse_element_string(f"0010614141234567890802{GTIN}3724", gs1, today=TODAY)
    assert logistic.count == 24 and logistic.get("02") == GTIN and logistic.gtin is None


def test_gs1s_century_rule_for_two_digit_years() -> None:
    assert [gs1_year(yy, TODAY) for yy in (0, 26, 76, 77, 99)] == [2000, 2026, 2076, 1977, 1999]
    later = date(2080, 6, 1)
    assert [gs1_year(yy, later) for yy in (29, 30, 31, 80)] == [2129, 2130, 2031, 2080]


def test_leap_days_follow_the_placed_century(gs1: Gs1Dictionary) -> None:
    assert parse_element_string(f"01{GTIN}17240229", gs1, today=TODAY).expiry_date == date(2024, 2, 29)
    assert parse_element_string(f"01{GTIN}17000229", gs1, today=TODAY).expiry_date == date(2000, 2, 29)
    assert refusal(f"01{GTIN}17250229", gs1) == (
        "AI (17) USE BY or EXPIRY holds 250229, which is not a date: February 2025 has no day 29."
    )


def test_the_same_ai_twice_with_the_same_value_is_accepted(gs1: Gs1Dictionary) -> None:
    assert parse(f"01{GTIN}01{GTIN}", gs1) == [("01", GTIN), ("01", GTIN)]


# --- Reading: refusals with their reason ----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("(01)09506000134353", "The GTIN check digit in AI (01) is wrong: expected 2, found 3."),
        ("0112345678901234", "The GTIN check digit in AI (01) is wrong: expected 1, found 4."),
        ("(00)106141412345678909", "The SSCC check digit in AI (00) is wrong: expected 8, found 9."),
        ("(01)0950600013435", "AI (01) GTIN must be 14 digits long; found 13."),
        (f"010950600013435{GS}10A", "AI (01) GTIN must be 14 digits long; found 13."),
        ("(01)0950600013435A", "AI (01) GTIN contains 'A', which GS1 does not allow there (digits only)."),
        (
            f"(01){GTIN}(10)ABCDEFGHIJKLMNOPQRSTU",
            "AI (10) BATCH/LOT is too long: at most 20 characters, found 21.",
        ),
        (
            f"01{GTIN}10ABCDEFGHIJKLMNOPQRSTU",
            "AI (10) BATCH/LOT is too long: at most 20 characters, found 21.",
        ),
        (f"(01){GTIN}(30)123456789", "AI (30) VAR. COUNT is too long: at most 8 digits, found 9."),
        (f"(01){GTIN}(10)", "AI (10) BATCH/LOT is empty."),
        (f"01{GTIN}10", "AI (10) BATCH/LOT is empty."),
        (
            f"01{GTIN}10LOT-2026-000123417261231",
            "Missing FNC1 separator after AI (10) BATCH/LOT: AI (17) follows it directly.",
        ),
        (
            f"01{GTIN}301210ABC",
            "Missing FNC1 separator after AI (30) VAR. COUNT: AI (10) follows it directly.",
        ),
        ("(89)1234", "AI (89) is not an application identifier that GS1 defines."),
        (f"01{GTIN}891234", "AI (89) is not an application identifier that GS1 defines."),
        (f"01{GTIN}3106001250", "AI (3106) is not an application identifier that GS1 defines."),
        (
            f"(01){GTIN}(10)LOT 7",
            "AI (10) BATCH/LOT contains a space, which GS1 does not allow there "
            "(letters, digits and ! \" % & ' ( ) * + , - . / : ; < = > ? _ only).",
        ),
        (f"(01){GTIN}(10)LOT€7", "AI (10) BATCH/LOT contains '€', which GS1 does not allow there"),
        (f"(01){GTIN}(10)LÖT", "AI (10) BATCH/LOT contains 'Ö', which GS1 does not allow there"),
        (f"(01){GTIN}(10)L#1", "AI (10) BATCH/LOT contains '#', which GS1 does not allow there"),
        (f"01{GTIN}17261301", "AI (17) USE BY or EXPIRY holds 261301, which is not a date: there is no month 13."),
        (f"01{GTIN}17260230", "AI (17) USE BY or EXPIRY holds 260230, which is not a date: February 2026 has"),
        (f"01{GTIN}11261232", "AI (11) PROD DATE holds 261232, which is not a date: December 2026 has no day 32."),
        ("(4326)260200", "AI (4326) REL DATE holds 260200, which is not a date: the day may not be 00 here."),
        (f"01{GTIN}310200125A", "AI (3102) NET WEIGHT (kg) contains 'A', which GS1 does not allow there"),
        (
            f"(01){GTIN}(10)A(10)B",
            "AI (10) BATCH/LOT appears twice with different values: A and B.",
        ),
        (f"(01){GTIN}(37)12", "AI (01) GTIN and AI (37) COUNT may not be used together."),
        (f"(01){GTIN}(3102)001250(3103)012500", "AI (3102) NET WEIGHT (kg) and AI (3103) NET WEIGHT (kg) may not"),
        ("(10)ABC", "AI (10) BATCH/LOT needs AI (01), (02), (03), (8006) or (8026) with it."),
        (f"(02){GTIN}(37)12", "AI (37) COUNT needs AI (00) with (02) or (00) with (8026) with it."),
        ("", "The barcode holds no GS1 data."),
        ("]C1", "The barcode holds no GS1 data."),
        (GS, "The barcode holds no GS1 data."),
        ("]C0ABC", "The scan comes from a ']C0' symbol, which does not carry GS1 data."),
        ("LOT:L-7781", "The barcode data is not a GS1 element string: no AI where 'LOT:L-7781' begins."),
        (f"01{GTIN}2", "The barcode data is not a GS1 element string: no AI where '2' begins."),
        ("(01)x", "AI (01) GTIN must be 14 digits long; found 1."),
        ("(1A)12345", "The barcode text is not a GS1 element string: no (AI) where '(1A)12345' begins."),
    ],
)
def test_malformed_gs1_is_refused_with_its_reason(gs1: Gs1Dictionary, raw: str, message: str) -> None:
    assert refusal(raw, gs1).startswith(message)


def test_refusals_are_invalid_input_naming_the_ai(gs1: Gs1Dictionary) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_element_string("(01)09506000134353", gs1, today=TODAY)
    assert isinstance(caught.value, Gs1Error) and caught.value.ai == "01"


def test_requisites_can_be_left_to_the_other_barcodes_of_a_label(gs1: Gs1Dictionary) -> None:
    assert parse("(10)ABC(17)261231", gs1, requisites=False) == [("10", "ABC"), ("17", "261231")]
    # Pairs GS1 excludes stay refused even then.
    assert refusal(f"(01){GTIN}(37)12", gs1, requisites=False).endswith("may not be used together.")


# --- Writing --------------------------------------------------------------------------------------

LABEL = [("01", GTIN), ("10", "ABC123"), ("17", "261231"), ("30", "12")]


def test_encoding_puts_a_separator_only_after_variable_fields_that_are_not_last(gs1: Gs1Dictionary) -> None:
    data = encode_element_string(LABEL, gs1, today=TODAY)
    assert data == f"01{GTIN}10ABC123{GS}172612313012"
    assert parse(data, gs1) == LABEL


def test_fixed_length_ais_first_needs_the_fewest_separators(gs1: Gs1Dictionary) -> None:
    ordered = order_for_encoding(LABEL, gs1)
    assert ordered == [("01", GTIN), ("17", "261231"), ("10", "ABC123"), ("30", "12")]
    assert encode_element_string(ordered, gs1, today=TODAY) == f"01{GTIN}1726123110ABC123{GS}3012"
    lots_first = [("10", "A"), ("21", "S"), ("01", GTIN)]
    assert [ai for ai, _ in order_for_encoding(lots_first, gs1)] == ["01", "10", "21"]


def test_the_human_readable_line() -> None:
    assert human_readable([("01", GTIN), ("10", "ABC123")]) == f"(01){GTIN}(10)ABC123"
    assert human_readable([("01", GTIN), ("17", format_gs1_date(date(2026, 12, 31)))]) == f"(01){GTIN}(17)261231"


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        ([("01", GTIN), ("10", "LOT 7")], "AI (10) BATCH/LOT contains a space, which GS1 does not allow there"),
        ([("01", GTIN), ("10", "L" * 21)], "AI (10) BATCH/LOT is too long: at most 20 characters, found 21."),
        ([("01", "09506000134353")], "The GTIN check digit in AI (01) is wrong: expected 2, found 3."),
        ([("01", GTIN), ("17", "261332")], "AI (17) USE BY or EXPIRY holds 261332, which is not a date"),
        ([("01", GTIN), ("10", f"A{GS}B")], "AI (10) BATCH/LOT contains a GS (FNC1) separator"),
        ([("01", GTIN), ("37", "5")], "AI (01) GTIN and AI (37) COUNT may not be used together."),
        ([("01", GTIN), ("3106", "001250")], "AI (3106) is not an application identifier that GS1 defines."),
        ([("10", "ABC")], "AI (10) BATCH/LOT needs AI (01), (02), (03), (8006) or (8026) with it."),
        ([], "There is nothing to put in the barcode: no AI was given."),
    ],
)
def test_encoding_refuses_what_the_parser_would(gs1: Gs1Dictionary, pairs: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(Gs1Error) as caught:
        encode_element_string(pairs, gs1, today=TODAY)
    assert caught.value.message.startswith(message)


def test_encoding_needs_strings() -> None:
    with pytest.raises(TypeError):
        encode_element_string([("30", 12)], default_gs1_dictionary(), today=TODAY)  # type: ignore[list-item]
