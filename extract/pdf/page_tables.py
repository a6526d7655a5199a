"""The page handler: try the table strategies cheap-first and keep what scores well.

1. pdfplumber lines on the page's ruling edges (cheap, exact when the table is fully ruled);
2. camelot lattice, only if (1) produced a poor grid on a page that does have vertical rules;
3. text columns on whatever words no accepted grid holds (open_rules / noborder tables).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .cells_run_on import merged_over_rows
from .evidence import PageLayout, page_layout
from .grid import GridCell, PageGrid, PageTable, fill_grid, words_by_cell
from .grid_evidence import grid_evidence
from .layout import group_lines, median_size, split_segments, typical_space
from .page import Edge, PageData, Word
from .rows_ruled import split_lattice_rows
from .rowstarts import split_value_rows
from .settings import PdfSettings
from .strategy import LINE_TOLERANCE, TableStrategy, grid_score, own_column, row_lines
from .table_prose import prose_share
from .table_score import table_score


@dataclass(frozen=True)
class Strategies:
    lines: TableStrategy
    lattice: TableStrategy | None
    text: TableStrategy


def page_tables(
    page: PageData, strategies: Strategies, settings: PdfSettings, layout: PageLayout | None = None
) -> list[PageTable]:
    """All tables on one page (furniture already removed from `page.words`); `layout` is the
    page's evidence record, read once (made here when not given)."""
    layout = layout or page_layout(page, settings.line_tolerance)
    words = page.words
    if not words:
        return []
    column_gap = max(settings.gutter_min_width, settings.gutter_space_ratio * typical_space(layout.lines))
    accepted: list[PageGrid] = []
    boxes: list[PageGrid] = []
    poor: list[PageGrid] = []
    feet: list[PageGrid] = []
    opening: list[PageGrid] = []  # a row cut at the last page's foot, going on here
    found = strategies.lines.extract(page)
    for raw in found:
        grid = split_value_rows(raw, words, settings.line_tolerance)
        grid = split_lattice_rows(grid, words, settings, page.fills, page.edges)
        if _is_boxed_row(grid, words, column_gap, page.edges):
            boxes.append(grid)
            continue
        if _is_header_at_foot(grid, words):
            feet.append(grid)
            continue
        score = grid_score(grid, words)
        if score >= settings.lines_min_score:
            others = [g for g in found if g is not raw]
            accepted.append(replace(_with_header_above(grid, page, words, column_gap, others), score=score))
        elif grid.n_cols >= 2 and grid.n_rows >= 2:
            poor.append(grid)
        elif page.continues_table and _opens_page_in_cells(grid, words, column_gap):
            opening.append(replace(grid, score=1.0))
    lattice: list[PageGrid] = []
    if poor and strategies.lattice is not None and any(_has_vertical_rules(page, g) for g in poor):
        for grid in strategies.lattice.extract(page):
            grid = split_value_rows(grid, words, settings.line_tolerance)
            grid = split_lattice_rows(grid, words, settings, page.fills, page.edges)
            score = grid_score(grid, words)
            if grid.n_cols >= 2 and grid.n_rows >= 2:
                lattice.append(replace(grid, score=score))
    lattice = [g for g in lattice if g.score >= settings.lines_min_score]
    good = accepted + [g for g in lattice if not any(_overlap(g, a) for a in accepted + opening)]
    accepted = opening + _picked(page, layout, strategies.text, settings, good, accepted, lattice)
    feet = [f for f in feet if not any(_overlap(f, a) for a in accepted)]
    taken = accepted + [b for b in boxes if not any(_overlap(b, a) for a in accepted)] + feet
    rest = tuple(w for w in words if not any(_inside(w, g) for g in taken))
    text_grids = (
        strategies.text.extract(replace(page, words=rest), layout.keep({id(w) for w in rest})) if rest else []
    )
    # a column of body text (or a sidebar) beside an unruled table, read as the table's first or
    # last column: the table is read again without it, and its words are the page's text
    beside = set().union(*(_text_column_at_edge(g, rest) for g in text_grids))
    if beside:
        rest = tuple(w for w in rest if id(w) not in beside)
        keep = layout.keep({id(w) for w in rest})
        text_grids = strategies.text.extract(replace(page, words=rest), keep) if rest else []
    text_grids = [_with_header_columns(g, accepted, rest) for g in text_grids]
    known = page.known_words
    pieces = [(g, words) for g in taken] + [(g, rest) for g in text_grids]
    at_foot = {id(f) for f in feet}
    tables = []
    for g, ws in pieces:
        merged = merged_over_rows(g, ws, page.edges, settings.line_tolerance)
        t = _scored(merged, ws, settings.line_tolerance, known)
        t = replace(t, foot_header=True) if id(g) in at_foot else t
        if not any(any(c for c in r.cells) for r in t.rows):
            continue
        if not is_prose(t, g, merged, ws, settings, known):
            tables.append(t)
    return sorted(tables, key=lambda t: t.top)


