"""The interface every table strategy implements, and the quality score that ranks their output.

Strategies are tried cheap-first by the page handler (`page_tables`); a new strategy is one
new module with a class that has a `name` and an `extract(page)` method.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .grid import PageGrid
from .layout import PrintedLine, group_lines, median_size, typical_pitch
from .page import PageData, Word

LINE_TOLERANCE = 1.5


class TableStrategy(Protocol):
    """Finds table grids on one page (whose words are already free of page furniture)."""

    name: str

    def extract(self, page: PageData, lines: Sequence[PrintedLine] | None = None) -> list[PageGrid]:
        """`lines`: the page's printed lines from its evidence record, for strategies that read
        text positions (ruling strategies ignore them)."""
        ...


def grid_score(grid: PageGrid, words: Sequence[Word]) -> float:
    """0..1: how well the grid explains the text printed across its vertical extent.

    Words beside the grid, words in no cell, words straddling a cell border and empty cells all
    lower the score, and so do the words of a merged cell whose text pauses exactly where the
    grid's columns part (a rule the drawing left out, not a span); a grid that holds the table's
    text in cells of two or more columns scores 1.
    """
    if grid.n_cols < 2 or grid.n_rows < 2 or not grid.cells:
        return 0.0
    x0, top, x1, bottom = grid.bbox
    zone = [w for w in words if top <= w.yc <= bottom]
    beside = _text_beside(grid, zone)
    zone = [w for w in zone if id(w) not in beside]
    if not zone:
        return 0.0
    good = 0
    filled: set[int] = set()
    held: dict[int, list[Word]] = {}
    for w in zone:
        i = grid.cell_of(w)
        if i is not None and w.x0 >= grid.cells[i].x0 - 1 and w.x1 <= grid.cells[i].x1 + 1:
            held.setdefault(i, []).append(w)
    broken = _spans_broken_at_columns(grid, held)
    for i, ws in held.items():
        if i not in broken:
            good += len(ws)
            filled.add(i)
    fill_share = len(filled) / len(grid.cells)
    return (good / len(zone)) * (0.7 + 0.3 * fill_share)


# A block of text beside a ruled grid is a column of its own when its lines cut across at least
# this many of the grid's inner row rules, and a third of those within its own height (paragraph
# breaks and leading leave some rules between its lines).
BESIDE_CUT_ROWS = 2
BESIDE_CUT_SHARE = 3
# ...and most of its lines are not level with a line of the grid's text (tops this many type sizes
# apart or more): a table's rows align across its gutters, a column of text keeps its own pitch.
BESIDE_LEVEL = 0.15
# ...and where its lines part (a gap of over this many of its line pitches), the table's rows do
# not mostly part too: a column of cells merged over rows (a group's objective centred on its
# rows) breaks at its cells' ends, on the table's row lines; body text breaks at paragraphs.
BREAK_PITCHES = 1.4


def _text_beside(grid: PageGrid, zone: Sequence[Word]) -> set[int]:
    """Ids of the words beside a ruled grid that are a text column of their own (body text or a
    sidebar set beside the table), not cells the grid left out: all on one side of the grid,
    clear of its edge, and `own_column` says so. Such words do not lower the grid's score."""
    if not grid.ruled:
        return set()
    x0, _, x1, _ = grid.bbox
    rules = row_lines(grid)
    inside = [w for w in zone if x0 <= w.xc <= x1]
    out: set[int] = set()
    for side in (
        [w for w in zone if w.xc < x0],
        [w for w in zone if w.xc > x1],
    ):
        if not side or any(w.x1 > x0 and w.x0 < x1 for w in side):
            continue  # a word reaching into the grid's columns is the table's
        if own_column(side, inside, rules):
            out.update(id(w) for w in side)
    return out


def row_lines(grid: PageGrid) -> list[float]:
    """The y of every row line inside the grid (drawn or read from its text)."""
    _, top, _, bottom = grid.bbox
    return sorted({y for c in grid.cells for y in (c.top, c.bottom) if top + 1 < y < bottom - 1})


