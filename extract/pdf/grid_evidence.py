"""What a found grid shows about itself: the counts behind its calibrated score.

A grid can hold every word of its zone and still be wrong: unruled rows collapsed into a few tall
rows (every column then stacks one value per printed line, on the same baselines), two text
columns read as a table, a column boundary run through words, a column left nearly empty. Each of
these leaves a trace in the grid and its words; `GridEvidence` counts them. Counts, not shares, so
the pieces of one logical table (its pages) add up to the table's evidence (`combine`), and the
shares the score reads (`features`) come from the sums.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from .grid import PageGrid, PageTable, words_by_cell
from .layout import group_lines
from .page import Word
from .strategy import LINE_TOLERANCE
from .table_prose import cut_cells, merged_rows, prose_columns

# A column holding text in at most this share of the grid's rows is nearly empty.
SPARSE_COLUMN_SHARE = 0.15
# Lines of two cells are on one baseline when their tops differ by less than this share of the size.
SAME_BASELINE = 0.35
# Lines of at most this many words (the median line of the row) are values, not wrapped sentences.
STACKED_LINE_WORDS = 4
# A pause between two words of a line at least this many type sizes wide could be a gutter, and a
# column whose lines (at least GUTTER_MIN_LINES with two or more words) pause at one x in this
# share of them holds two columns.
GUTTER_PAUSE = 0.8
GUTTER_LINE_SHARE = 0.5
GUTTER_MIN_LINES = 3


@dataclass(frozen=True)
class GridEvidence:
    """Counts over one grid (or, summed, over the pages of a logical table)."""

    zone_words: int = 0  # words printed across the grid's vertical extent
    beside_words: int = 0  # of them, words left or right of the grid (text beside the table)
    lost_words: int = 0  # inside the grid's box but in no cell
    split_words: int = 0  # centre in a cell, box across the cell's side (a boundary through a word)
    cells: int = 0  # cells in rows that print something
    filled_cells: int = 0
    rows: int = 0
    merged_rows: int = 0  # rows printed as one cell repeated over every column
    columns: int = 0
    sparse_columns: int = 0  # columns with text in few rows
    printed_columns: int = 0
    prose_columns: int = 0  # columns down which sentences run on from cell to cell
    stacked_rows: int = 0  # rows whose cells stack several lines on the same baselines
    gutter_columns: int = 0  # columns whose lines mostly pause at one x (two columns read as one)
    text_cells: int = 0
    cut_cells: int = 0  # cells whose text carries on from the cell above (a cell cut in two)
    ruled_pieces: int = 0  # pieces whose cells are drawn borders
    pieces: int = 1

    def features(self) -> dict[str, float]:
        """The shares the score reads (0..1 each), by name (the names of data/table_score.csv)."""
        zone = max(self.zone_words, 1)
        few_rows = 2.0 / max(self.rows, 2)
        ruled = self.ruled_pieces / max(self.pieces, 1)
        return {
            "beside_share": self.beside_words / zone,
            "lost_share": self.lost_words / zone,
            "split_share": self.split_words / zone,
            "empty_cell_share": 1 - self.filled_cells / max(self.cells, 1),
            "merged_row_share": self.merged_rows / max(self.rows, 1),
            "sparse_column_share": self.sparse_columns / max(self.columns, 1),
            "prose_column_share": self.prose_columns / max(self.printed_columns, 1),
            "stacked_row_share": self.stacked_rows / max(self.rows, 1),
            "gutter_column_share": self.gutter_columns / max(self.columns, 1),
            "cut_cell_share": self.cut_cells / max(self.text_cells, 1),
            "few_rows": few_rows,
            "ruled_share": ruled,
            # a grid of a few rows read from text positions alone is weak evidence of a table
            "unruled_few_rows": few_rows * (1 - ruled),
        }


def combine(parts: Iterable[GridEvidence]) -> GridEvidence:
    """The evidence of a logical table from its pieces' (counts add up)."""
    parts = list(parts)
    if not parts:
        return GridEvidence(pieces=0)
    return GridEvidence(**{f.name: sum(getattr(p, f.name) for p in parts) for f in fields(GridEvidence)})


