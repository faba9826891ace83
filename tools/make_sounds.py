"""Write the scan feedback sounds into resources/sounds/ (standard library only; run once, commit the WAVs).

    .venv/bin/python tools/make_sounds.py

ok.wav: one short high beep. warn.wav: two middle beeps. error.wav: a long low buzz. Distinct in pitch and
rhythm, so an operator with gloves on and eyes on the part hears which it was.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
SOUNDS = Path(__file__).resolve().parent.parent / "resources" / "sounds"

# name -> [(frequency Hz, seconds), ...]; a frequency of 0 is silence
PATTERNS = {
    "ok": [(1760, 0.12)],
    "warn": [(880, 0.12), (0, 0.08), (880, 0.12)],
    "error": [(220, 0.45)],
}


def tone(frequency: float, seconds: float, volume: float = 0.5) -> bytes:
    count = int(RATE * seconds)
    fade = max(1, int(RATE * 0.01))  # 10 ms ramps: no clicks
    frames = bytearray()
    for i in range(count):
        envelope = min(1.0, i / fade, (count - i) / fade)
        if frequency <= 0:
            sample = 0.0
        elif frequency < 400:  # a buzz: square wave, heard through noise
            sample = 1.0 if math.sin(2 * math.pi * frequency * i / RATE) >= 0 else -1.0
            sample *= 0.6
        else:
            sample = math.sin(2 * math.pi * frequency * i / RATE)
        frames += struct.pack("<h", int(sample * envelope * volume * 32767))
    return bytes(frames)


def main() -> None:
    SOUNDS.mkdir(parents=True, exist_ok=True)
    for name, pattern in PATTERNS.items():
        with wave.open(str(SOUNDS / f"{name}.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(b"".join(tone(f, s) for f, s in pattern))
        print(SOUNDS / f"{name}.wav")


if __name__ == "__main__":
    main()
