"""GS1's dictionary of Application Identifiers (AIs), read from GS1's own file.

The file is GS1's Barcode Syntax Dictionary (resources/gs1/gs1-syntax-dictionary.txt, Apache 2.0),
shipped unchanged. MES Terminal keeps no AI table of its own: every AI it knows comes from that text.
Each entry line reads

    AI or AI range   [flags]   component...   [attribute...]   [# title]
    01               *?        N14,csum,gcppos2   ex=255,37 dlpkey=22,10,21|235   # GTIN

- flags: `*` marks an AI of predefined length, which needs no FNC1 separator when another AI follows;
- a component is a character set (N digits, X CSET 82, Y CSET 39, Z CSET 64) with a fixed length (`N6`)
  or a maximum (`X..20`), optional when in brackets (`[X..17]`), followed by the names of GS1's content
  checks (`csum` check digit, `yymmd0` date, ...);
- `req=01+21,02` means "needs (01) with (21), or (02)"; `ex=310n` means "may not appear with any AI
  matching 310n" (an `n` stands for any digit). Several `req=` attributes must all hold.
- GS1 Digital Link: the `?` flag marks an AI allowed as a data attribute (in the URI's query);
  `dlpkey=22,10,21|235` makes the AI a primary key (in the URI's path) whose key qualifiers may follow
  it in that order, any of them left out, from one alternative ("22,10,21" or "235"); a bare `dlpkey`
  is a primary key without qualifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType

# Characters the dictionary's header reserves for flags; a component always starts with a letter or "[".
_FLAG_CHARACTERS = frozenset("*!?\"$%&'()+,-./:;<=>@[\\]^_`{|}~")
_COMPONENT = re.compile(r"^(\[?)([NXYZ])(\.\.)?([0-9]+)(\]?)((?:,[A-Za-z0-9]+)*)$")
_AI = re.compile(r"^[0-9]{2,4}$")


@dataclass(frozen=True)
class Component:
    """One part of an AI's data field. A variable component may hold 1 to `max_length` characters."""

    charset: str  # "N" digits, "X" CSET 82, "Y" CSET 39, "Z" CSET 64
    min_length: int
    max_length: int
    optional: bool
    linters: tuple[str, ...]


@dataclass(frozen=True)
class AiDefinition:
    """What GS1 says about one AI: its data format, separator need, associations and title."""

    ai: str
    title: str
    components: tuple[Component, ...]
    predefined_length: bool
    # One entry per `req=` attribute: its alternatives, each a group of AI patterns that must all be present.
    requires: tuple[tuple[tuple[str, ...], ...], ...] = ()
    excludes: tuple[str, ...] = ()
    # GS1 Digital Link: None unless a primary key; else its qualifier sequences (one empty one for `dlpkey`).
    dl_qualifiers: tuple[tuple[str, ...], ...] | None = None
    dl_attribute: bool = False  # may be a data attribute in a Digital Link's query

    @property
    def dl_primary_key(self) -> bool:
        return self.dl_qualifiers is not None

    @property
    def label(self) -> str:
        """How messages name the AI: "AI (01) GTIN"."""
        return f"AI ({self.ai}) {self.title}".rstrip()

    @property
    def min_length(self) -> int:
        return sum(c.min_length for c in self.components if not c.optional)

    @property
    def max_length(self) -> int:
        return sum(c.max_length for c in self.components)

    @property
    def fixed_length(self) -> bool:
        return self.min_length == self.max_length

    @property
    def numeric(self) -> bool:
        return all(c.charset == "N" for c in self.components)

    @property
    def needs_separator(self) -> bool:
        """True when a FNC1 separator must follow this AI's data if another AI comes after it."""
        return not self.predefined_length