def grid_evidence(
    grid: PageGrid,
    table: PageTable,
    words: Sequence[Word],
    by_cell: dict[int, list[Word]] | None = None,
) -> GridEvidence:
    """Count what `grid` (read into `table`) shows, over the `words` it was read from (`by_cell`:
    `grid.words_by_cell(grid, words)`, when the caller has it already)."""
    by_cell = by_cell if by_cell is not None else words_by_cell(grid, words)
    x0, top, x1, bottom = grid.bbox
    zone = [w for w in words if top <= w.yc <= bottom]  # a cell's words are all in it
    beside = lost = split = 0
    for w in zone:
        if id(w) not in table.words_used:
            if w.xc < x0 or w.xc > x1:
                beside += 1
            else:
                lost += 1
    held: dict[int, list[Word]] = {}
    for i, ws in by_cell.items():
        cell = grid.cells[i]
        inside = [w for w in ws if w.x0 >= cell.x0 - 1 and w.x1 <= cell.x1 + 1]
        split += len(ws) - len(inside)
        if inside:
            held[i] = inside
    rows = [r for r in table.rows if any(r.cells)]
    # a grid row printing nothing (the sliver between the two strokes of a double rule) is no
    # row of the table read: its cells are not empty cells of it
    printed = {k for k, r in enumerate(table.rows) if any(r.cells)}
    kept = {i for i, c in enumerate(grid.cells) if any(k in printed for k in range(c.row0, c.row1))}
    cut, text_cells = cut_cells(table)
    n_cols = table.n_cols
    col_fill = [sum(1 for r in rows if c < len(r.cells) and r.cells[c]) for c in range(n_cols)]
    return GridEvidence(
        zone_words=len(zone),
        beside_words=beside,
        lost_words=lost,
        split_words=split,
        cells=len(kept),
        filled_cells=len(kept & held.keys()),
        rows=len(rows),
        merged_rows=merged_rows(table),
        columns=n_cols,
        sparse_columns=sum(1 for n in col_fill if n <= SPARSE_COLUMN_SHARE * len(rows)),
        printed_columns=sum(1 for n in col_fill if n),
        prose_columns=prose_columns(table),
        stacked_rows=_stacked_rows(grid, held),
        gutter_columns=_gutter_columns(grid, held),
        text_cells=text_cells,
        cut_cells=cut,
        ruled_pieces=int(grid.ruled),
    )


def _stacked_rows(grid: PageGrid, held: dict[int, list[Word]]) -> int:
    """Rows in which two or more cells, and most of the row's filled cells, print the same number
    of short lines on the same baselines: rows the grid failed to split (each baseline is a row).
    Wrapped sentences in two cells of a real row share baselines too, but not their line count
    and not short lines."""
    by_row: dict[int, list[tuple[list[float], list[int]]]] = {}
    filled: dict[int, int] = {}
    size: dict[int, float] = {}
    tall: dict[int, list[list[Word]]] = {}
    for i, ws in held.items():
        cell = grid.cells[i]
        if cell.row1 - cell.row0 > 1 or cell.col1 - cell.col0 > 1:
            continue  # a spanning cell keeps its own lines
        filled[cell.row0] = filled.get(cell.row0, 0) + 1
        height = max(w.size for w in ws)
        size[cell.row0] = max(size.get(cell.row0, 1.0), height)
        if max(w.top for w in ws) - min(w.top for w in ws) > 0.5 * height:  # more than one line
            tall.setdefault(cell.row0, []).append(ws)
    for r, cells in tall.items():
        if len(cells) < 2 or 3 * len(cells) < 2 * filled[r]:
            continue  # lines are grouped only where the row could be a stack
        for ws in cells:
            lines = group_lines(ws, LINE_TOLERANCE)
            by_row.setdefault(r, []).append(([ln.top for ln in lines], [len(ln.words) for ln in lines]))
    out = 0
    for r, stacks in by_row.items():
        if len(stacks) < 2 or 3 * len(stacks) < 2 * filled[r] or len({len(s) for s, _ in stacks}) > 1:
            continue
        words_per_line = sorted(n for _, counts in stacks for n in counts)
        if words_per_line[len(words_per_line) // 2] > STACKED_LINE_WORDS:
            continue  # wrapped sentences, not values stacked one a line
        tolerance = SAME_BASELINE * size[r]
        tops = stacks[0][0]
        if all(abs(a - b) <= tolerance for s, _ in stacks[1:] for a, b in zip(tops, s, strict=True)):
            out += 1
    return out


def _gutter_columns(grid: PageGrid, held: dict[int, list[Word]]) -> int:
    """Columns in which most printed lines pause at one x: a gutter inside the column, so two
    columns (a lost boundary) read as one. Wide spaces of justified prose do not line up."""
    by_col: dict[int, list[Word]] = {}
    for i, ws in held.items():
        cell = grid.cells[i]
        if cell.col1 - cell.col0 == 1:
            by_col.setdefault(cell.col0, []).extend(ws)
    out = 0
    for ws in by_col.values():
        lines = [ln.words for ln in group_lines(ws, LINE_TOLERANCE) if len(ln.words) > 1]
        if len(lines) < GUTTER_MIN_LINES:
            continue
        events: list[tuple[float, int]] = []
        for line in lines:
            pauses = [
                (a.x1, b.x0)
                for a, b in zip(line, line[1:], strict=False)
                if b.x0 - a.x1 >= GUTTER_PAUSE * max(a.size, 1.0)
            ]
            for a, b in pauses:  # a line's pauses never overlap: it counts once at any x
                events += [(a, 1), (b, -1)]
        depth = best = 0
        for _, step in sorted(events, key=lambda e: (e[0], -e[1])):
            depth += step
            best = max(best, depth)
        if best >= GUTTER_LINE_SHARE * len(lines):
            out += 1
    return out
