"""Rows of a table whose cells are centred in their row, read from the vertical extent of the text.

Text starts tell no rows apart when cells are middle-aligned: each row's short cells (a ref, a
lead, a status) print halfway down its tallest cell, so a row key sits below the row's top and
the lines of neighbouring columns interleave. What does part the rows is the whitespace: each
column's text blocks (lines at the column's own leading) lie inside their row's span, and rows
are parted by a band of whitespace across every column (the cell padding above and below) that
is taller than the gap between two lines of one cell. The rows are the connected spans of the
blocks, with three corrections read from the same blocks:

- a cell merged over several rows is centred over all of them, so its block bridges their
  bands: a block that crosses a band parting two other columns' blocks (two or more columns
  print on both sides of it) is such a merged cell and is left out when the span is split;
- a span holding one column's text alone is a cell's next paragraph, not a row (every row
  prints in more than one column);
- a full-width line (a section title) is a row of its own;
- a cell of several paragraphs (a sentence, then bullets set with paragraph spacing) is several
  blocks: its blocks taken together are centred in their row, so a paragraph goes to the row
  whose short cells share that centre (a merged cell bridging two rows can carry one into the
  row above; a first paragraph under a section row stands alone until joined to its row).

The table is read so only when its blocks show the centring: in a row, the cells (each column's
blocks in the row) of different columns share a centre while their tops differ (top-aligned
cells share tops instead). Where they show neither (every cell one line), the other row
readers' evidence decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from .layout import PrintedLine, group_lines
from .page import Word

# Column index given to a full-width line (a section row): it prints in every column.
WIDE = -1
# Fewest rows whose blocks must show the centring (shared centres, differing tops) before the
# table is read as centred, and how many times the rows showing shared tops they must outnumber
# (top-aligned tables show no centred row at all; in a centred one a row a page break cut short,
# or one whose cells all hold one line, can share tops).
MIN_CENTRED_ROWS = 1
CENTRED_MAJORITY = 2


@dataclass(frozen=True)
class Block:
    """Lines of one column printed at the column's own leading: one cell's text (or a paragraph)."""

    col: int
    top: float
    bottom: float

    @property
    def centre(self) -> float:
        return (self.top + self.bottom) / 2


def column_lines(cols: Sequence[Sequence[Word]], line_tolerance: float) -> list[list[PrintedLine]]:
    return [group_lines(words, line_tolerance) for words in cols]


def inner_gap(col_lines: Sequence[Sequence[PrintedLine]]) -> float | None:
    """The whitespace between two lines of one cell: the smallest common gap between successive
    lines of a column (gaps between rows are larger, by the cell padding; a paragraph gap too)."""
    gaps = sorted(b.top - a.bottom for lines in col_lines for a, b in zip(lines, lines[1:], strict=False))
    gaps = [g for g in gaps if g > -2]
    if len(gaps) < 3:
        return None
    low = gaps[: max(3, len(gaps) // 5)]  # the tightest fifth: lines of one cell
    return median(low)


def column_blocks(col_lines: Sequence[Sequence[PrintedLine]], join: float) -> list[Block]:
    """Each column's lines cut into blocks wherever the gap between two lines exceeds `join`."""
    blocks = []
    for c, lines in enumerate(col_lines):
        start = None
        prev = None
        for ln in lines:
            if prev is not None and ln.top - prev.bottom > join:
                blocks.append(Block(c, start, prev.bottom))
                start = None
            if start is None:
                start = ln.top
            prev = ln
        if prev is not None:
            blocks.append(Block(c, start, prev.bottom))
    return blocks


def _spans(blocks: Sequence[Block], join: float) -> list[list[Block]]:
    """Blocks in connected vertical spans: a span ends where whitespace taller than `join` runs
    across every column."""
    spans: list[list[Block]] = []
    bottom = None
    for b in sorted(blocks, key=lambda b: b.top):
        if spans and bottom is not None and b.top - bottom <= join:
            spans[-1].append(b)
            bottom = max(bottom, b.bottom)
        else:
            spans.append([b])
            bottom = b.bottom
    return spans


def _columns(span: Sequence[Block]) -> set[int]:
    return {b.col for b in span}


def _merged_cells(span: Sequence[Block], join: float, tol: float) -> list[Block]:
    """Blocks of cells merged over several rows. A row's own cells share its centre, and so do
    cells merged over the same rows (a group's theme and objective); a group of blocks sharing a
    centre is merged cells when the other blocks inside its extent are parted by a band with two
    or more columns printing on both sides of it (the rows it covers). A row's tallest cell is
    never such: its short cells share its centre and nothing else is printed beside it."""
    out: list[Block] = []
    for group in _by_centre(span, tol):
        members = {id(b) for b in group}
        others = [o for o in span if id(o) not in members]
        extent = Block(WIDE, min(b.top for b in group), max(b.bottom for b in group))
        if _bridges(others, extent, join, _columns(group)):
            out.extend(group)
        elif len(group) > 1:
            out.extend(b for b in group if _reaches_both_ways(b, others, tol, span))
    return out


