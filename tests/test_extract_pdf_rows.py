"""Row starts read from printed values, on hand-built pages (no PDF needed)."""

from __future__ import annotations

from dataclasses import replace

from pdf_pages import CHAR, PITCH, line_words, page_from, rules_across, sections_in_bands, two_line_rows

from talentmap.extract.pdf.layout import group_lines
from talentmap.extract.pdf.page import Edge, Fill, PageData, Word
from talentmap.extract.pdf.rows_ruled import split_lattice_rows
from talentmap.extract.pdf.rowstarts import is_value, value_row_starts
from talentmap.extract.pdf.settings import PdfSettings
from talentmap.extract.pdf.strategy_lines import LinesStrategy
from talentmap.extract.pdf.strategy_text import TextColumnsStrategy


def cells_line(cells: list[str], top: float) -> list[Word]:
    return line_words(cells, top)


def page_of(rows: list[tuple[list[str], float]], rules: list[float] = ()) -> PageData:
    return page_from(rows, edges=rules_across(list(rules)))


def test_values_as_printed_are_values_and_words_are_not():
    for text in ("51,544", "1 234 567", "(4.7)", "12.5%", "$33,200", "2003–04", "(1.1–1.2)", "—", "n/a"):
        assert is_value(text), text
    for text in ("Total", "Ref.", "New York", "1.1 Deliver", ""):
        assert not is_value(text), text


def test_each_line_printing_a_value_opens_a_row_and_a_lower_case_rest_continues_it():
    rows = [
        (["Alabama", "36,464", "37,453", "1.2"], 100),
        (["Alaska", "7,236", "6,909", "0.4"], 100 + PITCH),
        (["District of", "3,031", "2,781", "0.1"], 100 + 2 * PITCH),
        (["columbia"], 100 + 3 * PITCH),
        (["Florida", "131,418", "133,318", "7.9"], 100 + 4 * PITCH),
    ]
    page = page_of(rows)
    lines = group_lines(page.words, 1.5)
    starts = value_row_starts(lines, [45, 190, 290, 390, 480], PITCH)
    assert starts == [100, 100 + PITCH, 100 + 2 * PITCH, 100 + 4 * PITCH]


def test_a_label_after_a_gap_is_a_row_of_its_own():
    rows = [
        (["Men", "1,000", "2,000", "3.0"], 100),
        (["Women", "1,100", "2,100", "3.1"], 100 + PITCH),
        (["Race"], 100 + 3 * PITCH),
        (["White", "900", "1,900", "2.9"], 100 + 4 * PITCH),
    ]
    lines = group_lines(page_of(rows).words, 1.5)
    starts = value_row_starts(lines, [45, 190, 290, 390, 480], PITCH)
    assert 100 + 3 * PITCH in starts and 100 + 4 * PITCH in starts


def test_wrapped_text_cells_stay_in_the_row_their_value_opens():
    rows = [
        (["Deliver", "Staff attend", "40", "2025"], 100),
        (["training", "sessions", "", ""], 100 + PITCH),
        (["Review", "Pay review", "12", "2026"], 100 + 2 * PITCH),
        (["pay", "completed", "", ""], 100 + 3 * PITCH),
        (["Report", "Annual report", "1", "2027"], 100 + 4 * PITCH),
    ]
    lines = group_lines(page_of(rows).words, 1.5)
    assert value_row_starts(lines, [45, 190, 290, 390, 480], PITCH) == [100, 100 + 2 * PITCH, 100 + 4 * PITCH]


def test_a_lone_ref_or_date_column_gives_no_value_starts():
    # one column of values is as often the ref column of a text table whose rows wrap
    rows = [
        (
            ["Deliver", "Staff attend", "HR", f"1.{k}"] if k % 2 == 0 else ["", "training days"],
            100 + k * PITCH,
        )
        for k in range(6)
    ]
    lines = group_lines(page_of(rows).words, 1.5)
    assert value_row_starts(lines, [45, 190, 290, 390, 480], PITCH) == []


def test_prose_columns_give_no_value_starts():
    rows = [
        (
            ["Deliver training", "Staff attend", "HR", "Spring"] if i % 2 == 0 else ["", "the sessions"],
            100 + i * PITCH,
        )
        for i in range(6)
    ]
    lines = group_lines(page_of(rows).words, 1.5)
    assert value_row_starts(lines, [45, 190, 290, 390, 480], PITCH) == []


