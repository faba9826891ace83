"""A small disk of its own for a test (a tmpfs mount), to fill up and free again: a terminal's full disk.

    with small_disk(tmp_path / "disk") as disk:   # skips the test where mounting is not permitted
        disk.fill()    # not one byte left
        disk.free()    # room again

Mounting needs root (or CAP_SYS_ADMIN) on Linux; elsewhere the test is skipped and says why.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SIZE = "1m"  # room for a few hundred commands in an outbox: enough to fill quickly, not enough to matter


class SmallDisk:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fillers: list[Path] = []

    def fill(self) -> None:
        """Take every free byte: large blocks first, then single bytes up to the last one."""
        for name, block in (("filler-large", 1 << 16), ("filler-small", 1)):
            filler = self.path / name
            self._fillers.append(filler)
            descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                while True:
                    os.write(descriptor, b"\0" * block)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
            finally:
                os.close(descriptor)

    def free(self) -> None:
        for filler in self._fillers:
            filler.unlink(missing_ok=True)
        self._fillers.clear()

    def room(self) -> int:
        return shutil.disk_usage(self.path).free


@contextmanager
def small_disk(path: Path, size: str = SIZE) -> Iterator[SmallDisk]:
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("a full disk is made with a tmpfs mount, which needs Linux and mount(8)")
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here (needs root or CAP_SYS_ADMIN): {mounted.stderr.strip()}")
    try:
        yield SmallDisk(path)
    finally:
        # Lazily: a file a failed test left open must not keep the mount (and the test's directory) alive.
        subprocess.run(["umount", "--lazy", str(path)], check=True)
