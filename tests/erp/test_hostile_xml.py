"""Hostile and broken XML: refused with a sentence, never expanded, never a file read, never a traceback."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mes_terminal.domain import error_codes as codes
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.integration.b2mml_read import read_b2mml
from tests.erp.documents import Request, Segment, production_schedule

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<ProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600"><ID>&lol9;</ID></ProductionSchedule>
"""


def _xxe(target: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY x SYSTEM "{target}">]>\n'
        '<ProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600"><ID>&x;</ID></ProductionSchedule>'
    ).encode()


def _refusal(path: Path) -> InvalidInput:
    with pytest.raises(InvalidInput) as refused:
        read_b2mml(path)
    return refused.value


def test_billion_laughs_is_refused_unexpanded(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xml"
    path.write_bytes(BILLION_LAUGHS)
    refusal = _refusal(path)
    assert refusal.code == codes.ERP_UNSAFE
    assert "lollol" not in refusal.message


def test_an_external_entity_is_refused_and_its_file_never_opened(tmp_path: Path) -> None:
    # A FIFO tells whether anyone opened it: a reader blocks until a writer comes, and a writer that
    # opens without blocking fails (ENXIO) while no reader has it open.
    fifo = tmp_path / "secret"
    os.mkfifo(fifo)
    path = tmp_path / "xxe.xml"
    path.write_bytes(_xxe(fifo.as_uri()))
    outcome: list[object] = []
    reader = threading.Thread(target=lambda: outcome.append(_code(path)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    if reader.is_alive():  # the parser opened the FIFO and waits for data: let it go, then fail
        with open(fifo, "wb") as writer:
            writer.write(b"leaked")
        pytest.fail("the parser opened the external entity's file")
    assert outcome == [codes.ERP_UNSAFE]
    with pytest.raises(OSError) as nobody_reads:
        os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    assert nobody_reads.value.errno == errno.ENXIO


def test_an_external_entity_over_the_network_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe-net.xml"
    path.write_bytes(_xxe("http://127.0.0.1:9/secret"))
    assert _refusal(path).code == codes.ERP_UNSAFE


def _code(path: Path) -> str:
    try:
        read_b2mml(path)
    except InvalidInput as refusal:
        return refusal.code
    return "read"


def test_a_file_above_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(production_schedule([Request("WO-1", segments=[Segment("10", produced=("A", "1", None))])]))
    with pytest.raises(InvalidInput) as refused:
        read_b2mml(path, limit=100)
    assert refused.value.code == codes.ERP_TOO_LARGE


_VALID = production_schedule(
    [
        Request(
            "WO-1",
            priority="3",
            state="Released",
            segments=[
                Segment("10", equipment="WS-01", duration="PT1H", setup="15", produced=("BRACKET-A", "0.4E1", "pcs")),
                Segment("20", children=[Segment("21", equipment="L1", duration="PT30M")]),
            ],
        )
    ],
    bod="Process",
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.tuples(st.integers(0, len(_VALID)), st.integers(0, 40), st.binary(max_size=12)), max_size=4))
def test_mutated_documents_are_read_or_refused_with_a_sentence(
    tmp_path: Path, cuts: list[tuple[int, int, bytes]]
) -> None:
    data = _VALID
    for at, length, insert in cuts:
        data = data[:at] + insert + data[at + length :]
    path = tmp_path / "mutated.xml"
    path.write_bytes(data)
    try:
        document = read_b2mml(path)
    except InvalidInput as refusal:
        assert refusal.code.startswith("erp.") and refusal.message
    else:
        assert document.kind and len(document.content_hash) == 64