def test_one_line_rows_between_a_header_rule_and_a_foot_rule_are_rows_each():
    # rules only above and under the header and at the foot (a statistical table): the band
    # between header rule and foot rule holds six one-line rows, not one row
    header = (["State", "2003", "2004", "Change"], 90)
    body = [([f"State{k}", f"{k},100", f"{k},200", f"{k}.5"], 106 + k * PITCH) for k in range(6)]
    page = page_of([header, *body], rules=[86, 102, 106 + 6 * PITCH + 2])
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 7 and grid.n_cols == 4


# --- the table score sees a rule the drawing left out ----------------------------------------


def ruled_rows_page(body: list[list[str]]) -> PageData:
    """Every row ruled above and below, columns ruled only in the header: the body rows' cells
    come out as one merged cell each, though their text sits in four columns."""
    rows = [(["Country", "Share", "Count", "Total"], 100)] + [
        (cells, 114 + k * PITCH) for k, cells in enumerate(body)
    ]
    words = [w for cells, top in rows for w in cells_line(cells, top)]
    ys = [98, 111] + [112 + (k + 1) * PITCH for k in range(len(body))]
    edges = [Edge("h", 45, 480, y, y) for y in ys]
    edges += [Edge("v", x, x, 98, 111) for x in (45, 190, 290, 390, 480)]
    edges += [Edge("v", x, x, 111, ys[-1]) for x in (45, 480)]
    return PageData(1, 600, 800, tuple(words), tuple(edges), n_chars=500, n_images=0)


def test_a_merged_cell_whose_text_pauses_at_the_column_lines_scores_low():
    from talentmap.extract.pdf.strategy import grid_score
    from talentmap.extract.pdf.strategy_lines import LinesStrategy

    page = ruled_rows_page([[f"Land{k}", f"{k}.5", f"{k}0", f"{k},000"] for k in range(5)])
    (grid,) = LinesStrategy().extract(page)
    assert grid_score(grid, page.words) < PdfSettings().lines_min_score


def test_a_merged_cell_of_prose_keeps_the_score():
    from talentmap.extract.pdf.strategy import grid_score
    from talentmap.extract.pdf.strategy_lines import LinesStrategy

    page = ruled_rows_page([["A note printed across the whole table width in one run"]] * 3)
    (grid,) = LinesStrategy().extract(page)
    assert grid_score(grid, page.words) >= PdfSettings().lines_min_score


# --- zones of a page with two ruled tables ---------------------------------------------------


def test_notes_and_a_caption_between_two_ruled_tables_part_them_and_each_keeps_its_columns():
    # table 1 has columns at 50/200/300/400; table 2 at 50/120/250/420: read together, neither
    # table's gutters survive; the prose between them (notes, blank line, caption) parts them
    first = [([f"Row{k}", f"{k},100", f"{k},200", f"{k}.5"], 110 + k * PITCH) for k in range(6)]
    words = [w for cells, top in first for w in cells_line(cells, top)]
    x2 = (50.0, 120.0, 250.0, 420.0)
    for k in range(6):
        for text, x0 in zip([f"Age{k}", f"{k}7", f"{k}.25", f"({k}.1–{k}.9)"], x2, strict=False):
            words.append(Word(text, x0, x0 + CHAR * len(text), 300 + k * PITCH, 309 + k * PITCH, 9))
    for top, text in ((190, "Note: rates per 100,000 people."), (230, "Table 2. Deaths by age group")):
        x = 50.0
        for token in text.split():
            words.append(Word(token, x, x + CHAR * len(token), top, top + 9, 9))
            x += CHAR * (len(token) + 1)
    rules = [105, 110 + 6 * PITCH + 2, 295, 300 + 6 * PITCH + 2]
    edges = tuple(Edge("h", 45, 480, y, y) for y in rules)
    page = PageData(1, 600, 800, tuple(words), edges, n_chars=900, n_images=0)
    grids = TextColumnsStrategy(PdfSettings()).extract(page)
    shapes = sorted((round(g.bbox[1]), g.n_rows, g.n_cols) for g in grids)
    assert shapes == [(105, 6, 4), (295, 6, 4)]


