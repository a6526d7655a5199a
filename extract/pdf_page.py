"""One pass over a pdfplumber page: keep only what the later steps need, then let the page go.

pdfplumber caches every parsed layout object on the page; a 100-page plan held open would use
gigabytes. `read_page` copies words and ruling edges into small frozen records and the caller
closes the page right after, so every later step works on `PageData` alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .pdf_settings import PdfSettings


@dataclass(frozen=True)
class Word:
    """A printed word with its box (top-left origin, points) and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0

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

    @property
    def length(self) -> float:
        return self.x1 - self.x0 if self.orientation == "h" else self.bottom - self.top


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


def read_page(page: Any, number: int, settings: PdfSettings) -> PageData:
    """Copy one pdfplumber page's words and orthogonal ruling edges into a `PageData`."""
    n_chars = len(page.chars)
    words: tuple[Word, ...] = ()
    if n_chars:
        raw = page.extract_words(
            x_tolerance=settings.word_x_tolerance,
            y_tolerance=2,
            keep_blank_chars=False,
            use_text_flow=False,
            extra_attrs=["size"],
        )
        words = tuple(
            Word(
                w["text"],
                float(w["x0"]),
                float(w["x1"]),
                float(w["top"]),
                float(w["bottom"]),
                float(w["size"]),
            )
            for w in raw[: settings.max_words_per_page]
            if w.get("upright", True) and w["text"].strip()
        )
    return PageData(
        number=number,
        width=float(page.width),
        height=float(page.height),
        words=words,
        edges=_edges(page, settings),
        n_chars=n_chars,
        n_images=len(page.images),
    )


def _edges(page: Any, settings: PdfSettings) -> tuple[Edge, ...]:
    if len(page.rects) + len(page.lines) + len(page.curves) == 0:
        return ()
    out: list[Edge] = []
    for e in page.edges:
        orient = e.get("orientation")
        if orient not in ("h", "v"):
            continue
        edge = Edge(orient, float(e["x0"]), float(e["x1"]), float(e["top"]), float(e["bottom"]))
        if edge.length >= 1:
            out.append(edge)
        if len(out) >= settings.max_edges_per_page:
            break
    return tuple(out)
