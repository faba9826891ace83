"""Splitting GS1 barcode data into (AI, value) pairs, each value checked against GS1's dictionary.

Two forms are read: scan data, where a predefined-length AI runs straight into the next AI and any
other AI's value ends at a GS (FNC1) separator, and the bracketed human-readable form
"(01)09506000134352(10)ABC", where a "(" inside a value is written "\\(".
"""

from __future__ import annotations

import re
from datetime import date

from mes_terminal.domain.gs1_dictionary import AiDefinition, Gs1Dictionary
from mes_terminal.domain.gs1_rules import GS, Gs1Error, check_value, definition_of, length_error, unknown_ai

_BRACKETED_AI = re.compile(r"\(([0-9]{2,4})\)")


def read_scanned(text: str, dictionary: Gs1Dictionary, today: date, *, explain: bool) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        if text[position] == GS:  # FNC1 in first position, after a fixed-length AI, or at the end
            position += 1
            continue
        definition = _identify(text, position, dictionary)
        start = position + len(definition.ai)
        run_end = text.find(GS, start)
        run_end = len(text) if run_end < 0 else run_end
        end = start + _take(definition, run_end - start)
        try:
            if definition.needs_separator and end < run_end:
                raise length_error(definition, run_end - start)
            check_value(definition, text[start:end], today)
        except Gs1Error as error:
            explainable = explain and definition.needs_separator
            better = _missing_separator(text, start, run_end, definition, dictionary, today) if explainable else None
            if better is None:
                raise
            raise better from error
        pairs.append((definition.ai, text[start:end]))
        position = end
    return pairs


def _identify(text: str, position: int, dictionary: Gs1Dictionary) -> AiDefinition:
    """The AI at `position`: GS1 gives all AIs that share their first two digits one length."""
    prefix = text[position : position + 2]
    length = (dictionary.ai_length(prefix) if _is_digits(prefix) else None) or 2
    ai = text[position : position + length]
    if len(ai) < length or not _is_digits(ai):
        at = text[position : position + 12]
        raise Gs1Error(f"The barcode data is not a GS1 element string: no AI where {shown(at)} begins.")
    definition = dictionary.get(ai)
    if definition is None:
        raise unknown_ai(ai)
    return definition


def _take(definition: AiDefinition, available: int) -> int:
    """How much of `available` characters (up to the next GS) the AI's components consume."""
    taken = 0
    for component in definition.components:
        if taken == available and component.optional:
            break
        taken += min(component.max_length, available - taken)
    return taken


def _missing_separator(
    text: str, start: int, run_end: int, definition: AiDefinition, dictionary: Gs1Dictionary, today: date
) -> Gs1Error | None:
    """When a shorter value would be valid and the rest reads as valid AIs, the FNC1 was left out.

    The longest such value is taken: "3012" + "10ABC" is (30)12 then (10)ABC, not (30)1 then (21)0ABC.
    """
    longest = min(definition.max_length, run_end - start - 1)
    for length in range(longest, definition.min_length - 1, -1):
        try:
            check_value(definition, text[start : start + length], today)
            following = read_scanned(text[start + length :], dictionary, today, explain=False)
        except Gs1Error:
            continue
        return Gs1Error(
            f"Missing FNC1 separator after {definition.label}: AI ({following[0][0]}) follows it directly.",
            ai=definition.ai,
        )
    return None


def read_bracketed(text: str, dictionary: Gs1Dictionary, today: date) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = _BRACKETED_AI.match(text, position)
        if match is None:
            at = text[position : position + 12]
            raise Gs1Error(f"The barcode text is not a GS1 element string: no (AI) where {shown(at)} begins.")
        definition = definition_of(match.group(1), dictionary)
        characters: list[str] = []
        position = match.end()
        while position < len(text) and text[position] != "(":
            escaped = text.startswith("\\(", position)
            characters.append("(" if escaped else text[position])
            position += 2 if escaped else 1
        value = "".join(characters)
        check_value(definition, value, today)
        pairs.append((definition.ai, value))
    return pairs


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def shown(text: str) -> str:
    visible = "".join(ch if ch.isprintable() else "<GS>" if ch == GS else f"<U+{ord(ch):04X}>" for ch in text)
    return f"'{visible}'"
