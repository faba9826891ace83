"""Fixtures of the ERP exchange: a folder to drop documents in, and the import as the CLI runs it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from mes_terminal.integration.apply import Outcome
from mes_terminal.integration.importer import import_file
from tests.conftest import START


@pytest.fixture
def drop(tmp_path: Path) -> Callable[[str, bytes], Path]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()

    def write(name: str, data: bytes) -> Path:
        path = inbox / name
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def imported(plant: Engine) -> Callable[..., Outcome]:
    def run(path: Path, **options: object) -> Outcome:
        return import_file(plant, path, now=START, **options)  # type: ignore[arg-type]

    return run