# Another reading of a region replaces the grids the geometry score accepted there only when the
# expected F1 of the region's words (`_expected_f1`) is higher by this much: near ties keep them.
PICK_MARGIN = 0.05


def _picked(
    page: PageData,
    layout: PageLayout,
    text: TableStrategy,
    settings: PdfSettings,
    good: list[PageGrid],
    lines: list[PageGrid],
    lattice: list[PageGrid],
) -> list[PageGrid]:
    """The grids kept for the page's ruled regions: of the readings of each, the one the
    calibrated table score (`table_score`) values highest.

    A region is a set of overlapping grids the geometry score accepts (`strategy.grid_score`):
    the lines strategy's (`lines`) and camelot's lattice (`lattice`). Its readings: the grids
    picked cheap-first (`good`: the lines grids, a lattice grid where no lines grid is), each
    strategy's grids there, and the text columns read from the region's words alone. Each is
    read into tables over the page's words and valued by the expected F1 of the region's words
    in them; the best replaces the cheap-first pick when better by PICK_MARGIN. A reading that
    holds none of the region's words in a table is not valued (no table, no score).

    Grids the geometry score rejects are not readings: measured, the calibrated score ranks
    such a grid over the text columns where they read the region right (a header repeated over
    the page, read as its own few-row grid, keeps it from joining the table above). It was fitted
    on final tables, which such grids never were, and does not count the words of a merged cell
    pausing at the column lines (the geometry score's reason to reject many of them).
    """
    words = page.words
    picked = list(good)
    for region in _regions(lines + lattice):
        ids = {id(g) for g in region}
        zone = [w for w in words if any(_inside(w, g) for g in region)]
        zone_ids = {id(w) for w in zone}
        now = [g for g in picked if id(g) in ids]
        if not now or not zone:
            continue
        readings = [now, [g for g in lines if id(g) in ids], [g for g in lattice if id(g) in ids]]
        readings = [r for k, r in enumerate(readings) if r and not any(_same(r, o) for o in readings[:k])]
        readings.append(text.extract(replace(page, words=tuple(zone)), layout.keep(zone_ids)))
        values = [
            _expected_f1([_scored(g, words, settings.line_tolerance, page.known_words) for g in r], zone_ids)
            for r in readings
        ]
        if values[0] is None:
            continue
        best = max((k for k, v in enumerate(values) if v is not None), key=lambda k: (values[k], -k))
        if values[best] > values[0] + PICK_MARGIN:
            picked = [g for g in picked if id(g) not in ids] + readings[best]
    return picked


def _same(a: Sequence[PageGrid], b: Sequence[PageGrid]) -> bool:
    return {id(g) for g in a} == {id(g) for g in b}


def _regions(grids: Sequence[PageGrid]) -> list[list[PageGrid]]:
    """The grids grouped into sets that overlap (each set one region of the page)."""
    groups: list[list[PageGrid]] = []
    for g in grids:
        touching = [grp for grp in groups if any(_overlap(g, h) for h in grp)]
        merged = [g] + [h for grp in touching for h in grp]
        groups = [grp for grp in groups if not any(grp is t for t in touching)] + [merged]
    return groups


def _expected_f1(tables: Sequence[PageTable], zone: set[int]) -> float | None:
    """The expected F1 of a region's words read into the tables: each table's calibrated score
    for the words it holds, nothing for the words it leaves out; None when no table holds any."""
    held = [(t.score, len(t.words_used & zone)) for t in tables]
    if not zone or not any(n for _, n in held):
        return None
    return sum(score * n for score, n in held) / len(zone)


