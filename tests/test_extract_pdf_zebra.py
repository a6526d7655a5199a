"""Zebra tables drawn by their fills alone: shaded cells drawn one by one, white bands between
them with no line drawn through them (hand-built pages)."""

from __future__ import annotations

from dataclasses import replace

from pdf_pages import PITCH, page_from, stacked

from talentmap.extract.pdf.columns import rule_gutters
from talentmap.extract.pdf.layout import group_lines
from talentmap.extract.pdf.page import Edge, Fill, PageData
from talentmap.extract.pdf.page_tables import Strategies, page_tables
from talentmap.extract.pdf.rows_ruled import split_lattice_rows
from talentmap.extract.pdf.settings import PdfSettings
from talentmap.extract.pdf.strategy_lines import LinesStrategy, grid_from_boxes
from talentmap.extract.pdf.strategy_text import TextColumnsStrategy

COLS = (50.0, 150.0, 280.0, 420.0, 520.0)
EDGES = (45.0, 145.0, 275.0, 415.0, 515.0, 580.0)
HEADER = ["Ref", "Objective", "Action", "Lead", "When"]


def shaded(x0: float, x1: float, top: float, bottom: float) -> tuple[Fill, list[Edge]]:
    """A filled, unstroked box as the readers keep it: the fill and its four unstroked sides."""
    sides = [
        Edge("h", x0, x1, top, top, False),
        Edge("h", x0, x1, bottom, bottom, False),
        Edge("v", x0, x0, top, bottom, False),
        Edge("v", x1, x1, top, bottom, False),
    ]
    return Fill(x0, x1, top, bottom, 0.9), sides


def zebra_page(
    body: list[list[list[str]]],
    cell_edges: tuple[float, ...] = EDGES,
    hole: int | None = None,
    framed: bool = True,
) -> PageData:
    """A framed table (the frame stroked, no column rule), its header bar and every second body
    row shaded cell by cell (the header on the columns, the body on `cell_edges`); the other rows
    white. `hole`: a column left unshaded in the shaded rows; `framed`: a frame drawn round it."""
    rows, top = stacked(body, 108.0, 8)
    rows = [(HEADER, 90.0), *rows]
    fills: list[Fill] = []
    edges = [Edge("h", 45, 580, y, y) for y in (86, top)] if framed else []
    edges += [Edge("v", x, x, 86, top) for x in (EDGES[0], EDGES[-1])] if framed else []
    bands = [(86.0, 104.0)]
    y = 104.0
    for k, row in enumerate(body):
        bottom = y + len(row) * PITCH + 8
        if k % 2 == 1:
            bands.append((y, bottom))
        y = bottom
    for b, (a, z) in enumerate(bands):
        on = cell_edges if b else EDGES
        for c, (x0, x1) in enumerate(zip(on, on[1:], strict=False)):
            if b and c == hole:
                continue
            fill, sides = shaded(x0, x1, a, z)
            fills.append(fill)
            edges += sides
    return page_from(rows, COLS, tuple(edges), tuple(fills))


BODY = [
    [["1.1", "Raise profile", "Run a showcase", "HR team", "2025"], ["", "", "for all staff", "", ""]],
    [["1.2", "Pilot it", "Pilot a network", "Estates", "2026"], ["", "", "in schools", "", ""]],
    [["1.3", "Map roles", "Map the roles", "Heads", "2027"], ["", "", "of technicians", "", ""]],
    [["1.4", "Share it", "Share the audit", "Chair", "2028"], ["", "", "with all", "", ""]],
    [["1.5", "Grow it", "Grow the network", "Dean", "2029"], ["", "", "across sites", "", ""]],
]


def body_cells(page: PageData) -> list[list[tuple[int, int]]]:
    grids = LinesStrategy().extract(page)
    grid = max(grids, key=lambda g: len(g.cells))
    split = split_lattice_rows(grid, page.words, PdfSettings(), page.fills, page.edges)
    by_row: dict[int, list[tuple[int, int]]] = {}
    for c in split.cells:
        by_row.setdefault(c.row0, []).append((c.col0, c.col1))
    return [sorted(v) for _, v in sorted(by_row.items())][1:]


def test_a_white_band_between_cells_shaded_on_the_lattices_columns_is_parted_at_those_columns():
    rows = body_cells(zebra_page(BODY))
    assert len(rows) == 5
    assert all(r == [(k, k + 1) for k in range(5)] for r in rows)


