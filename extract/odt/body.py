"""An OpenDocument text body (office:text) as printed lines and data tables, in order.

Paragraphs and headings (text:p, text:h) are lines; lists (text:list) give each item's first
paragraph the number the list style prints; tables are laid on their grid, a cell spanning columns
or rows (number-columns-spanned / number-rows-spanned) printed on every grid cell it covers
(the covered-table-cell placeholders); repeated rows and cells are expanded. Sections, indexes and
text boxes (draw:frame / draw:text-box, read after their paragraph) are transparent; tracked
deletions (text:tracked-changes), notes (footnotes) and annotations are not printed text here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..blocks import CellShape, Grid, Line, clean, flatten, is_layout
from ..listnumbers import format_number
from ..model import ExtractionError
from .names import OdfStyles, draw, office, table, text

P, H, LIST, LIST_ITEM, LIST_HEADER = (
    text("p"),
    text("h"),
    text("list"),
    text("list-item"),
    text("list-header"),
)
TABLE, ROW, CELL, COVERED = (
    table("table"),
    table("table-row"),
    table("table-cell"),
    table("covered-table-cell"),
)
_ROW_GROUPS = {table(n) for n in ("table-header-rows", "table-rows", "table-row-group")}
_CONTAINERS = {text(n) for n in ("section", "index-body", "soft-page-break")} | {
    text(n) for n in ("table-of-content", "illustration-index", "alphabetical-index", "user-index")
}
_SKIP_INLINE = {text(n) for n in ("note", "tracked-changes", "page-number", "page-count")} | {
    office("annotation"),
    office("annotation-end"),
}
_S, _TAB, _BREAK, _FRAME, _TEXTBOX = (
    text("s"),
    text("tab"),
    text("line-break"),
    draw("frame"),
    draw("text-box"),
)
MAX_REPEAT = 1000  # a repeated row or cell beyond this is an empty filler (spreadsheet habit)
MAX_CELLS = 200_000  # grid cells one table may expand to (repeats and spans): beyond is a bomb


@dataclass
class ListState:
    """List counters of one read: (list style, level) -> the last number printed."""

    counts: dict[tuple[str, int], int] = field(default_factory=dict)


def blocks(container: etree._Element, styles: OdfStyles, lists: ListState) -> Iterator[Line | Grid]:
    for el in container:
        tag = el.tag
        if tag in (P, H):
            yield from _paragraph(el, styles, lists, "")
        elif tag == LIST:
            yield from _list(el, styles, lists, el.get(text("style-name")), 1)
        elif tag == TABLE:
            yield from _table(el, styles, lists)
        elif tag in _CONTAINERS:
            yield from blocks(el, styles, lists)
        # text:tracked-changes holds deleted text; anything else holds no body text


def _paragraph(
    el: etree._Element, styles: OdfStyles, lists: ListState, label: str, list_style: str = ""
) -> Iterator:
    parts: list[str] = []
    boxes: list[etree._Element] = []
    _inline(el, parts, boxes)
    style = styles.name(el.get(text("style-name")))
    if el.tag == H and not style:
        style = f"Heading {el.get(text('outline-level'), '1')}"
    if list_style and "list" not in style.casefold() and "bullet" not in style.casefold():
        style = list_style
    body = clean("".join(parts))
    if body or label:
        yield Line(body, label, style)
    for box in boxes:
        yield from blocks(box, styles, lists)


def _inline(el: etree._Element, parts: list[str], boxes: list[etree._Element]) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        tag = child.tag
        if tag == _S:
            parts.append(" " * _count(child.get(text("c"))))
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _BREAK:
            parts.append("\n")
        elif tag == _FRAME:
            boxes.extend(child.iter(_TEXTBOX))
        elif tag in _SKIP_INLINE or not isinstance(tag, str):
            pass
        else:  # spans, links, fields (their text is their printed value), change marks, bookmarks
            _inline(child, parts, boxes)
        if child.tail:
            parts.append(child.tail)


def _count(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _list(
    el: etree._Element, styles: OdfStyles, lists: ListState, list_style: str | None, level: int
) -> Iterator:
    style_name = el.get(text("style-name")) or list_style or ""
    if level == 1 and el.get(text("continue-numbering")) != "true" and el.get(text("continue-list")) is None:
        for key in [k for k in lists.counts if k[0] == style_name]:
            del lists.counts[key]
    for item in el:
        if item.tag not in (LIST_ITEM, LIST_HEADER):
            continue
        label = ""
        spec = styles.list_level(style_name, level)
        if item.tag == LIST_ITEM and spec is not None and spec.numbered:
            start = item.get(text("start-value"))
            key = (style_name, level)
            lists.counts[key] = (
                int(start) if start and start.isdigit() else lists.counts.get(key, spec.start - 1) + 1
            )
            for deeper in [k for k in lists.counts if k[0] == style_name and k[1] > level]:
                del lists.counts[deeper]
            numbers = []
            for n in range(max(1, level - spec.display_levels + 1), level + 1):
                part = styles.list_level(style_name, n)
                value = lists.counts.get((style_name, n), part.start if part else 1)
                numbers.append(format_number(value, _FORMATS.get(part.fmt if part else "1", "decimal")))
            label = f"{spec.prefix}{'.'.join(numbers)}{spec.suffix}".strip()
        kind = "List Number" if label else "List Bullet"
        first = True
        for child in item:
            if child.tag in (P, H):
                yield from _paragraph(child, styles, lists, label if first else "", kind)
                first = False
            elif child.tag == LIST:
                yield from _list(child, styles, lists, style_name, level + 1)
            elif child.tag == TABLE:
                yield from _table(child, styles, lists)


_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for child in tbl:
        if child.tag == ROW:
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


def _cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if c.tag in (CELL, COVERED)]


def _shape(cell: etree._Element) -> CellShape:
    has_table = paragraphs = words = 0
    for child in cell.iter(P, H, TABLE):
        if child.tag == TABLE:
            has_table = 1
        else:
            n = len("".join(child.itertext()).split())
            paragraphs += n > 0
            words += n
    return CellShape(bool(has_table), paragraphs, words)


def _shapes(rows: list[etree._Element]) -> list[list[CellShape]]:
    """Cell shapes for the layout rule, repeats counted (twice is enough to tell one from many)."""
    out = []
    for row in rows:
        shapes = []
        for c in _cells(row):
            if c.tag == CELL:
                shapes.extend([_shape(c)] * min(2, _repeat(c.get(table("number-columns-repeated")))))
        out.extend([shapes] * min(2, _repeat(row.get(table("number-rows-repeated")))))
    return out


def _table(tbl: etree._Element, styles: OdfStyles, lists: ListState) -> Iterator[Line | Grid]:
    rows = list(_rows(tbl))
    if is_layout(_shapes(rows)):
        for row in rows:
            for cell in _cells(row):
                if cell.tag == CELL:
                    yield from blocks(cell, styles, lists)
        return
    laid: dict[tuple[int, int], str] = {}
    out: list[list[str]] = []
    read: dict[etree._Element, str] = {}  # a repeated cell's text is read once
    budget = MAX_CELLS
    r = 0
    for row in rows:
        for _ in range(_repeat(row.get(table("number-rows-repeated")))):
            values: list[str] = []
            for cell in _cells(row):
                for _ in range(_repeat(cell.get(table("number-columns-repeated")))):
                    c = len(values)
                    if cell.tag == COVERED:
                        value = laid.get((r, c), "")
                    else:
                        if cell not in read:
                            read[cell] = "\n".join(flatten(blocks(cell, styles, lists)))
                        value = read[cell]
                        rows_span = _repeat(cell.get(table("number-rows-spanned")))
                        cols_span = _repeat(cell.get(table("number-columns-spanned")))
                        budget -= rows_span * cols_span
                        if budget < 0:
                            break
                        for dr in range(rows_span):
                            for dc in range(cols_span):
                                laid[(r + dr, c + dc)] = value
                    values.append(value)
                    budget -= 1
            if budget < 0:
                raise ExtractionError(f"refused: an .odt table repeats or spans past {MAX_CELLS} cells")
            out.append(values)
            r += 1
            if not any(values):
                break  # repeated empty rows are filler
    declared = sum(
        _repeat(col.get(table("number-columns-repeated"))) for col in tbl.iter(table("table-column"))
    )
    used = max((max((k + 1 for k, v in enumerate(vs) if v), default=0) for vs in out), default=0)
    n = max(used, min(declared, max((len(v) for v in out), default=0)))  # no filler columns
    grid = [tuple((v + [""] * n)[:n]) for v in out if any(v)]
    if grid:
        yield Grid(tuple(grid))


def _repeat(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), MAX_REPEAT))
    except ValueError:
        return 1
