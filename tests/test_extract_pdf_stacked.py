"""Tables whose group column is drawn by fills of its own (a tall band for a value merged over many
rows beside rows shaded cell by cell), pages going on with such tables, and the running banner
over them (hand-built pages)."""

from __future__ import annotations

from dataclasses import replace

from pdf_pages import PITCH

from talentmap.extract.pdf.furniture import strip_furniture
from talentmap.extract.pdf.grid import PageRow, PageTable
from talentmap.extract.pdf.join import join_pieces
from talentmap.extract.pdf.layout import group_lines
from talentmap.extract.pdf.page import Edge, Fill, PageData, Word
from talentmap.extract.pdf.page_tables import Strategies, page_tables
from talentmap.extract.pdf.rows_ruled import _with_rule_joints
from talentmap.extract.pdf.settings import PdfSettings
from talentmap.extract.pdf.strategy_lines import LinesStrategy
from talentmap.extract.pdf.strategy_text import TextColumnsStrategy

XS = (45.0, 145.0, 275.0, 415.0, 515.0)
HEADER = ["Theme", "Objective", "Action", "Lead"]


def word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 5 * len(text), top, top + 9, 9)


def line(cells: list[str], top: float) -> list[Word]:
    out = []
    for text, x0 in zip(cells, XS, strict=False):
        x = x0 + 4
        for token in text.split():
            out.append(word(token, x, top))
            x += 5 * (len(token) + 1)
    return out


def shaded(col0: int, col1: int, top: float, bottom: float) -> tuple[Fill, list[Edge]]:
    """A filled, unstroked box over columns [col0, col1) and its four unstroked sides."""
    x0, x1 = XS[col0], XS[col1]
    sides = [
        Edge("h", x0, x1, top, top, False),
        Edge("h", x0, x1, bottom, bottom, False),
        Edge("v", x0, x0, top, bottom, False),
        Edge("v", x1, x1, top, bottom, False),
    ]
    return Fill(x0, x1, top, bottom, 0.9), sides


def fill_page(rows: list[tuple[list[str], float]], boxes: list[tuple[int, int, float, float]]) -> PageData:
    words = tuple(w for cells, top in rows for w in line(cells, top))
    fills, edges = [], []
    for box in boxes:
        fill, sides = shaded(*box)
        fills.append(fill)
        edges += sides
    return PageData(1, 600, 800, words, tuple(edges), fills=tuple(fills), n_chars=500, n_images=0)


def tables_of(page: PageData) -> list[PageTable]:
    settings = PdfSettings()
    return page_tables(page, Strategies(LinesStrategy(), None, TextColumnsStrategy(settings)), settings)


def header_bar() -> list[tuple[int, int, float, float]]:
    return [(c, c + 1, 86.0, 104.0) for c in range(4)]


def test_a_tall_band_and_row_shadings_sharing_no_corner_are_one_lattice():
    # the theme's band runs down column 0 and stops a cell's spacing short of the last row's foot;
    # the objective merged over rows 2-4 is shaded from a cell's spacing under row 1: the band's
    # corners meet no corner of the shadings beside it, so pdfplumber reads two overlapping tables
    rows = [
        (HEADER, 90.0),
        (["Theme one", "First aim", "Action one", "Lead one"], 108.0),
        (["", "Second aim", "Action two", "Lead two"], 160.0),
        (["", "", "Action three", "Lead three"], 210.0),
        (["", "", "Action four", "Lead four"], 260.0),
    ]
    boxes = header_bar() + [(0, 1, 104.0, 300.0), (1, 2, 104.0, 150.0), (2, 3, 104.0, 150.0)]
    boxes += [(3, 4, 104.0, 150.0), (1, 2, 156.0, 305.0), (2, 3, 156.0, 200.0), (3, 4, 156.0, 200.0)]
    boxes += [(2, 3, 250.0, 305.0), (3, 4, 250.0, 305.0)]
    page = fill_page(rows, boxes)
    assert len(LinesStrategy().extract(page)) == 1
    (table,) = tables_of(page)
    assert [r.cells[2] for r in table.rows] == [
        "Action",
        "Action one",
        "Action two",
        "Action three",
        "Action four",
    ]
    assert [r.cells[1] for r in table.rows][2:] == ["Second aim"] * 3
    assert all(any(r.cells) for r in table.rows)