def test_a_header_printed_in_pieces_spans_the_columns_each_piece_is_centred_over():
    from talentmap.extract.pdf.columns import band_cells

    edges = [40, 100, 160, 220, 280, 340, 400]
    words = [Word("Men", 180, 195, 100, 109, 9), Word("Women", 325, 355, 100, 109, 9)]
    (line,) = group_lines(words, 1.5)
    cells = band_cells([line], edges, 6.0, 0, 98, 111)
    assert [(c.col0, c.col1) for c in cells] == [(0, 1), (1, 4), (4, 6)]


def test_a_title_in_one_run_is_one_full_width_cell():
    from talentmap.extract.pdf.columns import band_cells

    title = ["Part", "two", "of", "the", "plan"]
    words = [Word(t, 45 + 30 * k, 70 + 30 * k, 100, 109, 9) for k, t in enumerate(title)]
    (line,) = group_lines(words, 1.5)
    (cell,) = band_cells([line], [40, 100, 160, 220, 280, 340, 400], 6.0, 0, 98, 111)
    assert (cell.col0, cell.col1) == (0, 6)


def framed_columns_page(body: list[list[str]], header: list[list[str]]) -> PageData:
    """Columns and frame ruled, rows not: each column's body is one ruled cell."""
    rows = [(cells, 100 + k * PITCH) for k, cells in enumerate(header)]
    top = 100 + len(header) * PITCH + 2
    rows += [(cells, top + 2 + k * PITCH) for k, cells in enumerate(body)]
    words = [w for cells, t in rows for w in cells_line(cells, t)]
    bottom = top + 2 + len(body) * PITCH + 2
    edges = [Edge("h", 45, 480, y, y) for y in (98, top, bottom)]
    edges += [Edge("v", x, x, 98, bottom) for x in (45, 190, 290, 390, 480)]
    return PageData(1, 600, 800, tuple(words), tuple(edges), n_chars=500, n_images=0)


def test_a_ruled_cell_holding_one_line_rows_is_split_where_values_start_rows():
    from talentmap.extract.pdf.rowstarts import split_value_rows
    from talentmap.extract.pdf.strategy_lines import LinesStrategy

    body = [[f"Land{k}", f"{k},100", f"{k}.5", f"({k}.1–{k}.9)"] for k in range(5)]
    page = framed_columns_page(body, [["Country", "People", "Rate", "Range"]])
    (grid,) = LinesStrategy().extract(page)
    assert grid.n_rows == 2
    assert split_value_rows(grid, page.words, 1.5).n_rows == 6


def test_a_header_cell_over_two_lines_whose_second_prints_years_stays_one_cell():
    from talentmap.extract.pdf.rowstarts import split_value_rows
    from talentmap.extract.pdf.strategy_lines import LinesStrategy

    body = [[f"Land{k}", f"{k},100", f"{k}.5", f"{k}.9"] for k in range(5)]
    page = framed_columns_page(body, [["", "Census", "Survey", "Poll"], ["", "1996", "1997", "1998"]])
    (grid,) = LinesStrategy().extract(page)
    split = split_value_rows(grid, page.words, 1.5)
    assert split.n_rows == 6
    assert any(c.row0 == 0 and c.bottom - c.top > 2 * PITCH for c in split.cells)


# --- the table score reads what the cells print ----------------------------------------------


def piece_of(rows: list[tuple[str, ...]]):
    from talentmap.extract.pdf.grid import PageRow, PageTable

    page_rows = tuple(PageRow(r, 100 + 12 * k, (False,) * len(r)) for k, r in enumerate(rows))
    return PageTable(1, "text-columns", page_rows, 100, 300, 50, 500, 1.0, frozenset())


def test_two_columns_of_running_prose_read_as_a_table_score_as_prose():
    from talentmap.extract.pdf.table_prose import prose_share

    prose = piece_of(
        [
            ("the rate of deaths from heart disease fell", "a survey of all states was run in"),
            ("over the decade in every state but two", "the spring and again in the autumn"),
            ("and the gap between groups narrowed", "with the same questions each time."),
        ]
    )
    assert prose_share(prose) == 1.0


