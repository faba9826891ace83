"""The rules a GS1 element string must follow, as GS1's dictionary states them.

- One AI's value: its length, its character set and the content checks the dictionary names for each
  component (`csum` check digit, `yymmd0`/`yymmdd`/`yyyymmdd` dates, times, `yesno`, ...). Checks that
  need tables GS1 keeps elsewhere (company prefixes, ISO country and currency lists, IBAN, coupon
  codes) are not run: such values pass on length and character set alone.
- AIs together: no AI twice with different values, no pair the dictionary excludes (`ex=`), and,
  when asked, the companions an AI requires (`req=`).

Every refusal is a `Gs1Error` whose message names the AI and says what is wrong in plain words.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from datetime import date

from mes_terminal.domain.error_codes import GS1_INVALID
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.gs1_dictionary import AiDefinition, Component, Gs1Dictionary, ai_matches

GS = "\x1d"  # how a scanner transmits a FNC1 separator

CSET_82 = frozenset("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
CSET_39 = frozenset("#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
CSET_64 = frozenset("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
_CHARSETS = {"N": _DIGITS, "X": CSET_82, "Y": CSET_39, "Z": CSET_64}
_ALLOWED = {
    "N": "digits only",
    "X": "letters, digits and ! \" % & ' ( ) * + , - . / : ; < = > ? _ only",
    "Y": "capital letters, digits and # - / only",
    "Z": "letters, digits, - and _ only",
}


class Gs1Error(InvalidInput):
    """A GS1 element string (scanned or about to be printed) that breaks GS1's rules; `ai` names the AI."""

    code: str = GS1_INVALID

    def __init__(self, message: str, *, ai: str | None = None) -> None:
        super().__init__(message)
        self.ai = ai


def check_digit(digits: str) -> int:
    """The GS1 mod-10 check digit for `digits` (the number without its check digit).

    Weights alternate 3, 1, 3, ... starting from the rightmost digit, so one rule serves GTIN-8,
    -12, -13, -14 and SSCC alike.
    """
    if not digits.isascii() or not digits.isdigit():
        raise ValueError("check_digit needs a string of digits")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def check_value(definition: AiDefinition, value: str, today: date) -> None:
    """Refuse `value` unless it is valid data for `definition`'s AI; `today` places two-digit years."""
    if not value:
        raise Gs1Error(f"{definition.label} is empty.", ai=definition.ai)
    if not definition.min_length <= len(value) <= definition.max_length:
        raise length_error(definition, len(value))
    position = 0
    for component in definition.components:
        if position == len(value) and component.optional:
            break
        part = value[position : position + component.max_length]
        if len(part) < component.min_length:
            raise length_error(definition, len(value))
        _check_charset(definition, component, part)
        for name in component.linters:
            linter = _LINTERS.get(name)
            if linter is not None and (component.charset == "N" or name in _TEXT_LINTERS):
                linter(definition, part, today)
        position += len(part)


def length_error(definition: AiDefinition, length: int) -> Gs1Error:
    """The refusal for a value of `length` characters that does not fit the AI."""
    unit = "digits" if definition.numeric else "characters"
    if definition.fixed_length:
        message = f"{definition.label} must be {definition.max_length} {unit} long; found {length}."
    elif length > definition.max_length:
        message = f"{definition.label} is too long: at most {definition.max_length} {unit}, found {length}."
    elif length < definition.min_length:
        message = f"{definition.label} is too short: at least {definition.min_length} {unit}, found {length}."
    else:  # between the limits, but an optional part of the field is cut short
        message = f"{definition.label} cannot be {length} {unit} long: a part of it is incomplete."
    return Gs1Error(message, ai=definition.ai)


def check_together(pairs: Sequence[tuple[str, str]], dictionary: Gs1Dictionary, *, requisites: bool) -> None:
    """Refuse repeated AIs with different values, excluded pairs, and (if `requisites`) missing companions."""
    seen: dict[str, str] = {}
    for ai, value in pairs:
        if seen.setdefault(ai, value) != value:
            label = definition_of(ai, dictionary).label
            raise Gs1Error(f"{label} appears twice with different values: {seen[ai]} and {value}.", ai=ai)
    present = list(seen)
    for ai in present:
        definition = definition_of(ai, dictionary)
        for pattern in definition.excludes:
            other = next((o for o in present if o != ai and ai_matches(pattern, o)), None)
            if other is not None:
                other_label = definition_of(other, dictionary).label
                raise Gs1Error(f"{definition.label} and {other_label} may not be used together.", ai=ai)
    if not requisites:
        return
    for ai in present:
        definition = definition_of(ai, dictionary)
        for alternatives in definition.requires:
            if not any(all(any(ai_matches(p, o) for o in present) for p in group) for group in alternatives):
                raise Gs1Error(f"{definition.label} needs {_describe(alternatives)} with it.", ai=ai)


def gs1_year(yy: int, today: date) -> int:
    """The full year of a two-digit GS1 year: within 49 years before and 50 years after `today`."""
    difference = yy - today.year % 100
    century = today.year - today.year % 100
    if difference >= 51:
        century -= 100
    elif difference <= -50:
        century += 100
    return century + yy


def gs1_date(yymmdd: str, today: date, *, day_zero_is_month_end: bool) -> date:
    """The date of a valid YYMMDD value. Day 00 (the whole month) gives the month's last or first day."""
    year, month, day = gs1_year(int(yymmdd[:2]), today), int(yymmdd[2:4]), int(yymmdd[4:6])
    if day == 0:
        day = calendar.monthrange(year, month)[1] if day_zero_is_month_end else 1
    return date(year, month, day)


