"""Strategy 3: tables without vertical rules, read from word positions.

Columns come from the whitespace gutters shared by the page's multi-column lines (`columns`);
rows from horizontal rules when the table has them (`rows_ruled`, the `open_rules` style),
otherwise from where the text starts and pauses (`rows_gap`, the `noborder` style).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .columns import (
    Gutter,
    Over,
    Region,
    added_gutters,
    crosses,
    find_gutters,
    gutter_voters,
    in_pieces,
    printed_over,
    region_of,
    rule_gutters,
    with_aligned_columns,
)
from .grid import GridCell, PageGrid
from .layout import PrintedLine, group_lines, median_size, typical_pitch, typical_space
from .page import PageData
from .rows_gap import gap_grid, gap_regions
from .rows_ruled import Rule, horizontal_rules, ruled_grid, ruled_zones, with_frame_ends
from .settings import PdfSettings

# A ruled zone with this many lines split into columns shows its own gutters; with fewer, the
# page's gutters (read over all its tables) are the better evidence unless the zone's lines cross them.
ZONE_MIN_LINES = 6


class TextColumnsStrategy:
    name = "text-columns"

    def __init__(self, settings: PdfSettings | None = None):
        self.settings = settings or PdfSettings()

    def extract(self, page: PageData, lines: Sequence[PrintedLine] | None = None) -> list[PageGrid]:
        """`lines`: the page's printed lines from its evidence record (grouped here if not given)."""
        s = self.settings
        lines = list(lines) if lines is not None else group_lines(page.words, s.line_tolerance)
        if not lines:
            return []
        gap_min = max(s.gutter_min_width, s.gutter_space_ratio * typical_space(lines))
        over = printed_over(lines)
        multi = [ln for ln in lines if in_pieces(ln, gap_min, over)]
        pitch = typical_pitch([ln.top for ln in lines], median_size(page.words))
        gutters = added_gutters(
            self._gutters(_in_company(lines, pitch, gap_min, over, beside=False), gap_min, page),
            self._gutters(_in_company(lines, pitch, gap_min, over, beside=True), gap_min, page),
            gap_min,
        )
        # a justified table whose columns part by less than a word space shows them by the left
        # edges its lines share, over all its lines
        company = _in_company(lines, pitch, gap_min, over, beside=False, multi=False)
        gutters = self._with_aligned(gutters, company, gap_min, page)
        if page.continues_table and len(page.column_hint) > len(gutters) + 2:
            # too little of the table on this page to see all its gutters: it goes on in the last
            # page's columns, unless this page's lines print across them
            hint = [Gutter(e - 1, e + 1) for e in page.column_hint[1:-1]]
            if not gutters or not _crossed(multi, hint, s.gutter_noise_share):
                gutters = hint
        span = multi or lines
        rules = horizontal_rules(page, min(ln.x0 for ln in span), max(ln.x1 for ln in span), s)
        rules = _without_head_rule(rules, lines, gutters, gap_min)
        rules = with_frame_ends(rules, page.edges, page.fills, pitch)
        grids: list[PageGrid] = []
        taken: set[int] = set()
        bars: list[tuple[float, float, PageGrid]] = []  # header bars over an unruled body
        zones = ruled_zones(lines, rules, gutters, gap_min, pitch)
        for k, (zone_rules, zone_lines) in enumerate(zones):
            below = zones[k + 1][0][0].y if k + 1 < len(zones) else float("inf")
            zone_rules, zone_lines = _with_open_last_row(zone_rules, zone_lines, lines, gutters, pitch, below)
            if k == 0 and page.continues_table:
                zone_rules, zone_lines = _with_open_first_row(zone_rules, zone_lines, lines, gutters, pitch)
            bar = _heads_open_body(zone_rules, zone_lines, lines, gutters, pitch)
            # a ruled table beside or above body text has gutters of its own, which the page's
            # other lines (a second text column, a paragraph) would hide: read them in the zone
            own = [ln for ln in zone_lines if in_pieces(ln, gap_min, over)]
            zone_gutters = gutters
            if not gutters or len(own) >= ZONE_MIN_LINES or _crossed(own, gutters, s.gutter_noise_share):
                voters = [v for v in gutter_voters(zone_lines) if in_pieces(v, gap_min, over)]
                zone_gutters = added_gutters(
                    self._gutters(own, gap_min, page), self._gutters(voters, gap_min, page), gap_min
                )
                zone_gutters = self._with_aligned(zone_gutters, zone_lines, gap_min, page) or gutters
            if not zone_gutters:
                continue
            region = region_of(zone_lines, zone_gutters)
            grid = ruled_grid(
                page.number,
                self.name,
                region,
                zone_rules,
                zone_gutters,
                pitch,
                gap_min,
                s,
                page.fills,
                page.edges,
            )
            if grid and bar:
                bars.append((zone_rules[0].y, zone_rules[-1].y, grid))
                taken.update(id(ln) for ln in zone_lines)
            elif grid:
                grids.append(grid)
                taken.update(id(ln) for ln in zone_lines)
        if not gutters:
            return grids + [g for *_, g in bars]
        free = [ln for ln in lines if id(ln) not in taken]
        body: list[PageGrid] = []
        for region in gap_regions(free, gutters, gap_min, pitch, s, page.continues_table):
            grid = gap_grid(page.number, self.name, region, gutters, pitch, s, gap_min)
            if grid is None and page.continues_table and not body:
                grid = _rest_row(page.number, self.name, region, page.column_hint)
            if grid:
                body.append(grid)
        for top, bottom, bar_grid in bars:
            under = [k for k, g in enumerate(body) if _right_under(bottom, g, bar_grid, pitch)]
            if under:
                body[under[0]] = with_header_row(body[under[0]], top, bottom, bar_grid)
            else:
                grids.append(bar_grid)
        return grids + body

    def _with_aligned(
        self, gutters: list[Gutter], lines: Sequence[PrintedLine], gap_min: float, page: PageData
    ) -> list[Gutter]:
        """The gutters with the column starts the lines' left edges show (`with_aligned_columns`),
        and the column rules drawn down them."""
        s = self.settings
        out = with_aligned_columns(gutters, lines, gap_min, s.gutter_noise_share)
        if out == gutters:
            return gutters
        return rule_gutters(lines, page.edges, page.fills, out, s.gutter_noise_share)

    def _gutters(self, multi: list[PrintedLine], gap_min: float, page: PageData) -> list[Gutter]:
        """The whitespace gutters of the lines, with the column rules drawn down them (only where
        the whitespace shows a table)."""
        s = self.settings
        if len(multi) < s.min_table_lines:
            return []
        found = find_gutters(multi, gap_min, s.gutter_noise_share)
        return rule_gutters(multi, page.edges, page.fills, found, s.gutter_noise_share) if found else []


