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


def test_the_wheel_carries_mesas_schemas_and_validates_an_export_without_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    schemas = "mes_terminal/integration/schemas"
    assert {
        f"{schemas}/README.md",
        f"{schemas}/V0600/B2MML-V0600-ProductionPerformance.xsd",
        f"{schemas}/V0700/B2MML-OperationsPerformance.xsd",
        f"{schemas}/V0700/LICENSE",
    } <= names
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    script = (
        "from datetime import UTC, datetime\n"
        "from decimal import Decimal\n"
        "import mes_terminal.integration.schema_check as check\n"
        "from mes_terminal.integration.export import build_performance\n"
        "from mes_terminal.services.queries.erp_performance import OperationPerformance\n"
        "t = datetime(2026, 3, 2, tzinfo=UTC)\n"
        "op = OperationPerformance('WO-1', 'P', 'pcs', 10, 'Cut', 'completed', t, t, Decimal(3), Decimal(0),"
        " 'L-1', ('WS-01',), (), ())\n"
        "for fmt in ('b2mml-v0600', 'b2mml-v0700'):\n"
        "    assert check.first_error(build_performance(fmt, 'WO-1', [op], start=t, end=t, now=t), fmt) is None\n"
        "print(check.SCHEMAS)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    ran = subprocess.run([sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip().startswith(str(unpacked))
