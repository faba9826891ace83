"""The on-screen keyboard and its text handling: what a person types is what the field holds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from mes_terminal.ui.widgets.keyboard import (
    BACK,
    CLEAR,
    LAYOUTS,
    SHIFT,
    SPACE_NAME,
    OnScreenKeyboard,
    apply_text_key,
    layout_for,
)
from mes_terminal.ui.widgets.text_dialog import TextDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

MAX = 40
# What may be typed: letters, digits, punctuation, symbols, the plain space (not controls or other spaces).
printable = st.characters(blacklist_categories=("Cs",)).filter(str.isprintable)
keys = st.one_of(printable, st.sampled_from([BACK, CLEAR, "\n", "\t", "\x1b", "shift"]))


def typed(text: str, *, max_length: int = MAX) -> str:
    result = ""
    for key in text:
        result = apply_text_key(result, key, max_length=max_length)
    return result


@given(st.text(printable, max_size=80))
def test_typing_printable_characters_gives_that_text_up_to_the_limit(text: str) -> None:
    assert typed(text) == text[:MAX]


@given(st.lists(keys, max_size=120))
def test_no_key_sequence_makes_the_text_too_long_or_unprintable(sequence: list[str]) -> None:
    text = ""
    for key in sequence:
        before = text
        text = apply_text_key(text, key, max_length=MAX)
        assert len(text) <= MAX
        assert text == "" or text.isprintable()
        if key == BACK:
            assert text == before[:-1]
        elif key == CLEAR:
            assert text == ""
        elif text != before:
            assert text == before + key  # a character is only ever added at the end


@given(st.text(printable, min_size=1, max_size=MAX - 1), printable)
def test_back_takes_away_exactly_the_last_character_typed(text: str, last: str) -> None:
    assert apply_text_key(apply_text_key(text, last, max_length=MAX), BACK, max_length=MAX) == text


EXTRA = {"en": " :#", "de": " ß/"}  # the space bar and the keys beside it


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layout=st.sampled_from(sorted(LAYOUTS)), data=st.data())
def test_tapping_the_keys_types_the_text_with_capitals_after_shift(themed_app, layout: str, data) -> None:
    text = data.draw(st.text(st.sampled_from(sorted(set("".join(LAYOUTS[layout]) + EXTRA[layout]))), max_size=30))
    capitals = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    dialog = TextDialog(None, "Why?")
    keyboard = OnScreenKeyboard(dialog, layout=layout)
    keyboard.key_pressed.connect(dialog.on_key_pressed)
    expected = ""
    try:
        for character, capital in zip(text, capitals, strict=True):
            name = SPACE_NAME if character == " " else character
            if capital and character.isalpha() and len(character.upper()) == 1:
                keyboard.buttons[SHIFT].click()
                assert keyboard.buttons[name].text() == character.upper()
                expected += character.upper()
            else:
                expected += character
            keyboard.buttons[name].click()
            assert not keyboard.shift_on or not character.isalpha()  # Shift holds for one letter
        assert dialog.edit.text() == expected
        keyboard.buttons[BACK].click()
        assert dialog.edit.text() == expected[:-1]
        keyboard.buttons[CLEAR].click()
        assert dialog.edit.text() == ""
    finally:
        dialog.deleteLater()


def test_the_german_layout_is_qwertz_with_umlauts(themed_app) -> None:
    assert layout_for(QLocale(QLocale.Language.German)) == "de"
    assert layout_for(QLocale(QLocale.Language.English)) == "en"
    keyboard = OnScreenKeyboard(layout="de")
    try:
        assert {"z", "ü", "ö", "ä", "ß"} <= set(keyboard.buttons)
        assert all(button.minimumSizeHint().height() >= 56 for button in keyboard.buttons.values())
    finally:
        keyboard.deleteLater()


def test_the_text_dialog_takes_a_suggestion_and_refuses_an_empty_text(themed_app) -> None:
    dialog = TextDialog(None, "Why print the label again?", suggestions=("Label damaged", "Label lost"))
    try:
        dialog.ok_button.click()
        assert dialog.result() == 0 and dialog.error_label.text() != ""
        dialog.suggestion_buttons[1].click()
        assert dialog.edit.text() == "Label lost" and dialog.error_label.text() == ""
        dialog.ok_button.click()
        assert dialog.result() == TextDialog.DialogCode.Accepted and dialog.text() == "Label lost"
    finally:
        dialog.deleteLater()
