"""Raw tables -> row items: find the header row, the pillar sections and each column's role.

Tables arrive with their header row(s) as printed, heading rows spanning the table, and sometimes
as continuation tables with no header at all; the column roles then carry over from the table
before them with the same number of columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cleaning import clean_cell
from .fields import labelled_parts
from .fragments import (
    IDENTITY_FIELDS,
    RowItem,
    after_repeated_header,
    continues_heading,
    is_page_fragment,
    lower_case_columns,
    merge_rows,
)
from .headers import header_matches, split_header_line
from .layout import (
    HEADER_SCAN_ROWS,
    Layout,
    build_layout,
    combine_header,
    is_header_row,
    is_label_row,
    is_sub_header,
    is_title_row,
    pad,
    section_theme,
)
from .model import ColumnDecision, TableExplanation
from .plan_likeness import table_verdict
from .roles import is_ref_value


@dataclass
class TableState:
    """What flows from one table to the next: the last layout and the current pillar."""

    layout: Layout | None = None
    layout_table: int | None = None
    theme: str = ""
    after_section: bool = False  # the last row read was a section heading
    heading: str = ""  # the last non-pillar heading row inside a table body
    headed: dict[int, tuple[Layout, int]] = field(
        default_factory=dict
    )  # n columns -> last layout a header named
    rows_seen: int = 0
    rows_with_identity: int = 0
    rows_with_ref: int = 0
    about_technicians: bool = False  # the document's topic: lets a headerless prose table be actions
    notes: list[str] = field(default_factory=list)


ACTION_MIN_CHARS = 12.0


def _not_an_action_table(layout: Layout, rows: list[tuple[list[str], int | None]]) -> bool:
    """No action column; or one found only on weak evidence (a word in a longer header, or
    content) that holds a few words each ("Number of actions"); or, with no header at all, a lone
    prose column and nothing else recognisable (a glossary, a contents list)."""
    col = next((c for c, r in enumerate(layout.roles) if r.field == "action"), None)
    if col is None:
        return True
    weak = layout.roles[col].how.startswith(("word", "content"))
    filled = [cells[col] for cells, _ in rows if col < len(cells) and cells[col].strip()]
    if weak and filled and sum(len(v) for v in filled) / len(filled) < ACTION_MIN_CHARS:
        return True
    headerless = not any(layout.header) and layout.carried_from is None
    return headerless and sum(1 for r in layout.roles if r.field != "extra") < 2


OBJECTIVE_ROW_MIN_WORDS = 3
OBJECTIVE_ROW_MAX_CHARS = 200


def _objective_row(cells: list[str], layout: Layout) -> bool:
    """A group's objective printed as a row over its actions in a table with no objective column,
    read into the first cell alone: words (not a reference) in a column that is not the action's,
    the rest of the row blank."""
    first = cells[0].strip() if cells else ""
    if len(cells) < 3 or not first or any(c.strip() for c in cells[1:]) or layout.has("objective"):
        return False
    if layout.roles[0].field in ("action", "theme") or is_ref_value(first):
        return False
    return len(first.split()) >= OBJECTIVE_ROW_MIN_WORDS and len(first) <= OBJECTIVE_ROW_MAX_CHARS


def header_in_one_cell(cells: list[str]) -> list[str] | None:
    """A header row the extractor merged into one cell spanning the table ("Pillar # What we will
    do How we will know Who When"): its labels, so it is read as the header, not a section heading."""
    filled = [c for c in cells if c.strip()]
    if len(cells) < 3 or not filled or len(set(filled)) != 1:
        return None
    if not (len(filled) == len(cells) or (len(filled) == 1 and cells[0].strip())):
        return None
    return split_header_line(filled[0], len(cells))


def _header_above(lines: tuple[str, ...], n: int) -> list[str] | None:
    """A header the extractor left outside the table, as a line of text just above it."""
    recent = list(lines[-4:])
    for pos in range(len(recent) - 1, -1, -1):
        labels = split_header_line(recent[pos], n)
        if labels:
            wrapped = recent[pos + 1] if pos + 1 < len(recent) else ""
            return _complete_wrapped_labels(labels, wrapped)
    return None


def _complete_wrapped_labels(labels: list[str], wrapped: str) -> list[str]:
    """A wide header wraps its last words onto the next line ("How we'll" / "know"): give them back
    to the one label they complete."""
    if not wrapped or len(wrapped.split()) > 3:
        return labels
    for i, label in enumerate(labels):
        if not header_matches(label) and header_matches(f"{label} {wrapped}"):
            return [*labels[:i], f"{label} {wrapped}", *labels[i + 1 :]]
    return labels


def _find_layout(
    index: int,
    cleaned: list[tuple[list[str], int | None]],
    state: TableState,
    lines_above: tuple[str, ...],
    new_section: bool,
) -> tuple[Layout, int]:
    """The table's column roles and its first data row: its own header row (after any title or
    pillar rows), a header printed as text above it, the previous table's roles, or content alone."""
    n = len(cleaned[0][0]) if cleaned else 0
    body_start = 0
    layout: Layout | None = None
    for i, (cells, _) in enumerate(cleaned[:HEADER_SCAN_ROWS]):
        merged = header_in_one_cell(cells)
        if merged is not None:
            cells = merged
            state.notes.append(f"table {index + 1}: header printed as one merged cell, split into labels")
        if is_header_row(cells) or is_label_row(cells, [c for c, _ in cleaned[i + 1 :]]):
            body = [c for c, _ in cleaned[i + 1 :]]
            layout = build_layout(cells, body, n)
            body_start = i + 1
            if body and is_sub_header(body[0], layout):
                layout = build_layout(combine_header(cells, body[0]), body[1:], n)
                body_start += 1
            state.heading = ""
            break
        theme = section_theme(cells)
        if theme is not None:
            state.theme = theme or state.theme
            new_section = new_section and not theme
            body_start = i + 1
            continue
        if not is_title_row(cells):
            break
    if layout is None:
        printed_above = _header_above(lines_above, n)
        if printed_above is not None:
            layout = build_layout(printed_above, [c for c, _ in cleaned[body_start:]], n)
            state.heading = ""
            state.notes.append(f"table {index + 1}: header read from the text line above the table")
    if layout is not None:
        if new_section and state.theme:
            state.theme, state.heading = "", ""  # a new table under a heading that names no pillar
            state.notes.append(f"table {index + 1}: under a heading that names no pillar: no theme")
        return layout, body_start
    body = [c for c, _ in cleaned]  # without a header every row is data (headings still set the theme)
    source = (state.layout, state.layout_table) if state.layout is not None else None
    if (source is None or source[0].n_cols != n) and n in state.headed:
        # a table the extractor cut to other widths came between: the roles come from the last
        # table of this width whose header named them, not from content alone
        source = state.headed[n]
    if source is not None and source[0].n_cols == n:
        previous, table = source
        carried = previous
        if any(previous.header):  # the header carries over; these rows are fresh evidence
            carried = build_layout(list(previous.header), body, n)
        return Layout(carried.roles, previous.header, carried_from=table), 0
    return build_layout([""] * n, body, n), 0


def read_table(
    index: int,
    rows: list[tuple[list[str], int | None]],
    extractor: str,
    state: TableState,
    items: list[RowItem],
    lines_above: tuple[str, ...] = (),
    new_section: bool = False,
) -> TableExplanation:
    """Append one table's data rows to `items` (re-joining page-break splits) and say how it was read."""
    cleaned = [([clean_cell(c) for c in cells], page) for cells, page in rows]
    n = max((len(c) for c, _ in cleaned), default=0)
    cleaned = [(pad(c, n), p) for c, p in cleaned]
    layout, body_start = _find_layout(index, cleaned, state, lines_above, new_section)
    if _not_an_action_table(layout, cleaned[body_start:]):
        state.notes.append(f"table {index + 1}: skipped, no column holds actions")
        return _explanation(index, extractor, layout, 0)
    verdict = table_verdict(layout, state.about_technicians)
    if not verdict.is_action_table:
        state.notes.append(f"table {index + 1}: skipped, not an action table: {verdict.reason}")
        return _explanation(index, extractor, layout, 0)
    if layout.carried_from is None:
        state.notes.append(f"table {index + 1}: an action table: {verdict.reason}")
    state.notes.extend(_labelled_columns(index, layout, cleaned[body_start:]))
    count = 0
    for pos in range(body_start, len(cleaned)):
        cells, page = cleaned[pos]
        if not any(c.strip() for c in cells):
            continue
        previous = items[-1] if items else None
        identity_always = state.rows_seen > 0 and state.rows_with_identity == state.rows_seen
        ref_always = state.rows_seen > 0 and state.rows_with_ref == state.rows_seen
        lower_usual = frozenset(lower_case_columns(items[-20:], n)) if page is not None else frozenset()
        fragment = is_page_fragment(cells, page, previous, layout, identity_always, ref_always, lower_usual)
        if state.after_section and not fragment and continues_heading(cells):
            continue  # the rest of a heading row that the page break split
        if header_in_one_cell(cells) is not None:
            continue  # the header repeated on a new page, merged into one cell like the first
        theme = section_theme(cells)
        if theme is None and not fragment and _objective_row(cells, layout):
            state.heading, state.after_section = cells[0].strip(), True
            continue
        if theme is not None and not fragment:
            if theme:
                state.theme, state.heading = theme, ""
            elif not layout.has("objective"):
                state.heading = next(c for c in cells if c.strip())
            state.after_section = True
            continue
        state.after_section = False
        rest = after_repeated_header(cells, layout.header)
        if rest is not None:
            if any(rest) and items:  # the top of a split row printed in line with the header
                items[-1] = merge_rows(items[-1], rest)
                state.notes.append(
                    f"table {index + 1}: text run into a repeated header joined to the row above"
                )
            continue
        if is_header_row(cells):
            if tuple(cells) != layout.header:  # a new header mid-table: read the columns again
                layout = build_layout(cells, [c for c, _ in cleaned[pos + 1 :]], n)
            continue
        if fragment and previous is not None:
            items[-1] = merge_rows(previous, cells)
            state.notes.append(f"table {index + 1}: row split by the page break before page {page} re-joined")
            continue
        items.append(RowItem(tuple(cells), page, layout, state.theme, extractor, state.heading))
        _count_row(state, cells, layout)
        count += 1
    if layout.carried_from is None:
        state.layout, state.layout_table = layout, index
        if any(layout.header):
            state.headed[layout.n_cols] = (layout, index)
    return _explanation(index, extractor, layout, count)


def _labelled_columns(index: int, layout: Layout, rows: list[tuple[list[str], int | None]]) -> list[str]:
    """For --explain: the unmapped columns whose cells are labelled parts split into fields."""
    notes = []
    for col, role in enumerate(layout.roles):
        if role.field != "extra":
            continue
        split = [labelled_parts(cells[col]) for cells, _ in rows if cells[col].strip()]
        found = [parts for parts in split if parts]
        if found and len(found) * 2 >= len(split):
            labels = dict.fromkeys(
                f"{label} -> {field or 'extra'}" for parts in found for label, field, _ in parts
            )
            notes.append(
                f"table {index + 1}: column {role.header or col + 1!r} holds labelled parts, split: "
                + ", ".join(labels)
            )
    return notes


def _count_row(state: TableState, cells: list[str], layout: Layout) -> None:
    """Keep count of rows that name themselves (ref / recommendation / objective), and of refs."""
    state.rows_seen += 1
    identity = [c for c, r in enumerate(layout.roles) if r.field in IDENTITY_FIELDS]
    state.rows_with_identity += any(cells[c].strip() for c in identity)
    state.rows_with_ref += any(cells[c].strip() for c, r in enumerate(layout.roles) if r.field == "ref")


def _explanation(index: int, extractor: str, layout: Layout, count: int) -> TableExplanation:
    how_suffix = (
        f" (carried over from table {layout.carried_from + 1})" if layout.carried_from is not None else ""
    )
    return TableExplanation(
        table_index=index,
        extractor=extractor,
        columns=tuple(ColumnDecision(r.header, r.field, r.how + how_suffix) for r in layout.roles),
        records=count,
    )
