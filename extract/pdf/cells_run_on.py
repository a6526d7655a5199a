"""Cells merged over rows, read from a column's text running on across a row line.

A row line read from the text (no rule or fill edge drawn there) parts every column alike, but
a cell merged over several rows (a group's objective printed once beside its actions, centred
on them or at their top) is one paragraph: its lines keep their own leading across the row
line, where the rows' own cells part by the cell padding. Such a column's cells on both sides
are one cell over both rows (`fill_grid` repeats its text on each), instead of the paragraph cut
between rows ("Increase engagement with the" | "Technician Commitment ...").

The row line must show itself beside it: the other columns leave whitespace across it taller
than their line gap and no taller than the rows' padding (what the grid's row lines that no
text runs across show, or a line pitch): their cells reach the row line from both sides. Rows
printed touching, at one leading throughout, show no row line anywhere and are left as read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from .grid import GridCell, PageGrid, words_by_cell
from .layout import PrintedLine, group_lines
from .page import Edge, Word
from .rows_centred import inner_gap

# A rule or fill side this close to a row line (points) draws it.
DRAWN_REACH = 2.0


def merged_over_rows(
    grid: PageGrid, words: Sequence[Word], edges: Sequence[Edge], line_tolerance: float
) -> PageGrid:
    """The grid with a column's cells joined over each undrawn row line its text runs across."""
    if grid.n_rows < 2 or not grid.cells:
        return grid
    by_cell = words_by_cell(grid, words)
    lines = {i: group_lines(ws, line_tolerance) for i, ws in by_cell.items() if ws}
    gap = inner_gap([ls for ls in lines.values()])
    sizes = [ln.size for ls in lines.values() for ln in ls]
    if gap is None or not sizes:
        return grid
    join = gap + max(1.0, 0.15 * median(sizes)) / 2
    cap = gap + median(ln.bottom - ln.top for ls in lines.values() for ln in ls)  # a line pitch
    bands = [b for b in (_band(grid.cells, lines, y) for y in _row_lines(grid, edges)) if b > join]
    if bands:  # the rows' own padding, read where no cell runs across a row line
        cap = max(cap, median(bands) + join - gap)
    cells = list(grid.cells)
    held = {id(c): lines.get(i, []) for i, c in enumerate(cells)}
    changed = False
    while True:
        pair = _next_pair(cells, held, edges, join, cap)
        if pair is None:
            break
        a, b = pair
        both = GridCell(a.row0, b.row1, a.col0, a.col1, a.x0, a.top, a.x1, b.bottom)
        held[id(both)] = [*held[id(a)], *held[id(b)]]
        cells = [c for c in cells if c is not a and c is not b] + [both]
        changed = True
    if not changed:
        return grid
    cells.sort(key=lambda c: (c.row0, c.col0))
    return replace(grid, cells=tuple(cells))


def _next_pair(
    cells: Sequence[GridCell],
    held: dict[int, list[PrintedLine]],
    edges: Sequence[Edge],
    join: float,
    cap: float,
) -> tuple[GridCell, GridCell] | None:
    below = {(c.row0, c.col0): c for c in cells if c.col1 - c.col0 == 1}
    for a in cells:
        if a.col1 - a.col0 != 1 or not held[id(a)]:
            continue
        b = below.get((a.row1, a.col0))
        if b is None or b.col1 != a.col1 or not held[id(b)]:
            continue
        y = a.bottom
        if _drawn(edges, y, (a.x0 + a.x1) / 2):
            continue
        last, first = held[id(a)][-1], held[id(b)][0]
        if first.top - last.bottom > join:
            continue
        if _row_line_shown(cells, held, a, y, join, cap):
            return a, b
    return None


def _drawn(edges: Sequence[Edge], y: float, x: float) -> bool:
    return any(
        e.orientation == "h" and abs(e.top - y) <= DRAWN_REACH and e.x0 - 1 <= x <= e.x1 + 1 for e in edges
    )


def _row_lines(grid: PageGrid, edges: Sequence[Edge]) -> list[float]:
    """The grid's inner row lines that no rule or fill side draws."""
    x0, top, x1, bottom = grid.bbox
    ys = sorted({c.top for c in grid.cells if top + 1 < c.top < bottom - 1})
    return [y for y in ys if not _drawn(edges, y, (x0 + x1) / 2)]


def _band(cells: Sequence[GridCell], lines: dict[int, list[PrintedLine]], y: float) -> float:
    """The whitespace across y between the lowest line printed above it and the highest below it
    in the single-column cells meeting at y; 0 when either side prints nothing."""
    above = [
        lines[i][-1].bottom
        for i, c in enumerate(cells)
        if c.col1 - c.col0 == 1 and abs(c.bottom - y) <= 0.01 and lines.get(i)
    ]
    below = [
        lines[i][0].top
        for i, c in enumerate(cells)
        if c.col1 - c.col0 == 1 and abs(c.top - y) <= 0.01 and lines.get(i)
    ]
    return min(below) - max(above) if above and below else 0.0


def _row_line_shown(
    cells: Sequence[GridCell],
    held: dict[int, list[PrintedLine]],
    cell: GridCell,
    y: float,
    join: float,
    cap: float,
) -> bool:
    """Do the other columns leave whitespace across y, between the lowest line they print above
    it and the highest they print below it, taller than `join` (the rows' padding) but not taller
    than `cap` (a line pitch, or the padding the grid's row lines show where no text runs across
    them: their cells reach the row line on both sides)? Rows printed touching leave a line gap
    only; a row made tall by this column's own cell (a header of two lines beside headers of
    one) leaves a blank line in the others."""
    above = [
        held[id(c)][-1].bottom
        for c in cells
        if c.col0 != cell.col0 and c.col1 - c.col0 == 1 and abs(c.bottom - y) <= 0.01 and held[id(c)]
    ]
    below = [
        held[id(c)][0].top
        for c in cells
        if c.col0 != cell.col0 and c.col1 - c.col0 == 1 and abs(c.top - y) <= 0.01 and held[id(c)]
    ]
    band = min(below) - max(above) if above and below else 0.0
    return join < band < cap
