"""Strategy 3: tables without vertical rules, read from word positions.

Columns come from the whitespace gutters shared by the page's multi-column lines (`columns`);
rows from horizontal rules when the table has them (`rows_ruled`, the `open_rules` style),
otherwise from where the text starts and pauses (`rows_gap`, the `noborder` style).
"""

from __future__ import annotations

from collections.abc import Sequence

from .columns import Gutter, find_gutters, region_of
from .grid import PageGrid
from .layout import PrintedLine, group_lines, median_size, split_segments, typical_pitch, typical_space
from .page import PageData
from .rows_gap import gap_grid, gap_regions
from .rows_ruled import horizontal_rules, ruled_grid, ruled_zones
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
        gutters = self._gutters(multi, gap_min)
        if page.continues_table and len(page.column_hint) > len(gutters) + 2:
            # too little of the table on this page to see all its gutters: it goes on in the last
            # page's columns, unless this page's lines print across them
            hint = [Gutter(e - 1, e + 1) for e in page.column_hint[1:-1]]
            if not gutters or not _crossed(multi, hint, s.gutter_noise_share):
                gutters = hint
        pitch = typical_pitch([ln.top for ln in lines], median_size(page.words))
        span = multi or lines
        rules = horizontal_rules(page, min(ln.x0 for ln in span), max(ln.x1 for ln in span), s)
        grids: list[PageGrid] = []
        taken: set[int] = set()
        for zone_rules, zone_lines in ruled_zones(lines, rules, gutters, gap_min, pitch):
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


def _crossed(lines: list[PrintedLine], gutters: list[Gutter], noise_share: float) -> bool:
    """Do more of these lines print across one of the gutters than a title or two would?"""
    return any(
        sum(1 for ln in lines if any(g.crossed_by(w) for w in ln.words)) > max(1, noise_share * len(lines))
        for g in gutters
    )
