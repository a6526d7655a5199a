"""One pass over a pdfplumber page: keep only what the later steps need, then let the page go.

pdfplumber caches every parsed layout object on the page; a 100-page plan held open would use
gigabytes. `read_page` copies words and ruling edges into small frozen records and the caller
closes the page right after, so every later step works on `PageData` alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .settings import PdfSettings


@dataclass(frozen=True)
class Word:
    """A printed word with its box (top-left origin, points) and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0
    # Width of the first character (0: unknown): whether it would have fitted at the end of the
    # line above tells a word broken at a column edge from a whole word wrapped there.
    first_char_width: float = 0.0
    # Most of its characters are set in a bold face (a header row's or a row start's evidence).
    bold: bool = False

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Edge:
    """A ruling segment: a drawn line or one side of a rectangle. `orientation` is "h" or "v"."""

    orientation: str
    x0: float
    x1: float
    top: float
    bottom: float
    stroked: bool = True  # False for the side of a filled, unstroked box (cell shading, not a rule)

    @property
    def length(self) -> float:
        return self.x1 - self.x0 if self.orientation == "h" else self.bottom - self.top


@dataclass(frozen=True)
class Fill:
    """A filled, unstroked rectangle: cell shading, a zebra band, a header bar, or a border drawn
    as a thin fill. `shade` is the fill's luminance, 0 black .. 1 white (1.0 when unknown)."""

    x0: float
    x1: float
    top: float
    bottom: float
    shade: float = 1.0


@dataclass(frozen=True)
class PageData:
    """Everything the table and text steps read from one page."""

    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    edges: tuple[Edge, ...]
    n_chars: int
    n_images: int
    fills: tuple[Fill, ...] = ()
    # Set by the reader when the page before ended in a table: the top of this page may be the
    # rest of that table's last row rather than text above a new table.
    continues_table: bool = False
    column_hint: tuple[float, ...] = ()  # that table's column edges, if read from word positions
    known_words: frozenset[str] = frozenset()  # words printed whole anywhere in the document


def read_page(page: Any, number: int, settings: PdfSettings) -> PageData:
    """Copy one pdfplumber page's words and orthogonal ruling edges into a `PageData`.

    A page whose text runs sideways (a landscape table turned onto a portrait page) is turned
    upright here, words and rules alike, so every later step sees left-to-right text.
    """
    chars = page.chars
    direction = text_direction(chars)
    width, height = float(page.width), float(page.height)
    edges = _edges(page, settings)
    fills = _fills(page, settings)
    if direction == "ltr":
        raw = _words(chars, settings) if chars else []
    else:
        turn = _turn(direction, width, height)
        raw = _words([_turned_char(c, turn) for c in chars], settings)
        edges = tuple(_turn_edge(e, turn) for e in edges)
        fills = tuple(_turn_fill(f, turn) for f in fills)
        width, height = height, width
    words = tuple(
        Word(
            w["text"],
            float(w["x0"]),
            float(w["x1"]),
            float(w["top"]),
            float(w["bottom"]),
            float(w["size"]),
            float(w["chars"][0]["x1"] - w["chars"][0]["x0"]) if w.get("chars") else 0.0,
            _is_bold(w.get("chars") or ()),
        )
        for w in raw[: settings.max_words_per_page]
        if w.get("upright", True) and w["text"].strip()
    )
    return PageData(
        number=number,
        width=width,
        height=height,
        words=words,
        edges=edges,
        n_chars=len(chars),
        n_images=len(page.images),
        fills=fills,
    )


def text_direction(chars: list[dict]) -> str:
    """Which way most characters run: "ltr" (upright), "ttb" (down the page) or "btt" (up it)."""
    votes = {"ltr": 0, "ttb": 0, "btt": 0}
    for c in chars[:3000]:
        a, b = c["matrix"][0], c["matrix"][1]
        votes["ttb" if b < -abs(a) else "btt" if b > abs(a) else "ltr"] += 1
    return max(votes, key=lambda k: (votes[k], k == "ltr"))


