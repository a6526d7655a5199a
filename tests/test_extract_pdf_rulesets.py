"""Tables ruled down their columns only, across their rows only, or by booktabs, on hand-built
pages (no PDF needed): a cut row's rest over new rows, cells merged over rows, short titles.

Each word is CHAR points a letter wide and one space apart; a test states a layout by its cells'
texts, their columns' left edges and their lines' tops.
"""

from __future__ import annotations

from talentmap.extract.pdf.cells_run_on import merged_over_rows
from talentmap.extract.pdf.columns import Gutter
from talentmap.extract.pdf.grid import GridCell, PageGrid, fill_grid
from talentmap.extract.pdf.layout import group_lines
from talentmap.extract.pdf.page import Edge, PageData, Word
from talentmap.extract.pdf.rows_centred import centred_row_starts
from talentmap.extract.pdf.rows_ruled import split_lattice_rows, title_lines
from talentmap.extract.pdf.settings import PdfSettings
from talentmap.extract.pdf.strategy_text import TextColumnsStrategy

CHAR = 5.0
PITCH = 11.0
HEIGHT = 9.0
PAD = 4.0
COLS = (50.0, 110.0, 300.0, 400.0)
EDGES = (45.0, 105.0, 295.0, 395.0, 480.0)


def line_words(text: str, x0: float, top: float) -> list[Word]:
    out, x = [], x0
    for token in text.split():
        out.append(Word(token, x, x + CHAR * len(token), top, top + HEIGHT, HEIGHT))
        x += CHAR * (len(token) + 1)
    return out


def cell_words(lines: list[str], col: int, top: float) -> list[Word]:
    return [w for k, text in enumerate(lines) for w in line_words(text, COLS[col], top + k * PITCH)]


def block_height(lines: list[str]) -> float:
    return (len(lines) - 1) * PITCH + HEIGHT if lines else 0.0


def columns_of(words: list[Word]) -> list[list[Word]]:
    cols: list[list[Word]] = [[] for _ in COLS]
    for w in words:
        cols[max(k for k, x in enumerate(EDGES[:-1]) if w.xc >= x)].append(w)
    return cols


def one_row_lattice(top: float, bottom: float) -> PageGrid:
    """A lattice of one row (a page's part of a table ruled down its columns only, no rule across)."""
    cells = [GridCell(0, 1, k, k + 1, EDGES[k], top, EDGES[k + 1], bottom) for k in range(4)]
    return PageGrid(2, "lines", 1, 4, tuple(cells), col_edges=EDGES)


def column_rules(top: float, bottom: float) -> tuple[Edge, ...]:
    return tuple(Edge("v", x, x, top, bottom) for x in EDGES)


# --- a cut row's rest over new rows -------------------------------------------------------------


def test_a_cut_cells_rest_in_one_later_column_over_new_rows_is_split_into_its_rows():
    # the page opens with the rest of the last page's action (its column alone), then a row
    # opening every column after the cell padding, then a row of the same group (its value
    # printed once above: the first column blank)
    top = 72.0
    words = cell_words(["of technicians in", "every school."], 2, top + PAD)
    a = top + PAD + block_height(["", ""]) + 2 * PAD
    words += cell_words(["Rec 9", "and HR"], 0, a) + cell_words(["14"], 1, a)
    words += cell_words(["Set up named authorship", "of technical work", "for all staff"], 2, a)
    words += cell_words(["A"], 3, a)
    b = a + block_height(["", "", ""]) + 2 * PAD
    words += cell_words(["15"], 1, b) + cell_words(["Embed a scheme", "in every faculty"], 2, b)
    words += cell_words(["G"], 3, b)
    bottom = b + block_height(["", ""]) + PAD
    split = split_lattice_rows(
        one_row_lattice(top, bottom), words, PdfSettings(), edges=column_rules(top, bottom)
    )
    assert split.n_rows == 3
    tops = sorted({c.top for c in split.cells})
    assert tops[0] == top and abs(tops[1] - a) < PAD and abs(tops[2] - b) < PAD


def test_a_middle_aligned_rows_tall_cell_opening_a_lattice_row_keeps_it_one_row():
    # one middle-aligned row: the action prints first and alone, the short cells open beside its
    # text going on at its leading, with no pause across the columns: no new row
    top = 72.0
    action = ["Run a showcase of", "technical work", "for all staff", "in every school", "each year"]
    words = cell_words(action, 2, top + PAD)
    mid = top + PAD + 2 * PITCH
    words += cell_words(["Grow the"], 0, mid) + cell_words(["1.1"], 1, mid) + cell_words(["A"], 3, mid)
    bottom = top + 2 * PAD + block_height(action)
    split = split_lattice_rows(
        one_row_lattice(top, bottom), words, PdfSettings(), edges=column_rules(top, bottom)
    )
    assert split.n_rows == 1


