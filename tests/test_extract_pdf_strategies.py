"""The page handler's cheap-first staging and the ruled-table strategies, on hand-built pages."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

from talentmap.extract.pdf.grid import GridCell, PageGrid, PageRow, PageTable
from talentmap.extract.pdf.join import JoinedTable, join_pieces
from talentmap.extract.pdf.page import Edge, PageData, Word
from talentmap.extract.pdf.page_tables import Strategies, _text_column_at_edge, page_tables
from talentmap.extract.pdf.settings import PdfSettings
from talentmap.extract.pdf.strategy import grid_score
from talentmap.extract.pdf.strategy_camelot import merged_boxes
from talentmap.extract.pdf.strategy_lines import LinesStrategy
from talentmap.extract.pdf.strategy_text import TextColumnsStrategy


def word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 5 * len(text), top, top + 10, 10)


def boxed_page(xs: list[float], ys: list[float], words: list[Word]) -> PageData:
    """A page whose table is ruled on the lattice xs x ys."""
    edges = [Edge("h", xs[0], xs[-1], y, y) for y in ys] + [Edge("v", x, x, ys[0], ys[-1]) for x in xs]
    return PageData(1, 600, 800, tuple(words), tuple(edges), n_chars=100, n_images=0)


def grid_words() -> list[Word]:
    return [word("Ref", 105, 105), word("Action", 205, 105), word("1.1", 105, 125), word("Do", 205, 125)]


def test_lines_strategy_reads_a_ruled_grid_from_stored_edges():
    page = boxed_page([100, 200, 300], [100, 120, 140], grid_words())
    (grid,) = LinesStrategy().extract(page)
    assert (grid.n_rows, grid.n_cols) == (2, 2)


def test_lines_strategy_closes_a_row_left_open_at_the_page_end():
    # the column rules run on 30pt past the last rule (a row cut by the page break, as browsers
    # print it): that piece is a row of its own; under a merged cell only part of the bottom is
    # ruled, and the rest is closed too
    xs, ys = [100, 200, 300], [100, 120, 140]
    edges = [Edge("h", 100, 300, y, y) for y in ys] + [Edge("v", x, x, 100, 170) for x in xs]
    page = PageData(1, 600, 800, tuple(grid_words()), tuple(edges), n_chars=100, n_images=0)
    (grid,) = LinesStrategy().extract(page)
    assert (grid.n_rows, grid.n_cols) == (3, 2)
    half = [*edges, Edge("h", 200, 300, 170, 170)]  # only the second column ruled at the bottom
    (grid,) = LinesStrategy().extract(PageData(1, 600, 800, (), tuple(half), n_chars=100, n_images=0))
    assert (grid.n_rows, grid.n_cols) == (3, 2) and len(grid.cells) == 6


def test_lines_strategy_leaves_a_closed_table_as_drawn():
    page = boxed_page([100, 200, 300], [100, 120, 140], grid_words())
    (grid,) = LinesStrategy().extract(page)
    assert grid.col_edges == (100, 200, 300) and len(grid.cells) == 4


def test_lines_strategy_keeps_a_lone_box():
    page = boxed_page([100, 300], [100, 116], [word("Recognition", 105, 103)])
    (grid,) = LinesStrategy().extract(page)
    assert (grid.n_rows, grid.n_cols) == (1, 1)


class Spy:
    name = "spy"

    def __init__(self, grids: list[PageGrid]):
        self.grids = grids
        self.calls = 0

    def extract(self, page: PageData, lines: object = None) -> list[PageGrid]:
        self.calls += 1
        return self.grids


def lattice_grid(name: str) -> PageGrid:
    cells = tuple(
        GridCell(r, r + 1, c, c + 1, 100 + 100 * c, 100 + 20 * r, 200 + 100 * c, 120 + 20 * r)
        for r in range(2)
        for c in range(2)
    )
    return PageGrid(1, name, 2, 2, cells, ruled=True, col_edges=(100, 200, 300))


def test_camelot_is_not_run_when_the_lines_grid_scores_well():
    page = boxed_page([100, 200, 300], [100, 120, 140], grid_words())
    lattice, text = Spy([]), Spy([])
    tables = page_tables(page, Strategies(LinesStrategy(), lattice, text), PdfSettings())
    # the text columns are asked once, for their reading of the grid's words (here: no table)
    assert lattice.calls == 0 and text.calls == 1
    assert tables[0].extractor == "pdfplumber-lines"
    assert [r.cells for r in tables[0].rows] == [("Ref", "Action"), ("1.1", "Do")]


def test_camelot_is_run_where_the_lines_grid_is_poor_and_wins_if_better():
    # the ruled lattice pdfplumber sees holds the words badly (they straddle its cells)...
    words = [word("Ref", 105, 105), word("Action", 140, 105), word("1.1", 105, 125), word("Do", 205, 125)]
    page = boxed_page([100, 150, 250, 300], [100, 120, 140], words)
    poor = Spy(LinesStrategy().extract(page))
    # ...so the image-based lattice is asked, and its grid is kept
    lattice, text = Spy([lattice_grid("camelot-lattice")]), Spy([])
    tables = page_tables(page, Strategies(poor, lattice, text), PdfSettings())
    assert lattice.calls == 1
    assert tables[0].extractor == "camelot-lattice"


def lattice_of(name: str, xs: list[float], ys: list[float], ruled: bool = True) -> PageGrid:
    cells = tuple(
        GridCell(r, r + 1, c, c + 1, xs[c], ys[r], xs[c + 1], ys[r + 1])
        for r in range(len(ys) - 1)
        for c in range(len(xs) - 1)
    )
    return PageGrid(1, name, len(ys) - 1, len(xs) - 1, cells, ruled=ruled, col_edges=tuple(xs))


def two_column_rows(n: int) -> list[Word]:
    """n rows of a ref at x 105 and an action at x 305, 20 pt apart from y 100."""
    return [w for r in range(n) for w in (word(f"R{r}", 105, 105 + 20 * r), word("Do", 305, 105 + 20 * r))]


def test_a_ruled_grid_gives_way_to_the_text_columns_reading_of_its_words_when_that_scores_higher():
    """Rules parting columns no text is printed in: every word sits in a cell (the geometry score
    accepts the grid), but a third of its cells are empty; the text columns read the same words
    as two full columns, and the calibrated score values that reading higher."""
    ys = [100 + 20 * r for r in range(13)]
    words = two_column_rows(12)
    page = boxed_page([100, 200, 300, 400], ys, words)
    ruled = lattice_of("pdfplumber-lines", [100, 200, 300, 400], ys)
    assert grid_score(ruled, words) >= PdfSettings().lines_min_score
    text = Spy([lattice_of("text-columns", [100, 300, 400], ys, ruled=False)])
    tables = page_tables(page, Strategies(Spy([ruled]), None, text), PdfSettings())
    assert [t.extractor for t in tables] == ["text-columns"]
    assert [r.cells for r in tables[0].rows][:2] == [("R0", "Do"), ("R1", "Do")]


def test_a_text_reading_scoring_no_higher_leaves_the_ruled_grid():
    ys = [100 + 20 * r for r in range(13)]
    words = two_column_rows(12)
    page = boxed_page([100, 300, 400], ys, words)
    text = Spy([lattice_of("text-columns", [100, 300, 400], ys, ruled=False)])
    tables = page_tables(page, Strategies(LinesStrategy(), None, text), PdfSettings())
    assert text.calls == 1 and [t.extractor for t in tables] == ["pdfplumber-lines"]


def test_camelot_cells_merge_where_borders_are_missing():
    def c(x1, y1, x2, y2, bottom=True, right=True):  # noqa: ANN001, ANN202 - camelot Cell stand-in
        return SimpleNamespace(x1=x1, y1=y1, x2=x2, y2=y2, bottom=bottom, right=right)

    # 2x2 lattice in PDF coordinates (y up); the left column's two cells share no border
    cells = [
        [c(0, 50, 10, 100, bottom=False), c(10, 50, 20, 100)],
        [c(0, 0, 10, 50), c(10, 0, 20, 50)],
    ]
    boxes = sorted(merged_boxes(cells, page_height=100))
    assert boxes == [(0, 0, 10, 100), (10, 0, 20, 50), (10, 50, 20, 100)]


def row(cells: tuple[str, ...], full: bool = False) -> PageRow:
    return PageRow(cells, 0.0, (False,) * len(cells), full)


def test_full_width_row_alone_at_a_page_foot_opens_the_next_pages_table():
    banner = PageTable(1, "pdfplumber-lines", (row(("Recognition",)),), 770, 785, 56, 538, 1.0, frozenset())
    table = PageTable(
        2,
        "pdfplumber-lines",
        (row(("", "Action")), row(("B8.", "Publicise"))),
        60,
        300,
        56,
        538,
        1.0,
        frozenset(),
        (56.0, 93.0, 538.0),
    )
    (joined,) = join_pieces([banner, table])
    assert isinstance(joined, JoinedTable)
    assert [list(r.cells) for r in joined.rows] == [
        ["Recognition", "Recognition"],
        ["", "Action"],
        ["B8.", "Publicise"],
    ]
    assert joined.rows[0].page == 1


def test_camelot_stops_once_its_page_budget_is_spent(tmp_path, monkeypatch):
    """The budget counts pages, not seconds: which pages camelot reads never depends on load."""
    from talentmap.extract.pdf.strategy_camelot import CamelotLatticeStrategy

    strategy = CamelotLatticeStrategy(tmp_path / "missing.pdf", page_budget=2)
    read: list[int] = []
    monkeypatch.setattr(strategy, "_extract", lambda page: read.append(page.number) or [])
    pages = [replace(boxed_page([100, 200, 300], [100, 120, 140], grid_words()), number=n) for n in (1, 2, 3)]
    assert [strategy.extract(p) for p in pages] == [[], [], []]
    assert read == [1, 2] and strategy.pages_read == 2


def test_camelot_is_not_run_for_cell_shading_that_only_looks_like_rules():
    from dataclasses import replace

    words = [word("Ref", 105, 105), word("Action", 140, 105), word("1.1", 105, 125), word("Do", 205, 125)]
    page = boxed_page([100, 150, 250, 300], [100, 120, 140], words)
    shaded = replace(page, edges=tuple(replace(e, stroked=e.orientation == "h") for e in page.edges))
    lattice = Spy([lattice_grid("camelot-lattice")])
    page_tables(shaded, Strategies(Spy(LinesStrategy().extract(page)), lattice, Spy([])), PdfSettings())
    assert lattice.calls == 0


def header_bar_page(header: list[tuple[str, float]]) -> PageData:
    """A box drawn round one line (a filled header bar) over three unruled columns of rows."""
    rows = [("1.1", "Review the plan", "Ann"), ("1.2", "Hold a fair", "Bob"), ("1.3", "Fund a post", "Cat")]
    words = [word(t, x, 103) for t, x in header]
    for i, (ref, action, lead) in enumerate(rows):
        top = 120 + 16 * i
        words += [word(ref, 105, top), word(lead, 400, top)]
        x = 180
        for w in action.split():
            words.append(word(w, x, top))
            x += 5 * len(w) + 3
    edges = [Edge("h", 100, 500, 100, 100), Edge("h", 100, 500, 116, 116)]
    edges += [Edge("v", 100, 100, 100, 116), Edge("v", 500, 500, 100, 116)]
    return PageData(1, 600, 800, tuple(words), tuple(edges), n_chars=100, n_images=0)


def test_a_boxed_header_bar_is_read_with_the_columns_below_it():
    # the box holds cells side by side (its line pauses widely), not one merged row: the header is
    # the first row of the one table, cut at the columns of the rows below
    page = header_bar_page([("Ref", 105), ("Action", 180), ("Lead", 400)])
    strategies = Strategies(LinesStrategy(), None, TextColumnsStrategy(PdfSettings()))
    (table,) = join_pieces(page_tables(page, strategies, PdfSettings()))
    assert isinstance(table, JoinedTable)
    assert table.rows[0].cells == ("Ref", "Action", "Lead")
    assert [r.cells[0] for r in table.rows[1:]] == ["1.1", "1.2", "1.3"]


def test_a_boxed_title_is_still_a_row_of_its_own():
    page = header_bar_page([("Pillar", 105), ("one:", 138), ("Visibility", 163)])
    strategies = Strategies(LinesStrategy(), None, TextColumnsStrategy(PdfSettings()))
    tables = page_tables(page, strategies, PdfSettings())
    assert tables[0].rows[0].cells == ("Pillar one: Visibility",) and len(tables) == 2


def prose_beside(x0: float, tops: list[float]) -> list[Word]:
    """Lines of body text in a column left of a table, each a few words long."""
    return [
        word(t, x0 + 45 * k, top) for top in tops for k, t in enumerate(("Since", "signing", "we", "have"))
    ]


def table_beside_prose() -> tuple[list[float], list[float], list[Word]]:
    xs, ys = [300, 400, 500], [100, 130, 160, 190, 220]
    cells = [
        word(t, x + 5, y + 8)
        for y, row in zip(
            ys, (("Ref", "Action"), ("1.1", "Do"), ("1.2", "Run"), ("1.3", "Map")), strict=False
        )
        for x, t in zip(xs, row, strict=False)
    ]
    return xs, ys, cells


def test_a_ruled_table_beside_a_column_of_body_text_keeps_its_score():
    # the body text's lines (13pt apart) run across the table's row rules: a column of its own
    xs, ys, cells = table_beside_prose()
    prose = prose_beside(40, [98 + 13 * k for k in range(10)])
    page = boxed_page(xs, ys, cells + prose)
    (grid,) = LinesStrategy().extract(page)
    assert grid_score(grid, page.words) == 1.0
    tables = page_tables(page, Strategies(LinesStrategy(), None, Spy([])), PdfSettings())
    assert [r.cells for r in tables[0].rows][:2] == [("Ref", "Action"), ("1.1", "Do")]


def test_words_beside_a_ruled_table_on_its_own_rows_still_count_against_it():
    # one word per row beside the grid, inside the rows' bands: cells the rules left out
    xs, ys, cells = table_beside_prose()
    beside = [word("Lead", 200, y + 8) for y in ys[:-1]]
    page = boxed_page(xs, ys, cells + beside)
    (grid,) = LinesStrategy().extract(page)
    assert grid_score(grid, page.words) < 0.8


def test_a_short_sidebar_beside_a_long_ruled_table_is_a_column_of_its_own():
    # the sidebar's four lines reach only the table's first rows, and two of its lines sit
    # between rules: the rules within its height that its lines cut are what count
    xs, ys = [300, 400, 500], [100, 130, 160, 190, 220, 250, 280]
    rows = [("Ref", "Action"), *((f"1.{k}", "Do") for k in range(1, 6))]
    cells = [
        word(t, x + 5, y + 8) for y, row in zip(ys, rows, strict=False) for x, t in zip(xs, row, strict=False)
    ]
    page = boxed_page(xs, ys, cells + prose_beside(40, [100, 122, 140, 155]))
    (grid,) = LinesStrategy().extract(page)
    assert grid_score(grid, page.words) == 1.0


def test_row_labels_level_with_a_grids_lines_stay_the_tables_own():
    # a stub of row labels beside the grid, each on the line of the row's values: even where the
    # grid's row lines run through those lines, the labels are an unruled column of the table
    xs, ys = [300, 400, 500], [100, 130, 160, 190, 220]
    tops = [105, 126, 156, 186]
    cells = [word(t, x + 5, top) for top in tops for x, t in zip(xs, ("12.5", "3.4"), strict=False)]
    stub = [word(t, 40 + 45 * k, top) for top in tops for k, t in enumerate(("All", "people", "aged"))]
    page = boxed_page(xs, ys, cells + stub)
    (grid,) = LinesStrategy().extract(page)
    assert grid_score(grid, page.words) < 0.8


def text_grid(ys: list[float], xs: list[float]) -> PageGrid:
    """An unruled grid read from text: rows between the ys, columns between the xs."""
    cells = tuple(
        GridCell(r, r + 1, c, c + 1, xs[c], ys[r], xs[c + 1], ys[r + 1])
        for r in range(len(ys) - 1)
        for c in range(len(xs) - 1)
    )
    return PageGrid(1, "text-columns", len(ys) - 1, len(xs) - 1, cells, ruled=False, col_edges=tuple(xs))


def table_lines(ys: list[float]) -> list[Word]:
    """A ref, an action and a lead at the top of each row (columns 1-3 of the grid)."""
    return [
        w for y in ys[:-1] for w in (word("1.1", 205, y + 2), word("Run", 255, y + 2), word("HR", 405, y + 2))
    ]


def test_body_text_read_as_an_unruled_tables_first_column_is_a_column_of_its_own():
    # the text's lines (13pt apart) run on across the rows' lines, level with none of the table's
    ys, xs = [100, 130, 160, 190, 220], [40, 200, 250, 400, 480]
    prose = prose_beside(40, [104 + 13 * k for k in range(9)])
    words = table_lines(ys) + prose
    assert _text_column_at_edge(text_grid(ys, xs), words) == {id(w) for w in prose}


def test_cells_merged_over_rows_in_a_tables_first_column_stay_the_tables():
    # a group's objective centred on its two rows: its lines cross the row line between them,
    # but its blocks part where the rows part
    ys, xs = [100, 130, 160, 190, 220], [40, 200, 250, 400, 480]
    merged = [word("Raise", 45, top) for top in (124, 137, 184, 197)]
    words = table_lines(ys) + merged
    assert _text_column_at_edge(text_grid(ys, xs), words) == set()


def test_a_header_bar_over_a_section_heading_is_read_with_the_columns_below_both():
    # a group's heading (one run of words from the table's left) under the bar, and a gap before
    # the rows: the bar's pieces line up with the first line printed in pieces under the heading
    page = header_bar_page([("Ref", 105), ("Action", 180), ("Lead", 400)])
    heading = ["Support", "technicians", "to", "develop", "their", "skills"]
    words = [w if w.top < 117 else replace(w, top=w.top + 40, bottom=w.bottom + 40) for w in page.words]
    x = 105
    for token in heading:
        words.append(word(token, x, 122))
        x += 5 * len(token) + 3
    page = replace(page, words=tuple(words))
    strategies = Strategies(LinesStrategy(), None, TextColumnsStrategy(PdfSettings()))
    tables = join_pieces(page_tables(page, strategies, PdfSettings()))
    assert tables[0].rows[0].cells == ("Ref", "Action", "Lead")
    assert [r.cells[0] for t in tables for r in t.rows if r.cells[0][:1] == "1"] == ["1.1", "1.2", "1.3"]
