"""Columns of a table without vertical rules: the whitespace gutters between its words.

A gutter is a vertical strip that (almost) no multi-column line prints into; its right end is where
the next column's text starts, which is where one column is told from the next. A line printed
across that point (a title, a legend, a merged full-width row) "crosses" the gutter.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .grid import GridCell
from .layout import PrintedLine, split_segments
from .page import Edge, Fill, Word


@dataclass(frozen=True)
class Gutter:
    x0: float
    x1: float

    @property
    def mid(self) -> float:
        """Where one column ends and the next begins: just before the next column's text starts."""
        return self.x1 - 1

    def crossed_by(self, w: Word) -> bool:
        """A word printed across the start of the next column (text in a column may run into the gutter)."""
        return w.x0 < self.x1 - 1 and w.x1 > self.x1 + 1


@dataclass(frozen=True)
class Region:
    """Lines read as one table: `wide` holds the indexes of its full-width (merged) rows."""

    lines: tuple[PrintedLine, ...]
    wide: frozenset[int]  # indexes into `lines` of full-width (gutter-crossing) lines


# Two lines side by side overlap by at least this share of the shorter one's height (a line set half
# a line pitch off its neighbour's baseline overlaps it by some 0.4).
SIDE_BY_SIDE_OVERLAP = 0.3


def side_by_side(lines: Sequence[PrintedLine]) -> list[PrintedLine]:
    """Each line with the words of the lines printed beside it on other baselines, for voting
    on gutters: one line per line given, in the same order.

    Cells centred in their rows (or set on a baseline of their own) print their lines between
    the neighbouring columns' baselines, so a short cell may share no printed line with the
    columns beside it and no line shows the gutter that parts it from them. A line overlapping
    another by half its height, with no word of one above a word of the other, is printed
    beside it in another column: together they show the whitespace between the two columns.
    Lines of one column never pair so (one stands above the other's words).
    """
    order = sorted(range(len(lines)), key=lambda i: lines[i].top)
    out = list(lines)
    for k, i in enumerate(order):
        ln = lines[i]
        height = ln.bottom - ln.top
        words = list(ln.words)
        for j in (*reversed(order[max(0, k - 6) : k]), *order[k + 1 : k + 7]):
            other = lines[j]
            overlap = min(ln.bottom, other.bottom) - max(ln.top, other.top)
            if overlap < SIDE_BY_SIDE_OVERLAP * min(height, other.bottom - other.top):
                continue
            if any(w.x0 < v.x1 and v.x0 < w.x1 for w in words for v in other.words):
                continue
            words.extend(other.words)
        if len(words) > len(ln.words):
            out[i] = PrintedLine(tuple(sorted(words, key=lambda w: w.x0)))
    return out


def gutter_voters(lines: Sequence[PrintedLine]) -> list[PrintedLine]:
    """The lines with the lines printed beside them (`side_by_side`), each set of words once: two
    lines side by side make one voter, not two (a line printed across a gutter counts once)."""
    seen: set[frozenset[int]] = set()
    out = []
    for v in side_by_side(lines):
        key = frozenset(id(w) for w in v.words)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def added_gutters(found: Sequence[Gutter], beside: Sequence[Gutter], gap_min: float) -> list[Gutter]:
    """The gutters the printed lines show (`found`), plus those that only the lines taken with
    the lines beside them show (`beside`, `gutter_voters`): pairing brings a centred cell's
    column into the vote, but it is no evidence against a gutter the lines themselves show
    (lines of two text columns, or of a table and the prose beside it, paired on baselines a
    little apart print across the table's gutters). A paired gutter within `gap_min` of a found
    one is the same column edge."""
    extra = [g for g in beside if not any(g.x0 < f.x1 + gap_min and f.x0 - gap_min < g.x1 for f in found)]
    return sorted([*found, *extra], key=lambda g: g.x1)


def find_gutters(lines: Sequence[PrintedLine], gap_min: float, noise_share: float) -> list[Gutter]:
    """Vertical strips that (almost) no multi-column line prints into, between the lines' text.

    A strip may be crossed by a few lines (a title or legend printed across the table's columns).
    Leaving those out, the gutter is the part of the strip the fewest lines reach, so a column
    whose text only sometimes reaches its right edge does not widen its gutter into the column,
    and a centred column's header does not narrow it to nothing.
    """
    raw = _word_spans(lines)
    over = printed_over(lines)
    spans = {id(ln): printed_spans(ln, gap_min, over) for ln in lines}
    found = _clear_strips(lines, gap_min, noise_share, spans, evenly=True)
    # aligned starts refine the columns clear strips show; alone they make no table. Whether the
    # page shows a clear strip at all is read from its words as printed: a justified table whose
    # only clear strips were stretched spaces still has its columns where many lines start a word
    found = _without_flush_word_columns(lines, found)
    if not found and not _clear_strips(lines, gap_min, noise_share, raw, evenly=False):
        return []
    found = sorted(found + _aligned_starts(lines, found, noise_share), key=lambda g: g.x1)
    return _without_row_crossed(lines, found)


