"""Signs in a table's cell texts that its grid is not a table: running prose and merged rows.

The geometry (`strategy.grid_score`) cannot see that the "cells" are lines of running prose (two
text columns read as a table, a box of text drawn around a paragraph), which is where a grid
holds every word and is wrong. Prose shows in the cells themselves: a sentence runs on from a cell
into the one under it (the lower cell starts in lower case, the upper one ends without a stop),
or every row is one cell repeated across the columns.
"""

from __future__ import annotations

from .grid import PageTable

# A cell pair counts as running prose only when both are this many words or longer (short
# lower-case cells, "ongoing", "yes", are table values).
PROSE_MIN_WORDS = 4
_STOPS = (".", ":", ";", "!", "?")
# The cell above a cut is a phrase of at least this many words.
CUT_MIN_WORDS = 3


def prose_columns(table: PageTable) -> int:
    """How many of the table's columns sentences run down, from cell to cell."""
    pairs: dict[int, int] = {}
    runs: dict[int, int] = {}
    for upper, lower in zip(table.rows, table.rows[1:], strict=False):
        for c, (a, b) in enumerate(zip(upper.cells, lower.cells, strict=False)):
            if a == b or (c and upper.cells[c - 1] == a) or (c and lower.cells[c - 1] == b):
                continue  # merged cells are counted once, in their first column
            if len(a.split()) < PROSE_MIN_WORDS or len(b.split()) < PROSE_MIN_WORDS:
                continue
            pairs[c] = pairs.get(c, 0) + 1
            if b[0].islower() and not a.rstrip().endswith(_STOPS):
                runs[c] = runs.get(c, 0) + 1
    return sum(1 for c, n in pairs.items() if runs.get(c, 0) * 2 >= n)


def prose_share(table: PageTable) -> float:
    """Share of the table's printed columns down which sentences run on from cell to cell (a
    column of prose beside a real table, or every column of a two-column page read as a table)."""
    printed = {c for r in table.rows for c, t in enumerate(r.cells) if t}
    return prose_columns(table) / len(printed) if printed else 0.0


def cut_cells(table: PageTable) -> tuple[int, int]:
    """(cells whose text carries on from the cell above: it starts in lower case and the one above,
    a phrase, ends without a stop, so a row line cut one cell's text in two; cells with text). A
    merged cell is counted once, in its first column. Short values ("yes" under "HR") are no cut."""
    cut = texts = 0
    above: tuple[str, ...] = ()
    for row in table.rows:
        for c, b in enumerate(row.cells):
            if not b or (c and row.cells[c - 1] == b):
                continue
            texts += 1
            a = above[c] if c < len(above) else ""
            if (
                len(a.split()) >= CUT_MIN_WORDS
                and a != b
                and b[0].islower()
                and not a.rstrip().endswith(_STOPS)
            ):
                cut += 1
        above = row.cells
    return cut, texts


def merged_rows(table: PageTable) -> int:
    """Rows printed as one cell repeated over every column (titles, merged rows)."""
    if table.n_cols < 2:
        return 0
    return sum(1 for r in table.rows if any(r.cells) and len(set(r.cells)) == 1)
