"""Page furniture: running banners, logos' text, page numbers and footers.

Furniture is recognised by position, not by wording: a block of text printed at the same place
(digits ignored, so "Page 3" matches "Page 4") on most pages, separated from the body by a blank
gap. The gap test keeps a repeated table header out: it sits right on top of the table body, so
its block also holds lines that differ from page to page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .layout import PrintedLine, group_lines, split_segments
from .page import PageData, Word
from .settings import PdfSettings

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class _Segment:
    page: int
    key: str
    top: float
    x0: float
    x1: float
    words: tuple[Word, ...]


def strip_furniture(pages: Sequence[PageData], settings: PdfSettings) -> list[PageData]:
    """Return the pages without their furniture words (unchanged for a one-page document)."""
    if len(pages) < 2:
        return list(pages)
    blocks_by_page = {p.number: _blocks(p, settings) for p in pages}
    segments = [
        _Segment(p.number, _key(seg), min(w.top for w in seg), seg[0].x0, seg[-1].x1, seg)
        for p in pages
        for block in blocks_by_page[p.number]
        for line in block
        for seg in split_segments(line, 3 * settings.gutter_min_width)
    ]
    needed = max(2, math.ceil(settings.furniture_page_share * len(pages)))
    repeating = _repeating(segments, needed, settings.furniture_position_tolerance)
    heads: dict[tuple[int, int], int] = {}
    for p in pages:
        blocks = blocks_by_page[p.number]
        for k, block in enumerate(blocks):
            block_words = [w for line in block for w in line.words]
            if len(block) <= settings.furniture_max_lines and all(id(w) in repeating for w in block_words):
                heads[p.number, k] = _header_start(block, blocks[k + 1 : k + 3], settings)
    headers = _header_lines(blocks_by_page, heads)
    out = []
    for p in pages:
        drop: set[int] = set()
        blocks = blocks_by_page[p.number]
        for k, block in enumerate(blocks):
            if (p.number, k) in heads:
                head = heads[p.number, k]
                if head == len(block):  # the header the same block is on other pages
                    tol = settings.furniture_position_tolerance
                    head = next((i for i, ln in enumerate(block) if _is_header_line(ln, headers, tol)), head)
                drop.update(id(w) for line in block[:head] for w in line.words)
            else:  # a banner over, or a page number under, the body with no gap between
                edge: Sequence[PrintedLine] = ()
                if k == 0:
                    edge = _banner_over_body(block, repeating, settings)
                if k == len(blocks) - 1:
                    edge = [*edge, *_footer_under_body(block, repeating, settings)]
                drop.update(id(w) for line in edge for w in line.words)
        out.append(replace(p, words=tuple(w for w in p.words if id(w) not in drop)) if drop else p)
    return out


def _header_lines(
    blocks_by_page: dict[int, list[list[PrintedLine]]], heads: dict[tuple[int, int], int]
) -> dict[str, list[float]]:
    """The repeated lines read as a table's header (its pieces line up with the columns below)
    on some page, and where they print. The same line printed at the same place is that header
    on every page, also where the body under it prints in few columns (the rest of a row cut at
    the page break)."""
    out: dict[str, list[float]] = {}
    for (page, k), head in heads.items():
        for line in blocks_by_page[page][k][head:]:
            out.setdefault(_key(line.words), []).append(line.top)
    return out


def _is_header_line(line: PrintedLine, headers: dict[str, list[float]], tol: float) -> bool:
    return any(abs(line.top - top) <= tol for top in headers.get(_key(line.words), ()))


def _banner_over_body(
    block: Sequence[PrintedLine], repeating: set[int], settings: PdfSettings
) -> Sequence[PrintedLine]:
    """The repeated lines opening the page's first block when the page's body follows them with
    no gap (a browser's date and title banner right over a table going on from the page
    before): printed at one place on most pages, and no header of the table under them (their
    pieces do not line up with its columns)."""
    lead = 0
    while lead < len(block) and all(id(w) in repeating for w in block[lead].words):
        lead += 1
    if not lead or lead == len(block) or lead > settings.furniture_max_lines:
        return ()
    head = _header_start(block[:lead], [block[lead:]], settings)
    return block[:head]


def _footer_under_body(
    block: Sequence[PrintedLine], repeating: set[int], settings: PdfSettings
) -> Sequence[PrintedLine]:
    """The repeated lines closing the page's last block when they follow its body with no gap
    (a page number printed right under a table's last row): printed at one place on most pages."""
    tail = 0
    while tail < len(block) and all(id(w) in repeating for w in block[-1 - tail].words):
        tail += 1
    if not tail or tail == len(block) or tail > settings.furniture_max_lines:
        return ()
    return block[len(block) - tail :]


# A header's pieces line up with the columns below when their left ends are this close (points).
COLUMN_ALIGN = 2.0


def _header_start(
    block: Sequence[PrintedLine], below: Sequence[Sequence[PrintedLine]], settings: PdfSettings
) -> int:
    """Where a repeated table header starts in the block (len(block) if it holds none): the first
    line printed in pieces of which at least two (and at least half) start where words of the
    next blocks' lines start, the first of those blocks close under it. The header runs from that
    line to the block's end (its cells' second lines); a running title above it is furniture.

    A gap just over a line's height can part a header from its body (cell padding and a rule
    under the header); the alignment of its pieces with the columns below tells it from a banner.
    The block after next counts too, when as close under the next: a section row (one piece) may
    sit between header and body (a running footer far under the body is no column of it).
    """
    height = max(max(ln.bottom for ln in block) - min(ln.top for ln in block), 1.0)
    reach = 2 * max(height, 10.0)
    near: list[Sequence[PrintedLine]] = []
    edge = max(ln.bottom for ln in block)
    for blk in below:  # each block close under the one before (a footer far under the body is not)
        if blk[0].top - edge > reach:
            break
        near.append(blk)
        edge = max(ln.bottom for ln in blk)
    if not near:
        return len(block)
    starts = [w.x0 for blk in near for ln in blk for w in ln.words]
    for i, line in enumerate(block):
        pieces = split_segments(line, 3 * settings.gutter_min_width)
        aligned = sum(1 for seg in pieces if any(abs(seg[0].x0 - x) <= COLUMN_ALIGN for x in starts))
        if len(pieces) >= 2 and aligned >= 2 and 2 * aligned >= len(pieces):
            return i
    return len(block)


def _blocks(page: PageData, settings: PdfSettings) -> list[list[PrintedLine]]:
    """Runs of printed lines with no blank gap (less than ~a line's height) between them."""
    blocks: list[list[PrintedLine]] = []
    for line in group_lines(page.words, settings.line_tolerance):
        height = max(line.bottom - line.top, 1.0)
        if blocks and line.top - max(x.bottom for x in blocks[-1]) < 0.8 * height:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _key(words: Sequence[Word]) -> str:
    return _DIGITS.sub("#", " ".join(w.text for w in words).lower())


def _repeating(segments: list[_Segment], needed: int, tol: float) -> set[int]:
    """ids of the words of segments that recur at the same place on at least `needed` pages.

    Linear in pages: a text repeated on every page sits at a handful of distinct positions, so
    segments are pooled by (key, position) and only positions in neighbouring bands of `tol`
    height are compared with each other.
    """
    by_place: dict[tuple[str, float, float, float], list[_Segment]] = {}
    for s in segments:
        by_place.setdefault((s.key, s.top, s.x0, s.x1), []).append(s)
    by_key: dict[str, list[tuple[float, float, float, set[int], list[_Segment]]]] = {}
    for (key, top, x0, x1), group in by_place.items():
        by_key.setdefault(key, []).append((top, x0, x1, {s.page for s in group}, group))
    found: set[int] = set()
    for places in by_key.values():
        if len(set().union(*(p[3] for p in places))) < needed:
            continue
        bands: dict[int, list[int]] = {}
        for k, (top, *_) in enumerate(places):
            bands.setdefault(math.floor(top / tol), []).append(k)
        for top, x0, x1, _, group in places:
            band = math.floor(top / tol)
            pages: set[int] = set()
            for b in (band - 1, band, band + 1):
                for k in bands.get(b, ()):
                    o_top, o_x0, o_x1, o_pages, _ = places[k]
                    if abs(o_top - top) <= tol and (
                        abs(o_x0 - x0) <= tol
                        or abs(o_x1 - x1) <= tol
                        or abs((o_x0 + o_x1) - (x0 + x1)) <= 2 * tol
                    ):
                        pages |= o_pages
            if len(pages) >= needed:
                found.update(id(w) for s in group for w in s.words)
    return found


@dataclass(frozen=True)
class RunningText:
    """One distinct running header or footer, kept once: where it is first printed, and which it is."""

    text: str
    page: int
    where: str  # "header" | "footer"


# A bare page number: "3", "- 3 -", "(3)", "Page 3", "Page 3 of 7", "3 / 7", "iv".
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*(?:\d{1,3}|[ivx]{1,5})\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE
)


def running_texts(
    pages: Sequence[PageData], body: Sequence[PageData], settings: PdfSettings
) -> list[RunningText]:
    """The furniture `strip_furniture` removed, as text: each distinct line once, page numbers dropped.

    A running header can be the only place a plan names its institution or period, so it is handed
    on (as a Word reader hands on a page header) rather than thrown away with the page numbers.
    """
    seen: set[str] = set()
    out: list[RunningText] = []
    for page, kept in zip(pages, body, strict=True):
        if kept is page:
            continue
        kept_ids = {id(w) for w in kept.words}
        removed = [w for w in page.words if id(w) not in kept_ids]
        for line in group_lines(removed, settings.line_tolerance):
            parts = [
                " ".join(w.text for w in seg) for seg in split_segments(line, 3 * settings.gutter_min_width)
            ]
            text = "  ".join(p for p in parts if not _PAGE_NUMBER.match(p.strip()))
            key = _key([Word(text, 0, 0, 0, 0)]) if text else ""
            if not key or key in seen:
                continue
            seen.add(key)
            where = "header" if line.top < page.height / 2 else "footer"
            out.append(RunningText(text, page.number, where))
    return out
