"""Raw tables -> action records: find the header row, the pillar sections and each column's role.

Tables arrive with their header row(s) as printed, heading rows spanning the table, and sometimes
as continuation tables with no header at all; the column roles then carry over from the table
before them with the same number of columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cleaning import clean_cell, clean_ref, is_bullet_line
from .headers import header_matches
from .model import ActionRecord, ColumnDecision, TableExplanation
from .roles import ColumnRole, infer_roles
from .stated import split_marker, stated_rec_aside, stated_rec_in
from .status import normalise_status
from .themes import heading_pillar, pillar_in

HEADER_SCAN_ROWS = 4
HEADER_CELL_MAX = 100


@dataclass(frozen=True)
class Layout:
    """The roles of a table's columns, and the header that named them (to spot a repeat)."""

    roles: tuple[ColumnRole, ...]
    header: tuple[str, ...] = ()
    carried_from: int | None = None

    @property
    def n_cols(self) -> int:
        return len(self.roles)

    def has(self, name: str) -> bool:
        return any(r.field == name for r in self.roles)


@dataclass(frozen=True)
class PlanContext:
    """Plan-level facts the rows need: the printed legend and recommendation markers."""

    legend: tuple[tuple[str, str], ...] = ()
    markers: tuple[str, ...] = ()


@dataclass
class TableState:
    """What flows from one table to the next: the last layout and the current pillar."""

    layout: Layout | None = None
    layout_table: int | None = None
    theme: str = ""
    after_section: bool = False  # the last row read was a section heading
    heading: str = ""  # the last non-pillar heading row inside a table body
    rows_seen: int = 0
    rows_with_identity: int = 0
    rows_with_ref: int = 0
    notes: list[str] = field(default_factory=list)


def section_theme(cells: list[str]) -> str | None:
    """A heading row spanning the table ("Visibility Ensure that ..."): its pillar, "" if it names
    none, None if the row is not a heading row."""
    filled = [c for c in cells if c.strip()]
    if not filled:
        return None
    spanning = len(cells) > 1 and len(set(filled)) == 1 and len(filled) == len(cells)
    first_only = len(filled) == 1 and cells[0].strip() != ""
    if not (spanning or first_only):
        return None
    pillar = heading_pillar(filled[0])
    if pillar:
        return pillar
    return "" if spanning and len(filled[0]) <= 200 else None


def _is_title_row(cells: list[str]) -> bool:
    """A short line in the first cell only, above a header ("Technician Commitment Action Plan")."""
    filled = [c for c in cells if c.strip()]
    return len(filled) == 1 and cells[0].strip() != "" and len(cells[0]) <= 150 and len(cells) > 1


def is_header_row(cells: list[str]) -> bool:
    """Mostly short cells that name schema fields."""
    distinct = list(dict.fromkeys(c for c in cells if c.strip()))
    if not distinct or any(len(c) > HEADER_CELL_MAX for c in distinct):
        return False
    named = sum(1 for c in distinct if header_matches(c))
    return named >= 1 and named * 2 >= len(distinct)


def _columns(rows: list[list[str]], n: int) -> list[list[str]]:
    return [[r[c] if c < len(r) else "" for r in rows] for c in range(n)]


def _pad(cells: list[str], n: int) -> list[str]:
    return (cells + [""] * n)[:n]


def build_layout(header: list[str], body: list[list[str]], n: int) -> Layout:
    """Roles from the header and the data rows (heading and header rows left out of the evidence)."""
    header = _pad(header, n)
    data = [r for r in body if section_theme(r) is None and not is_header_row(r)]
    return Layout(roles=infer_roles(header, _columns(data, n)), header=tuple(header))


def _record_fields(cells: list[str], layout: Layout, ctx: PlanContext, theme: str) -> dict:
    values: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for col, role in enumerate(layout.roles):
        value = cells[col] if col < len(cells) else ""
        name = role.header or f"column {col + 1}"
        if role.field == "extra":
            extra.append((name, value))
        elif role.field == "theme":
            pillar = pillar_in(value)
            values["theme"] = pillar
            if value and not pillar:
                extra.append((name, value))
        elif role.field not in values:
            values[role.field] = value
    fields: dict = {
        k: values.get(k, "")
        for k in ("ref", "objective", "action", "measure", "lead", "timescale", "progress")
    }
    fields["ref"] = clean_ref(fields["ref"])
    fields["theme"] = values.get("theme") or theme
    raw_status = values.get("status", "").strip()
    fields["status_raw"] = raw_status
    fields["status"] = normalise_status(raw_status, ctx.legend)
    stated = stated_rec_in(values.get("stated_rec", ""))
    if not stated and "TCR" in values.get("stated_rec", "").upper():
        stated = "TCR"
    if not stated and values.get("stated_rec", ""):
        extra.insert(
            0,
            (
                next(r.header for r in layout.roles if r.field == "stated_rec") or "stated_rec",
                values["stated_rec"],
            ),
        )
    stated = stated or stated_rec_in(fields["objective"]) or stated_rec_aside(fields["objective"])
    stated = stated or stated_rec_aside(fields["action"])
    for key in ("objective", "action"):
        fields[key], marked = split_marker(fields[key], ctx.markers)
        if marked and not stated:
            stated = "TCR"
    fields["stated_rec"] = stated
    fields["extra"] = tuple(extra)
    return fields


