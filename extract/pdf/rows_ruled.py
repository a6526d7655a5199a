"""Rows of an `open_rules` table: the bands between its horizontal rules.

A rule that stops short of a column (a merged cell interrupts it) leaves that column's cell
running on into the next band, so the merged cell covers both rows.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pdfplumber.table import merge_edges

from .columns import Gutter, Region, band_cells, column_edges, column_words, content_right, crosses
from .grid import GridCell, PageGrid, open_cells_of
from .layout import (
    REF_PATTERN,
    PrintedLine,
    group_lines,
    median_size,
    split_segments,
    typical_pitch,
    typical_space,
)
from .page import Edge, Fill, PageData, Word
from .rows_centred import centred_row_starts
from .rowstarts import split_grid_rows, value_row_starts
from .settings import PdfSettings


@dataclass(frozen=True)
class Rule:
    """A row separator: the ruling segments drawn at one height (a merged cell interrupts them)."""

    y: float
    segments: tuple[tuple[float, float], ...]

    @property
    def x0(self) -> float:
        return min(a for a, _ in self.segments)

    @property
    def x1(self) -> float:
        return max(b for _, b in self.segments)

    def covers(self, lo: float, hi: float) -> bool:
        mid = (lo + hi) / 2
        return any(a <= mid <= b for a, b in self.segments)


def horizontal_rules(page: PageData, x_lo: float, x_hi: float, s: PdfSettings) -> list[Rule]:
    """Horizontal ruling segments (collinear pieces joined) long enough to separate table rows."""
    h = [e for e in page.edges if e.orientation == "h" and e.x1 > x_lo and e.x0 < x_hi]
    if not h:
        return []
    merged = merge_edges(
        [
            {
                "x0": e.x0,
                "x1": e.x1,
                "top": e.top,
                "bottom": e.bottom,
                "width": e.x1 - e.x0,
                "height": 0.0,
                "orientation": "h",
                "object_type": "line",
                "doctop": e.top,
            }
            for e in h
        ],
        snap_x_tolerance=3,
        snap_y_tolerance=2,
        join_x_tolerance=3,
        join_y_tolerance=2,
    )
    groups: list[list[dict]] = []
    for e in sorted(merged, key=lambda e: e["top"]):
        if groups and e["top"] - groups[-1][0]["top"] <= 2:  # a cell's top and bottom border: one separator
            groups[-1].append(e)
        else:
            groups.append([e])
    width = x_hi - x_lo
    return [
        Rule(g[0]["top"], tuple(sorted((e["x0"], e["x1"]) for e in g)))
        for g in groups
        if sum(e["x1"] - e["x0"] for e in g) >= s.row_rule_min_share * width
    ]


def with_frame_ends(
    rules: Sequence[Rule], edges: Sequence[Edge], fills: Sequence[Fill], pitch: float
) -> list[Rule]:
    """The rules plus each table's missing foot (or top) rule where its side rules end.

    A table drawn with rules on only some of its edges (a left or right side and row rules, but no
    rule under its last row, nor over a page's first) still shows where it ends: its side or
    column rules run on from a row rule down to its foot (or from its top down to a row rule).
    Without a rule there, the last row's text is read as an unruled body under the rules, cut
    into rows wherever its cells pause. A vertical rule (drawn in one piece or cell by cell)
    running through or from a row rule to more than a line's pitch past the last (or first) row
    rule it meets closes its table there, across that row rule's width. Sides that start and
    end at row rules (a filled bar's, a shaded band's, a box's) add nothing.
    """
    if not rules:
        return list(rules)
    lo = min(r.x0 for r in rules) - FRAME_SIDE_REACH
    hi = max(r.x1 for r in rules) + FRAME_SIDE_REACH
    sides: dict[int, list[tuple[float, float]]] = {}
    for e in edges:
        if e.orientation == "v" and lo <= e.x0 <= hi and e.bottom - e.top >= 1:
            sides.setdefault(round(e.x0 / FRAME_SIDE_REACH), []).append((e.top, e.bottom))
    added: list[Rule] = []
    for pieces in sides.values():
        for top, bottom in _chained(pieces):
            crossed = [r for r in rules if top - FRAME_SIDE_REACH <= r.y <= bottom + FRAME_SIDE_REACH]
            if sum(1 for r in crossed if not _band_edge(r, fills)) < FRAME_ROW_RULES:
                continue  # no rows ruled: the body under the rules is unruled anyway
            for end, nearest in ((bottom, crossed[-1]), (top, crossed[0])):
                if abs(end - nearest.y) <= pitch or any(abs(r.y - end) <= pitch for r in [*rules, *added]):
                    continue
                added.append(Rule(end, ((nearest.x0, nearest.x1),)))
    return sorted([*rules, *added], key=lambda r: r.y)


# A side rule closes its table only where it runs past this many row rules, not counting the
# edges of shaded bands (a frame's top and a header rule, or bands parting sections, leave the
# rows of the body under them unruled: they are read as unruled, with or without a foot).
FRAME_ROW_RULES = 3
# A table's side rule lies this close (points) to its row rules' ends, and starts or ends this
# close to the row rule it runs on from; pieces of one rule meet this close.
FRAME_SIDE_REACH = 3.0


def _band_edge(rule: Rule, fills: Sequence[Fill]) -> bool:
    """Is the rule the top or foot of a shaded band (a header bar, a section row, a zebra band),
    rather than a row rule (a line, or a fill thin enough to be one)?"""
    return any(
        min(f.bottom - f.top, f.x1 - f.x0) > FRAME_RULE_MAX
        and (abs(f.top - rule.y) <= FRAME_SIDE_REACH or abs(f.bottom - rule.y) <= FRAME_SIDE_REACH)
        for f in fills
    )


# A fill at most this tall or wide (points) is a rule drawn as a fill.
FRAME_RULE_MAX = 3.0


def _chained(pieces: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Vertical pieces at one x joined where they meet (a rule drawn cell by cell)."""
    out: list[tuple[float, float]] = []
    for top, bottom in sorted(pieces):
        if out and top <= out[-1][1] + FRAME_SIDE_REACH:
            out[-1] = (out[-1][0], max(out[-1][1], bottom))
        else:
            out.append((top, bottom))
    return out


def _with_value_rows(
    region: Region, rules: Sequence[Rule], edges: Sequence[float], pitch: float
) -> list[Rule]:
    """The rules plus a full-width separator above each row start found inside a band."""
    lines = [ln for i, ln in enumerate(region.lines) if i not in region.wide]
    starts = value_row_starts(lines, edges, pitch)
    if not starts:
        return list(rules)
    ys = [r.y for r in rules]
    out = list(rules)
    span = ((float("-inf"), float("inf")),)
    for y in starts:
        b = bisect_right(ys, y) - 1
        if b < 0 or b + 1 >= len(ys):
            continue
        first_in_band = min(
            (ln.top for ln in lines if ys[b] < ln.top and ln.bottom < ys[b + 1] + 2), default=y
        )
        if y - first_in_band > 1:
            out.append(Rule(y - min(1.0, 0.1 * pitch), span))
    return sorted(out, key=lambda r: r.y)


# Share of the column rules' places at a height where rule pieces must meet for a row line.
JOINT_SHARE = 0.5
# A band is read for rows of its own only when it holds at least this many printed lines.
GAP_ROWS_MIN_LINES = 4
# Most bands with text a zone ruled only at its frame and under its header has (header, body, a
# foot or a second header line).
FRAME_BANDS = 3


def _columns_of(line: PrintedLine, gutters: Sequence[Gutter]) -> set[int]:
    mids = [g.mid for g in gutters]
    return {bisect_right(mids, w.xc) for w in line.words}


def band_row_starts(
    band: Sequence[PrintedLine],
    wide: frozenset[int],
    bounds: tuple[float, float],
    gutters: Sequence[Gutter],
    pitch: float,
    s: PdfSettings,
    gap_min: float,
    fills: Sequence[Fill] = (),
    unruled_rows: bool = False,
) -> list[float]:
    """Where rows start inside one band between two row lines (after its first line), read from
    its text as an unruled table would be (`rows_gap.gap_grid`); none for a band that one fill
    shades from line to line (a zebra band, a shaded row: one row whatever its text does) and
    for one whose first line prints nothing in the first column (middle- or bottom-aligned
    cells, where text starts tell no rows apart). `wide`: indexes of the band's full-width lines.
    `unruled_rows`: the table rules no rows (a frame and a header rule at most), so a band is no
    row of its own, and a first line opening several later columns at once starts a row whose
    first cells run on from above (a spanning cell, an earlier page)."""
    from .rows_gap import gap_grid  # rows_gap imports rowstarts, as this module does

    a, b = bounds
    if not gutters or any(f.top <= a + 2 and f.bottom >= b - 2 for f in fills):
        return []
    if len(band) < GAP_ROWS_MIN_LINES:
        return _ref_row_starts(band, gutters)
    edges = column_edges(Region(tuple(band), wide), gutters)
    centred = centred_row_starts(
        column_words(Region(tuple(band), wide), edges),
        s.line_tolerance,
        [ln for k, ln in enumerate(band) if k in wide],
    )
    if centred:
        return [y for y in centred if y > band[0].top + 0.5 and a < y < b]
    opens_later = len(_columns_of(band[0], gutters)) >= 2
    # a band opening later columns only: its rows open where its text says (`unruled_rows`, a cut
    # row's rest over a new row), or, in a ruled zone, only where several columns open together
    # (a new row under a spanning first cell; a cell's next paragraph opens in one)
    several = False
    if not any(w.xc < gutters[0].mid for w in band[0].words) and not _opens_top_aligned(band, gutters, pitch):
        if not opens_later and not _rest_over_rows(band, gutters):
            return []
        several = not unruled_rows
    grid = gap_grid(0, "", Region(tuple(band), wide), gutters, pitch, s, gap_min)
    if grid is None or grid.n_rows < 2:
        return []
    first = band[0].top
    tops = sorted({c.top for c in grid.cells if first < c.top and a < c.top < b})
    tops = [y for y in tops if not _carried_on(band, y, gutters, gap_min)]
    if several:
        tops = [y for y in tops if _opened_after_blank(band, y, gutters) >= 2]
    return tops


def _rest_over_rows(band: Sequence[PrintedLine], gutters: Sequence[Gutter]) -> bool:
    """Does a band whose first lines print in one later column only (a cell's rest, cut from its
    row at a page break) go on with a line opening the first column and two or more others
    together, after a pause wider than the band's line spacing, that column among them? That
    line opens a new row under the rest; middle-aligned cells open their short columns beside
    the tallest cell's text going on at its leading, not after a pause across every column."""
    mids = [g.mid for g in gutters]
    (col, *more) = _columns_of(band[0], gutters)
    if more or col == 0:
        return False
    for k in range(1, len(band)):
        cols = _columns_of(band[k], gutters)
        if cols != {col}:
            return 0 in cols and _all_restart(band, k, mids)
    return False


def _opened_after_blank(band: Sequence[PrintedLine], y: float, gutters: Sequence[Gutter]) -> int:
    """How many columns the band's first line from y on prints in a blank line or more below
    their text above it (or with none above): columns a new row opens, not a cell's text going on."""
    after = next((i for i, ln in enumerate(band) if ln.top >= y - 0.5), None)
    if after is None:
        return 0
    mids = [g.mid for g in gutters]
    return sum(_blank_above(band, after, {c}, mids) for c in _columns_of(band[after], gutters))


def _ref_row_starts(band: Sequence[PrintedLine], gutters: Sequence[Gutter]) -> list[float]:
    """Rows of a band too short to read as an unruled table: a line printing a ref alone in the
    column where the band's first line printed one (a ref column: "R1" two lines over "R2"),
    none of its columns going on in lower case from above."""
    mids = [g.mid for g in gutters]
    out = []
    for k in range(1, len(band)):
        words = band[k].words
        col = bisect_right(mids, words[0].xc)
        if col == bisect_right(mids, band[0].words[0].xc) and _opens_ref(band, k, mids):
            above = {bisect_right(mids, w.xc) for ln in band[:k] for w in ln.words}
            firsts: dict[int, str] = {}
            for w in words:
                firsts.setdefault(bisect_right(mids, w.xc), w.text)
            if not any(c in above and t[:1].islower() for c, t in firsts.items()):
                out.append(band[k].top)
    return out


def _opens_top_aligned(band: Sequence[PrintedLine], gutters: Sequence[Gutter], pitch: float) -> bool:
    """Does a later line of a band whose first line prints only later columns open two or more
    columns together, whose text all sits above the band's middle by more than a line, or whose
    blocks (each column's lines from there to its next blank line) share that top but end a line
    or more apart? Cells centred in one row open their short columns around the row's middle, and
    centred blocks sharing a top are of one height; a cut row's rest over a new row (a page going
    on with a table) opens the new row's cells at their tops."""
    mids = [g.mid for g in gutters]
    top, bottom = band[0].top, band[-1].bottom
    seen = {bisect_right(mids, w.xc) for w in band[0].words}
    for k, ln in enumerate(band[1:], start=1):
        opened = {bisect_right(mids, w.xc) for w in ln.words} - seen
        if len(opened) >= 2:
            ends = [_block_end(band, k, c, mids) for c in opened]
            if max(ends) - min(ends) >= ln.bottom - ln.top:  # one top, no one centre: top-aligned
                return True
            return all((ln.top + end) / 2 < (top + bottom) / 2 - pitch for end in ends)
        seen |= opened
    return False


def _block_end(band: Sequence[PrintedLine], k: int, col: int, mids: Sequence[float]) -> float:
    """The bottom of the block of text column `col` opens on the band's line k: its lines from
    there on until one prints a blank line or more under the one before (the next row's cell)."""
    end = None
    for line in band[k:]:
        words = [w for w in line.words if bisect_right(mids, w.xc) == col]
        if not words:
            continue
        if end is not None and line.top - end >= line.bottom - line.top:
            break
        end = max(w.bottom for w in words)
    return end if end is not None else band[k].bottom


def _carried_on(
    band: Sequence[PrintedLine], y: float, gutters: Sequence[Gutter], gap_min: float = 0.0
) -> bool:
    """Is y no row start: the first line after it prints in neither of the first two columns, or
    one of its columns goes on, in lower case, from text printed above y in the same column (a
    wrapped cell)? Columns may sit on baselines of their own, so "above" is all of the band above
    y in that column, not the line just above. A word the line runs on to from the column before
    it, with no pause of `gap_min` or more (a title's "a" past the first column), opens no
    column's text: its case says nothing of that column."""
    after = next((i for i, ln in enumerate(band) if ln.top >= y - 0.5), None)
    if not after:
        return False
    mids = [g.mid for g in gutters]
    above = {bisect_right(mids, w.xc) for ln in band[:after] for w in ln.words}
    below: dict[int, str] = {}
    for w in band[after].words:
        below.setdefault(bisect_right(mids, w.xc), w.text)
    opening = {id(seg[0]) for seg in split_segments(band[after], gap_min)}
    opens: dict[int, str] = {}
    for w in band[after].words:
        col = bisect_right(mids, w.xc)
        if col not in opens and id(w) in opening:
            opens[col] = w.text
        opens.setdefault(col, "")
    if not below.keys() & {0, 1} and (
        len(below) < 2 or not (_blank_above(band, after, set(below), mids) or _all_restart(band, after, mids))
    ):
        return True  # a new paragraph in later columns only: a cell's next paragraph (rows
        # open in their first columns; the first may be a group's value printed once above, or a
        # spanning cell's, and then the row opens in several later columns at once, one of them
        # after a blank stretch)
    if _opens_ref(band, after, mids):
        return False  # a ref column opens a row: a cell running on beside it is merged over both
    if len(below) == 1 and _runs_on_alone(band, after, mids):
        return True  # one column's next sentence, right under its last line, the others ended
    return any(c in above and t[:1].islower() for c, t in opens.items())


def _runs_on_alone(band: Sequence[PrintedLine], after: int, mids: Sequence[float]) -> bool:
    """Does the line print in one column only, the column the line right above it ends in, no
    further under it than the band's lines are under each other elsewhere (no pause)?"""
    (col,) = {bisect_right(mids, w.xc) for w in band[after].words}
    prev = band[after - 1]
    if col not in {bisect_right(mids, w.xc) for w in prev.words}:
        return False
    steps = sorted(b.top - a.bottom for a, b in zip(band, band[1:], strict=False))
    return band[after].top - prev.bottom <= steps[len(steps) // 2] + 0.5


def _opens_ref(band: Sequence[PrintedLine], after: int, mids: Sequence[float]) -> bool:
    """Does the line print a ref alone in a column whose earlier lines in the band print refs
    alone too (a ref column: "4", then "5")?"""

    def refs(ln: PrintedLine) -> set[int]:
        by_col: dict[int, list[str]] = {}
        for w in ln.words:
            by_col.setdefault(bisect_right(mids, w.xc), []).append(w.text)
        return {c for c, ts in by_col.items() if REF_PATTERN.match("".join(ts))}

    here = refs(band[after])
    return bool(here) and any(here & refs(ln) for ln in band[:after])


# This many columns opening together after a wider pause than the band's line spacing open a row.
RESTART_COLUMNS = 3


def _all_restart(band: Sequence[PrintedLine], after: int, mids: Sequence[float]) -> bool:
    """Do three or more columns open a line together, after a pause wider than any the band
    leaves between its lines elsewhere but for paragraphs, with every column printed on the line
    above among them? Rows of one-line cells (the row above ended in all its columns on one line)
    parted by cell padding; paragraphs of long cells opening on one line by chance are not this
    many at once."""
    start, prev = band[after], band[after - 1]
    cols = {bisect_right(mids, w.xc) for w in start.words}
    if len(cols) < RESTART_COLUMNS or not {bisect_right(mids, w.xc) for w in prev.words} <= cols:
        return False
    gaps = sorted(b.top - a.bottom for a, b in zip(band, band[1:], strict=False))
    return start.top - prev.bottom > gaps[len(gaps) // 2] + 1


def _blank_above(band: Sequence[PrintedLine], after: int, cols: set[int], mids: Sequence[float]) -> bool:
    """Does one of the columns `cols` print its line `after` a blank line or more below the text
    it printed last above it? A new row opens its short cells after the old row's short cells
    ended; paragraphs of two long cells that happen to open on one line follow their cells' text
    at the page's leading."""
    start = band[after]
    height = start.bottom - start.top
    for c in cols:
        last = max(
            (w.bottom for ln in band[:after] for w in ln.words if bisect_right(mids, w.xc) == c),
            default=None,
        )
        if last is None or start.top - last >= height:
            return True
    return False


def split_lattice_rows(
    grid: PageGrid,
    words: Sequence[Word],
    s: PdfSettings,
    fills: Sequence[Fill] = (),
    edges: Sequence[Edge] = (),
) -> PageGrid:
    """A lattice whose columns are ruled but whose rows are not (vertical rules only, a frame and
    column rules): each lattice row holding several rows is split where its text starts them.
    `edges`: the page's ruling, which shows where a new row's cells are parted by column rules."""
    if grid.n_cols < 2 or len(grid.col_edges) < 3:
        return grid
    x0, top, x1, bottom = grid.bbox
    inside = [w for w in words if x0 <= w.xc <= x1 and top <= w.yc <= bottom]
    lines = group_lines(inside, s.line_tolerance)
    grid = _with_holes_filled(grid, lines)
    if len(lines) < GAP_ROWS_MIN_LINES:
        return grid
    gutters = [Gutter(e - 1, e + 1) for e in grid.col_edges[1:-1]]
    space = typical_space(lines)
    gap_min = max(s.gutter_min_width, s.gutter_space_ratio * space)
    pitch = typical_pitch([ln.top for ln in lines], median_size(inside))
    ys = sorted({c.top for c in grid.cells} | {c.bottom for c in grid.cells})
    bands = [
        [ln for ln in lines if a < (ln.top + ln.bottom) / 2 < b] for a, b in zip(ys, ys[1:], strict=False)
    ]
    unruled = sum(1 for band in bands if band) <= 2  # a header and one body band
    pieces = column_rule_pieces(edges, grid.col_edges)
    starts: list[float] = []
    for (a, b), band in zip(zip(ys, ys[1:], strict=False), bands, strict=True):
        wide = frozenset(k for k, ln in enumerate(band) if crosses(ln, gutters))
        found = band_row_starts(band, wide, (a, b), gutters, pitch, s, gap_min, fills, unruled)
        text = [y - 0.5 for y in found]
        starts += _with_rule_joints(text, joints_in(pieces, a, b), band, a)
    shades = _shades_on_columns(grid, fills, lines)
    if not starts and not shades:
        return grid
    crossing = [ln for ln in lines if crosses(ln, gutters)]
    verticals = [e for e in edges if e.orientation == "v"]
    rules = [e for e in verticals if not _shade_side(e, shades)] if shades else verticals
    cut = _cells_by_text(
        split_grid_rows(grid, starts), lines, crossing, starts, verticals, gap_min, rules, bool(shades)
    )
    return cut


def _with_holes_filled(grid: PageGrid, lines: Sequence[PrintedLine]) -> PageGrid:
    """The lattice with a cell in each place no cell covers that text is printed in: a white row
    between rows shaded cell by cell has no box of its own (only the shadings' sides above and
    below it are drawn), and its words would fall in no cell. Neighbouring places of one row are
    one cell where a printed word runs across their border."""
    ys = sorted({c.top for c in grid.cells} | {c.bottom for c in grid.cells})
    xs = grid.col_edges
    if len(ys) - 1 != grid.n_rows or len(xs) - 1 != grid.n_cols:
        return grid
    covered = {
        (r, c)
        for cell in grid.cells
        for r in range(cell.row0, cell.row1)
        for c in range(cell.col0, cell.col1)
    }
    words = [w for ln in lines for w in ln.words]
    added: list[GridCell] = []
    for r in range(grid.n_rows):
        row = [
            GridCell(r, r + 1, c, c + 1, xs[c], ys[r], xs[c + 1], ys[r + 1])
            for c in range(grid.n_cols)
            if (r, c) not in covered
        ]
        held = [ln for ln in lines if ys[r] < (ln.top + ln.bottom) / 2 < ys[r + 1]]
        if not row or not any(cell.holds(w) for cell in row for w in words):
            continue
        runs: list[list[GridCell]] = []
        for cell in row:
            if runs and runs[-1][-1].col1 == cell.col0:
                runs[-1].append(cell)
            else:
                runs.append([cell])
        for run in runs:
            added += _joined_where_text_runs_across(run, held)
    if not added:
        return grid
    cells = sorted([*grid.cells, *added], key=lambda c: (c.row0, c.col0))
    return replace(grid, cells=tuple(cells), open_cells=open_cells_of(grid, cells))


def _shades_on_columns(grid: PageGrid, fills: Sequence[Fill], lines: Sequence[PrintedLine]) -> list[Fill]:
    """The grid's shadings (fills wider than a drawn border), when the lattice's columns are the
    columns they are drawn on: a zebra table shading its cells one by one shows its columns on
    the shaded bands only, so the white bands between them, which nothing is drawn through, are
    parted at those columns too. None when a shading's side falls inside a lattice column (the
    lattice missed a column the drawing shows) or a lattice column prints no word at all (the
    strip of a cell's padding, a panel inset in a shaded cell)."""
    x0, top, x1, bottom = grid.bbox
    shades = [
        f
        for f in fills
        if f.x1 - f.x0 > 2
        and f.bottom - f.top > 2
        and f.x0 >= x0 - 2
        and f.x1 <= x1 + 2
        and f.top >= top - 2
        and f.bottom <= bottom + 2
    ]
    edges = grid.col_edges
    sides = [x for f in shades for x in (f.x0, f.x1)]
    if not sides or any(min(abs(x - e) for e in edges) > 3 for x in sides):
        return []
    held = {bisect_right(edges, w.xc) - 1 for ln in lines for w in ln.words}
    if any(k not in held for k in range(len(edges) - 1)):
        return []
    return shades


def _shade_side(e: Edge, fills: Sequence[Fill]) -> bool:
    """Is the vertical edge the side of a fill wider than a drawn border (a cell's shading)?"""
    return not e.stroked and any(
        f.x1 - f.x0 > 2
        and (abs(f.x0 - e.x0) <= 0.5 or abs(f.x1 - e.x0) <= 0.5)
        and f.top <= e.top + 0.5
        and f.bottom >= e.bottom - 0.5
        for f in fills
    )


def _cells_by_text(
    grid: PageGrid,
    lines: Sequence[PrintedLine],
    crossing: Sequence[PrintedLine],
    starts: Sequence[float],
    verticals: Sequence[Edge],
    gap_min: float,
    rules: Sequence[Edge] = (),
    shaded: bool = False,
) -> PageGrid:
    """The cells of the rows cut out of lattice rows, as their text shows them. A lattice row
    ruled as one cell across its columns (the drawing interrupts the column rules around a
    merged title row) is cut at the column rules that run down a new row whose lines keep to
    the columns (where the drawing rules none, the lattice's columns are no evidence); a new
    row printing only lines that run across the columns' places (a section or objective title:
    no rule can run through its text) is one cell across the columns its text runs over."""
    wide_ids = {id(ln) for ln in crossing}
    cut = set(starts)
    edges = grid.col_edges
    by_row: dict[int, list[GridCell]] = {}
    for c in grid.cells:
        by_row.setdefault(c.row0, []).append(c)
    head_bottom = min((c.bottom for c in grid.cells if c.row0 == 0), default=grid.bbox[1])
    body_ruled = {
        k
        for k in range(1, len(edges) - 1)
        for e in rules
        if abs(e.x0 - edges[k]) <= 3 and e.bottom > head_bottom + 2 and e.bottom - e.top > BODY_RULE_MIN
    }
    cells: list[GridCell] = []
    for r, row in sorted(by_row.items()):
        top, bottom = min(c.top for c in row), max(c.bottom for c in row)
        held = [ln for ln in lines if top < (ln.top + ln.bottom) / 2 < bottom]
        single = all(c.row1 == r + 1 for c in row)
        unruled_span = any(
            c.col1 - c.col0 >= 2 and not any(k in body_ruled for k in range(c.col0 + 1, c.col1)) for c in row
        )
        new = single and (top in cut or bottom in cut or (shaded and unruled_span))
        n_wide = sum(1 for ln in held if id(ln) in wide_ids)
        if not new or not held:
            cells.extend(row)
        elif n_wide == len(held):
            cells.extend(_joined_where_text_runs_across(row, held))
        elif n_wide == 0:
            for c in row:
                cuts = [
                    c.col0,
                    *(
                        k
                        for k in range(c.col0 + 1, c.col1)
                        if _ruled(verticals, edges[k], c, held)
                        or (k not in body_ruled and _parted_by_text(edges, k, c, held, gap_min, shaded))
                    ),
                    c.col1,
                ]
                cells.extend(
                    GridCell(r, r + 1, k0, k1, edges[k0], c.top, edges[k1], c.bottom)
                    for k0, k1 in zip(cuts, cuts[1:], strict=False)
                )
        else:
            cells.extend(row)
    cells.sort(key=lambda c: (c.row0, c.col0))
    return replace(grid, cells=tuple(cells), open_cells=open_cells_of(grid, cells))


def rule_joints(edges: Sequence[Edge], col_edges: Sequence[float], top: float, bottom: float) -> list[float]:
    """Heights inside (top, bottom) where the column rules are drawn in pieces (see `joints_in`)."""
    return joints_in(column_rule_pieces(edges, col_edges), top, bottom)


def column_rule_pieces(edges: Sequence[Edge], col_edges: Sequence[float]) -> list[tuple[int, float, float]]:
    """(column edge index, top, bottom) of each vertical rule drawn on a column edge (within 3pt);
    found once per grid, since every band of the grid asks about the same rules."""
    pieces: list[tuple[int, float, float]] = []
    for e in edges:
        if e.orientation != "v" or e.bottom - e.top < 1:
            continue
        i = bisect_left(col_edges, e.x0)
        k = min((j for j in (i - 1, i) if 0 <= j < len(col_edges)), key=lambda j: abs(col_edges[j] - e.x0))
        if abs(col_edges[k] - e.x0) <= 3:
            pieces.append((k, e.top, e.bottom))
    return pieces


def joints_in(pieces: Sequence[tuple[int, float, float]], top: float, bottom: float) -> list[float]:
    """Heights inside (top, bottom) where the column rules are drawn in pieces: a producer that
    draws each cell's border on its own ends every column's rule at each row line, and column
    rules stop above and below a row merged across the columns. A joint counts where half or
    more of the rule places ruled at that height (two or more) have a piece ending there: rules
    ending at a few of many places are a spanning header cell's borders, not a row line."""
    ends = sorted({round(y) for _, t, b in pieces for y in (t, b) if top + 2 < y < bottom - 2})
    joints: list[float] = []
    for y in ends:
        ruled = {k for k, t, b in pieces if t - 1.5 <= y <= b + 1.5}
        meet = {k for k, t, b in pieces if abs(t - y) <= 1.5 or abs(b - y) <= 1.5}
        if len(meet) >= 2 and len(meet) >= JOINT_SHARE * len(ruled) and not (joints and y - joints[-1] <= 2):
            joints.append(float(y))
    return joints


def _with_rule_joints(
    text: Sequence[float], joints: Sequence[float], band: Sequence[PrintedLine], top: float
) -> list[float]:
    """Row lines from the text and from the rules' joints, each kept only if some line is printed
    between it and the one before (a text start right under a joint is the same row line) and
    some line under it (rules ending a cell's spacing over the band's foot open no row). A line
    starting above the one before prints across it (a cell merged over both rows, centred on
    their line), so it is not between them."""
    out: list[float] = []
    for y in sorted([*joints, *text]):
        prev = out[-1] if out else top
        if any(prev <= ln.top and (ln.top + ln.bottom) / 2 < y for ln in band) and any(
            (ln.top + ln.bottom) / 2 > y for ln in band
        ):
            out.append(y)
    return out


def _joined_where_text_runs_across(row: Sequence[GridCell], held: Sequence[PrintedLine]) -> list[GridCell]:
    """Neighbouring cells of one row joined wherever a printed word runs across their border."""
    ordered = sorted(row, key=lambda c: c.col0)
    out = [ordered[0]]
    for c in ordered[1:]:
        x = out[-1].x1
        if any(w.x0 < x - 1 and w.x1 > x + 1 for ln in held for w in ln.words):
            last = out[-1]
            out[-1] = GridCell(last.row0, last.row1, last.col0, c.col1, last.x0, last.top, c.x1, last.bottom)
        else:
            out.append(c)
    return out


# A piece of column rule in a table's body is at least this long (points): shorter vertical
# pieces are the sides of a border drawn as thin fills.
BODY_RULE_MIN = 4.0


def _parted_by_text(
    edges: Sequence[float],
    k: int,
    cell: GridCell,
    lines: Sequence[PrintedLine],
    gap_min: float,
    shaded: bool = False,
) -> bool:
    """Does the cell's text part at column edge k as cells part? Asked only where the body draws
    no rule at that edge at all (a frame round it, the columns ruled only in its header), so the
    text is the evidence: it prints in two or more of the cell's columns and no word runs
    across the edge. A title row is not cut: its lines are each one run of words (no pause a
    gutter wide) from the cell's first column on, even where a word space falls at the edge.
    Where the body does rule the edge, a row the rule stops for is a merged cell."""
    x = edges[k]
    held = [[w for w in ln.words if cell.x0 <= w.xc <= cell.x1] for ln in lines]
    words = [w for ws in held for w in ws]
    if any(w.x0 < x - 1 and w.x1 > x + 1 for w in words):
        return False
    first = edges[cell.col0 + 1]
    runs = [ws for ws in held if ws]
    if runs and all(
        ws[0].xc < first and all(b.x0 - a.x1 < gap_min for a, b in zip(ws, ws[1:], strict=False))
        for ws in runs
    ):
        return False
    cols = {bisect_right(edges, w.xc) for w in words}
    # between cells shaded on the lattice's columns, text kept to one later column is one cell's
    # (the rest of a row cut at a page break), not a title, which opens at the table's left
    return len(cols) >= 2 or (shaded and len(cols) == 1 and min(cols) - 1 > cell.col0)


def _ruled(verticals: Sequence[Edge], x: float, cell: GridCell, lines: Sequence[PrintedLine]) -> bool:
    """Do vertical rules at x run down most of the cell's height, with no line printed across x?"""
    if any(w.x0 < x - 1 and w.x1 > x + 1 for ln in lines for w in ln.words):
        return False
    height = cell.bottom - cell.top
    cover = sum(
        max(0.0, min(e.bottom, cell.bottom) - max(e.top, cell.top)) for e in verticals if abs(e.x0 - x) <= 3
    )
    return height > 0 and cover >= 0.6 * height


def _with_gap_rows(
    region: Region,
    rules: Sequence[Rule],
    gutters: Sequence[Gutter],
    pitch: float,
    s: PdfSettings,
    gap_min: float,
    fills: Sequence[Fill] = (),
) -> list[Rule]:
    """The rules plus a full-width separator above each row that the text of a band starts.

    A band between two rules is one row only when the rules were drawn for every row; a table
    ruled only at its frame and under its header holds all its body rows in one band. Each band is
    read as an unruled table (`rows_gap.gap_grid`) and split where that finds rows start. Only a
    zone with so few bands that its rules can be the frame and the header's are read so: where
    rules (or zebra bands) part many bands, each band is a row, however its text pauses; so is a band that one
    fill shades from rule to rule.
    """

    ys = [r.y for r in rules]
    out = list(rules)
    span = ((float("-inf"), float("inf")),)
    # section rows (a label alone or across the table, often on a fill of their own) part the
    # body into bands but are no row rules: count the bands printing in several columns between
    # two section rows (a title printed across a gutter is one, not a line in several columns)
    # a band printing the zone's first band again (the header over another table, under a
    # heading) opens the count again: each table's frame is counted alone
    run = longest = 0
    head = ""
    for a, b in zip(ys, ys[1:], strict=False):
        idx = [i for i, ln in enumerate(region.lines) if a < (ln.top + ln.bottom) / 2 < b]
        band = [region.lines[i] for i in idx]
        text = " ".join(w.text for ln in band for w in ln.words)
        head = head or text
        if text == head:
            run = 0
        elif any(len(_columns_of(region.lines[i], gutters)) > 1 for i in idx if i not in region.wide):
            run += 1
            longest = max(longest, run)
            if idx and idx[-1] in region.wide:
                # a section line closing the band (the next section's title over its header bar)
                run = 0
        elif band:
            run = 0
    if longest > FRAME_BANDS:
        return out
    for a, b in zip(ys, ys[1:], strict=False):
        idx = [i for i, ln in enumerate(region.lines) if a < (ln.top + ln.bottom) / 2 < b]
        wide = frozenset(k for k, i in enumerate(idx) if i in region.wide)
        band = [region.lines[i] for i in idx]
        tops = band_row_starts(band, wide, (a, b), gutters, pitch, s, gap_min, fills)
        out.extend(Rule(y, span) for y in tops)
    return sorted(out, key=lambda r: r.y)


def title_lines(
    band: Sequence[PrintedLine], wide: frozenset[int], gap_min: float, gutters: Sequence[Gutter], left: float
) -> list[bool]:
    """Which of a band's lines are full-width title lines. A heading or objective row printed
    above or below a row in one band (no rule or fill parts two rows shaded alike, a white title
    over a white row) is a row of its own, since no cell can hold both one line running across
    the columns and lines keeping to them. A title line is one run of words (no gutter-wide
    pause: not a header's cells on one line) starting where the table's column lines start
    (`left`; a heading in the page's margin may start further left, an indented one anywhere
    in the first column, short of the first gutter), as a section or objective
    title does, and running across a gutter: over its column start, or over the whole strip of
    a wide one (beside a sparse column of short refs; `gutters` are those the table's other
    lines pause across) that no other line of the band prints into, with a whole word in it. A
    title's wrapped rest, short enough for the first column, is one too."""
    first_gutter = min((g.x0 for g in gutters), default=left + 2)
    one_run = [ln.x0 <= max(left + 2, first_gutter) and len(split_segments(ln, gap_min)) == 1 for ln in band]
    over = [g for g in gutters if sum(1 for ln in band if _into(ln, g)) == 1]  # clear but for one line
    title = [
        one_run[k] and (k in wide or any(_prints_over(ln, g) for g in over)) for k, ln in enumerate(band)
    ]
    # a title too short to hold a whole word inside a gutter's strip runs across one (a word
    # space of it falling at the column start): one run over a gutter clear but for it among the
    # lines that are no title by the rule above (the band's other titles print into it too),
    # and no line at its leading right above or below it printing in columns (a cell's line,
    # running close up to the next column's text, is no title: its row's lines go on around it)
    rest = [ln for k, ln in enumerate(band) if not title[k]]
    clear = [g for g in gutters if sum(1 for ln in rest if _into(ln, g)) == 1]
    title = [
        title[k] or (one_run[k] and _set_apart(band, k, one_run) and any(_runs_across(ln, g) for g in clear))
        for k, ln in enumerate(band)
    ]
    if not any(title) or all(title):
        return title
    right = max(ln.x1 for ln in band)
    for k in range(1, len(band)):  # a title's wrapped rest may fit in the first column
        prev, ln = band[k - 1], band[k]
        first = ln.words[0]
        wrapped = prev.x1 + gap_min + (first.x1 - first.x0) > right
        tight = ln.top - prev.bottom < 0.5 * (prev.bottom - prev.top)
        if title[k - 1] and wrapped and tight and abs(ln.x0 - prev.x0) <= 2:
            title[k] = True
    return title


def _prints_over(line: PrintedLine, g: Gutter) -> bool:
    """Does the line run from left of the gutter to right of it with a whole word inside its strip?"""
    inside = any(w.x0 >= g.x0 and w.x1 <= g.x1 for w in line.words)
    return inside and line.x0 < g.x0 and line.x1 > g.x1


def _set_apart(band: Sequence[PrintedLine], k: int, one_run: Sequence[bool]) -> bool:
    """Is each of the lines right above and below the band's line k either further from it than
    half a line's height (not at its leading) or one run of words from the left too (a heading's
    or the title's own other line)?"""
    ln = band[k]
    near = [j for j in (k - 1, k + 1) if 0 <= j < len(band)]
    height = ln.bottom - ln.top
    return all(
        one_run[j] or max(band[j].top - ln.bottom, ln.top - band[j].bottom) >= 0.5 * height for j in near
    )


def _runs_across(line: PrintedLine, g: Gutter) -> bool:
    """Does the line run from left of the gutter to right of it, a word printing into its strip?"""
    return line.x0 < g.x0 and line.x1 > g.x1 and _into(line, g)


def _into(line: PrintedLine, g: Gutter) -> bool:
    """Does some word of the line print inside the gutter's strip?"""
    return any(w.x0 < g.x1 - 1 and w.x1 > g.x0 + 1 for w in line.words)


def _pauses_across(line: PrintedLine, g: Gutter, gap_min: float) -> bool:
    """Does the line print on both sides of the gutter, pausing a gutter's width across it?"""
    left = [w.x1 for w in line.words if w.x1 <= g.x1 - 1]
    right = [w.x0 for w in line.words if w.x0 >= g.x1 - 1]
    return bool(left and right) and min(right) - max(left) >= gap_min


# A band between two row lines holds at most this many title rows (one over its row, one under).
MAX_TITLE_RUNS = 2


def _with_title_rows(
    region: Region, rules: Sequence[Rule], gap_min: float, gutters: Sequence[Gutter] = ()
) -> tuple[list[Rule], Region]:
    """The rules plus a full-width separator where a band's title lines meet its column lines
    (`title_lines`), and the region with those title lines among its full-width lines."""
    ys = [r.y for r in rules]
    out = list(rules)
    span = ((float("-inf"), float("inf")),)
    titles: set[int] = set()
    column_lines = [ln for i, ln in enumerate(region.lines) if i not in region.wide] or region.lines
    left = min(ln.x0 for ln in column_lines)
    parted = [g for g in gutters if any(_pauses_across(ln, g, gap_min) for ln in column_lines)]
    for a, b in zip(ys, ys[1:], strict=False):
        idx = [i for i, ln in enumerate(region.lines) if a < (ln.top + ln.bottom) / 2 < b]
        if not idx:
            continue
        wide = frozenset(k for k, i in enumerate(idx) if i in region.wide)
        band = [region.lines[i] for i in idx]
        title = title_lines(band, wide, gap_min, parted, left)
        runs = sum(1 for k, t in enumerate(title) if t and (k == 0 or not title[k - 1]))
        rows = [ln for ln, t in zip(band, title, strict=True) if not t]
        in_columns = any(  # a row's line: at most one piece a column, parted across a gutter
            len(split_segments(ln, gap_min)) <= len(gutters) + 1
            and any(_pauses_across(ln, g, gap_min) for g in parted)
            for ln in rows
        )
        if runs > MAX_TITLE_RUNS or (rows and not in_columns):
            continue  # titles and lines taking turns down a band, or no line in columns: prose
        titles.update(i for i, t in zip(idx, title, strict=True) if t)  # a band of titles alone too
        if any(title) and not all(title):
            out.extend(
                Rule(band[k].top - min(1.0, 0.5 * (band[k].top - band[k - 1].bottom)), span)
                for k in range(1, len(band))
                if title[k] != title[k - 1]
            )
    return sorted(out, key=lambda r: r.y), Region(region.lines, region.wide | frozenset(titles))


def ruled_zones(
    lines: Sequence[PrintedLine],
    rules: Sequence[Rule],
    gutters: Sequence[Gutter],
    gap_min: float,
    pitch: float,
) -> list[tuple[list[Rule], list[PrintedLine]]]:
    """Runs of rule-bounded bands that hold table text; a band with no text ends a run, and so
    does a band of prose: paragraphs (lines not split into columns, with a blank line between
    them), such as the notes under one table and the caption of the next, between their rules.
    One wrapped paragraph alone is a merged full-width row and stays in its table."""
    zones: list[tuple[list[Rule], list[PrintedLine]]] = []
    cur_rules: list[Rule] = []
    cur_lines: list[PrintedLine] = []
    for a, b in zip(rules, rules[1:], strict=False):
        band = [ln for ln in lines if a.y < (ln.top + ln.bottom) / 2 < b.y]
        prose = (
            len(band) >= 2
            and all(len(split_segments(ln, gap_min)) == 1 for ln in band)
            and any(b.top - a.bottom > pitch for a, b in zip(band, band[1:], strict=False))
        )
        if band and not prose:
            if not cur_rules:
                cur_rules = [a]
            cur_rules.append(b)
            cur_lines.extend(band)
        elif cur_rules:
            zones.append((cur_rules, cur_lines))
            cur_rules, cur_lines = [], []
    if cur_rules:
        zones.append((cur_rules, cur_lines))
    return [z for z in zones if any(not crosses(ln, gutters) for ln in z[1]) or len(z[0]) == 2]


def _with_rules_stopping(
    region: Region, ys: Sequence[float], edges: Sequence[Edge], gutters: Sequence[Gutter], gap_min: float
) -> Region:
    """The region with a band's line counted full-width where the column rules drawn down the
    band over or under it stop for its band and the line runs, one run of words from the
    table's left, over the place of a rule that stops: a title row the rules leave whole, though
    a word space of the title happens to fall at a column's start."""
    stroked = [e for e in edges if e.orientation == "v" and e.stroked and e.bottom - e.top > BODY_RULE_MIN]
    if not stroked or len(ys) < 3:
        return region
    left = min(ln.x0 for ln in region.lines)

    def ruled(x: float, a: float, b: float) -> bool:
        return any(abs(e.x0 - x) <= 2 and e.top < b - 1 and e.bottom > a + 1 for e in stroked)

    wide = set(region.wide)
    for i, ln in enumerate(region.lines):
        if i in wide or ln.x0 > left + 2 or len(split_segments(ln, gap_min)) != 1:
            continue
        b = bisect_right(ys, (ln.top + ln.bottom) / 2) - 1
        if not 0 <= b < len(ys) - 1:
            continue
        for g in gutters:
            x = g.x1 - 0.5
            over = ln.x0 < g.x0 and ln.x1 > g.x1 and not ruled(x, ys[b], ys[b + 1])
            beside = [(ys[k], ys[k + 1]) for k in (b - 1, b + 1) if 0 <= k < len(ys) - 1]
            if over and any(ruled(x, a, z) for a, z in beside):
                wide.add(i)
                break
    return Region(region.lines, frozenset(wide)) if len(wide) > len(region.wide) else region


def ruled_grid(
    page: int,
    name: str,
    region: Region,
    rules: Sequence[Rule],
    gutters: Sequence[Gutter],
    pitch: float,
    gap_min: float,
    settings: PdfSettings | None = None,
    fills: Sequence[Fill] = (),
    ruling: Sequence[Edge] = (),
) -> PageGrid | None:
    """Rows between horizontal rules; a rule that stops short of a column leaves that cell merged.

    A band between two rules that holds several one-line rows (rules only under the header and at
    the foot) is split where its values say rows start (`rowstarts`), and a band holding several
    multi-line rows (booktabs: rules only at the top, under the header and at the foot) where its
    text says rows start (`rows_gap`: row keys after a gap, refs, section lines).
    """
    edges = column_edges(region, gutters)
    n_cols = len(edges) - 1
    rules = _with_value_rows(region, rules, edges, pitch)
    if settings is not None:
        rules = _with_gap_rows(region, rules, gutters, pitch, settings, gap_min, fills)
    rules, region = _with_title_rows(region, rules, gap_min, gutters)
    ys = [r.y for r in rules]
    n_rows = len(ys) - 1
    if n_cols < 2 or n_rows < 1:
        return None
    region = _with_rules_stopping(region, ys, ruling, gutters, gap_min)
    wide_bands = set()
    for i, ln in enumerate(region.lines):
        if i in region.wide:
            wide_bands.add(bisect_right(ys, (ln.top + ln.bottom) / 2) - 1)
    cells: list[GridCell] = []
    for c in range(n_cols):
        lo, hi = edges[c], edges[c + 1]
        start = 0
        for b in range(1, n_rows + 1):
            rule = rules[b]
            covers = rule.covers(lo, hi)
            if b == n_rows or covers or b in wide_bands or (b - 1) in wide_bands:
                bands = [x for x in range(start, b) if x not in wide_bands]
                if bands:
                    cells.append(
                        GridCell(bands[0], bands[-1] + 1, c, c + 1, lo, ys[bands[0]], hi, ys[bands[-1] + 1])
                    )
                start = b
    for b in sorted(wide_bands):
        if 0 <= b < n_rows:
            band = [
                ln
                for i, ln in enumerate(region.lines)
                if i in region.wide and ys[b] < (ln.top + ln.bottom) / 2 < ys[b + 1]
            ]
            cells += band_cells(band, edges, gap_min, b, ys[b], ys[b + 1])
    cells.sort(key=lambda c: (c.row0, c.col0))
    cols = column_words(region, edges)
    drawn = [r for r in rules if r.segments[0][0] != float("-inf")]
    frame = (min(r.x0 for r in drawn), max(r.x1 for r in drawn))
    return PageGrid(
        page,
        name,
        n_rows,
        n_cols,
        tuple(cells),
        ruled=False,
        content_right=content_right(cols, frame),
        col_edges=tuple(edges),
    )