def _reaches_both_ways(b: Block, others: Sequence[Block], tol: float, span: Sequence[Block]) -> bool:
    """Does a block sharing its centre with a row's cells reach into the cells printed above and
    below that row in another column? A cell merged over an odd number of rows is centred on the
    middle one, so it shares that row's centre; but a row's own cells keep inside the whitespace
    that parts it from the rows around it, and a merged cell runs past it into theirs. (Reaching
    into blocks of two different columns is reaching into other merged cells, not rows.) The
    middle row prints its own cell of that column between the two, centred where b is; blocks
    of one cell's paragraphs (a sentence, then bullets) have none such between them."""
    up = [
        o
        for o in others
        if o.col not in (b.col, WIDE) and o.top < b.top < o.bottom - tol and o.bottom < b.bottom
    ]
    down = [
        o
        for o in others
        if o.col not in (b.col, WIDE) and o.top + tol < b.bottom < o.bottom and o.top > b.top
    ]
    return any(
        u.col == d.col
        and any(
            m.col == u.col and u.bottom <= m.top and m.bottom <= d.top and abs(m.centre - b.centre) <= tol
            for m in span
        )
        for u in up
        for d in down
    )


def _by_centre(span: Sequence[Block], tol: float) -> list[list[Block]]:
    groups: list[list[Block]] = []
    for b in sorted(span, key=lambda b: b.centre):
        if groups and b.centre - groups[-1][-1].centre <= tol:
            groups[-1].append(b)
        else:
            groups.append([b])
    return groups


def _bridges(others: Sequence[Block], extent: Block, join: float, own: set[int]) -> bool:
    """Do two or more columns of `others` print above and below one band inside `extent`?
    Columns with a block in the group itself (`own`) do not count: a row's short cells, taken
    out with their row, leave a hole in their own column."""
    for y in _other_bands(others, extent, join):
        both = {
            c
            for c in _columns(others) - own
            if any(o.col == c and o.bottom < y for o in others)
            and any(o.col == c and o.top > y for o in others)
        }
        if len(both) >= 2:
            return True
    return False


def _other_bands(others: Sequence[Block], b: Block, join: float) -> list[float]:
    """Middles of the whitespace bands across all the other blocks that b's extent reaches into
    (a one-line cell centred over rows of unequal heights may cover only part of their band)."""
    out = []
    bottom = None
    for o in sorted(others, key=lambda o: o.top):
        if bottom is not None and o.top - bottom > join and b.top < o.top and bottom < b.bottom:
            out.append((o.top + bottom) / 2)
        bottom = o.bottom if bottom is None else max(bottom, o.bottom)
    return out


def rows_of(blocks: Sequence[Block], join: float, tol: float) -> list[list[Block]]:
    """The rows: connected spans of the column blocks, split again without the merged cells,
    each full-width line a row of its own, a one-column span joined to the row above."""
    parts: list[list[Block]] = [[b] for b in blocks if b.col == WIDE]
    for span in _spans([b for b in blocks if b.col != WIDE], join):
        merged = _merged_cells(span, join, tol)
        if not merged:
            parts.append(span)
            continue
        split = _spans([b for b in span if b not in merged], join)
        split[0] = split[0] + merged
        parts.extend(split)
    rows: list[list[Block]] = []
    alone: list[int] = []  # lone spans under a section row (or first): rows of their own so far
    ordered = sorted(parts, key=lambda p: min(b.top for b in p))
    for k, part in enumerate(ordered):
        lone = len(_columns(part)) == 1 and WIDE not in _columns(part)
        if lone and k == len(ordered) - 1 and rows and _cut_row(rows[-1], part, tol):
            rows.append(part)  # the top of a row cut at the table's foot: its rest is further on
        elif lone and rows and WIDE not in _columns(rows[-1]):
            rows[-1] = rows[-1] + part
        else:
            alone += [len(rows)] if lone else []
            rows.append(part)
    for i in reversed(alone):
        # the first paragraph of the cell below when the cell's blocks, taken together, centre on
        # the short cells of the row below (a lone span another column's lone span joined is
        # a row of two columns, not one paragraph)
        if len(_columns(rows[i])) != 1:
            continue
        (col,) = _columns(rows[i])
        below = rows[i + 1] if i + 1 < len(rows) else []
        mine = [*rows[i], *(b for b in below if b.col == col)]
        if below and WIDE not in _columns(below) and _centred(mine, _anchors(below, col), tol):
            rows[i : i + 2] = [rows[i] + below]
    return rows


