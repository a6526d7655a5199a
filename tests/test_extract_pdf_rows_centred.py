"""Rows of tables whose cells are centred in their rows, and rows shown by the column rules,
on hand-built pages (no PDF needed).

Each row is printed the way a middle-aligned table prints it: every cell's block of lines is
centred on the row's tallest block, so short cells (a ref, a lead) start below the row's top
and sit on baselines of their own, between the tall cell's lines.
"""

from __future__ import annotations

from talentmap.extract.pdf.grid import GridCell, PageGrid
from talentmap.extract.pdf.layout import PrintedLine, group_lines, stacked_pitch, typical_pitch
from talentmap.extract.pdf.page import Edge, Fill, PageData, Word
from talentmap.extract.pdf.rows_centred import Block, centred_row_starts, rows_of
from talentmap.extract.pdf.rows_ruled import Rule, rule_joints, split_lattice_rows, with_frame_ends
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


def block_height(lines: list[str]) -> float:
    return (len(lines) - 1) * PITCH + HEIGHT if lines else 0.0


def centred_row(top: float, cells: list[list[str]], centre_on: float | None = None) -> list[Word]:
    """One row: each column's lines centred on the row's tallest block (or on `centre_on`)."""
    tall = max(block_height(c) for c in cells)
    centre = centre_on if centre_on is not None else top + tall / 2
    words = []
    for lines, x0 in zip(cells, COLS, strict=False):
        first = centre - block_height(lines) / 2
        for k, text in enumerate(lines):
            words += line_words(text, x0, first + k * PITCH)
    return words


def rows_page(
    rows: list[list[list[str]]], top: float = 108.0, pad: float = PAD
) -> tuple[list[Word], list[float]]:
    """Rows one under the other, parted by twice the cell padding; the tops of the rows."""
    words, tops = [], []
    for cells in rows:
        tops.append(top)
        words += centred_row(top, cells)
        top += max(block_height(c) for c in cells) + 2 * pad
    return words, tops


BODY = [
    [["1.1"], ["Run a showcase of", "technical work", "for all staff"], ["HR team"], ["2025"]],
    [["1.2"], ["Fund registration", "for technicians"], ["Head of", "Technical", "Services"], ["2026"]],
    [["1.3"], ["Map the roles in", "every school", "and faculty", "each year"], ["Dean"], ["Year 1"]],
]


def page_with(words: list[Word], rules: list[float] = (), verticals: tuple[Edge, ...] = ()) -> PageData:
    edges = tuple(Edge("h", 45, 480, y, y) for y in rules) + verticals
    return PageData(1, 600, 800, tuple(words), edges, n_chars=500, n_images=0)


def columns_of(words: list[Word]) -> list[list[Word]]:
    cols: list[list[Word]] = [[] for _ in COLS]
    for w in words:
        cols[max(k for k, x in enumerate(EDGES[:-1]) if w.xc >= x)].append(w)
    return cols


def test_each_centred_row_starts_at_the_top_of_its_tallest_cell():
    words, tops = rows_page(BODY)
    assert centred_row_starts(columns_of(words), 1.5) == tops


def test_rows_parted_by_little_more_than_a_cells_line_gap_are_still_parted():
    # 1.5pt of padding above and below each row: 3pt of whitespace between rows against 2pt
    # between two lines of a cell
    words, tops = rows_page(BODY, pad=1.5)
    assert centred_row_starts(columns_of(words), 1.5) == tops


def test_top_aligned_cells_are_not_read_as_centred():
    words = []
    top = 108.0
    for cells in BODY:
        for lines, x0 in zip(cells, COLS, strict=False):
            for k, text in enumerate(lines):
                words += line_words(text, x0, top + k * PITCH)
        top += max(block_height(c) for c in cells) + 2 * PAD
    assert centred_row_starts(columns_of(words), 1.5) == []


def test_a_cell_merged_over_two_rows_and_centred_over_both_does_not_join_them():
    words, tops = rows_page(BODY[:2])
    # the first column's value printed once for both rows, centred over them (replacing the refs)
    words = [w for w in words if w.x0 != COLS[0]]
    both = (tops[0] + tops[1] + block_height(BODY[1][2])) / 2
    words += centred_row(0, [["Theme", "one", "two"], [], [], []], centre_on=both)
    words += line_words("1.1", COLS[0] + 30, tops[0] + block_height(BODY[0][1]) / 2 - HEIGHT / 2)
    starts = centred_row_starts(columns_of(words), 1.5)
    assert starts == tops


