"""Signature rules: meanings, comments where a decision must say why, and the two-person rule."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain import signatures as sig
from mes_terminal.domain.errors import InvalidInput, NotPermitted


def test_a_disposition_is_signed_as_approved_and_a_deviation_needs_a_reason() -> None:
    use = sig.disposition_rule(sig.Decision.USE_AS_IS)
    assert sig.parse_meaning("Approved", use) == sig.Meaning.APPROVED
    with pytest.raises(InvalidInput, match="means one of: approved"):
        sig.parse_meaning("reviewed", use)
    with pytest.raises(InvalidInput, match="write a comment that says why"):
        sig.check_comment("  ", use)
    assert sig.check_comment(None, sig.disposition_rule(sig.Decision.SCRAP)) is None


def test_the_two_person_rule_applies_only_where_configured() -> None:
    with pytest.raises(NotPermitted, match="another person signs it"):
        sig.check_two_person(7, 7, "Rosalind Franklin", "nonconformance NC-00001", required=True)
    sig.check_two_person(7, 7, "Rosalind Franklin", "nonconformance NC-00001", required=False)
    sig.check_two_person(8, 7, "Rosalind Franklin", "nonconformance NC-00001", required=True)


def test_the_manifestation_shows_name_meaning_and_the_site_time_with_its_zone() -> None:
    # Part 11 asks for the date and time of signing where a person reads it: the site's wall clock, zone named.
    winter = sig.Manifestation("Kaoru Ishikawa", "approved", datetime(2026, 3, 2, 9, 30, tzinfo=UTC), "Europe/Berlin")
    assert str(winter) == "Kaoru Ishikawa, approved, 2026-03-02 10:30:00 CET"
    summer = sig.Manifestation("Kaoru Ishikawa", "approved", datetime(2026, 7, 2, 9, 30, tzinfo=UTC), "Europe/Berlin")
    assert str(summer) == "Kaoru Ishikawa, approved, 2026-07-02 11:30:00 CEST"


@given(st.text(max_size=50))
def test_any_decision_text_is_a_decision_or_a_plain_refusal(text: str) -> None:
    try:
        decision = sig.parse_decision(text)
    except InvalidInput as refused:
        assert "A disposition is one of" in refused.message
    else:
        assert decision.value == text.strip().lower()