# A rule this close under a line (a share of the line's height) underlines it.
UNDERLINE_GAP = 0.5


def _without_head_rule(
    rules: list[Rule], lines: Sequence[PrintedLine], gutters: Sequence[Gutter], gap_min: float
) -> list[Rule]:
    """The rules without a running head's rule: the page's first rule, with nothing printed
    above it but the running head it underlines (or nothing, the head read as furniture), and
    under it a band of lines of which some print across the columns and none pauses at them
    (the page's title and intro, no cells of a table). Taken as a table's top, it would open the
    table at the head and read the title and intro as its first rows."""
    if len(rules) < 2 or not gutters:
        return rules
    head, below = rules[0], rules[1]
    above = [ln for ln in lines if ln.bottom <= head.y + 1]
    if len(above) > 1 or any(head.y - ln.bottom > UNDERLINE_GAP * (ln.bottom - ln.top) for ln in above):
        return rules
    band = [ln for ln in lines if head.y < (ln.top + ln.bottom) / 2 < below.y]
    if len(band) < 2 or not any(crosses(ln, gutters) for ln in band):
        return rules
    if any(_paused_at(ln, gutters, gap_min) for ln in band):
        return rules
    return rules[1:]


def _paused_at(line: PrintedLine, gutters: Sequence[Gutter], gap_min: float) -> bool:
    """Does the line pause at one of the gutters for a column gap or more (cells side by side)?"""
    return any(
        b.x0 - a.x1 >= gap_min and a.x1 <= g.x1 and b.x0 >= g.x0
        for a, b in zip(line.words, line.words[1:], strict=False)
        for g in gutters
    )


