"""Columns, header rows and table finding on hand-built pages: the evidence each step weighs."""

from __future__ import annotations

from talentmap.extract.pdf.columns import find_gutters, gutter_voters, in_pieces, printed_over, printed_spans
from talentmap.extract.pdf.furniture import strip_furniture
from talentmap.extract.pdf.grid import GridCell, PageGrid
from talentmap.extract.pdf.layout import PrintedLine, group_lines
from talentmap.extract.pdf.page import Edge, Fill, PageData, Word
from talentmap.extract.pdf.page_tables import Strategies, _with_header_columns, page_tables
from talentmap.extract.pdf.settings import PdfSettings
from talentmap.extract.pdf.strategy_lines import LinesStrategy
from talentmap.extract.pdf.strategy_text import TextColumnsStrategy

PITCH = 14.0


def word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 5 * len(text), top, top + 10, 10)


def ending_at(text: str, x1: float, top: float) -> Word:
    return Word(text, x1 - 5 * len(text), x1, top, top + 10, 10)


def lines_of(words: list[Word]) -> list[PrintedLine]:
    return group_lines(words, 1.5)


def page(words: list[Word], edges: tuple[Edge, ...] = (), fills: tuple[Fill, ...] = (), number: int = 1):
    return PageData(number, 600, 800, tuple(words), edges, n_chars=1000, n_images=0, fills=fills)


def strategies() -> Strategies:
    return Strategies(LinesStrategy(), None, TextColumnsStrategy())


def cells(table) -> list[list[str]]:  # noqa: ANN001 - a PageTable
    return [list(r.cells) for r in table.rows]


def justified(top: float, k: int, x0: float, x1: float) -> list[Word]:
    """One line of justified text from x0 to x1: words of lengths that differ from line to line,
    spaced out evenly so that the last one (a word no other line ends in) ends at x1."""
    texts = ["w" * (2 + (k + i) % 5) + str(i) for i in range(40)]
    chosen, width = [], 0.0
    for t in texts:
        if width + 5 * len(t) + 3 + 5 * len(f"end{k}") > x1 - x0:
            break
        chosen.append(t)
        width += 5 * len(t) + 3
    chosen.append(f"end{k}")
    ink = sum(5 * len(t) for t in chosen)
    space = (x1 - x0 - ink) / (len(chosen) - 1)
    out, at = [], x0
    for t in chosen:
        out.append(word(t, at, top))
        at += 5 * len(t) + space
    return out


def test_a_column_start_printed_right_after_justified_text_parts_the_columns():
    # the action column is justified to 300; the lead column starts at 302: no clear strip
    # between them, but its left edge is where every line starts a word, after different words
    words = []
    for k in range(10):
        top = 100 + PITCH * k
        words += [
            word(f"{k}.1", 50, top),
            *justified(top, k, 100, 300),
            word("Lead" + "s" * (k % 4) + str(k), 302, top),
        ]
    mids = [g.mid for g in find_gutters(lines_of(words), 6.0, 0.12)]
    assert any(300 <= m <= 302 for m in mids), mids


def test_a_value_and_its_unit_are_not_two_columns():
    # "40 years", "41 years", ...: every line starts "years" at one x, after a different number
    words = []
    for k in range(10):
        top = 100 + PITCH * k
        words += [word(f"Row{k}", 50, top), word(f"4{k}", 100, top), word("years", 112.5, top)]
        words += [word(f"{k}00", 200, top)]
    mids = [g.mid for g in find_gutters(lines_of(words), 6.0, 0.12)]
    assert not any(110 <= m <= 112.5 for m in mids), mids


def test_numbers_right_aligned_under_a_wide_header_are_one_column():
    # values of one width start at one x after the column before, under a header that starts
    # further left: the x is that column's own start, not a second column inside it
    words = [word("Country", 50, 86), word("Per pupil spend", 150, 86)]
    for k in range(10):
        words += [word(f"Land{k}", 50, 100 + PITCH * k), word(f"{k},{k}42", 180, 100 + PITCH * k)]
    mids = [g.mid for g in find_gutters(lines_of(words), 6.0, 0.12)]
    assert len(mids) == 1 and mids[0] < 150, mids


