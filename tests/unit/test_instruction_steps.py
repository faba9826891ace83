"""Instruction steps in the plant file and the checks of their images and PDFs (domain/instructions.py)."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mes_terminal.domain import instructions as wi
from mes_terminal.domain.errors import InvalidInput, PlantFileError
from mes_terminal.domain.plant import parse_plant
from tests.media_files import pdf, png

PLANT = """\
[site]
code = "S1"
name = "Small plant"
timezone = "Europe/Berlin"

[[lines]]
code = "L1"
name = "Line"

[[lines.workstations]]
code = "WS-01"
name = "Press"

[[products]]
code = "P1"
name = "Part"
unit = "pcs"

[[products.routing]]
operation = 10
name = "Press"
workstations = ["WS-01"]
ideal_cycle_seconds = 10
work_instruction = "Press the blank."
"""

STEPS = """
[[products.routing.instructions]]
text = "Clamp the blank against both stops."
image = "press.png"
caution = "Keep hands clear."

[[products.routing.instructions]]
pdf = "setup.pdf"
page = 2
"""

FILES = {"press.png": png(), "setup.pdf": pdf(2)}


def read(files: dict[str, bytes]):
    def reader(name: str) -> bytes:
        if name not in files:
            raise InvalidInput(f"{name} does not exist beside the plant file.")
        return files[name]

    return reader


def parse(extra: str, files: dict[str, bytes] = FILES):
    return parse_plant(PLANT + extra, "plant.toml", read_media=read(files))


def test_steps_are_read_in_order_with_their_checked_files() -> None:
    operation = parse(STEPS).products[0].routing[0]
    first, second = operation.instructions
    assert first.text == "Clamp the blank against both stops."
    assert first.caution == "Keep hands clear."
    assert first.media is not None and first.media.media_type == wi.PNG
    assert first.media.sha256 == wi.content_address(FILES["press.png"])
    assert second.text is None and second.page == 2
    assert second.media is not None and second.media.media_type == wi.PDF and second.media.pages == 2
    assert operation.work_instruction == "Press the blank."  # the summary stays
    assert operation.acknowledge_instructions is False


def test_a_file_without_instructions_reads_as_before() -> None:
    assert parse("").products[0].routing[0].instructions == ()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "press.png is empty"),
        (b"hello, I am text\n", "is not a PNG or JPEG image (it looks like text)"),
        (pdf(1), "is not a PNG or JPEG image (it is a PDF)"),
        (b"GIF89a" + b"\x00" * 20, "image of another kind"),
        (png()[:40], "not a whole PNG image"),
        (png()[:-12], "its end is missing"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "header is damaged"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 200, "not a whole JPEG image"),
        (png(width=20_000, height=1), "20000 x 1 pixels"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * (wi.MAX_IMAGE_BYTES + 1), "at most 5.0 MB"),
    ],
)
def test_a_hostile_image_is_refused_with_a_sentence(content: bytes, words: str) -> None:
    with pytest.raises(PlantFileError) as caught:
        parse(STEPS, {**FILES, "press.png": content})
    message = str(caught.value)
    assert "plant.toml, line" in message
    assert "products[0].routing[0].instructions[0].image is refused" in message
    assert words in message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (png(), "setup.pdf is not a PDF (it is a PNG image)"),
        (pdf(2)[:-200], "its end (%%EOF) is missing"),
        (pdf(1), "asks for page 2, but setup.pdf has 1 page"),
    ],
)
def test_a_hostile_pdf_is_refused_with_a_sentence(content: bytes, words: str) -> None:
    with pytest.raises(PlantFileError, match=r"instructions\[1\]") as caught:
        parse(STEPS, {**FILES, "setup.pdf": content})
    assert words in str(caught.value)


def test_a_missing_file_is_refused_and_every_problem_is_named_at_once() -> None:
    with pytest.raises(PlantFileError) as caught:
        parse(STEPS, {})
    message = str(caught.value)
    assert "2 errors" in message
    assert "press.png does not exist" in message and "setup.pdf does not exist" in message


@pytest.mark.parametrize(
    ("step", "words"),
    [
        ('image = "a.png"\npdf = "b.pdf"', "stands beside image"),
        ('text = "x"\npage = 2', "names no pdf"),
        ('caution = "Hot"', "has nothing to show"),
        ('image = "/etc/passwd"', "must be a path relative to the plant file"),
        ('image = "C:\\\\photos\\\\a.png"', "must be a path relative to the plant file"),
        ('text = "x"\nvideo = "a.mp4"', "is not a known key"),
        ('text = ""', "must be a text in quotes"),
        ("text = 3", "must be a text in quotes"),
    ],
)
def test_a_malformed_step_is_refused(step: str, words: str) -> None:
    with pytest.raises(PlantFileError, match="instructions") as caught:
        parse(f"\n[[products.routing.instructions]]\n{step}\n", {"a.png": png(), "b.pdf": pdf()})
    assert words in str(caught.value)


def test_acknowledging_needs_instructions() -> None:
    text = PLANT.replace('work_instruction = "Press the blank."', "acknowledge_instructions = true")
    with pytest.raises(PlantFileError, match="acknowledge_instructions asks operators"):
        parse_plant(text, "plant.toml", read_media=read(FILES))


def test_without_a_reader_the_steps_name_their_files_unread() -> None:
    steps = parse_plant(PLANT + STEPS, "plant.toml").products[0].routing[0].instructions
    assert [(s.file, s.media) for s in steps] == [("press.png", None), ("setup.pdf", None)]


def test_a_file_two_steps_name_is_read_once() -> None:
    reads: list[str] = []

    def counting(name: str) -> bytes:
        reads.append(name)
        return FILES[name]

    steps = '\n[[products.routing.instructions]]\nimage = "press.png"\n' * 3
    parse_plant(PLANT + steps, "plant.toml", read_media=counting)
    assert reads == ["press.png"]


_STEP_VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(-3, 5),
    st.booleans(),
    st.sampled_from(["press.png", "setup.pdf", "missing.png", "../x.png", "/abs.png"]),
    st.lists(st.text(max_size=5), max_size=2),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["text", "image", "pdf", "page", "caution", "other"]), _STEP_VALUES, max_size=5
        ),
        max_size=4,
    ),
    st.dictionaries(st.sampled_from(["press.png", "setup.pdf"]), st.binary(max_size=64)),
)
def test_any_steps_and_any_files_read_or_are_refused_with_a_plant_file_error(
    steps: list[dict[str, object]], hostile: dict[str, bytes]
) -> None:
    import tomli_w

    document = tomllib.loads(PLANT)
    document["products"][0]["routing"][0]["instructions"] = steps
    text = tomli_w.dumps(document)
    try:
        plant = parse_plant(text, "plant.toml", read_media=read({**FILES, **hostile}))
    except PlantFileError as error:
        assert str(error).startswith("plant.toml")
        return
    for step in plant.products[0].routing[0].instructions:
        assert step.text or step.media is not None
        if step.media is not None:
            assert step.media.media_type in wi.MEDIA_TYPES
            assert step.media.size > 0


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=256), st.sampled_from(["image", "pdf"]))
def test_any_bytes_are_a_checked_file_or_a_sentence(content: bytes, kind: str) -> None:
    try:
        media = wi.check_media(content, "f.bin", kind)
    except InvalidInput as error:
        assert error.message.startswith("f.bin ")
        return
    assert media.media_type in wi.MEDIA_TYPES