def _rest_row(page: int, name: str, region: Region, hint: Sequence[float]) -> PageGrid | None:
    """One row in the last page's columns holding a region printed inside one of them (a cut
    row's rest in one later column, its other cells ended overleaf), for the join to seat."""
    words = [w for ln in region.lines for w in ln.words]
    if len(hint) < 3 or not words:
        return None
    inside = [k for k in range(1, len(hint) - 1) if all(w.x0 >= hint[k] - 1 for w in words)]
    col = max(inside, default=None)
    if col is None or not all(w.x1 <= hint[col + 1] + 1 for w in words):
        return None
    top, bottom = min(w.top for w in words) - 1, max(w.bottom for w in words) + 1
    cells = tuple(GridCell(0, 1, c, c + 1, hint[c], top, hint[c + 1], bottom) for c in range(len(hint) - 1))
    return PageGrid(page, name, 1, len(hint) - 1, cells, ruled=False, col_edges=tuple(hint))


# Lines further apart than this many line pitches belong to different blocks of text.
BLOCK_BREAK_PITCHES = 2.5


def _in_company(
    lines: Sequence[PrintedLine], pitch: float, gap_min: float, over: Over, beside: bool, multi: bool = True
) -> list[PrintedLine]:
    """The lines voting on the page's gutters: the multi-column lines (`beside`: each line taken
    with the lines printed beside it, `gutter_voters`; not `multi`: every line), less the page's
    first or last line when it stands apart.

    A line printed in pieces at the top or foot of the page, far from the next text (a browser's
    date and title banner, a footer's address on a one-page file, where no repetition marks it
    as furniture), says nothing about where the table's columns part, but it crosses them and,
    on a page with a short table, its vote is enough to hide a gutter.
    """
    apart = BLOCK_BREAK_PITCHES * pitch
    lone = set()
    if len(lines) >= 2 and lines[1].top - lines[0].top > apart:
        lone.add(0)
    if len(lines) >= 2 and lines[-1].top - lines[-2].top > apart:
        lone.add(len(lines) - 1)
    kept = [ln for i, ln in enumerate(lines) if i not in lone]
    voters = gutter_voters(kept) if beside else kept
    return [v for v in voters if in_pieces(v, gap_min, over)] if multi else voters


# A zone parted into rows by this many rules (zebra bands, row rules) has its rows ruled.
ZEBRA_MIN_RULES = 4