def test_a_cell_merged_over_three_rows_and_centred_on_the_middle_one_does_not_join_them():
    body = [
        [[], ["Run a showcase of", "technical work", "for all staff"], ["HR team"], ["2025"]],
        [[], ["Fund registration", "for technicians"], ["Dean"], ["2026"]],
        [[], ["Map the roles in", "every school", "and faculty"], ["Head of", "Services"], ["Year 1"]],
    ]
    words, tops = rows_page(body)
    # the group's aim printed once for the three rows, centred over them: rows one and three are
    # as tall, so its centre is the middle row's, and it runs into the rows above and below
    middle = tops[1] + block_height(body[1][1]) / 2
    words += centred_row(
        0, [["Grow the", "technical", "workforce", "in every", "faculty"], [], [], []], middle
    )
    assert centred_row_starts(columns_of(words), 1.5) == tops


def test_a_rows_cell_touching_merged_cells_of_two_columns_above_and_below_stays_in_its_row():
    # rows padded by 1.5pt: a theme merged over rows one and two and a lead merged over rows two
    # and three print across the bands, into the top and the foot of row two's action
    body = [[[], ["Run a showcase", "of work"], [], ["2025"]] for _ in range(3)]
    words, tops = rows_page(body, pad=1.5)
    words += centred_row(0, [["Visibility"], [], [], []], tops[1] - 1.5)
    words += centred_row(0, [[], [], ["Dean"], []], tops[2] - 1.5)
    assert centred_row_starts(columns_of(words), 1.5) == tops


def test_two_cells_merged_over_the_same_rows_share_a_centre_and_still_part_them():
    words, tops = rows_page(BODY)
    # the second and third rows' ref and lead printed once for both, centred over them
    group = (tops[1] + tops[2] + block_height(BODY[2][1])) / 2
    words = [w for w in words if w.yc < tops[1] or w.x0 not in (COLS[0], COLS[2])]
    words += centred_row(0, [["R7"], [], ["Technical", "Network", "Chair"], []], centre_on=group)
    assert centred_row_starts(columns_of(words), 1.5) == tops


def test_a_cells_next_paragraph_after_a_gap_is_no_row_of_its_own():
    words, tops = rows_page(BODY)
    # the last row's action goes on, after a blank line, in a second paragraph of its own; the
    # row's short cells are centred on the whole cell, both paragraphs
    last = tops[-1] + block_height(BODY[-1][1]) + PITCH
    words = [w for w in words if w.top < tops[-1]]
    centre = (tops[-1] + last + HEIGHT) / 2
    for lines, x0 in zip(BODY[-1], COLS, strict=True):
        first = tops[-1] if x0 == COLS[1] else centre - block_height(lines) / 2
        words += lines_at(lines, x0, first)
    words += line_words("See also 1.2", COLS[1], last)
    assert centred_row_starts(columns_of(words), 1.5) == tops


def test_the_top_of_a_row_cut_at_the_tables_foot_is_a_row_of_its_own():
    words, tops = rows_page(BODY)
    # a page break cuts the next row: the lines of its tall cell that fit print under the last
    # row (the row's short cells, centred lower, print with the rest overleaf); the cell above
    # is centred on its row's short cells without them
    cut = tops[-1] + block_height(BODY[-1][1]) + 2 * PAD
    words += lines_at(["Launch a network", "for early career"], COLS[1], cut)
    assert centred_row_starts(columns_of(words), 1.5) == [*tops, cut]


def framed(words: list[Word], tops: list[float]) -> PageData:
    header = line_words("Ref", COLS[0], 90) + line_words("Action", COLS[1], 90)
    header += line_words("Lead", COLS[2], 90) + line_words("When", COLS[3], 90)
    foot = max(w.bottom for w in words) + PAD
    return page_with(header + words, rules=[86, 102, foot])


def test_centred_rows_between_a_header_rule_and_a_foot_rule_are_each_a_row():
    words, tops = rows_page(BODY)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(framed(words, tops))
    assert grid.n_rows == 1 + len(BODY) and grid.n_cols == 4


