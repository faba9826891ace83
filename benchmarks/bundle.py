"""Benchmark: the self-contained bundle's size and the cold start of its terminal, next to the installed package.

    QT_QPA_PLATFORM=offscreen python benchmarks/bundle.py [--starts 7] [--build]

Both start the same way, as a new process from the command line,
`mes-terminal terminal --station WS-01 --windowed --exit-when-ready`, over the same SQLite demo
database, and are timed from the spawn to the exit that follows the first paint of the station: the
bundle's dist/mes-terminal/mes-terminal against the installed package's console script. Runs alternate
between the two so that both see the same machine. Budget: the bundle no more than 1.20x the package.
A benchmark, not a test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "mes-terminal"
BUNDLED = BUNDLE / ("mes-terminal.exe" if sys.platform == "win32" else "mes-terminal")
BUDGET = 1.20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=7)
    parser.add_argument("--build", action="store_true", help="build the bundle first (python installer/build.py)")
    args = parser.parse_args()
    if args.build or not BUNDLED.exists():
        subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--no-installer"], check=True)
    installed = _installed_command()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        url = f"sqlite:///{home / 'demo.sqlite'}"
        _start(installed, ["demo", "--no-window", "--database-url", url], home)
        terminal = ["terminal", "--station", "WS-01", "--windowed", "--exit-when-ready", "--database-url", url]
        _start(installed, terminal, home)  # one start each first: both read from the page cache alike after it
        _start([str(BUNDLED)], terminal, home)
        times: dict[str, list[float]] = {"package": [], "bundle": []}
        for _ in range(args.starts):
            times["package"].append(_start(installed, terminal, home))
            times["bundle"].append(_start([str(BUNDLED)], terminal, home))

    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    files = sum(1 for p in BUNDLE.rglob("*") if p.is_file())
    package, bundle = statistics.median(times["package"]), statistics.median(times["bundle"])
    print(f"Bundle {BUNDLE}: {size / 1e6:.0f} MB in {files} files")
    print(f"Cold start to the station painted ({args.starts} starts each, alternating; budget bundle <= {BUDGET:.2f}x)")
    print(f"   installed package   median {package * 1000:6.0f} ms   min {min(times['package']) * 1000:6.0f} ms")
    print(f"   bundle              median {bundle * 1000:6.0f} ms   min {min(times['bundle']) * 1000:6.0f} ms")
    print(f"   ratio bundle / package: {bundle / package:.2f}x")


def _installed_command() -> list[str]:
    script = Path(sys.executable).parent / ("mes-terminal.exe" if sys.platform == "win32" else "mes-terminal")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mes_terminal"]


def _start(command: list[str], argv: list[str], home: Path) -> float:
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    started = time.perf_counter()
    subprocess.run([*command, *argv], env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
