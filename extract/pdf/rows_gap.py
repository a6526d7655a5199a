"""Rows of a `noborder` table, read from where text starts and pauses.

A row starts where a row-key column gets new text after a gap: a ref-like column ("1.1", "B12.",
"R3") is trusted outright, the first column only when no other column's text runs on across that
point. Rows printed touching (no cell padding, no paragraph spacing) show no gaps; then a ref
line, or a paragraph start in the first column, starts a row. A text block running on across a
row start is a vertically merged cell, and empty grouping cells in a keyed row continue the
merged cell above them. Full-width lines right above a table (starting where its text starts,
running across it) are its merged section rows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .columns import (
    Gutter,
    Region,
    band_cells,
    column_edges,
    column_words,
    content_right,
    crosses,
    side_by_side,
)
from .grid import GridCell, PageGrid
from .layout import LIST_MARKER, REF_PATTERN, PrintedLine, group_lines, stacked_pitch
from .page import Word
from .rows_centred import centred_row_starts
from .rowstarts import value_row_starts
from .settings import PdfSettings


def gap_regions(
    lines: Sequence[PrintedLine],
    gutters: Sequence[Gutter],
    gap_min: float,
    pitch: float,
    s: PdfSettings,
    continues_table: bool = False,
) -> list[Region]:
    """Runs of lines that keep to the columns, each with the full-width row right above it (if any)."""
    if not lines:
        return []
    runs: list[list[PrintedLine]] = []
    crossing = [crosses(ln, gutters) for ln in lines]
    right = max(ln.x1 for ln in lines)
    for i in range(1, len(lines)):  # the wrapped rest of a full-width line may fit in one column
        prev, ln = lines[i - 1], lines[i]
        wrapped = prev.x1 + gap_min + (ln.words[0].x1 - ln.words[0].x0) > right
        tight = ln.top - prev.top <= s.block_gap_ratio * pitch
        if crossing[i - 1] and wrapped and tight and abs(ln.x0 - prev.x0) <= 2:
            crossing[i] = True
    prev_bottom = None
    # two lines' whitespace parts runs: lines of cells centred in their rows print beside each
    # other a fraction of a line apart, so the page's pitch can be well under a line's
    apart = 2 * stacked_pitch(lines, pitch)
    for ln, cross in zip(lines, crossing, strict=False):
        if cross:
            runs.append([])
        elif runs and runs[-1] and prev_bottom is not None and ln.top - prev_bottom <= apart:
            runs[-1].append(ln)
        else:
            runs.append([ln])
        prev_bottom = ln.bottom
    if continues_table and _opens_with_cut_rest(runs, lines, gutters):
        runs[:2] = [runs[0] + runs[1]]
    found: list[tuple[list[PrintedLine], list[PrintedLine]]] = []
    for run in runs:
        multi = [i for i, ln in enumerate(run) if len(_columns_of(ln, gutters)) > 1]
        if not run:
            continue
        # a page going on with a table may open with a cut row's rest printed in one later
        # column only (its other cells ended overleaf), right under the repeated header
        need = 2
        if continues_table and run[0] is lines[0]:
            need = 0 if all(ln.x0 >= gutters[0].mid for ln in run) else 1
        if len(multi) < need:
            continue
        # the page's first run of column text may open with a row's rest (under a banner or
        # title printed across the columns, if any)
        opens_page = all(c for ln, c in zip(lines, crossing, strict=False) if ln.top < run[0].top)
        if not (continues_table and opens_page):
            # a line printed beside another on its own baseline (a centred cell) is in the table
            beside = next(i for i, v in enumerate(side_by_side(run)) if len(_columns_of(v, gutters)) > 1)
            run = run[_first_row_line(run, beside, gutters) :]
        above = _aligned_block_above(lines, crossing, run, gutters, pitch)
        if above and not _spans_table(above, _text_x0(run, gutters), max(ln.x1 for ln in run)):
            # a short full-width line is a title, unless it is a cut row's rest at a page top
            above = above if continues_table and above[0] is lines[0] else []
        found.append((above, run))
    if found:
        last_run = found[-1][1]
        found.append((_trailing_wide_block(lines, crossing, last_run, gutters, pitch), []))
    # A full-width line counts as a table row only if the page's prose does not start where the
    # table's text does (then the two are indistinguishable and the line stays prose).
    in_blocks = {id(ln) for above, _ in found for ln in above}
    prose_x0 = [
        ln.x0 for ln, cross in zip(lines, crossing, strict=False) if cross and id(ln) not in in_blocks
    ]
    regions = []
    for above, run in found:
        if above and any(abs(x - above[0].x0) <= 1 for x in prose_x0):
            above = []
        if run or above:
            regions.append(Region(tuple(above + run), frozenset(range(len(above)))))
    return regions


# Most whitespace between two lines of one cell, as a share of a line's height: wider than any
# line spacing, narrower than the space above a table's first row (padding, a title's spacing).
CELL_LINE_GAP = 0.45


# Most lines of a cut row's rest printed alone at a continuation page's top.
CUT_REST_LINES = 3


def _opens_with_cut_rest(
    runs: Sequence[Sequence[PrintedLine]], lines: Sequence[PrintedLine], gutters: Sequence[Gutter]
) -> bool:
    """Does a page going on with a table open with the rest of a row cut at the page break,
    printed alone above the page's first run of column text (a row's padding between them)? A
    line or few in one column, the page's first, right over that run, its sentence carrying on
    in lower case (or printed inside a later column): a title above a table starts a sentence at
    the table's left."""
    if len(runs) < 2 or not runs[0] or not runs[1] or runs[0][0] is not lines[0]:
        return False
    head, body = runs[0], runs[1]
    if len(head) > CUT_REST_LINES or any(len(_columns_of(ln, gutters)) != 1 for ln in head):
        return False
    if sum(1 for ln in body if len(_columns_of(ln, gutters)) > 1) < 2:
        return False
    first = head[0].words[0].text
    return first[:1].islower() or head[0].x0 >= gutters[0].mid