def test_a_tall_cell_printed_above_the_first_multi_column_line_stays_in_the_first_row():
    # no rules: a full-width objective row, then rows whose action prints a line alone before
    # the row's ref and lead appear beside it
    words, tops = rows_page(BODY)
    header = line_words("Ref", COLS[0], 70) + line_words("Action", COLS[1], 70)
    header += line_words("Lead", COLS[2], 70) + line_words("When", COLS[3], 70)
    title = line_words(
        "Raise the profile of technicians across all of our faculties and schools", COLS[0], 92
    )
    page = page_with(header + title + words)
    grids = TextColumnsStrategy(PdfSettings()).extract(page)
    held = [c for g in grids for c in g.cells if c.top <= tops[0] + 2 <= c.bottom and c.col0 == 1]
    assert held and all(c.top < tops[0] < c.bottom for c in held)  # "Run a showcase of" in a cell


# --- column rules drawn cell by cell -------------------------------------------------------------


def per_cell_verticals(row_lines: list[float]) -> tuple[Edge, ...]:
    """Each cell's left and right border drawn on its own: the column rules end at every row line."""
    return tuple(Edge("v", x, x, a, b) for a, b in zip(row_lines, row_lines[1:], strict=False) for x in EDGES)


def test_the_joints_of_column_rules_drawn_cell_by_cell_are_row_lines():
    lines = [86.0, 102.0, 150.0, 190.0]
    joints = rule_joints(per_cell_verticals(lines), EDGES, 102.0, 190.0)
    assert joints == [150.0]


def test_a_column_rule_drawn_in_one_piece_shows_no_row_line():
    verticals = tuple(Edge("v", x, x, 86, 190) for x in EDGES)
    assert rule_joints(verticals, EDGES, 102.0, 190.0) == []


def lattice(top: float, bottom: float, body_cells: list[GridCell]) -> PageGrid:
    header = [GridCell(0, 1, k, k + 1, EDGES[k], 86.0, EDGES[k + 1], top) for k in range(4)]
    return PageGrid(1, "lines", 2, 4, tuple(header + body_cells), col_edges=EDGES)


def test_a_lattice_row_is_split_where_the_column_rules_break():
    # top-aligned one-line rows touching (no gap to read): only the rules' joints part them
    row_lines = [102.0 + k * (PITCH + 1) for k in range(5)]
    words = []
    for k, y in enumerate(row_lines[:-1]):
        words += line_words(f"{k + 1}.1", COLS[0], y + 1) + line_words("Run a showcase", COLS[1], y + 1)
        words += line_words("HR team", COLS[2], y + 1) + line_words("2025", COLS[3], y + 1)
    body = [GridCell(1, 2, k, k + 1, EDGES[k], 102.0, EDGES[k + 1], row_lines[-1]) for k in range(4)]
    grid = lattice(102.0, row_lines[-1], body)
    verticals = per_cell_verticals([86.0, *row_lines])
    split = split_lattice_rows(grid, words, PdfSettings(), edges=verticals)
    assert split.n_rows == 5


def test_a_lattice_row_ruled_as_one_cell_is_cut_at_the_column_rules_running_down_its_new_rows():
    # a title printed across the table (no column rules through it), then two rows whose cells
    # the column rules part: the lattice saw one cell across all the columns below the header
    title, bottom = 106.0, 106.0 + 3 * (2 * PITCH + 2 * PAD + HEIGHT)
    words = line_words("Raise the profile of technicians across all faculties", COLS[0], title)
    y = title + HEIGHT + 2 * PAD
    starts = [y]
    for k in range(2):
        words += line_words(f"1.{k + 1}", COLS[0], y) + line_words("Run a showcase", COLS[1], y)
        words += line_words("for all staff", COLS[1], y + PITCH) + line_words("HR team", COLS[2], y)
        words += line_words("2025", COLS[3], y)
        y += 2 * PITCH + 2 * PAD
        starts.append(y)
    verticals = tuple(Edge("v", x, x, starts[0] - PAD, bottom) for x in EDGES[1:-1])
    verticals += tuple(Edge("v", x, x, 86, bottom) for x in (EDGES[0], EDGES[-1]))
    grid = lattice(102.0, bottom, [GridCell(1, 2, 0, 4, EDGES[0], 102.0, EDGES[-1], bottom)])
    split = split_lattice_rows(grid, words, PdfSettings(), edges=verticals)
    body = sorted((c.row0, c.col0, c.col1) for c in split.cells if c.row0 >= 1)
    assert split.n_rows == 4
    assert [c for c in body if c[0] == 1] == [(1, 0, 4)]  # the title: one cell across
    assert [c[1:] for c in body if c[0] == 2] == [(0, 1), (1, 2), (2, 3), (3, 4)]


