"""The self-contained bundle: built by `python installer/build.py`, run from dist/ with a clean environment.

Slow (a PyInstaller build): deselected by default, run with `pytest -m slow` (CI does, see .ci/run).
"Clean" means what a workstation without Python has: no virtual environment on PATH, no PYTHONPATH,
no settings, a fresh home directory.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import PG_ENV, create_pg_database, drop_pg_database

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "mes-terminal"
EXE = BUNDLE / ("mes-terminal.exe" if sys.platform == "win32" else "mes-terminal")


@pytest.fixture(scope="module")
def bundle() -> Path:
    pytest.importorskip("PyInstaller", reason="the installer extra: pip install -e '.[installer]'")
    done = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--no-installer"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "bundle: " in done.stdout
    return BUNDLE


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def run(home: Path, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """The bundled executable with nothing of this Python around it."""
    home.mkdir(exist_ok=True)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if sys.platform == "win32":  # Windows needs its own basics to start any program
        env.update({name: os.environ[name] for name in ("SYSTEMROOT", "TEMP", "TMP") if name in os.environ})
    done = subprocess.run([str(EXE), *argv], env=env, cwd=home, capture_output=True, text=True, timeout=300)
    if check:
        assert done.returncode == 0, f"{argv}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


def test_the_bundle_holds_everything_the_application_loads_from_files(bundle: Path) -> None:
    assert EXE.is_file()
    inside = bundle / "_internal" / "mes_terminal"
    assert (inside / "_migrations" / "env.py").is_file()
    assert list((inside / "_migrations" / "versions").glob("0001_*.py"))
    resources = inside / "_resources"
    assert (resources / "plants" / "demo.toml").is_file()
    assert (resources / "themes" / "terminal.qss").is_file()
    assert list((resources / "translations").glob("*.qm"))
    assert not list((resources / "translations").glob("*.ts"))  # sources stay behind
    if (ROOT / "resources" / "labels").is_dir():
        assert (resources / "labels").is_dir()
    if sys.platform.startswith("linux"):
        for name in ("mes-terminal.desktop", "mes-supervisor.desktop", "mes-terminal-kiosk.sh", "install.sh"):
            assert (bundle / "linux" / name).is_file()


def test_every_qt_module_the_code_imports_is_in_the_bundle(bundle: Path) -> None:
    used = set()
    for source in (ROOT / "mes_terminal").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt[A-Za-z0-9]+)", source.read_text(encoding="utf-8")))
    bundled = {path.name.split(".")[0] for path in (bundle / "_internal" / "PySide6").glob("Qt*.*")}
    assert used <= bundled, f"left out of the bundle: {sorted(used - bundled)}"


def test_the_optional_parts_are_in_the_bundle(bundle: Path) -> None:
    # Imported only when a plant uses them: the machine connectors, the camera's decoder and its backend
    archive = (ROOT / "build" / "pyinstaller" / "mes-terminal" / "PYZ-00.toc").read_text(encoding="utf-8")
    for module in ("paho.mqtt.client", "asyncua", "pymodbus.client", "mes_terminal.ui.terminal.camera_scan"):
        assert f"'{module}'" in archive, f"{module} is not in the bundle"
    internal = bundle / "_internal"
    assert list(internal.glob("zxingcpp*")), "zxing-cpp (the camera's decoder) is not in the bundle"
    if sys.platform.startswith("linux"):
        assert list(internal.rglob("libffmpegmediaplugin.so")), "the camera's media backend is not in the bundle"


def test_version_upgrade_check_and_doctor_run_from_the_bundle(bundle: Path, home: Path) -> None:
    assert run(home, "--version").stdout.strip() == "mes-terminal 0.1.0"
    url = f"sqlite:///{home / 'throwaway.sqlite'}"
    assert "database at revision" in run(home, "db", "upgrade", "--database-url", url).stdout
    assert run(home, "db", "check", "--database-url", url).stdout.startswith("database at head")
    doctor = run(home, "doctor", "--database-url", url).stdout.splitlines()
    assert [line.split()[1] for line in doctor] == ["settings", "database", "station", "scanner", "printer", "qt"]
    assert all(line.startswith("ok ") for line in doctor), doctor


def test_db_check_from_the_bundle_refuses_an_empty_database(bundle: Path, home: Path) -> None:
    empty = home / "empty.sqlite"
    home.mkdir()
    empty.touch()
    done = run(home, "db", "check", "--database-url", f"sqlite:///{empty}", check=False)
    assert done.returncode == 3
    assert "mes-terminal db upgrade" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_terminal_and_the_supervisor_start_from_the_bundle(bundle: Path, home: Path) -> None:
    url = f"sqlite:///{home / 'demo.sqlite'}"
    run(home, "demo", "--no-window", "--database-url", url)
    run(home, "terminal", "--station", "WS-01", "--windowed", "--exit-when-ready", "--database-url", url)
    run(home, "supervisor", "--exit-when-ready", "--database-url", url)


def test_the_schedule_and_the_erp_export_run_from_the_bundle(bundle: Path, home: Path) -> None:
    # OR-Tools with numpy, the shipped XSDs and lxml: loaded only by these commands, never at start
    url = f"sqlite:///{home / 'demo.sqlite'}"
    run(home, "demo", "--no-window", "--database-url", url)
    plan = json.loads(run(home, "schedule", "--time-limit", "2", "--json", "--database-url", url).stdout)
    assert plan["operations"]
    out = home / "erp-out"
    written = run(
        home,
        "erp",
        "export",
        "--format",
        "b2mml-v0600",
        "--from",
        "2000-01-01T00:00:00Z",
        "--out",
        str(out),
        "--json",
        "--database-url",
        url,
    )
    assert json.loads(written.stdout)["files"]
    assert list(out.glob("*.xml"))


def test_the_bundle_migrates_postgresql(bundle: Path, home: Path) -> None:
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV}")
    name = f"mes_bundle_{uuid.uuid4().hex[:8]}"
    url = create_pg_database(server, name)
    try:
        run(home, "db", "upgrade", "--database-url", url)
        run(home, "db", "check", "--database-url", url)
    finally:
        drop_pg_database(server, name)
