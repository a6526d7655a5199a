"""Page pieces -> logical tables.

A piece continues the table before it when nothing but page furniture separates them: it is on
the next page, first there, with the same columns. Its repeat of the table's header row is
dropped; its first row is merged into the row above when it is the rest of that row (no new ref,
an empty leading cell, or a sentence that carries on in lower case); merged cells left open at
the page break carry their value on. A full-width row cut off at the foot of a page (a section
title) opens the table that follows it; one that opens nothing is just text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import RawRow
from .grid import PageRow, PageTable
from .grid_evidence import GridEvidence, combine
from .layout import REF_PATTERN, is_bullet
from .paragraphs import Paragraph
from .table_score import table_score

_SENTENCE_END = (".", "!", "?", ":", ";")
EDGE_TOLERANCE = 12.0
STACK_GAP = 8.0


@dataclass
class _Row:
    cells: list[str]
    page: int
    spanned: list[bool]
    full_width: bool = False


@dataclass(frozen=True)
class JoinedTable:
    rows: tuple[RawRow, ...]
    extractor: str
    score: float
    page: int
    top: float
    evidence: GridEvidence | None = None  # the pieces' evidence, summed


@dataclass
class _Table:
    rows: list[_Row]
    extractors: list[str]
    scores: list[float]
    evidences: list[GridEvidence]
    page: int
    top: float
    last_page: int
    n_cols: int
    col_edges: tuple[float, ...]
    bottom: float = 0.0
    header: int | None = field(default=None)
    tail: PageRow | None = field(default=None)  # the last page row read, for its geometry flags
    # per column, over the settled rows (all but the last, the only one a join still edits):
    # how many data cells have text and how many of those read as a ref; keeps joins linear
    counted: int = 0
    texts: list[int] = field(default_factory=list)
    hits: list[int] = field(default_factory=list)
    body: int = 0  # how many of the settled rows are data rows (not the header, not full-width)


def join_pieces(items: Sequence[PageTable | Paragraph]) -> list[JoinedTable | Paragraph]:
    """Reading-order items (page tables and paragraphs) -> logical tables and paragraphs."""
    out: list[_Table | Paragraph] = []
    pending: list[_Row] = []
    pending_item: PageTable | None = None
    for i, item in enumerate(items):
        if isinstance(item, Paragraph):
            out.append(item)
            continue
        if _is_banner(item):
            nxt = items[i + 1] if i + 1 < len(items) else None
            if isinstance(nxt, PageTable) and not _is_banner(nxt) and nxt.page in (item.page, item.page + 1):
                pending.extend(_Row([r.cells[0]], item.page, [False], True) for r in item.rows)
                pending_item = pending_item or item
            else:
                out.append(Paragraph(" ".join(dict.fromkeys(item.rows[0].cells)), item.page, item.top))
            continue
        rows = [_Row(list(r.cells), item.page, list(r.spanned), r.full_width) for r in item.rows]
        if pending:
            if rows and rows[0].full_width:  # the full-width row itself broke over the page
                first, rows = rows[0], rows[1:]
                pending[-1].cells[0] = join_parts(pending[-1].cells[0], first.cells[0])
            rows = [
                _Row([p.cells[0]] * item.n_cols, p.page, [False] * item.n_cols, True) for p in pending
            ] + rows
            top, page = pending_item.top, pending_item.page
            pending, pending_item = [], None
            out.append(_new_table(item, rows, page, top))
            continue
        last = out[-1] if out else None
        if isinstance(last, _Table) and _stacks(last, item):
            last.rows.extend(_drop_repeated_header(last, _reseat(last, item, rows)))
            last.extractors.append(item.extractor)
            last.scores.append(item.score)
            last.evidences.extend([item.evidence] if item.evidence else [])
            last.bottom = item.bottom
            last.tail = item.rows[-1] if item.rows else last.tail
        elif isinstance(last, _Table) and _continues(last, item):
            _append(last, item, rows)
            last.bottom = item.bottom
            last.tail = item.rows[-1] if item.rows else last.tail
        elif item.foot_header and not _heads_next(item, rows, items[i + 1 : i + 2]):
            out.append(Paragraph("  ".join(c for c in item.rows[0].cells if c), item.page, item.top))
        else:
            out.append(_new_table(item, rows, item.page, item.top))
    return [_finish(x) if isinstance(x, _Table) else x for x in out]


def _heads_next(item: PageTable, rows: list[_Row], after: Sequence[PageTable | Paragraph]) -> bool:
    """Does a header ruled alone at a page's foot head the table the next page opens with?"""
    nxt = after[0] if after else None
    return isinstance(nxt, PageTable) and _continues(_new_table(item, rows, item.page, item.top), nxt)