def _without_row_crossed(lines: Sequence[PrintedLine], gutters: Sequence[Gutter]) -> list[Gutter]:
    """The gutters less those more table rows print across than part at.

    A column holding a value printed once per group has few lines, and a stretched space in one
    wrapped (justified) cell can leave a clear strip inside it. Table rows that keep to all the
    other gutters but print a word across that strip show it is inside a column; a title crosses
    the other gutters too, so it is no such evidence.
    """
    out = []
    for k, g in enumerate(gutters):
        lo = gutters[k - 1].x1 if k else -math.inf
        hi = gutters[k + 1].x1 - 1 if k + 1 < len(gutters) else math.inf
        others = [o for j, o in enumerate(gutters) if j != k]
        crossing = parting = 0
        for ln in lines:
            if any(o.crossed_by(w) for o in others for w in ln.words):
                continue
            if any(g.crossed_by(w) for w in ln.words):
                parted = {bisect_right([o.mid for o in others], w.xc) for w in ln.words}
                crossing += len(parted) > 1
            elif any(lo <= w.x0 and w.x1 <= g.mid + 1 for w in ln.words) and any(
                g.mid <= w.x0 and w.x1 <= hi + 1 for w in ln.words
            ):
                parting += 1
        if crossing >= 2 and crossing > parting:
            continue
        out.append(g)
    return out


def _without_flush_word_columns(lines: Sequence[PrintedLine], gutters: Sequence[Gutter]) -> list[Gutter]:
    """The gutters less those at whose right edge the lines start, mostly, one lower-case word,
    all ending at one x: two-word justified lines ("Head   of", "Director   of") end flush on
    the same short word, which a fixed-pitch font sets at one x; a column's cells open on words
    of their own."""
    out = []
    for g in gutters:
        starts = [w for ln in lines for w in ln.words if abs(w.x0 - g.x1) <= 1]
        texts = [w.text for w in starts]
        common = max(set(texts), key=texts.count) if texts else ""
        if (
            len(starts) >= 2
            and common.isalpha()
            and common.islower()
            and 3 * texts.count(common) >= 2 * len(texts)
            and max(w.x1 for w in starts) - min(w.x1 for w in starts) <= 1
        ):
            continue
        out.append(g)
    return out


def _clear_strips(
    lines: Sequence[PrintedLine], gap_min: float, noise_share: float, spans: Spans, evenly: bool
) -> list[Gutter]:
    """The strips (almost) no line prints into, each narrowed to the part the fewest lines reach,
    that lines print on both sides of (`evenly`: see `_support`)."""
    lo = math.floor(min(ln.x0 for ln in lines))
    cover = _coverage(lines, lo, spans)
    limit = noise_share * len(lines)
    gutters = []
    for a, b in _runs(cover, lambda c: c <= limit):
        sparse = a == 0 or b == len(cover)
        if sparse:
            a, b = _sparse_edge_column(cover, a, b, SPARSE_GAP_SHARE * gap_min)
        if a == 0 or b == len(cover) or b - a < 3:
            continue
        if not sparse and b - a < 0.75 * gap_min and not _narrow_but_shared(lines, lo + a, lo + b):
            continue
        x0, x1 = lo + a, lo + b
        inside = [ln for ln in lines if _overlap(spans[id(ln)], x0, x1) < 0.6 * (x1 - x0)]
        sub = _coverage(inside, lo, spans)[a:b] if inside else [0] * (b - a)
        least = min(sub)
        run = max(_runs(sub, lambda c, m=least: c == m), key=lambda r: r[1] - r[0])
        if run[1] - run[0] >= 2:
            gutters.append(Gutter(x0 + run[0], x0 + run[1]))
    out = []
    for g in gutters:
        support = _support(lines, g, spans, evenly)
        # a strip more lines pause across with a justified line's even spacing than part at it is
        # stretched spaces that line up (narrow cells ending flush on short words), no gutter
        if support >= 2 and not (evenly and sum(_evenly_spaced_across(ln, g) for ln in lines) > support):
            out.append(g)
    return out


# The clear strip beside a sparse edge column may be this share of the usual gutter width: the
# few lines it has vote alone, and one long value narrows the strip.
SPARSE_GAP_SHARE = 0.6


