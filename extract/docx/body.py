"""A story (the body, a header, a text box, a cell) as printed lines and data tables, in order.

Layout tables are not data: their cells' content is read in order as if the table were not there,
and a data table nested inside them stays a table. Text boxes are read right after the paragraph
they are anchored in. A data cell's content (its paragraphs with their list numbers, text boxes in
it) becomes its text, one line per printed line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from .tables import TBL, block_children, grid_rows, is_layout, is_merged_on, table_rows
from .text import P, StoryState, read_paragraph

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_PRINTED_AS = str.maketrans({"\u2011": "-", "\u00ad": None, "\u200b": None})  # nb hyphen, soft hyphen


@dataclass(frozen=True)
class Line:
    text: str  # line breaks inside the paragraph kept as "\n"
    label: str = ""
    style: str = ""


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[str, ...], ...]


def clean(text: str) -> str:
    """Printed lines of a paragraph: spaces and tabs collapsed, empty lines dropped, joined by "\\n"."""
    text = text.translate(_PRINTED_AS)
    return "\n".join(x for x in (_SPACES.sub(" ", part).strip() for part in text.split("\n")) if x)


def blocks(container: etree._Element, state: StoryState) -> Iterator[Line | Grid]:
    pending = ""  # a paragraph whose mark was deleted runs on into the next one
    for el in block_children(container):
        if el.tag == P:
            para = read_paragraph(el, state)
            if para.mark_deleted:
                pending += para.text
                for box in para.boxes:
                    yield from blocks(box, state)
                continue
            text = clean(pending + para.text)
            pending = ""
            if text:
                yield Line(text, para.label, para.style)
            for box in para.boxes:
                yield from blocks(box, state)
        elif el.tag == TBL:
            if pending.strip():
                yield Line(clean(pending))
                pending = ""
            yield from _table(el, state)
    if pending.strip():
        yield Line(clean(pending))


def _table(tbl: etree._Element, state: StoryState) -> Iterator[Line | Grid]:
    rows = table_rows(tbl)
    if is_layout(rows):
        for _, cells in rows:
            for tc in cells:
                if not is_merged_on(tc):
                    yield from blocks(tc, state)
        return
    laid = grid_rows(tbl, rows, lambda tc: cell_text(tc, state))
    if laid:
        yield Grid(tuple(laid))


def cell_text(container: etree._Element, state: StoryState) -> str:
    """A data cell's printed lines: each paragraph with its list number, then anything nested."""
    return "\n".join(lines(container, state))


def lines(container: etree._Element, state: StoryState) -> Iterator[str]:
    """Every printed line of a story, tables flattened cell by cell (for cells and running headers)."""
    for item in blocks(container, state):
        if isinstance(item, Line):
            for k, part in enumerate(item.text.split("\n")):
                yield f"{item.label} {part}" if item.label and k == 0 else part
        else:
            for row in item.rows:
                seen: set[str] = set()
                for cell in row:
                    if cell and cell not in seen:  # a spanning cell once, not once per column
                        seen.add(cell)
                        yield from cell.split("\n")