def _first_row_line(run: Sequence[PrintedLine], first_multi: int, gutters: Sequence[Gutter]) -> int:
    """Index of the run's first table line: its first line printing in several columns, or a
    line just above it printed inside a later column at a cell's line spacing (the top of a tall
    cell when cells are centred in their rows: the row's short cells start further down). A line
    in the first column above the table is a title or a paragraph, as before."""
    first = first_multi
    while first > 0:
        ln, below = run[first - 1], run[first]
        inside_later = ln.x0 >= gutters[0].mid
        if not inside_later or below.top - ln.bottom > CELL_LINE_GAP * (ln.bottom - ln.top):
            break
        first -= 1
    return first


def _columns_of(line: PrintedLine, gutters: Sequence[Gutter]) -> set[int]:
    mids = [g.mid for g in gutters]
    return {bisect_right(mids, w.xc) for w in line.words}


def _text_x0(run: Sequence[PrintedLine], gutters: Sequence[Gutter]) -> float:
    first_mid = gutters[0].mid
    xs = [w.x0 for ln in run for w in ln.words if w.xc < first_mid]
    return min(xs) if xs else run[0].x0


def _aligned_block_above(
    lines: Sequence[PrintedLine],
    crossing: Sequence[bool],
    run: Sequence[PrintedLine],
    gutters: Sequence[Gutter],
    pitch: float,
) -> list[PrintedLine]:
    """Gutter-crossing lines right above a table, starting where its first column's text starts.

    Such a line is a merged full-width row of the table (a section title); a paragraph above a
    table starts at the page margin instead, left of the table's cell padding.
    """
    x0 = _text_x0(run, gutters)
    x1 = max(ln.x1 for ln in run)
    idx = next(i for i, ln in enumerate(lines) if ln is run[0])
    block: list[PrintedLine] = []
    bottom_ref = run[0].top
    i = idx - 1
    right = max(ln.x1 for ln in lines)
    while i >= 0 and crossing[i]:
        ln = lines[i]
        if bottom_ref - ln.bottom > 1.5 * pitch or abs(ln.x0 - x0) > 2 or ln.x1 > x1 + 2:
            break
        if block and ln.x1 + pitch + (block[0].words[0].x1 - block[0].words[0].x0) <= right:
            break  # one full-width row is one wrapped paragraph; a short line above ends it
        block.insert(0, ln)
        bottom_ref = ln.top
        i -= 1
    return block