def _with_open_last_row(
    zone_rules: list[Rule],
    zone_lines: list[PrintedLine],
    lines: Sequence[PrintedLine],
    gutters: Sequence[Gutter],
    pitch: float,
    limit: float,
) -> tuple[list[Rule], list[PrintedLine]]:
    """The zone with the lines printed right under its last rule in its columns, when they end
    the page's text: a row left unshaded under the zebra bands, with no rule drawn below it
    (the table's last row on a page, the rest of it overleaf). Lines that go on into more text
    below are the page's next block, not a row; lines taller than two of the zone's usual rows
    are a body of its own (under a header bar)."""
    if not gutters or len(zone_rules) < ZEBRA_MIN_RULES:
        return zone_rules, zone_lines
    last = zone_rules[-1].y
    after = [ln for ln in lines if ln.top > last and ln.bottom < limit]
    run: list[PrintedLine] = []
    for ln in after:
        prev = run[-1].bottom if run else last
        if ln.top - prev > pitch or crosses(ln, gutters):
            break
        run.append(ln)
    if not run or len(run) != len(after) or not any(len(_columns_of(ln, gutters)) > 1 for ln in run):
        return zone_rules, zone_lines
    heights = sorted(b.y - a.y for a, b in zip(zone_rules, zone_rules[1:], strict=False))
    if run[-1].bottom - last > 2 * heights[len(heights) // 2]:  # more than a row: a body of its own
        return zone_rules, zone_lines
    foot = Rule(max(ln.bottom for ln in run) + 1, zone_rules[-1].segments)
    return [*zone_rules, foot], [*zone_lines, *run]


def _with_open_first_row(
    zone_rules: list[Rule],
    zone_lines: list[PrintedLine],
    lines: Sequence[PrintedLine],
    gutters: Sequence[Gutter],
    pitch: float,
) -> tuple[list[Rule], list[PrintedLine]]:
    """The first zone of a page that goes on with the last page's table, with the lines printed
    above its first rule when they open the page right over it, inside its columns: the rest
    of a row cut at the last page's foot, printed unshaded (in as few as one of its columns)."""
    if not gutters or len(zone_rules) < 2:
        return zone_rules, zone_lines
    first = zone_rules[0].y
    before = [ln for ln in lines if ln.bottom < first]
    run: list[PrintedLine] = []
    for ln in reversed(before):
        nxt = run[0].top if run else first
        if nxt - ln.bottom > pitch or crosses(ln, gutters):
            break
        run.insert(0, ln)
    if not run or len(run) != len(before):
        return zone_rules, zone_lines
    head = Rule(min(ln.top for ln in run) - 1, zone_rules[0].segments)
    return [head, *zone_rules], [*run, *zone_lines]


# A header bar holds at most this many printed lines.
HEADER_BAR_LINES = 3


def _heads_open_body(
    zone_rules: Sequence[Rule],
    zone_lines: Sequence[PrintedLine],
    lines: Sequence[PrintedLine],
    gutters: Sequence[Gutter],
    pitch: float,
) -> bool:
    """Is this zone one ruled band (a header bar: a fill's edges, a rule under the header) of a few
    lines, printed in the page's columns, with text in those columns right under its lower rule?

    Such a band is the header of the unruled table below it, not a table of its own: read apart,
    the header becomes a one-row table with no body and the body a table with no header.
    """
    if len(zone_rules) != 2 or not gutters or not 1 <= len(zone_lines) <= HEADER_BAR_LINES:
        return False
    if not any(len(_columns_of(ln, gutters)) > 1 for ln in zone_lines):
        return False
    bottom = zone_rules[-1].y
    below = [ln for ln in lines if ln.top >= bottom - 1 and ln.top - bottom <= 1.5 * pitch]
    return any(not crosses(ln, gutters) for ln in below)


def _right_under(bottom: float, grid: PageGrid, bar: PageGrid, pitch: float) -> bool:
    """Does the grid start just under the bar's lower rule, across the bar's width?"""
    x0, top, x1, _ = grid.bbox
    bx0, _, bx1, _ = bar.bbox
    overlap = min(x1, bx1) - max(x0, bx0)
    return bottom - 1 <= top <= bottom + 1.5 * pitch and overlap >= 0.6 * min(x1 - x0, bx1 - bx0)


def with_header_row(grid: PageGrid, top: float, bottom: float, bar: PageGrid) -> PageGrid:
    """The grid with the bar (its header, read between the bar's rules) as its first row, in the
    body's columns: the body's many lines show where the columns part better than one header."""
    edges = list(grid.col_edges)
    edges[0] = min(edges[0], bar.bbox[0])
    edges[-1] = max(edges[-1], bar.bbox[2])
    head = [GridCell(0, 1, c, c + 1, edges[c], top, edges[c + 1], bottom) for c in range(grid.n_cols)]
    body = [
        replace(
            c,
            row0=c.row0 + 1,
            row1=c.row1 + 1,
            x0=min(c.x0, edges[0]) if c.col0 == 0 else c.x0,
            x1=max(c.x1, edges[-1]) if c.col1 == grid.n_cols else c.x1,
        )
        for c in grid.cells
    ]
    return replace(grid, n_rows=grid.n_rows + 1, cells=tuple(head + body), col_edges=tuple(edges))


def _columns_of(line: PrintedLine, gutters: Sequence[Gutter]) -> set[int]:
    """Which of the columns the gutters part the line's words fall in."""
    return {sum(1 for g in gutters if w.xc >= g.mid) for w in line.words}


def _crossed(lines: list[PrintedLine], gutters: list[Gutter], noise_share: float) -> bool:
    """Do more of these lines print across one of the gutters than a title or two would?"""
    return any(
        sum(1 for ln in lines if any(g.crossed_by(w) for w in ln.words)) > max(1, noise_share * len(lines))
        for g in gutters
    )
