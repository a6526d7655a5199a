"""Title rows, spanning cells and page joins of top-aligned tables, on hand-built pages."""

from __future__ import annotations

from dataclasses import replace

from pdf_pages import (
    CHAR,
    COLS,
    PITCH,
    line_words,
    page_from,
    rules_across,
    sections_in_bands,
    stacked,
    two_line_rows,
)

from talentmap.extract.pdf.columns import find_gutters
from talentmap.extract.pdf.grid import PageRow, PageTable
from talentmap.extract.pdf.join import join_pieces
from talentmap.extract.pdf.layout import group_lines
from talentmap.extract.pdf.page import Edge, Fill, PageData
from talentmap.extract.pdf.rows_ruled import split_lattice_rows
from talentmap.extract.pdf.settings import PdfSettings
from talentmap.extract.pdf.strategy_lines import LinesStrategy
from talentmap.extract.pdf.strategy_text import TextColumnsStrategy

TITLE = "Embed recognition of technicians in all of our processes"  # runs across two gutters


def banded_page(title_in_band: bool) -> tuple[PageData, int]:
    """A table whose rows are parted by rules (zebra bands' edges), one of them holding an
    objective title over the row under it (both unshaded, so no rule parts them); and the
    number of rows a reader should see."""
    rows = [(["Ref", "Action", "Lead", "When"], 90)]
    rules = [86.0, 102.0]
    top = 106.0
    for k in range(5):
        if k == 2 and title_in_band:
            rows.append(([TITLE], top))
            top += PITCH + 6
        rows.append(([f"{k + 1}", "Run a showcase", "HR team", "2025"], top))
        rows.append((["", "for all staff", "", ""], top + PITCH))
        top += 2 * PITCH + 6
        rules.append(top - 2)
    edges = tuple(Edge("h", 45, 480, y, y) for y in rules)
    return page_from(rows, COLS, edges), 1 + 5 + title_in_band


def test_a_title_line_over_a_row_in_one_band_is_a_row_of_its_own():
    page, n_rows = banded_page(title_in_band=True)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == n_rows
    titled = [c for c in grid.cells if c.col0 == 0 and c.col1 == grid.n_cols]
    assert len(titled) == 1  # the title alone spans the columns; the row under it has its cells


def test_section_titles_across_a_gutter_do_not_count_as_bands_of_column_text():
    # frame and header rules only, three sections; each section's title is a long line run
    # across the gutters in a band of its own, each body band holds two two-line rows
    rows, rules = sections_in_bands(
        [f"Pillar {s + 1}: recognition of the technical staff in all schools" for s in range(3)]
    )
    page = page_from(rows, COLS, rules_across(rules))
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 1 + 3 * 3


def test_a_row_left_unshaded_under_the_last_zebra_band_belongs_to_the_table():
    page, _ = banded_page(title_in_band=False)
    last = (["6", "Pilot a network", "Estates", "2026"], 106.0 + 5 * (2 * PITCH + 6))
    page = page_from([*_rows_of(page), last], COLS, page.edges)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 1 + 6


def test_the_rest_of_a_row_over_the_first_band_of_a_page_going_on_with_a_table_is_its_first_row():
    body = [([f"{k + 1}", "Run a showcase", "HR team", "2025"], 120.0 + k * 30) for k in range(4)]
    rest = (["", "for all staff", "", ""], 100.0)
    rules = tuple(Edge("h", 45, 480, 116.0 + k * 30, 116.0 + k * 30) for k in range(5))
    page = page_from([rest, *body], COLS, rules)
    going_on = replace(page, continues_table=True)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(going_on)
    assert grid.n_rows == 5 and min(c.top for c in grid.cells) < 100


def _rows_of(page: PageData) -> list[tuple[list[str], float]]:
    """The page's printed lines back as (cells, top), cells by column."""
    out = []
    for ln in group_lines(page.words, 1.5):
        cells = ["", "", "", ""]
        for w in ln.words:
            c = max(k for k, x in enumerate(COLS) if w.x0 >= x)
            cells[c] = f"{cells[c]} {w.text}".strip()
        out.append((cells, ln.top))
    return out


# --- columns ---------------------------------------------------------------------------------

MONO_OBJECTIVES = [  # each has a word boundary 20 characters in, after a different word
    "Plan for the future technical workforce",
    "Value the expertise of technical staff",
    "Support technicians to develop skills",
    "Build the programme across all faculties",
    "Grow the team again in every school",
    "Open career pathway for new starters",
    "Make technical work visible to all",
    "Hold an annual fair each spring",
    "Recognise all technical staff",  # ...but one, printed across it
]


