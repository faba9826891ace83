"""Reading a TOML document field by field, with errors that name the file, the key path and the line.

A person who mistypes a plant file must be told where: `demo.toml, line 14: lines[0].workstations[1].code
is missing.` tomllib reports the line of a syntax error itself; for everything found wrong later, the
line is looked up by `key_lines`, a small scanner that maps each table header and key of the (already
valid) text to the line it stands on.

A file is read to its end: every problem is noted (`TomlDocument.note`) and reading goes on with the
next key, so that one run names every mistake (up to `MAX_PROBLEMS`). A value that could not be read
stands as None (or its default); the table holding it is no longer `intact`, and rules that would
compare such values ask that first. `TomlDocument.check()` raises the document's error with them all.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NoReturn, TypeVar, overload

from mes_terminal.domain.errors import InvalidInput, PlantFileError

KeyPath = tuple[str | int, ...]
T = TypeVar("T")
D = TypeVar("D")

# A reader turns one raw TOML value into a clean one, or raises InvalidInput naming `field`.
Reader = Callable[[object, str], T]

_REQUIRED: Any = object()
MAX_PROBLEMS = 50  # a file with more is most likely not a plant file at all: say how many more


class Abandoned(Exception):
    """Raised by `fail` after noting a problem: the rest of the table or rule being read is skipped.

    Caught by `TomlDocument.attempt`; never leaves the reader (see `TomlDocument.check`)."""


# tomllib's words for the most common slip, in words a plant engineer recognises.
_PLAINER_REASONS = {"illegal character '\\n'": "a text in quotes is not closed before the end of the line"}
_TOML_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")


def dotted(path: KeyPath) -> str:
    """`("lines", 0, "workstations", 1, "code")` -> `lines[0].workstations[1].code`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def show(value: object) -> str:
    """A short printable form of a value for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class TomlDocument:
    """A parsed TOML text that can say where any key path stands in it."""

    def __init__(self, text: str, source: str, error: type[PlantFileError]) -> None:
        self.source = source
        self._text = text
        self._error = error
        self._lines: dict[KeyPath, int] | None = None
        self._problems: list[tuple[int, int, str]] = []  # (line or a big number, order found, sentence)
        self._paths: list[KeyPath] = []
        self._more = 0
        self.data = self._load()

    def root(self, keys: Iterable[str]) -> Table:
        return Table(self, (), self.data, keys)

    def note(self, path: KeyPath, problem: str) -> None:
        """Note `<file>, line N: <key path> <problem>`; a second problem at the same key is left out
        (it follows from the first)."""
        self._add(path, f"{dotted(path)} {problem}")

    def fail(self, path: KeyPath, problem: str) -> NoReturn:
        """Note the problem and abandon what is being read (up to the nearest `attempt`)."""
        self.note(path, problem)
        raise Abandoned

    def refuse(self, path: KeyPath, error: InvalidInput) -> None:
        """Note a reader's refusal, whose message already names the key."""
        self._add(path, error.message)

    def attempt(self, read: Callable[[], T]) -> T | None:
        """`read()`, or None when it was abandoned (its problem is noted)."""
        try:
            return read()
        except Abandoned:
            return None

    def intact(self, path: KeyPath) -> bool:
        """No problem was noted at `path` or below it."""
        size = len(path)
        return not any(noted[:size] == path for noted in self._paths)

    @property
    def problems(self) -> list[str]:
        """Every problem noted so far, in the order of the lines they stand on."""
        return [sentence for _, _, sentence in sorted(self._problems)]

    def check(self) -> None:
        """Raise the document's error naming every problem noted, if there is any."""
        problems = self.problems
        if not problems:
            return
        if len(problems) == 1 and not self._more:
            raise self._error(problems[0])
        count = len(problems) + self._more
        lines = [f"{self.source} has {count} errors; nothing of it was loaded:", *(f"  {p}" for p in problems)]
        if self._more:
            lines.append(f"  ... and {self._more} more.")
        raise self._error("\n".join(lines), problems=problems, more=self._more)

    def _add(self, path: KeyPath, sentence: str) -> None:
        if any(noted == path[: len(noted)] for noted in self._paths):
            return  # already wrong at this key or the table holding it
        self._paths.append(path)
        if len(self._problems) >= MAX_PROBLEMS:
            self._more += 1
            return
        line = self.line_of(path)
        where = self.source if line is None else f"{self.source}, line {line}"
        self._problems.append((line if line is not None else 1 << 30, len(self._problems), f"{where}: {sentence}"))

    def line_of(self, path: KeyPath) -> int | None:
        """The line of `path`, or of its nearest enclosing key or table when it is not written out."""
        if self._lines is None:
            self._lines = key_lines(self._text)
        for end in range(len(path), 0, -1):
            line = self._lines.get(path[:end])
            if line is not None:
                return line
        return None

    def _load(self) -> dict[str, Any]:
        try:
            return tomllib.loads(self._text)
        except tomllib.TOMLDecodeError as exc:
            reason = str(exc)
            found = _TOML_POSITION.search(reason)
            where = self.source
            if found is not None:
                reason = reason[: found.start()]
                where += f", line {found[1]}, column {found[2]}" if found[1] else ", at the end"
            reason = reason[:1].lower() + reason[1:]
            reason = _PLAINER_REASONS.get(reason, reason)
            raise self._error(f"{where}: this is not valid TOML ({reason}).") from None
        except RecursionError:
            raise self._error(f"{self.source}: this is not valid TOML (values are nested too deeply).") from None


