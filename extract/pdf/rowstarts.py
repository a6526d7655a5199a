"""Where rows start inside a table's text, read line by line from what the columns print.

Rules and vertical gaps are not always there to separate rows: statistical tables print one row
per line at an even pitch, with rules only under the header and at the foot. What separates
their rows is the values themselves: a column whose lines are each one whole value (a number, a
percentage, a range, a dash for "none") never wraps, so every line that prints a value there
opens a row. Lines between such rows that print no value are either the wrapped rest of the row
above (they carry on in lower case, or the line above broke at a hyphen or a joining word) or a
row of their own (a section label such as "Women" or "Type of institution").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from .layout import PrintedLine

# One printed value: 1,234 | 1 234 | -3.5 | (4.7) | 12% | $33,200 | 2003–04 | (1.1–1.2) | 5a
_NUMBER = r"[-−+]?[$£€¥]?(?:\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?%?"
VALUE = re.compile(rf"^[(\[]?{_NUMBER}(?:\s?[–—-]\s?{_NUMBER})?[)\]]?[*†‡§¹²³a-e]?$")
# A cell printed as "nothing here": a dash, a dagger, "n/a".
EMPTY_MARK = re.compile(r"^(?:[–—‒-]+|[†‡#*]+|n/?a|NA|\(NA\)|…|\.{2,}|x|s|—\s?\(\d\))$", re.IGNORECASE)
_JOINING = frozenset({"and", "or", "of", "the", "for", "to", "in", "by", "with", "a", "an", "&", "on", "at"})
# A table is read line by line only when at least this many columns hold values: one such column
# alone is as often a ref or date column of a text table, whose rows wrap over several lines.
MIN_VALUE_COLUMNS = 2
# Lowest share of a column's printed lines that must be whole values to read it line by line.
VALUE_SHARE = 0.7


def is_value(text: str) -> bool:
    t = text.strip()
    return bool(t) and (bool(VALUE.match(t)) or bool(EMPTY_MARK.match(t)))


def cells_by_line(lines: Sequence[PrintedLine], edges: Sequence[float]) -> list[list[str]]:
    """For each line, the text it prints in each column (columns split at `edges`)."""
    n = len(edges) - 1
    out = []
    for ln in lines:
        cells = [""] * n
        for w in ln.words:
            c = min(max(bisect_right(edges, w.xc) - 1, 0), n - 1)
            cells[c] = f"{cells[c]} {w.text}".strip()
        out.append(cells)
    return out


def value_columns(cells: Sequence[Sequence[str]], min_lines: int = 3) -> list[int]:
    """Columns (not the first, which names the rows) whose printed lines are mostly whole values."""
    if not cells:
        return []
    out = []
    for c in range(1, len(cells[0])):
        printed = [row[c] for row in cells if row[c]]
        hits = sum(1 for t in printed if is_value(t))
        if hits >= min_lines and hits >= VALUE_SHARE * len(printed):
            out.append(c)
    return out


def value_row_starts(lines: Sequence[PrintedLine], edges: Sequence[float], pitch: float) -> list[float]:
    """Tops of the lines that open a row, in a table whose value columns hold one value a line.

    Empty when fewer than `MIN_VALUE_COLUMNS` columns are read line by line (or too few lines
    print values to tell). The lines above the first value line are the header's: no starts.
    """
    cells = cells_by_line(lines, edges)
    cols = value_columns(cells)
    if len(cols) < MIN_VALUE_COLUMNS:
        return []
    valued = [any(is_value(row[c]) for c in cols) for row in cells]
    if sum(valued) < 2:
        return []
    first = valued.index(True)
    starts = []
    for i in range(first, len(lines)):
        if valued[i]:
            # a value line right under a label line that printed no value is the label's own row
            # when the label is the wrapped start of this row (hanging stub: values on the last line)
            if i > first and not valued[i - 1] and _opens_wrapped_stub(lines, cells, i - 1, i, pitch):
                continue
            starts.append(lines[i].top)
        elif i == first or not _continues(lines, cells, i, pitch):
            starts.append(lines[i].top)
    return starts


def _continues(lines: Sequence[PrintedLine], cells: Sequence[Sequence[str]], i: int, pitch: float) -> bool:
    """Is a line that prints no value the wrapped rest of the row above?"""
    prev, ln = lines[i - 1], lines[i]
    if ln.top - prev.bottom > 0.6 * pitch:
        return False  # a gap above: a new row (a section label)
    text = next((t for t in cells[i] if t), "")
    above = next((t for t in cells[i - 1] if t), "")
    if not text or not above:
        return False
    last = above.split()[-1]
    return text[0].islower() or last.endswith(("-", ",")) or last.lower() in _JOINING


def _opens_wrapped_stub(
    lines: Sequence[PrintedLine], cells: Sequence[Sequence[str]], label: int, value: int, pitch: float
) -> bool:
    """A label line followed, with no gap, by a value line that carries the label on in lower case."""
    above = next((t for t in cells[label] if t), "")
    if not cells[value][0] or not above or lines[value].top - lines[label].bottom > 0.6 * pitch:
        return False
    return cells[value][0][0].islower() or above.split()[-1].endswith("-")