def test_word_starts_one_fixed_pitch_run_shares_are_no_column_start():
    leads = ["HR", "Estates", "Heads", "Managers", "Director", "Team", "Chair", "Dean", "Staff"]
    rows = [([text, leads[k]], 100 + k * PITCH) for k, text in enumerate(MONO_OBJECTIVES)]
    page = page_from(rows, (50.0, 300.0))
    lines = group_lines(page.words, 1.5)
    gutters = find_gutters(lines, 2 * CHAR, PdfSettings().gutter_noise_share)  # two spaces, as the reader
    assert len(gutters) == 1 and gutters[0].x1 > 290


# --- lattice rows whose body rules no columns ----------------------------------------------

FIVE = (50.0, 150.0, 280.0, 420.0, 520.0)
FIVE_EDGES = (45.0, 145.0, 275.0, 415.0, 515.0, 580.0)


def framed_body_with_ruled_header(body: list[list[list[str]]]) -> PageData:
    """A frame round the table and a rule under its header; column rules only in the header
    (its cells' borders), none down the body: each body row is one lattice cell across."""
    rows, top = stacked(body, 108.0, 8)
    rows = [(["Theme", "Objective", "Action", "Lead", "When"], 90), *rows]
    edges = [Edge("h", 45, 580, y, y) for y in (86, 102, top)]
    edges += [Edge("v", x, x, 86, 102) for x in FIVE_EDGES[1:-1]]
    edges += [Edge("v", x, x, 86, top) for x in (FIVE_EDGES[0], FIVE_EDGES[-1])]
    return page_from(rows, FIVE, tuple(edges))


def body_cells(page: PageData) -> list[list[tuple[int, int]]]:
    settings = PdfSettings()
    (grid,) = LinesStrategy().extract(page)
    split = split_lattice_rows(grid, page.words, settings, page.fills, page.edges)
    by_row: dict[int, list[tuple[int, int]]] = {}
    for c in split.cells:
        by_row.setdefault(c.row0, []).append((c.col0, c.col1))
    return [sorted(v) for _, v in sorted(by_row.items())][1:]


def test_rows_of_a_body_drawn_without_column_rules_part_their_cells_where_the_text_keeps_to_columns():
    body = [
        [["Visibility", "Raise profile", "Run a showcase", "HR team", "2025"], ["", "", "for all", "", ""]],
        [["", "", "Pilot a network", "Estates", "2026"], ["", "", "for all staff", "", ""]],
        [["", "", "Map the roles", "Heads", "2027"], ["", "", "in schools", "", ""]],
    ]
    rows = body_cells(framed_body_with_ruled_header(body))
    assert len(rows) == 3
    assert all(len(r) == 5 for r in rows)


def test_a_title_row_of_a_body_without_column_rules_stays_one_cell():
    # a word space of the title falls right at a column's start: it is still one run of words
    title = ["Support for the new Technician Commitment", "", "", "", ""]
    body = [
        [["1.1", "Raise profile", "Run a showcase", "HR team", "2025"], ["", "", "for all", "", ""]],
        [title],
        [["2.1", "Pilot it", "Pilot a network", "Estates", "2026"], ["", "", "for all staff", "", ""]],
    ]
    page = framed_body_with_ruled_header(body)
    title_words = [w for w in page.words if w.top == 108.0 + 2 * PITCH + 8]
    assert any(abs(w.x0 - FIVE[1]) < 0.1 for w in title_words)  # "the" starts at column 2
    rows = body_cells(page)
    assert rows[1] == [(0, 5)] or len(rows[1]) == 1


def test_three_columns_opening_together_after_cell_padding_open_a_row():
    # one-line rows under a theme and objective printed once above: every later column opens
    # again right under the row above, parted only by the cells' padding
    body = [
        [
            ["Visibility", "Raise profile", "Run a showcase", "HR team", "2025"],
            ["", "of staff", "for all staff", "", ""],
            ["", "", "each year", "", ""],
        ],
        [["", "", "Deliver an open day.", "Heads", "2026"]],
        [["", "", "Recognise the reps", "Estates", "2027"], ["", "", "on committees", "", ""]],
    ]
    rows, top = stacked(body, 108.0, 5)
    rows = [(["Theme", "Objective", "Action", "Lead", "When"], 90), *rows]
    edges = [Edge("h", 45, 580, y, y) for y in (86, 102, top)]
    edges += [Edge("v", x, x, 86, top) for x in FIVE_EDGES]
    page = page_from(rows, FIVE, tuple(edges))
    (grid,) = LinesStrategy().extract(page)
    split = split_lattice_rows(grid, page.words, PdfSettings(), page.fills, page.edges)
    assert split.n_rows == 4


# --- joins across pages --------------------------------------------------------------------


def piece(page: int, rows: list[tuple[str, ...]], spanned: list[tuple[bool, ...]] | None = None) -> PageTable:
    n = len(rows[0])
    spans = spanned or [(False,) * n] * len(rows)
    page_rows = tuple(PageRow(r, 100 + 20 * k, s) for k, (r, s) in enumerate(zip(rows, spans, strict=True)))
    edges = tuple(50.0 + 100 * k for k in range(n + 1))
    return PageTable(page, "pdfplumber-lines", page_rows, 100, 700, 50, 550, 1.0, frozenset(), edges)