def test_a_cell_whose_text_carries_on_into_the_row_below_is_a_cut_cell():
    from talentmap.extract.pdf.table_prose import cut_cells

    table = piece_of(
        [
            ("Ref", "Action", "Lead"),
            ("1.1", "Deliver training for all", "HR"),
            ("", "technical staff.", "HR"),  # the rest of 1.1's action: the row line cut it
            ("1.2", "Review the pay framework.", "VC"),
            ("1.3", "ongoing", "tbc"),  # lower case after a stop, or under a short value: no cut
        ]
    )
    assert cut_cells(table) == (1, 14)


def test_a_plan_table_with_sentences_in_its_cells_is_no_prose():
    from talentmap.extract.pdf.table_prose import prose_share

    plan = piece_of(
        [
            ("1.1", "Deliver training for all technical staff.", "HR", "ongoing"),
            ("1.2", "Review the pay framework with the unions.", "HR", "ongoing"),
            ("1.3", "Report progress to the board every year.", "VC", "tbc"),
        ]
    )
    assert prose_share(plan) == 0.0


def test_a_ruled_cell_holding_an_unruled_column_scores_low():
    from talentmap.extract.pdf.strategy import grid_score
    from talentmap.extract.pdf.strategy_lines import LinesStrategy

    # two ruled columns, each holding two printed columns of numbers (Male | Female)
    words = []
    for k in range(6):
        top = 100 + k * PITCH
        for text, x0 in ((f"{k},100", 60), (f"{k},900", 110), (f"{k}.5", 210), (f"{k}.7", 260)):
            words.append(Word(text, x0, x0 + CHAR * len(text), top, top + 9, 9))
    words += [Word("Count", 100, 125, 86, 95, 9), Word("Rate", 250, 270, 86, 95, 9)]
    edges = [Edge("h", 50, 350, y, y) for y in (84, 98, 100 + 6 * PITCH)]
    edges += [Edge("v", x, x, 84, 100 + 6 * PITCH) for x in (50, 200, 350)]
    page = PageData(1, 600, 800, tuple(words), tuple(edges), n_chars=200, n_images=0)
    (grid,) = LinesStrategy().extract(page)
    assert grid_score(grid, page.words) < PdfSettings().lines_min_score


def test_the_page_evidence_record_narrows_its_lines_to_the_words_left_without_regrouping():
    from talentmap.extract.pdf.evidence import page_layout

    page = page_of([(["Alpha", "1", "2", "3"], 100), (["Beta", "4", "5", "6"], 100 + PITCH)])
    layout = page_layout(page, 1.5)
    assert [ln.text for ln in layout.lines] == ["Alpha 1 2 3", "Beta 4 5 6"]
    left = {id(w) for w in page.words if w.text not in ("1", "Beta", "4", "5", "6")}
    assert [ln.text for ln in layout.keep(left)] == ["Alpha 2 3"]


def test_a_bulleted_list_in_a_symbol_font_is_text_not_a_two_column_table():
    # Word's Symbol bullets come out as a Private Use Area character before a hanging indent
    words = []
    for k, item in enumerate(["Inclusion of staff", "Showcasing their work", "Featuring technicians"]):
        top = 100 + k * PITCH
        words.append(Word("\uf0b7", 57, 61, top, top + 9, 9))
        x = 75.0
        for token in item.split():
            words.append(Word(token, x, x + CHAR * len(token), top, top + 9, 9))
            x += CHAR * (len(token) + 1)
    page = PageData(1, 600, 800, tuple(words), (), n_chars=100, n_images=0)
    assert TextColumnsStrategy(PdfSettings()).extract(page) == []


def test_lines_printing_in_every_column_are_one_line_rows_without_value_columns():
    rows = [
        (["Lowest", "$9,594 or less", "$22,400 or less", "$34,000 or less"], 100),
        (["Lower middle", "$9,595–$17,992", "$22,401–$29,992", "$34,001–$48,000"], 100 + PITCH),
        (["Upper middle", "$17,993–$25,771", "$29,993–$40,888", "$48,001–$66,900"], 100 + 2 * PITCH),
        (
            ["Highest", "Greater than $25,771", "Greater than $40,888", "Greater than $66,900"],
            100 + 3 * PITCH,
        ),
    ]
    lines = group_lines(page_of(rows).words, 1.5)
    starts = value_row_starts(lines, [45, 190, 290, 390, 480], PITCH)
    assert starts == [100 + k * PITCH for k in range(4)]


