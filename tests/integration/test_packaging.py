"""An installed wheel carries its migrations and resources, and finds them without the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("mes_terminal-*.whl"))


def test_the_wheel_holds_migrations_and_the_demo_plant(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "mes_terminal/_migrations/env.py" in names
    assert any(n.startswith("mes_terminal/_migrations/versions/0001_") for n in names)
    assert "mes_terminal/_resources/plants/demo.toml" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_the_unpacked_wheel_migrates_a_database_on_its_own(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    url = f"sqlite:///{tmp_path / 'mes.sqlite'}"
    where = subprocess.run(
        [sys.executable, "-c", "import mes_terminal.paths as p; print(p.migrations_dir())"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(unpacked))
    done = subprocess.run(
        [sys.executable, "-m", "mes_terminal", "db", "upgrade", "--database-url", url],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "database at revision" in done.stdout