def _spans_table(block: Sequence[PrintedLine], x0: float, x1: float) -> bool:
    """A merged full-width row's text runs across most of the table; a short title does not."""
    return max(ln.x1 for ln in block) >= x0 + 0.5 * (x1 - x0)


def _trailing_wide_block(
    lines: Sequence[PrintedLine],
    crossing: Sequence[bool],
    last_run: Sequence[PrintedLine],
    gutters: Sequence[Gutter],
    pitch: float,
) -> list[PrintedLine]:
    """A full-width row printed alone at the foot of a page, after a table (its table goes on overleaf)."""
    end = last_run[-1].bottom
    tail: list[PrintedLine] = []
    for ln, cross in zip(reversed(lines), reversed(crossing), strict=False):
        if not cross or ln.top <= end:
            break
        if tail and tail[0].top - ln.bottom > 1.5 * pitch:
            break
        tail.insert(0, ln)
    if not tail or len(tail) != sum(1 for ln in lines if ln.top > end):
        return []
    x0 = _text_x0(last_run, gutters)
    aligned = abs(tail[0].x0 - x0) <= 2 and _spans_table(tail, x0, max(ln.x1 for ln in last_run))
    return tail if aligned else []


def gap_grid(
    page: int,
    name: str,
    region: Region,
    gutters: Sequence[Gutter],
    pitch: float,
    s: PdfSettings,
    gap_min: float,
) -> PageGrid | None:
    """Rows start where row-key columns start text blocks; a block running on across one is a merged cell."""
    edges = column_edges(region, gutters)
    n_cols = len(edges) - 1
    if n_cols < 2 and not region.wide:
        return None
    cols = column_words(region, edges)
    col_blocks = [_blocks(c, pitch, s) for c in cols]
    if n_cols == 2 and _is_list(col_blocks[0]):
        return None
    right = content_right(cols)
    unpadded = _on_one_baseline_grid(region, pitch)  # rows printed touching: no gaps to read
    col_blocks = [_split_at_refs(b, right[c]) if _ref_lines(b) else b for c, b in enumerate(col_blocks)]
    refs = [c for c in range(n_cols) if _ref_like(col_blocks[c])]
    first_col = _paragraph_starts(col_blocks[0], right[0]) if unpadded else None
    values = value_row_starts([ln for i, ln in enumerate(region.lines) if i not in region.wide], edges, pitch)
    wide_lines = [ln for i, ln in enumerate(region.lines) if i in region.wide]
    starts = centred_row_starts(cols, s.line_tolerance, wide_lines)
    if not starts:
        starts = _row_starts(region, col_blocks, refs, pitch, first_col, values)
        starts = _slab_starts(region, starts, pitch, s)
    if not starts:
        return None
    bounds = [y - 1 for y in starts] + [max(ln.bottom for ln in region.lines) + 1]
    n_rows = len(starts)
    wide_rows = {
        bisect_right(bounds, ln.top + 0.5) - 1 for i, ln in enumerate(region.lines) if i in region.wide
    }
    groups = [_band_groups(col_blocks[c], bounds, n_rows) for c in range(n_cols)]
    _continue_merged_cells(groups, col_blocks, edges, refs, bounds, wide_rows)
    cells: list[GridCell] = []
    for c in range(n_cols):
        for r0, r1 in _ranges(groups[c], wide_rows):
            cells.append(GridCell(r0, r1, c, c + 1, edges[c], bounds[r0], edges[c + 1], bounds[r1]))
    for r in wide_rows:
        band = [
            ln
            for i, ln in enumerate(region.lines)
            if i in region.wide and bounds[r] < ln.top + 0.5 < bounds[r + 1]
        ]
        cells += band_cells(band, edges, gap_min, r, bounds[r], bounds[r + 1])
    cells.sort(key=lambda c: (c.row0, c.col0))
    return PageGrid(
        page,
        name,
        n_rows,
        n_cols,
        tuple(cells),
        ruled=False,
        content_right=content_right(cols),
        col_edges=tuple(edges),
    )


