"""The PDF reader's pure steps, on hand-built words and page pieces (no PDF needed)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from talentmap.extract import ExtractionError
from talentmap.extract.pdf.celltext import cell_text, document_words
from talentmap.extract.pdf.columns import find_gutters
from talentmap.extract.pdf.furniture import RunningText, running_texts, strip_furniture
from talentmap.extract.pdf.grid import PageRow, PageTable
from talentmap.extract.pdf.join import JoinedTable, join_pieces
from talentmap.extract.pdf.layout import group_lines
from talentmap.extract.pdf.page import PageData, Word
from talentmap.extract.pdf.paragraphs import Paragraph, paragraphs
from talentmap.extract.pdf.reader import _check_text_layer
from talentmap.extract.pdf.settings import PdfSettings

CHAR = 5.0  # every hand-built character is 5pt wide
PITCH = 12.0


def line(text: str, x0: float, top: float, size: float = 10.0) -> list[Word]:
    """Words of `text` laid out from x0 with one-character spaces."""
    out, x = [], x0
    for token in text.split():
        out.append(Word(token, x, x + CHAR * len(token), top, top + size, size))
        x += CHAR * (len(token) + 1)
    return out


def cell(*lines: str, x0: float = 100.0) -> list[Word]:
    return [w for i, text in enumerate(lines) for w in line(text, x0, 100 + i * PITCH)]


# --- cell text -------------------------------------------------------------------------------


def test_word_broken_at_the_column_edge_is_rejoined():
    words = cell("Commitme", "nt to staff")  # "Commitme" fills the 40pt column: 100..140
    assert cell_text(words, right_edge=140.0, line_tolerance=1.5) == "Commitment to staff"


def test_short_line_is_a_normal_wrap_even_if_next_starts_lower_case():
    words = cell("Learning", "for life")
    assert cell_text(words, right_edge=170.0, line_tolerance=1.5) == "Learning for life"


def test_broken_reference_is_rejoined():
    words = cell("1.", "4")
    assert cell_text(words, right_edge=110.5, line_tolerance=1.5) == "1.4"


def test_hyphenated_line_end_keeps_hyphen_without_space():
    words = cell("an institution-", "wide plan")
    assert cell_text(words, right_edge=300.0, line_tolerance=1.5) == "an institution-wide plan"


def test_suspended_hyphen_keeps_its_space():
    words = cell("department-", "and school-level")
    assert cell_text(words, right_edge=300.0, line_tolerance=1.5) == "department- and school-level"


def test_bullet_lines_start_new_lines():
    words = cell("* first point that", "wraps here", "• second point")
    assert (
        cell_text(words, right_edge=300.0, line_tolerance=1.5)
        == "* first point that wraps here\n• second point"
    )


# --- page furniture ------------------------------------------------------------------------------


def page(number: int, words: list[Word]) -> PageData:
    return PageData(number, 600.0, 800.0, tuple(words), (), n_chars=100, n_images=0)


def test_banner_and_page_number_repeated_on_every_page_are_removed():
    pages = [
        page(
            n,
            line("Technician Commitment", 400, 30)
            + line("Ref Action", 50, 100)
            + line(f"Body text {['alpha', 'beta', 'gamma'][n - 1]}", 50, 112)
            + line(str(n), 300, 780),
        )
        for n in (1, 2, 3)
    ]
    body = strip_furniture(pages, PdfSettings())
    for p in body:
        texts = [ln.text for ln in group_lines(p.words, 1.5)]
        assert texts == ["Ref Action", f"Body text {['alpha', 'beta', 'gamma'][p.number - 1]}"]


def test_long_repeated_block_and_text_on_half_the_pages_are_not_furniture():
    paragraph = [w for i in range(4) for w in line(f"Same paragraph line {'abcd'[i]}", 50, 100 + i * PITCH)]
    pages = [
        page(n, paragraph + line("Every other page" if n % 2 else "Varies " + "xyzw"[n - 1], 50, 700))
        for n in (1, 2, 3, 4)
    ]
    for p in strip_furniture(pages, PdfSettings()):
        assert len(group_lines(p.words, 1.5)) == 5


def test_one_page_document_keeps_everything():
    pages = [page(1, line("Technician Commitment", 400, 30) + line("Body", 50, 100))]
    assert strip_furniture(pages, PdfSettings())[0].words == pages[0].words


def test_running_banner_is_kept_once_and_page_numbers_are_dropped():
    pages = [
        page(
            n,
            line("University of Example · Action Plan", 50, 30)
            + line(f"Body text {['alpha', 'beta', 'gamma'][n - 1]}", 50, 112)
            + line(f"Page {n} of 3", 300, 780)
            + line("Appendix A: plan", 50, 790),
        )
        for n in (1, 2, 3)
    ]
    body = strip_furniture(pages, PdfSettings())
    assert running_texts(pages, body, PdfSettings()) == [
        RunningText("University of Example · Action Plan", 1, "header"),
        RunningText("Appendix A: plan", 1, "footer"),
    ]


# --- columns -----------------------------------------------------------------------------------


def test_gutters_survive_a_title_printed_across_them():
    actions = [
        "Do the thing",
        "Review a policy",
        "Hold events yearly",
        "Fund it",
        "Ask staff",
        "Share widely now",
    ]
    rows = [
        line(f"1.{i}", 50, 100 + i * PITCH) + line(a, 120, 100 + i * PITCH) for i, a in enumerate(actions)
    ]
    title = line("A long title that runs right across both of the columns", 50, 80)
    lines = group_lines([w for r in rows for w in r] + title, 1.5)
    gutters = find_gutters(lines, gap_min=6.0, noise_share=0.2)
    assert len(gutters) == 1
    assert gutters[0].x0 >= 65 and gutters[0].x1 == pytest.approx(120, abs=1)


# --- joining page pieces ------------------------------------------------------------------------


def piece(
    page_no: int, rows: list[list[str]], top: float = 50.0, spanned: frozenset[int] = frozenset()
) -> PageTable:
    n = len(rows[0])
    return PageTable(
        page=page_no,
        extractor="test",
        rows=tuple(
            PageRow(tuple(r), top + i, tuple(c in spanned for c in range(n))) for i, r in enumerate(rows)
        ),
        top=top,
        bottom=top + 100,
        x0=0,
        x1=300,
        score=1.0,
        words_used=frozenset(),
        col_edges=tuple(float(x) for x in range(0, 100 * n + 1, 100)),
    )


def test_continuation_joins_drops_header_and_merges_a_split_row():
    p1 = piece(1, [["Ref", "Action"], ["1.1", "Start the"], ["1.2", "Second"]])
    p2 = piece(2, [["Ref", "Action"], ["", "work early."], ["1.3", "Third"]])
    out = join_pieces([p1, p2])
    assert len(out) == 1 and isinstance(out[0], JoinedTable)
    assert [list(r.cells) for r in out[0].rows] == [
        ["Ref", "Action"],
        ["1.1", "Start the"],
        ["1.2", "Second work early."],
        ["1.3", "Third"],
    ]
    assert [r.page for r in out[0].rows] == [1, 1, 1, 2]


def test_sentence_carrying_on_in_lower_case_merges_without_a_ref_column():
    p1 = piece(1, [["Aim", "Done"], ["Make staff visible and", "Website"]])
    p2 = piece(2, [["recognised across sites.", ""], ["Second aim.", "Nothing"]])
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert rows[1] == ["Make staff visible and recognised across sites.", "Website"]
    assert rows[2] == ["Second aim.", "Nothing"]


def test_text_between_pieces_keeps_tables_apart():
    p1 = piece(1, [["Ref", "Action"], ["1.1", "A"], ["1.2", "B"]])
    note = Paragraph("Section two", 2, 10.0)
    p2 = piece(2, [["Ref", "Action"], ["2.1", "C"], ["2.2", "D"]])
    out = join_pieces([p1, note, p2])
    assert [type(x).__name__ for x in out] == ["JoinedTable", "Paragraph", "JoinedTable"]


def test_merged_cell_open_at_the_page_break_carries_on():
    header, merged = ["Theme", "Ref", "Action"], frozenset({0})
    p1 = piece(1, [header, ["Visibility", "1.1", "A"], ["Visibility", "1.2", "B"]], spanned=merged)
    p2 = piece(2, [["", "1.3", "C"], ["", "1.4", "D"]], spanned=merged)
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert rows[-2:] == [["Visibility", "1.3", "C"], ["Visibility", "1.4", "D"]]


def test_merged_cell_that_starts_overleaf_empty_continues_the_one_above_without_merging_rows():
    # the row above ended at the break (one-row piece, not marked merged); overleaf the merged
    # cells go on empty over a complete new row: carry them, but the row is not the rest of the last
    header = ["Theme", "Objective", "Action", "Owner"]
    p1 = piece(1, [header, ["Career", "Open routes", "Set up a network", "Lead"]])
    p2 = piece(
        2,
        [["", "", "Write role profiles", "HR"], ["", "", "Fund courses", "Lead"]],
        spanned=frozenset({0, 1}),
    )
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert rows[1:] == [
        ["Career", "Open routes", "Set up a network", "Lead"],
        ["Career", "Open routes", "Write role profiles", "HR"],
        ["Career", "Open routes", "Fund courses", "Lead"],
    ]


def test_header_repeated_at_a_page_foot_takes_no_row_from_overleaf():
    # the header printed again at page 1's foot, its rows all overleaf: page 2's first row,
    # blank in its first column (a group's value printed once above), is a row of its own
    header = ["Objective", "Action", "Owner"]
    p1 = piece(1, [header, ["Open routes", "Set up a network", "Lead"], header])
    p2 = piece(2, [["", "Write role profiles", "HR"], ["Grow skills", "Fund courses", "Lead"]])
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert rows == [
        header,
        ["Open routes", "Set up a network", "Lead"],
        ["", "Write role profiles", "HR"],
        ["Grow skills", "Fund courses", "Lead"],
    ]


def test_a_header_alone_at_a_page_foot_takes_no_row_from_overleaf():
    header = ["Objective", "Action", "Owner"]
    p1 = piece(1, [header])
    p2 = piece(2, [["", "write role profiles", "HR"], ["Grow skills", "Fund courses", "Lead"]])
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert rows[:2] == [header, ["", "write role profiles", "HR"]]


def test_a_row_cut_at_a_page_foot_printing_one_cell_takes_its_rest_and_short_cells_from_overleaf():
    # middle-aligned cells: the cut row's tall cell prints its first lines at page 1's foot, its
    # ref and lead (centred lower in the row) print overleaf with the rest, in upper case or not
    header = ["Ref", "Action", "Lead"]
    p1 = piece(1, [header, ["1.1", "Run a showcase", "HR"], ["", "Launch a network for", ""]])
    p2 = piece(2, [["1.2", "Technicians will be asked first.", "Dean"], ["1.3", "Fund courses", "HR"]])
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert rows[2:] == [
        ["1.2", "Launch a network for Technicians will be asked first.", "Dean"],
        ["1.3", "Fund courses", "HR"],
    ]


def test_a_title_printed_alone_in_the_first_column_at_a_page_foot_takes_no_row_from_overleaf():
    header = ["Ref", "Action", "Lead"]
    p1 = piece(1, [header, ["1.1", "Run a showcase", "HR"], ["Theme two", "", ""]])
    p2 = piece(2, [["2.1", "Fund courses", "Dean"], ["2.2", "Map roles", "HR"]])
    rows = [list(r.cells) for r in join_pieces([p1, p2])[0].rows]
    assert rows[2:4] == [["Theme two", "", ""], ["2.1", "Fund courses", "Dean"]]


def test_a_header_ruled_alone_at_a_page_foot_heads_the_table_overleaf_or_is_text():
    header = ["Ref", "Action", "Lead"]
    foot = replace(piece(1, [header], top=700.0), foot_header=True)
    body = piece(2, [["2.1", "Fund courses", "Dean"], ["2.2", "Map roles", "HR"]])
    (table,) = join_pieces([foot, body])
    assert [list(r.cells) for r in table.rows] == [header, *[list(r.cells) for r in body.rows]]
    alone = join_pieces([foot, Paragraph("The end.", 2, 50.0)])
    assert [type(x).__name__ for x in alone] == ["Paragraph", "Paragraph"]
    assert alone[0].text == "Ref  Action  Lead"


# --- paragraphs and refusals -------------------------------------------------------------------


def test_wrapped_lines_of_a_paragraph_are_joined_and_short_lines_end_it():
    words = (
        line("1. We will support our technical staff", 50, 100)
        + line("across the whole institution.", 62, 112)
        + line("2. We will publish results.", 50, 124)
    )
    texts = [p.text for p in paragraphs(group_lines(words, 1.5), 1, right=250.0)]
    assert texts == [
        "1. We will support our technical staff across the whole institution.",
        "2. We will publish results.",
    ]


def test_blank_and_sideways_pdfs_get_their_own_messages():
    blank = PageData(1, 600, 800, (), (), n_chars=0, n_images=0)
    with pytest.raises(ExtractionError, match="no text"):
        _check_text_layer([blank], PdfSettings())
    sideways = PageData(1, 600, 800, (), (), n_chars=500, n_images=0)
    with pytest.raises(ExtractionError, match="no readable words"):
        _check_text_layer([sideways], PdfSettings())
    with pytest.raises(ExtractionError, match="no pages"):
        _check_text_layer([], PdfSettings())


def test_each_ref_line_starts_a_cell_unless_it_ends_a_broken_ref():
    from talentmap.extract.pdf.rows_gap import _split_at_refs

    lines = group_lines(cell("Ref", "1.1", "1.2", "B12.1", "4"), 1.5)  # "B12.1" fills the column to 125
    blocks = _split_at_refs([lines], right=126.0)
    assert [" ".join(ln.text for ln in b) for b in blocks] == ["Ref", "1.1", "1.2", "B12.1 4"]


def test_long_word_wrapped_whole_before_a_short_function_word_keeps_its_space():
    words = cell("contributions", "to research")  # "contributions" ends 1pt short of the edge
    assert cell_text(words, right_edge=166.0, line_tolerance=1.5) == "contributions to research"


def test_document_words_are_those_printed_whole_mid_line():
    lines = group_lines(line("we value contributions to research", 0, 0) + cell("Commitme", "nt"), 1.5)
    assert document_words(lines) == frozenset({"value", "contributions", "to"})


def test_known_words_decide_before_position():
    known = frozenset({"contributions", "to", "action", "plan", "commitment"})
    edge = 166.0  # "contributions" and "contributio" both end within a character of it
    assert cell_text(cell("contributions", "to research"), edge, 1.5, known) == "contributions to research"
    assert cell_text(cell("contributio", "ns to"), 156.0, 1.5, known) == "contributions to"
    assert cell_text(cell("Action", "ref"), 130.0, 1.5, known) == "Action ref"
    assert cell_text(cell("Commitme", "nt"), 140.0, 1.5, known) == "Commitment"
    assert cell_text(cell("TALEN", "T Rec"), 125.0, 1.5, known) == "TALENT Rec"
    assert cell_text(cell("Action", "s"), 130.0, 1.5, known) == "Actions"  # an ending, not a word


def test_known_whole_word_joins_pieces_even_off_the_edge_and_after_other_words():
    # reportlab breaks a word at the edge with other words on the line ("Career De" / "velopment")
    known = frozenset({"development", "we", "value"})
    assert cell_text(cell("Career De", "velopment"), 200.0, 1.5, known) == "Career Development"
    assert cell_text(cell("Develo", "pment"), 200.0, 1.5, known) == "Development"
    # without the document's word, a line of several words is a whole-word wrap whatever the edge
    assert cell_text(cell("Career De", "velopment"), 145.0, 1.5) == "Career De velopment"


def test_hyphen_carried_to_the_next_line_joins_the_compound():
    assert cell_text(cell("Deputy Vice", "-Chancellor"), 300.0, 1.5) == "Deputy Vice-Chancellor"
    assert cell_text(cell("Points", "- first"), 300.0, 1.5) == "Points\n- first"  # a dash bullet


def test_month_then_year_and_punctuated_line_end_keep_their_space():
    # both pieces reach the edge as a broken word would ("Dec" 100..115, edge 116)
    assert cell_text(cell("Dec", "2025"), 116.0, 1.5) == "Dec 2025"
    assert cell_text(cell("started;", "awaiting"), 141.0, 1.5) == "started; awaiting"
    assert cell_text(cell("1.", "4"), 110.5, 1.5) == "1.4"  # a ref broken after its dot still joins


def test_next_characters_own_width_decides_whether_it_would_have_fitted():
    # "Nominations" ends 3pt short of the edge: an "i" (2pt) would have fitted, so "invited" is a
    # whole word; with the average width (5pt) it would look like the rest of a broken word
    head = line("Nominations", 100, 100)
    narrow_i = Word("invited.", 100, 140, 112, 122, 10, first_char_width=2.0)
    assert cell_text([*head, narrow_i], 158.0, 1.5) == "Nominations invited."
    wide_i = Word("invited.", 100, 140, 112, 122, 10, first_char_width=4.0)
    assert cell_text([*head, wide_i], 158.0, 1.5) == "Nominationsinvited."


def test_a_bold_heading_line_ends_where_regular_text_starts():
    # the heading fills its line so far that the next word would not have fitted: only its weight
    # tells that it ended there; a bold lead-in phrase inside a regular line still wraps on
    heading = [replace(w, bold=True) for w in line("1 - Increase uptake of the mentoring service", 50, 100)]
    body = line("Currently over half the mentors are", 50, 112)
    lead_in = [
        replace(w, bold=w.text == "Note:") for w in line("Note: we will review the mentoring", 50, 136)
    ]
    rest = line("scheme every year.", 50, 148)
    texts = [p.text for p in paragraphs(group_lines(heading + body + lead_in + rest, 1.5), 1, right=250.0)]
    assert texts == [
        "1 - Increase uptake of the mentoring service",
        "Currently over half the mentors are",
        "Note: we will review the mentoring scheme every year.",
    ]


def test_numbered_item_wrapped_to_an_indent_stop_is_one_paragraph():
    words = line("1. We will support our technical staff", 50, 100) + line(
        "across the whole institution.", 68, 112
    )
    assert [p.text for p in paragraphs(group_lines(words, 1.5), 1, right=250.0)] == [
        "1. We will support our technical staff across the whole institution."
    ]


def stacked_piece(top: float, cells: list[str], edges: tuple[float, ...]) -> PageTable:
    """A one-row piece on page 1 whose cells start at the left edge of their columns."""
    row = PageRow(tuple(cells), top, (False,) * len(cells), x0s=edges[:-1])
    return PageTable(1, "test", (row,), top, top + 20, edges[0], edges[-1], 0.5, frozenset(), col_edges=edges)


def test_a_row_read_apart_with_its_first_column_empty_stacks_under_the_table():
    # the last row on the page has no theme: read on its own it shows only the table's last two
    # columns, a run of the table's edges, and joins the table under those columns
    table = piece(1, [["Theme", "Ref", "Action"], ["Skills", "1.1", "Train staff"]])
    below = stacked_piece(table.bottom + 4, ["1.2", "Run a fair"], (100.0, 200.0, 300.0))
    (out,) = join_pieces([table, below])
    assert isinstance(out, JoinedTable)
    assert list(out.rows[-1].cells) == ["", "1.2", "Run a fair"]


def test_a_piece_missing_a_gutter_inside_it_stays_apart():
    # the lower grid did not part ref from action: its first cell holds both, and seating it
    # whole under the ref column would be wrong
    table = piece(1, [["Theme", "Ref", "Action"], ["Skills", "1.1", "Train staff"]])
    below = stacked_piece(table.bottom + 4, ["Skills 1.2 Run a fair"], (0.0, 300.0))
    assert len(join_pieces([table, below])) == 2


def test_a_header_repeated_over_a_stacked_piece_is_dropped():
    # a section's rows printed under the table's header again, on the same page
    table = piece(1, [["Ref", "Action"], ["1.1", "Train staff"]])
    again = replace(piece(1, [["Ref", "Action"], ["2.1", "Run a fair"]]), top=table.bottom + 2)
    (out,) = join_pieces([table, again])
    assert [r.cells[0] for r in out.rows] == ["Ref", "1.1", "2.1"]
