"""GS1 Digital Link URIs: the web addresses 2D codes (QR, DataMatrix) carry instead of an element string.

    https://id.gs1.org/01/09506000134352/10/R-2612-04A?17=270531
    └ any domain ─────┘└ primary key ──┘└ qualifier ─┘└ data attributes ┘

What a URI may hold comes from GS1's dictionary, as for element strings (gs1_dictionary.py): an AI with
`dlpkey` is a primary key, its key qualifiers follow it in the path in the order `dlpkey=` lists them
(any of them left out), and an AI flagged `?` may be a data attribute in the query. The values then go
through the same checks as an element string's (gs1_rules.py), so a lot reads the same whichever
symbol carried it. The URI is only read, never fetched.

Reading follows GS1's own syntax engine, with three deliberate differences (docs/scanning.md):
the scheme is matched in any case (RFC 3986 says it is case-insensitive; the engine takes only
"https"/"HTTPS"), one trailing slash is allowed, and a "%" that does not start a valid escape is refused
rather than kept as a literal "%".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from itertools import pairwise

from mes_terminal.domain.gs1_dictionary import AiDefinition, Gs1Dictionary
from mes_terminal.domain.gs1_reading import shown
from mes_terminal.domain.gs1_rules import Gs1Error, check_together, check_value, definition_of, describe_character

CANONICAL_STEM = "https://id.gs1.org"
# A QR code holds at most 4296 characters; anything longer did not come from a symbol.
MAX_URI_LENGTH = 4296
# RFC 3986 characters, "%" included: anything else cannot be part of a URI.
_URI_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
_BAD_DOMAIN_CHARACTERS = frozenset("_~?#@!$&'()*+,;=%")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_HEX = frozenset("0123456789abcdefABCDEF")
_AI_SEGMENT = re.compile(r"^[0-9]{2,4}$")


# AIM symbology identifiers of QR Code, DataMatrix and DotCode symbols that carry plain text (a URI), not
# GS1 element strings; a scanner configured to send identifiers puts one in front of a Digital Link.
URI_SYMBOLOGIES = ("]Q0", "]Q1", "]d1", "]J0")


def without_symbology(text: str) -> str:
    """`text` without a QR / DataMatrix symbology identifier in front of a web address."""
    if text.startswith(URI_SYMBOLOGIES) and is_web_address(text[3:]):
        return text[3:]
    return text


def is_web_address(text: str) -> bool:
    """True when `text` starts like an http or https URI (scheme in any case): a Digital Link candidate."""
    lowered = text[:8].lower()
    return lowered.startswith(("http://", "https://"))


def uri_scheme(text: str) -> str | None:
    """The scheme of `text` when it is written as a URI with one ("javascript", "data", "https"), else None."""
    match = _SCHEME.match(text)
    return match.group(1).lower() if match else None


def looks_like_digital_link(text: str) -> bool:
    """True for an http(s) URI whose path holds at least one "/AI/value" pair: worth a full reading.

    Needs no dictionary: a plain web address ("https://example.com/shop") is told apart here, and
    `parse_digital_link` gives the exact reason for anything else.
    """
    if not is_web_address(text) or len(text) > MAX_URI_LENGTH:
        return False
    after_scheme = text.split("//", 1)[1]
    domain, slash, path = after_scheme.partition("/")
    if not domain or not slash:
        return False
    segments = path.split("?", 1)[0].split("#", 1)[0].split("/")
    return any(_AI_SEGMENT.match(a) and b for a, b in pairwise(segments))


def names_a_gs1_key(text: str, dictionary: Gs1Dictionary) -> bool:
    """True for an http(s) URI whose path, read back from its end in "/AI/value" pairs, reaches a GS1
    primary key: a Digital Link, or one that `parse_digital_link` refuses for what its values hold.
    "https://news.example/2024/05/story" is not one (no AI (05) exists), though it has number segments."""
    if not looks_like_digital_link(text):
        return False
    path = text.split("//", 1)[1].partition("/")[2]
    path = path.split("#", 1)[0].split("?", 1)[0].removesuffix("/")
    return _primary_key_position(path.split("/"), dictionary) is not None


def parse_digital_link(uri: str, dictionary: Gs1Dictionary, today: date) -> list[tuple[str, str]]:
    """The (AI, value) pairs of a GS1 Digital Link URI: the path's key and qualifiers, then the query's
    data attributes in their order. Refuses anything else with a `Gs1Error` an operator can read.
    """
    if len(uri) > MAX_URI_LENGTH:
        raise Gs1Error(
            f"The scanned web address is {len(uri)} characters long; a GS1 Digital Link fits in a QR code "
            f"(at most {MAX_URI_LENGTH})."
        )
    if not is_web_address(uri):
        scheme = uri_scheme(uri)
        what = f"a {scheme}: address" if scheme else "not a web address"
        raise Gs1Error(f"The scan is {what}, not a GS1 Digital Link: those start with https:// or http://.")
    bad = next((ch for ch in uri if ch not in _URI_CHARACTERS), None)
    if bad is not None:
        raise Gs1Error(f"The web address contains {describe_character(bad)}, which a URI may not hold unescaped.")
    rest = uri.split("//", 1)[1]
    domain, slash, path = rest.partition("/")
    if not domain:
        raise Gs1Error("The web address names no domain, so it is not a GS1 Digital Link.")
    bad = next((ch for ch in domain if ch in _BAD_DOMAIN_CHARACTERS), None)
    if bad is not None:
        what = describe_character(bad)
        raise Gs1Error(f"The domain of the web address contains {what}, which a domain may not hold.")
    path = "/" + path.split("#", 1)[0] if slash else ""
    path, _, query = path.partition("?")
    if path.endswith("/") and len(path) > 1:
        path = path[:-1]  # one trailing slash, as web addresses are often written
    segments = path.split("/")[1:] if path else []
    key_at = _primary_key_position(segments, dictionary)
    if key_at is None:
        raise Gs1Error(
            f"The web address {shown(_short(uri))} is not a GS1 Digital Link: its path holds no GS1 key "
            "such as /01/ (GTIN) or /00/ (SSCC)."
        )
    in_path = segments[key_at:]  # "/AI/value" pairs: the walk back from the end found them so
    pairs: list[tuple[str, str]] = []
    for index in range(0, len(in_path), 2):
        definition = definition_of(in_path[index], dictionary)
        value = _unescape(in_path[index + 1], definition, query=False)
        check_value(definition, value, today)
        pairs.append((definition.ai, value))
    path_ais = [ai for ai, _ in pairs]
    _check_key_qualifiers(path_ais, dictionary)
    for parameter in query.split("&"):
        name, equals, raw_value = parameter.partition("=")
        if not equals or not (name.isascii() and name.isdigit()):
            continue  # other parameters (utm_source=..., linktype=...) are not GS1 data
        definition = definition_of(name, dictionary)
        if not raw_value:
            raise Gs1Error(f"{definition.label} is empty in the web address.", ai=definition.ai)
        if not definition.dl_attribute:
            raise Gs1Error(f"{definition.label} may not be a data attribute of a GS1 Digital Link.", ai=definition.ai)
        if any(ai == definition.ai for ai, _ in pairs):
            raise Gs1Error(f"{definition.label} appears twice in the GS1 Digital Link.", ai=definition.ai)
        if _belongs_in_path(definition.ai, path_ais, dictionary):
            raise Gs1Error(
                f"{definition.label} belongs in the path of the GS1 Digital Link (/{definition.ai}/...), "
                "not in its query.",
                ai=definition.ai,
            )
        value = _unescape(raw_value, definition, query=True)
        check_value(definition, value, today)
        pairs.append((definition.ai, value))
    check_together(pairs, dictionary, requisites=True)
    return pairs


def encode_digital_link(
    pairs: Iterable[tuple[str, str]],
    dictionary: Gs1Dictionary,
    *,
    today: date,
    stem: str = CANONICAL_STEM,
) -> str:
    """The GS1 Digital Link URI of `pairs` under `stem` (a domain with an optional path, no trailing "/").

    The first primary key in `pairs` opens the path, followed by its qualifiers from the sequence that
    uses most of them; the other AIs become data attributes, predefined-length ones first, each group in
    the given order. Whatever `parse_digital_link` would refuse is refused here.
    """
    items = list(pairs)
    if not items:
        raise Gs1Error("There is nothing to put in the Digital Link: no AI was given.")
    definitions = [definition_of(ai, dictionary) for ai, _ in items]
    for definition, (_, value) in zip(definitions, items, strict=True):
        check_value(definition, value, today)
    check_together(items, dictionary, requisites=True)
    key = next((d for d in definitions if d.dl_primary_key), None)
    if key is None:
        raise Gs1Error("A GS1 Digital Link needs a primary key such as AI (01) GTIN or AI (00) SSCC.")
    present = {ai for ai, _ in items}
    assert key.dl_qualifiers is not None
    best = max(key.dl_qualifiers, key=lambda sequence: sum(ai in present for ai in sequence))
    values = dict(items)
    path_ais = [key.ai, *(ai for ai in best if ai in present)]
    path = "".join(f"/{ai}/{_escape(values[ai], query=False)}" for ai in path_ais)
    rest = [(d, value) for d, (ai, value) in zip(definitions, items, strict=True) if ai not in path_ais]
    rest.sort(key=lambda item: item[0].needs_separator)
    for definition, _ in rest:
        if not definition.dl_attribute:
            raise Gs1Error(f"{definition.label} may not be a data attribute of a GS1 Digital Link.", ai=definition.ai)
    query = "&".join(f"{d.ai}={_escape(value, query=True)}" for d, value in rest)
    return stem.rstrip("/") + path + (f"?{query}" if query else "")


def _primary_key_position(segments: list[str], dictionary: Gs1Dictionary) -> int | None:
    """Where the Digital Link part of the path starts: walking back "/AI/value" pairs from the end to the
    first AI that is a primary key. Whatever comes before it is the brand's own path (the stem)."""
    position = len(segments) - 2
    while position >= 0:
        definition = dictionary.get(segments[position]) if _AI_SEGMENT.match(segments[position]) else None
        if definition is None:
            return None
        if definition.dl_primary_key:
            return position
        position -= 2
    return None


