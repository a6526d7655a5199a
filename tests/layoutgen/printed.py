"""The printed form of a plan in a look: paragraphs and tables of cells with their spans.

Both renderers draw exactly these blocks, so what a rendering shows and what the truth says are
tied together in one place (and a property test can read the records back from the blocks).
"""

from __future__ import annotations

from dataclasses import dataclass

from .look import Look
from .plan import Column, Plan

ROW_LEVEL = ("ref", "action", "measure", "lead", "timescale", "status", "progress")


@dataclass(frozen=True)
class Cell:
    text: str
    role: str  # header | body | section | objective_row
    rowspan: int = 1
    colspan: int = 1
    record: int | None = None  # index of the truth record whose row holds this cell


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell | None, ...], ...]  # header rows first; None: covered by a span
    banded: tuple[bool, ...]  # per row: drawn with the zebra fill
    header_rows: int = 1  # 2: a label spanning two columns over their own headers


@dataclass(frozen=True)
class Text:
    text: str
    role: str  # title | intro | callout | heading | legend


Block = Table | Text

LEGEND = "Key: R = Red (delayed), A = Amber (at risk), G = Green (on track), B = Blue (complete)"
CALLOUT = (
    "Our commitment: technicians are central to research, teaching and innovation here. Every "
    "technician will have a named contact for the Technician Commitment and a say in this plan."
)
INTRO = (
    "This plan sets out how we will meet the four principles of the Technician Commitment: "
    "visibility, recognition, career development and sustainability. It was written with "
    "technicians from every faculty and is reviewed each year by the Steering Group."
)


def horizontal_rule(look: Look, boundary: int, table: Table) -> bool:
    """Is the rule between row boundary-1 and row boundary drawn (0: above the table)?"""
    if boundary == 0:
        return "top" in look.edges
    if boundary == len(table.rows):
        return "bottom" in look.edges
    if boundary == table.header_rows:
        return "header" in look.edges or "inner_h" in look.edges
    return "inner_h" in look.edges


def vertical_rule(look: Look, boundary: int, table: Table) -> bool:
    """Is the rule left of column `boundary` drawn (len(columns): the right edge)?"""
    if boundary == 0:
        return "left" in look.edges
    if boundary == len(table.columns):
        return "right" in look.edges
    return "inner_v" in look.edges


CALLOUT_FILL = "E7EEF7"


def running_header(plan: Plan) -> str:
    return f"{plan.institution} \u2013 {plan.title}"


def printed_period(plan: Plan, look: Look) -> str:
    start, end = plan.period.split("-")
    return f"{start}\u2013{end}" if look.font_size % 2 else f"{start} to {end}"


def print_plan(plan: Plan, look: Look) -> tuple[Block, ...]:
    blocks: list[Block] = []
    if look.intro:
        blocks.append(Text(f"{plan.institution}: {plan.title} {printed_period(plan, look)}", "title"))
        blocks.append(Text(INTRO, "intro"))
        if look.callout:
            blocks.append(Text(CALLOUT, "callout"))
    record = 0
    if look.section_style == "heading":
        for section in plan.sections:
            blocks.append(Text(section.label, "heading"))
            table, record = _table(plan, look, (section,), record)
            blocks.append(table)
    else:
        table, record = _table(plan, look, plan.sections, record)
        blocks.append(table)
    if look.legend:
        blocks.append(Text(LEGEND, "legend"))
    return tuple(blocks)


def _table(plan: Plan, look: Look, sections, record: int) -> tuple[Table, int]:
    n = len(plan.columns)
    rows = _header(plan, look)
    banded = [False] * len(rows)
    # (row index, column) -> span key, for the columns printed once per group or per section
    spans: dict[int, list[tuple[int, object]]] = {}
    band = False

    def full_width(text: str, role: str) -> None:
        rows.append([Cell(text, role, colspan=n)] + [None] * (n - 1))
        banded.append(False)

    for s_index, section in enumerate(sections):
        if look.section_style == "row":
            full_width(section.label, "section")
        for g_index, group in enumerate(section.groups):
            if plan.objective_rows:
                full_width(group.objective, "objective_row")
            for act in group.actions:
                cells: list[Cell | None] = []
                for col, column in enumerate(plan.columns):
                    if column.field in ROW_LEVEL:
                        text = getattr(act, column.field)
                    elif column.field == "theme":
                        text = section.label
                        spans.setdefault(col, []).append((len(rows), s_index))
                    else:
                        text = group.objective if column.field == "objective" else group.stated_rec
                        spans.setdefault(col, []).append((len(rows), (s_index, g_index)))
                    cells.append(Cell(text, "body", record=record))
                rows.append(cells)
                banded.append(band and bool(look.zebra))
                band = not band
                record += 1
    if look.group_style != "repeat":
        for col, members in spans.items():
            _print_once(rows, col, members, look.group_style == "span")
    table = Table(plan.columns, tuple(tuple(r) for r in rows), tuple(banded), 2 if look.header_group else 1)
    return table, record


def _header(plan: Plan, look: Look) -> list[list[Cell | None]]:
    """One header row, or two: the group label over its two columns' headers, every other
    header merged down over both rows."""
    leaf = [Cell(c.header, "header") for c in plan.columns]
    if not look.header_group:
        return [list(leaf)]
    first, label = look.header_group
    top: list[Cell | None] = [Cell(c.text, "header", rowspan=2) for c in leaf]
    top[first], top[first + 1] = Cell(label, "header", colspan=2), None
    below: list[Cell | None] = [None] * len(leaf)
    below[first], below[first + 1] = leaf[first], leaf[first + 1]
    return [top, below]


def _print_once(rows: list[list[Cell | None]], col: int, members, merge: bool) -> None:
    """A column's value printed once per run of rows with the same key: a merged cell over the
    run, or the value in its first row and blank cells below it."""
    runs: list[list[int]] = []
    last = object()
    for row, key in members:
        if key != last or row != runs[-1][-1] + 1:
            runs.append([])
        runs[-1].append(row)
        last = key
    for run in runs:
        first = rows[run[0]][col]
        assert first is not None
        if merge:
            rows[run[0]][col] = Cell(first.text, first.role, rowspan=len(run), record=first.record)
        for row in run[1:]:
            cell = rows[row][col]
            assert cell is not None
            rows[row][col] = None if merge else Cell("", cell.role, record=cell.record)