def test_an_unshaded_row_printed_in_the_columns_between_two_lattices_joins_them():
    # nothing is drawn through the white row between two pieces on the same columns
    rows = [
        (HEADER, 90.0),
        (["Theme one", "First aim", "Action one", "Lead one"], 108.0),
        (["", "Second aim", "Action two", "Lead two"], 160.0),
        (["Theme two", "Third aim", "Action three", "Lead three"], 210.0),
        (["", "", "Action four", "Lead four"], 260.0),
        (["", "", "Action five", "Lead five"], 310.0),
    ]
    boxes = header_bar() + [(c, c + 1, 104.0, 150.0) for c in range(4)]
    boxes += [(0, 1, 200.0, 350.0), (1, 2, 200.0, 350.0), (2, 3, 200.0, 250.0), (3, 4, 200.0, 250.0)]
    boxes += [(2, 3, 300.0, 350.0), (3, 4, 300.0, 350.0)]
    page = fill_page(rows, boxes)
    assert len(LinesStrategy().extract(page)) == 1
    (table,) = tables_of(page)
    assert [r.cells[2] for r in table.rows][1:] == [
        f"Action {n}" for n in ("one", "two", "three", "four", "five")
    ]


def test_a_heading_between_two_lattices_keeps_them_apart():
    # a section's heading printed in one column between two tables on the same columns
    rows = [
        (HEADER, 90.0),
        (["Theme one", "First aim", "Action one", "Lead one"], 108.0),
        (["Sustainability"], 160.0),
        (HEADER, 210.0),
        (["Theme two", "Third aim", "Action three", "Lead three"], 230.0),
    ]
    boxes = header_bar() + [(c, c + 1, 104.0, 150.0) for c in range(4)]
    boxes += [(c, c + 1, 206.0, 224.0) for c in range(4)] + [(c, c + 1, 224.0, 260.0) for c in range(4)]
    assert len(LinesStrategy().extract(fill_page(rows, boxes))) == 2


def test_a_rule_joint_with_nothing_printed_under_it_opens_no_row():
    band = group_lines(line(["", "", "Audit open days", "Heads"], 100.0), 1.5)
    assert _with_rule_joints([], [112.0], band, 98.0) == []
    assert _with_rule_joints(
        [], [97.0 + PITCH], [*band, *group_lines(line(["", "", "More"], 120.0), 1.5)], 98.0
    )


def test_a_framed_row_opening_a_page_whose_cell_holds_lines_in_pieces_is_no_cut_rows_rest():
    # a frame ruled round an empty first column only, going on from the last page: its one
    # lattice row holds new rows printed in several columns, to be read from the text's columns
    rows = [
        (["", "", "Develop profiles", "Head of HR"], 50.0),
        (["", "", "Set up a newsletter", "Network chair"], 80.0),
        (["", "", "Update the newsletter", "Vice-Chancellor"], 110.0),
    ]
    words = [w for cells, top in rows for w in line(cells, top)]
    words += [w for k, (_, top) in enumerate(rows) for w in line(["", str(10 + k)], top)]
    edges = (
        Edge("v", 45, 45, 42, 130),
        Edge("v", 515, 515, 42, 130),
        Edge("v", 145, 145, 42, 130),
        Edge("h", 45, 515, 130, 130),
        Edge("h", 45, 515, 42, 42),
    )
    page = PageData(2, 600, 800, tuple(words), edges, n_chars=500, n_images=0, continues_table=True)
    tables = tables_of(page)
    assert not any(t.extractor == LinesStrategy.name for t in tables)
    assert [r.cells[-1] for r in max(tables, key=lambda t: len(t.rows)).rows] == [
        "Head of HR",
        "Network chair",
        "Vice-Chancellor",
    ]


