"""Cutting a serial scanner's byte stream into scans at its terminator.

A serial scanner sends each barcode followed by a suffix, usually CR or CR LF. Bytes arrive in chunks
of any size: one read may hold half a scan or fifty. `Framer` keeps the unfinished tail between reads
and decodes only whole frames, so a UTF-8 character split across two reads is still read correctly.
"""

from __future__ import annotations

DEFAULT_TERMINATOR = b"\r"
# Far beyond any barcode. A stream this long without a terminator means the scanner's suffix is set to
# something else; passing the bytes on lets a red banner show it instead of memory filling silently.
MAX_FRAME_BYTES = 4096
_LINE_ENDS = b"\r\n"


class Framer:
    """Splits bytes at `terminator`; frames are decoded as UTF-8 (bad bytes become U+FFFD).

    CR and LF around a frame are dropped, so a scanner that sends CR LF works with a CR (or LF)
    terminator too; frames that are empty after that (blank lines) are skipped.
    """

    def __init__(self, terminator: bytes = DEFAULT_TERMINATOR, *, max_frame_bytes: int = MAX_FRAME_BYTES) -> None:
        if not terminator:
            raise ValueError("the terminator may not be empty")
        self.terminator = terminator
        self.max_frame_bytes = max_frame_bytes
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[str]:
        """Add received bytes; return the frames they complete, oldest first."""
        self._buffer += data
        frames: list[bytes] = []
        while True:
            end = self._buffer.find(self.terminator)
            if end < 0:
                break
            frames.append(bytes(self._buffer[:end]))
            del self._buffer[: end + len(self.terminator)]
        # A lone LF left after a CR terminator is the rest of a CR LF, not the start of a scan: it
        # stays in the buffer and is dropped with the next frame's edges.
        if len(self._buffer) > self.max_frame_bytes:
            frames.append(bytes(self._buffer))
            self._buffer.clear()
        return [text for text in (_decode(frame) for frame in frames) if text]

    def reset(self) -> None:
        """Forget an unfinished frame (the port was lost mid-scan: that scan is incomplete)."""
        self._buffer.clear()

    @property
    def pending(self) -> bytes:
        """Bytes received after the last terminator."""
        return bytes(self._buffer)


def _decode(frame: bytes) -> str:
    return frame.strip(_LINE_ENDS).decode("utf-8", errors="replace")