def is_prose(
    table: PageTable,
    grid: PageGrid,
    merged: PageGrid,
    words: Sequence[Word],
    settings: PdfSettings,
    known: frozenset[str] = frozenset(),
) -> bool:
    """Is the table running prose read as a grid (two text columns, a box drawn round a
    paragraph)? Also when joining a column's cells over rows (`merged`, from `grid`) made a
    column of running sentences one cell: read as cut, its sentences run on from cell to cell."""
    if prose_share(table) >= settings.max_prose_share:
        return True
    if merged is grid:
        return False
    return prose_share(_scored(grid, words, settings.line_tolerance, known)) >= settings.max_prose_share


# A header band over a lattice is at most this many type sizes tall...
HEADER_BAND_SIZES = 5.0
# ...its rules across covering this share of the lattice's width.
HEADER_RULE_SHARE = 0.9


def _with_header_above(
    grid: PageGrid, page: PageData, words: Sequence[Word], column_gap: float, others: Sequence[PageGrid] = ()
) -> PageGrid:
    """A lattice with the header printed right over its top rule, in a band ruled across above
    (and maybe in part between its rows: a group's label over two columns), as its first row.

    A table ruled on some edges only may draw column rules (or cell shading, whose sides are
    edges) down its body and none in its header: the lattice then starts at the header's last
    rule and the header is left as loose lines over it. A band of at most three lines between
    that rule and the rule across above it, every word inside the lattice's width and inside
    one of its columns and each line pausing at the column lines it passes (a heading or a box of
    text over the table runs across them), with words in half of the lattice's columns or more,
    is its header row (not when another lattice of the page holds it: a row of that one).
    """
    if not grid.ruled or grid.n_cols < 2 or len(grid.col_edges) != grid.n_cols + 1:
        return grid
    x0, top, x1, _ = grid.bbox
    inside = [w for w in words if _inside(w, grid)]
    if not inside:
        return grid
    size = median_size(inside)
    width = x1 - x0
    near = [
        e for e in page.edges if e.orientation == "h" and top - HEADER_BAND_SIZES * size <= e.top < top - size
    ]
    above = [e.top for e in near if _covered(near, e.top, x0, x1) >= HEADER_RULE_SHARE * width]
    if not above:
        return grid
    head_top = max(above)
    band = [w for w in words if head_top < w.yc < top]
    if not band or any(w.x0 < x0 - 1 or w.x1 > x1 + 1 or any(_inside(w, g) for g in others) for w in band):
        return grid
    band_lines = group_lines(band, LINE_TOLERANCE)
    if len(band_lines) > HEADER_BAR_LINES:
        return grid
    edges = grid.col_edges
    if any(w.x0 < e - 1 and w.x1 > e + 1 for w in band for e in edges[1:-1]):
        return grid

    def col(w: Word) -> int:
        return min(max(k for k in range(grid.n_cols) if edges[k] <= w.x0 + 1), grid.n_cols - 1)

    for ln in band_lines:  # a run of words going on from one column into the next is no header
        if any(
            col(a) != col(b) and b.x0 - a.x1 < column_gap
            for a, b in zip(ln.words, ln.words[1:], strict=False)
        ):
            return grid
    filled = {col(w) for w in band}
    if len(filled) < 2 or 2 * len(filled) < grid.n_cols:
        return grid
    head = [GridCell(0, 1, c, c + 1, edges[c], head_top, edges[c + 1], top) for c in range(grid.n_cols)]
    body = [replace(c, row0=c.row0 + 1, row1=c.row1 + 1) for c in grid.cells]
    return replace(
        grid,
        n_rows=grid.n_rows + 1,
        cells=tuple(head + body),
        open_cells=frozenset(i + grid.n_cols for i in grid.open_cells),
    )


def _covered(edges: Sequence[Edge], y: float, x0: float, x1: float) -> float:
    """How much of x0..x1 the horizontal edges at y (within a point) cover: a rule drawn in one
    piece or cell by cell."""
    spans = sorted(
        (max(e.x0, x0), min(e.x1, x1)) for e in edges if abs(e.top - y) <= 1 and e.x1 > x0 and e.x0 < x1
    )
    total, reach = 0.0, x0
    for a, b in spans:
        if b > reach:
            total += b - max(a, reach)
            reach = b
    return total