# --- cells centred on their rows beside a cell merged over them ---------------------------------


def centred(lines: list[str], col: int, centre: float) -> list[Word]:
    return cell_words(lines, col, centre - block_height(lines) / 2)


def test_a_rows_cells_inside_a_merged_cells_extent_are_still_a_row_of_their_own():
    # three middle-aligned rows of unequal heights, a group's aim merged over them and centred
    # on all three: the middle row's cells sit wholly inside the aim's extent (reaching into one
    # block above and below is not reaching into two rows' cells)
    body = [
        (["1.1"], ["Run a showcase of", "technical work", "for all staff"], ["R"]),
        (["1.2"], ["Fund registration", "for technicians"], ["A"]),
        (["1.3"], ["Map the roles in", "every school", "and faculty", "each year", "in May"], ["G"]),
    ]
    words, tops, top = [], [], 108.0
    for ref, action, status in body:
        tops.append(top)
        centre = top + block_height(action) / 2
        words += centred(ref, 1, centre) + centred(action, 2, centre) + centred(status, 3, centre)
        top += block_height(action) + 2 * PAD
    aim = ["Increase the", "engagement of", "technicians", "across the", "faculties"]
    words += centred(aim, 0, (tops[0] + top - 2 * PAD) / 2)
    assert centred_row_starts(columns_of(words), 1.5) == tops


def paragraphs(blocks: list[list[str]], col: int, top: float, gap: float) -> tuple[list[Word], float]:
    """A cell of several paragraphs `gap` apart from `top` on; its words and its foot."""
    words, y = [], top
    for lines in blocks:
        words += cell_words(lines, col, y)
        y += block_height(lines) + gap
    return words, y - gap


def test_a_cell_reaching_into_two_paragraphs_of_one_cell_beside_it_is_no_merged_cell():
    # a row whose action is a sentence and two bullets set with paragraph spacing, centred with
    # its taller-than-a-bullet measure: the measure reaches from the sentence into the last
    # bullet, but no block between them sits at its centre (no middle row), so it is the row's;
    # a group's one-line aim merged over rows prints beside the last bullet
    top = 108.0
    action = [
        ["Review career pathways", "for technical roles", "across all faculties", "in the audit"],
        ["- Focus groups"],
        ["- Guidance published", "on the intranet"],
    ]
    words, end = paragraphs(action, 2, top, 4.0)
    centre = (top + end) / 2
    measure = ["Attendance at", "network events", "at least fifty", "a year and more", "by the end of 2027"]
    words += centred(["1.2"], 1, centre) + centred(measure, 3, centre)
    below = end + 2 * PAD
    more, foot = paragraphs([["Fund open days", "for school leavers"]], 2, below, 4.0)
    words += more + centred(["1.3"], 1, (below + foot) / 2) + centred(["Dean"], 3, (below + foot) / 2)
    words += cell_words(["Grow skills"], 0, end - block_height(["", ""]) + 4)
    assert centred_row_starts(columns_of(words), 1.5) == [top, below]


# --- a column's text running on across a row line read from the text -----------------------------


def test_a_merged_cells_text_running_on_across_undrawn_row_lines_is_one_cell_over_the_rows():
    # rows read from the text (no rule between them), the group's aim printed once at the
    # group's top and running on at its own leading past the first row's line
    top, rows, tall = 100.0, [], PITCH + HEIGHT + 2 * PAD
    aim = ["Increase", "the reach", "of our", "technician", "network", "each year"]
    words = cell_words(aim, 0, top + PAD)
    for k in range(3):
        words += cell_words([f"1.{k + 1}"], 1, top + PAD)
        words += cell_words(["Run a showcase", "for all staff"], 2, top + PAD)
        words += cell_words(["R"], 3, top + PAD)
        rows.append(top)
        top += tall
    cells = [
        GridCell(r, r + 1, k, k + 1, EDGES[k], rows[r], EDGES[k + 1], rows[r] + tall)
        for r in range(3)
        for k in range(4)
    ]
    grid = PageGrid(1, "text", 3, 4, tuple(cells), ruled=False, col_edges=EDGES)
    merged = merged_over_rows(grid, words, (), 1.5)
    first = [c for c in merged.cells if c.col0 == 0]
    assert [(c.row0, c.row1) for c in first] == [(0, 3)]
    table = fill_grid(merged, words, 1.5)
    assert {r.cells[0] for r in table.rows} == {" ".join(aim)}
    # a rule drawn at the row lines parts the cells as drawn
    drawn = tuple(Edge("h", EDGES[0], EDGES[-1], y, y) for y in rows[1:])
    assert merged_over_rows(grid, words, drawn, 1.5) is grid