def test_a_first_column_printed_once_per_group_is_still_a_column():
    # the theme is printed on one row of its group (and in the header): too few lines to stand
    # out from the margin, but the strip beside it is clear on every line
    words = [word("Theme", 50, 86), word("Objective", 110, 86), word("Lead", 300, 86)]
    for k in range(18):
        top = 100 + PITCH * k
        if k == 0:
            words.append(word("Visibility", 50, top))  # ends at 100
        words += [word(f"Objective{k}", 110, top), word(f"Lead{k}", 300, top)]
    mids = [g.mid for g in find_gutters(lines_of(words), 6.0, 0.12)]
    assert any(100 < m <= 110 for m in mids), mids


def body_rows(first_top: float, n: int) -> list[Word]:
    words = []
    for k in range(n):
        top = first_top + 2 * PITCH * k
        words += [word(f"{k + 1}", 50, top), word("Extend", 90, top), word("the", 125, top)]
        words += [word("scheme", 145, top), word("HR", 300, top), word("2025", 400, top)]
        words += [word("to", 90, top + PITCH), word("staff", 105, top + PITCH)]
    return words


def test_a_header_bar_over_an_unruled_body_is_the_tables_first_row():
    # the header sits in a filled bar (its edges are rules above and below it); the body has
    # no rules: read apart, the header would be a one-row table and the body a headless one
    header = [word("Ref", 50, 103), word("Action", 90, 103), word("Lead", 300, 103), word("When", 400, 103)]
    bar = Fill(45, 450, 98, 116, shade=0.8)
    edges = (
        Edge("h", 45, 450, 98, 98, stroked=False),
        Edge("h", 45, 450, 116, 116, stroked=False),
        Edge("v", 45, 45, 98, 116, stroked=False),
        Edge("v", 450, 450, 98, 116, stroked=False),
    )
    tables = page_tables(page(header + body_rows(122, 5), edges, (bar,)), strategies(), PdfSettings())
    assert len(tables) == 1
    assert cells(tables[0])[0] == ["Ref", "Action", "Lead", "When"]
    assert cells(tables[0])[1] == ["1", "Extend the scheme to staff", "HR", "2025"]


def test_a_lone_banner_at_the_page_top_does_not_hide_a_gutter():
    # a browser's date banner and a footer line print across the ref | action gutter; on a page
    # with a short table their two votes were enough to merge the ref into the action column
    banner = [word("12/1/26,", 40, 20), word("Plan", 300, 20)]
    footer = [word("file:///tmp/plan.html", 40, 760), word("1/1", 400, 760)]
    tables = page_tables(page(banner + body_rows(100, 4) + footer), strategies(), PdfSettings())
    (table,) = [t for t in tables if len(t.rows) >= 4]
    assert cells(table)[0][:2] == ["1", "Extend the scheme to staff"]


def test_a_repeated_header_that_heads_the_columns_below_is_not_furniture():
    # printed at the same place on both pages, a little over a line's height above the body
    # (cell padding and a rule): its pieces start where the body's columns start
    pages = []
    for n in (1, 2):
        header = [word("Ref", 50, 40), word("Action", 90, 40), word("Lead", 300, 40)]
        body = [word(f"{n}.{k}", 50, 59 + PITCH * k) for k in range(3)]
        body += [word(f"Do thing {n}{k}", 90, 59 + PITCH * k) for k in range(3)]
        body += [word(f"Team{n}{k}", 300, 59 + PITCH * k) for k in range(3)]
        pages.append(page(header + body, number=n))
    kept = strip_furniture(pages, PdfSettings())
    assert all("Action" in [w.text for w in p.words] for p in kept)


