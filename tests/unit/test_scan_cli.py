"""`mes-terminal scan`: what the terminal would do with a scan, as JSON or readable text, no database."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from mes_terminal.cli import main
from mes_terminal.domain.scan_explanation import FIELDS

ELEMENT_STRING = "]C1010950600013435210R-2612-04A\x1d17270531"
DIGITAL_LINK = "https://id.gs1.org/01/09506000134352/10/R-2612-04A?17=270531"


def scan_json(capsys: pytest.CaptureFixture[str], *texts: str) -> tuple[int, list[dict]]:
    code = main(["scan", "--json", *texts])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines()]


def test_a_lot_reads_the_same_from_its_gs1_128_and_its_digital_link(capsys) -> None:
    code, (from_string, from_link) = scan_json(capsys, ELEMENT_STRING, DIGITAL_LINK)
    assert code == 0
    assert list(from_string) == list(FIELDS)
    for answer in (from_string, from_link):
        assert (answer["ok"], answer["kind"], answer["gtin"], answer["lot"]) == (
            True,
            "lot",
            "09506000134352",
            "R-2612-04A",
        )
        assert answer["gs1"] == [["01", "09506000134352"], ["10", "R-2612-04A"], ["17", "270531"]]
    assert from_string["raw"] == ELEMENT_STRING  # the GS byte kept
    assert from_link["message"].startswith("A GS1 Digital Link naming batch R-2612-04A of GTIN 09506000134352")


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("B1001", {"kind": "badge", "badge": "B1001"}),
        ("OP:WO-1042:20", {"kind": "operation", "work_order": "WO-1042", "operation": 20}),
        ("WO:WO-1042", {"kind": "work_order", "work_order": "WO-1042"}),
        ("LOT:L-7781", {"kind": "lot", "lot": "L-7781", "gs1": None}),
        ("WS:WS-01", {"kind": "station"}),
    ],
)
def test_our_own_codes_are_explained(capsys, text: str, fields: dict) -> None:
    code, (answer,) = scan_json(capsys, text)
    assert code == 0 and answer["ok"] is True
    assert {key: answer[key] for key in fields} == fields
    assert answer["message"]


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("https://www.example.com/shop", "is a web address with no GS1 key such as /01/ in its path"),
        ("javascript:alert(1)", "javascript: links are never opened"),
        ("https://id.gs1.org/01/09506000134353/10/A", "The GTIN check digit in AI (01) is wrong: expected 2, found 3."),
        ("https://id.gs1.org/00/006141411234567890", "names no lot (AI 10)"),
        ("hello", "Not a code MES Terminal knows: hello"),
    ],
)
def test_what_the_terminal_cannot_use_says_why_and_exits_2(capsys, text: str, sentence: str) -> None:
    code, (answer,) = scan_json(capsys, text)
    assert code == 2 and answer["ok"] is False
    assert sentence in answer["message"]


def test_without_text_each_line_of_standard_input_is_a_scan(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    data = f"B1001\r\n\n{ELEMENT_STRING}\n{DIGITAL_LINK}".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, answers = scan_json(capsys)
    assert code == 0
    assert [a["raw"] for a in answers] == ["B1001", ELEMENT_STRING, DIGITAL_LINK]


def test_readable_text_without_json(capsys) -> None:
    assert main(["scan", ELEMENT_STRING]) == 0
    out = capsys.readouterr().out
    assert "scan:        ]C1010950600013435210R-2612-04A<GS>17270531" in out
    assert "gs1:         (01)09506000134352(10)R-2612-04A(17)270531" in out


def test_a_badge_pattern_of_the_plant_is_used(capsys) -> None:
    code, (answer,) = scan_json(capsys, "--badge-pattern", r"^\d{6}$", "123456")
    assert (code, answer["kind"], answer["badge"]) == (0, "badge", "123456")
    assert main(["scan", "--badge-pattern", "(", "x"]) == 2
    assert "not a valid regular expression" in capsys.readouterr().err


def test_a_gs_byte_through_a_real_pipe_stays_a_gs_byte() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mes_terminal", "scan", "--json"],
        input=(ELEMENT_STRING + "\n").encode("latin-1"),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["raw"] == ELEMENT_STRING and answer["lot"] == "R-2612-04A"
