"""Hand-built PDF page records for the rows tests: words set in columns, rules, fills.

Each word is CHAR points a letter wide and one space apart, so a test states a layout by its
cells' texts, their columns' left edges and their lines' tops.
"""

from __future__ import annotations

from talentmap.extract.pdf.page import Edge, Fill, PageData, Word

CHAR = 5.0
PITCH = 11.0
COLS = (50.0, 200.0, 300.0, 400.0)


def line_words(cells: list[str], top: float, cols: tuple[float, ...] = COLS) -> list[Word]:
    """One printed line: each cell's words from its column's left edge, one space apart."""
    out = []
    for text, x0 in zip(cells, cols, strict=False):
        x = x0
        for token in text.split():
            out.append(Word(token, x, x + CHAR * len(token), top, top + 9, 9))
            x += CHAR * (len(token) + 1)
    return out


def page_from(
    rows: list[tuple[list[str], float]],
    cols: tuple[float, ...] = COLS,
    edges: tuple[Edge, ...] = (),
    fills: tuple[Fill, ...] = (),
    number: int = 1,
) -> PageData:
    words = tuple(w for cells, top in rows for w in line_words(cells, top, cols))
    return PageData(number, 600, 800, words, edges, fills=fills, n_chars=500, n_images=0)


def rules_across(tops: list[float]) -> tuple[Edge, ...]:
    """Horizontal rules across the table's width."""
    return tuple(Edge("h", 45, 480, y, y) for y in tops)


def two_line_rows(refs: list[str], top: float) -> tuple[list[tuple[list[str], float]], float]:
    """One action per ref: the ref and its first line over a lower-case rest, a blank gap
    between actions; and the next top."""
    rows = []
    for ref in refs:
        rows.append(([ref, "Run a showcase", "HR team", "2025"], top))
        rows.append((["", "for all staff", "", ""], top + PITCH))
        top += 2 * PITCH + 8
    return rows, top


def stacked(
    body: list[list[list[str]]], top: float, gap: float
) -> tuple[list[tuple[list[str], float]], float]:
    """Rows of one or more lines each (a list of cell lists per line), `gap` apart; and the next top."""
    rows = []
    for row in body:
        rows += [(cells, top + k * PITCH) for k, cells in enumerate(row)]
        top += len(row) * PITCH + gap
    return rows, top


def sections_in_bands(titles: list[str]) -> tuple[list[tuple[list[str], float]], list[float]]:
    """A framed table: header band, then per title a band of its own over a band of two rows."""
    rows = [(["Ref", "Action", "Lead", "When"], 90.0)]
    rules = [86.0, 102.0]
    top = 104.0
    for s, title in enumerate(titles):
        rows.append(([title], top))
        rules.append(top + PITCH + 2)
        top += PITCH + 6
        body, top = two_line_rows([f"{s + 1}.{k + 1}" for k in range(2)], top)
        rows += body
        rules.append(top)
        top += 2
    return rows, rules