HEADER = ("Theme", "Objective", "Action", "Lead", "When")


def test_a_new_pages_row_that_fills_again_every_cell_the_last_row_filled_is_a_new_row():
    # the theme and objective were printed once, above: the next row leaves them empty
    first = piece(1, [HEADER, ("Visibility", "Raise profile", "Run a showcase.", "HR team", "2025")])
    second = piece(2, [HEADER, ("", "", "Update a network.", "Estates", "2026")])
    (table,) = join_pieces([first, second])
    assert [r.cells[2] for r in table.rows[1:]] == ["Run a showcase.", "Update a network."]


def test_the_rest_of_a_cut_row_is_still_joined_to_it():
    first = piece(1, [HEADER, ("Visibility", "Raise profile", "Run a showcase", "HR team", "2025")])
    second = piece(2, [HEADER, ("", "", "for all staff.", "", "")])
    (table,) = join_pieces([first, second])
    assert [r.cells[2] for r in table.rows[1:]] == ["Run a showcase for all staff."]


def test_a_merged_cell_cut_at_the_page_foot_holds_its_whole_text_in_the_rows_under_it():
    first = piece(
        1, [HEADER, ("Visibility", "Secure a workforce so that", "Run a showcase to", "HR", "2025")]
    )
    span = (False, True, False, False, False)
    second = piece(
        2,
        [
            HEADER,
            ("", "staff are seen", "close the gap.", "", ""),
            ("", "staff are seen", "Pilot it.", "HR", "2026"),
        ],
        [(False,) * 5, span, span],
    )
    (table,) = join_pieces([first, second])
    assert [r.cells[1] for r in table.rows[1:]] == ["Secure a workforce so that staff are seen"] * 2


def test_the_rest_of_a_row_under_a_banner_opens_an_unruled_page_going_on_with_a_table():
    rows = [(["Fairleigh University - Our Technician Commitment action plan for all staff"], 40.0)]
    rows.append((["", "", "on the pilot run", ""], 52.0))
    top = 70.0
    actions = ["Run showcases", "Pilot networks", "Map the roles", "Fund training"]
    for k in range(4):
        rows.append(([f"Theme {k}", "Raise profile", actions[k], "HR team"], top))
        rows.append((["", "of staff", "for all staff", ""], top + PITCH))
        top += 2 * PITCH + 8
    page = replace(page_from(rows, COLS), continues_table=True)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    rest = [c for c in grid.cells if (c.col0, c.col1) == (2, 3) and c.top <= 52.0 < c.bottom]
    assert rest and rest[0].bottom < 70.0  # a row of its own, to be joined to the last page's


def _continuation_page_read(first_line: list[str]):
    """A continuation page: one line at its top, then four two-line rows a row's padding below."""
    rows = [(first_line, 40.0)]
    top = 80.0
    for k in range(4):
        rows.append(([f"{k + 1}", "Run a showcase", "HR team", "2025"], top))
        rows.append((["", "for all staff", "", ""], top + PITCH))
        top += 2 * PITCH + 8
    page = replace(page_from(rows, COLS), continues_table=True)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    return grid


def test_the_rest_of_a_row_printed_alone_atop_a_page_going_on_with_a_table_is_its_first_row():
    # a page break cut the last row of the page before: its tall cell's last line prints alone at
    # this page's top, a row's padding (over two line pitches) above the next rows
    grid = _continuation_page_read(["", "as agreed.", "", ""])
    assert grid.n_rows == 5 and min(c.top for c in grid.cells) <= 40.0


def test_a_title_printed_atop_a_page_going_on_with_a_table_stays_out_of_it():
    grid = _continuation_page_read(["Theme two", "", "", ""])
    assert grid.n_rows == 4 and min(c.top for c in grid.cells) > 40.0


# --- furniture -----------------------------------------------------------------------------


def test_a_banner_printed_right_over_the_body_on_every_page_is_furniture():
    from talentmap.extract.pdf.furniture import strip_furniture

    words = ["Visibility", "Recognition", "Careers", "Sustainability", "Estates", "Outreach"]
    pages = []
    for number in (1, 2):
        rows = []
        for k in range(6):
            cells = [words[(k + number) % 6], words[k], words[(k + 2 * number) % 6], "HR"]
            rows.append((cells, 44.0 + k * PITCH))
        page = page_from(rows, COLS, number=number)
        # the banner 5pt over the body, its pieces apart from the table's columns
        banner = line_words(["12/1/26, 11:18 PM", "Action Plan"], 30.0, (20.0, 330.0))
        pages.append(replace(page, words=(*banner, *page.words)))
    kept = strip_furniture(pages, PdfSettings())
    assert all(not any(w.text == "Plan" for w in p.words) for p in kept)
    assert all(any(w.text == "Outreach" for w in p.words) for p in kept)