def own_column(
    side: Sequence[Word], table: Sequence[Word], rules: Sequence[float], in_grid: bool = False
) -> bool:
    """Is a block of text beside (or read as the edge column of) a table a text column of its
    own? Its lines run across the table's row lines, where no line of the table's own text can
    sit, and most are not level with any line of the table's text: a table's rows align across
    its gutters, a column of text keeps its own line pitch. `in_grid`: the block was read as the
    table's edge column, where it may be cells merged over rows (see BREAK_PITCHES)."""
    if not side or len(rules) < BESIDE_CUT_ROWS:
        return False
    lines = group_lines(side, LINE_TOLERANCE)
    level = sum(
        1 for ln in lines if any(abs(w.top - ln.words[0].top) <= BESIDE_LEVEL * w.size for w in table)
    )
    if level * 2 > len(lines):
        return False  # its lines are level with the table's: an unruled column of the table (a stub)
    if in_grid:
        pitch = typical_pitch([ln.top for ln in lines], median_size(side))
        breaks = [
            (a.bottom, b.top)
            for a, b in zip(lines, lines[1:], strict=False)
            if b.top - a.top > BREAK_PITCHES * pitch
        ]
        held = sum(1 for above, below in breaks if any(above < y < below for y in rules))
        if breaks and held * 2 > len(breaks):
            return False  # its blocks part where the table's rows part: cells merged over rows
    reach = [y for y in rules if min(w.top for w in side) < y < max(w.bottom for w in side)]
    cut = sum(1 for y in reach if any(w.top + 0.5 < y < w.bottom - 0.5 for w in side))
    return cut >= BESIDE_CUT_ROWS and cut * BESIDE_CUT_SHARE >= len(reach)


def _spans_broken_at_columns(grid: PageGrid, held: dict[int, list[Word]]) -> set[int]:
    """Cells spanning columns whose printed lines break, with a wide pause, across a column line."""
    xs = sorted({c.x0 for c in grid.cells} | {c.x1 for c in grid.cells})
    out: set[int] = set()
    space = _word_space([w for ws in held.values() for w in ws])
    for i, ws in held.items():
        cell = grid.cells[i]
        if len(ws) < 2:
            continue
        lines = [ln.words for ln in group_lines(ws, LINE_TOLERANCE) if len(ln.words) > 1]
        if not lines:
            continue
        inner = [x for x in xs if cell.x0 + 1 < x < cell.x1 - 1]
        if cell.col1 - cell.col0 >= 2:
            paused = sum(1 for line in lines if _pauses_at(line, inner, space))
            if paused * 2 >= len(lines):
                out.add(i)
        elif len(lines) >= INNER_GUTTER_LINES and _inner_gutter(lines, len(lines)):
            out.add(i)
    return out


# A ruled cell whose lines (at least this many) nearly all pause at one x holds an unruled column.
INNER_GUTTER_LINES = 4


def _inner_gutter(lines: Sequence[Sequence[Word]], n: int) -> bool:
    """Is there an x at which at least 80% of the lines pause (a gap of over half the type size)?
    Wide spaces of justified prose do not line up down a cell; a column gutter does. In a narrow
    cell they can (lines of two or three words stretched to the cell's width), so a pause whose
    lines all end flush at the cell's right edge on words that start at different x (the
    stretched line's last words, not a column's left-aligned starts) is justification."""
    pauses = [
        (a.x1, b.x0, line)
        for line in lines
        for a, b in zip(line, line[1:], strict=False)
        if b.x0 - a.x1 >= 0.6 * a.size
    ]
    right = max(line[-1].x1 for line in lines)
    for x in {(a + b) / 2 for a, b, _ in pauses}:
        held = [(b, line) for a, b, line in pauses if a <= x <= b]
        if len(held) >= 0.8 * n and not _justified_pause(held, right):
            return True
    return False


# Lines ending this close to the cell's rightmost text end flush (points)...
FLUSH_TOLERANCE = 1.0


def _justified_pause(held: Sequence[tuple[float, Sequence[Word]]], right: float) -> bool:
    """Do the lines pausing at one x all end flush at `right`, on words (not figures) after the
    pause that start at two or more x (a column's words start at one)?"""
    after = [[w for w in line if w.x0 >= b - 0.01] for b, line in held]
    flush = all(right - line[-1].x1 <= FLUSH_TOLERANCE for _, line in held)
    starts = max(b for b, _ in held) - min(b for b, _ in held)
    wordy = all(any(ch.isalpha() for w in ws for ch in w.text) for ws in after)
    return flush and wordy and starts > FLUSH_TOLERANCE


def _pauses_at(line: Sequence[Word], xs: Sequence[float], space: float) -> bool:
    """Does the line pause (a gap of several word spaces) across one of the x positions?"""
    return any(
        b.x0 - a.x1 >= max(0.6 * a.size, 3 * space) and any(a.x1 <= x <= b.x0 for x in xs)
        for a, b in zip(line, line[1:], strict=False)
    )


def _word_space(words: Sequence[Word]) -> float:
    """The grid's usual space between words on a line (justified text stretches it a little)."""
    gaps = [
        b.x0 - a.x1
        for ln in group_lines(words, LINE_TOLERANCE)
        for a, b in zip(ln.words, ln.words[1:], strict=False)
        if 0 < b.x0 - a.x1 < max(a.size, 1.0)
    ]
    return sorted(gaps)[len(gaps) // 2] if gaps else 2.5