def piece(page_no: int, rows: list[list[str]], spanned: frozenset[int] = frozenset()) -> PageTable:
    n = len(rows[0])
    return PageTable(
        page=page_no,
        extractor="test",
        rows=tuple(
            PageRow(tuple(r), 50.0 + i, tuple(c in spanned for c in range(n))) for i, r in enumerate(rows)
        ),
        top=50.0,
        bottom=150.0,
        x0=0,
        x1=300,
        score=1.0,
        words_used=frozenset(),
        col_edges=tuple(float(x) for x in range(0, 100 * n + 1, 100)),
    )


def test_the_lower_case_rest_of_a_merged_cell_opening_a_new_row_overleaf_joins_the_cell():
    header = ["Ref", "Objective", "Action"]
    p1 = piece(1, [header, ["8", "Embed recognition", "Expand it"], ["9", "Raise awareness of", "Run it"]])
    p2 = piece(
        2,
        [["10", "technical careers", "Develop profiles"], ["11", "technical careers", "Set up a newsletter"]],
        spanned=frozenset({1}),
    )
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert [r[1] for r in rows[2:]] == ["Raise awareness of technical careers"] * 3
    assert [r[0] for r in rows[2:]] == ["9", "10", "11"]


def test_a_capitalised_group_value_opening_a_new_row_overleaf_stays_its_own():
    header = ["Ref", "Objective", "Action"]
    p1 = piece(1, [header, ["9", "Raise awareness of", "Run it"]])
    p2 = piece(2, [["10", "Technical careers", "Develop profiles"]], spanned=frozenset({1}))
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert [r[1] for r in rows[1:]] == ["Raise awareness of", "Technical careers"]


def test_a_banner_over_a_body_is_no_header_for_lining_up_with_the_footer_and_a_word_of_prose():
    # a browser's date and title banner over a table going on from the page before: its date
    # starts at the margin the running footer starts at, and its title where one word of a
    # paragraph in a cell happens to start; neither is a column of the body under it
    pages = []
    for n in (1, 2):
        banner = [word("12/2/26,", 24, 16), word("Plan", 283, 16)]
        body = []
        for k in range(4):
            top = 38 + 11 * k
            body += [word(f"V{n}{k}", 79, top), word(f"Run{n}{k}", 246, top), word(f"the{n}{k}", 283, top)]
            body += [word(f"policy{n}{k}", 320, top), word(f"Lead{n}{k}", 517, top)]
        footer = [word("file:///tmp/plan.html", 24, 768), word(f"{n}/2", 575, 768)]
        pages.append(
            replace(PageData(n, 600, 800, (), (), n_chars=500, n_images=0), words=(*banner, *body, *footer))
        )
    kept = strip_furniture(pages, PdfSettings())
    assert all("12/2/26," not in [w.text for w in p.words] for p in kept)


def test_a_first_row_overleaf_leaving_columns_every_row_fills_empty_is_the_last_rows_rest():
    # a wrapped theme ("Career" / "Development") and an action's next sentence, both in capitals,
    # printed overleaf with the lead and date columns (filled by every row above) left empty
    header = ["Theme", "Action", "Lead", "When"]
    body = [["Visibility", f"Action {k}.", f"Lead {k}", "2025"] for k in range(3)]
    p1 = piece(1, [header, *body, ["Pillar 3: Career", "Create workload models.", "Heads", "2026"]])
    p2 = piece(
        2, [["Development", "Uptake will be reviewed.", "", ""], ["Sustainability", "Map it.", "HR", "2027"]]
    )
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert rows[4] == [
        "Pillar 3: Career Development",
        "Create workload models. Uptake will be reviewed.",
        "Heads",
        "2026",
    ]
    assert rows[5] == ["Sustainability", "Map it.", "HR", "2027"]


def test_a_section_title_opening_the_page_in_the_first_cell_alone_is_no_rest_of_a_row():
    header = ["Theme", "Action", "Lead", "When"]
    body = [["Visibility", f"Action {k}.", f"Lead {k}", "2025"] for k in range(4)]
    p2 = piece(2, [["Career Development", "", "", ""], ["", "Map it.", "HR", "2027"]])
    rows = [list(r.cells) for r in join_pieces([piece(1, [header, *body]), p2])[0].rows]
    assert rows[4][0] == "Visibility" and rows[5][0] == "Career Development"


