"""The GS1 dictionary MES Terminal ships: GS1's own file in resources/gs1/, read once per process."""

from __future__ import annotations

import functools

from mes_terminal.domain.errors import ConfigurationError
from mes_terminal.domain.gs1_dictionary import Gs1Dictionary
from mes_terminal.paths import resources_dir

DICTIONARY_FILE = ("gs1", "gs1-syntax-dictionary.txt")


@functools.cache
def default_gs1_dictionary() -> Gs1Dictionary:
    """GS1's Barcode Syntax Dictionary from the shipped resources, parsed on first use and then kept.

    A missing or unreadable file is an installation fault, reported as a ConfigurationError.
    """
    path = resources_dir().joinpath(*DICTIONARY_FILE)
    try:
        return Gs1Dictionary.from_text(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ConfigurationError(
            f"The GS1 dictionary {path} cannot be used ({error}); reinstall MES Terminal to restore it."
        ) from None
