"""Work instructions of a routing operation: ordered steps, each a text, an image or a PDF page, and a caution.

Pure rules over values: what a step may hold, what an image or PDF must look like before it is stored
(its kind told by its first bytes, never by its name; its size; whether it is whole), the content
address a file is stored under, and the code a traveler prints to open the instructions on a terminal.

A file that is not what its step says (a renamed text file, a PNG cut short, a PDF without its end)
is refused at plant load with a sentence naming it; it never reaches a station as a blank page.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass, field

from mes_terminal.domain.errors import InvalidInput

PNG = "image/png"
JPEG = "image/jpeg"
PDF = "application/pdf"
IMAGE_TYPES = (PNG, JPEG)
MEDIA_TYPES = (PNG, JPEG, PDF)

MAX_IMAGE_BYTES = 5 * 1024 * 1024  # a photo of a fixture at terminal size is far below this
MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_IMAGE_SIDE = 12_000  # pixels; larger images are not photos of a workplace but a risk to memory
MAX_STEPS = 100
MAX_STEP_TEXT = 2000
MAX_CAUTION = 400

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"IEND\xaeB`\x82"
_JPEG_START = b"\xff\xd8\xff"
_JPEG_END = b"\xff\xd9"
_PDF_START = re.compile(rb"%PDF-[12]\.[0-9]")
_PDF_END = b"%%EOF"
# A page object: "/Type /Page" not followed by "s" (that would be the page tree).
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")

# What a traveler's DataMatrix holds to open the instructions of one operation: INSTR:<order>:<operation>.
SCAN_PREFIX = "INSTR:"


@dataclass(frozen=True)
class Media:
    """An image or PDF a step shows: checked, with its content and the address it is stored under."""

    name: str  # as the plant file wrote it, for messages
    media_type: str
    content: bytes = field(repr=False)
    pages: int | None = None  # PDF pages counted in the file, when they could be counted without decoding

    @property
    def sha256(self) -> str:
        return content_address(self.content)

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class InstructionStep:
    text: str | None
    caution: str | None = None
    media: Media | None = None
    page: int | None = None  # the PDF page shown, from 1; None for images and text-only steps
    file: str | None = None  # the image or PDF as the plant file names it (read into `media` when loaded)


def step_problem(text: str | None, caution: str | None, media_sha256: str | None, page: int | None) -> str | None:
    """What is wrong with a step written in the console (the rest of a sentence "Step 2 ..."), or None."""
    if not text and media_sha256 is None:
        return "shows nothing: give it a text."
    if text is not None and len(text) > MAX_STEP_TEXT:
        return f"has a text longer than {MAX_STEP_TEXT} characters; split the step in two."
    if caution is not None and len(caution) > MAX_CAUTION:
        return f"has a caution longer than {MAX_CAUTION} characters."
    if page is not None and (media_sha256 is None or page < 1):
        return "names a PDF page but no PDF."
    return None


def content_address(content: bytes) -> str:
    """The SHA-256 of the content in hex: equal files are stored once, under this key."""
    return hashlib.sha256(content).hexdigest()


def check_media(content: bytes, name: str, expected: str) -> Media:
    """`content` as an image (`expected` "image") or a PDF ("pdf"); `InvalidInput` with a sentence when it
    is empty, too large, of another kind than its step says, or cut short."""
    if not content:
        raise InvalidInput(f"{name} is empty.")
    if expected == "image":
        media_type = _image_type(content, name)
        _check_size(content, name, MAX_IMAGE_BYTES)
        if media_type == PNG:
            _check_png(content, name)
        else:
            _check_jpeg(content, name)
        return Media(name=name, media_type=media_type, content=content)
    if expected == "pdf":
        if _PDF_START.search(content[:1024]) is None:
            raise InvalidInput(f"{name} is not a PDF ({_what_it_is(content)}).")
        _check_size(content, name, MAX_PDF_BYTES)
        if _PDF_END not in content[-2048:]:
            raise InvalidInput(f"{name} is not a whole PDF: its end (%%EOF) is missing; the file may be cut short.")
        pages = len(_PDF_PAGE.findall(content))
        return Media(name=name, media_type=PDF, content=content, pages=pages or None)
    raise ValueError(f"unknown media kind {expected!r}")


def page_problem(media: Media, page: int) -> str | None:
    """What is wrong with showing `page` of a PDF (it is not in it), or None; pages that could not be
    counted without decoding the file are taken on trust (the terminal says so if the page is missing)."""
    if media.pages is not None and page > media.pages:
        pages = "page" if media.pages == 1 else "pages"
        return f"asks for page {page}, but {media.name} has {media.pages} {pages}."
    return None


def _image_type(content: bytes, name: str) -> str:
    if content.startswith(_PNG_SIGNATURE):
        return PNG
    if content.startswith(_JPEG_START):
        return JPEG
    raise InvalidInput(f"{name} is not a PNG or JPEG image ({_what_it_is(content)}).")


def _check_size(content: bytes, name: str, limit: int) -> None:
    if len(content) > limit:
        raise InvalidInput(
            f"{name} is {_megabytes(len(content))}; a step's file may be at most {_megabytes(limit)}. "
            f"Make it smaller or split it."
        )


def _check_png(content: bytes, name: str) -> None:
    # The first chunk is IHDR (13 bytes: width, height, ...); the last is IEND.
    if len(content) < 33 or content[12:16] != b"IHDR":
        raise InvalidInput(f"{name} is not a whole PNG image: its header is damaged.")
    width, height = struct.unpack(">II", content[16:24])
    if not (0 < width <= MAX_IMAGE_SIDE and 0 < height <= MAX_IMAGE_SIDE):
        raise InvalidInput(
            f"{name} is {width} x {height} pixels; an image may have from 1 to {MAX_IMAGE_SIDE} pixels a side."
        )
    if not content.rstrip(b"\x00").endswith(_PNG_END):
        raise InvalidInput(f"{name} is not a whole PNG image: its end is missing; the file may be cut short.")


def _check_jpeg(content: bytes, name: str) -> None:
    if len(content) < 4 or _JPEG_END not in content[-64:]:
        raise InvalidInput(f"{name} is not a whole JPEG image: its end is missing; the file may be cut short.")


def _what_it_is(content: bytes) -> str:
    """A few words on what a refused file seems to be, for the sentence."""
    if content.startswith(_PNG_SIGNATURE):
        return "it is a PNG image"
    if content.startswith(_JPEG_START):
        return "it is a JPEG image"
    if _PDF_START.search(content[:1024]):
        return "it is a PDF"
    if content[:4] in (b"GIF8", b"RIFF", b"II*\x00", b"MM\x00*"):
        return "it is an image of another kind; save it as PNG or JPEG"
    if content.startswith(b"PK\x03\x04"):
        return "it is a ZIP or Office file"
    try:
        content[:512].decode("utf-8")
    except UnicodeDecodeError:
        return "its first bytes are of no known kind"
    return "it looks like text"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def scan_code(work_order: str, operation: int) -> str:
    """What a traveler's DataMatrix holds to open the instructions of one operation."""
    return f"{SCAN_PREFIX}{work_order}:{operation}"


__all__ = [
    "IMAGE_TYPES",
    "MEDIA_TYPES",
    "PDF",
    "SCAN_PREFIX",
    "InstructionStep",
    "Media",
    "check_media",
    "content_address",
    "page_problem",
    "scan_code",
    "step_problem",
]