def _turn(direction: str, width: float, height: float) -> Callable[[Any], dict]:
    """A box transform that turns sideways text upright (a quarter turn one way or the other)."""
    if direction == "ttb":  # glyphs' up points right: turn the page anticlockwise
        return lambda o: {
            "x0": o["top"],
            "x1": o["bottom"],
            "top": width - o["x1"],
            "bottom": width - o["x0"],
        }
    return lambda o: {"x0": height - o["bottom"], "x1": height - o["top"], "top": o["x0"], "bottom": o["x1"]}


def _turned_char(c: dict, turn: Callable[[Any], dict]) -> dict:
    box = turn(c)
    # pdfplumber's size of a sideways glyph is its advance, not its height: use the height upright
    return {**c, **box, "upright": True, "doctop": box["top"], "size": round(box["bottom"] - box["top"], 1)}


def _turn_edge(e: Edge, turn: Callable[[Any], dict]) -> Edge:
    box = turn({"x0": e.x0, "x1": e.x1, "top": e.top, "bottom": e.bottom})
    return Edge(
        "v" if e.orientation == "h" else "h", box["x0"], box["x1"], box["top"], box["bottom"], e.stroked
    )


def _turn_fill(f: Fill, turn: Callable[[Any], dict]) -> Fill:
    box = turn({"x0": f.x0, "x1": f.x1, "top": f.top, "bottom": f.bottom})
    return Fill(box["x0"], box["x1"], box["top"], box["bottom"], f.shade)


BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demibold", "demi")


def _is_bold(chars: Any) -> bool:
    """Whether most characters' font name says bold (the weight PDFs record most reliably)."""
    if not chars:
        return False
    bold = sum(1 for c in chars if any(m in str(c.get("fontname", "")).lower() for m in BOLD_MARKS))
    return bold * 2 > len(chars)


def _fills(page: Any, settings: PdfSettings) -> tuple[Fill, ...]:
    """Filled rectangles with their luminance; stroked-only boxes are rules (see `_edges`)."""
    out: list[Fill] = []
    for r in page.rects:
        if not r.get("fill"):
            continue
        x0, x1, top, bottom = float(r["x0"]), float(r["x1"]), float(r["top"]), float(r["bottom"])
        if x1 - x0 < 0.1 or bottom - top < 0.1:
            continue
        out.append(Fill(x0, x1, top, bottom, shade(r.get("non_stroking_color"))))
        if len(out) >= settings.max_edges_per_page:
            break
    return tuple(out)


def shade(color: Any) -> float:
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


def _words(chars: list[dict], settings: PdfSettings) -> list[dict]:
    from pdfplumber.utils.text import WordExtractor

    extractor = WordExtractor(
        x_tolerance=settings.word_x_tolerance, y_tolerance=2, keep_blank_chars=False, extra_attrs=["size"]
    )
    return extractor.extract_words(chars, return_chars=True)


def _edges(page: Any, settings: PdfSettings) -> tuple[Edge, ...]:
    if len(page.rects) + len(page.lines) + len(page.curves) == 0:
        return ()
    out: list[Edge] = []
    for e in page.edges:
        orient = _thin_side(e) or e.get("orientation")
        if orient not in ("h", "v"):
            continue
        stroked = e.get("object_type") != "rect_edge" or bool(e.get("stroke", True))
        edge = Edge(orient, float(e["x0"]), float(e["x1"]), float(e["top"]), float(e["bottom"]), stroked)
        if edge.length >= 1:
            out.append(edge)
        if len(out) >= settings.max_edges_per_page:
            break
    return tuple(out)


def _thin_side(e: dict) -> str | None:
    """Orientation from the segment's shape (pdfplumber mislabels lines made off-axis by rounding)."""
    width, height = e["x1"] - e["x0"], e["bottom"] - e["top"]
    if height < 0.5 <= width:
        return "h"
    if width < 0.5 <= height:
        return "v"
    return None
