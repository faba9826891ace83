"""Build the self-contained MES Terminal bundle: one command, one folder.

    python installer/build.py [--no-installer]

1. renders the icons (installer/icons/*.svg -> build/icons/*.png and *.ico);
2. runs PyInstaller on installer/mes-terminal.spec -> dist/mes-terminal/, holding the `mes-terminal`
   executable with Python, Qt, the migrations, translations, themes, label templates and the demo plant;
3. on Linux, adds the .desktop entries, icons and kiosk files to dist/mes-terminal/linux/;
4. on Windows, runs Inno Setup on installer/windows/mes-terminal.iss -> dist/mes-terminal-VERSION-setup.exe
   when Inno Setup 6 is installed, and says so when it is not.

Needs the `installer` extra: pip install -e '.[installer]'. Output: build/ (scratch) and dist/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
BUNDLE = DIST / "mes-terminal"
ICONS = ("mes-terminal", "mes-supervisor")
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-installer", action="store_true", help="skip the Windows installer (Inno Setup)")
    args = parser.parse_args()
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is missing: pip install -e '.[installer]'", file=sys.stderr)
        return 1
    started = time.perf_counter()
    icons = render_icons(BUILD / "icons")
    run_pyinstaller(icons)
    if sys.platform.startswith("linux"):
        add_linux_files(icons)
    print(f"bundle: {BUNDLE} ({folder_size(BUNDLE) / 1e6:.0f} MB) in {time.perf_counter() - started:.0f} s")
    if not args.no_installer:
        windows_installer()
    return 0


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def render_icons(out: Path) -> Path:
    """PNG files for Linux and a multi-size .ico for the Windows executable, drawn from the SVG sources."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    out.mkdir(parents=True, exist_ok=True)
    for name in ICONS:
        renderer = QSvgRenderer(str(INSTALLER / "icons" / f"{name}.svg"))
        for size in ICON_SIZES:
            image = QImage(size, size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
            image.save(str(out / f"{name}-{size}.png"))
            if size == 256:
                image.save(str(out / f"{name}.png"))
                image.save(str(out / f"{name}.ico"))
    del app
    return out


def run_pyinstaller(icons: Path) -> None:
    shutil.rmtree(BUNDLE, ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=ERROR",
            f"--distpath={DIST}",
            f"--workpath={BUILD / 'pyinstaller'}",
            str(INSTALLER / "mes-terminal.spec"),
        ],
        check=True,
        cwd=ROOT,
        env={**os.environ, "MES_BUILD_ICONS": str(icons)},
    )


def add_linux_files(icons: Path) -> None:
    """The desktop entries, icons and kiosk files, for docs/install.md to copy into place."""
    target = BUNDLE / "linux"
    shutil.copytree(INSTALLER / "linux", target, dirs_exist_ok=True)
    for name in ICONS:
        shutil.copy2(INSTALLER / "icons" / f"{name}.svg", target / f"{name}.svg")
        shutil.copy2(icons / f"{name}.png", target / f"{name}.png")
    (target / "mes-terminal-kiosk.sh").chmod(0o755)
    (target / "install.sh").chmod(0o755)


def inno_compiler() -> Path | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(base or "/nonexistent") / "Inno Setup 6" / "ISCC.exe"
        if candidate.exists():
            return candidate
    return None


def windows_installer() -> None:
    compiler = inno_compiler()
    if compiler is None:
        where = "" if sys.platform == "win32" else " (the installer is built on Windows, from a Windows bundle)"
        print(f"Inno Setup (ISCC.exe) not found: skipped the Windows installer{where}.")
        return
    if sys.platform != "win32":
        print("Inno Setup found, but this bundle is not a Windows bundle: skipped the Windows installer.")
        return
    subprocess.run(
        [
            str(compiler),
            f"/DAppVersion={version()}",
            f"/DBundleDir={BUNDLE}",
            f"/DIconDir={BUILD / 'icons'}",
            f"/O{DIST}",
            str(INSTALLER / "windows" / "mes-terminal.iss"),
        ],
        check=True,
    )
    print(f"installer: {DIST / f'mes-terminal-{version()}-setup.exe'}")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


if __name__ == "__main__":
    sys.exit(main())
