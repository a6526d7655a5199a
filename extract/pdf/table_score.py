"""How far a page table is a table, from its geometry and from what its cells print.

The geometry score (`strategy.grid_score`) says how well a grid holds the words in its zone; it
cannot see that the "cells" are lines of running prose (two text columns read as a table, a box
of text drawn around a paragraph), which is where a grid scores 1.0 and is wrong. Prose shows in
the cells themselves: a sentence runs on from a cell into the one under it (the lower cell starts
in lower case, the upper one ends without a stop), or every row is one cell repeated across the
columns. Calibrated on the ICDAR 2013 set: grids with these signs had cell-adjacency F1 below 0.5.
"""

from __future__ import annotations

from .grid import PageTable

# A cell pair counts as running prose only when both are this many words or longer (short
# lower-case cells, "ongoing", "yes", are table values).
PROSE_MIN_WORDS = 4


def prose_share(table: PageTable) -> float:
    """Share of the table's columns down which sentences run on from cell to cell (a column of
    prose beside a real table, or every column of a two-column page read as a table)."""
    pairs: dict[int, int] = {}
    runs: dict[int, int] = {}
    for upper, lower in zip(table.rows, table.rows[1:], strict=False):
        for c, (a, b) in enumerate(zip(upper.cells, lower.cells, strict=False)):
            if a == b or (c and upper.cells[c - 1] == a) or (c and lower.cells[c - 1] == b):
                continue  # merged cells are counted once, in their first column
            if len(a.split()) < PROSE_MIN_WORDS or len(b.split()) < PROSE_MIN_WORDS:
                continue
            pairs[c] = pairs.get(c, 0) + 1
            if b[0].islower() and not a.rstrip().endswith((".", ":", ";", "!", "?")):
                runs[c] = runs.get(c, 0) + 1
    printed = {c for r in table.rows for c, t in enumerate(r.cells) if t}
    prose = [c for c, n in pairs.items() if runs.get(c, 0) * 2 >= n]
    return len(prose) / len(printed) if printed else 0.0


def merged_share(table: PageTable) -> float:
    """Share of rows printed as one cell repeated over every column (titles, merged rows)."""
    rows = [r for r in table.rows if any(r.cells)]
    if not rows or table.n_cols < 2:
        return 0.0
    return sum(1 for r in rows if len(set(r.cells)) == 1) / len(rows)


def table_score(table: PageTable, geometry: float) -> float:
    """0..1: the geometry score lowered by the signs of prose and of merged rows."""
    return geometry * (1.0 - prose_share(table)) * (1.0 - 0.5 * merged_share(table))