def _sparse_edge_column(cover: Sequence[int], a: int, b: int, width: float) -> tuple[int, int]:
    """The clear strip beside a sparse first (or last) column, inside a run reaching the edge.

    A column printed in only a few rows (a theme given once for its group of rows) covers too few
    lines to stand out from the margin: the run of little coverage starts at the table's left
    edge. Its gutter is the part of the run no line prints into, next to the next column; it
    stays a gutter only if lines print on both sides of it (checked by the caller's support test).
    """
    if a == 0 and b < len(cover):
        z = b
        while z > a and cover[z - 1] == 0:
            z -= 1
        if z > a and b - z >= width:
            return z, b
    if b == len(cover) and a > 0:
        z = a
        while z < b and cover[z] == 0:
            z += 1
        if z < b and z - a >= width:
            return a, z
    return a, b


# A column start shared by this many lines (and this share of the lines printing from it on)
# parts columns with no clear strip.
ALIGNED_MIN_LINES = 4
ALIGNED_SHARE = 0.25
ALIGN_TOLERANCE = 0.75
# ...after words of which at least this share differ (a repeated value starts its words at one x).
ALIGNED_DISTINCT = 0.6


def _aligned_starts(
    lines: Sequence[PrintedLine], gutters: Sequence[Gutter], noise_share: float, among: bool = False
) -> list[Gutter]:
    """Column starts too tight for a whitespace strip: an x at which many lines start a word,
    after different words, and which (almost) no line prints across.

    Justified text runs to its cell's padding, so the next column's text can start a point or two
    after it: no strip is clear, but that column's left edge is where a good share of the lines
    start a word, and no word is printed across it. Inside a column a word start is printed
    across by the column's other lines; a value repeated down a column ("Head of Technical
    Services") starts its words at one x on many lines, but always after the same word.

    `among`: the lines are all the page's (`aligned_columns`), not only those in pieces, so a
    start is read against the lines printed between the first and last line starting there.
    """
    if len(lines) < ALIGNED_MIN_LINES:
        return []
    after: dict[int, list[tuple[float, str, float, PrintedLine, Word]]] = {}
    for ln in lines:
        for prev, w in zip(ln.words, ln.words[1:], strict=False):
            if w.x0 - prev.x1 > 0.5:
                after.setdefault(round(w.x0), []).append((w.x0, prev.text, prev.x1, ln, w))
    limit = noise_share * len(lines)  # a title or legend printed across the columns
    out: list[Gutter] = []
    for key in sorted(after):
        near = [a for k in (key - 1, key, key + 1) for a in after.get(k, [])]
        x = sorted(a[0] for a in near)[len(near) // 2]
        starts = [a for a in near if abs(a[0] - x) <= ALIGN_TOLERANCE]
        span = lines
        if among:
            top = min(a[3].top for a in starts)
            bottom = max(a[3].bottom for a in starts)
            span = [ln for ln in lines if top <= (ln.top + ln.bottom) / 2 <= bottom]
        reaching = sum(1 for ln in span if ln.x1 > x + 1)  # lines printing in the column(s) from x on
        need = max(ALIGNED_MIN_LINES, ALIGNED_SHARE * reaching)
        if len(starts) < need:
            continue
        # a value repeated down a column starts its words at one x after the same word; so do
        # the cells of a group's value repeated row by row, but those part from the next column
        # by their padding, narrower than any word space of their lines
        distinct = {(a[1], a[4].text) for a in starts} if among else {a[1] for a in starts}
        pauses = [_pause_against_spaces(a[3], a[4]) for a in starts] if among else []
        if len(distinct) < ALIGNED_DISTINCT * len(starts) and not (
            among and 2 * pauses.count(-1) >= len(starts)
        ):
            continue
        # over all the lines, the words of one column meet at one x by chance (a fixed-pitch
        # font sets them on one grid), each after one of its line's word spaces, or end flush
        # at its right edge on words of one length ("of", "by", "on")
        ends = [a[4].x1 for a in starts]
        if among and (2 * pauses.count(0) >= len(starts) or max(ends) - min(ends) <= 2 * ALIGN_TOLERANCE):
            continue
        # the words starting there differ too: one word repeated at one x ("40 years", "41 years";
        # justified lines of a fixed-pitch font ending flush on the same short word) is no column,
        # but values of one width (numbers) or repeated values of different widths may be
        widths = [a[4].x1 - a[4].x0 for a in starts]
        if (
            len({a[4].text for a in starts}) < ALIGNED_DISTINCT * len(starts)
            and max(widths) - min(widths) <= 2 * ALIGN_TOLERANCE
        ):
            continue
        # the x must part text of one column: a column already parted from the one before it
        # (whose numbers, say, all start at one x after its centred header) is not split again
        column_x0 = max((g.x1 - 1 for g in [*gutters, *out] if g.x1 <= x), default=-math.inf)
        if sum(1 for ln in lines if any(column_x0 < w.x1 <= x - 0.5 for w in ln.words)) < 2:
            continue
        # ...on most of the lines that start a word there (numbers right-aligned under a wide
        # header all start at one x, after the column before), and that text is not one word of
        # one width on most lines ("40 years", "41 years": a value and its unit)
        before = [[w for w in ln.words if column_x0 < w.x0 and w.x1 <= x - 0.5] for _, _, _, ln, _ in starts]
        filled = [ws for ws in before if ws]
        if 2 * len(filled) < len(starts):
            continue
        singles = [ws[0].x1 for ws in filled if len(ws) == 1]
        if 2 * len(singles) > len(filled) and max(singles) - min(singles) <= ALIGN_TOLERANCE * 2:
            continue
        if _word_spaced(starts, before):
            continue
        if any(g.x0 - 2 <= x <= g.x1 + 2 for g in [*gutters, *out]):
            continue
        crossing = sum(1 for ln in span if any(w.x0 < x - 1 and w.x1 > x + 1 for w in ln.words))
        if crossing > (max(1.0, noise_share * len(starts)) if among else min(1.0, limit)):
            continue
        left = max(a[2] for a in starts)
        out.append(Gutter(min(left, x - 1), x + 0.5))
    return out


def with_aligned_columns(
    gutters: Sequence[Gutter], lines: Sequence[PrintedLine], gap_min: float, noise_share: float
) -> list[Gutter]:
    """The gutters with the column starts that alignment alone shows (`aligned_columns`, when it
    shows two or more, one of them on several lines closer to the text before it than `gap_min`:
    `_tight_start`). A start no gutter is at is added; then a gutter of the others that lines
    print across more than they part at is a stretched space inside a column
    (`_without_row_crossed`), and one whose column up to the next column start holds one word
    at most (a wrapped value printed into a wide gutter, a stretched space of a one-line cell:
    "Theme   2   –") parts no column."""
    aligned = aligned_columns(lines, noise_share)
    # they are the evidence where whitespace shows nothing: one of them, at least, is tighter than
    # a gutter on several lines (a small table under running text is its clear strips' business)
    if len(aligned) < ALIGNED_MIN_GUTTERS or not any(_tight_start(lines, a, gap_min) for a in aligned):
        return list(gutters)
    near = [g for g in gutters if any(a.x0 - 2 <= g.x1 <= a.x1 + 2 for a in aligned)]
    new = [a for a in aligned if not any(a.x0 - 2 <= g.x1 <= a.x1 + 2 for g in near)]
    shown = sorted([*near, *new], key=lambda g: g.x1)
    others = [g for g in gutters if g not in near]
    if not others:
        return shown
    kept = set(_without_row_crossed(lines, sorted([*shown, *others], key=lambda g: g.x1)))
    out = sorted([*shown, *[g for g in others if g in kept]], key=lambda g: g.x1)
    for g in [g for g in others if g in kept]:
        nxt = min((o.mid for o in out if o.x1 > g.x1), default=math.inf)
        if sum(1 for ln in lines for w in ln.words if g.mid <= w.xc < nxt) <= 1:
            out.remove(g)
    return out


def _tight_start(lines: Sequence[PrintedLine], start: Gutter, gap_min: float) -> bool:
    """Do as many lines as an aligned start needs pause before the column start for less than
    `gap_min` (a column edge no clear strip could show: the cell before runs to its padding)?"""
    x = start.x1 - 0.5
    tight = sum(
        1
        for ln in lines
        for prev, w in zip(ln.words, ln.words[1:], strict=False)
        if abs(w.x0 - x) <= ALIGN_TOLERANCE and 0.5 < w.x0 - prev.x1 < gap_min
    )
    return tight >= ALIGNED_MIN_LINES


# Column starts shown by alignment alone are taken when they part this many columns or more.
ALIGNED_MIN_GUTTERS = 2


def aligned_columns(lines: Sequence[PrintedLine], noise_share: float) -> list[Gutter]:
    """Column starts shown by alignment alone, over all the lines (not only those in pieces).

    Justified cells run up to their padding, so the next column's text may start a point or two
    after the last: less than a word space, no strip is clear and no line pauses for a column gap,
    though many lines start a word at the column's left edge after text of the column before.
    Read over every line, an x at which many lines start a word, and across which (almost) none
    of the lines printed between the first and last of them prints, is a column start: titles
    and intro text above or below the table do not count against it."""
    voters = [ln for ln in lines if len(ln.words) >= 2]
    return _aligned_starts(voters, [], noise_share, among=True)


def _pause_against_spaces(line: PrintedLine, word: Word) -> int:
    """The gap before the word (of the line) against the line's other gaps between words (its word
    spaces, the median of them: a line may part at other columns as tightly): -1 narrower, 0 as
    wide, 1 wider (or no other gap to compare with)."""
    gaps = [b.x0 - a.x1 for a, b in zip(line.words, line.words[1:], strict=False)]
    k = next(i for i, w in enumerate(line.words[1:]) if w is word)
    others = sorted(g for i, g in enumerate(gaps) if i != k and g > 0.5)
    if not others:
        return 1
    space = others[len(others) // 2]
    if abs(gaps[k] - space) <= WORD_SPACE_TOLERANCE:
        return 0
    return -1 if gaps[k] < space else 1


# A column rule parts columns when this many lines (and this share of them) print on both sides
# of it, and (almost) none across its place (a rule drawn in a header or a figure is no column)...
RULE_MIN_LINES = 2
RULE_SHARE = 0.5
# ...a border drawn as a filled box is at most this wide (points).
RULE_FILL_WIDTH = 2.0


def rule_gutters(
    lines: Sequence[PrintedLine],
    edges: Sequence[Edge],
    fills: Sequence[Fill],
    gutters: Sequence[Gutter],
    noise_share: float,
) -> list[Gutter]:
    """The gutters, and one at each column rule the lines show no strip at.

    A vertical rule drawn down a table's lines with text printed on both sides of it, and across
    it on (almost) none, parts two columns however tight the text runs to it: a justified cell
    with little padding ends a point from the rule, the next cell's text starts a point after it,
    and only the stretched spaces of the text show wide gaps.
    """
    if not lines:
        return list(gutters)
    xs = [e.x0 for e in edges if e.orientation == "v" and e.stroked]
    xs += [
        (f.x0 + f.x1) / 2 for f in fills if f.x1 - f.x0 <= RULE_FILL_WIDTH and f.bottom - f.top > f.x1 - f.x0
    ]
    x_lo, x_hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    out = list(gutters)
    limit = max(1.0, noise_share * len(lines))
    for x in sorted({round(x, 1) for x in xs if x_lo < x < x_hi}):
        if any(g.x0 - 2 <= x <= g.x1 + 2 for g in out):
            continue
        runs = [e for e in edges if e.orientation == "v" and e.stroked and abs(e.x0 - x) <= 1] + [
            f for f in fills if f.x1 - f.x0 <= RULE_FILL_WIDTH and abs((f.x0 + f.x1) / 2 - x) <= 1
        ]
        beside = [ln for ln in lines if any(r.top <= (ln.top + ln.bottom) / 2 <= r.bottom for r in runs)]
        both = sum(
            1
            for ln in beside
            if any(w.x1 <= x + 0.5 for w in ln.words) and any(w.x0 >= x - 0.5 for w in ln.words)
        )
        rule = Gutter(x - 1.5, x + 0.5)
        across = sum(1 for ln in lines if any(rule.crossed_by(w) for w in ln.words))
        if both >= max(RULE_MIN_LINES, RULE_SHARE * len(lines)) and across <= limit:
            out.append(rule)
    for x in _shading_sides(fills, lines, x_lo, x_hi):
        if any(g.x0 - 2 <= x <= g.x1 + 2 for g in out):
            continue
        rule = Gutter(x - 1.5, x + 0.5)
        if sum(1 for ln in lines if any(rule.crossed_by(w) for w in ln.words)) <= limit:
            out.append(rule)
    return sorted(out, key=lambda g: g.x1)


# Where this many cell shadings begin or end, some of them ending there and some beginning, one of
# them among the lines, the drawing shows a cell boundary.
SHADING_SIDE_MIN = 3


def _shading_sides(
    fills: Sequence[Fill], lines: Sequence[PrintedLine], x_lo: float, x_hi: float
) -> list[float]:
    """The x positions inside the lines' extent where cell shadings (fills wider than a border)
    end and others begin: a zebra band or header bar drawn cell by cell shows its column lines
    though the text runs too close to them for a gutter, and centred cells printed on baselines
    of their own leave no line with text on both sides of them. A white cell merged over a shaded
    row leaves the shading beside it beginning at the column line with none ending there, so the
    shadings of different bands count together. A side that shadings only end at (or only begin
    at) is the outer side of a panel behind a table, and parts nothing."""
    shades = [f for f in fills if f.x1 - f.x0 > RULE_FILL_WIDTH]
    y_lo, y_hi = min(ln.top for ln in lines), max(ln.bottom for ln in lines)
    ends: dict[int, list[tuple[float, bool, bool]]] = {}
    for f in shades:
        among = y_lo <= (f.top + f.bottom) / 2 <= y_hi
        for x, left in ((f.x0, False), (f.x1, True)):
            if x_lo < x < x_hi:
                ends.setdefault(round(x), []).append((x, left, among))
    out = []
    for _, es in sorted(ends.items()):
        if (
            len(es) >= SHADING_SIDE_MIN
            and any(a for *_, a in es)
            and {lf for _, lf, _ in es} == {True, False}
        ):
            out.append(sum(x for x, *_ in es) / len(es))
    return out


# A pause within this many points of the line's own word spaces is one of them.
WORD_SPACE_TOLERANCE = 0.3


def _word_spaced(starts: Sequence[tuple], before: Sequence[Sequence[Word]]) -> bool:
    """Does every line starting a word at the x pause there exactly as it pauses between its
    other words before it? Then the x is a word boundary that lines of one column share (in a
    fixed-pitch font, values whose first words have one length), not a column start: the next
    column starts after its cell's padding, which no line's word spacing matches on every line."""
    matched = 0
    for (_, _, prev_x1, _, w), ws in zip(starts, before, strict=False):
        spaces = [b.x0 - a.x1 for a, b in zip(ws, ws[1:], strict=False) if b.x0 - a.x1 > 0.5]
        if not spaces:
            continue
        if all(abs((w.x0 - prev_x1) - s) > WORD_SPACE_TOLERANCE for s in spaces):
            return False
        matched += 1
    return matched >= 2 and 2 * matched >= len(starts)


NARROW_MIN_LINES = 8
NARROW_SUPPORT = 0.6


def _narrow_but_shared(lines: Sequence[PrintedLine], x0: float, x1: float) -> bool:
    """A clear strip narrower than a gutter still parts two columns when no word prints into it and
    most of many lines print on both sides of it (tight numeric columns whose widest values nearly
    touch; justified cells run to their padding). A space stretched to the gutter's width may
    happen to equal the space after it on one line: the words as printed decide."""
    if len(lines) < NARROW_MIN_LINES:
        return False
    if any(w.x0 < x1 and w.x1 > x0 for ln in lines for w in ln.words):
        return False
    return _support(lines, Gutter(x0, x1), _word_spans(lines)) >= NARROW_SUPPORT * len(lines)


Span = tuple[float, float]
Spans = dict[int, tuple[Span, ...]]  # id(line) -> its printed spans

# Two neighbouring gaps of one line this close (points) are one stretched space set twice...
JUSTIFY_TOLERANCE = 0.3
# ...when at least this share of the column gap wide (a justified line's stretched spaces)...
JUSTIFY_MIN_GAP = 0.5
# ...over a run of two or more gaps between words of which this share differ.
JUSTIFY_DISTINCT = 0.75


Over = Callable[[float, float], bool]


def printed_over(lines: Sequence[PrintedLine]) -> Over:
    """Whether any of the lines prints a word over the middle of a gap (x0, x1)."""
    lo = math.floor(min(ln.x0 for ln in lines))
    cover = _coverage(lines, lo, _word_spans(lines))

    def over(x0: float, x1: float) -> bool:
        mid = math.floor((x0 + x1) / 2) - lo
        return 0 <= mid < len(cover) and cover[mid] > 0

    return over


def printed_spans(line: PrintedLine, gap_min: float, over: Over) -> tuple[Span, ...]:
    """The line's printed extents: its words, with the stretched spaces of justified text counted
    as printed.

    Justification widens every space of a line by the same amount, so a wide gap between words
    may look like a column gutter on that line; across lines the wide gaps move, but a short
    table has few lines to show it. Gutters do not repeat, to a fraction of a point, over a run of
    words of different widths, nor do other lines print over them: a run of equal wide gaps
    parting different words, most of them of running text, each gap printed over by another of
    the `lines` `over` was made from (the words as printed), is the spacing of one justified
    line, and its words print as one. Figures and symbols are left out (numbers in equal columns
    space evenly); headers centred over equal columns ("Never  Sometimes  Often") space evenly
    too, but over gutters the lines below leave clear.
    """
    words = line.words
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:], strict=False)]
    spaced = [False] * len(gaps)
    i = 0
    while i < len(gaps):
        j = i + 1
        while j < len(gaps) and abs(gaps[j] - gaps[i]) <= JUSTIFY_TOLERANCE:
            j += 1
        if (
            j - i >= 2
            and min(gaps[i:j]) >= JUSTIFY_MIN_GAP * gap_min
            and _running_text(words[i : j + 1])
            and all(over(words[k].x1, words[k + 1].x0) for k in range(i, j))
        ):
            spaced[i:j] = [True] * (j - i)
        i = j
    out = [(words[0].x0, words[0].x1)]
    for k, w in enumerate(words[1:]):
        if spaced[k]:
            out[-1] = (out[-1][0], max(out[-1][1], w.x1))
        else:
            out.append((w.x0, w.x1))
    return tuple(out)


