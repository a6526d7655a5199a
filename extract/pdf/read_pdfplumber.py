"""The reference page reader: pdfplumber (pdfminer.six) pages -> `PageData`.

Slower than `read_pdfium` (pdfminer interprets every content stream in Python and pdfplumber builds
a dict per object), but it is the reader the layout steps were first written against, so it stays
selectable (`--reader pdfplumber`) as the reference the fidelity test compares the default with.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import ExtractionError
from .page import Edge, Fill, PageData, Word
from .page_common import (
    Turn,
    fill_of,
    is_bold_name,
    ruling_edge,
    shade,
    text_direction,
    turn,
    turn_edge,
    turn_fill,
)
from .readers import ENCRYPTED, PdfPages, corrupt_message
from .settings import PdfSettings


def read_pages(path: Path, settings: PdfSettings) -> PdfPages:
    """Open the PDF once and read each page once, closing every page right after reading it."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(path)
    except PDFPasswordIncorrect as exc:
        raise ExtractionError(ENCRYPTED) from exc
    except Exception as exc:
        raise ExtractionError(_corrupt(exc)) from exc
    try:
        with pdf:
            metadata = {
                k.lower(): str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, str | bytes)
            }
            return PdfPages(list(_pages(pdf, settings)), metadata)
    except ExtractionError:
        raise
    except PDFPasswordIncorrect as exc:
        raise ExtractionError(ENCRYPTED) from exc
    except Exception as exc:
        raise ExtractionError(_corrupt(exc)) from exc


def _pages(pdf: Any, settings: PdfSettings) -> Iterator[PageData]:
    for number, page in enumerate(pdf.pages, start=1):
        yield read_page(page, number, settings)
        page.close()


def _corrupt(exc: Exception) -> str:
    """A person-readable reason, looking through pdfplumber's wrapper to pdfminer's own error."""
    causes = [exc, exc.__cause__, exc.__context__, *(a for a in exc.args if isinstance(a, BaseException))]
    for c in causes:
        if c is not None and ("password" in type(c).__name__.lower() or "password" in str(c).lower()):
            return ENCRYPTED
    inner = next((a for a in exc.args if isinstance(a, BaseException)), exc)
    text = str(inner).strip()
    return corrupt_message(text.splitlines()[0][:120] if text else type(inner).__name__)


def read_page(page: Any, number: int, settings: PdfSettings) -> PageData:
    """Copy one pdfplumber page's words and orthogonal ruling edges into a `PageData`.

    A page whose text runs sideways (a landscape table turned onto a portrait page) is turned
    upright here, words and rules alike, so every later step sees left-to-right text.
    """
    chars = page.chars
    direction = text_direction((c["matrix"][0], c["matrix"][1]) for c in chars)
    width, height = float(page.width), float(page.height)
    edges = _edges(page, settings)
    fills = _fills(page, settings)
    if direction == "ltr":
        raw = _words(chars, settings) if chars else []
    else:
        t = turn(direction, width, height)
        raw = _words([_turned_char(c, t) for c in chars], settings)
        edges = tuple(turn_edge(e, t) for e in edges)
        fills = tuple(turn_fill(f, t) for f in fills)
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


def _turned_char(c: dict, t: Turn) -> dict:
    x0, x1, top, bottom = t(c["x0"], c["x1"], c["top"], c["bottom"])
    # pdfplumber's size of a sideways glyph is its advance, not its height: use the height upright
    return {
        **c,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "upright": True,
        "doctop": top,
        "size": round(bottom - top, 1),
    }


def _is_bold(chars: Any) -> bool:
    """Whether most characters' font name says bold."""
    if not chars:
        return False
    return sum(1 for c in chars if is_bold_name(str(c.get("fontname", "")))) * 2 > len(chars)


def _fills(page: Any, settings: PdfSettings) -> tuple[Fill, ...]:
    """Filled rectangles with their luminance; stroked-only boxes are rules (see `_edges`)."""
    out: list[Fill] = []
    for r in page.rects:
        if not r.get("fill"):
            continue
        box = (float(r["x0"]), float(r["x1"]), float(r["top"]), float(r["bottom"]))
        fill = fill_of(*box, shade(r.get("non_stroking_color")))
        if fill is not None:
            out.append(fill)
            if len(out) >= settings.max_edges_per_page:
                break
    return tuple(out)


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
        stroked = e.get("object_type") != "rect_edge" or bool(e.get("stroke", True))
        box = (float(e["x0"]), float(e["x1"]), float(e["top"]), float(e["bottom"]))
        edge = ruling_edge(e.get("orientation"), *box, stroked)
        if edge is not None:
            out.append(edge)
        if len(out) >= settings.max_edges_per_page:
            break
    return tuple(out)
