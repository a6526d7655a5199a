"""The one shape every table strategy returns, and how its cells get their text.

A strategy only decides geometry: a lattice of rows x columns and the boxes of the (possibly
merged) cells on it. Turning words into cell text is shared, so every strategy gets the same
treatment of broken words, hyphens, bullets and spanning cells.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .celltext import cell_text, ends_at_edge
from .page import Word

if TYPE_CHECKING:
    from .grid_evidence import GridEvidence


@dataclass(frozen=True)
class GridCell:
    """A cell covering rows [row0, row1) and columns [col0, col1) of its grid, with its box."""

    row0: int
    row1: int
    col0: int
    col1: int
    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, w: Word) -> bool:
        return self.x0 <= w.xc <= self.x1 and self.top <= w.yc <= self.bottom


@dataclass(frozen=True)
class PageGrid:
    """A table found on one page by one strategy, before any text is read into it.

    `ruled` says whether the cell boxes are drawn borders (their sides are the column edges);
    `content_right` gives, for text-derived columns, the right edge of each column's text area.
    """

    page: int
    extractor: str
    n_rows: int
    n_cols: int
    cells: tuple[GridCell, ...]
    ruled: bool = True
    content_right: tuple[float | None, ...] = ()
    score: float = 1.0
    col_edges: tuple[float, ...] = ()
    open_cells: frozenset[int] = frozenset()  # cells with no drawn rule under them at the page end

    @cached_property
    def bbox(self) -> tuple[float, float, float, float]:
        return (
            min(c.x0 for c in self.cells),
            min(c.top for c in self.cells),
            max(c.x1 for c in self.cells),
            max(c.bottom for c in self.cells),
        )

    def cell_of(self, w: Word) -> int | None:
        """Index of the cell holding the word's centre (a lookup on the lattice, not a scan)."""
        xs, ys, where = self._lattice
        r = bisect_right(ys, w.yc) - 1
        c = bisect_right(xs, w.xc) - 1
        for rr in (r, r - 1, r + 1):  # boundaries shared by neighbouring cells: check both sides
            for cc in (c, c - 1, c + 1):
                i = where.get((rr, cc))
                if i is not None and self.cells[i].holds(w):
                    return i
        return None

    @cached_property
    def _lattice(self) -> tuple[list[float], list[float], dict[tuple[int, int], int]]:
        xs = sorted({c.x0 for c in self.cells} | {c.x1 for c in self.cells})
        ys = sorted({c.top for c in self.cells} | {c.bottom for c in self.cells})
        where: dict[tuple[int, int], int] = {}
        for i, cell in enumerate(self.cells):
            r0, r1 = bisect_right(ys, cell.top) - 1, bisect_right(ys, cell.bottom) - 1
            c0, c1 = bisect_right(xs, cell.x0) - 1, bisect_right(xs, cell.x1) - 1
            for r in range(r0, max(r1, r0 + 1)):
                for c in range(c0, max(c1, c0 + 1)):
                    where.setdefault((r, c), i)
        return xs, ys, where


@dataclass(frozen=True)
class PageRow:
    """One grid row's cell texts; `spanned[i]` marks a cell merged over several rows."""

    cells: tuple[str, ...]
    top: float
    spanned: tuple[bool, ...]
    full_width: bool = False
    x0s: tuple[float | None, ...] = ()  # where each cell's text starts, to re-seat it under other columns
    broken: tuple[bool, ...] = ()  # the cell ends with a word filling the column (maybe broken overleaf)
    open_end: tuple[bool, ...] = ()  # no rule drawn under the cell: it goes on over the page break


@dataclass(frozen=True)
class PageTable:
    """A grid with its text: what one page contributes to a logical table."""

    page: int
    extractor: str
    rows: tuple[PageRow, ...]
    top: float
    bottom: float
    x0: float
    x1: float
    score: float
    words_used: frozenset[int]  # ids of the page words read into cells
    col_edges: tuple[float, ...] = ()
    evidence: GridEvidence | None = None  # what the grid shows about itself; `score` is read from it
    foot_header: bool = False  # one ruled row alone at the page's foot: a header whose body is overleaf

    @property
    def n_cols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