def test_a_white_row_between_rows_shaded_cell_by_cell_with_no_frame_has_cells_of_its_own():
    # nothing but the shadings is drawn, the first column one shaded cell merged down the body:
    # the white rows' places in the later columns are places of the lattice no box covers
    page = zebra_page(BODY, hole=0, framed=False)
    fill, sides = shaded(EDGES[0], EDGES[1], 104.0, max(e.bottom for e in page.edges))
    page = replace(page, edges=(*page.edges, *sides), fills=(*page.fills, fill))
    rows = body_cells(page)
    assert len(rows) >= 3
    assert all({(k, k + 1) for k in range(1, 5)} <= set(r) for r in rows)


def test_the_rest_of_a_cut_row_printed_in_one_later_column_of_a_white_band_keeps_to_that_column():
    # a page going on with a table: the first white band holds only the rest of a cut action
    body = [[["", "", "the network before", "", ""], ["", "", "launch", "", ""]], *BODY[1:]]
    rows = body_cells(zebra_page(body))
    assert rows[0] == [(k, k + 1) for k in range(5)]


def test_a_white_band_stays_one_cell_when_the_shadings_show_a_column_the_lattice_lacks():
    # the lattice as read: header cells on the five columns, each shaded row's cells, each white
    # row one box across; but the shaded cells part the first column at 100, which no lattice
    # column edge does: the lattice missed a column, and parting the white bands at its
    # columns would not mend it
    page = zebra_page(BODY)
    split_first = []
    for f in page.fills:
        if f.x0 == EDGES[0] and f.top > 100:
            split_first += [replace(f, x1=100.0), replace(f, x0=100.0)]
        else:
            split_first.append(f)
    page = replace(page, fills=tuple(split_first))
    boxes = [(x0, 86.0, x1, 104.0) for x0, x1 in zip(EDGES, EDGES[1:], strict=False)]
    ys = sorted({f.top for f in page.fills if f.top > 100} | {f.bottom for f in page.fills if f.top > 100})
    bands = [(104.0, ys[0]), *zip(ys, ys[1:], strict=False), (ys[-1], max(w.bottom for w in page.words) + 4)]
    for a, z in bands:
        if any(f.top == a for f in page.fills):
            boxes += [(x0, a, x1, z) for x0, x1 in zip(EDGES, EDGES[1:], strict=False)]
        else:
            boxes.append((EDGES[0], a, EDGES[-1], z))
    grid = grid_from_boxes(1, LinesStrategy.name, boxes)
    assert grid is not None and all(abs(e - 100.0) > 3 for e in grid.col_edges)
    split = split_lattice_rows(grid, page.words, PdfSettings(), page.fills, page.edges)
    whole = [c for c in split.cells if c.col0 == 0 and c.col1 == grid.n_cols]
    assert len(whole) == 3  # the three white rows


# --- text columns parted by where shaded cells meet --------------------------------------


def centred_pairs_page(fills: tuple[Fill, ...]) -> tuple[list, list[Fill]]:
    """Lines of two columns printed on baselines of their own (cells centred in their rows), the
    first column's text ending a point before the second's starts: no line shows the gutter."""
    rows = []
    for k in range(6):
        top = 100.0 + 3 * k * PITCH
        rows.append((["Raise the profile of all techs", ""], top))  # 30 characters: ends at 200
        rows.append((["", "Run a showcase"], top + PITCH))
    page = page_from(rows, (50.0, 201.0), (), fills)
    return group_lines(page.words, 1.5), list(fills)


def test_where_cells_shaded_one_by_one_meet_is_a_column_line_though_no_line_shows_a_gutter():
    meets = tuple(
        f
        for top in (100.0, 166.0)
        for f in (Fill(45, 200.5, top, top + 20, 0.9), Fill(200.5, 480, top, top + 20, 0.9))
    )
    lines, fills = centred_pairs_page(meets)
    out = rule_gutters(lines, (), fills, [], 0.05)
    assert [g for g in out if g.x0 <= 200.5 <= g.x1 + 0.5]


def test_the_outer_sides_of_a_panel_behind_the_lines_part_no_columns():
    panels = (Fill(45, 200.5, 100.0, 300.0, 0.9), Fill(45, 200.5, 310.0, 320.0, 0.9))
    lines, fills = centred_pairs_page(panels)
    assert rule_gutters(lines, (), fills, [], 0.05) == []


