"""The interface every table strategy implements, and the quality score that ranks their output.

Strategies are tried cheap-first by the page handler (`page_tables`); a new strategy is one
new module with a class that has a `name` and an `extract(page)` method.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .grid import PageGrid
from .page import PageData, Word


class TableStrategy(Protocol):
    """Finds table grids on one page (whose words are already free of page furniture)."""

    name: str

    def extract(self, page: PageData) -> list[PageGrid]: ...


def grid_score(grid: PageGrid, words: Sequence[Word]) -> float:
    """0..1: how well the grid explains the text printed across its vertical extent.

    Words beside the grid, words in no cell, words straddling a cell border and empty cells all
    lower the score; a grid that holds the table's text in cells of two or more columns scores 1.
    """
    if grid.n_cols < 2 or grid.n_rows < 2 or not grid.cells:
        return 0.0
    x0, top, x1, bottom = grid.bbox
    zone = [w for w in words if top <= w.yc <= bottom]
    if not zone:
        return 0.0
    good = 0
    filled: set[int] = set()
    for w in zone:
        i = grid.cell_of(w)
        if i is not None and w.x0 >= grid.cells[i].x0 - 1 and w.x1 <= grid.cells[i].x1 + 1:
            good += 1
            filled.add(i)
    fill_share = len(filled) / len(grid.cells)
    return (good / len(zone)) * (0.7 + 0.3 * fill_share)