def open_cells_of(grid: PageGrid, cells: Sequence[GridCell]) -> frozenset[int]:
    """Which of `cells` (the grid's cells rebuilt: split, joined, holes filled, re-sorted) are
    open at the page end: those ending where an open cell of the grid ended (within a point),
    not in the place of a cell closed there. A cell added in a hole of the last row (no box was
    drawn there) is as open as the row's other cells; a row split off above the foot is not."""
    if not grid.open_cells:
        return frozenset()
    old_open = [grid.cells[i] for i in grid.open_cells]
    closed = [c for i, c in enumerate(grid.cells) if i not in grid.open_cells]

    def same_place(a: GridCell, b: GridCell) -> bool:
        return abs(a.bottom - b.bottom) <= 1 and min(a.x1, b.x1) - max(a.x0, b.x0) > 1

    return frozenset(
        k
        for k, c in enumerate(cells)
        if any(abs(c.bottom - o.bottom) <= 1 for o in old_open) and not any(same_place(c, o) for o in closed)
    )


def words_by_cell(grid: PageGrid, words: Sequence[Word]) -> dict[int, list[Word]]:
    """Each cell's words (every cell listed, empty ones too): the words whose centre it holds."""
    by_cell: dict[int, list[Word]] = {i: [] for i in range(len(grid.cells))}
    for w in words:
        i = grid.cell_of(w)
        if i is not None:
            by_cell[i].append(w)
    return by_cell


def fill_grid(
    grid: PageGrid,
    words: Sequence[Word],
    line_tolerance: float,
    known_words: frozenset[str] = frozenset(),
    by_cell: dict[int, list[Word]] | None = None,
) -> PageTable:
    """Read the words into the grid's cells; a merged cell's text goes to every row/column it covers.
    `by_cell`: `words_by_cell(grid, words)` when the caller has it already."""
    by_cell = by_cell if by_cell is not None else words_by_cell(grid, words)
    used = {id(w) for ws in by_cell.values() for w in ws}
    edges = _right_edges(grid, by_cell)
    texts = [[""] * grid.n_cols for _ in range(grid.n_rows)]
    spanned = [[False] * grid.n_cols for _ in range(grid.n_rows)]
    tops = [float("inf")] * grid.n_rows
    x0s: list[list[float | None]] = [[None] * grid.n_cols for _ in range(grid.n_rows)]
    broken = [[False] * grid.n_cols for _ in range(grid.n_rows)]
    open_end = [[False] * grid.n_cols for _ in range(grid.n_rows)]
    full_width = [False] * grid.n_rows
    for i, cell in enumerate(grid.cells):
        text = cell_text(by_cell[i], edges[i], line_tolerance, known_words)
        at_edge = ends_at_edge(by_cell[i], edges[i], line_tolerance)
        for r in range(cell.row0, cell.row1):
            tops[r] = min(tops[r], cell.top) if cell.row0 == r else tops[r]
            for c in range(cell.col0, cell.col1):
                texts[r][c] = text
                x0s[r][c] = min((w.x0 for w in by_cell[i]), default=None)
                broken[r][c] = at_edge
                open_end[r][c] = i in grid.open_cells
                spanned[r][c] = cell.row1 - cell.row0 > 1
        if cell.col1 - cell.col0 == grid.n_cols and grid.n_cols > 1:
            full_width[cell.row0] = True
    rows = tuple(
        PageRow(
            tuple(texts[r]),
            tops[r] if tops[r] != float("inf") else 0.0,
            tuple(spanned[r]),
            full_width[r],
            tuple(x0s[r]),
            tuple(broken[r]),
            tuple(open_end[r]),
        )
        for r in range(grid.n_rows)
    )
    x0, top, x1, bottom = grid.bbox
    return PageTable(
        grid.page, grid.extractor, rows, top, bottom, x0, x1, grid.score, frozenset(used), grid.col_edges
    )


def _right_edges(grid: PageGrid, by_cell: dict[int, list[Word]]) -> list[float | None]:
    """Right edge of each cell's text area, for spotting words broken at the column edge."""
    if not grid.ruled:
        return [
            grid.content_right[c.col1 - 1] if c.col1 - 1 < len(grid.content_right) else None
            for c in grid.cells
        ]
    pads: dict[int, float] = {}
    for i, cell in enumerate(grid.cells):
        for w in by_cell[i]:
            pad = w.x0 - cell.x0
            if pad >= 0:
                pads[cell.col0] = min(pads.get(cell.col0, pad), pad)
    return [cell.x1 - pads.get(cell.col0, 0.0) if cell.col0 in pads else None for cell in grid.cells]