def test_rows_printed_at_one_leading_throughout_are_not_joined():
    # no row line shows anywhere (rows touching, every column at one leading): left as read
    top, rows, words = 100.0, [], []
    for k in range(3):
        for col, text in enumerate(["Theme", f"1.{k + 1}", "Run a showcase", "R"]):
            words += cell_words([text], col, top)
        rows.append(top - 1)
        top += PITCH
    cells = [
        GridCell(r, r + 1, k, k + 1, EDGES[k], rows[r], EDGES[k + 1], rows[r] + PITCH)
        for r in range(3)
        for k in range(4)
    ]
    grid = PageGrid(1, "text", 3, 4, tuple(cells), ruled=False, col_edges=EDGES)
    assert merged_over_rows(grid, words, (), 1.5) is grid


# --- a short title whose word space falls at a column start --------------------------------------


def test_a_short_title_running_into_the_next_column_by_a_word_space_is_a_title():
    # the title's "a" opens at the action column's left edge: no whole word sits in the gutter
    title = line_words("Secure", 50, 100) + line_words("a sustainable workforce", 85, 100)
    (line,) = group_lines(title, 1.5)
    gutters = [Gutter(78, 85), Gutter(200, 210)]
    assert title_lines([line], frozenset(), 6.0, gutters, 50.0) == [True]


def test_a_cells_line_running_close_up_to_the_next_columns_text_is_no_title():
    # a narrow first column whose cell text reaches the next column's text with a word space,
    # the row's line above it printing in columns: a cell's second line, not a title
    above = line_words("1.", 50, 100) + line_words("Embed the scheme", 85, 100)
    line = line_words("Visib", 50, 100 + PITCH) + line_words("in every school", 85, 100 + PITCH)
    lines = group_lines(above + line, 1.5)
    gutters = [Gutter(75, 85), Gutter(200, 210)]
    assert title_lines(lines, frozenset(), 6.0, gutters, 50.0) == [False, False]


def test_a_booktabs_band_with_a_short_title_starting_lower_case_in_the_second_column_parts_at_it():
    # booktabs: rules over and under the header and at the foot; a group title between two
    # rows whose second word ("a") opens the action column: the title is a row of its own
    cols = (50.0, 80.0, 250.0, 400.0)

    def at(cells: list[str], top: float) -> list[Word]:
        return [w for text, x in zip(cells, cols, strict=False) for w in line_words(text, x, top)]

    words = at(["Ref", "Action", "Lead", "When"], 90)
    y = 108.0
    for ref in ("1", "2"):
        words += at([ref, "Run a showcase", "HR team", "2025"], y) + at(
            ["", "for all staff", "", ""], y + PITCH
        )
        y += PITCH + HEIGHT + 4  # rows parted by 4pt, a little more than the 2pt between lines
    words += line_words("Growth", 50, y) + line_words("a sustainable workforce", 85, y)
    y += HEIGHT + 4
    for ref in ("3", "4"):
        words += at([ref, "Fund registration", "Dean", "2026"], y) + at(
            ["", "for technicians", "", ""], y + PITCH
        )
        y += PITCH + HEIGHT + 4
    rules = tuple(Edge("h", 45, 480, r, r) for r in (86, 102, y))
    page = PageData(1, 600, 800, tuple(words), rules, n_chars=500, n_images=0)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    table = fill_grid(grid, words, 1.5)
    texts = [" ".join(c for c in r.cells if c) for r in table.rows]
    assert any(t.startswith("Growth a sustainable workforce") for t in texts)
    assert not any("Growth" in t and "Run a showcase" in t for t in texts)
    assert grid.n_rows == 6


def test_a_title_under_a_heading_printed_close_above_it_is_still_a_title():
    # a section label right above the title at its leading: one run from the left too
    label = line_words("Theme", 50, 100)
    title = line_words("Secure", 50, 100 + PITCH) + line_words("a sustainable workforce", 85, 100 + PITCH)
    lines = group_lines(label + title, 1.5)
    gutters = [Gutter(78, 85), Gutter(200, 210)]
    assert title_lines(lines, frozenset(), 6.0, gutters, 50.0)[1]


# --- row lines from the rules' joints and from the text ------------------------------------------