def test_a_repeated_header_over_a_body_printing_in_few_columns_is_the_header_it_is_elsewhere():
    # the last page holds only a cut row's rest, printed in one column: its header's pieces do
    # not line up with the body there, but the same header heads the columns on the other pages
    header = [word("Ref", 50, 40), word("Action", 90, 40), word("Lead", 300, 40), word("When", 400, 40)]
    pages = []
    for n in (1, 2):
        body = [word(f"{n}.{k}", 50, 59 + PITCH * k) for k in range(3)]
        body += [word(f"Do thing {n}{k}", 90, 59 + PITCH * k) for k in range(3)]
        body += [word(f"Team{n}{k}", 300, 59 + PITCH * k) for k in range(3)]
        body += [word(f"202{k}", 400, 59 + PITCH * k) for k in range(3)]
        pages.append(page(header + body, number=n))
    pages.append(page(header + [word("and the rest of it.", 90, 59)], number=3))
    kept = strip_furniture(pages, PdfSettings())
    assert all("Action" in [w.text for w in p.words] for p in kept)


def ruled_grid(tops: list[float], xs: tuple[float, ...] = (45, 100, 295, 480)) -> tuple[Edge, ...]:
    """Rules round every cell of a grid: a rule under each row, a column rule at each x."""
    h = tuple(Edge("h", xs[0], xs[-1], y, y) for y in tops)
    return h + tuple(Edge("v", x, x, tops[0], tops[-1]) for x in xs)


def test_a_header_ruled_alone_at_the_page_foot_is_a_one_row_table():
    # a table, a heading, then the next table's header ruled on its own at the page's foot
    words = [word("Ref", 50, 104), word("Action", 105, 104), word("Lead", 300, 104)]
    words += [
        w
        for k in range(3)
        for w in (
            word(f"1.{k}", 50, 124 + 20 * k),
            word(f"Do {k}", 105, 124 + 20 * k),
            word(f"HR{k}", 300, 124 + 20 * k),
        )
    ]
    words += [word("Theme two", 50, 700)]
    words += [word("Ref", 50, 724), word("Action", 105, 724), word("Lead", 300, 724)]
    edges = ruled_grid([100, 118, 138, 158, 178]) + ruled_grid([720, 738])
    tables = page_tables(page(words, edges), strategies(), PdfSettings())
    assert [(len(t.rows), t.foot_header) for t in tables] == [(4, False), (1, True)]
    assert cells(tables[1]) == [["Ref", "Action", "Lead"]]


def test_a_one_row_grid_with_text_under_it_is_no_header_at_the_foot():
    words = [word("Ref", 50, 724), word("Action", 105, 724), word("Lead", 300, 724)]
    words += [word("Some closing text", 50, 760)]
    tables = page_tables(page(words, ruled_grid([720, 738])), strategies(), PdfSettings())
    assert not any(t.foot_header for t in tables)


def test_a_banner_repeated_on_every_page_is_still_furniture():
    pages = []
    for n in (1, 2):
        banner = [word("University", 50, 20), word("Action plan", 400, 20)]
        body = [word(f"Row {n}{k}", 50, 59 + PITCH * k) for k in range(3)]
        body += [word(f"Text {n}{k}", 90, 59 + PITCH * k) for k in range(3)]
        pages.append(page(banner + body, number=n))
    kept = strip_furniture(pages, PdfSettings())
    assert all("University" not in [w.text for w in p.words] for p in kept)


def test_zebra_bands_holding_rows_in_columns_are_rows_of_the_table():
    # every other row is printed on a filled band whose edges make a box: a band whose pieces
    # start where the rows around it start is a body row, not a merged row cut off from its table
    words, fills, edges = [], [], []
    for k in range(5):
        top = 100 + 20 * k
        words += [
            word(f"{k + 1}.1", 50, top),
            word(f"Action number {k}", 100, top),
            word(f"Lead{k}", 300, top),
        ]
        if k % 2 == 0:
            fills.append(Fill(45, 450, top - 4, top + 14, shade=0.9))
            edges += [
                Edge("h", 45, 450, top - 4, top - 4, stroked=False),
                Edge("h", 45, 450, top + 14, top + 14, stroked=False),
                Edge("v", 45, 45, top - 4, top + 14, stroked=False),
                Edge("v", 450, 450, top - 4, top + 14, stroked=False),
            ]
    tables = page_tables(page(words, tuple(edges), tuple(fills)), strategies(), PdfSettings())
    assert len(tables) == 1 and len(tables[0].rows) == 5
    assert cells(tables[0])[2] == ["3.1", "Action number 2", "Lead2"]


