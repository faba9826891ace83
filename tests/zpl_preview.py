"""A small ZPL II interpreter for tests: draws what a thermal printer would print, as an image.

It knows the commands our labels use (^PW ^LL ^FO ^FT ^A0 ^BY ^BC ^BQ ^FB ^FH ^FD ^FS ^PQ) and implements
^BC in no-mode from the ZPL manual: start codes >9 >: >;, switches >5 >6 >7, FNC1 >8, >< for ">",
digit pairs in code set C. The bar patterns are Code 128's width table, written out here and not taken
from the encoder, so a symbol that zxing reads off this image is what a printer would have made of
our ZPL. ^BQ (QR Code, model 2) takes its field data as the manual says: error correction and input
mode first ("MA," is level M, automatic), then the data; the symbol itself is made by reportlab's QR
encoder, standing in for the printer's. Text is drawn with Pillow's own font, for pictures only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.barcode import qrencoder

# Code 128 symbol character widths (bar, space, bar, space, bar, space), values 0 to 105; then STOP.
_WIDTH_TABLE = (
    "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 "
    "122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 "
    "322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 "
    "112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 "
    "331121 312113 312311 332111 314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 "
    "112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 111242 121142 121241 114212 "
    "124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 114311 411113 "
    "411311 113141 114131 311141 411131 211412 211214 211232"
)
_WIDTHS = _WIDTH_TABLE.split()
_STOP = "2331112"
_STARTS = {">9": ("A", 103), ">:": ("B", 104), ">;": ("C", 105)}
_SWITCHES = {">5": ("C", 99), ">6": ("B", 100), ">7": ("A", 101)}


@dataclass
class ZplLabel:
    width: int = 0
    height: int = 0
    copies: int = 1
    # (x, y, module dots, height dots, codewords with check character)
    barcodes: list[tuple[int, int, int, int, list[int]]] = field(default_factory=list)
    # (x, y, module dots, field data after "MA,")
    qr_codes: list[tuple[int, int, int, str]] = field(default_factory=list)
    # (x, y, is_baseline, height dots, block width or 0, text)
    texts: list[tuple[int, int, bool, int, int, str]] = field(default_factory=list)


def parse_zpl(data: bytes) -> ZplLabel:
    """One ^XA...^XZ format; refuses anything our labels should not contain."""
    text = data.decode("utf-8")
    assert text.count("^XA") == 1 and text.rstrip().endswith("^XZ"), "one label format expected"
    label = ZplLabel()
    module, origin, baseline, font, block, pending_barcode, escape = 2, (0, 0), False, 30, 0, None, None
    pending_qr: int | None = None
    for command in re.split(r"\^", text)[1:]:
        command = command.rstrip("\n")
        name, args = command[:2], command[2:]
        if name == "PW":
            label.width = int(args)
        elif name == "LL":
            label.height = int(args)
        elif name == "BY":
            module = int(args.split(",")[0])
        elif name in ("FO", "FT"):
            x, y = args.split(",")[:2]
            origin, baseline = (int(x), int(y)), name == "FT"
        elif name == "A0":
            font = int(args.split(",")[1])
        elif name == "FB":
            block = int(args.split(",")[0])
        elif name == "BC":
            parts = args.split(",")
            assert parts[0] == "N" and parts[5] == "N", "no-mode ^BC expected"
            pending_barcode = int(parts[1])
        elif name == "BQ":
            parts = args.split(",")
            assert parts[:2] == ["N", "2"], "^BQ in normal orientation, model 2 expected"
            pending_qr = int(parts[2])
        elif name == "FH":
            escape = args or "_"
        elif name == "FD":
            value = unhex(args, escape) if escape else args
            if pending_qr is not None:
                assert value.startswith("MA,"), "error correction M with automatic input mode expected"
                label.qr_codes.append((origin[0], origin[1], pending_qr, value[3:]))
            elif pending_barcode is not None:
                codewords = bc_codewords(value)
                label.barcodes.append((origin[0], origin[1], module, pending_barcode, codewords))
            else:
                label.texts.append((origin[0], origin[1], baseline, font, block, value))
        elif name == "FS":
            pending_barcode, pending_qr, escape, block = None, None, None, 0
        elif name == "PQ":
            label.copies = int(args.split(",")[0])
    return label


def bc_codewords(data: str) -> list[int]:
    """Codewords (check character included) a printer makes of no-mode ^BC field data."""
    start = data[:2]
    assert start in _STARTS, f"no-mode data starts with a start code, not {data[:2]!r}"
    code_set, value = _STARTS[start]
    values = [value]
    i = 2
    while i < len(data):
        pair = data[i : i + 2]
        if pair == ">8":
            values.append(102)
        elif pair in _SWITCHES:
            code_set, value = _SWITCHES[pair]
            values.append(value)
        elif pair == "><":
            values.append(ord(">") - 32)
        elif code_set == "C":
            assert pair.isdigit() and len(pair) == 2, f"code set C takes digit pairs, not {pair!r}"
            values.append(int(pair))
        else:
            values.append(ord(data[i]) - 32)
            i += 1
            continue
        i += 2
    check = (values[0] + sum(i * v for i, v in enumerate(values[1:], start=1))) % 103
    return [*values, check]


def render(label: ZplLabel, *, text: bool = True) -> Image.Image:
    image = Image.new("L", (label.width, label.height), 255)
    draw = ImageDraw.Draw(image)
    for x, y, module, height, codewords in label.barcodes:
        widths = "".join(_WIDTHS[v] for v in codewords) + _STOP
        position, bar = x, True
        for width in widths:
            span = int(width) * module
            if bar:
                draw.rectangle((position, y, position + span - 1, y + height - 1), fill=0)
            position, bar = position + span, not bar
    for x, y, module, data in label.qr_codes:
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(data)
        code.make()
        for row in range(code.getModuleCount()):
            for column in range(code.getModuleCount()):
                if code.isDark(row, column):
                    left, top = x + column * module, y + row * module
                    draw.rectangle((left, top, left + module - 1, top + module - 1), fill=0)
    if text:
        for x, y, is_baseline, height, block, value in label.texts:
            font = ImageFont.load_default(size=max(height, 8))
            if block:
                width = draw.textlength(value, font=font)
                x += max(0, int((block - width) / 2))
            draw.text((x, y), value, fill=0, font=font, anchor="ls" if is_baseline else "la")
    return image


def unhex(value: str, escape: str) -> str:
    raw = bytearray()
    i = 0
    while i < len(value):
        if value[i] == escape:
            raw.append(int(value[i + 1 : i + 3], 16))
            i += 3
        else:
            raw.extend(value[i].encode("utf-8"))
            i += 1
    return raw.decode("utf-8")