def slab_tops(lines: Sequence[PrintedLine], pitch: float, s: PdfSettings) -> list[float]:
    """Tops of the slabs of text that whitespace across every column parts (the first line's top
    first): a line more than a paragraph gap under the one before, with nothing printed beside."""
    tops = [lines[0].top] if lines else []
    bottom = lines[0].bottom if lines else 0.0
    for prev, ln in zip(lines, lines[1:], strict=False):
        if ln.top - prev.top > s.block_gap_ratio * pitch and ln.top > bottom:
            tops.append(ln.top)
        bottom = max(bottom, ln.bottom)
    return tops


def _slab_starts(region: Region, starts: Sequence[float], pitch: float, s: PdfSettings) -> list[float]:
    """Row starts moved up to the top of the slab of text holding them, when cells are centred.

    A row's cells are parted from the next row's by whitespace running across every column
    (cell padding); a middle-aligned row prints its short cells (the ref, the lead) halfway down
    its tallest cell, so a start read from such a cell falls inside its slab. When each slab
    holds at most one start and several starts fall inside their slab, the slabs are the rows:
    each start goes to its slab's top (a slab with no start stays with the row above)."""
    lines = [ln for i, ln in enumerate(region.lines) if i not in region.wide]
    if len(lines) < 2 or len(starts) < 2:
        return list(starts)
    tops = slab_tops(lines, pitch, s)
    slab = [bisect_right(tops, y + 0.5) - 1 for y in starts]
    inside = [y for y, k in zip(starts, slab, strict=False) if k >= 0 and y - tops[k] > 0.5 * pitch]
    wide_tops = {ln.top for i, ln in enumerate(region.lines) if i in region.wide}
    keyed = [k for y, k in zip(starts, slab, strict=False) if y not in wide_tops]
    if len(inside) < 2 or len(keyed) != len(set(keyed)):
        return list(starts)
    return sorted(
        {tops[k] if k >= 0 and y not in wide_tops else y for y, k in zip(starts, slab, strict=False)}
    )


def _blocks(words: Sequence[Word], pitch: float, s: PdfSettings) -> list[list[PrintedLine]]:
    blocks: list[list[PrintedLine]] = []
    for ln in group_lines(words, s.line_tolerance):
        if blocks and ln.top - blocks[-1][-1].top <= s.block_gap_ratio * pitch:
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    return blocks


def _on_one_baseline_grid(region: Region, pitch: float) -> bool:
    """Do all lines sit a whole number of line pitches apart? Then no row adds padding or spacing."""
    tops = sorted({round(ln.top, 1) for ln in region.lines})
    if len(tops) < 4:
        return False
    return all(
        abs(d - round(d / pitch) * pitch) <= 0.6
        for d in (b - a for a, b in zip(tops, tops[1:], strict=False))
    )


def _ref_lines(blocks: Sequence[Sequence[PrintedLine]]) -> bool:
    """Is most of the column's lines a complete ref each ("1.1", "B12.")?"""
    lines = [ln for b in blocks for ln in b]
    hits = sum(1 for ln in lines if REF_PATTERN.match(ln.text.replace(" ", "")))
    return hits >= 2 and hits >= 0.5 * len(lines)