def _is_banner(t: PageTable) -> bool:
    return all(r.full_width or len(r.cells) == 1 for r in t.rows) and len(t.rows) <= 2


def _new_table(piece: PageTable, rows: list[_Row], page: int, top: float) -> _Table:
    t = _Table(
        rows,
        [piece.extractor],
        [piece.score],
        [piece.evidence] if piece.evidence else [],
        page,
        top,
        piece.page,
        piece.n_cols,
        piece.col_edges,
        piece.bottom,
    )
    t.header = next((i for i, r in enumerate(rows) if not r.full_width), None)
    t.tail = piece.rows[-1] if piece.rows else None
    return t


def _stacks(table: _Table, piece: PageTable) -> bool:
    """Two grids on one page, one right below the other, with the same columns; or the lower one
    has fewer, a run of the table's columns with the same edges (a row whose first or last
    columns are empty, read apart from the rows above). A piece that lacks a gutter between its
    own columns is not taken in: on one page that is a column the lower grid failed to part, and
    its cells would each land whole under one of the table's columns."""
    if piece.page != table.last_page or piece.top - table.bottom > STACK_GAP:
        return False
    if piece.n_cols == table.n_cols:
        return _same_columns(table, piece)
    return piece.n_cols < table.n_cols and _run_of_columns(table.col_edges, piece.col_edges)


def _run_of_columns(edges: Sequence[float], piece_edges: Sequence[float]) -> bool:
    """Are the piece's left edge and gutters the table's edges, one after another?"""
    lead = piece_edges[:-1]
    if not lead:
        return False
    start = next((i for i, x in enumerate(edges[:-1]) if abs(x - lead[0]) <= EDGE_TOLERANCE), None)
    if start is None or start + len(lead) > len(edges) - 1:
        return False
    return all(abs(x - y) <= EDGE_TOLERANCE for x, y in zip(edges[start:], lead, strict=False))


def _continues(table: _Table, piece: PageTable) -> bool:
    return piece.page == table.last_page + 1 and _same_columns(table, piece)


def _same_columns(table: _Table, piece: PageTable) -> bool:
    """The piece's columns are the table's: the same gutters, or fewer that are all the table's
    (some column of the piece is empty, or its gutter too narrow to read)."""
    if piece.n_cols > table.n_cols:
        return False
    a, b = table.col_edges[1:-1], piece.col_edges[1:-1]
    if len(a) == len(b):
        return all(abs(x - y) <= EDGE_TOLERANCE for x, y in zip(a, b, strict=False))
    return all(any(abs(x - y) <= EDGE_TOLERANCE for x in a) for y in b)


def _reseat(table: _Table, piece: PageTable, rows: list[_Row]) -> list[_Row]:
    """Put the cells of a piece with fewer columns under the table's columns their text starts in."""
    if piece.n_cols == table.n_cols:
        return rows
    edges = table.col_edges
    out = []
    for row, src in zip(rows, piece.rows, strict=False):
        cells, spanned = [""] * table.n_cols, [False] * table.n_cols
        for j, text in enumerate(row.cells):
            if not text:
                continue
            x = src.x0s[j] if j < len(src.x0s) and src.x0s[j] is not None else piece.col_edges[j]
            c = max(0, min(table.n_cols - 1, bisect_right(list(edges), x) - 1))
            cells[c] = join_parts(cells[c], text) if not row.full_width else text
            spanned[c] = row.spanned[j]
        out.append(_Row(cells, row.page, spanned, row.full_width))
    return out