@dataclass(frozen=True)
class RowItem:
    """A data row waiting to become a record: its cleaned cells and the layout that reads them."""

    cells: tuple[str, ...]
    page: int | None
    layout: Layout
    theme: str
    extractor: str
    heading: str = ""  # a heading row above it in a table without an objective column


_SENTENCE_END = re.compile(r"[.!?:;][\"'\u2019\u201d)\]]*$")


_UNFINISHED = re.compile(
    r"(?:[,/&(\-\u2013]|\b(?:and|or|of|the|to|for|with|in|on|a|an|by|as|at|from|e\.g\.|i\.e\.|such as))$",
    re.I,
)
WEAK_MIN_CHARS = 60


def _carries_on(text: str, before: str) -> bool:
    """Strong sign of a page-break split: the text opens in lower case or punctuation, or the text
    above stops where no sentence can ("... e.g., Senior/", "... and")."""
    first = text.lstrip()[:1]
    if first.islower() or (first and first in ",;:)(-\u2013&/"):
        return True
    return bool(before.strip()) and bool(_UNFINISHED.search(before.rstrip()))


def _may_carry_on(text: str, before: str) -> bool:
    """Weak sign: a new bullet under a bulleted cell, or long text above without a full stop."""
    if not before.strip():
        return False
    if _is_bullet(text):
        return True
    return len(before) >= WEAK_MIN_CHARS and not _SENTENCE_END.search(before.rstrip())


def _is_bullet(text: str) -> bool:
    return is_bullet_line(text.lstrip()[:2] + " ")


IDENTITY_FIELDS = ("ref", "stated_rec", "objective")


def is_page_fragment(
    cells: list[str],
    page: int | None,
    previous: RowItem | None,
    layout: Layout,
    identity_always: bool,
    ref_always: bool = False,
) -> bool:
    """The top of a row that a page break split: first row on a new page, no reference of its own,
    and its text carrying on from the row above.

    Every filled cell must (at least weakly) carry on from the cell above; and one must do so
    strongly, unless every row so far named itself (ref, recommendation or objective) and this
    one does not.
    """
    if previous is None or page is None or previous.page is None or page <= previous.page:
        return False
    if previous.layout.n_cols != len(cells):
        return False
    identity = [c for c, r in enumerate(layout.roles) if r.field in IDENTITY_FIELDS]
    filled = [c for c, text in enumerate(cells) if text.strip()]
    if not filled or any(c in identity for c in filled if layout.roles[c].field != "objective"):
        return False
    if ref_always and layout.has("ref"):
        return True  # every row so far had its reference: one without is the rest of the row above
    strong = [c for c in filled if _carries_on(cells[c], previous.cells[c])]
    weak = [c for c in filled if c not in strong and _may_carry_on(cells[c], previous.cells[c])]
    if len(strong) + len(weak) != len(filled):
        return False
    if strong:
        return True
    return identity_always and not any(cells[c].strip() for c in identity)


def _strip_prefix(text: str, prefix: str) -> str | None:
    """`text` without a leading `prefix`, comparing letters only (spacing and case may differ)."""
    want = [ch.casefold() for ch in prefix if not ch.isspace()]
    pos = 0
    for i, ch in enumerate(text):
        if pos == len(want):
            return text[i:].strip()
        if ch.isspace():
            continue
        if ch.casefold() != want[pos]:
            return None
        pos += 1
    return "" if pos == len(want) else None


def after_repeated_header(cells: list[str], header: tuple[str, ...]) -> list[str] | None:
    """A header printed again on a new page, with the top of a split row run into it: the rest of
    each cell; None if the row does not start with the header."""
    named = [c for c, h in enumerate(header) if h.strip()]
    if len(named) < 2 or len(header) != len(cells):
        return None
    rest = list(cells)
    for c in named:
        stripped = _strip_prefix(cells[c], header[c])
        if stripped is None:
            return None
        rest[c] = stripped
    return rest


ACTION_MIN_CHARS = 12.0


def _too_short_for_actions(layout: Layout, rows: list[tuple[list[str], int | None]]) -> bool:
    """A summary or sign-off table: its "action" column holds only numbers or a few words."""
    col = next(c for c, r in enumerate(layout.roles) if r.field == "action")
    filled = [cells[col] for cells, _ in rows if col < len(cells) and cells[col].strip()]
    return bool(filled) and sum(len(v) for v in filled) / len(filled) < ACTION_MIN_CHARS