def test_a_text_row_start_under_a_joint_with_only_a_line_across_the_joint_between_is_the_joints_row():
    from talentmap.extract.pdf.rows_ruled import _with_rule_joints

    # a middle-aligned row's first line starts 6pt under the joint where the shaded row's cell
    # borders end; between them only a merged cell's line, centred over both rows, printed across
    # the joint: one row line, the joint's
    first = group_lines(line_words("Run a showcase", COLS[2], 80.0), 1.5)
    across = group_lines(line_words("R6", COLS[0], 123.6), 1.5)
    row = group_lines(line_words("Review the annual awards", COLS[2], 130.5), 1.5)
    band = [*first, *across, *row]
    assert _with_rule_joints([130.0], [124.0], band, 74.0) == [124.0]
    # a line printed under the joint before the text start keeps both
    under = group_lines(line_words("R6", COLS[0], 125.0), 1.5)
    assert _with_rule_joints([130.0], [124.0], [*first, *under, *row], 74.0) == [124.0, 130.0]


def test_a_header_of_two_lines_over_rows_printed_touching_is_not_joined_to_the_first_row():
    # rows printed with no padding: the last header's second line runs on at the leading into
    # the first row's status; the other headers, one line each, leave a blank line there (their
    # cells do not reach the row line), which is no cell padding
    head = 100.0
    words = []
    for col, text in enumerate(["Ref", "Action", "Lead"]):
        words += cell_words([text], col, head)
    words += cell_words(["Pro-", "gress"], 3, head)
    rows = [head - 1, head + 2 * PITCH - 1]
    top = head + 2 * PITCH
    for k in range(3):
        rows.append(top + 2 * PITCH - 1) if k < 2 else None
        words += cell_words([f"1.{k + 1}"], 0, top) + cell_words(["Run a showcase", "for all staff"], 1, top)
        words += cell_words(["Dean"], 2, top) + cell_words(["Done"], 3, top)
        top += 2 * PITCH
    bounds = [*rows, top - 1]
    cells = [
        GridCell(r, r + 1, k, k + 1, EDGES[k], bounds[r], EDGES[k + 1], bounds[r + 1])
        for r in range(len(bounds) - 1)
        for k in range(4)
    ]
    grid = PageGrid(1, "text", len(bounds) - 1, 4, tuple(cells), ruled=False, col_edges=EDGES)
    assert merged_over_rows(grid, words, (), 1.5) is grid


def test_two_prose_columns_whose_running_column_was_joined_over_rows_are_still_prose():
    from talentmap.extract.pdf.page_tables import _scored, is_prose

    # two text columns read as a grid: rows start at the left column's paragraphs, and the right
    # column's sentences run on at their leading across them, so they are joined into one cell
    left = [
        ["Our technicians asked us", "to run the reward policy", "for all of our staff."],
        ["Technicians make a vital", "part of the research and", "the teaching we do here."],
        ["Over the coming years we", "will go on to publish the", "profiles of our staff."],
    ]
    right = [
        "the",
        "steering",
        "group",
        "agreed",
        "to",
        "promote",
        "a",
        "webpage",
        "in",
        "every",
        "school",
        "to",
        "support",
        "the",
        "next",
    ]
    right += [
        "generation",
        "of",
        "technicians",
        "across",
        "all",
        "of",
        "the",
        "faculties",
        "and",
        "share",
        "good",
        "practice",
    ]
    top, rows, words = 100.0, [], []
    per = [" ".join(right[i : i + 4]) for i in range(0, len(right), 4)]
    for para in left:
        rows.append(top - 1)
        for j, text in enumerate(para):
            words += line_words(text, COLS[0], top + j * PITCH)
        top += 3 * PITCH + 6
    for j, text in enumerate(per):
        words += line_words(text, COLS[2], 100.0 + j * PITCH)
    bounds = [*rows, top]
    cells = [
        GridCell(r, r + 1, c, c + 1, x0, bounds[r], x1, bounds[r + 1])
        for r in range(3)
        for c, (x0, x1) in enumerate(((45.0, 295.0), (295.0, 480.0)))
    ]
    grid = PageGrid(1, "text", 3, 2, tuple(cells), ruled=False, col_edges=(45.0, 295.0, 480.0))
    merged = merged_over_rows(grid, words, (), 1.5)
    assert merged is not grid  # the right column is one cell over the three rows
    s = PdfSettings()
    table = _scored(merged, words, 1.5, frozenset())
    assert not is_prose(table, merged, merged, words, s)  # read joined, no sentence runs on
    assert is_prose(table, grid, merged, words, s)