@dataclass(frozen=True, eq=False)
class Gs1Dictionary:
    """An immutable set of AI definitions; build it with `Gs1Dictionary.from_text`."""

    definitions: Mapping[str, AiDefinition]
    # GS1 gives every AI starting with the same two digits the same length; scan data relies on it.
    ai_lengths: Mapping[str, int]

    @classmethod
    def from_text(cls, text: str) -> Gs1Dictionary:
        """Read the dictionary's text format. A malformed entry raises ValueError naming its line."""
        definitions: dict[str, AiDefinition] = {}
        lengths: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                entries = _parse_entry(line)
            except ValueError as error:
                raise ValueError(f"GS1 dictionary line {number}: {error}") from None
            for entry in entries:
                if entry.ai in definitions:
                    raise ValueError(f"GS1 dictionary line {number}: AI ({entry.ai}) is defined twice")
                if lengths.setdefault(entry.ai[:2], len(entry.ai)) != len(entry.ai):
                    raise ValueError(f"GS1 dictionary line {number}: AIs starting {entry.ai[:2]} differ in length")
                definitions[entry.ai] = entry
        if not definitions:
            raise ValueError("the GS1 dictionary holds no AI")
        return cls(MappingProxyType(definitions), MappingProxyType(lengths))

    def get(self, ai: str) -> AiDefinition | None:
        return self.definitions.get(ai)

    def ai_length(self, prefix: str) -> int | None:
        """The length of the AIs that start with these two digits, or None when GS1 defines none."""
        return self.ai_lengths.get(prefix[:2])

    def __contains__(self, ai: object) -> bool:
        return ai in self.definitions

    def __iter__(self) -> Iterator[str]:
        return iter(self.definitions)

    def __len__(self) -> int:
        return len(self.definitions)


def ai_matches(pattern: str, ai: str) -> bool:
    """True when `ai` matches a dictionary pattern such as "01", "310n" or "35nn"."""
    return len(pattern) == len(ai) and all(p in ("n", a) for p, a in zip(pattern, ai, strict=True))


def _parse_entry(line: str) -> list[AiDefinition]:
    body, _, title = line.partition("#")
    tokens = body.split()
    if len(tokens) < 2:
        raise ValueError("an entry needs an AI and a data format")
    ais = _expand_range(tokens[0])
    rest = tokens[1:]
    flags = rest.pop(0) if set(rest[0]) <= _FLAG_CHARACTERS else ""
    components: list[Component] = []
    while rest and _COMPONENT.match(rest[0]):
        components.append(_parse_component(rest.pop(0)))
    if not components:
        raise ValueError(f"no data format for AI ({tokens[0]})")
    _check_component_order(components)
    if "*" in flags and any(c.min_length != c.max_length or c.optional for c in components):
        raise ValueError(f"AI ({tokens[0]}) is marked predefined-length but its length varies")
    requires: list[tuple[tuple[str, ...], ...]] = []
    excludes: list[str] = []
    qualifiers: tuple[tuple[str, ...], ...] | None = None
    for attribute in rest:
        key, _, value = attribute.partition("=")
        if key == "req":
            requires.append(tuple(tuple(group.split("+")) for group in value.split(",")))
        elif key == "ex":
            excludes.extend(value.split(","))
        elif key == "dlpkey":
            qualifiers = tuple(tuple(seq.split(",")) for seq in value.split("|")) if value else ((),)
    return [
        AiDefinition(
            ai,
            title.strip(),
            tuple(components),
            "*" in flags,
            tuple(requires),
            tuple(excludes),
            dl_qualifiers=qualifiers,
            dl_attribute="?" in flags,
        )
        for ai in ais
    ]


def _expand_range(token: str) -> list[str]:
    first, dash, last = token.partition("-")
    if not dash:
        last = first
    if not _AI.match(first) or not _AI.match(last) or len(first) != len(last) or first[:-1] != last[:-1]:
        raise ValueError(f"{token!r} is not an AI or a range of AIs such as 3100-3105")
    if last < first:
        raise ValueError(f"the AI range {token!r} runs backwards")
    return [first[:-1] + str(digit) for digit in range(int(first[-1]), int(last[-1]) + 1)]


def _parse_component(token: str) -> Component:
    match = _COMPONENT.match(token)
    assert match is not None  # the caller matched it already
    opening, charset, variable, length, closing, linters = match.groups()
    if bool(opening) != bool(closing):
        raise ValueError(f"unbalanced brackets in {token!r}")
    maximum = int(length)
    if maximum == 0:
        raise ValueError(f"zero length in {token!r}")
    return Component(charset, 1 if variable else maximum, maximum, bool(opening), tuple(linters.split(",")[1:]))


def _check_component_order(components: list[Component]) -> None:
    for before, after in pairwise(components):
        if before.min_length != before.max_length:
            raise ValueError("only the last component may vary in length")
        if before.optional and not after.optional:
            raise ValueError("a required component follows an optional one")
