"""Strategy 3: tables without vertical rules, read from word positions.

Columns come from the whitespace gutters shared by the page's multi-column lines (`columns`);
rows from horizontal rules when the table has them (`rows_ruled`, the `open_rules` style),
otherwise from where the text starts and pauses (`rows_gap`, the `noborder` style).
"""

from __future__ import annotations

from collections.abc import Sequence

from .columns import Gutter, crosses, find_gutters, region_of
from .grid import PageGrid
from .layout import PrintedLine, group_lines, median_size, split_segments, typical_pitch, typical_space
from .page import PageData
from .rows_gap import gap_grid, gap_regions
from .rows_ruled import Rule, horizontal_rules, ruled_grid, ruled_zones
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
        multi = [ln for ln in lines if len(split_segments(ln, gap_min)) > 1]
        pitch = typical_pitch([ln.top for ln in lines], median_size(page.words))
        gutters = self._gutters(_in_company(lines, multi, pitch), gap_min)
        if page.continues_table and len(page.column_hint) > len(gutters) + 2:
            # too little of the table on this page to see all its gutters: it goes on in the last
            # page's columns, unless this page's lines print across them
            hint = [Gutter(e - 1, e + 1) for e in page.column_hint[1:-1]]
            if not gutters or not _crossed(multi, hint, s.gutter_noise_share):
                gutters = hint
        span = multi or lines
        rules = horizontal_rules(page, min(ln.x0 for ln in span), max(ln.x1 for ln in span), s)
        grids: list[PageGrid] = []
        taken: set[int] = set()
        for zone_rules, zone_lines in ruled_zones(lines, rules, gutters, gap_min, pitch):
            if _heads_open_body(zone_rules, zone_lines, lines, gutters, pitch):
                continue  # a ruled or filled header bar over an unruled body: one table with it
            # a ruled table beside or above body text has gutters of its own, which the page's
            # other lines (a second text column, a paragraph) would hide: read them in the zone
            own = [ln for ln in zone_lines if len(split_segments(ln, gap_min)) > 1]
            zone_gutters = gutters
            if not gutters or len(own) >= ZONE_MIN_LINES or _crossed(own, gutters, s.gutter_noise_share):
                zone_gutters = self._gutters(own, gap_min) or gutters
            if not zone_gutters:
                continue
            region = region_of(zone_lines, zone_gutters)
            grid = ruled_grid(
                page.number, self.name, region, zone_rules, zone_gutters, pitch, gap_min, s, page.fills
            )
            if grid:
                grids.append(grid)
                taken.update(id(ln) for ln in zone_lines)
        if not gutters:
            return grids
        free = [ln for ln in lines if id(ln) not in taken]
        for region in gap_regions(free, gutters, gap_min, pitch, s, page.continues_table):
            grid = gap_grid(page.number, self.name, region, gutters, pitch, s, gap_min)
            if grid:
                grids.append(grid)
        return grids

    def _gutters(self, multi: list[PrintedLine], gap_min: float) -> list[Gutter]:
        s = self.settings
        return find_gutters(multi, gap_min, s.gutter_noise_share) if len(multi) >= s.min_table_lines else []


# Lines further apart than this many line pitches belong to different blocks of text.
BLOCK_BREAK_PITCHES = 2.5


def _in_company(
    lines: Sequence[PrintedLine], multi: Sequence[PrintedLine], pitch: float
) -> list[PrintedLine]:
    """The multi-column lines, less any lone one printed above or below all the page's blocks
    that hold two or more of them.

    A lone line printed in pieces far from any table (a browser's date and title banner, a
    footer's address) says nothing about where the table's columns part, but it crosses them and,
    on a page with a short table, its vote is enough to hide a gutter. Lone lines between such
    blocks stay: rows a zebra band or a box took away leave the lines between them apart.
    """
    block_of: dict[int, int] = {}
    block = 0
    for prev, ln in zip([None, *lines], lines, strict=False):
        if prev is not None and ln.top - prev.top > BLOCK_BREAK_PITCHES * pitch:
            block += 1
        block_of[id(ln)] = block
    count: dict[int, int] = {}
    for ln in multi:
        count[block_of[id(ln)]] = count.get(block_of[id(ln)], 0) + 1
    shared = [b for b, n in count.items() if n > 1]
    if not shared:
        return list(multi)
    first, last = min(shared), max(shared)
    return [ln for ln in multi if first <= block_of[id(ln)] <= last]


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


def _columns_of(line: PrintedLine, gutters: Sequence[Gutter]) -> set[int]:
    """Which of the columns the gutters part the line's words fall in."""
    return {sum(1 for g in gutters if w.xc >= g.mid) for w in line.words}


def _crossed(lines: list[PrintedLine], gutters: list[Gutter], noise_share: float) -> bool:
    """Do more of these lines print across one of the gutters than a title or two would?"""
    return any(
        sum(1 for ln in lines if any(g.crossed_by(w) for w in ln.words)) > max(1, noise_share * len(lines))
        for g in gutters
    )