# --- centred cells on baselines of their own ------------------------------------------------------


def top_aligned_row(top: float, cells: list[list[str]]) -> list[Word]:
    return [
        w
        for lines, x0 in zip(cells, COLS, strict=False)
        for k, text in enumerate(lines)
        for w in line_words(text, x0, top + k * PITCH)
    ]


def test_centred_rows_outnumbering_rows_that_share_tops_two_to_one_are_read_centred():
    # four centred rows, then two printed from their tops (a row a page break cut short is
    # laid out so): the blocks still part all six
    more = [["1.4"], ["Hold a technical", "careers fair"], ["Dean"], ["2027"]]
    words, tops = rows_page([*BODY, more])
    top = tops[-1] + max(block_height(c) for c in more) + 2 * PAD
    for k in range(2):
        tops.append(top)
        cells = [[f"1.{5 + k}"], ["Review the", "workload", "models"], ["HR"], ["2028"]]
        words += top_aligned_row(top, cells)
        top += block_height(cells[1]) + 2 * PAD
    assert centred_row_starts(columns_of(words), 1.5) == tops


# every aim is two lines and every other cell one or three: centred, the aims sit half a line off
# the other columns' baselines, so no printed line holds an aim and its action
AIM_ROWS = [
    [
        ["Raise the", "profile"],
        ["Run a showcase of", "technical work", "for all staff"],
        ["HR team"],
        ["2025"],
    ],
    [["Fund the", "roles"], ["Fund registration"], ["Head of", "Technical", "Services"], ["2026"]],
    [["Map every", "school"], ["Map the roles in", "every school", "and faculty"], ["Dean"], ["Year 1"]],
]


def test_a_column_printed_only_between_its_neighbours_baselines_is_still_a_column():
    rows = AIM_ROWS
    words, tops = rows_page(rows)
    header = line_words("Aim", COLS[0], 90) + line_words("Action", COLS[1], 90)
    header += line_words("Lead", COLS[2], 90) + line_words("When", COLS[3], 90)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page_with(header + words))
    assert grid.n_cols == 4 and grid.n_rows == 1 + len(rows)
    aims = [c for c in grid.cells if c.col0 == 0 and c.row0 >= 1]
    assert all(c.x1 < COLS[1] for c in aims)


def test_a_tables_first_lines_printed_beside_each_other_on_their_own_baselines_are_its_first_row():
    # no header: the first row opens with its action's first line and its aim half a line
    # lower, and only then a line printing in several columns at once
    words, tops = rows_page(AIM_ROWS)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page_with(words))
    assert grid.n_rows == len(AIM_ROWS)
    assert min(c.top for c in grid.cells) <= tops[0]


# --- a cell of several paragraphs -----------------------------------------------------------------


def lines_at(texts: list[str], x0: float, top: float) -> list[Word]:
    return [w for k, t in enumerate(texts) for w in line_words(t, x0, top + k * PITCH)]


def paragraphs_then_bullets(top: float) -> list[Word]:
    """An action of a sentence and three bullets set 6pt apart (a paragraph gap): two blocks."""
    return lines_at(["Promote secondment", "opportunities."], COLS[1], top) + lines_at(
        ["- Report to the board", "- Termly updates", "- A staff survey"], COLS[1], top + 2 * PITCH + 4
    )


def test_a_cells_first_paragraph_bridged_into_the_row_above_goes_back_to_its_row():
    # row 6: a three-line action, its ref and lead centred on it; row 7: an action of a sentence
    # and bullets, its ref and lead centred on all of it. A group's aim merged over both rows
    # prints across the gap between them, joining row 7's sentence to row 6's span.
    words = lines_at(["6"], COLS[0], 111) + lines_at(
        ["Run a showcase", "of work for", "all staff"], COLS[1], 100
    )
    words += lines_at(["HR"], COLS[3], 111)
    words += lines_at(["Make staff", "visible to", "all"], COLS[2], 120)
    words += paragraphs_then_bullets(139)  # 139 to 196: centred at 167.5
    words += lines_at(["7"], COLS[0], 163) + lines_at(["Dean"], COLS[3], 163)
    assert centred_row_starts(columns_of(words), 1.5) == [100, 139]