def in_pieces(line: PrintedLine, gap_min: float, over: Over) -> bool:
    """Does the line pause, between its printed spans, for a column gap or more? A justified
    line whose only wide gaps are stretched spaces (`printed_spans`) is one piece of running
    text, as a paragraph set ragged is."""
    spans = printed_spans(line, gap_min, over)
    return any(b[0] - a[1] >= gap_min for a, b in zip(spans, spans[1:], strict=False))


def _running_text(words: Sequence[Word]) -> bool:
    """Words of different widths, (nearly) all different, most of them of letters."""
    widths = [w.x1 - w.x0 for w in words]
    texts = [w.text for w in words]
    return (
        max(widths) - min(widths) > 2 * JUSTIFY_TOLERANCE
        and len(set(texts)) >= JUSTIFY_DISTINCT * len(texts)
        and 2 * sum(_is_prose(t) for t in texts) > len(texts)
    )


def _word_spans(lines: Sequence[PrintedLine]) -> Spans:
    return {id(ln): tuple((w.x0, w.x1) for w in ln.words) for ln in lines}


def _is_prose(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 2


def _overlap(spans: Sequence[Span], x0: float, x1: float) -> float:
    return sum(max(0.0, min(b, x1) - max(a, x0)) for a, b in spans)


def _coverage(lines: Sequence[PrintedLine], lo: int, spans: Spans) -> list[int]:
    """For each 1pt column from `lo`, how many lines print over it (a justified line's stretched
    spaces count as printed)."""
    n = math.ceil(max(ln.x1 for ln in lines)) - lo + 1
    cover = [0] * n
    for ln in lines:
        mark = bytearray(n)
        for x0, x1 in spans[id(ln)]:
            a, b = max(0, math.floor(x0) - lo), min(n, math.ceil(x1) - lo)
            mark[a:b] = b"\x01" * max(0, b - a)
        cover = [c + m for c, m in zip(cover, mark, strict=False)]
    return cover


def _runs(values: Sequence[int], keep) -> list[tuple[int, int]]:  # noqa: ANN001 - predicate
    runs, start = [], None
    for i, v in enumerate(values):
        if keep(v) and start is None:
            start = i
        elif not keep(v) and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(values)))
    return runs