def test_a_running_title_printed_right_above_a_repeated_header_is_still_furniture():
    # title and header are one block (no gap between them): the header heads the columns below
    # and stays; the title above it is dropped as furniture
    pages = []
    for n in (1, 2):
        title = [word("Example University Action Plan", 50, 28)]
        header = [word("Ref", 50, 40), word("Action", 90, 40), word("Lead", 300, 40)]
        body = [word(f"{n}.{k}", 50, 59 + PITCH * k) for k in range(3)]
        body += [word(f"Do thing {n}{k}", 90, 59 + PITCH * k) for k in range(3)]
        body += [word(f"Team{n}{k}", 300, 59 + PITCH * k) for k in range(3)]
        pages.append(page(title + header + body, number=n))
    kept = [[w.text for w in p.words] for p in strip_furniture(pages, PdfSettings())]
    assert all("Action" in texts and "Example University Action Plan" not in texts for texts in kept)


def spaced(top: float, x0: float, lengths: tuple[int, ...], gap: float) -> list[Word]:
    """One justified line: words of these lengths (in characters) parted by one stretched gap."""
    out, at = [], x0
    for n in lengths:
        out.append(word("w" * (n - 1) + str(round(top) % 10), at, top))
        at += 5 * n + gap
    return out


# justified lines of cells 50..250 whose second stretched space happens to fall over 150..158
# on each line (gaps of 10, 15 and 20 points)
JUSTIFIED_CELL = (
    ((8, 10, 7, 9), 10.0),
    ((7, 9, 6, 9), 15.0),
    ((6, 9, 5, 8), 20.0),
    ((9, 9, 8, 8), 10.0),
    ((8, 9, 7, 7), 15.0),
    ((7, 9, 6, 6), 20.0),
)


def test_the_stretched_spaces_of_a_short_justified_cell_are_no_gutter():
    words = []
    for k, (lengths, gap) in enumerate(JUSTIFIED_CELL[:3]):
        top = 100 + PITCH * k
        words += [*spaced(top, 50, lengths, gap), word(f"Lead{k}", 262, top)]
    words += [word("short", 50, 100 + 3 * PITCH), word("Lead3", 262, 100 + 3 * PITCH)]
    gutters = find_gutters(lines_of(words), 8.0, 0.12)
    assert [round(g.x1) for g in gutters] == [262], gutters


def test_a_column_start_beside_a_justified_cell_whose_only_clear_strips_are_spaces_is_found():
    # the lead column starts 2 points after the justified cell: no clear strip parts them, and
    # the only strip the words leave clear (over 150..158) is a run of stretched spaces
    words = []
    for k in range(6):
        lengths, gap = JUSTIFIED_CELL[k]
        top = 100 + PITCH * k
        words += [*spaced(top, 50, lengths, gap), word("Lead" + "s" * k, 252, top)]
    mids = [g.mid for g in find_gutters(lines_of(words), 8.0, 0.12)]
    assert len(mids) == 1 and 250 <= mids[0] <= 252, mids


def test_a_column_rule_parts_columns_whose_text_runs_to_it():
    # the second column's text runs to a rule at 301 and the third's starts right after it:
    # no strip is clear there and every line starts the same word, but the rule parts them
    words = []
    for k in range(6):
        top = 100 + PITCH * k
        words += [word(f"{k}.1", 50, top), word("x" * (10 + k), 300 - 5 * (10 + k), top)]
        words += [word("Lead", 150, top), word("Yes", 302, top)]
    rules = (Edge("v", 301, 301, 95, 100 + 6 * PITCH),)
    (grid,) = TextColumnsStrategy().extract(page(words, edges=rules))
    assert grid.n_cols == 4, grid.col_edges