def test_shadings_beginning_where_a_white_merged_cell_ends_part_the_columns_with_one_that_ends_there():
    # the first column's cell is merged white over the shaded rows: their shadings begin at the
    # column line with nothing ending there, but one fully shaded row ends a shading there too
    bands = (
        Fill(200.5, 480, 100.0, 120.0, 0.9),
        Fill(200.5, 480, 166.0, 186.0, 0.9),
        Fill(45, 200.5, 232.0, 252.0, 0.9),
        Fill(200.5, 480, 232.0, 252.0, 0.9),
    )
    lines, fills = centred_pairs_page(bands)
    out = rule_gutters(lines, (), fills, [], 0.05)
    assert [g for g in out if g.x0 <= 200.5 <= g.x1 + 0.5]


def test_a_white_band_stays_one_cell_when_a_lattice_column_prints_no_word():
    # a lattice column no word is printed in is a strip of a cell's padding, not a column the
    # white bands are parted at
    body = [[[*cells[:4], ""] for cells in row] for row in BODY]
    page = zebra_page(body)
    page = page_from(
        [(["Ref", "Objective", "Action", "Lead", ""], 90.0), *_printed(body)], COLS, page.edges, page.fills
    )
    rows = body_cells(page)
    assert [(0, 5)] in rows


def _printed(body: list[list[list[str]]]) -> list[tuple[list[str], float]]:
    rows, _ = stacked(body, 108.0, 8)
    return rows


# --- the rest of a cut row opening the next page ---------------------------------------------


def page_opening_with_one_band(cells: list[list[str]], continues: bool) -> PageData:
    """A page whose first printed lines are one band shaded cell by cell (the rest of a row cut at
    the last page's foot, or a header), nothing else on it."""
    rows = [(line, 60.0 + k * PITCH) for k, line in enumerate(cells)]
    bottom = 60.0 + len(cells) * PITCH + 4
    fills: list[Fill] = []
    edges: list[Edge] = []
    for x0, x1 in zip(EDGES, EDGES[1:], strict=False):
        fill, sides = shaded(x0, x1, 56.0, bottom)
        fills.append(fill)
        edges += sides
    page = page_from(rows, COLS, tuple(edges), tuple(fills))
    return replace(page, continues_table=continues)


def tables_of(page: PageData) -> list:
    settings = PdfSettings()
    return page_tables(page, Strategies(LinesStrategy(), None, TextColumnsStrategy(settings)), settings)


def test_a_shaded_band_opening_a_page_going_on_with_a_table_is_the_rest_of_its_last_row():
    rest = [["", "", "been agreed. Uptake will", "", ""], ["", "", "be reviewed in 2026.", "", ""]]
    (table,) = tables_of(page_opening_with_one_band(rest, continues=True))
    assert len(table.rows) == 1
    assert table.rows[0].cells[2] == "been agreed. Uptake will be reviewed in 2026."


def test_a_header_band_filling_every_cell_is_no_rest_of_a_row():
    # a header repeated over a page going on with a table, the body's unshaded rows under it
    page = page_opening_with_one_band([HEADER], continues=True)
    body = [(cells, 90.0 + k * PITCH) for k, cells in enumerate(BODY[0] + BODY[1])]
    words = page_from(body, COLS).words
    page = replace(page, words=(*page.words, *words))
    tables = tables_of(page)
    assert not any(t.extractor == LinesStrategy.name and len(t.rows) == 1 for t in tables)


# --- a title row the column rules stop for -----------------------------------------------


def test_a_title_band_the_column_rules_stop_for_is_one_cell_though_a_word_space_falls_at_a_column():
    cols = (50.0, 90.0, 300.0, 400.0)
    title = "Improve the visibility of roles for all staff"  # "the" starts at 90: a word space
    lines = [
        (["Ref", "Action", "Lead", "When"], 90.0),
        (["1.1", "Run a showcase", "HR team", "2025"], 106.0),
        (["1.2", "Pilot a network", "Estates", "2026"], 122.0),
        ([title], 138.0),
        (["2.1", "Map the roles", "Heads", "2027"], 154.0),
        (["2.2", "Share the audit", "Chair", "2028"], 170.0),
    ]
    tops = [86.0, 102.0, 118.0, 134.0, 150.0, 166.0, 182.0]
    edges = [Edge("h", 45, 480, y, y) for y in tops]
    edges += [
        Edge("v", x - 1, x - 1, a, b)
        for x in cols[1:]
        for a, b in zip(tops, tops[1:], strict=False)
        if a != 134.0  # the title's band: the column rules stop for it
    ]
    page = page_from(lines, cols, tuple(edges))
    assert any(abs(w.x0 - cols[1]) < 0.1 for w in page.words if w.top == 138.0)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    titled = [c for c in grid.cells if c.top <= 140 <= c.bottom]
    assert len(titled) == 1 and titled[0].col1 - titled[0].col0 == grid.n_cols
