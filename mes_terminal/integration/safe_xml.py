"""Reading XML from outside the plant safely: streaming, no DTD, no entities, no network, a size limit.

A file that declares a DTD is refused before its first element is read further: entity expansion
(billion laughs) and external entities (XXE: a file or URL pulled into the document) cannot happen
because lxml is told not to resolve entities, load DTDs or touch the network, and because the refusal
comes at the first element, before any content that could use them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from lxml import etree

from mes_terminal.domain.error_codes import ERP_NOT_WELL_FORMED, ERP_TOO_LARGE, ERP_UNSAFE
from mes_terminal.domain.errors import InvalidInput

# 256 MB: far above any real schedule, far below what would exhaust a terminal server.
DEFAULT_LIMIT = 256 * 1024 * 1024
_CHUNK = 64 * 1024


@dataclass
class _HashingReader:
    """What lxml reads from: hashes the bytes as they pass and stops at the limit."""

    raw: IO[bytes]
    name: str
    limit: int
    digest: Any = field(default_factory=hashlib.sha256)
    size: int = 0
    head: bytes = b""  # the start of the file: where a DTD would be

    def read(self, n: int = _CHUNK) -> bytes:
        data = self.raw.read(n if n and n > 0 else _CHUNK)
        self.size += len(data)
        if self.size > self.limit:
            raise InvalidInput(
                ERP_TOO_LARGE.sentence(file=self.name, size=f"> {self.limit // 2**20}", limit=self.limit // 2**20),
                code=ERP_TOO_LARGE,
            )
        self.digest.update(data)
        if len(self.head) < _CHUNK:
            self.head += data[:_CHUNK]
        return data


class XmlStream:
    """`for event, element in stream:` over a file; `stream.sha256` once it has been read to the end."""

    def __init__(self, path: Path, *, limit: int = DEFAULT_LIMIT) -> None:
        self.path = path
        self.limit = limit
        self._reader: _HashingReader | None = None

    @property
    def sha256(self) -> str:
        assert self._reader is not None, "read the stream first"
        return self._reader.digest.hexdigest()

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        name = self.path.name
        size = self.path.stat().st_size
        if size > self.limit:
            raise InvalidInput(
                ERP_TOO_LARGE.sentence(file=name, size=round(size / 2**20, 1), limit=self.limit // 2**20),
                code=ERP_TOO_LARGE,
            )
        with self.path.open("rb") as raw:
            self._reader = _HashingReader(raw, name, self.limit)
            events = etree.iterparse(
                self._reader,
                events=("start", "end"),
                resolve_entities=False,
                load_dtd=False,
                dtd_validation=False,
                no_network=True,
                huge_tree=False,
                remove_comments=True,
                remove_pis=True,
            )
            first = True
            try:
                for event, element in events:
                    docinfo = element.getroottree().docinfo
                    if docinfo.doctype or docinfo.internalDTD is not None:
                        raise InvalidInput(
                            ERP_UNSAFE.sentence(file=name, line=element.sourceline or 1), code=ERP_UNSAFE
                        )
                    first = False
                    yield event, element
                    break
                yield from events  # the checked first element aside, nothing per element here: it adds up
                # The rest of the bytes (trailing whitespace) still count for the hash.
                while self._reader.read(_CHUNK):
                    pass
            except etree.XMLSyntaxError as error:
                if first and b"<!DOCTYPE" in self._reader.head.upper():
                    # libxml2 itself stops some entity bombs while it reads the DTD: still a DTD refused.
                    line = error.position[0] if error.position else 1
                    raise InvalidInput(ERP_UNSAFE.sentence(file=name, line=line), code=ERP_UNSAFE) from None
                reason = (error.msg or "syntax error").split(", line ")[0]
                line = error.position[0] if error.position else 1
                raise InvalidInput(
                    ERP_NOT_WELL_FORMED.sentence(file=name, reason=reason, line=line), code=ERP_NOT_WELL_FORMED
                ) from None


def local(tag: object) -> tuple[str, str]:
    """(namespace, local name) of an element's tag; comments and processing instructions give ('', '')."""
    if not isinstance(tag, str):
        return "", ""
    return _split(tag)


@lru_cache(maxsize=4096)  # a document has a few dozen tags, read hundreds of thousands of times
def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def release(element: Any) -> None:
    """Forget an element already read, and the siblings before it, so memory stays flat."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
