"""A group value (objective, stated recommendation) printed once in a cell merged over its actions
and centred in it: the rows above the printed value belong to it too, not to the group before.

Printed at the top of its span, a group's value is on its first row, so a run of actions under a
heading never starts with it blank. When one does start blank and a value comes later, the plan
centres its merged cells: each printed value then sits at the middle of its group's height, and the
group boundaries are the split of the blank rows between values that best puts every value there.
"""

from __future__ import annotations

from statistics import median

from .fragments import RowItem

GROUP_FIELDS = ("objective", "stated_rec")


def _segments(items: list[RowItem]) -> list[tuple[list[int], bool]]:
    """Runs of rows under one heading in tables of one column scheme; and whether each opens a
    heading row inside a table (or the plan): a table's first row may carry on the rows above it
    on a new page, whatever heading it is read under."""
    runs: list[tuple[list[int], bool]] = []
    for i, item in enumerate(items):
        prev = items[i - 1] if i else None
        changed = prev is not None and (prev.theme, prev.heading) != (item.theme, item.heading)
        opens = prev is None or (changed and prev.layout is item.layout)
        if not changed and prev is not None and prev.layout.roles == item.layout.roles:
            runs[-1][0].append(i)
        else:
            runs.append(([i], opens))
    return runs


def _heights(items: list[RowItem], rows: list[int], skip: set[int]) -> list[float]:
    """Each row's height relative to the others: its tallest cell, a cell's length measured against
    its column's typical length (a long action wraps to more lines than a short one)."""
    n = len(items[rows[0]].cells)
    typical = []
    for col in range(n):
        lengths = [len(items[r].cells[col]) for r in rows if items[r].cells[col].strip()]
        typical.append(median(lengths) if lengths else 0)
    heights = []
    for r in rows:
        cells = items[r].cells
        parts = [
            len(cells[c]) / typical[c] for c in range(n) if c not in skip and typical[c] and cells[c].strip()
        ]
        heights.append(max([1.0, *parts]) if parts else 1.0)
    return heights


LOWER_PENALTY = 0.01  # text centred on the rule between two rows is read into the upper one
TIE_WEIGHT = 0.001


def _miss(heights: list[float], start: int, end: int, printed: int) -> float:
    """How far the middle of rows start..end-1 lies outside the printed row; between splits that
    all put it inside, the one nearest the row's own middle (rather above it than below)."""
    top = sum(heights[start:printed])
    bottom = top + heights[printed]
    middle = sum(heights[start:end]) / 2
    below = (top + bottom) / 2 - middle
    tie = abs(below) + (LOWER_PENALTY if below > 0 else 0.0)
    return max(0.0, top - middle, middle - bottom) + TIE_WEIGHT * tie


def _split(heights: list[float], printed: list[int]) -> list[int]:
    """The first row of each printed value's group: the split that best centres every value."""
    n, k = len(heights), len(printed)
    # best[i][s]: least miss for groups 0..i-1 with group i starting at row s
    best: list[dict[int, tuple[float, list[int]]]] = [{0: (0.0, [0])}]
    for i in range(k):
        nxt: dict[int, tuple[float, list[int]]] = {}
        ends = range(printed[i] + 1, printed[i + 1] + 1) if i + 1 < k else [n]
        for start, (cost, starts) in best[i].items():
            for end in ends:
                total = cost + _miss(heights, start, end, printed[i])
                if end not in nxt or total < nxt[end][0]:
                    nxt[end] = (total, [*starts, end])
        best.append(nxt)
    return best[k][n][1][:-1]


def centred_group_fills(items: list[RowItem]) -> list[dict[int, str]]:
    """For each row, the group values its blank group cells take because the plan centres them;
    {} for rows of plans that print group values at the top (the usual carry-down then applies)."""
    fills: list[dict[int, str]] = [{} for _ in items]
    runs = _segments(items)
    centred: set[tuple[tuple, int]] = set()
    for rows, opens in runs:
        layout = items[rows[0]].layout
        for col, role in enumerate(layout.roles):
            if role.field not in GROUP_FIELDS or not opens:
                continue
            filled = [p for p, r in enumerate(rows) if items[r].cells[col].strip()]
            if filled and filled[0] > 0:
                centred.add((layout.roles, col))
    for rows, _ in runs:
        layout = items[rows[0]].layout
        cols = [c for c, role in enumerate(layout.roles) if (layout.roles, c) in centred]
        for col in cols:
            printed = [p for p, r in enumerate(rows) if items[rows[p]].cells[col].strip()]
            if not printed:
                continue
            heights = _heights(items, rows, set(cols))
            starts = _split(heights, printed)
            bounds = [*starts, len(rows)]
            for g, p in enumerate(printed):
                value = items[rows[p]].cells[col]
                for pos in range(bounds[g], bounds[g + 1]):
                    if not items[rows[pos]].cells[col].strip():
                        fills[rows[pos]][col] = value
    return fills
