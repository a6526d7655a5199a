"""What both page readers share: which way the text runs, turning a sideways page upright, bold
faces, fill shades and which segments count as ruling edges. One definition, so the two readers
can only differ in how they read the file, never in what they make of it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .page import Edge, Fill

Box = tuple[float, float, float, float]  # x0, x1, top, bottom (top-left origin)
Turn = Callable[[float, float, float, float], Box]

BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demibold", "demi")
DIRECTION_SAMPLE = 3000  # characters that vote on the page's text direction


def char_direction(a: float, b: float) -> str:
    """Which way a character with text matrix (a, b, ...) runs: "ltr", "ttb" (down) or "btt" (up)."""
    return "ttb" if b < -abs(a) else "btt" if b > abs(a) else "ltr"


def text_direction(matrices: Iterable[tuple[float, float]]) -> str:
    """Which way most of the first `DIRECTION_SAMPLE` characters (their matrices' a, b) run."""
    votes = {"ltr": 0, "ttb": 0, "btt": 0}
    for k, (a, b) in enumerate(matrices):
        if k >= DIRECTION_SAMPLE:
            break
        votes[char_direction(a, b)] += 1
    return majority_direction(votes)


def majority_direction(votes: dict[str, int]) -> str:
    """The direction with the most votes ("ltr", "ttb" or "btt"); "ltr" on a tie."""
    return max(("ltr", "ttb", "btt"), key=lambda k: (votes.get(k, 0), k == "ltr"))


def turn(direction: str, width: float, height: float) -> Turn:
    """A box transform that turns sideways text upright (a quarter turn one way or the other)."""
    if direction == "ttb":  # glyphs' up points right: turn the page anticlockwise
        return lambda x0, x1, top, bottom: (top, bottom, width - x1, width - x0)
    return lambda x0, x1, top, bottom: (height - bottom, height - top, x0, x1)


def turn_edge(e: Edge, t: Turn) -> Edge:
    x0, x1, top, bottom = t(e.x0, e.x1, e.top, e.bottom)
    return Edge("v" if e.orientation == "h" else "h", x0, x1, top, bottom, e.stroked)


def turn_fill(f: Fill, t: Turn) -> Fill:
    x0, x1, top, bottom = t(f.x0, f.x1, f.top, f.bottom)
    return Fill(x0, x1, top, bottom, f.shade)


def is_bold_name(fontname: str) -> bool:
    """Whether a font's name says bold (the weight PDFs record most reliably)."""
    name = fontname.lower()
    return any(m in name for m in BOLD_MARKS)


def shade(color: object) -> float:
    """Luminance 0..1 of a PDF colour given as gray, RGB or CMYK components (1.0 when unknown)."""
    if isinstance(color, int | float):
        color = (color,)
    if not isinstance(color, tuple | list) or not all(isinstance(c, int | float) for c in color):
        return 1.0
    if len(color) == 1:
        return float(color[0])
    if len(color) == 3:
        r, g, b = color
        return 0.299 * r + 0.587 * g + 0.114 * b
    if len(color) == 4:
        c, m, y, k = color
        return (1 - k) * (1 - (0.299 * c + 0.587 * m + 0.114 * y))
    return 1.0


def ruling_edge(
    orientation: str | None, x0: float, x1: float, top: float, bottom: float, stroked: bool
) -> Edge | None:
    """A segment as a ruling edge, or None when it is neither horizontal nor vertical or too short.

    The orientation is read from the segment's shape first: a line made a hair off-axis by rounding
    is still a rule (pdfplumber labels such a line by exact coordinate equality only).
    """
    width, height = x1 - x0, bottom - top
    if height < 0.5 <= width:
        orientation = "h"
    elif width < 0.5 <= height:
        orientation = "v"
    if orientation not in ("h", "v"):
        return None
    edge = Edge(orientation, x0, x1, top, bottom, stroked)
    return edge if edge.length >= 1 else None


def fill_of(x0: float, x1: float, top: float, bottom: float, luminance: float) -> Fill | None:
    """A filled rectangle as a `Fill`, or None for a degenerate one (a hairline of no area)."""
    if x1 - x0 < 0.1 or bottom - top < 0.1:
        return None
    return Fill(x0, x1, top, bottom, luminance)