def _append(table: _Table, piece: PageTable, rows: list[_Row]) -> None:
    rows = _drop_repeated_header(table, _reseat(table, piece, rows))
    table.extractors.append(piece.extractor)
    table.scores.append(piece.score)
    table.evidences.extend([piece.evidence] if piece.evidence else [])
    table.last_page = piece.page
    if not rows:
        return
    if _is_header_row(table, len(table.rows) - 1):
        # no row carries on from a header; one repeated at a page's foot has its rows overleaf
        if len(table.rows) - 1 != table.header:
            table.rows.pop()
        if not _is_header_row(table, len(table.rows) - 1):
            unruled = piece.extractor == "text-columns"
            _carry_open_spans(table.rows[-1], rows, _ref_columns(table), unruled)
        table.rows.extend(rows)
        return
    last = table.rows[-1]
    tail = table.tail
    refs = _ref_columns(table)
    steady = [c for c in range(table.n_cols) if table.body >= STEADY_ROWS and table.texts[c] == table.body]
    first = rows[0]
    open_end = tail.open_end if tail is not None and len(tail.open_end) == table.n_cols else ()
    # some cells closed by a drawn rule, others open at the page end: the row ended there and the
    # open ones are merged cells that go on over the break (an empty open cell carries nothing on)
    going_on = [is_open and bool(last.cells[c]) for c, is_open in enumerate(open_end)]
    ended = any(going_on) and not all(open_end)
    for c, is_open in enumerate(going_on):
        last.spanned[c] = last.spanned[c] or is_open
    if not (ended or first.full_width or last.full_width) and _is_rest_of_row(last, first, refs, steady):
        for c in range(table.n_cols):
            if first.spanned[c] and last.spanned[c] and first.cells[c] == last.cells[c]:
                continue
            last.cells[c] = join_parts(
                last.cells[c], first.cells[c], tail is not None and c < len(tail.broken) and tail.broken[c]
            )
        rows = rows[1:]
        _carry_joined_spans(first, last, rows)
    elif not (first.full_width or last.full_width):
        _join_span_rests(last, rows)
    _carry_open_spans(last, rows, refs, unruled=piece.extractor == "text-columns")
    table.rows.extend(rows)


def _is_header_row(table: _Table, i: int) -> bool:
    """Is row i the table's header or a repeat of it? No row carries on from a header."""
    if table.header is None or not 0 <= i < len(table.rows):
        return False
    return i == table.header or _norm(table.rows[i].cells) == _norm(table.rows[table.header].cells)


def _drop_repeated_header(table: _Table, rows: list[_Row]) -> list[_Row]:
    if table.header is None:
        return rows
    k = 0
    while (
        k < min(2, len(rows))
        and table.header + k < len(table.rows)
        and _norm(rows[k].cells) == _norm(table.rows[table.header + k].cells)
    ):
        k += 1
    if k == 0 and rows:
        rest = _strip_header(table.rows[table.header].cells, rows[0].cells)
        if rest is not None:
            rows = [_Row(rest, rows[0].page, [False] * len(rest)), *rows[1:]]
    return rows[k:]


def _strip_header(header: Sequence[str], cells: Sequence[str]) -> list[str] | None:
    """The row's cells without the header text they start with (a repeated header and the first row
    read as one), or None if the row does not start with the header."""
    if len(header) != len(cells) or not any(header):
        return None
    out = []
    for h, c in zip(header, cells, strict=True):
        want = re.sub(r"\s+", "", h)
        i = n = 0
        while n < len(want) and i < len(c):
            if not c[i].isspace():
                if c[i] != want[n]:
                    return None
                n += 1
            i += 1
        if n < len(want):
            return None
        out.append(c[i:].strip())
    return out


def _norm(cells: Sequence[str]) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", "", c).lower() for c in cells)