def _cut_row(above: Sequence[Block], part: Sequence[Block], tol: float) -> bool:
    """Is a lone span at the table's foot the top of a row cut there, not the last paragraph of
    the cell above? The cell above is centred on its row's short cells without it and would not
    be with it: a cell's paragraphs are centred in their row together. (A row cut by a page break
    prints only the lines of its tallest cell that fit; its short cells, centred lower, print
    with the rest overleaf.)"""
    if WIDE in _columns(above):
        return False
    (col,) = _columns(part)
    mine = [b for b in above if b.col == col]
    anchors = _anchors(above, col)
    return _centred(mine, anchors, tol) and not _centred([*mine, *part], anchors, tol)


def _centre_of(blocks: Sequence[Block]) -> float:
    return (min(b.top for b in blocks) + max(b.bottom for b in blocks)) / 2


def _anchors(row: Sequence[Block], col: int) -> list[float]:
    """Centres the row's other columns print a single block at (its short cells' centres)."""
    per: dict[int, list[Block]] = {}
    for b in row:
        if b.col not in (col, WIDE):
            per.setdefault(b.col, []).append(b)
    return [bs[0].centre for bs in per.values() if len(bs) == 1]


def _centred(blocks: Sequence[Block], anchors: Sequence[float], tol: float) -> bool:
    return bool(blocks) and any(abs(_centre_of(blocks) - c) <= tol for c in anchors)


def reseat_paragraphs(rows: list[list[Block]], tol: float) -> list[list[Block]]:
    """A cell's paragraphs moved to the row they are centred in.

    A cell of several paragraphs (a sentence, then bullets set with paragraph spacing) is
    several blocks; its first may join the row above when a cell merged over both rows bridges
    the gap. A row's cells are centred together: the column's blocks in each row, taken
    together, sit at a centre the row's short cells share. The last block of a column goes down
    (or the first goes up) when that puts both rows' cells of the column on a shared centre and
    they were not before."""
    rows = [list(r) for r in rows]
    for i in range(len(rows) - 1):
        a, b = rows[i], rows[i + 1]
        for col in sorted({x.col for x in a} & {x.col for x in b} - {WIDE}):
            mine = sorted((x for x in a if x.col == col), key=lambda x: x.top)
            theirs = sorted((x for x in b if x.col == col), key=lambda x: x.top)
            up, down = _anchors(a, col), _anchors(b, col)
            if _centred(mine, up, tol) and _centred(theirs, down, tol):
                continue
            if len(mine) >= 2 and _centred(mine[:-1], up, tol) and _centred([mine[-1], *theirs], down, tol):
                a.remove(mine[-1])
                b.append(mine[-1])
            elif (
                len(theirs) >= 2 and _centred([*mine, theirs[0]], up, tol) and _centred(theirs[1:], down, tol)
            ):
                b.remove(theirs[0])
                a.append(theirs[0])
    return rows


def centring_votes(rows: Sequence[Sequence[Block]], tol: float) -> tuple[int, int]:
    """(rows whose blocks share a centre but not a top, rows whose blocks share a top but not a centre)."""
    centred = topped = 0
    for row in rows:
        # a column's blocks in a row are its cell (a cell of several paragraphs is several blocks)
        per: dict[int, list[Block]] = {}
        for b in row:
            if b.col != WIDE:
                per.setdefault(b.col, []).append(b)
        cells = [Block(c, min(b.top for b in bs), max(b.bottom for b in bs)) for c, bs in per.items()]
        c_hits = t_hits = 0
        for i, a in enumerate(cells):
            for b in cells[i + 1 :]:
                if a.col == b.col:
                    continue
                same_top, same_centre = abs(a.top - b.top) <= tol, abs(a.centre - b.centre) <= tol
                c_hits += same_centre and not same_top
                t_hits += same_top and not same_centre
        centred += c_hits > t_hits
        topped += t_hits > c_hits
    return centred, topped


def centred_row_starts(
    cols: Sequence[Sequence[Word]],
    line_tolerance: float,
    wide: Sequence[PrintedLine] = (),
) -> list[float]:
    """Tops of the rows of a table whose cells are centred in their rows (the first row's top
    first); empty when the blocks do not show the cells centred. `cols`: each column's words,
    full-width lines left out; `wide`: the full-width lines (section rows)."""
    col_lines = column_lines(cols, line_tolerance)
    gap = inner_gap(col_lines)
    sizes = [ln.size for lines in col_lines for ln in lines]
    if gap is None or not sizes:
        return []
    size = median(sizes)
    tol = max(1.0, 0.15 * size)
    # one leading holds down a column's cells (the same font), so whitespace a little wider than
    # a cell's line gap parts two blocks: rows padded by 1.5pt each part by 3pt against 1.5pt
    join = gap + tol / 2
    blocks = column_blocks(col_lines, join) + [Block(WIDE, ln.top, ln.bottom) for ln in wide]
    rows = reseat_paragraphs(rows_of(blocks, join, tol), tol)
    centred, topped = centring_votes(rows, tol)
    if centred < MIN_CENTRED_ROWS or centred < CENTRED_MAJORITY * topped:
        return []
    return [min(b.top for b in row) for row in rows]
