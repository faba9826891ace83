"""The master-data reader over hostile input: whatever arrives is read or refused with a sentence and an
`erp.` code, never a traceback; what it reads holds only values the plant file would take."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.plant_values import ROLES
from mes_terminal.domain.values import parse_code
from mes_terminal.integration.b2mml_read import read_b2mml
from mes_terminal.integration.model import ErpDocument
from tests.erp.documents import V0600, V0700, Record, master_data

_DOCUMENTS = [
    master_data(
        "MaterialDefinition",
        [Record("COIL-5", "Coil", [("UnitOfMeasure", "kg", None), ("ShelfLife", "13", "weeks")])],
        bod="Sync",
    ),
    master_data(
        "Equipment",
        [
            Record(
                "L1",
                level="ProductionLine",
                children=[Record("WS-03", "Press", level="WorkCell", properties=[("MicroStopSeconds", "2", "min")])],
            )
        ],
        version="V0700",
        information="EI-1",
    ),
    master_data(
        "Person",
        [Record("E-1", name="Ana", properties=[("Badge", "B77", None)], classes=["operator"])],
        bod="Sync",
    ),
]
# Element text that ERP files carry, and text that should never get through.
_TEXTS = st.one_of(
    st.sampled_from(["", " ", "kg", "true", "no", "0", "-1", "1e3", "P1D", "WorkCell", "Other", "4006381333931"]),
    st.text(max_size=80),
)


def _read(tmp_path: Path, data: bytes) -> ErpDocument | InvalidInput:
    path = tmp_path / "master.xml"
    path.write_bytes(data)
    try:
        return read_b2mml(path)
    except InvalidInput as refusal:
        return refusal


def _plant_values_only(document: ErpDocument) -> None:
    """Every code read is one the plant file takes; roles are the MES's own."""
    codes = [m.code for m in document.materials] + [e.code for e in document.equipment]
    codes += [e.parent for e in document.equipment] + [p.badge for p in document.people]
    codes += [q for p in document.people for q in p.qualifications or ()]
    for code in codes:
        assert parse_code(code, "code") == code
    assert all(role in ROLES for p in document.people for role in p.roles or ())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    which=st.integers(0, len(_DOCUMENTS) - 1),
    cuts=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 40), st.binary(max_size=12)), max_size=4),
)
def test_mutated_master_data_is_read_or_refused_with_a_sentence(
    tmp_path: Path, which: int, cuts: list[tuple[int, int, bytes]]
) -> None:
    data = _DOCUMENTS[which]
    for at, length, insert in cuts:
        at = at % (len(data) + 1)
        data = data[:at] + insert + data[at + length :]
    read = _read(tmp_path, data)
    if isinstance(read, InvalidInput):
        assert read.code.startswith("erp.") and read.message
    else:
        assert read.kind and len(read.content_hash) == 64
        _plant_values_only(read)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, len(_DOCUMENTS) - 1), picks=st.lists(st.tuples(st.integers(0, 200), _TEXTS), max_size=5))
def test_any_text_in_any_element_is_read_or_refused_with_a_sentence(
    tmp_path: Path, which: int, picks: list[tuple[int, str]]
) -> None:
    root = etree.fromstring(_DOCUMENTS[which])
    elements = list(root.iter())
    for index, text in picks:
        clean = "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 32 and not 0xD800 <= ord(ch) <= 0xDFFF))
        clean = "".join(ch for ch in clean if ch not in "\ufffe\uffff")
        elements[index % len(elements)].text = clean
    read = _read(tmp_path, etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    if isinstance(read, InvalidInput):
        assert read.code.startswith("erp.") and read.message
    else:
        _plant_values_only(read)


def test_deeply_nested_equipment_is_read_without_running_out_of_stack(tmp_path: Path) -> None:
    depth = 200  # libxml2 refuses documents nested deeper than 256 (huge_tree is off)
    area = "<EquipmentLevel>Area</EquipmentLevel>"
    body = "".join(f"<EquipmentChild><ID>A{i}</ID>{area}" for i in range(depth))
    press = "<EquipmentChild><ID>WS-9</ID><EquipmentLevel>ProductionLine</EquipmentLevel></EquipmentChild>"
    tail = "</EquipmentChild>" * depth
    data = f'<Equipment xmlns="{V0700}"><ID>TOP</ID>{area}{body}{press}{tail}</Equipment>'.encode()
    read = _read(tmp_path, data)
    assert isinstance(read, ErpDocument), read
    assert [line.code for line in read.lines] == ["WS-9"]


@pytest.mark.parametrize("root", ["SyncPerson", "Equipment", "MaterialDefinition"])
def test_entities_in_master_data_are_refused_unexpanded(tmp_path: Path, root: str) -> None:
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n'
        f'<{root} xmlns="{V0600}"><ID>&b;</ID></{root}>'
    ).encode()
    read = _read(tmp_path, data)
    assert isinstance(read, InvalidInput) and read.code == "erp.unsafe"
    assert "aaaa" not in read.message