def test_a_cells_first_paragraph_under_a_section_row_stays_with_its_row():
    section = PrintedLine(tuple(line_words("Theme 2 - Recognition", COLS[0], 100)))
    words = paragraphs_then_bullets(120)  # 120 to 177: centred at 148.5
    words += lines_at(["2.1"], COLS[0], 144) + lines_at(["Dean"], COLS[3], 144)
    assert centred_row_starts(columns_of(words), 1.5, [section]) == [100, 120]


def test_two_lone_spans_in_different_columns_read_as_one_row():
    # a table's first span holds one column's block, the next another column's: the second
    # joins the first as its row's other cell (no paragraph of one cell to centre)
    first, second = Block(0, 100.0, 110.0), Block(1, 140.0, 150.0)
    assert rows_of([first, second], join=10.0, tol=2.0) == [[first, second]]


def _row_texts(grid: PageGrid, words: list[Word]) -> list[str]:
    """Each grid row's words, joined cell by cell (each cell's lines top to bottom)."""
    rows: dict[int, list[Word]] = {}
    for w in words:
        i = grid.cell_of(w)
        if i is not None:
            rows.setdefault(grid.cells[i].row0, []).append(w)
    return [
        " ".join(w.text for w in sorted(ws, key=lambda w: (grid.cell_of(w), w.top, w.x0)))
        for _, ws in sorted(rows.items())
    ]


def test_stacked_pitch_reads_a_columns_lines_not_lines_printed_beside_each_other():
    words, _ = rows_page(BODY)
    lines = group_lines(words, PdfSettings().line_tolerance)
    tops = [ln.top for ln in lines]
    page_pitch = typical_pitch(tops, HEIGHT)
    assert page_pitch < 0.8 * PITCH  # centred cells' baselines sit half a line apart
    assert stacked_pitch(lines, page_pitch) == PITCH


def test_centred_rows_parted_by_wide_padding_under_a_header_bar_stay_one_table():
    # rows padded by more than two of the page's (half-line) pitches, no rule under the bar
    words, tops = rows_page(BODY, top=112.0, pad=8.0)
    header = line_words("Ref", COLS[0], 90) + line_words("Action", COLS[1], 90)
    header += line_words("Lead", COLS[2], 90) + line_words("When", COLS[3], 90)
    grids = TextColumnsStrategy(PdfSettings()).extract(page_with(header + words, rules=[86, 102]))
    body = [g for g in grids if g.bbox[1] >= 102]
    assert len(body) == 1
    texts = _row_texts(body[0], words)
    assert len(texts) == len(BODY)
    assert all(t.startswith(ref) for t, ref in zip(texts, ["1.1", "1.2", "1.3"], strict=True))


def test_a_last_row_under_the_row_rules_is_closed_where_the_side_rule_ends():
    # rows ruled above each row, no rule under the last one: the left side rule runs on to its foot
    words, tops = rows_page(BODY)
    foot = max(w.bottom for w in words) + PAD
    side = (Edge("v", 45, 45, tops[0] - PAD, foot),)
    page = page_with(words, rules=[t - PAD for t in tops], verticals=side)
    (grid,) = TextColumnsStrategy(PdfSettings()).extract(page)
    texts = _row_texts(grid, words)
    assert len(texts) == len(BODY)
    assert texts[-1].startswith("1.3") and "each year" in texts[-1] and "Year 1" in texts[-1]


def test_side_rules_that_meet_only_a_frames_top_and_header_rule_add_no_foot():
    # a box over an unruled body: the sides run down to the page's end past two rules only
    rules = [Rule(86.0, ((45.0, 480.0),)), Rule(102.0, ((45.0, 480.0),))]
    sides = [Edge("v", x, x, 86, 400) for x in (45.0, 480.0)]
    assert with_frame_ends(rules, sides, (), PITCH) == rules
    ruled = [*rules, Rule(150.0, ((45.0, 480.0),))]
    assert [r.y for r in with_frame_ends(ruled, sides, (), PITCH)] == [86.0, 102.0, 150.0, 400.0]
    # the edges of shaded bands (a header bar, section rows) are no row rules
    bands = (Fill(45, 480, 86, 102, 0.4), Fill(45, 480, 150, 166, 0.9))
    banded = [*rules, Rule(150.0, ((45.0, 480.0),)), Rule(166.0, ((45.0, 480.0),))]
    assert with_frame_ends(banded, sides, bands, PITCH) == banded