def test_a_justified_line_prints_as_one_where_other_lines_print_over_its_spaces():
    # a header centred over three equal columns spaces its words evenly, over gutters the rows
    # below leave clear; a justified line spaces its words evenly where other lines print
    header = [word("Never", 100, 86), word("Sometimes", 160, 86), word("Often", 240, 86)]
    rows = [[word(f"{k}1", 107.5, 100 + PITCH * k), word(f"{k}2", 177.5, 100 + PITCH * k)] for k in range(4)]
    rows[0].append(word(f"{0}3", 247.5, 100))
    lines = lines_of(header + [w for r in rows for w in r])
    over = printed_over(lines)
    assert len(printed_spans(lines[0], 8.0, over)) == 3
    prose = lines_of([word("Review", 100, 300), word("these", 143, 300), word("plans", 181, 300)])[0]
    below = lines_of([word("Extend the scheme to all staff", 100, 314)])
    assert printed_spans(prose, 8.0, printed_over([prose, *below])) == ((100, 206),)


def test_figures_in_equal_columns_spaced_evenly_keep_their_gutters():
    # a wide first figure, then figures of one width right-aligned in columns of one width: the
    # gaps between them are equal on every row, as a justified line's spaces are, but they part
    # columns of figures, not words
    words = []
    for k in range(6):
        top = 100 + PITCH * k
        words += [word(f"Row{k}", 50, top), ending_at(f"2{k},687", 200, top)]
        words += [ending_at(f"{k},664", 260, top), ending_at(f"{k},821", 320, top)]
    x1s = [round(g.x1) for g in find_gutters(lines_of(words), 8.0, 0.12)]
    assert 235 in x1s and 295 in x1s, x1s


def test_the_last_space_of_justified_lines_ending_flush_on_a_short_word_parts_no_columns():
    # a timescale column whose two-line cells are justified: "By  end  of" ends flush at 160 on
    # three rows, their last space falling at one place; the other values leave it clear too, so
    # no line prints over it and nothing tells it from a gutter but the spaces before it
    words = []
    values = [
        ["Ongoing"],
        ["By", "end", "of"],
        ["Q3"],
        ["In", "May", "of"],
        ["Year"],
        ["By", "all", "of"],
    ]
    for k, value in enumerate(values):
        top = 100 + PITCH * k
        words.append(word(f"{k}.1", 50, top))
        if len(value) == 3:
            a, b, c = value
            words += [word(a, 100, top), word(b, 122.5, top), ending_at(c, 160, top)]
        else:
            words += [word(t, 100 + 25 * i, top) for i, t in enumerate(value)]
    x1s = [round(g.x1) for g in find_gutters(lines_of(words), 8.0, 0.12)]
    assert x1s == [100], x1s


def test_a_justified_paragraph_is_one_piece_however_wide_its_spaces():
    para = [lines_of(justified(100 + PITCH * k, k, 50, 300))[0] for k in range(4)]
    over = printed_over(para)
    assert not any(in_pieces(ln, 8.0, over) for ln in para)
    table_row = lines_of([word("1.1", 50, 200), word("Run", 100, 200), word("HR", 300, 200)])[0]
    assert in_pieces(table_row, 8.0, printed_over([table_row]))


def test_lines_side_by_side_on_their_own_baselines_vote_as_one_line_and_once():
    # a cell's line set 4pt (0.4 of a line) below the next column's line: one voter showing both
    # columns; two lines of one column, one over the other, are never paired
    beside = lines_of([word("Aim", 50, 100), word("Run", 120, 104), word("Fund", 120, 114)])
    voters = gutter_voters(beside)
    assert [[w.text for w in v.words] for v in voters] == [["Aim", "Run"], ["Fund"]]


