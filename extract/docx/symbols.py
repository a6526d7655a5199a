"""`w:sym`: a character picked from a symbol font, as the Unicode character it prints.

Word stores the code in the font's private range (F0xx) when the font is a symbol font, so the code
alone says nothing: Symbol's F0B7 is a bullet, Wingdings' F0FC a tick. The common characters of the
symbol fonts that plans use (bullets, ticks, crosses, arrows, boxes) are mapped; any other private
code keeps its low byte when that is printable ASCII in a text font, and is dropped otherwise.
"""

from __future__ import annotations

_SYMBOL = {  # Adobe Symbol encoding (the Symbol font)
    0x22: "\u2200",
    0x24: "\u2203",
    0x27: "\u220b",
    0x2A: "\u2217",
    0x2D: "\u2212",
    0x40: "\u2245",
    0x5C: "\u2234",
    0x5E: "\u22a5",
    0x60: "\u203e",
    0x7E: "\u223c",
    0xA0: "\u20ac",
    0xA1: "\u03d2",
    0xA2: "\u2032",
    0xA3: "\u2264",
    0xA4: "\u2044",
    0xA5: "\u221e",
    0xA6: "\u0192",
    0xA7: "\u2663",
    0xA8: "\u2666",
    0xA9: "\u2665",
    0xAA: "\u2660",
    0xAB: "\u2194",
    0xAC: "\u2190",
    0xAD: "\u2191",
    0xAE: "\u2192",
    0xAF: "\u2193",
    0xB0: "\u00b0",
    0xB1: "\u00b1",
    0xB2: "\u2033",
    0xB3: "\u2265",
    0xB4: "\u00d7",
    0xB5: "\u221d",
    0xB6: "\u2202",
    0xB7: "\u2022",
    0xB8: "\u00f7",
    0xB9: "\u2260",
    0xBA: "\u2261",
    0xBB: "\u2248",
    0xBC: "\u2026",
    0xD0: "\u2220",
    0xD1: "\u2207",
    0xD2: "\u00ae",
    0xD3: "\u00a9",
    0xD4: "\u2122",
    0xD5: "\u220f",
    0xD6: "\u221a",
    0xD7: "\u22c5",
    0xD8: "\u00ac",
    0xD9: "\u2227",
    0xDA: "\u2228",
    0xDB: "\u21d4",
    0xDC: "\u21d0",
    0xDD: "\u21d1",
    0xDE: "\u21d2",
    0xDF: "\u21d3",
    0xE0: "\u25ca",
    0xE2: "\u00ae",
    0xE3: "\u00a9",
    0xE4: "\u2122",
    0xE5: "\u2211",
}
_GREEK = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"  # Symbol's A..Z
_SYMBOL.update({0x41 + i: c for i, c in enumerate(_GREEK)})
_SYMBOL.update({0x61 + i: c for i, c in enumerate("αβχδεφγηιϕκλμνοπθρστυϖωξψζ")})

_WINGDINGS = {
    0x6C: "\u25cf",
    0x6E: "\u25a0",
    0x6F: "\u25a1",
    0x71: "\u2751",
    0x75: "\u25c6",
    0x76: "\u2756",
    0x77: "\u2b25",
    0x9F: "\u2022",
    0xA1: "\u25cb",
    0xA7: "\u25aa",
    0xA8: "\u25fb",
    0xD8: "\u27a2",
    0xE0: "\u2192",
    0xE8: "\u2794",
    0xF0: "\u21e8",
    0xFB: "\u2717",
    0xFC: "\u2713",
    0xFD: "\u2612",
    0xFE: "\u2611",
    0x4A: "\u263a",
    0x4C: "\u2639",
    0xD7: "\u27a2",
    0xDF: "\u2190",
}
_WINGDINGS2 = {0x50: "\u2713", 0x4F: "\u2717", 0x52: "\u2611", 0x54: "\u2612", 0x97: "\u25cf", 0xA3: "\u25a1"}
_FONTS = {"symbol": _SYMBOL, "wingdings": _WINGDINGS, "wingdings 2": _WINGDINGS2}


def symbol_text(char: str | None, font: str | None) -> str:
    """The printed character of <w:sym w:font=.. w:char=..>; "" when it cannot be known."""
    try:
        code = int(char or "", 16)
    except ValueError:
        return ""
    low = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
    table = _FONTS.get((font or "").strip().casefold())
    if table is not None:
        return table.get(low, chr(low) if table is _SYMBOL and 0x20 <= low < 0x7F else "")
    if 0xF000 <= code <= 0xF0FF:
        return chr(low) if 0x20 <= low < 0x7F else ""
    return chr(code) if 0x20 <= code < 0x110000 and not 0xD800 <= code < 0xE000 else ""