def _support(lines: Sequence[PrintedLine], g: Gutter, spans: Spans, evenly: bool = False) -> int:
    """How many lines have text on both sides of the gutter (not one justified line across it).
    `evenly`: leave out lines whose gap across it is as wide as the gap before or after it,
    between words of other widths, one of them at least a word of letters (figures in columns of
    one width space evenly): the last space of a justified line ending on a short word ("By  end
    of", "Dec  2024  –") parts no columns, however many such lines end flush there."""
    n = 0
    for ln in lines:
        sp = spans[id(ln)]
        if not (any(b <= g.x0 + 0.5 for _, b in sp) and any(a >= g.x1 - 0.5 for a, _ in sp)):
            continue
        if evenly and _evenly_spaced_across(ln, g):
            continue
        n += 1
    return n


def _evenly_spaced_across(line: PrintedLine, g: Gutter) -> bool:
    words = line.words
    for k in range(len(words) - 1):
        if words[k].x1 <= g.x0 + 0.5 and words[k + 1].x0 >= g.x1 - 0.5:
            gap = words[k + 1].x0 - words[k].x1
            for j in (k - 1, k + 1):
                if 0 <= j < len(words) - 1:
                    trio = words[min(j, k) : max(j, k) + 2]
                    widths = [w.x1 - w.x0 for w in trio]
                    other = words[j + 1].x0 - words[j].x1
                    if (
                        abs(other - gap) <= JUSTIFY_TOLERANCE
                        and max(widths) - min(widths) > 2 * JUSTIFY_TOLERANCE
                        and any(_is_prose(w.text) for w in trio)
                    ):
                        return True
            return False
    return False