def _continues_heading(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    first_only = len(filled) == 1 and cells[0].strip() != ""
    spanning = len(set(filled)) == 1 and len(filled) == len(cells)
    return bool(filled) and (first_only or spanning) and _carries_on(filled[0], "")


def _merge(previous: RowItem, cells: list[str]) -> RowItem:
    joined = tuple(
        clean_cell(a + "\n" + b) if a and b else (a or b) for a, b in zip(previous.cells, cells, strict=True)
    )
    return RowItem(
        joined, previous.page, previous.layout, previous.theme, previous.extractor, previous.heading
    )


def read_table(
    index: int,
    rows: list[tuple[list[str], int | None]],
    extractor: str,
    state: TableState,
    items: list[RowItem],
) -> TableExplanation:
    """Append one table's data rows to `items` (re-joining page-break splits) and say how it was read."""
    cleaned = [([clean_cell(c) for c in cells], page) for cells, page in rows]
    n = max((len(c) for c, _ in cleaned), default=0)
    cleaned = [(_pad(c, n), p) for c, p in cleaned]
    body_start = 0
    layout: Layout | None = None
    for i, (cells, _) in enumerate(cleaned[:HEADER_SCAN_ROWS]):
        if is_header_row(cells):
            body = [c for c, _ in cleaned[i + 1 :]]
            layout = build_layout(cells, body, n)
            body_start = i + 1
            state.heading = ""
            break
        theme = section_theme(cells)
        if theme is not None:
            state.theme = theme or state.theme
            body_start = i + 1
            continue
        if not _is_title_row(cells):
            break
    if layout is None:
        body_start = 0  # without a header, every row is read as data (headings still set the theme)
        if state.layout is not None and state.layout.n_cols == n:
            # the header carries over; this table's rows are fresh evidence for blank headers
            carried = build_layout(list(state.layout.header), [c for c, _ in cleaned[body_start:]], n)
            if not state.layout.header or not any(state.layout.header):
                carried = state.layout
            layout = Layout(carried.roles, state.layout.header, carried_from=state.layout_table)
        else:
            layout = build_layout([""] * n, [c for c, _ in cleaned[body_start:]], n)
    if not layout.has("action") or _too_short_for_actions(layout, cleaned[body_start:]):
        state.notes.append(f"table {index + 1}: skipped, no column holds actions")
        return _explanation(index, extractor, layout, 0)
    count = 0
    for pos in range(body_start, len(cleaned)):
        cells, page = cleaned[pos]
        if not any(c.strip() for c in cells):
            continue
        previous = items[-1] if items else None
        identity_always = state.rows_seen > 0 and state.rows_with_identity == state.rows_seen
        ref_always = state.rows_seen > 0 and state.rows_with_ref == state.rows_seen
        fragment = is_page_fragment(cells, page, previous, layout, identity_always, ref_always)
        if state.after_section and not fragment and _continues_heading(cells):
            continue  # the rest of a heading row that the page break split
        theme = section_theme(cells)
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
                items[-1] = _merge(items[-1], rest)
                state.notes.append(
                    f"table {index + 1}: text run into a repeated header joined to the row above"
                )
            continue
        if is_header_row(cells):
            if tuple(cells) != layout.header:  # a new header mid-table: read the columns again
                layout = build_layout(cells, [c for c, _ in cleaned[pos + 1 :]], n)
            continue
        if fragment and previous is not None:
            items[-1] = _merge(previous, cells)
            state.notes.append(f"table {index + 1}: row split by the page break before page {page} re-joined")
            continue
        items.append(RowItem(tuple(cells), page, layout, state.theme, extractor, state.heading))
        state.rows_seen += 1
        identity = [c for c, r in enumerate(layout.roles) if r.field in IDENTITY_FIELDS]
        state.rows_with_identity += any(cells[c].strip() for c in identity)
        state.rows_with_ref += any(cells[c].strip() for c, r in enumerate(layout.roles) if r.field == "ref")
        count += 1
    if layout.carried_from is None:
        state.layout, state.layout_table = layout, index
    return _explanation(index, extractor, layout, count)


GROUP_FIELDS = ("objective", "stated_rec")


def records_from_items(items: list[RowItem], ctx: PlanContext) -> list[ActionRecord]:
    """Number the rows and read their fields; an objective printed once for a group of actions
    (a merged cell drawn once) applies to the actions under it."""
    records: list[ActionRecord] = []
    carried: dict[str, str] = {}
    carried_theme = ""
    previous: RowItem | None = None
    for item in items:
        cells = list(item.cells)
        same_group = (
            previous is not None
            and previous.layout.roles == item.layout.roles
            and (previous.theme == item.theme)
        )
        group_cols = [c for c, r in enumerate(item.layout.roles) if r.field in GROUP_FIELDS]
        if any(cells[c].strip() for c in group_cols):
            carried = {item.layout.roles[c].field: cells[c] for c in group_cols}
        elif same_group:
            for col in group_cols:
                cells[col] = carried.get(item.layout.roles[col].field, "")
        else:
            carried = {}
        for col, role in enumerate(item.layout.roles):
            if role.field == "theme":
                if pillar_in(cells[col]):
                    carried_theme = pillar_in(cells[col])
                elif same_group and not cells[col].strip():
                    cells[col] = carried_theme
        fields = _record_fields(cells, item.layout, ctx, item.theme)
        if not fields["objective"] and item.heading:
            fields["objective"] = item.heading
        records.append(ActionRecord(row=len(records) + 1, page=item.page, extractor=item.extractor, **fields))
        previous = item
    return records


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
