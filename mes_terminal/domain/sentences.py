"""Sentences for people that the screen can translate: the English text, and what it was made of.

A `Sentence` is a `str` (the English sentence, as logs, files and the command line show it) that also
keeps its template and values. The terminal looks the template up in its translations and fills in
the values, themselves translated where they are sentences: "{job} is not running at {station}."
becomes "{job} läuft nicht an {station}." with the job named in German too.

The templates are collected from the code into the translation files by tools/generate_ui.py, so a
template must be a literal string at the call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Sentence(str):
    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Sentence:
        sentence = super().__new__(cls, template.format(**values))
        sentence.template = template
        sentence.values = values
        return sentence

    def __reduce__(self) -> tuple[Any, ...]:  # pickled and copied with its template and values
        return _rebuild, (self.template, self.values)


def _rebuild(template: str, values: dict[str, Any]) -> Sentence:
    return Sentence(template, **values)


def joined(parts: Sequence[str], separator: str) -> Sentence:
    """Several sentences or words as one value, each translated on its own: "A needs 5 kg; B needs 2 m"."""
    names = {f"part{index}": part for index, part in enumerate(parts)}
    return Sentence(separator.join("{" + name + "}" for name in names), **names)