def test_a_ref_opening_a_row_beside_a_merged_cell_running_on_in_lower_case_starts_the_row():
    # the objective spans rows 4 and 5: its last line, in lower case, prints beside ref 5
    rows = [
        (["Objective", "Ref", "Action", "Lead"], 90),
        (["Increase engagement", "4", "Review open days", "HR"], 108),
        (["with the staff", "", "for all", ""], 108 + PITCH),
        (["to support the", "", "", ""], 108 + 2 * PITCH),
        (["technicians", "5", "Develop the fund", "Estates"], 108 + 3 * PITCH),
        (["", "", "for all staff", ""], 108 + 4 * PITCH),
        (["Ensure staff", "6", "Update the days", "HR"], 108 + 5 * PITCH + 8),
        (["are seen", "", "each year", ""], 108 + 6 * PITCH + 8),
    ]
    foot = 108 + 7 * PITCH + 12
    page = page_from(rows, COLS, tuple(Edge("h", 45, 480, y, y) for y in (86, 102, foot)))
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 4


def test_a_title_over_the_wide_gutter_beside_a_column_of_short_refs_is_a_row_of_its_own():
    # refs of one digit leave a wide clear strip before the actions; the title runs over the
    # strip with a word space right where the actions start, so it crosses no column start
    cols = (50.0, 150.0, 300.0, 400.0)
    rows = [(["Ref", "What we will do", "How impact", "When"], 90)]
    rules = [86.0, 102.0]
    top = 106.0
    for k in range(5):
        if k == 2:
            rows.append((["Make recognition of technicians count"], top))
            top += PITCH + 6
        rows.append(([f"{k + 1}", "Run a showcase", "HR team", "2025"], top))
        rows.append((["", "for all staff", "", ""], top + PITCH))
        top += 2 * PITCH + 6
        rules.append(top - 2)
    page = page_from(rows, cols, tuple(Edge("h", 45, 480, y, y) for y in rules))
    assert any(w.text == "technicians" and w.x0 == cols[1] for w in page.words)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 1 + 5 + 1
    assert sum(1 for c in grid.cells if c.col0 == 0 and c.col1 == grid.n_cols) == 1


def test_prose_lines_across_the_columns_under_a_short_line_are_no_title_rows():
    # a band of prose between two rules: a short line in the first column, then paragraph lines
    # run across the columns; no line of the band prints in the columns, so nothing is a title
    rows = [(["Ref", "Action", "Lead", "When"], 90)]
    rules = [86.0, 102.0]
    top = 106.0
    for k in range(5):
        if k == 2:
            rows.append((["Source: the survey."], top))
            rows.append((["In the year the region was among the best performing places"], top + PITCH))
            top += 2 * PITCH + 6
            rules.append(top - 2)
        rows.append(([f"{k + 1}", "Run a showcase", "HR team", "2025"], top))
        rows.append((["", "for all staff", "", ""], top + PITCH))
        top += 2 * PITCH + 6
        rules.append(top - 2)
    page = page_from(rows, COLS, tuple(Edge("h", 45, 480, y, y) for y in rules))
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 1 + 5 + 1


def test_a_page_number_printed_right_under_the_last_row_is_furniture():
    from talentmap.extract.pdf.furniture import strip_furniture

    words = ["Visibility", "Recognition", "Careers", "Sustainability", "Estates", "Outreach"]
    pages = []
    for number in (1, 2, 3):
        rows = []
        n_rows = 6 if number == 1 else 2  # the first page's table runs down to its foot
        for k in range(n_rows):
            cells = [words[(k + number) % 6], words[k], words[(k + 2 * number) % 6], "HR"]
            rows.append((cells, 700.0 - (n_rows - k) * PITCH))
        if number > 1:
            rows = [(cells, top - 300) for cells, top in rows]
        page = page_from(rows, COLS, number=number)
        footer = line_words([f"Page {number} of 3"], 704.0, (250.0,))  # 4pt under the last row
        pages.append(replace(page, words=(*page.words, *footer)))
    kept = strip_furniture(pages, PdfSettings())
    assert not any(w.text == "Page" for w in kept[0].words)
    assert sum(1 for w in kept[0].words if w.text == "HR") == 6


