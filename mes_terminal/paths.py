"""Where the shipped migrations and resources are: inside an installed wheel or beside the package."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(bundled: str, top_level: str) -> Path:
    inside = _PACKAGE / bundled  # an installed wheel (or a bundle) carries a copy inside the package
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / top_level  # an editable checkout: the top-level folder of the repository


def migrations_dir() -> Path:
    return _shipped("_migrations", "migrations")


def resources_dir() -> Path:
    return _shipped("_resources", "resources")


def demo_plant_file() -> Path:
    return resources_dir() / "plants" / "demo.toml"
