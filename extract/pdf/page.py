"""The page record every later step reads: words, ruling edges and fills of one page.

A page reader (`read_pdfium`, `read_pdfplumber`) copies what the later steps need into these small
frozen records and lets the library's page go, so a long plan costs a few hundred bytes per word
rather than the library's whole object tree. Records use slots: thousands of words per page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