# --- a band between frame rules holding several multi-line rows (booktabs, a boxed table) -------


def three_two_line_rows(top: float = 108.0) -> tuple[list[tuple[list[str], float]], float]:
    """Three body rows of two lines each, parted by a blank gap, each opened by a ref; and the
    height just under them."""
    return two_line_rows([f"{k + 1}.1" for k in range(3)], top)


def framed_body_page(shaded: bool = False, middle: bool = False) -> PageData:
    """Rules only over and under the header and at the foot; three body rows of two lines each,
    parted by a blank gap, each opened by a ref. `shaded`: one fill covers the whole body band.
    `middle`: one tall middle-aligned row instead, its ref and lead halfway down its action."""
    header = (["Ref", "Action", "Lead", "When"], 90)
    body, top = three_two_line_rows()
    if middle:
        lines = ["Run a showcase", "for all staff", "and the wider", "public each", "year in May"]
        refs = ["", "", "1.1", "", ""]
        leads = ["", "Head of", "Technical", "Services", ""]
        whens = ["", "", "2025", "", ""]
        body = [([refs[k], text, leads[k], whens[k]], 108 + k * PITCH) for k, text in enumerate(lines)]
        top = 108 + 5 * PITCH + 4
    foot = top
    page = page_of([header, *body], rules=[86, 102, foot])
    if shaded:
        page = replace(page, fills=(Fill(45, 480, 102, foot, 0.9),))
    return page


def test_a_band_between_the_header_rule_and_the_foot_rule_is_split_where_its_text_starts_rows():
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(framed_body_page())
    assert grid.n_rows == 4 and grid.n_cols == 4


def test_a_band_one_fill_shades_from_rule_to_rule_stays_one_row():
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(framed_body_page(shaded=True))
    assert grid.n_rows == 2


def test_a_middle_aligned_row_between_frame_rules_is_not_split_at_its_ref():
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(framed_body_page(middle=True))
    assert grid.n_rows == 2


def test_a_cell_going_on_in_lower_case_after_a_gap_is_no_new_row():
    # one body row whose action text goes on, after a blank line, in lower case: a wrapped cell
    header = (["Ref", "Action", "Lead", "When"], 90)
    body = [
        (["1.1", "Run a showcase", "HR team", "2025"], 108),
        (["", "for all staff", "", ""], 108 + PITCH),
        (["Pilot", "and the public", "", ""], 108 + 3 * PITCH),
        (["", "each year", "", ""], 108 + 4 * PITCH),
    ]
    page = page_of([header, *body], rules=[86, 102, 108 + 5 * PITCH + 4])
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 2


def column_ruled_page() -> PageData:
    """Column rules down the whole table and a frame, no rule between rows (vertical rules
    only): three body rows of two lines each, parted by a blank gap, each opened by a ref."""
    header = (["Ref", "Action", "Lead", "When"], 90)
    body, top = three_two_line_rows()
    page = page_of([header, *body], rules=[86, top])
    verticals = tuple(Edge("v", x, x, 86, top) for x in (45, 190, 290, 390, 480))
    return replace(page, edges=page.edges + verticals)


def test_a_lattice_ruled_only_at_its_columns_and_frame_is_split_into_the_rows_its_text_starts():
    page = column_ruled_page()
    (grid,) = LinesStrategy().extract(page)
    assert grid.n_rows == 1 and grid.n_cols == 4
    split = split_lattice_rows(grid, page.words, PdfSettings())
    assert split.n_rows == 4 and split.n_cols == 4


def test_bands_between_section_rows_of_a_framed_table_are_each_split_into_their_rows():
    # header band, then three sections: a label alone in its own band, then a body band of two
    # two-line rows; four bands print in the columns, but no more than two between sections
    rows, rules = sections_in_bands([f"Theme {s + 1}" for s in range(3)])
    page = page_of(rows, rules=rules)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    assert grid.n_rows == 1 + 3 * 3