class Table:
    """One TOML table being read. Keys it does not know are refused before any value is read."""

    def __init__(
        self,
        document: TomlDocument,
        path: KeyPath,
        data: Mapping[str, Any],
        keys: Iterable[str],
        *,
        hollow: bool = False,
    ) -> None:
        self.document = document
        self.path = path
        self._data = data
        self._keys = tuple(keys)
        self._hollow = hollow  # stands in for a table that is missing or not a table (already noted)
        self._refuse_unknown_keys()

    @property
    def intact(self) -> bool:
        """Every value of this table (and the tables in it) was read without a problem."""
        return not self._hollow and self.document.intact(self.path)

    def __contains__(self, key: str) -> bool:
        return key in self._data

    def at(self, *parts: str | int) -> KeyPath:
        return self.path + parts

    def fail(self, parts: str | int | Sequence[str | int], problem: str) -> NoReturn:
        """Note the problem at the key (or key path) below this table, and abandon the table."""
        self.document.fail(self._below(parts), problem)

    def note(self, parts: str | int | Sequence[str | int], problem: str) -> None:
        """Note the problem at the key (or key path) below this table, and read on."""
        self.document.note(self._below(parts), problem)

    def _below(self, parts: str | int | Sequence[str | int]) -> KeyPath:
        return self.path + (tuple(parts) if isinstance(parts, list | tuple) else (parts,))

    @overload
    def get(self, key: str, read: Reader[T]) -> T: ...

    @overload
    def get(self, key: str, read: Reader[T], default: D) -> T | D: ...

    def get(self, key: str, read: Reader[T], default: Any = _REQUIRED) -> Any:
        """The value of `key` read by `read`; `default` when absent (a problem when there is none).

        A value that is missing or cannot be read is noted and stands as None (or the default)."""
        fallback = None if default is _REQUIRED else default
        if key not in self._data:
            if default is _REQUIRED and not self._hollow:
                self.note(key, "is missing.")
            return fallback
        ok, value = self._read(self.at(key), self._data[key], read)
        return value if ok else fallback

    def get_list(self, key: str, read: Reader[T], *, required: bool = False) -> tuple[T, ...]:
        """A list of values each read by `read`; an empty tuple when absent and not required.

        Elements that cannot be read are noted and left out."""
        raw = self._raw_list(key, required=required, what='a list such as ["A", "B"]')
        values: list[T] = []
        for i, item in enumerate(raw):
            ok, value = self._read(self.at(key, i), item, read)
            if ok:
                values.append(value)
        return tuple(values)

    def table(self, key: str, keys: Iterable[str]) -> Table:
        """A required sub-table, written `[key]`; a hollow stand-in (noted) when it is not there."""
        raw = self._data.get(key)
        if key not in self._data:
            self.note(key, f"is missing; add a [{dotted(self.at(key))}] table.")
        elif not isinstance(raw, dict):
            self.note(key, f"must be a table written [{dotted(self.at(key))}], not {show(raw)}.")
        else:
            return Table(self.document, self.at(key), raw, keys)
        return Table(self.document, self.at(key), {}, keys, hollow=True)

    def tables(self, key: str, keys: Iterable[str], *, required: bool = False) -> list[Table]:
        """An array of tables, written `[[key]]` (or as a list of inline tables); elements that are
        not tables are noted and left out."""
        what = f"a list of tables written [[{dotted(self._named_path(key))}]]"
        raw = self._raw_list(key, required=required, what=what)
        found = []
        for i, item in enumerate(raw):
            if isinstance(item, dict):
                found.append(Table(self.document, self.at(key, i), item, keys))
            else:
                self.note((key, i), f"must be a table, not {show(item)}.")
        return found

    def _raw_list(self, key: str, *, required: bool, what: str) -> list[Any]:
        if key not in self._data:
            if required and not self._hollow:
                self.note(key, f"is missing; it must be {what}.")
            return []
        raw = self._data[key]
        if not isinstance(raw, list):
            self.note(key, f"must be {what}, not {show(raw)}.")
            return []
        if required and not raw:
            self.note(key, "may not be empty.")
        return raw

    def _read(self, path: KeyPath, raw: object, read: Reader[T]) -> tuple[bool, Any]:
        try:
            return True, read(raw, dotted(path))
        except InvalidInput as exc:
            self.document.refuse(path, exc)
            return False, None

    def _named_path(self, key: str) -> tuple[str, ...]:
        # `[[lines.workstations]]` names the array without the element indices.
        return tuple(p for p in self.at(key) if isinstance(p, str))

    def _refuse_unknown_keys(self) -> None:
        for key in self._data:
            if key in self._keys:
                continue
            close = difflib.get_close_matches(key, self._keys, n=1)
            if close:
                self.note(key, f"is not a known key; did you mean {close[0]}?")
            else:
                self.note(key, f"is not a known key here; the known keys are {', '.join(self._keys)}.")