def test_a_shaded_cell_with_text_beside_it_is_no_boxed_row_of_its_own():
    # zebra bands drawn cell by cell: the ref cell's box holds the ref alone, the row's other
    # cells print beside it; the ref stays in the table's rows
    rows = [(["Ref", "Action", "Lead", "When"], 90)]
    for k in range(4):
        rows.append(([f"B{k + 1}", f"Run showcase {k}", "HR team", "2025"], 108 + k * 2 * PITCH))
        rows.append((["", "for all staff", "", ""], 108 + k * 2 * PITCH + PITCH))
    fills, sides = [], []
    for k in (1, 3):  # rows B2 and B4 shaded cell by cell, the ref's cell a box of its own
        t, b = 108 + k * 2 * PITCH - 2, 108 + (k + 1) * 2 * PITCH - 3
        for x0, x1 in ((45, 190), (290, 480)):  # the action's cell unshaded (a merged cell)
            fills.append(Fill(x0, x1, t, b, 0.9))
            sides += [Edge("h", x0, x1, t, t, False), Edge("h", x0, x1, b, b, False)]
            sides += [Edge("v", x0, x0, t, b, False), Edge("v", x1, x1, t, b, False)]
    edges, fills = tuple(sides), tuple(fills)
    page = page_from(rows, COLS, edges, fills)
    from talentmap.extract.pdf.page_tables import Strategies, page_tables

    settings = PdfSettings()
    strategies = Strategies(LinesStrategy(), None, TextColumnsStrategy(settings))
    tables = page_tables(page, strategies, settings)
    in_rows = {r.cells[0] for t in tables for r in t.rows if len(r.cells) == 4}
    assert {"B1", "B2", "B3", "B4"} <= in_rows


def test_the_rest_of_a_cut_row_whose_first_cell_goes_on_in_capitals_is_joined_to_it():
    # "4." then "Sustainability" on the next page (a wrapped theme), the objective and action going
    # on in lower case, the short lead and date ended above the cut
    first = piece(1, [HEADER, ("4.", "Ensure staff are", "Create a fund", "Technical", "Year 1")])
    second = piece(
        2,
        [
            HEADER,
            ("Sustainability", "recognised for it", "at school level.", "Managers", ""),
            ("", "Embed recognition", "Run a showcase.", "HR team", "2026"),
        ],
    )
    (table,) = join_pieces([first, second])
    assert [r.cells[1] for r in table.rows[1:]] == ["Ensure staff are recognised for it", "Embed recognition"]
    assert table.rows[1].cells[0] == "4. Sustainability"


def test_a_new_row_opening_in_capitals_in_every_cell_is_not_joined():
    first = piece(1, [HEADER, ("Visibility", "Raise profile", "Run a showcase", "HR team", "2025")])
    second = piece(2, [HEADER, ("Recognition", "Embed recognition", "update a network.", "Estates", "2026")])
    (table,) = join_pieces([first, second])
    assert len(table.rows) == 3


# --- outer column rules left out ------------------------------------------------------------


def test_a_lattice_whose_first_column_has_no_left_rule_keeps_that_columns_words():
    # column rules and a right side down the table, rules across from the table's left edge
    top = 160.0
    rows = [
        (["Theme", "Objective", "Action", "Lead", "When"], 90),
        (["Visibility", "Raise profile", "Run a showcase", "HR team", "2025"], 108),
        (["Recognition", "Embed it", "Fund awards", "Estates", "2026"], 130),
    ]
    edges = [Edge("h", 45, 580, y, y) for y in (86, 102, top)]
    edges += [Edge("v", x, x, 86, top) for x in FIVE_EDGES[1:]]
    page = page_from(rows, FIVE, tuple(edges))
    (grid,) = LinesStrategy().extract(page)
    assert grid.col_edges[0] == 45 and grid.n_cols == 5
    body = [c for c in grid.cells if c.col0 == 0 and c.top >= 102]
    assert body and all(c.x0 == 45 for c in body)


def test_rules_across_with_column_rules_and_neither_side_get_no_sides():
    # the strips outside the outermost column rules may hold several unruled columns
    edges = [Edge("h", 45, 580, y, y) for y in (86, 102, 160)]
    edges += [Edge("v", x, x, 86, 160) for x in FIVE_EDGES[1:-1]]
    page = page_from([(["Theme", "Objective", "Action", "Lead", "When"], 90)], FIVE, tuple(edges))
    (grid,) = LinesStrategy().extract(page)
    assert grid.col_edges[0] == FIVE_EDGES[1] and grid.col_edges[-1] == FIVE_EDGES[-2]


def test_a_pages_piece_of_a_lattice_under_column_rules_with_one_rule_across_is_a_lattice():
    # the table goes on from the last page: its column rules start at the page top, one foot rule
    rows = [
        (["", "staff are seen", "for all staff.", "", ""], 50),
        (["Recognition", "Embed it", "Fund", "HR", "2026"], 70),
    ]
    edges = [Edge("h", 45, 580, 90, 90)]
    edges += [Edge("v", x, x, 45, 90) for x in FIVE_EDGES]
    page = page_from(rows, FIVE, tuple(edges))
    (grid,) = LinesStrategy().extract(page)
    assert grid.n_cols == 5 and grid.bbox[1] == 45