# A header band holds at most this many printed lines.
HEADER_BAR_LINES = 3


def _text_column_at_edge(grid: PageGrid, words: Sequence[Word]) -> set[int]:
    """Ids of the words of a text grid's first or last column when they are a text column of
    their own (`strategy.own_column`) beside a table of two or more columns."""
    if grid.n_cols < 3:
        return set()
    inside = [w for w in words if _inside(w, grid)]
    rules = row_lines(grid)
    for edge in (0, grid.n_cols - 1):
        own = [c for c in grid.cells if c.col0 == edge and c.col1 == edge + 1]
        if not own:
            continue
        cx0, cx1 = min(c.x0 for c in own), max(c.x1 for c in own)
        side = [w for w in inside if cx0 <= w.xc <= cx1]
        table = [w for w in inside if not cx0 <= w.xc <= cx1]
        if own_column(side, table, rules, in_grid=True):
            return {id(w) for w in side}
    return set()


def _with_header_columns(grid: PageGrid, lattices: Sequence[PageGrid], words: Sequence[Word]) -> PageGrid:
    """A body read from text columns right under a ruled header, in the header's columns.

    A header drawn as a lattice shows every column; the unruled body under it may hide one
    (a group's value printed once, running up to the next column on its only line). When the
    body's column lines are all among the header's and no word of its cells prints across the
    header's other column lines, the body is parted there too.
    """
    if grid.ruled or grid.n_cols < 2:
        return grid
    x0, top, x1, _ = grid.bbox
    inside = [w for w in words if _inside(w, grid)]
    reach = HEADER_REACH * median_size(inside) if inside else 0.0
    for head in lattices:
        hx0, _, hx1, hbottom = head.bbox
        if not (-HEADER_ALIGN <= top - hbottom <= reach) or len(head.col_edges) <= len(grid.col_edges):
            continue
        if abs(hx0 - x0) > reach or abs(hx1 - x1) > reach:
            continue
        inner, head_inner = grid.col_edges[1:-1], head.col_edges[1:-1]
        if not all(any(abs(e - h) <= HEADER_ALIGN for h in head_inner) for e in inner):
            continue
        missing = [
            h for h in head_inner if not any(abs(e - h) <= HEADER_ALIGN for e in inner) and x0 < h < x1
        ]
        if missing and not _printed_across(grid, inside, missing):
            return _parted_at(grid, missing)
    return grid


# A body starts this many type sizes (at most) under its header's last rule...
HEADER_REACH = 2.0
# ...and its column lines are the header's where they lie this close (points).
HEADER_ALIGN = 3.0


def _printed_across(grid: PageGrid, words: Sequence[Word], xs: Sequence[float]) -> bool:
    """Does a word of a one-column cell print across one of the x's?"""
    for w in words:
        i = grid.cell_of(w)
        if i is None or grid.cells[i].col1 - grid.cells[i].col0 != 1:
            continue
        if any(w.x0 < x - 1 and w.x1 > x + 1 for x in xs):
            return True
    return False


def _parted_at(grid: PageGrid, xs: Sequence[float]) -> PageGrid:
    """The grid with column lines added at the x's: a one-column cell they cross is parted into
    one cell a column; a cell across several columns (a title row) spans the new ones too."""
    edges = sorted([*grid.col_edges, *xs])

    def col(x: float) -> int:
        return min(range(len(edges)), key=lambda k: abs(edges[k] - x))

    cells: list[GridCell] = []
    for c in grid.cells:
        c0, c1 = col(grid.col_edges[c.col0]), col(grid.col_edges[c.col1])
        if c.col1 - c.col0 == 1:
            cells += [
                replace(
                    c,
                    col0=k,
                    col1=k + 1,
                    x0=c.x0 if k == c0 else edges[k],
                    x1=c.x1 if k + 1 == c1 else edges[k + 1],
                )
                for k in range(c0, c1)
            ]
        else:
            cells.append(replace(c, col0=c0, col1=c1))
    cells.sort(key=lambda c: (c.row0, c.col0))
    right = list(grid.content_right)
    if right:
        for x in xs:  # a new column's text area runs to its own line
            k = col(x)
            right.insert(k - 1, None)
    return replace(
        grid, n_cols=len(edges) - 1, cells=tuple(cells), col_edges=tuple(edges), content_right=tuple(right)
    )