def crosses(line: PrintedLine, gutters: Sequence[Gutter]) -> bool:
    return any(g.crossed_by(w) for g in gutters for w in line.words)


def region_of(lines: Sequence[PrintedLine], gutters: Sequence[Gutter]) -> Region:
    return Region(tuple(lines), frozenset(i for i, ln in enumerate(lines) if crosses(ln, gutters)))


def column_edges(region: Region, gutters: Sequence[Gutter]) -> list[float]:
    words = [w for ln in region.lines for w in ln.words]
    x_lo = min(w.x0 for w in words) - 1
    x_hi = max(w.x1 for w in words) + 1
    inner = [g.mid for g in gutters if x_lo < g.mid < x_hi]
    return [x_lo, *inner, x_hi]


def column_words(region: Region, edges: Sequence[float]) -> list[list[Word]]:
    cols: list[list[Word]] = [[] for _ in range(len(edges) - 1)]
    for i, ln in enumerate(region.lines):
        if i in region.wide:
            continue
        for w in ln.words:
            c = min(max(bisect_right(edges, w.xc) - 1, 0), len(cols) - 1)
            cols[c].append(w)
    return cols


def content_right(
    cols: Sequence[Sequence[Word]], frame: tuple[float, float] | None = None
) -> tuple[float | None, ...]:
    """Right edge of each column's text area, for spotting words broken at the column edge.

    Inside the table it is the next column's text start minus the tightest gutter (twice the cell
    padding). For the last column it is the rules' right end minus the padding when the table has
    rules (`frame` = their x-extent), else the furthest any line reaches, if several lines reach it.
    """
    lefts = [min((w.x0 for w in c), default=None) for c in cols]
    rights = [max((w.x1 for w in c), default=None) for c in cols]
    gaps = [
        lefts[i + 1] - rights[i]
        for i in range(len(cols) - 1)
        if lefts[i + 1] is not None and rights[i] is not None
    ]
    tight = min(gaps) if gaps else None
    out: list[float | None] = []
    for i, c in enumerate(cols):
        if i + 1 < len(cols) and lefts[i + 1] is not None and tight is not None:
            out.append(lefts[i + 1] - tight)
        elif frame is not None and lefts[0] is not None:
            out.append(frame[1] - (lefts[0] - frame[0]))
        elif rights[i] is not None and _reached(c, rights[i]) >= 3:
            out.append(rights[i])
        else:
            out.append(None)
    return tuple(out)