def running_head_page(head: bool) -> PageData:
    """A running head underlined by a rule across the text block, then the page's title and
    intro (lines across the columns), then a table whose own first rule is under its header
    (a header bar's edge): ruled bands of two-line rows."""
    rows = [(["University of Caldervale action plan"], 40.0)] if head else []
    rows += [(["Technician Commitment action plan"], 56.0)]
    intro = "This plan sets out how we will meet the four principles of the Commitment and is reviewed"
    rows.append(([intro], 70.0))
    rows.append((["Ref", "Action", "Lead", "When"], 100.0))
    rules = [50.5, 98.0, 112.0]
    body, _ = stacked(
        [[[f"{k + 1}", "Run a showcase", "HR team", "2025"], ["", "for all staff"]] for k in range(4)],
        114.0,
        4,
    )
    rows += body
    rules += [114.0 + (k + 1) * (2 * PITCH + 4) - 2 for k in range(4)]
    page = page_from(rows, COLS, tuple(Edge("h", 45, 480, y, y) for y in rules))
    # the intro's last line: a word space falls at the gutter after the first column
    last = line_words(["and is reviewed each year by the", "Steering Group."], 70.0 + PITCH, (35.0, 200.0))
    return replace(page, words=(*page.words, *last))


def test_the_rule_under_a_running_head_is_no_top_of_the_table_under_the_title():
    # the first rule underlines the page's first line (or opens the page, its head read as
    # furniture); the band under it holds only the title and intro, across the columns
    for head in (True, False):
        (grid,) = TextColumnsStrategy(PdfSettings()).extract(running_head_page(head))
        assert grid.n_rows == 1 + 4 and min(c.top for c in grid.cells) >= 98.0, head


def test_a_header_ruled_again_over_a_second_table_leaves_each_frame_its_body_rows():
    # two tables under headings, each ruled at its top and under its header only (no foot rule
    # on the first): the first table's body band runs down to the second's top rule, the
    # heading in it; each body band still holds rows, one per ref
    header = ["Ref", "Action", "Lead", "When"]
    rows = [(header, 90.0)]
    rules = [86.0, 102.0]
    body, top = two_line_rows(["1.1", "1.2", "1.3", "1.4"], 106.0)
    rows += [*body, (["Pillar two"], top + 4)]
    rules += [top + 20, top + 36]
    rows.append((header, top + 24))
    body, top = two_line_rows(["2.1", "2.2", "2.3"], top + 40)
    rows += body
    rules.append(top)
    page = page_from(rows, COLS, tuple(Edge("h", 45, 480, y, y) for y in rules))
    grids = TextColumnsStrategy(PdfSettings()).extract(page)
    refs = [w for w in page.words if w.text[:1].isdigit() and w.x0 == COLS[0]]
    rows = {(k, c.row0) for w in refs for k, g in enumerate(grids) for c in g.cells if c.holds(w)}
    assert len(refs) == 7 and len(rows) == 7


def test_a_sentence_going_on_alone_in_its_column_right_under_the_last_line_is_no_new_row():
    # the only row under the header on a page, its first cell merged from the page before:
    # the action's next sentence starts, capitalised, right under its last line, the other
    # cells ended above
    body = [
        [
            ["", "Develop the job family", "Number of staff", "Staff team", "Year 1"],
            ["", "for grades 3 to 6.", "doubles", "", ""],
            ["", "Technicians will be", "", "", ""],
            ["", "consulted on it.", "", "", ""],
        ]
    ]
    assert len(body_cells(framed_body_with_ruled_header(body))) == 1


# --- tables ruled on some edges only ---------------------------------------------------------


def _framed_page_going_on(rest_lines: int, leads: list[list[str]]) -> PageData:
    """A page going on with a table ruled at its header's edges, its left side and its foot
    only: the rest of a row cut at the last page's foot (`rest_lines` lines in the action column),
    then one three-line row per entry of `leads` (each its lead cell's lines), no rule between."""
    rows = [(["Ref", "Action", "Lead", "When"], 90.0)]
    top = 106.0
    for k in range(rest_lines):
        rows.append((["", f"the rest of it {k}", "", ""], top))
        top += PITCH
    top += 6
    for k, lead in enumerate(leads):
        rows.append(([f"{k + 1}", "Run a showcase", lead[0], "2025"], top))
        for j in (1, 2):
            rows.append((["", "for all staff", lead[j] if j < len(lead) else "", ""], top + j * PITCH))
        top += 3 * PITCH + 6
    bottom = top - 4
    edges = (*rules_across([86.0, 102.0, bottom]), Edge("v", 45, 45, 86, bottom))
    return replace(page_from(rows, COLS, edges), continues_table=True)


def test_rows_under_a_cut_rows_rest_in_one_column_open_where_their_columns_open_together():
    # the new rows' short cells each end a line after they open, far above the band's middle
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(_framed_page_going_on(1, [["HR team"]] * 4))
    assert grid.n_rows == 1 + 1 + 4


def test_cells_opening_on_one_line_and_ending_lines_apart_are_top_aligned_rows():
    # a long rest puts the first new row under the band's middle; its ref ends on its first line,
    # its lead a line later: cells sharing a top but no centre are no centred cells of one row
    page = _framed_page_going_on(8, [["HR team", "and Estates"], ["Heads"]])
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 1 + 1 + 2