# --- a text body under a ruled header takes the header's columns ------------------------------


def _lattice_header(edges: tuple[float, ...], top: float, bottom: float) -> PageGrid:
    cells = tuple(
        GridCell(0, 1, k, k + 1, edges[k], top, edges[k + 1], bottom) for k in range(len(edges) - 1)
    )
    return PageGrid(1, "pdfplumber-lines", 1, len(edges) - 1, cells, ruled=True, col_edges=edges)


def _text_body(edges: tuple[float, ...], tops: list[float], bottom: float) -> PageGrid:
    ys = [*tops, bottom]
    cells = tuple(
        GridCell(r, r + 1, k, k + 1, edges[k], ys[r], edges[k + 1], ys[r + 1])
        for r in range(len(tops))
        for k in range(len(edges) - 1)
    )
    return PageGrid(1, "text-columns", len(tops), len(edges) - 1, cells, ruled=False, col_edges=edges)


def _word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 5 * len(text), top, top + 9, 9)


def test_a_text_body_under_a_ruled_header_is_parted_at_the_header_column_it_hides():
    # the objective is printed once, on one line running up to the action: the body shows no gutter
    header = _lattice_header((45.0, 70.0, 200.0, 300.0, 400.0), 86, 102)
    body = _text_body((45.0, 70.0, 300.0, 400.0), [104.0, 130.0], 156.0)
    words = [
        _word("11", 50, 106),
        _word("Provide", 75, 106),
        _word("for", 180, 106),
        _word("Launch", 203, 106),
    ]
    words += [
        _word("Heads", 305, 106),
        _word("12", 50, 132),
        _word("Create", 203, 132),
        _word("Dean", 305, 132),
    ]
    parted = _with_header_columns(body, [header], words)
    assert parted.col_edges == (45.0, 70.0, 200.0, 300.0, 400.0) and parted.n_cols == 4
    cols = {w.text: parted.cells[parted.cell_of(w)].col0 for w in words}
    assert cols["Provide"] == cols["for"] == 1 and cols["Launch"] == cols["Create"] == 2


def test_a_text_body_printing_across_the_header_column_line_keeps_its_columns():
    header = _lattice_header((45.0, 70.0, 200.0, 300.0, 400.0), 86, 102)
    body = _text_body((45.0, 70.0, 300.0, 400.0), [104.0, 130.0], 156.0)
    words = [_word("11", 50, 106), _word("Provide", 75, 106), _word("across", 190, 106), _word("12", 50, 132)]
    assert _with_header_columns(body, [header], words) is body


def test_a_stretched_space_in_a_column_printed_once_per_group_is_no_gutter():
    # the theme is printed once per group; one theme wraps justified ("Theme  3  –  Career" /
    # "Development"), its spaces stretched past the gutter width, and that strip is clear on the
    # column's few other lines but for two table rows that print across it: it is inside the column
    def at(text: str, x0: float, x1: float, top: float) -> Word:
        return Word(text, x0, x1, top, top + 10, 10)

    words = [at("Theme", 74, 103, 86), at("Objective", 162, 207, 86), at("Lead", 300, 320, 86)]
    themes = {0: [("Visibility", 74, 106.5)], 6: [("Recognition", 74, 121.5)]}
    themes[12] = [("Theme", 74, 102), ("3", 108, 113), ("–", 119, 124), ("Career", 130, 157.5)]
    themes[13] = [("Development", 74, 127)]
    for k in range(18):
        top = 100 + PITCH * k
        words += [at(t, x0, x1, top) for t, x0, x1 in themes.get(k, [])]
        words += [at(f"Objective{k}", 162, 212, top), at(f"Lead{k}", 300, 330, top)]
    mids = [g.mid for g in find_gutters(lines_of(words), 6.0, 0.12)]
    assert not any(106.5 < m < 128 for m in mids), mids
    assert any(157.5 < m <= 162 for m in mids), mids
