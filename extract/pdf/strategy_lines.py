"""Strategy 1: pdfplumber's lines strategy, run on the ruling edges kept in `PageData`.

This is pdfplumber's `TableFinder` pipeline (merge edges, intersections, cells, tables) called as
pure functions on the stored edges, so the page never has to be parsed again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from .grid import GridCell, PageGrid
from .layout import PrintedLine, group_lines
from .page import Edge, PageData, Word

SNAP = 3.0
JOIN = 3.0
MIN_EDGE = 3.0
INTERSECT = 3.0


class LinesStrategy:
    name = "pdfplumber-lines"

    def extract(self, page: PageData, lines: Sequence[PrintedLine] | None = None) -> list[PageGrid]:
        h = sum(1 for e in page.edges if e.orientation == "h")
        v = len(page.edges) - h
        if h < 1 or v < 2:
            return []
        if h < 2 and len({round(e.x0) for e in page.edges if e.orientation == "v"}) < 3:
            return []  # one rule across needs column rules (a page's piece of a table, closed above)
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
        sided = _close_open_sides(edges)
        closed = _close_open_ends(sided)
        added = closed[len(sided) :]  # the rules drawn under (or over) open pieces, not the sides
        closed = closed + _title_gap_rules(closed)
        intersections = edges_to_intersections(closed, INTERSECT, INTERSECT)
        cells = intersections_to_cells(intersections)
        tables = cells_to_tables(cells)
        grouped = {c for t in tables for c in t}
        # pdfplumber drops one-cell tables; a lone bordered box may be a table's merged title row
        tables += [[c] for c in cells if c not in grouped]
        tables = _stacked_as_one(tables, page.words)
        grids = [g for g in (grid_from_boxes(page.number, self.name, t) for t in tables) if g]
        return [_mark_open(g, added, edges) for g in grids] if added else grids


def _close_open_sides(edges: list[dict]) -> list[dict]:
    """Draw the missing outer column rule where the table's row rules end.

    A table ruled on only some edges (column rules and a right side, but no left side) still
    shows its width: its rules across (a header rule, a foot rule) run on past the outermost
    column rule to the table's edge. Without a rule there, the first (or last) column has no
    cells and its words fall out of the table. Only rules across most of the column rules'
    span, at heights the column rules reach, count; the new side runs down the column rules.
    The column rules are those reaching the lowest one's foot (a header bar's sides stop short).
    Only one side is completed, where the other is drawn: rules across with column rules and
    neither side (the outer strips may hold several unruled columns) are left as they are.
    """
    vs = [e for e in edges if e["orientation"] == "v"]
    if not vs:
        return edges
    bottom = max(v["bottom"] for v in vs)
    down = [v for v in vs if v["bottom"] >= bottom - INTERSECT]  # the rules down to the table's foot
    if len({round(v["x0"]) for v in down}) < 2:
        return edges
    top = min(v["top"] for v in down)
    left, right = min(v["x0"] for v in down), max(v["x1"] for v in down)
    across = [
        h
        for h in edges
        if h["orientation"] == "h"
        and top - INTERSECT <= h["top"] <= bottom + INTERSECT
        and min(h["x1"], right) - max(h["x0"], left) >= SIDE_SPAN_SHARE * (right - left)
    ]
    if not across:
        return edges
    x0, x1 = min(h["x0"] for h in across), max(h["x1"] for h in across)

    def ruled_at(x: float) -> bool:  # a rule down most of the table there (not a header bar's side)
        near = [v for v in vs if abs(v["x0"] - x) <= 2 * SNAP]
        return sum(min(v["bottom"], bottom) - max(v["top"], top) for v in near) >= 0.5 * (bottom - top)

    missing = [x for x, outer in ((x0, left), (x1, right)) if abs(x - outer) > 2 * SNAP and not ruled_at(x)]
    if len(missing) != 1:
        return edges  # both sides drawn, or neither: a frame, or column rules alone (no side to complete)
    return [*edges, _side(missing[0], top, bottom)]


# A rule across runs over at least this share of the column rules' span to show the table's width.
SIDE_SPAN_SHARE = 0.8


def _side(x: float, top: float, bottom: float) -> dict:
    return _drawn_edge(x, x, top, bottom, "v")


def _close_open_ends(edges: list[dict]) -> list[dict]:
    """Draw the missing rule where the column rules of the page's lowest (or top) table end.

    A browser that splits a row (or a merged cell) over a page break draws the columns' sides down
    to the page's end but no rule under the open piece (nor over the rest on the next page):
    without that rule the piece has no cell and its text would fall out of the table. Only a
    stretch that no drawn rule covers is closed, so a closed table's lattice is left as it was.
    """
    vs = [e for e in edges if e["orientation"] == "v"]
    if len(vs) < 2:
        return edges
    hs = [e for e in edges if e["orientation"] == "h"]
    out = list(edges)
    bottom, top = max(v["bottom"] for v in vs), min(v["top"] for v in vs)
    for y, ends in (
        (bottom, [v for v in vs if v["bottom"] >= bottom - INTERSECT]),
        (top, [v for v in vs if v["top"] <= top + INTERSECT]),
    ):
        if len({round(v["x0"]) for v in ends}) < 2:
            continue
        x0, x1 = min(v["x0"] for v in ends), max(v["x1"] for v in ends)
        drawn = [(h["x0"], h["x1"]) for h in hs if abs(h["top"] - y) <= INTERSECT]
        if _uncovered(x0, x1, drawn) > 2 * INTERSECT:
            out.append(_rule(x0, x1, y))
    return out


def _title_gap_rules(edges: list[dict]) -> list[dict]:
    """Rules over and under a row printed across the whole table where every column rule stops.

    A title or objective row spanning all the columns interrupts each column rule, and with no
    rule drawn over or under it (a lattice ruled at its columns and frame only) the column rules
    meet no rule: no cell forms and the whole table is one box. Where all the inner column rules
    pause over the same stretch, inside a frame whose sides run past it, the pause's ends are row
    lines across the frame. A pause only some column rules make (a header cell spanning two
    columns) is no such row."""
    vs = [e for e in edges if e["orientation"] == "v"]
    if len(vs) < 4:
        return []
    by_x: dict[int, list[dict]] = {}
    for v in vs:
        by_x.setdefault(round(v["x0"]), []).append(v)
    xs = sorted(by_x)
    out: list[dict] = []
    inner_pauses: dict[int, list[tuple[float, float]]] = {}
    for x, pieces in by_x.items():
        pieces.sort(key=lambda e: e["top"])
        inner_pauses[x] = [
            (a["bottom"], b["top"])
            for a, b in zip(pieces, pieces[1:], strict=False)
            if b["top"] - a["bottom"] > INTERSECT
        ]
    hs = [e for e in edges if e["orientation"] == "h"]
    seen: set[tuple[int, int]] = set()
    for pauses in inner_pauses.values():
        for y0, y1 in pauses:
            key = (round(y0), round(y1))
            if key in seen:
                continue
            seen.add(key)
            paused = [
                k
                for k, ps in inner_pauses.items()
                if any(abs(a - y0) <= INTERSECT and abs(b - y1) <= INTERSECT for a, b in ps)
            ]
            spanning = [
                k
                for k in xs
                if any(v["top"] < y0 - INTERSECT and v["bottom"] > y1 + INTERSECT for v in by_x[k])
            ]
            if len(paused) < 2 or not spanning:
                continue
            lo, hi = min(paused), max(paused)
            sides = [k for k in spanning if k < lo], [k for k in spanning if k > hi]
            if not sides[0] or not sides[1]:
                continue
            x0, x1 = max(sides[0]), min(sides[1])
            # every column rule between the frame's sides pauses there
            if any(x0 < k < x1 and k not in paused for k in xs):
                continue
            for y in (y0, y1):
                drawn = [(h["x0"], h["x1"]) for h in hs if abs(h["top"] - y) <= INTERSECT]
                if _uncovered(x0, x1, drawn) > 2 * INTERSECT:
                    out.append(_rule(x0, x1, y))
    return out


Box = tuple[float, float, float, float]


def _stacked_as_one(tables: list[list[Box]], words: Sequence[Word]) -> list[list[Box]]:
    """Cell groups on one set of column lines, stacked down the page, as one lattice.

    A table drawn only by fills (zebra rows shaded cell by cell, a tall band down a column for a
    value merged over many rows) need not share a corner between its pieces: a band's side meets
    no row fill's corner, so the cells fall apart into groups that pdfplumber reads as tables of
    their own, reading the rows they share twice, or none reading an unshaded row between them.
    Two groups are one table when the column lines of one are a run of the other's and their
    spans overlap or meet (no cell of one over a cell of the other), or, with the same column
    lines, each of two or more rows, when what is printed between them is a row of theirs (in two
    or more of their columns parted by more than a word space, no word across a column line or
    beside the table) in a gap no
    taller than their tallest cell (one shaded row alone is read, with the unshaded rows round
    it, from the text). A row line of the joined lattice at which no cell begins and under which
    nothing unboxed is printed (a band stopping a cell's spacing short of the row's foot) is no
    row line.
    """
    if len(tables) < 2:
        return tables
    groups = [list(t) for t in tables]
    joined: set[int] = set()
    merged = True
    while merged:
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if _stack(groups[i], groups[j], words):
                    groups[i] += groups.pop(j)
                    joined = {k - (k > j) for k in joined if k != j} | {i}
                    merged = True
                    break
            if merged:
                break
    return [
        _open_lines_closed(_with_rows_beside(g, words), words) if k in joined else g
        for k, g in enumerate(groups)
    ]


def _with_rows_beside(boxes: list[Box], words: Sequence[Word]) -> list[Box]:
    """The joined lattice with the unshaded row printed right under its last piece (or right
    over its first: the rest of a row cut at the last page's foot), nothing drawn round it: a
    block of lines within a line's height of the lattice, a row of its columns (`_row_of`) no
    taller than its tallest cell, parted at its columns."""
    xs = _cluster([v for c in boxes for v in (c[0], c[2])])
    top, bottom = min(c[1] for c in boxes), max(c[3] for c in boxes)
    tallest = max(c[3] - c[1] for c in boxes)
    out = list(boxes)
    for side in (1, -1):
        edge = bottom if side == 1 else top
        lines = group_lines([w for w in words if (w.yc - edge) * side > 0], 1.5)[::side]
        if not lines:
            continue
        pad = lines[0].top - edge if side == 1 else edge - lines[0].bottom
        if pad > lines[0].bottom - lines[0].top:
            continue
        block = [lines[0]]
        for ln in lines[1:]:
            pause = ln.top - block[-1].bottom if side == 1 else block[-1].top - ln.bottom
            if pause > 0.8 * (ln.bottom - ln.top):
                break
            block.append(ln)
        far = block[-1].bottom + pad if side == 1 else block[-1].top - pad
        if abs(far - edge) > tallest or not _row_of([w for ln in block for w in ln.words], xs):
            continue
        lo, hi = sorted((edge, far))
        out += [(x0, lo, x1, hi) for x0, x1 in zip(xs, xs[1:], strict=False)]
    return out


def _stack(a: list[Box], b: list[Box], words: Sequence[Word]) -> bool:
    xa, xb = _cluster([v for c in a for v in (c[0], c[2])]), _cluster([v for c in b for v in (c[0], c[2])])
    small, big = sorted((xa, xb), key=len)
    if len(small) < 3 or not any(
        all(abs(p - q) <= SNAP for p, q in zip(small, big[k:], strict=False))
        for k in range(len(big) - len(small) + 1)
    ):
        return False
    if any(
        min(p[2], q[2]) - max(p[0], q[0]) > SNAP and min(p[3], q[3]) - max(p[1], q[1]) > SNAP
        for p in a
        for q in b
    ):
        return False
    upper, lower = sorted((a, b), key=lambda g: min(c[1] for c in g))
    gap_top, gap_bottom = max(c[3] for c in upper), min(c[1] for c in lower)
    if gap_bottom - gap_top <= SNAP:
        return True
    if len(xa) != len(xb) or gap_bottom - gap_top > max(c[3] - c[1] for c in a + b):
        return False
    if min(len(_cluster([c[1] for c in g])) for g in (a, b)) < 2:
        return False  # a shaded row on its own: read with the unshaded rows round it by the text
    return _row_of([w for w in words if gap_top < w.yc < gap_bottom], big)


def _row_of(between: Sequence[Word], big: Sequence[float]) -> bool:
    """Are the words a row of the lattice's columns: printed in two or more of them, parted
    across column lines by more than a word space, none across a column line or beside?"""
    columns = {bisect_left(big, w.xc) for w in between}
    if len(columns) < 2 or not all(
        big[0] - SNAP <= w.x0
        and w.x1 <= big[-1] + SNAP
        and not any(w.x0 < x - 1 and w.x1 > x + 1 for x in big)
        for w in between
    ):
        return False
    # cells part at their paddings; a heading's words run on across a column line at a word space
    return not any(
        bisect_left(big, p.xc) != bisect_left(big, q.xc) and q.x0 - p.x1 < CELL_PAUSE * max(p.size, 1.0)
        for ln in group_lines(between, 1.5)
        for p, q in zip(ln.words, ln.words[1:], strict=False)
    )


# Two cells' words on one line lie at least this many type sizes apart (their paddings).
CELL_PAUSE = 0.5


def _open_lines_closed(boxes: list[Box], words: Sequence[Word]) -> list[Box]:
    def holds(b: Box, w: Word) -> bool:
        return b[0] <= w.xc <= b[2] and b[1] <= w.yc <= b[3]

    ys = _cluster([y for b in boxes for y in (b[1], b[3])])
    for y, below in zip(ys[1:-1], ys[2:], strict=False):
        opening = [b for b in boxes if abs(b[1] - y) <= 2.0]
        if any(b[3] - below > 2.0 or any(holds(b, w) for w in words) for b in opening):
            continue
        if any(y < w.yc < below and not any(holds(b, w) for b in boxes) for w in words):
            continue
        boxes = [
            (x0, top, x1, below if abs(bottom - y) <= 2.0 else bottom)
            for x0, top, x1, bottom in boxes
            if (x0, top, x1, bottom) not in opening
        ]
    return boxes


def _mark_open(grid: PageGrid, added: list[dict], drawn: list[dict]) -> PageGrid:
    """Note the cells whose bottom is an added rule with no drawn one under the cell."""
    bottoms = [a["top"] for a in added]
    hs = [(h["x0"], h["x1"], h["top"]) for h in drawn if h["orientation"] == "h"]
    open_cells = frozenset(
        i
        for i, c in enumerate(grid.cells)
        if any(abs(c.bottom - y) <= INTERSECT for y in bottoms)
        and not any(abs(y - c.bottom) <= INTERSECT and x0 <= (c.x0 + c.x1) / 2 <= x1 for x0, x1, y in hs)
    )
    return replace(grid, open_cells=open_cells) if open_cells else grid


def _uncovered(x0: float, x1: float, spans: list[tuple[float, float]]) -> float:
    """Length of [x0, x1] that none of the spans covers."""
    gap, at = 0.0, x0
    for a, b in sorted(spans):
        if a > at:
            gap += min(a, x1) - at
        at = max(at, b)
        if at >= x1:
            return gap
    return gap + max(0.0, x1 - at)


def _rule(x0: float, x1: float, y: float) -> dict:
    return _drawn_edge(x0, x1, y, y, "h")


def _drawn_edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict:
    """A rule the page does not draw, in pdfplumber's edge form, for the lattice to close on."""
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line",
    }


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
    """The nearest of the sorted `lines` (the first of two equally near, as a scan would pick)."""
    i = bisect_left(lines, v)
    if i == 0:
        return 0
    if i == len(lines):
        return i - 1
    return i - 1 if v - lines[i - 1] <= lines[i] - v else i


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