def test_a_ruled_header_box_over_centred_ruled_rows_is_the_tables_header():
    # the header boxed by rules; rows ruled under it with centred cells: only the tall action
    # cell prints near the header, the row's short cells start lower, down to its rule
    from talentmap.extract.pdf.page_tables import Strategies, page_tables

    rows = [(["Ref", "Action", "Lead", "When"], 90.0)]
    rules = [86.0, 102.0]
    top = 106.0
    for k in range(3):
        rows += [(["", f"Show {k} line {j}", "", ""], top + j * PITCH) for j in range(7)]
        rows.append(([f"{k + 1}", "", "HR team", "2025"], top + 3 * PITCH))
        top += 7 * PITCH + 6
        rules.append(top - 3)
    edges = (*rules_across(rules), Edge("v", 45, 45, 86, 102), Edge("v", 480, 480, 86, 102))
    page = page_from(rows, COLS, edges)
    settings = PdfSettings()
    tables = page_tables(page, Strategies(LinesStrategy(), None, TextColumnsStrategy(settings)), settings)
    assert len(tables) == 1
    assert tables[0].rows[0].cells == ("Ref", "Action", "Lead", "When") and len(tables[0].rows) == 4


def _lattice_under_ruled_header(heading: list[str]) -> PageData:
    """Column rules down the body's three rows only; over them a two-line header band ruled
    across above and below (part-way between its lines: a group's label over two columns)."""
    rows = [(heading, 90.0), (["", "", "By when", "Status"], 90.0 + PITCH + 3)]
    rules = [86.0, 102.0 + PITCH + 3]
    top = rules[-1] + 4
    for k in range(3):
        rows += [
            ([f"{k + 1}", "Run a showcase", "2025", "Red"], top),
            (["", "for all staff", "", ""], top + PITCH),
        ]
        top += 2 * PITCH + 8
        rules.append(top - 4)
    edges = [*rules_across(rules), Edge("h", 295, 480, 102, 102)]
    edges += [Edge("v", x, x, rules[1], rules[-1]) for x in (45, 195, 295, 395, 480)]
    return page_from(rows, COLS, tuple(edges))


def test_a_header_ruled_across_over_a_lattice_of_body_column_rules_is_its_first_row():
    from talentmap.extract.pdf.page_tables import Strategies, page_tables

    settings = PdfSettings()
    strategies = Strategies(LinesStrategy(), None, TextColumnsStrategy(settings))
    page = _lattice_under_ruled_header(["Ref", "Action", "Implementation", ""])
    tables = page_tables(page, strategies, settings)
    assert len(tables) == 1
    assert tables[0].rows[0].cells == ("Ref", "Action", "Implementation By when", "Status")
    assert len(tables[0].rows) == 4


def test_a_heading_running_across_the_columns_over_a_lattice_is_no_header_row():
    from talentmap.extract.pdf.page_tables import Strategies, page_tables

    settings = PdfSettings()
    strategies = Strategies(LinesStrategy(), None, TextColumnsStrategy(settings))
    page = _lattice_under_ruled_header(["Sections two: recognition of all the staff"])  # "all" opens col 2
    page = replace(page, words=tuple(w for w in page.words if w.top < 100 or w.top > 110))
    lattice = next(t for t in page_tables(page, strategies, settings) if t.extractor != "text-columns")
    assert lattice.rows[0].cells[0] == "1"


def test_a_row_opening_every_other_column_beside_a_group_cell_running_on_is_a_row():
    # an unruled body under a header rule: a group's outcome printed once runs on down its
    # column while a second row opens in every other column, off the outcome's baselines
    def group(top: float, outcome: list[str], rows: list[tuple[float, list[list[str]]]]):
        out = [([line, "", "", ""], top + k * PITCH) for k, line in enumerate(outcome)]
        for at, cells in rows:
            out += [(["", *line], top + (at + j) * PITCH) for j, line in enumerate(cells)]
        return out

    outcome = ["Provide clear", "career routes", "for all the", "technical", "staff in all", "the schools"]
    rows = [(["Outcome", "Activity", "Lead", "When"], 90.0)]
    rows += group(
        108.0,
        outcome,
        [
            (0, [["Map a scheme.", "HR team", "2025"]]),
            (3.5, [["Expand the", "Heads", "2026"], ["scheme again.", "", ""]]),
        ],
    )
    rows += group(
        108.0 + 7 * PITCH, ["Value the", "expertise"], [(0, [["Run a showcase", "Estates", "2027"]])]
    )
    page = page_from(rows, COLS, rules_across([102.0]))
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 1 + 3


