"""Strategy 1: pdfplumber's lines strategy, run on the ruling edges kept in `PageData`.

This is pdfplumber's `TableFinder` pipeline (merge edges, intersections, cells, tables) called as
pure functions on the stored edges, so the page never has to be parsed again.
"""

from __future__ import annotations

from collections.abc import Sequence

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from .pdf_grid import GridCell, PageGrid
from .pdf_page import Edge, PageData

SNAP = 3.0
JOIN = 3.0
MIN_EDGE = 3.0
INTERSECT = 3.0


class LinesStrategy:
    name = "pdfplumber-lines"

    def extract(self, page: PageData) -> list[PageGrid]:
        h = sum(1 for e in page.edges if e.orientation == "h")
        v = len(page.edges) - h
        if h < 2 or v < 2:
            return []
        edges = merge_edges(
            [_as_dict(e) for e in page.edges],
            snap_x_tolerance=SNAP,
            snap_y_tolerance=SNAP,
            join_x_tolerance=JOIN,
            join_y_tolerance=JOIN,
        )
        edges = [
            e
            for e in edges
            if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= MIN_EDGE
        ]
        intersections = edges_to_intersections(edges, INTERSECT, INTERSECT)
        cells = intersections_to_cells(intersections)
        tables = cells_to_tables(cells)
        grouped = {c for t in tables for c in t}
        # pdfplumber drops one-cell tables; a lone bordered box may be a table's merged title row
        tables += [[c] for c in cells if c not in grouped]
        return [g for g in (grid_from_boxes(page.number, self.name, t) for t in tables) if g]


def grid_from_boxes(
    page: int, extractor: str, boxes: Sequence[tuple[float, float, float, float]]
) -> PageGrid | None:
    """Cell boxes (x0, top, x1, bottom) -> a lattice: column and row lines are the boxes' sides."""
    if not boxes:
        return None
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < 2 or len(ys) < 2:
        return None
    cells = []
    for x0, top, x1, bottom in boxes:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 > c0 and r1 > r0:
            cells.append(GridCell(r0, r1, c0, c1, x0, top, x1, bottom))
    if not cells:
        return None
    cells.sort(key=lambda c: (c.row0, c.col0))
    return PageGrid(page, extractor, len(ys) - 1, len(xs) - 1, tuple(cells), ruled=True, col_edges=tuple(xs))


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(lines: list[float], v: float) -> int:
    return min(range(len(lines)), key=lambda i: abs(lines[i] - v))


def _as_dict(e: Edge) -> dict:
    return {
        "x0": e.x0,
        "x1": e.x1,
        "top": e.top,
        "bottom": e.bottom,
        "doctop": e.top,
        "width": e.x1 - e.x0,
        "height": e.bottom - e.top,
        "orientation": e.orientation,
        "object_type": "line",
    }