def _check_key_qualifiers(path_ais: list[str], dictionary: Gs1Dictionary) -> None:
    key = definition_of(path_ais[0], dictionary)
    if _valid_path(path_ais, dictionary):
        return
    assert key.dl_qualifiers is not None
    allowed = [", ".join(f"({ai})" for ai in sequence) for sequence in key.dl_qualifiers if sequence]
    after = "may not be followed by any AI"
    if allowed:
        after = f"may follow it only as {' or '.join(allowed)}, in that order"
    found = ", ".join(f"({ai})" for ai in path_ais[1:])
    raise Gs1Error(f"In a GS1 Digital Link, {key.label} {after}; the path holds {found}.", ai=key.ai)


def _valid_path(path_ais: list[str], dictionary: Gs1Dictionary) -> bool:
    key = dictionary.get(path_ais[0])
    if key is None or key.dl_qualifiers is None:
        return False
    return any(_in_order(path_ais[1:], sequence) for sequence in key.dl_qualifiers)


def _in_order(found: list[str], sequence: tuple[str, ...]) -> bool:
    """True when `found` is `sequence` with some of its AIs left out and none repeated or reordered."""
    remaining = iter(sequence)
    return all(any(ai == candidate for candidate in remaining) for ai in found)


def _belongs_in_path(ai: str, path_ais: list[str], dictionary: Gs1Dictionary) -> bool:
    """True when the AI, inserted somewhere after the key, would make a valid path: it is a qualifier."""
    return any(_valid_path([*path_ais[:i], ai, *path_ais[i:]], dictionary) for i in range(1, len(path_ais) + 1))


def _unescape(text: str, definition: AiDefinition, *, query: bool) -> str:
    """Percent-decoding, each escape one byte read as Latin-1 (so anything beyond ASCII fails the AI's
    character-set check); "+" is a space in the query only."""
    out: list[str] = []
    position = 0
    while position < len(text):
        ch = text[position]
        if ch == "%":
            code = text[position + 1 : position + 3]
            if len(code) < 2 or not set(code) <= _HEX:
                raise Gs1Error(
                    f"{definition.label} in the web address has a '%' that is not followed by two hexadecimal digits.",
                    ai=definition.ai,
                )
            decoded = chr(int(code, 16))
            if decoded == "\x00":
                raise Gs1Error(f"{definition.label} in the web address holds a NUL character (%00).", ai=definition.ai)
            out.append(decoded)
            position += 3
            continue
        out.append(" " if ch == "+" and query else ch)
        position += 1
    return "".join(out)


def _escape(value: str, *, query: bool) -> str:
    return "".join(
        ch if ch in _UNRESERVED else "+" if ch == " " and query else "".join(f"%{b:02X}" for b in ch.encode("latin-1"))
        for ch in value
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