def test_middle_aligned_rows_without_rules_start_at_the_top_of_their_slab_of_text():
    # each row's action takes three lines, its ref and lead are centred beside the middle one;
    # whitespace across every column parts the rows
    rows = [(["Ref", "Action", "Lead", "When"], 90)]
    top = 108.0
    row_tops = []
    for k in range(3):
        row_tops.append(top)
        rows.append((["", "Run a showcase", "", ""], top))
        rows.append(([f"{k + 1}.1", "for all staff", "HR team", "2025"], top + PITCH))
        rows.append((["", "each year", "", ""], top + 2 * PITCH))
        top += 3 * PITCH + 8
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page_of(rows))
    assert grid.n_rows == 4
    starts = sorted({c.top for c in grid.cells})
    assert all(any(abs(s - (t - 1)) < 0.6 for s in starts) for t in row_tops)


def column_ruled_page_of(body: list[list[list[str]]]) -> PageData:
    """Column rules and a frame, no rule between rows: each row's lines, rows parted by a gap."""
    rows = [(["Theme", "Objective", "Action", "Lead"], 90)]
    top = 108.0
    for row in body:
        rows += [(cells, top + k * PITCH) for k, cells in enumerate(row)]
        top += len(row) * PITCH + 8
    page = page_of(rows, rules=[86, 102, top])
    verticals = tuple(Edge("v", x, x, 86, top) for x in (45, 190, 290, 390, 480))
    return replace(page, edges=page.edges + verticals)


def test_a_row_under_spanning_first_cells_opens_in_every_later_column_at_once():
    # the theme and the objective span two rows: the second row prints only in the later
    # columns, all of them opening on one line after a gap (a cell's next paragraph opens one)
    page = column_ruled_page_of(
        [
            [
                ["Visibility", "Raise profile", "Run a showcase", "HR team"],
                ["", "of technicians", "for all staff", ""],
            ],
            [["", "", "Pilot a network", "Estates"], ["", "", "for all staff", ""]],
        ]
    )
    (grid,) = LinesStrategy().extract(page)
    assert split_lattice_rows(grid, page.words, PdfSettings()).n_rows == 3


def test_a_body_opening_under_cells_run_on_from_an_earlier_page_is_split_into_its_rows():
    # the page's first row carries the theme and objective on from the page before: its first
    # line opens the later columns only, and the next row opens in the first column
    page = column_ruled_page_of(
        [
            [["", "", "Pilot a network", "Estates"], ["", "", "for all staff", ""]],
            [
                ["Recognition", "Embed reward", "Run a scheme", "HR team"],
                ["", "in processes", "for all staff", ""],
            ],
        ]
    )
    (grid,) = LinesStrategy().extract(page)
    assert split_lattice_rows(grid, page.words, PdfSettings()).n_rows == 3


def test_boxed_tables_under_headings_printed_across_their_columns_are_each_split_into_rows():
    # three boxed tables (frame, header rule), each under a heading long enough to print across
    # the columns' gutters: the headings' bands part the boxes as section rows do, so each box
    # is read as a frame and a header round a body of two two-line rows
    rows, rules = [], []
    top = 90.0
    for s in range(3):
        if s:
            rows.append((["Career development of technical staff"], top))
            top += PITCH + 10
        rules.append(top - 4)
        rows.append((["Ref", "Action", "Lead", "When"], top))
        rules.append(top + PITCH + 1)
        top += PITCH + 6
        body, top = two_line_rows([f"{s + 1}.{k + 1}" for k in range(2)], top)
        rows += body
        rules.append(top)
        top += 14
    grids = TextColumnsStrategy(PdfSettings()).extract(page_of(rows, rules=rules))
    assert sum(g.n_rows for g in grids) == 3 * 3 + 2


def test_bodies_under_header_bars_are_split_when_the_next_sections_title_closes_each_body():
    # no row rules: each section's header bar is drawn (its edges are rules) and its title is
    # printed across the columns at the foot of the last section's body, inside that body's band;
    # so six bands in a row print in the columns, but each body still holds two rows
    rows: list[tuple[list[str], float]] = []
    rules: list[float] = []
    top = 86.0
    for s in range(3):
        if s:
            rows.append(([f"Theme {s + 1}: recognition of the technical staff"], top))
            top += PITCH + 6
        rules.append(top)
        rows.append((["Ref", "Action", "Lead", "When"], top + 4))
        rules.append(top + 16)
        body, top = two_line_rows([f"{s + 1}.{k + 1}" for k in range(2)], top + 20)
        rows += body
    rules.append(top)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page_of(rows, rules=rules))
    assert grid.n_rows == 3 + 3 * 2 + 2