def _ref_columns(table: _Table) -> list[int]:
    """Columns whose data cells mostly read as refs (2 or more of them, 60%)."""
    if len(table.texts) != table.n_cols:
        table.texts, table.hits, table.counted = [0] * table.n_cols, [0] * table.n_cols, 0
        table.body = 0
    settled = len(table.rows) - 1
    for i in range(table.counted, settled):
        _count_row(table, i, table.texts, table.hits)
        table.body += not (table.rows[i].full_width or i == table.header)
    table.counted = max(table.counted, settled)
    texts, hits = list(table.texts), list(table.hits)
    if table.rows:
        _count_row(table, len(table.rows) - 1, texts, hits)
    return [c for c in range(table.n_cols) if hits[c] >= 2 and hits[c] >= 0.6 * texts[c]]


def _count_row(table: _Table, i: int, texts: list[int], hits: list[int]) -> None:
    row = table.rows[i]
    if row.full_width or i == table.header:
        return
    for c in range(table.n_cols):
        text = row.cells[c] if c < len(row.cells) else ""
        if text:
            texts[c] += 1
            hits[c] += bool(REF_PATTERN.match(text.replace(" ", "")))


# A column every one of this many data rows (or more) fills is one each row fills.
STEADY_ROWS = 3


def _is_rest_of_row(last: _Row, first: _Row, refs: Sequence[int], steady: Sequence[int] = ()) -> bool:
    """Is the first row on the new page the remainder of the last row on the previous one?
    `steady`: the columns every data row above fills (a lead, a date): a first row printed in
    at most half its cells that leaves two or more of them empty, the last row filling them, is
    the rest of the cells still running at the cut (their short text ended above it), when it
    prints only in cells the last row fills; one printed in its first cell alone is a section's
    title."""
    if not any(first.cells) or _cut_at_foot(last, first):
        return True
    if refs:
        return all(not first.cells[c] or first.spanned[c] for c in refs)
    left = [c for c in steady if c < len(first.cells) and not first.cells[c] and last.cells[c]]
    filled = [c for c, text in enumerate(first.cells) if text]
    on_last = all(c < len(last.cells) and last.cells[c] for c in filled)
    if len(left) >= 2 and 2 * len(filled) <= len(first.cells) and filled != [0] and on_last:
        return True
    # an empty merged cell says nothing (it continues a cell opened above): read the first other
    lead = next((c for c in range(len(first.cells)) if first.cells[c] or not first.spanned[c]), 0)
    if not first.cells[lead]:
        return not _opens_every_cell(last, first, lead)
    runs_on = [
        not a.rstrip().endswith(_SENTENCE_END) and b.lstrip()[:1].islower()
        for a, b in zip(last.cells, first.cells, strict=False)
        if a and b
    ]
    if not runs_on:
        return False
    # the first cell both rows fill says it; or, where that one opens in capitals (a cell's
    # wrapped next word: a name, a theme), a later cell going on in lower case, in a row that
    # leaves some of the last row's cells unfilled (their short text ended above the cut)
    leaves = any(a and not b for a, b in zip(last.cells, first.cells, strict=False))
    return runs_on[0] or (any(runs_on) and leaves)


def _cut_at_foot(last: _Row, first: _Row) -> bool:
    """Is the last row one cell printed alone, past the first column, that the first row overleaf
    goes on in? Every row prints in more than one column: such a row is the top of a row's
    tallest cell cut at the page foot, its short cells (centred in the row) printed overleaf with
    the rest, whatever their refs and case. (A title printed in the first column alone is not.)"""
    filled = [c for c, text in enumerate(last.cells) if text]
    if len(filled) != 1 or filled[0] == 0 or last.spanned[filled[0]]:
        return False
    return bool(first.cells[filled[0]]) and sum(1 for text in first.cells if text) >= 2


