"""Strategy 2: camelot's lattice parser, for ruled tables pdfplumber's edge finder could not close.

Camelot renders the page to an image and finds the ruling lines there, which survives borders
drawn as separate unjoined strokes or tiny gaps at corners. It re-reads the page from the file and
runs at a few pages per second, so the page handler only calls it for pages that have vertical
rules but whose lines-strategy grid scored badly.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Sequence
from pathlib import Path

from .grid import PageGrid
from .layout import PrintedLine
from .page import PageData
from .strategy_lines import grid_from_boxes


class CamelotLatticeStrategy:
    name = "camelot-lattice"

    def __init__(self, path: Path, password: str | None = None, page_budget: int = 100):
        self.path = path
        self.password = password
        # Pages per document (camelot takes about 0.3 s each); past it, pages go to the text
        # strategy. Counted in pages, not seconds, so the rows never depend on the machine's load.
        self.page_budget = page_budget
        self.pages_read = 0

    def extract(self, page: PageData, lines: Sequence[PrintedLine] | None = None) -> list[PageGrid]:
        if self.pages_read >= self.page_budget:
            return []
        self.pages_read += 1
        return self._extract(page)

    def _extract(self, page: PageData) -> list[PageGrid]:
        try:
            import camelot
        except ImportError:  # optional at run time: the other strategies still work
            return []
        logging.getLogger("camelot").setLevel(logging.ERROR)
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                tables = camelot.read_pdf(
                    str(self.path), pages=str(page.number), flavor="lattice", password=self.password
                )
        except Exception:  # camelot fails in many ways on odd pages; the text strategy takes over
            return []
        grids = []
        for table in tables:
            boxes = merged_boxes(table.cells, page.height)
            grid = grid_from_boxes(page.number, self.name, boxes)
            if grid:
                grids.append(grid)
        return grids


def merged_boxes(cells: list[list], page_height: float) -> list[tuple[float, float, float, float]]:
    """Camelot's lattice cells (PDF coordinates, border flags) -> merged cell boxes, top-left origin."""
    n_rows = len(cells)
    n_cols = len(cells[0]) if n_rows else 0
    parent = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def find(k: tuple[int, int]) -> tuple[int, int]:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for r in range(n_rows):
        for c in range(n_cols):
            cell = cells[r][c]
            if r + 1 < n_rows and not cell.bottom:
                parent[find((r + 1, c))] = find((r, c))
            if c + 1 < n_cols and not cell.right:
                parent[find((r, c + 1))] = find((r, c))
    groups: dict[tuple[int, int], list] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(find((r, c)), []).append(cells[r][c])
    return [
        (
            min(x.x1 for x in g),
            page_height - max(x.y2 for x in g),
            max(x.x2 for x in g),
            page_height - min(x.y1 for x in g),
        )
        for g in groups.values()
    ]