def describe_character(ch: str) -> str:
    """A character as a message can show it, including the invisible ones."""
    if ch == " ":
        return "a space"
    if ch == GS:
        return "a GS (FNC1) separator"
    if ch.isprintable():
        return f"'{ch}'"
    return f"the invisible character U+{ord(ch):04X}"


def definition_of(ai: str, dictionary: Gs1Dictionary) -> AiDefinition:
    """The dictionary's definition of `ai`; an AI it does not hold is refused."""
    definition = dictionary.get(ai)
    if definition is None:
        raise unknown_ai(ai)
    return definition


def unknown_ai(ai: str) -> Gs1Error:
    return Gs1Error(f"AI ({ai}) is not an application identifier that GS1 defines.", ai=ai)


def _describe(alternatives: tuple[tuple[str, ...], ...]) -> str:
    groups = [" with ".join(f"({p})" for p in group) for group in alternatives]
    if len(groups) == 1:
        return f"AI {groups[0]}"
    return f"AI {', '.join(groups[:-1])} or {groups[-1]}"


def _check_charset(definition: AiDefinition, component: Component, part: str) -> None:
    allowed = _CHARSETS[component.charset]
    if component.charset == "Z":
        part = _without_base64_padding(definition, part)
    bad = next((ch for ch in part if ch not in allowed), None)
    if bad is not None:
        raise Gs1Error(
            f"{definition.label} contains {describe_character(bad)}, which GS1 does not allow there "
            f"({_ALLOWED[component.charset]}).",
            ai=definition.ai,
        )


def _without_base64_padding(definition: AiDefinition, part: str) -> str:
    data = part.rstrip("=")
    padding = len(part) - len(data)
    if padding > 2 or (padding and len(part) % 3):
        raise Gs1Error(f"{definition.label} ends in a wrong number of '=' characters.", ai=definition.ai)
    return data


# GS1's content checks, by the names the dictionary uses. Each receives one component that passed its
# character-set check; all but those in _TEXT_LINTERS run on digits only.


def _csum(definition: AiDefinition, part: str, today: date) -> None:
    expected, found = check_digit(part[:-1] or "0"), int(part[-1])
    if expected != found:
        what = definition.title or "number"
        raise Gs1Error(
            f"The {what} check digit in AI ({definition.ai}) is wrong: expected {expected}, found {found}.",
            ai=definition.ai,
        )


def _date_check(*, day_zero: bool, century_digits: bool) -> Callable[[AiDefinition, str, date], None]:
    def check(definition: AiDefinition, part: str, today: date) -> None:
        if century_digits:
            year, rest = int(part[:4]), part[4:]
        else:
            year, rest = gs1_year(int(part[:2]), today), part[2:]
        month, day = int(rest[:2]), int(rest[2:4])
        shown = f"{definition.label} holds {part}"
        if not 1 <= month <= 12:
            raise Gs1Error(f"{shown}, which is not a date: there is no month {rest[:2]}.", ai=definition.ai)
        if day == 0 and not day_zero:
            raise Gs1Error(f"{shown}, which is not a date: the day may not be 00 here.", ai=definition.ai)
        if day > calendar.monthrange(year, month)[1]:
            month_name = calendar.month_name[month]
            raise Gs1Error(f"{shown}, which is not a date: {month_name} {year} has no day {day}.", ai=definition.ai)

    return check


def _range_check(limit: int, what: str) -> Callable[[AiDefinition, str, date], None]:
    def check(definition: AiDefinition, part: str, today: date) -> None:
        if int(part) > limit:
            raise Gs1Error(f"{definition.label} holds {part}, which is not a valid {what}.", ai=definition.ai)

    return check


def _hhmi(definition: AiDefinition, part: str, today: date) -> None:
    if int(part[:2]) > 23 or int(part[2:4]) > 59:
        raise Gs1Error(f"{definition.label} holds {part}, which is not a valid time (HHMM).", ai=definition.ai)


def _exactly(expected: str, what: str) -> Callable[[AiDefinition, str, date], None]:
    def check(definition: AiDefinition, part: str, today: date) -> None:
        if part != expected:
            raise Gs1Error(f"{definition.label} holds {part} where {what} belongs.", ai=definition.ai)

    return check


def _nonzero(definition: AiDefinition, part: str, today: date) -> None:
    if not part.strip("0"):
        raise Gs1Error(f"{definition.label} may not be zero.", ai=definition.ai)


_LINTERS: dict[str, Callable[[AiDefinition, str, date], None]] = {
    "csum": _csum,
    "yymmd0": _date_check(day_zero=True, century_digits=False),
    "yymmdd": _date_check(day_zero=False, century_digits=False),
    "yyyymmd0": _date_check(day_zero=True, century_digits=True),
    "yyyymmdd": _date_check(day_zero=False, century_digits=True),
    "hh": _range_check(23, "hour"),
    "mi": _range_check(59, "minute"),
    "ss": _range_check(59, "second"),
    "hhmi": _hhmi,
    "yesno": _range_check(1, "yes (1) or no (0)"),
    "zero": _exactly("0", "a 0"),
    "hyphen": _exactly("-", "a hyphen"),
    "nonzero": _nonzero,
}
_TEXT_LINTERS = frozenset({"hyphen"})