def _carry_joined_spans(first: _Row, last: _Row, rows: list[_Row]) -> None:
    """A merged cell whose rest opened the new page (joined into the row above) and went on
    down the rows under it holds the joined text in those rows too: they repeat the whole cell,
    not the piece printed on this page."""
    for c, piece in enumerate(first.cells):
        if not (first.spanned[c] and piece[:1].islower() and last.cells[c] != piece):
            continue  # (a piece going on in lower case: the cell's sentence runs on over the break)
        for r in rows:
            if not (r.spanned[c] and r.cells[c] == piece):
                break
            r.cells[c] = last.cells[c]


def _join_span_rests(last: _Row, rows: list[_Row]) -> None:
    """A new row opening the page whose cell merged over the rows under it goes on in lower case
    from the last row's unfinished text in that column is the rest of a merged cell cut at the
    break (a group's value over the last rows of one page and the first of the next): the last
    row's cell takes the rest, and the rows under it hold the whole text."""
    first = rows[0]
    for c, piece in enumerate(first.cells):
        above = last.cells[c] if c < len(last.cells) else ""
        if not (first.spanned[c] and piece[:1].islower() and above) or above.rstrip().endswith(_SENTENCE_END):
            continue
        whole = join_parts(above, piece)
        last.cells[c] = whole
        for r in rows:
            if not (r.spanned[c] and r.cells[c] == piece):
                break
            r.cells[c] = whole


def _opens_every_cell(last: _Row, first: _Row, lead: int) -> bool:
    """Does a page's first row, empty in its leading cells, fill again every cell the last row
    filled from its first text on, none going on in lower case? The rest of a row cut at the page foot
    holds only the cells still running (the short ones ended above the cut); a new row whose
    leading cells are a group's value printed once above (a spanning cell) fills them all."""
    start = next((c for c in range(lead, len(first.cells)) if first.cells[c]), len(first.cells))
    filled = [c for c in range(start, len(last.cells)) if last.cells[c]]
    if len(filled) < 2 or any(not first.cells[c] for c in filled):
        return False
    return not any(b.lstrip()[:1].islower() for b in first.cells if b)


def _carry_open_spans(last: _Row, rows: list[_Row], refs: Sequence[int], unruled: bool) -> None:
    """Empty cells at the top of the new page continue the merged cells open at the page break.

    With drawn borders a merged cell is known (`spanned`); without them (`unruled`), an empty
    cell in a row that has its own ref continues the one above, as on a single page.
    """
    if not rows:
        return
    lead = max(refs) if refs else 0
    first = rows[0]
    for c in range(len(last.cells)):
        # an empty merged cell at the top of the page is the rest of one that started before it
        opened = last.spanned[c] or first.spanned[c] or (c < lead and not any(first.cells[:lead]))
        if not (opened and last.cells[c] and not first.cells[c]):
            continue
        for r in rows:
            if r.cells[c] or r.full_width:
                break
            keyed = unruled and any(r.cells[k] for k in refs if k != c)
            if not (r is first or r.spanned[c] or keyed):
                break
            r.cells[c] = last.cells[c]
            r.spanned[c] = True  # still the same merged cell, should it go on over the next page


def join_parts(a: str, b: str, broken_word: bool = False) -> str:
    """Join two pieces of one cell's text split by a page break."""
    if not a or not b:
        return a or b
    if is_bullet(b.lstrip()[:1]):
        return a + "\n" + b
    if broken_word and b[:1].islower():
        return a + b
    if (
        len(a) >= 2
        and a.endswith("-")
        and a[-2].isalnum()
        and b.split()[0] not in ("and", "or", "nor", "to", "&")
    ):
        return a + b
    return a + " " + b


def _finish(t: _Table) -> JoinedTable:
    rows = tuple(RawRow(tuple(r.cells), r.page) for r in t.rows if any(r.cells))
    names = list(dict.fromkeys(t.extractors))
    if len(t.evidences) < len(t.scores):  # a piece without evidence: the lowest score stands
        return JoinedTable(rows, "+".join(names), min(t.scores), t.page, t.top)
    evidence = combine(t.evidences)
    return JoinedTable(rows, "+".join(names), table_score(evidence), t.page, t.top, evidence)