def _scored(grid: PageGrid, words: Sequence[Word], line_tolerance: float, known: frozenset[str]) -> PageTable:
    """The grid read into a table, with its evidence and the calibrated score read from it."""
    by_cell = words_by_cell(grid, words)
    table = fill_grid(grid, words, line_tolerance, known, by_cell)
    evidence = grid_evidence(grid, table, words, by_cell)
    return replace(table, score=table_score(evidence), evidence=evidence)


def _is_boxed_row(
    grid: PageGrid, words: Sequence[Word], column_gap: float, edges: Sequence[Edge] = ()
) -> bool:
    """A single bordered box a few lines tall: a merged full-width row cut off from its table.

    A box whose line pauses into pieces that start where the words printed right above or below
    it start is a row of a table's body printed on a band (a zebra stripe, a filled header or row
    between rules), not a merged row: its words are left to be read in that table's columns.
    A banner in a box, away from any table, stays a box; a box whose one piece starts where the
    words above or below it start, with text printed beside it on its lines, is one shaded cell
    of a row (a zebra band drawn cell by cell: a ref in its column), not a row of its own.
    The words right under the box are those within a few type sizes of it, and those of the
    band down to the next rule drawn under it (`edges`): a header over ruled rows whose cells
    are centred, so that only the tallest cell prints near the header, lines up with that row.
    """
    if grid.n_cols != 1 or grid.n_rows != 1:
        return False
    inside = [w for w in words if _inside(w, grid)]
    x0, top, x1, bottom = grid.bbox
    if not inside or bottom - top > 5 * median_size(inside):
        return False
    size = median_size(inside)
    gap = max(column_gap, BAND_COLUMN_GAP * size)
    pieces = [seg for ln in group_lines(inside, LINE_TOLERANCE) for seg in split_segments(ln, gap)]
    beside = any(top <= w.yc <= bottom and not x0 <= w.xc <= x1 for w in words)
    if len(pieces) < 2 and not beside:
        return True
    near = [
        w.x0
        for w in words
        if x0 <= w.xc <= x1
        and (top - BAND_REACH * size <= w.yc < top or bottom < w.yc <= bottom + BAND_REACH * size)
    ]
    near += _first_band_starts(words, grid, size, edges)
    near += _past_headings(words, grid, size, gap, pieces[0][0].x0) if pieces else []
    aligned = sum(1 for seg in pieces if any(abs(seg[0].x0 - x) <= BAND_ALIGN for x in near))
    return aligned < 2 and not (pieces and aligned == len(pieces) and beside)


# The band under a box is read down to the next rule within this many type sizes.
BAND_RULE_REACH = 15.0


def _first_band_starts(
    words: Sequence[Word], grid: PageGrid, size: float, edges: Sequence[Edge]
) -> list[float]:
    """The word starts of the band under the box down to the next rule drawn across part of it
    (a ruled row's bottom), when that rule is within reach; none when no rule closes the band."""
    x0, _, x1, bottom = grid.bbox
    under = [
        e.top
        for e in edges
        if e.orientation == "h"
        and e.stroked
        and bottom + 1 < e.top <= bottom + BAND_RULE_REACH * size
        and min(e.x1, x1) - max(e.x0, x0) > 0
    ]
    if not under:
        return []
    limit = min(under)
    return [w.x0 for w in words if x0 <= w.xc <= x1 and bottom < w.yc < limit]


def _past_headings(
    words: Sequence[Word], grid: PageGrid, size: float, gap: float, left: float
) -> list[float]:
    """The word starts of the first line printed in pieces under the box, reached through lines
    of one piece each starting where the box's line starts (a group's heading between a header
    bar and its rows), each within the band's reach of the last: the columns a bar's cells line
    up with sit past the heading. A one-piece line starting elsewhere (a cell's text alone on
    its line) ends the search."""
    x0, _, x1, edge = grid.bbox
    below = [w for w in words if x0 <= w.xc <= x1 and w.yc > edge]
    for ln in group_lines(below, LINE_TOLERANCE):
        if ln.top - edge > BAND_REACH * size:
            break
        if len(split_segments(ln, gap)) > 1:
            return [w.x0 for w in ln.words]
        if abs(ln.x0 - left) > BAND_ALIGN:
            break
        edge = ln.bottom
    return []


