"""GS1 check digits: the last digit of every GTIN, SSCC and GLN guards against a misread or a typo."""

from __future__ import annotations

GTIN_LENGTH = 14


def check_digit(digits: str) -> int:
    """The GS1 mod-10 check digit for `digits` (the number without its check digit).

    Weights alternate 3, 1, 3, ... starting from the rightmost digit, so one rule serves GTIN-8,
    -12, -13, -14 and SSCC alike.
    """
    if not digits.isascii() or not digits.isdigit():
        raise ValueError("check_digit needs a string of digits")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def is_valid_gtin(text: str) -> bool:
    """True for a GTIN-14: fourteen ASCII digits whose last one is the right check digit."""
    if len(text) != GTIN_LENGTH or not text.isascii() or not text.isdigit():
        return False
    return check_digit(text[:-1]) == int(text[-1])
