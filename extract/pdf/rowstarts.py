"""Where rows start inside a table's text, read line by line from what the columns print.

Rules and vertical gaps are not always there to separate rows: statistical tables print one row
per line at an even pitch, with rules only under the header and at the foot. What separates
their rows is the values themselves: a column whose lines are each one whole value (a number, a
percentage, a range, a dash for "none") never wraps, so every line that prints a value there
opens a row. Lines between such rows that print no value are either the wrapped rest of the row
above (they carry on in lower case, or the line above broke at a hyphen or a joining word) or a
row of their own (a section label such as "Women" or "Type of institution").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from .grid import GridCell, PageGrid
from .layout import PrintedLine, group_lines, median_size, typical_pitch
from .page import Word

# One printed value: 1,234 | 1 234 | -3.5 | (4.7) | 12% | $33,200 | 2003–04 | (1.1–1.2) | 5a
_NUMBER = r"[-−+]?[$£€¥]?(?:\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?%?"
VALUE = re.compile(rf"^[(\[]?{_NUMBER}(?:\s?[–—-]\s?{_NUMBER})?[)\]]?[*†‡§¹²³a-e]?$")
# A cell printed as "nothing here": a dash, a dagger, "n/a".
EMPTY_MARK = re.compile(r"^(?:[–—‒-]+|[†‡#*]+|n/?a|NA|\(NA\)|…|\.{2,}|x|s|—\s?\(\d\))$", re.IGNORECASE)
_JOINING = frozenset({"and", "or", "of", "the", "for", "to", "in", "by", "with", "a", "an", "&", "on", "at"})
# A table is read line by line only when at least this many columns hold values: one such column
# alone is as often a ref or date column of a text table, whose rows wrap over several lines.
MIN_VALUE_COLUMNS = 2
# Lowest share of a column's printed lines that must be whole values to read it line by line.
VALUE_SHARE = 0.7


def is_value(text: str) -> bool:
    t = text.strip()
    return bool(t) and (bool(VALUE.match(t)) or bool(EMPTY_MARK.match(t)))


def cells_by_line(lines: Sequence[PrintedLine], edges: Sequence[float]) -> list[list[str]]:
    """For each line, the text it prints in each column (columns split at `edges`)."""
    n = len(edges) - 1
    out = []
    for ln in lines:
        cells = [""] * n
        for w in ln.words:
            c = min(max(bisect_right(edges, w.xc) - 1, 0), n - 1)
            cells[c] = f"{cells[c]} {w.text}".strip()
        out.append(cells)
    return out


def value_columns(cells: Sequence[Sequence[str]], min_lines: int = 3) -> list[int]:
    """Columns (not the first, which names the rows) whose printed lines are mostly whole values."""
    if not cells:
        return []
    out = []
    for c in range(1, len(cells[0])):
        printed = [row[c] for row in cells if row[c]]
        hits = sum(1 for t in printed if is_value(t))
        if hits >= min_lines and hits >= VALUE_SHARE * len(printed):
            out.append(c)
    return out


def value_row_starts(
    lines: Sequence[PrintedLine], edges: Sequence[float], pitch: float, labels: bool = True
) -> list[float]:
    """Tops of the lines that open a row, in a table whose value columns hold one value a line.

    Empty when fewer than `MIN_VALUE_COLUMNS` columns are read line by line (or too few lines
    print values to tell). The lines above the first value line are the header's: no starts.
    `labels`: whether a line printing no value may open a row (a ruled grid's rules already
    show where its labels' rows are).
    """
    cells = cells_by_line(lines, edges)
    cols = value_columns(cells)
    if len(cols) < MIN_VALUE_COLUMNS:
        return full_line_starts(lines, cells) if labels else []
    valued = [any(is_value(row[c]) for c in cols) for row in cells]
    if sum(valued) < 2:
        return []
    first = valued.index(True)
    starts = []
    for i in range(first, len(lines)):
        if valued[i]:
            # a value line right under a label line that printed no value is the label's own row
            # when the label is the wrapped start of this row (hanging stub: values on the last line)
            if i > first and not valued[i - 1] and _opens_wrapped_stub(lines, cells, i - 1, i, pitch):
                continue
            if not labels and i > 0 and not valued[i - 1] and not cells[i][0]:
                continue  # values under a label line with no row name of their own: a header's years
            starts.append(lines[i].top)
        elif labels and (i == first or not _continues(lines, cells, i, pitch)):
            starts.append(lines[i].top)
    return starts


# Share of a table's lines that must print in every column for each such line to be a row.
FULL_LINE_SHARE = 0.8


def full_line_starts(lines: Sequence[PrintedLine], cells: Sequence[Sequence[str]]) -> list[float]:
    """One-line rows without value columns ("Lowest | $9,594 or less | Greater than $25,771"):
    when nearly every line prints in every column (three or more), no cell wraps, so each line
    opens a row, unless it carries the line above on (in lower case, or after a hyphen)."""
    if not cells or len(cells[0]) < 3 or len(lines) < 3:
        return []
    full = [all(cells_row) for cells_row in cells]
    if sum(full) < FULL_LINE_SHARE * len(lines):
        return []
    starts = []
    for i, ln in enumerate(lines):
        carried = i > 0 and any(
            b and (b[0].islower() or (a and a.endswith("-")))
            for a, b in zip(cells[i - 1], cells[i], strict=False)
        )
        if full[i] and not carried:
            starts.append(ln.top)
    return starts


def _continues(lines: Sequence[PrintedLine], cells: Sequence[Sequence[str]], i: int, pitch: float) -> bool:
    """Is a line that prints no value the wrapped rest of the row above?"""
    prev, ln = lines[i - 1], lines[i]
    if ln.top - prev.bottom > 0.6 * pitch:
        return False  # a gap above: a new row (a section label)
    text = next((t for t in cells[i] if t), "")
    above = next((t for t in cells[i - 1] if t), "")
    if not text or not above:
        return False
    last = above.split()[-1]
    return text[0].islower() or last.endswith(("-", ",")) or last.lower() in _JOINING


def _opens_wrapped_stub(
    lines: Sequence[PrintedLine], cells: Sequence[Sequence[str]], label: int, value: int, pitch: float
) -> bool:
    """A label line followed, with no gap, by a value line that carries the label on in lower case."""
    above = next((t for t in cells[label] if t), "")
    if not cells[value][0] or not above or lines[value].top - lines[label].bottom > 0.6 * pitch:
        return False
    return cells[value][0][0].islower() or above.split()[-1].endswith("-")


def split_value_rows(grid: PageGrid, words: Sequence[Word], line_tolerance: float) -> PageGrid:
    """A ruled grid whose cells each hold several one-line rows (the drawing rules the columns
    and the frame but not every row) is split where its values say rows start."""
    if not grid.cells or len(grid.col_edges) < 4:
        return grid
    x0, top, x1, bottom = grid.bbox
    inside = [w for w in words if x0 <= w.xc <= x1 and top <= w.yc <= bottom]
    lines = group_lines(inside, line_tolerance)
    if len(lines) < 3:
        return grid
    pitch = typical_pitch([ln.top for ln in lines], median_size(inside))
    ys = sorted({c.top for c in grid.cells} | {c.bottom for c in grid.cells})
    starts = [
        y - 0.5
        for y in value_row_starts(lines, grid.col_edges, pitch, labels=False)
        if not any(abs(y - b) <= 0.5 * pitch for b in ys) and top < y < bottom
    ]
    return split_grid_rows(grid, starts)


def split_grid_rows(grid: PageGrid, starts: Sequence[float]) -> PageGrid:
    """The grid with a row line added at each y in `starts` (each cell crossing one is cut there)."""
    if not starts:
        return grid
    ys = sorted({c.top for c in grid.cells} | {c.bottom for c in grid.cells})
    bounds = sorted({*ys, *starts})
    cells = []
    for c in grid.cells:
        inner = [y for y in starts if c.top < y < c.bottom]
        edges = [c.top, *inner, c.bottom]
        for a, b in zip(edges, edges[1:], strict=False):
            r0, r1 = bounds.index(a), bounds.index(b)
            cells.append(GridCell(r0, r1, c.col0, c.col1, c.x0, a, c.x1, b))
    cells.sort(key=lambda c: (c.row0, c.col0))
    return replace(grid, n_rows=len(bounds) - 1, cells=tuple(cells), open_cells=frozenset())
