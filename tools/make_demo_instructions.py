"""Draw the demo plant's instruction pictures (resources/plants/instructions/): run once, commit the files.

    .venv/bin/python tools/make_demo_instructions.py

A clamping sketch (PNG) and a two-page setup sheet (PDF) for BRACKET-A operation 10 at the laser cutter.
The PDF is written invariant (no date, no random id), so running this again gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

OUT = Path(__file__).resolve().parent.parent / "resources" / "plants" / "instructions"


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def arrow(draw: ImageDraw.ImageDraw, start: tuple[int, int], end: tuple[int, int], colour: str) -> None:
    draw.line([start, end], fill=colour, width=8)
    x, y = end
    sx, sy = start
    if abs(x - sx) > abs(y - sy):
        d = 1 if x > sx else -1
        draw.polygon([(x + 14 * d, y), (x - 10 * d, y - 16), (x - 10 * d, y + 16)], fill=colour)
    else:
        d = 1 if y > sy else -1
        draw.polygon([(x, y + 14 * d), (x - 16, y - 10 * d), (x + 16, y - 10 * d)], fill=colour)


def clamp_sketch() -> Image.Image:
    image = Image.new("RGB", (1200, 800), "#f4f6f8")
    draw = ImageDraw.Draw(image)
    # The machine table with its slats.
    draw.rectangle([100, 140, 1100, 700], fill="#c9d1d9", outline="#57606a", width=4)
    for x in range(140, 1100, 60):
        draw.line([(x, 150), (x, 690)], fill="#afb8c1", width=3)
    # The blank, pushed into the corner against both stops.
    draw.rectangle([220, 260, 820, 620], fill="#8c959f", outline="#24292f", width=5)
    draw.rectangle([260, 300, 340, 380], outline="#24292f", width=3)  # the nested bracket outline
    draw.polygon([(380, 300), (780, 300), (780, 580), (580, 580), (580, 420), (380, 420)], outline="#24292f", width=3)
    # Stop 1 (left) and stop 2 (top), in blue.
    draw.rectangle([180, 300, 220, 580], fill="#0969da")
    draw.rectangle([300, 220, 760, 260], fill="#0969da")
    draw.text((106, 252), "STOP 1", fill="#0969da", font=font(34))
    draw.text((560, 170), "STOP 2", fill="#0969da", font=font(34))
    # Push directions.
    arrow(draw, (980, 440), (840, 440), "#1a7f37")
    arrow(draw, (520, 740), (520, 640), "#1a7f37")
    draw.text((880, 370), "push", fill="#1a7f37", font=font(34))
    # The danger zone of the head.
    draw.rectangle([900, 160, 1080, 330], outline="#cf222e", width=6)
    draw.line([(900, 160), (1080, 330)], fill="#cf222e", width=4)
    draw.line([(1080, 160), (900, 330)], fill="#cf222e", width=4)
    draw.text((905, 95), "no hands", fill="#cf222e", font=font(36))
    draw.text((100, 40), "BRACKET-A op 10 - blank against both stops", fill="#24292f", font=font(44))
    return image


def setup_sheet(path: Path) -> None:
    canvas = Canvas(str(path), pagesize=A4, invariant=True, pageCompression=1)
    width, height = A4
    canvas.setTitle("BRK-A-02 setup sheet")
    pages = [
        (
            "Setup sheet BRK-A-02 - page 1 of 2",
            [
                "Machine: laser cutter WS-01",
                "Program: BRK-A-02 (nest of 24)",
                "Material: STEEL-2MM DC01",
                "Nozzle: 1.5 mm single",
                "Focus: -1.0 mm",
                "Gas: N2, 14 bar",
            ],
        ),
        (
            "Setup sheet BRK-A-02 - page 2 of 2",
            [
                "1. Load the sheet; rolling direction along X.",
                "2. Push the sheet against stop 1 and stop 2.",
                "3. Run the edge detection (key F7).",
                "4. Start program BRK-A-02.",
                "5. Remove the skeleton after each sheet.",
                "6. Deburr the tabs; check the first part (CUT-FAI).",
            ],
        ),
    ]
    for title, lines in pages:
        canvas.setFillColorRGB(0.04, 0.41, 0.85)
        canvas.rect(0, height - 90, width, 90, fill=1, stroke=0)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica-Bold", 22)
        canvas.drawString(40, height - 58, title)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 20)
        y = height - 150
        for line in lines:
            canvas.drawString(50, y, line)
            y -= 42
        canvas.setStrokeColorRGB(0.4, 0.4, 0.4)
        canvas.rect(50, 120, width - 100, y - 160, stroke=1, fill=0)
        canvas.setFont("Helvetica-Oblique", 14)
        canvas.drawString(60, 130, "Released by quality - keep at the machine")
        canvas.showPage()
    canvas.save()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    clamp_sketch().save(OUT / "clamp-blank.png", optimize=True)
    setup_sheet(OUT / "brk-a-02-setup.pdf")
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
