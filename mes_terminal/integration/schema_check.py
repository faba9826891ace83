"""Validation against MESA's official XSDs, shipped in integration/schemas/ (see its README for the licence)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"
PERFORMANCE = {
    "b2mml-v0600": SCHEMAS / "V0600" / "B2MML-V0600-ProductionPerformance.xsd",
    "b2mml-v0700": SCHEMAS / "V0700" / "B2MML-OperationsPerformance.xsd",
}


@cache
def _schema(path: Path) -> Any:
    # The schema files are ours (shipped, unmodified MESA files): their includes resolve beside them.
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def first_error(document: Any, fmt: str) -> tuple[str, int] | None:
    """None when `document` is valid against the schema of `fmt`; else the first error and its line."""
    return first_error_against(document, PERFORMANCE[fmt])


def first_error_against(document: Any, schema_file: Path) -> tuple[str, int] | None:
    """None when `document` (an lxml element) is valid against the XSD `schema_file`; else the first error."""
    schema = _schema(schema_file)
    if schema.validate(document):
        return None
    error = schema.error_log[0]
    return error.message, error.line
