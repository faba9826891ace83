"""benchmarks/floor.py at two stations for a few seconds: every figure printed, every invariant holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIGURES = {"count", "refused", "rate", "p50_ms", "p99_ms"}
COMMANDS = {"SignIn", "StartJob", "ConsumeLot", "ReportCount", "RecordCheck", "StartDowntime", "EndDowntime"}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.environ.get("MES_TEST_DATABASE_URL"), reason="needs MES_TEST_DATABASE_URL (PostgreSQL)"),
]


def test_two_stations_report_every_figure_and_keep_every_invariant() -> None:
    run = subprocess.run(
        [sys.executable, "benchmarks/floor.py", "--stations", "2", "--seconds", "4", "--pace", "0.05", "--json"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)

    assert figures["stations"] == 2
    stack = figures["stack"]
    assert set(stack["by_type"]) >= COMMANDS
    for kind in COMMANDS:
        assert set(stack["by_type"][kind]) == FIGURES
        assert stack["by_type"][kind]["count"] > 0
        assert stack["by_type"][kind]["p50_ms"] <= stack["by_type"][kind]["p99_ms"]
    assert stack["by_type"]["ConsumeLot"]["refused"] == 0
    assert stack["by_type"]["ReportCount"]["refused"] == 0
    assert set(stack["total"]) == FIGURES and stack["total"]["rate"] > 0
    assert set(figures["raw"]["total"]) == FIGURES and figures["raw"]["total"]["count"] > 0

    assert len(figures["invariants"]) == 7
    assert all(figures["invariants"].values()), figures["invariants"]