# --- where each key stands -------------------------------------------------------------------------

_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_KEYS = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_ARRAY_HEADER = re.compile(rf"\s*\[\[\s*({_KEYS})\s*\]\]")
_TABLE_HEADER = re.compile(rf"\s*\[\s*({_KEYS})\s*\]")
_KEY_VALUE = re.compile(rf"\s*({_KEYS})\s*=")


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map the key paths of a valid TOML text to their 1-based line numbers.

    Paths carry array indices as tomllib's result would: the second `[[lines.workstations]]` under
    the first `[[lines]]` is `("lines", 0, "workstations", 1)`; the elements of a list written over
    several lines get their own line too. Best effort: a key it cannot place is simply absent.
    """
    scanner = _Scanner()
    # Split on "\n" only, as TOML counts lines: str.splitlines would also split on form feeds and U+2028.
    for number, line in enumerate(text.split("\n"), start=1):
        scanner.feed(line, number)
    return scanner.lines


class _Scanner:
    """Walks a TOML text line by line, tracking tables, arrays of tables, strings and brackets."""

    def __init__(self) -> None:
        self.lines: dict[KeyPath, int] = {}
        self._array_sizes: dict[KeyPath, int] = {}
        self._table: KeyPath = ()
        self._open_string: str | None = None  # the closing delimiter of a multi-line string
        self._depth = 0  # bracket depth of the value being read
        self._value: KeyPath = ()  # the key whose value is being read
        self._value_is_list = False
        self._next_element = 0
        self._expect_element = False

    def feed(self, line: str, number: int) -> None:
        position = 0
        if self._open_string is not None:
            position = self._close_string(line, 0, self._open_string)
            if position < 0:
                return
        if self._depth == 0 and self._open_string is None and position == 0:
            position = self._statement(line, number)
            if position < 0:
                return
        self._scan_value(line, position, number)

    def _statement(self, line: str, number: int) -> int:
        """Read a header or the key of a key/value pair; return where the value starts (-1: none)."""
        stripped = line.lstrip()
        if not stripped or stripped.startswith("#"):
            return -1
        if match := _ARRAY_HEADER.match(line):
            self._enter_array_table(_split_keys(match[1]), number)
            return -1
        if match := _TABLE_HEADER.match(line):
            parts = _split_keys(match[1])
            if parts is not None:
                self._table = self._resolve(parts)
                self._mark(self._table, number)
            return -1
        if match := _KEY_VALUE.match(line):
            parts = _split_keys(match[1])
            if parts is None:
                return -1
            self._value = self._table + parts
            self._mark(self._value, number)
            self._value_is_list = False
            self._next_element = 0
            return match.end()
        return -1

    def _enter_array_table(self, parts: tuple[str, ...] | None, number: int) -> None:
        if parts is None:
            return
        array = (*self._resolve(parts[:-1]), parts[-1])
        index = self._array_sizes.get(array, 0)
        self._array_sizes[array] = index + 1
        self._table = (*array, index)
        self._mark(array, number)
        self.lines[self._table] = number

    def _mark(self, path: KeyPath, number: int) -> None:
        """Note `path` and the tables it creates on the way (`[a.b]` creates `a`) at their first line."""
        for end in range(1, len(path) + 1):
            self.lines.setdefault(path[:end], number)

    def _resolve(self, parts: tuple[str, ...]) -> KeyPath:
        """Turn `lines.workstations` into a path through the latest element of each array of tables."""
        path: KeyPath = ()
        for part in parts:
            path = (*path, part)
            size = self._array_sizes.get(path)
            if size:
                path = (*path, size - 1)
        return path

    def _scan_value(self, line: str, position: int, number: int) -> None:
        i = position
        while i < len(line):
            char = line[i]
            if char in " \t\r":
                i += 1
                continue
            if char == "#":
                return
            self._note_element(char, number)
            if char in "\"'":
                i = self._skip_string(line, i)
                if i < 0:
                    return
                continue
            if char in "[{":
                if self._depth == 0 and char == "[":
                    self._value_is_list = True
                    self._expect_element = True
                self._depth += 1
            elif char in "]}":
                self._depth = max(self._depth - 1, 0)
            elif char == "," and self._depth == 1:
                self._expect_element = True
            i += 1

    def _note_element(self, char: str, number: int) -> None:
        if self._depth == 1 and self._value_is_list and self._expect_element and char not in ",]":
            self.lines.setdefault((*self._value, self._next_element), number)
            self._next_element += 1
            self._expect_element = False

    def _skip_string(self, line: str, start: int) -> int:
        """Position after the string starting at `start`; -1 when it continues on the next line."""
        quote = line[start]
        if line.startswith(quote * 3, start):
            end = self._close_string(line, start + 3, quote * 3)
            if end < 0:
                self._open_string = quote * 3
            return end
        i = start + 1
        while i < len(line):
            if quote == '"' and line[i] == "\\":
                i += 2
                continue
            if line[i] == quote:
                return i + 1
            i += 1
        return len(line)

    def _close_string(self, line: str, start: int, delimiter: str) -> int:
        """Position after `delimiter` closing a multi-line string, or -1 when the string goes on."""
        i = start
        while i < len(line):
            if delimiter[0] == '"' and line[i] == "\\":
                i += 2
                continue
            if line.startswith(delimiter, i):
                end = i + 3
                while end < len(line) and line[end] == delimiter[0] and end < i + 5:
                    end += 1  # up to two quotes may end the content right before the delimiter
                self._open_string = None
                return end
            i += 1
        return -1


def _split_keys(text: str) -> tuple[str, ...] | None:
    """The parts of a dotted key, unquoted by tomllib itself so escapes mean what they mean."""
    try:
        node: object = tomllib.loads(f"{text} = 0")
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    parts: list[str] = []
    while isinstance(node, dict) and len(node) == 1:
        key, node = next(iter(node.items()))
        parts.append(key)
    return tuple(parts) if parts else None