def test_cells_rebuilt_in_a_lattice_keep_the_open_flags_of_the_cells_at_the_page_foot():
    # a white row between rows shaded cell by cell has no boxes (a hole, filled in); the last
    # row, cut at the page foot, is open: re-sorting the cells must not move its flags
    from talentmap.extract.pdf.grid import GridCell, PageGrid

    xs, ys = (45.0, 195.0, 295.0, 395.0), (86.0, 102.0, 126.0, 150.0)
    cells = [
        GridCell(r, r + 1, c, c + 1, xs[c], ys[r], xs[c + 1], ys[r + 1]) for r in (0, 2) for c in range(3)
    ]
    grid = PageGrid(1, "lines", 3, 3, tuple(cells), col_edges=xs, open_cells=frozenset({3, 4, 5}))
    rows = [(["Ref", "Action", "Lead"], 90.0), (["1", "Run a showcase", "HR team"], 108.0)]
    rows.append((["2", "Pilot a network", "Estates"], 132.0))
    page = page_from(rows, COLS)
    filled = split_lattice_rows(grid, page.words, PdfSettings())
    assert filled.n_rows == 3 and len(filled.cells) == 9
    assert {(filled.cells[i].row0, filled.cells[i].col0) for i in filled.open_cells} == {
        (2, 0),
        (2, 1),
        (2, 2),
    }


def test_an_empty_cell_open_at_the_page_foot_does_not_end_the_row_cut_there():
    # only the last row's empty status cell has no rule under it (its text cells' shading ends
    # at the foot): an open cell that holds nothing carries nothing over the break, so it says
    # no merged cell goes on past a row that ended; the page's first row is the row's rest
    head = PageRow(("Ref", "Action", "Lead", "Status"), 90.0, (False,) * 4)
    last = PageRow(
        ("7", "Pilot a network in", "Estates", ""), 108.0, (False,) * 4, open_end=(False, False, False, True)
    )
    a = replace(piece(1, [head.cells, last.cells]), rows=(head, last))
    rest = PageRow(("", "every school", "", ""), 40.0, (False,) * 4)
    nxt = PageRow(("8", "Run a showcase", "HR team", "G"), 60.0, (False,) * 4)
    b = replace(piece(2, [rest.cells, nxt.cells]), rows=(rest, nxt))
    (table,) = join_pieces([a, b])
    assert [r.cells[1] for r in table.rows[1:]] == ["Pilot a network in every school", "Run a showcase"]


def test_a_whole_row_in_one_lattice_row_atop_a_page_going_on_with_a_table_is_read_in_its_cells():
    # the table's last row printed alone on the next page, its group cell (merged over rows,
    # printed once above) empty: one lattice row scores nothing, yet it is a row of the table
    from talentmap.extract.pdf.page_tables import Strategies, page_tables

    rows = [
        (["", "Extend the exit", "Technician", "2025"], 80.0),
        (["", "interviews.", "Steering", ""], 80.0 + PITCH),
    ]
    edges = (
        *rules_across([76.0, 80.0 + 2 * PITCH + 4]),
        *(Edge("v", x, x, 76, 106) for x in (45, 195, 295, 395, 480)),
    )
    page = replace(page_from(rows, COLS, edges), continues_table=True)
    settings = PdfSettings()
    (table,) = page_tables(page, Strategies(LinesStrategy(), None, TextColumnsStrategy(settings)), settings)
    assert table.extractor == "pdfplumber-lines"
    assert table.rows[0].cells == ("", "Extend the exit interviews.", "Technician Steering", "2025")


def test_an_indented_heading_at_the_foot_of_the_last_rows_band_is_a_row_of_its_own():
    # rules under each row but the last (none under a section's last row), then the next
    # section's heading, indented in the first column and running across a gutter, and its
    # header and rows: the heading is a title row, the last row keeps its cells
    rows = [(["Ref", "Action", "Lead", "When"], 90.0)]
    rules = [86.0, 102.0]
    top = 106.0
    for k in range(3):
        rows += [
            ([f"A{k + 1}", "Run a showcase", "HR team", "2025"], top),
            (["", "for all staff", "", ""], top + PITCH),
        ]
        top += 2 * PITCH + 6
        if k < 2:
            rules.append(top - 3)
    heading_top = top + 8
    top = heading_top + PITCH + 8
    rules.append(top - 4)
    rows.append((["Ref", "Action", "Lead", "When"], top))
    rules.append(top + PITCH + 2)
    top += PITCH + 6
    for k in range(2):
        rows += [
            ([f"B{k + 1}", "Map the roles", "Estates", "2026"], top),
            (["", "in schools", "", ""], top + PITCH),
        ]
        top += 2 * PITCH + 6
        rules.append(top - 3)
    page = page_from(rows, COLS, rules_across(rules))
    heading = line_words(["Theme two: recognition of staff"], heading_top, (60.0,))
    page = replace(page, words=(*page.words, *heading))
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 1 + 3 + 1 + 1 + 2
    (wide,) = [c for c in grid.cells if c.col1 - c.col0 > 1]
    assert wide.top > heading_top - PITCH