def _split_at_refs(blocks: Sequence[Sequence[PrintedLine]], right: float | None) -> list[list[PrintedLine]]:
    """In a ref column, every line that is a ref by itself starts a cell, even with no gap above it
    (rows printed without padding), unless it is the end of a ref broken at the column edge."""
    out: list[list[PrintedLine]] = []
    for block in blocks:
        out.append([block[0]])
        for prev, ln in zip(block, block[1:], strict=False):
            first = ln.words[0]
            broken = (
                right is not None
                and len(prev.words) == 1
                and right - prev.x1 < (first.x1 - first.x0) / max(len(first.text), 1) + 0.5
            )
            if REF_PATTERN.match(ln.text.replace(" ", "")) and not broken:
                out.append([ln])
            else:
                out[-1].append(ln)
    return out


def _paragraph_starts(blocks: Sequence[Sequence[PrintedLine]], right: float | None) -> list[float]:
    """Tops of the lines that start a paragraph: the first, each after a line that ended short (its
    successor's first word would have fitted on it), and each capitalised one after a full stop."""
    lines = [ln for b in blocks for ln in b]
    if not lines:
        return []
    edge = right if right is not None else max(ln.x1 for ln in lines)
    starts = [lines[0].top]
    for prev, ln in zip(lines, lines[1:], strict=False):
        first = ln.words[0]
        space = (first.x1 - first.x0) / max(len(first.text), 1)
        fitted = prev.x1 + space + (first.x1 - first.x0) < edge
        sentence = prev.words[-1].text.endswith((".", "!", "?", ":")) and first.text[:1].isupper()
        if fitted or sentence:
            starts.append(ln.top)
    return starts


def _is_list(blocks: Sequence[Sequence[PrintedLine]]) -> bool:
    """A first column holding nothing but list markers: a numbered or bulleted list with a hanging
    indent (markers on touching lines form one block, so each line is judged)."""
    lines = [ln for b in blocks for ln in b]
    hits = sum(1 for ln in lines if LIST_MARKER.match(ln.text))
    return hits >= 2 and hits >= 0.6 * len(lines)


def _ref_like(blocks: Sequence[Sequence[PrintedLine]]) -> bool:
    texts = ["".join(w.text for ln in b for w in ln.words) for b in blocks]
    hits = sum(1 for t in texts if REF_PATTERN.match(t))
    return hits >= 2 and hits >= 0.6 * len(texts)


def _row_starts(
    region: Region,
    col_blocks: Sequence[Sequence[Sequence[PrintedLine]]],
    refs: Sequence[int],
    pitch: float,
    first_col: list[float] | None = None,
    values: Sequence[float] = (),
) -> list[float]:
    strong: list[float] = list(values)
    for c in refs:
        strong.extend(b[0].top for b in col_blocks[c])
    for i, ln in enumerate(region.lines):
        if i in region.wide:
            if i - 1 not in region.wide:
                strong.append(ln.top)
            if i + 1 < len(region.lines) and i + 1 not in region.wide:
                strong.append(region.lines[i + 1].top)
    weak = [] if 0 in refs else first_col if first_col is not None else [b[0].top for b in col_blocks[0]]
    starts = list(strong)
    for y in weak:
        # (rows printed without padding leave no gaps, so no column's block can be seen running on)
        runs_on = first_col is None and any(
            _runs_across(b, y) for c, blocks in enumerate(col_blocks) if c != 0 for b in blocks
        )
        if not runs_on:
            starts.append(y)
    starts.extend(_aligned_starts(col_blocks))
    starts.append(region.lines[0].top)
    out: list[float] = []
    for y in sorted(starts):
        if out and y - out[-1] < 0.5 * pitch:
            continue
        out.append(y)
    return out


