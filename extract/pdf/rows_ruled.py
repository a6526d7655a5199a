"""Rows of an `open_rules` table: the bands between its horizontal rules.

A rule that stops short of a column (a merged cell interrupts it) leaves that column's cell
running on into the next band, so the merged cell covers both rows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from pdfplumber.table import merge_edges

from .columns import Gutter, Region, band_cells, column_edges, column_words, content_right, crosses
from .grid import GridCell, PageGrid
from .layout import PrintedLine, split_segments
from .page import Fill, PageData
from .rowstarts import value_row_starts
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


# A band is read for rows of its own only when it holds at least this many printed lines.
GAP_ROWS_MIN_LINES = 4
# Most bands with text a zone ruled only at its frame and under its header has (header, body, a
# foot or a second header line).
FRAME_BANDS = 3


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
    from .rows_gap import gap_grid  # rows_gap reads rules' neighbours; imported here to keep one way

    ys = [r.y for r in rules]
    out = list(rules)
    span = ((float("-inf"), float("inf")),)
    mids = [(ln.top + ln.bottom) / 2 for ln in region.lines]
    printed = sum(1 for a, b in zip(ys, ys[1:], strict=False) if any(a < m < b for m in mids))
    if printed > FRAME_BANDS:
        return out
    for a, b in zip(ys, ys[1:], strict=False):
        if any(f.top <= a + 2 and f.bottom >= b - 2 for f in fills):
            continue  # a band shaded as a whole is one row (a zebra band, a shaded row)
        idx = [i for i, ln in enumerate(region.lines) if a < (ln.top + ln.bottom) / 2 < b]
        if len(idx) < GAP_ROWS_MIN_LINES:
            continue
        band = Region(
            tuple(region.lines[i] for i in idx),
            frozenset(k for k, i in enumerate(idx) if i in region.wide),
        )
        if not any(w.xc < gutters[0].mid for w in band.lines[0].words):
            # a top-aligned row prints its first column on its first line; a band whose first
            # line does not is middle- or bottom-aligned, where text starts tell no rows apart
            continue
        grid = gap_grid(0, "", band, gutters, pitch, s, gap_min)
        if grid is None or grid.n_rows < 2:
            continue
        first = band.lines[0].top
        tops = sorted({c.top for c in grid.cells if c.top > first})
        out.extend(Rule(y, span) for y in tops if a < y < b)
    return sorted(out, key=lambda r: r.y)


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
    ys = [r.y for r in rules]
    n_rows = len(ys) - 1
    if n_cols < 2 or n_rows < 1:
        return None
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
