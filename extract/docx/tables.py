"""A w:tbl as Word lays it out on its grid, and whether it holds data or only arranges the page.

Every cell lands under its own grid column: a row may start or end off the grid (gridBefore /
gridAfter, or only the widths wBefore / wAfter), a cell may span columns (gridSpan, or the legacy
hMerge that Word 97 wrote), and a cell merged down (vMerge) prints its text on every row it covers,
which is the "spanning value on every row" the normaliser expects from every extractor.
Rows and cells inside content controls or custom XML are the table's own; deleted rows and cells
(tracked deletions) are not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from ..blocks import CellShape
from ..blocks import is_layout as layout_rule
from .ooxml import MC_ALTERNATE, W_VAL, alternate_branch, is_placeholder, val, w

TBL, TR, TC, P, T = w("tbl"), w("tr"), w("tc"), w("p"), w("t")
MAX_GRID_COLUMNS = 256  # Word allows 63 columns; a wider row is hostile (gridSpan="1000000")
_SDT, _SDT_CONTENT, _CUSTOM = w("sdt"), w("sdtContent"), w("customXml")
_TRPR, _TCPR = w("trPr"), w("tcPr")


def _children(element: etree._Element, wanted: str) -> Iterator[etree._Element]:
    """`wanted` children, looking through content controls, custom XML and alternate content."""
    for child in element:
        tag = child.tag
        if tag == wanted:
            yield child
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, wanted)
        elif tag == _CUSTOM:
            yield from _children(child, wanted)
        elif tag == MC_ALTERNATE:
            branch = alternate_branch(child)
            if branch is not None:
                yield from _children(branch, wanted)


def table_rows(tbl: etree._Element) -> list[tuple[etree._Element, list[etree._Element]]]:
    """(w:tr, its w:tc) for every row that the accepted document keeps."""
    out = []
    for tr in _children(tbl, TR):
        trpr = tr.find(_TRPR)
        if trpr is not None and trpr.find(w("del")) is not None:
            continue
        cells = [tc for tc in _children(tr, TC) if not _cell_deleted(tc)]
        if cells:
            out.append((tr, cells))
    return out


def _cell_deleted(tc: etree._Element) -> bool:
    """A cell removed by a tracked change (w:cellDel): gone once the change is accepted."""
    tcpr = tc.find(_TCPR)
    return tcpr is not None and tcpr.find(w("cellDel")) is not None


def block_children(container: etree._Element) -> Iterator[etree._Element]:
    """w:p and w:tbl of a body, cell or text box, in order, through content controls and custom XML."""
    for child in container:
        tag = child.tag
        if tag in (P, TBL):
            yield child
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None and not is_placeholder(child):  # a prompt is not content
                yield from block_children(content)
        elif tag == _CUSTOM:
            yield from block_children(child)
        elif tag == MC_ALTERNATE:
            branch = alternate_branch(child)
            if branch is not None:
                yield from block_children(branch)


def _merge(tcpr: etree._Element | None, name: str) -> str | None:
    """ "restart" / "continue" for a vMerge or hMerge cell (a bare element continues), else None."""
    el = tcpr.find(w(name)) if tcpr is not None else None
    if el is None:
        return None
    return "restart" if el.get(W_VAL) == "restart" else "continue"


def is_merged_on(tc: etree._Element) -> bool:
    """A cell that continues a merge: it prints nothing of its own."""
    tcpr = tc.find(_TCPR)
    return _merge(tcpr, "vMerge") == "continue" or _merge(tcpr, "hMerge") == "continue"


def _int(text: str | None, default: int = 0) -> int:
    try:
        return max(0, int(text)) if text is not None else default
    except ValueError:
        return default


def _count(text: str | None, default: int = 0) -> int:
    """A count of grid columns, never more than a table can have."""
    return min(_int(text, default), MAX_GRID_COLUMNS)


def _offset(trpr: etree._Element | None, grid: str, width: str, widths: list[int]) -> int:
    """Grid columns a row skips before its first or after its last cell: gridBefore / gridAfter, or
    when only a width is given (wBefore / wAfter in twips) the number of grid columns it covers."""
    if trpr is None:
        return 0
    count = trpr.find(w(grid))
    if count is not None:  # never more than the declared grid: a hostile count must not hide the cells
        return min(_count(val(count)), len(widths) or MAX_GRID_COLUMNS)
    el = trpr.find(w(width))
    if el is None or el.get(w("type"), "dxa") != "dxa" or not widths:
        return 0
    target = _int(el.get(w("w")))
    if target <= 0:
        return 0
    ordered = widths if grid == "gridBefore" else widths[::-1]
    total, best, best_gap = 0, 0, target
    for k, col in enumerate(ordered, start=1):
        total += col
        if abs(total - target) < best_gap:
            best, best_gap = k, abs(total - target)
    return best


def grid_rows(
    tbl: etree._Element,
    rows: list[tuple[etree._Element, list[etree._Element]]],
    cell_text: Callable[[etree._Element], str],
) -> list[tuple[str, ...]]:
    """The table's rows, one string per grid column; rows with no text are left out.

    `cell_text` is called once per cell in document order (list numbering counts along the way).
    """
    grid = tbl.find(w("tblGrid"))
    columns = grid.findall(w("gridCol"))[:MAX_GRID_COLUMNS] if grid is not None else []
    widths = [_int(gc.get(w("w"))) for gc in columns]
    laid: list[list[str]] = []
    above: list[str] = []
    for tr, cells in rows:
        trpr = tr.find(_TRPR)
        row = [""] * _offset(trpr, "gridBefore", "wBefore", widths)
        previous = ""
        for tc in cells:
            tcpr = tc.find(_TCPR)
            span = max(1, _count(val(tcpr.find(w("gridSpan"))) if tcpr is not None else None, 1))
            text = cell_text(tc)
            if _merge(tcpr, "hMerge") == "continue":
                text = previous
            elif _merge(tcpr, "vMerge") == "continue" and len(row) < len(above):
                text = above[len(row)]
            row.extend([text] * min(span, MAX_GRID_COLUMNS - len(row)))
            previous = text
        after = _offset(trpr, "gridAfter", "wAfter", widths)
        if after and len(widths) > len(row):
            after = min(after, len(widths) - len(row))
        row.extend([""] * min(after, MAX_GRID_COLUMNS - len(row)))
        laid.append(row)
        above = row
    n = max([len(widths), *(len(r) for r in laid)], default=0)
    return [tuple(r + [""] * (n - len(r))) for r in laid if any(r)]


def is_layout(rows: list[tuple[etree._Element, list[etree._Element]]]) -> bool:
    """See `extract.blocks.is_layout`; cells that continue a merge are not counted. Words only
    matter for a single row, so a long table is not read twice."""
    one_row = len(rows) == 1
    return layout_rule([[_shape(tc, one_row) for tc in tcs if not is_merged_on(tc)] for _, tcs in rows])


def _shape(tc: etree._Element, count_words: bool) -> CellShape:
    has_table = paragraphs = words = 0
    for block in block_children(tc):
        if block.tag == TBL:
            has_table = 1
        elif count_words:
            n = len("".join(t.text or "" for t in block.iter(T)).split())
            paragraphs += n > 0
            words += n
    return CellShape(bool(has_table), paragraphs, words)