def test_a_heading_running_across_a_column_line_at_a_word_space_between_two_lattices_keeps_them_apart():
    rows = [
        (HEADER, 90.0),
        (["Theme one", "First aim", "Action one", "Lead one"], 108.0),
        (["", "Second aim", "Action two", "Lead two"], 130.0),
        (HEADER, 166.0),
        (["Theme two", "Third aim", "Action three", "Lead three"], 184.0),
        (["", "Fourth aim", "Action four", "Lead four"], 206.0),
    ]
    boxes = (
        header_bar()
        + [(c, c + 1, 104.0, 126.0) for c in range(4)]
        + [(c, c + 1, 126.0, 150.0) for c in range(4)]
    )
    boxes += [(c, c + 1, 162.0, 180.0) for c in range(4)] + [(c, c + 1, 180.0, 202.0) for c in range(4)]
    boxes += [(c, c + 1, 202.0, 224.0) for c in range(4)]
    page = fill_page(rows, boxes)
    heading = [
        word("Theme", 100, 151),
        word("4", 130, 151),
        word("-", 138, 151),
        word("Sustainability", 147, 151),
    ]
    page = replace(page, words=(*page.words, *heading))
    assert len(LinesStrategy().extract(page)) == 2


def test_the_unshaded_row_under_the_last_piece_of_a_joined_lattice_is_its_row():
    # as in the gap test, with one more white row printed right under the last shaded piece
    rows = [
        (HEADER, 90.0),
        (["Theme one", "First aim", "Action one", "Lead one"], 108.0),
        (["", "Second aim", "Action two", "Lead two"], 160.0),
        (["Theme two", "Third aim", "Action three", "Lead three"], 210.0),
        (["", "", "Action four", "Lead four"], 260.0),
        (["", "", "Action five", "Lead five"], 310.0),
        (["", "Sixth aim", "Action six", "Lead six"], 354.0),
    ]
    boxes = header_bar() + [(c, c + 1, 104.0, 150.0) for c in range(4)]
    boxes += [(0, 1, 200.0, 350.0), (1, 2, 200.0, 350.0), (2, 3, 200.0, 250.0), (3, 4, 200.0, 250.0)]
    boxes += [(2, 3, 300.0, 350.0), (3, 4, 300.0, 350.0)]
    (table,) = tables_of(fill_page(rows, boxes))
    assert [r.cells[2] for r in table.rows][-2:] == ["Action five", "Action six"]
    assert table.rows[-1].cells[1] == "Sixth aim"


def test_a_shaded_rest_of_a_row_whose_justified_line_pauses_at_wide_spaces_is_still_a_rest():
    words = [word("will", 149, 60), word("be", 190, 60), word("invited", 215, 60), word("to", 262, 60)]
    words += [word("take", 149, 71), word("part.", 175, 71)]
    fills, edges = [], []
    for c in range(4):
        fill, sides = shaded(c, c + 1, 56.0, 84.0)
        fills.append(fill)
        edges += sides
    page = PageData(2, 600, 800, tuple(words), tuple(edges), fills=tuple(fills), n_chars=500, n_images=0)
    (table,) = tables_of(replace(page, continues_table=True))
    assert table.extractor == LinesStrategy.name
    assert table.rows[0].cells[1] == "will be invited to take part."


def test_a_first_row_overleaf_printing_where_the_last_row_printed_nothing_is_no_rest_of_it():
    # a running banner read as the page's first row: its date in the theme column, left empty by
    # the last row (a group's value printed once above)
    header = ["Theme", "Action", "Lead", "When"]
    body = [["Visibility", f"Action {k}.", f"Lead {k}", "2025"] for k in range(3)]
    p1 = piece(1, [header, *body, ["", "Create workload models.", "Heads", "2026"]])
    p2 = piece(2, [["12/2/26, 6:07 PM", "Our plan", "", ""], ["Sustainability", "Map it.", "HR", "2027"]])
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert rows[4] == ["", "Create workload models.", "Heads", "2026"]
