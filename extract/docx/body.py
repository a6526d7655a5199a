"""A story (the body, a header, a text box, a cell) as printed lines and data tables, in order.

Layout tables are not data: their cells' content is read in order as if the table were not there,
and a data table nested inside them stays a table. Text boxes are read right after the paragraph
they are anchored in. A data cell's content (its paragraphs with their list numbers, text boxes in
it) becomes its text, one line per printed line.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..blocks import Grid, Line, clean, flatten
from .tables import TBL, block_children, grid_rows, is_layout, is_merged_on, table_rows
from .text import P, StoryState, read_paragraph


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
            if text or para.label:  # an empty numbered paragraph still prints its number
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
    return "\n".join(flatten(blocks(container, state)))


def lines(container: etree._Element, state: StoryState) -> list[str]:
    """Every printed line of a story, tables flattened cell by cell (running headers)."""
    return flatten(blocks(container, state))