def _is_header_at_foot(grid: PageGrid, words: Sequence[Word]) -> bool:
    """One ruled row of two or more columns, every cell printed, the page's last text: a table's
    header ruled at the page's foot with its body overleaf (the join seats it over that body; with
    none it is text again). Nothing else is printed on its lines."""
    if grid.n_rows != 1 or grid.n_cols < 2 or not grid.ruled:
        return False
    x0, top, x1, bottom = grid.bbox
    if any(w.yc > bottom for w in words) or any(
        top <= w.yc <= bottom and not x0 <= w.xc <= x1 for w in words
    ):
        return False
    by_cell = words_by_cell(grid, words)
    return all(by_cell[i] for i in range(len(grid.cells)))


# A box's line pausing for this share of the type size (or the page's column gap) is in pieces...
BAND_COLUMN_GAP = 0.8
# ...which line up with the words printed within this many type sizes above or below the box...
BAND_REACH = 3.5
# ...when their left ends are this close (points).
BAND_ALIGN = 2.0


def _opens_page_in_cells(grid: PageGrid, words: Sequence[Word], column_gap: float) -> bool:
    """Is the grid one row of cells (two or more columns) printed first on the page, every word on
    its lines inside a cell, some cell left empty, and no cell holding lines printed in pieces
    that start at one x (columns the lattice did not part, as a frame with no column rules holds;
    a justified line's wide spaces fall anywhere)? On a page going on with a table, that is the
    rest of the row cut at the last page's foot (its long cells running on), or a whole row whose
    group cell (merged over rows, printed once above) is empty, shaded or boxed as the rows were
    (one lattice row scores nothing); a header repeated over the page fills every cell."""
    x0, top, x1, bottom = grid.bbox
    if grid.n_rows != 1 or grid.n_cols < 2:
        return False
    band = [w for w in words if top <= w.yc <= bottom]
    if not band or any(w.yc < top for w in words):
        return False
    held = [grid.cell_of(w) for w in band]
    if any(
        i is None or not grid.cells[i].x0 - 1 <= w.x0 <= w.x1 <= grid.cells[i].x1 + 1
        for i, w in zip(held, band, strict=True)
    ):
        return False
    if len(set(held)) == len(grid.cells):
        return False
    for i in set(held):
        cell_words = [w for w, k in zip(band, held, strict=True) if k == i]
        starts = [
            [seg[0].x0 for seg in split_segments(ln, column_gap)[1:]]
            for ln in group_lines(cell_words, LINE_TOLERANCE)
        ]
        starts = [xs for xs in starts if xs]
        if any(
            abs(x - y) <= COLUMN_START_ALIGN
            for k, xs in enumerate(starts)
            for ys in starts[k + 1 :]
            for x in xs
            for y in ys
        ):
            return False  # lines in pieces starting at one x: columns (a justified line's gaps move)
    return True


# Pieces of two lines start at one column when their left ends are this close (points).
COLUMN_START_ALIGN = 2.0


def _has_vertical_rules(page: PageData, grid: PageGrid) -> bool:
    """Three or more x positions with drawn vertical rules (not shading) running most of the grid's height."""
    x0, top, x1, bottom = grid.bbox
    height = bottom - top
    cover: dict[int, float] = {}
    for e in page.edges:
        if (
            e.orientation == "v"
            and e.stroked
            and x0 - 2 <= e.x0 <= x1 + 2
            and e.bottom > top
            and e.top < bottom
        ):
            key = round(e.x0 / 3)
            cover[key] = cover.get(key, 0.0) + min(e.bottom, bottom) - max(e.top, top)
    return sum(1 for v in cover.values() if v >= 0.5 * height) >= 3


def _inside(w: Word, g: PageGrid) -> bool:
    x0, top, x1, bottom = g.bbox
    return x0 <= w.xc <= x1 and top <= w.yc <= bottom


def _overlap(a: PageGrid, b: PageGrid) -> bool:
    ax0, at, ax1, ab = a.bbox
    bx0, bt, bx1, bb = b.bbox
    return ax0 < bx1 and bx0 < ax1 and at < bb and bt < ab
