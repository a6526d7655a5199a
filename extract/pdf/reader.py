"""PDF -> `Document`: open once, read each page once, then work on the kept page data.

Steps: read pages (`readers`: PDFium by default, pdfplumber as the reference), reject files with
no usable text, strip page furniture
(`furniture`), find each page's tables with the staged strategies (`page_tables`), turn the
remaining text into paragraphs (`paragraphs`), join page pieces into logical tables
(`join`) and number everything in reading order.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..model import Document, ExtractionError, RawTable, TextLine
from .celltext import document_words
from .evidence import page_layout
from .furniture import RunningText, running_texts, strip_furniture
from .grid import PageTable
from .join import JoinedTable, join_pieces
from .page import PageData
from .page_tables import Strategies, page_tables
from .paragraphs import Paragraph, paragraphs
from .readers import ENCRYPTED, PdfPages, page_reader
from .settings import PdfSettings
from .strategy_camelot import CamelotLatticeStrategy
from .strategy_lines import LinesStrategy
from .strategy_text import TextColumnsStrategy

NO_TEXT = "no text layer (scanned PDF); OCR is not supported"
__all__ = ["ENCRYPTED", "NO_TEXT", "read_pages", "read_pdf"]


def read_pdf(path: Path, settings: PdfSettings | None = None) -> Document:
    settings = settings or PdfSettings()
    pages, metadata = read_pages(path, settings)
    _check_text_layer(pages, settings)
    body = strip_furniture(pages, settings)
    running = running_texts(pages, body, settings)
    strategies = Strategies(
        lines=LinesStrategy(),
        lattice=CamelotLatticeStrategy(path, page_budget=settings.camelot_page_budget)
        if settings.use_camelot
        else None,
        text=TextColumnsStrategy(settings),
    )
    # each page's evidence record (its printed lines), read once; the document's words come from it
    layouts = [page_layout(page, settings.line_tolerance) for page in body]
    known = document_words(line for layout in layouts for line in layout.lines)
    n_pages = len(pages)
    del pages, body  # from here on only the layouts are read, one page at a time, each let go once read
    items: list[PageTable | Paragraph] = []
    layouts.reverse()
    while layouts:
        layout = layouts.pop()
        page = layout.page
        last = items[-1] if items else None
        after_table = isinstance(last, PageTable) and last.page == page.number - 1
        hint = last.col_edges if after_table and last.extractor == TextColumnsStrategy.name else ()
        tables = page_tables(
            replace(page, continues_table=after_table, column_hint=hint, known_words=known),
            strategies,
            settings,
            layout,
        )
        used = set().union(*(t.words_used for t in tables)) if tables else set()
        free = [w for w in page.words if id(w) not in used]
        right = max(w.x1 for w in page.words) if page.words else None
        texts = paragraphs(layout.keep({id(w) for w in free}), page.number, right)
        page_items: list[PageTable | Paragraph] = [*tables, *texts]
        items.extend(sorted(page_items, key=lambda x: x.top))
    return _document(path, join_pieces(items), running, n_pages, metadata)


def read_pages(path: Path, settings: PdfSettings) -> PdfPages:
    """Every page's data and the document metadata, read by the reader `settings.reader` names."""
    return page_reader(settings.reader)(path, settings)


def _check_text_layer(pages: list[PageData], settings: PdfSettings) -> None:
    """Refuse files whose text cannot be read, each with a reason a person can act on."""
    if not pages:
        raise ExtractionError("PDF has no pages")
    n_chars = sum(p.n_chars for p in pages)
    if n_chars < settings.min_chars_for_text:
        if any(p.n_images for p in pages):
            raise ExtractionError(NO_TEXT)
        raise ExtractionError("PDF has no text (blank pages)")
    if not any(p.words for p in pages):
        raise ExtractionError("text layer has no readable words (characters overprinted or at odd angles)")
    if _mostly_unmapped(pages):
        raise ExtractionError("text layer unreadable (fonts without a Unicode mapping); OCR is not supported")


def _mostly_unmapped(pages: list[PageData]) -> bool:
    words = [w for p in pages for w in p.words]
    bad = sum(1 for w in words if "(cid:" in w.text)
    return bad > 0.5 * len(words)


def _document(
    path: Path,
    items: list[JoinedTable | Paragraph],
    running: list[RunningText],
    n_pages: int,
    metadata: dict[str, str],
) -> Document:
    """Number everything in reading order: running headers first, then the body, footers last."""
    headers = [r for r in running if r.where == "header"]
    footers = [r for r in running if r.where != "header"]
    lines = [TextLine(text=r.text, page=r.page, seq=seq, style="header") for seq, r in enumerate(headers)]
    tables: list[RawTable] = []
    for seq, item in enumerate(items, start=len(headers)):
        if isinstance(item, Paragraph):
            lines.append(TextLine(text=item.text, page=item.page, seq=seq))
        else:
            evidence = item.evidence.features() if item.evidence else {}
            tables.append(
                RawTable(
                    rows=item.rows,
                    extractor=item.extractor,
                    seq=seq,
                    score=round(item.score, 3),
                    evidence=tuple((name, round(v, 4)) for name, v in evidence.items()),
                )
            )
    after = len(headers) + len(items)
    lines += [
        TextLine(text=r.text, page=r.page, seq=after + k, style="footer") for k, r in enumerate(footers)
    ]
    return Document(
        source=str(path),
        kind="pdf",
        lines=tuple(lines),
        tables=tuple(tables),
        pages=n_pages,
        metadata=metadata,
    )