def _reached(words: Sequence[Word], edge: float) -> int:
    return sum(1 for w in words if edge - w.x1 <= (w.x1 - w.x0) / max(len(w.text), 1))


def band_cells(
    lines: Sequence[PrintedLine], edges: Sequence[float], gap_min: float, row: int, top: float, bottom: float
) -> list[GridCell]:
    """Cells of a row printed across the columns: one full-width cell (a section title, a merged
    row), or, when its one line pauses into pieces (a spanning header: "Men      Women" over
    three columns each), one cell per piece over the columns it covers, and an empty cell for
    each column no piece reaches. A centred piece spans the columns it is centred over."""
    n = len(edges) - 1
    full = [GridCell(row, row + 1, 0, n, edges[0], top, edges[-1], bottom)]
    if len(lines) != 1:
        return full
    pieces = split_segments(lines[0], gap_min)
    if len(pieces) < 2:
        return full

    def col(x: float) -> int:
        return min(max(bisect_right(edges, x) - 1, 0), n - 1)

    centres = [(edges[c] + edges[c + 1]) / 2 for c in range(n)]
    spans = []
    for k, piece in enumerate(pieces):
        x0, x1 = piece[0].x0, piece[-1].x1
        left = (pieces[k - 1][-1].x1 + x0) / 2 if k else edges[0]
        right = (x1 + pieces[k + 1][0].x0) / 2 if k + 1 < len(pieces) else edges[-1]
        mid = (x0 + x1) / 2
        c0, c1 = col(x0 + 1), col(x1 - 1)
        # a centred header spans the columns it is centred over; one starting where its column's
        # text starts is set left, over the columns its own text reaches
        reach = min(mid - left, right - mid) if x0 - edges[c0] > 3 else 0.0
        over = [c for c in range(n) if abs(centres[c] - mid) <= reach]
        spans.append((min([c0, *over]), max([c1, *over])))
    if any(b[0] <= a[1] for a, b in zip(spans, spans[1:], strict=False)):
        return full
    cells, at = [], 0
    for c0, c1 in spans:
        cells += [
            GridCell(row, row + 1, c, c + 1, edges[c], top, edges[c + 1], bottom) for c in range(at, c0)
        ]
        cells.append(GridCell(row, row + 1, c0, c1 + 1, edges[c0], top, edges[c1 + 1], bottom))
        at = c1 + 1
    cells += [GridCell(row, row + 1, c, c + 1, edges[c], top, edges[c + 1], bottom) for c in range(at, n)]
    return cells