def _aligned_starts(col_blocks: Sequence[Sequence[Sequence[PrintedLine]]]) -> list[float]:
    """Where two or more columns start a block on the same line and no column's block runs
    across; or where every column starts a block or runs across, those starting outnumbering
    those running on (a new row beside a group's cell merged over rows: the cell runs on, every
    other column opens after the whitespace under the row above)."""
    firsts = sorted((b[0].top, c) for c, blocks in enumerate(col_blocks) for b in blocks)
    out = []
    for y, _ in firsts:
        cols = {c for t, c in firsts if abs(t - y) <= 1}
        if len(cols) < 2 or (out and abs(out[-1] - y) <= 1):
            continue
        across = {c for c, blocks in enumerate(col_blocks) if any(_runs_across(b, y) for b in blocks)}
        if not across or (len(cols | across) == len(col_blocks) and len(cols) > len(across)):
            out.append(y)
    return out


def _band_of(bounds: Sequence[float], y: float) -> int:
    return min(max(bisect_right(bounds, y) - 1, 0), len(bounds) - 2)


def _band_groups(blocks: Sequence[Sequence[PrintedLine]], bounds: Sequence[float], n_rows: int) -> list[int]:
    """For each row band, the id of the merged cell it belongs to in this column.

    A text block running on across a row start is a merged cell, unless the column has a line
    starting right at that row start: then the rows simply have no padding between them.
    """
    group = list(range(n_rows))
    for b in blocks:
        bands = sorted({_band_of(bounds, ln.top + 0.5) for ln in b})
        for r in range(bands[0] + 1, bands[-1] + 1):
            if not _has_line_at(b, bounds[r] + 1):
                group[r] = group[r - 1]
    return group


def _has_line_at(block: Sequence[PrintedLine], y: float) -> bool:
    return any(abs(ln.top - y) <= 1 for ln in block)


def _runs_across(block: Sequence[PrintedLine], y: float) -> bool:
    """Does the block carry on over `y` without a line of it starting there?"""
    return block[0].top < y - 1 and block[-1].top >= y - 1 and not _has_line_at(block, y)


def _continue_merged_cells(
    groups: list[list[int]],
    col_blocks: Sequence[Sequence[Sequence[PrintedLine]]],
    edges: Sequence[float],
    refs: Sequence[int],
    bounds: Sequence[float],
    wide_rows: set[int],
) -> None:
    """Empty grouping cells in a keyed row continue the merged cell above them.

    Without borders, a merged cell printed once looks like a filled cell followed by empty ones.
    Left of the main text column (the one holding the most text), the columns group rows (theme, objective,
    recommendation); in a row that starts with a new key (the ref column nearest the main column)
    an empty grouping cell is read as the continuation of the one above.
    """
    text = [sum(len(w.text) for b in blocks for ln in b for w in ln.words) for blocks in col_blocks]
    main = text.index(max(text))
    key = max((r for r in refs if r < main), default=None)
    if key is None:
        return
    key_rows = {
        _band_of(bounds, b[0].top + 0.5)
        for b in col_blocks[key]
        if REF_PATTERN.match("".join(w.text for ln in b for w in ln.words))
    }
    for c in range(main):
        if c == key:
            continue
        filled = {_band_of(bounds, ln.top + 0.5) for b in col_blocks[c] for ln in b}
        for r in range(1, len(groups[c])):
            opens = r in key_rows and r not in filled and not {r, r - 1} & wide_rows
            above_keyed = groups[c][r - 1] in key_rows or r - 1 in key_rows  # never carry a header down
            if opens and above_keyed and (r - 1 in filled or groups[c][r - 1] != r - 1):
                groups[c][r] = groups[c][r - 1]


def _ranges(group: Sequence[int], wide_rows: set[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    r = 0
    while r < len(group):
        if r in wide_rows:
            r += 1
            continue
        end = r + 1
        while end < len(group) and group[end] == group[r] and end not in wide_rows:
            end += 1
        out.append((r, end))
        r = end
    return out
