"""A distinct sound per feedback kind: QSoundEffect with the shipped WAVs, else the system beep.

Qt Multimedia needs an audio stack (PulseAudio, ALSA...). Where it cannot load or there is no audio
output (a kiosk without speakers, an offscreen test run), `QApplication.beep()` stands in; where even
that is silent, the coloured banner still says everything.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from mes_terminal.paths import resources_dir

if TYPE_CHECKING:  # Qt Multimedia is loaded only when there is audio (see _load)
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

SOUND_FILES = {"ok": "ok.wav", "warn": "warn.wav", "error": "error.wav"}


class FeedbackSounds(QObject):
    """`play(kind)` for "ok", "warn", "error"; "info" is silent. Never raises."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.backend = "none"
        self.played: list[str] = []  # what was asked for, in order (the tests listen here)
        self._effects: dict[str, QSoundEffect] = {}
        if enabled:
            self._load(resources_dir() / "sounds")

    def play(self, kind: str) -> None:
        if kind not in SOUND_FILES or not self.enabled:
            return
        self.played.append(kind)
        effect = self._effects.get(kind)
        try:
            if effect is not None:
                effect.play()
            elif self.backend == "beep":
                QApplication.beep()
        except Exception:  # a sound is never worth a failure
            log.warning("could not play the %s sound", kind, exc_info=True)

    def _load(self, folder: Path) -> None:
        if QGuiApplication.platformName() == "offscreen":
            # Nothing to hear offscreen; Qt Multimedia would only warn about the missing audio server.
            self.backend = "beep"
            return
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as error:  # no audio libraries on this machine
            log.info("no Qt Multimedia (%s); using the system beep", error)
            self.backend = "beep"
            return
        if not QMediaDevices.audioOutputs():
            self.backend = "beep"
            return
        for kind, name in SOUND_FILES.items():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(folder / name)))
            self._effects[kind] = effect
        self.backend = "soundeffect"
