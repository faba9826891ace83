"""Switching the interface language at run time: English (the source text) and German."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from mes_terminal.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("en", "de")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def language_of(locale: str) -> str:
    """ "de_DE", "de-AT", "de" -> "de"; anything not shipped -> "en"."""
    code = locale.replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else "en"


class LanguageSwitcher(QObject):
    """Installs the translator for a language; every widget then gets a LanguageChange event."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = "en"
        self._translator: QTranslator | None = None

    def switch(self, language: str) -> bool:
        """Switch to `language` ("en" or "de"); False (and English) when its translations are missing."""
        language = language_of(language)
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before switching the language")
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        ok = True
        if language != "en":
            translator = QTranslator(self)
            if translator.load(f"mes_terminal_{language}", str(translations_dir())):
                app.installTranslator(translator)
                self._translator = translator
            else:
                log.warning("no %s translations in %s", language, translations_dir())
                language, ok = "en", False
        QLocale.setDefault(QLocale(language))
        self.language = language
        self.language_changed.emit(language)
        return ok

    def next_language(self) -> str:
        return LANGUAGES[(LANGUAGES.index(self.language) + 1) % len(LANGUAGES)]
